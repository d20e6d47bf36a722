"""Ordinary text that names no partner, no country or no date: a person opening a sentence,
a person's name after «з», a town named only by its kind ("another Polish city"). The texts
are written for the test, in the manner of city councils' news and of English press releases.
"""

from __future__ import annotations

import pytest

from knowledge.extraction import (
    AgreementProposal,
    DocumentText,
    Extractor,
)
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import AgreementStatus

PUBLISHED = PartialDate(2024, 6, 3)


def _agreements(extractor: Extractor, text: str) -> list[AgreementProposal]:
    extraction = extractor.extract(DocumentText(text, date=PUBLISHED), today=PUBLISHED)
    return [fact for fact in extraction.facts if isinstance(fact, AgreementProposal)]


@pytest.mark.parametrize(
    "text",
    [
        "Charlotte, the project coordinator, said that Lviv signed a memorandum of "
        "cooperation with the region.",
        "Austin and the team in Kharkiv signed a memorandum of cooperation on 2 June 2024.",
        "Madison, our volunteer, said that Lviv signed a memorandum of cooperation.",
        "Adelaide and her colleagues from Kharkiv signed a memorandum of cooperation.",
    ],
)
def test_a_person_opening_a_sentence_is_no_partner_town(extractor: Extractor, text: str) -> None:
    partners = {fact.partner for fact in _agreements(extractor, text)}

    assert not partners & {"Charlotte", "Austin", "Madison", "Adelaide"}


def test_a_town_opening_a_sentence_as_a_capital_is_still_a_partner(extractor: Extractor) -> None:
    text = (
        "Chernivtsi has a new partner in Austria. Klagenfurt, the capital of Carinthia, "
        "signed a memorandum of cooperation with Chernivtsi on 12 June 2024."
    )

    assert ("Klagenfurt", "AT") in {
        (fact.partner, fact.partner_country) for fact in _agreements(extractor, text)
    }


@pytest.mark.parametrize(
    "text",
    [
        "Міська рада підписала меморандум з Надією про навчання волонтерів 2 червня 2024 року.",
        "Громада уклала меморандум з Ганною 2 червня 2024 року.",
        "Меморандум з Мілою підписали в Луцьку 2 червня 2024 року.",
    ],
)
def test_a_persons_name_after_a_memorandum_gives_no_country(
    extractor: Extractor, text: str
) -> None:
    countries = {fact.partner_country for fact in _agreements(extractor, text)}

    assert not countries & {"IN", "CN", "IT"}


def test_a_proposed_agreement_that_was_signed_is_active(extractor: Extractor) -> None:
    text = (
        "Lviv and Wroclaw, Poland, are now partners. The proposed agreement was signed "
        "today by the mayors of Lviv and Wroclaw."
    )

    statuses = {(fact.partner, fact.status) for fact in _agreements(extractor, text)}

    assert statuses == {("Wroclaw", AgreementStatus.ACTIVE)}


@pytest.mark.parametrize(
    "text",
    [
        "Угоду про співпрацю з польським містом Гнєзно підписали бурмістри польських гмін "
        "Тадеуш Ковальчик, Марек Новаківський та голова Рівненської громади.",
        "Рівне підписало угоду з польськими гмінами, від яких документ підписали війти "
        "Збігнєв Вишневський і Катажина Домбровська.",
    ],
)
def test_a_first_name_and_surname_after_a_foreign_unit_are_no_partner(
    extractor: Extractor, text: str
) -> None:
    partners = {fact.partner for fact in _agreements(extractor, text)}

    assert not partners & {
        "Тадеуш Ковальчик",
        "Марек Новаківський",
        "Збігнєв Вишневський",
        "Катажина Домбровська",
    }


def test_a_surname_that_a_village_bears_is_no_side_after_a_first_name(
    extractor: Extractor,
) -> None:
    text = (
        "Меморандум про співпрацю з польським містом Гнєзно підписали бурмістр Гнєзна "
        "та від Рівненської громади Андрій Богдан."
    )

    found = _agreements(extractor, text)

    assert [(fact.hromada_name, fact.partner) for fact in found] == [("Рівненська", "Гнєзно")]


def test_a_town_whose_name_opens_with_a_first_name_stays_a_partner(
    extractor: Extractor,
) -> None:
    text = "Житомир підписав угоду про співпрацю з американським містом Санта Клара."

    (actual,) = _agreements(extractor, text)

    assert (actual.partner, actual.partner_country) == ("Санта Клара", "US")


def test_a_word_after_sister_city_written_as_a_title_is_no_partner(extractor: Extractor) -> None:
    text = (
        "Rivne and Denton signed a letter of intent on the Future Sister City Partnership "
        "Framework and a Sister City Friendship."
    )

    partners = {fact.partner for fact in _agreements(extractor, text)}

    assert partners <= {"Denton"}
    assert "Friendship" not in partners


def test_a_town_after_the_city_of_in_capitals_is_still_a_partner(extractor: Extractor) -> None:
    text = "Rivne signed a twinning agreement with the City of Brno."

    (actual,) = _agreements(extractor, text)

    assert actual.partner == "Brno"


def test_sister_city_in_an_organisations_name_tells_of_no_tie(extractor: Extractor) -> None:
    text = (
        "The mayor of Rivne spoke with the mayor of Denton at the Sister Cities International "
        "conference in Chicago."
    )

    assert _agreements(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "The German town of Filderstadt, Poltava's twin town, has suspended its contacts "
            "with the Russian town of Selyatino.",
            "Filderstadt",
        ),
        ("Poltava's twin town of Filderstadt held a concert for the refugees.", "Filderstadt"),
    ],
)
def test_a_hromadas_twin_town_is_the_town_the_possessive_names(
    extractor: Extractor, text: str, partner: str
) -> None:
    partners = {fact.partner for fact in _agreements(extractor, text)}

    assert partners == {partner}
