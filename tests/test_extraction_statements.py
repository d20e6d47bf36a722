"""Extraction reading what a statement says of a delivery or a tie told over two sentences or
in a subordinate phrase. The texts are written for the test, in the manner of city councils'
news and English press releases.
"""

from __future__ import annotations

import pytest

from knowledge.extraction import (
    AgreementProposal,
    AidProposal,
    DocumentText,
    Extraction,
    Extractor,
    PlaceNames,
)
from knowledge.extraction.proposals import ExtensionProposal
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import AidCategory
from knowledge.qa.engine import Engine


@pytest.fixture(scope="module")
def extractor(qa_engine: Engine) -> Extractor:
    return Extractor(PlaceNames.from_engine(qa_engine))


def _extract(extractor: Extractor, text: str, published: PartialDate) -> Extraction:
    return extractor.extract(DocumentText(text, date=published), today=published)


def _agreements(extraction: Extraction) -> list[AgreementProposal]:
    return [fact for fact in extraction.facts if isinstance(fact, AgreementProposal)]


def _aid(extraction: Extraction) -> list[AidProposal]:
    return [fact for fact in extraction.facts if isinstance(fact, AidProposal)]


@pytest.mark.parametrize(
    "text",
    [
        "Chernihiv received two ambulances from its twin town Memmingen on 12 February 2024. "
        "The vehicles were handed over to the city hospital.",
        "Кременчук отримав три пожежні автомобілі від німецького міста Білефельд. "
        "Автомобілі передали рятувальникам міста.",
    ],
)
def test_vehicles_named_again_after_ambulances_or_fire_engines_are_not_more_goods(
    extractor: Extractor, text: str
) -> None:
    (actual,) = _aid(_extract(extractor, text, PartialDate(2024, 2, 13)))

    assert [item.category for item in actual.items] == [AidCategory.SPECIAL_VEHICLES]


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("Uzhhorod has been twinned with Nyíregyháza, Hungary, since 1997.", 1997),
        ("Lviv and Wrocław have been partner cities since 1993.", 1993),
    ],
)
def test_a_year_ending_the_sentence_dates_the_tie(
    extractor: Extractor, text: str, year: int
) -> None:
    (actual,) = _agreements(_extract(extractor, text, PartialDate(2024, 3, 2)))

    assert actual.date == PartialDate(year)


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "Memmingen Mayor Jan Rothenbacher and Chernihiv Mayor Vladyslav Atroshenko signed "
            "a memorandum of cooperation on 3 May 2024.",
            "Memmingen",
        ),
        (
            "Мер Мемінгена Ян Ротенбахер та міський голова Чернігова Владислав Атрошенко "
            "підписали меморандум про співпрацю 3 травня 2024 року.",
            "Меммінген",
        ),
    ],
)
def test_towns_named_only_through_their_signing_mayors_are_the_parties(
    extractor: Extractor, text: str, partner: str
) -> None:
    (actual,) = _agreements(_extract(extractor, text, PartialDate(2024, 5, 4)))

    assert (actual.hromada, actual.partner, actual.partner_country) == (
        "UA74100390000073425",
        partner,
        "DE",
    )


def test_the_town_of_a_mayor_quoted_on_an_agreement_is_no_new_party(
    extractor: Extractor,
) -> None:
    text = (
        "Chernihiv signed a cooperation agreement with Kielce, Poland, on 3 May 2024. "
        "“This agreement shows our shared vision,” Memmingen Mayor Jan Rothenbacher said."
    )

    actual = _agreements(_extract(extractor, text, PartialDate(2024, 5, 4)))

    assert [fact.partner for fact in actual] == ["Kielce"]


@pytest.mark.parametrize(
    ("text", "donor"),
    [
        (
            "Луцьк отримав від Любліна 10 генераторів та два автомобілі швидкої допомоги "
            "14 березня 2024 року.",
            "Люблін",
        ),
        (
            "The Ukrainian city of Lutsk received humanitarian aid from Lublin on 14 March "
            "2024: 10 generators and medical supplies.",
            "Lublin",
        ),
    ],
)
def test_a_town_abroad_the_aid_came_from_is_its_donor_in_its_country(
    extractor: Extractor, text: str, donor: str
) -> None:
    (actual,) = _aid(_extract(extractor, text, PartialDate(2024, 3, 15)))

    assert (actual.donor_cities, actual.donor_countries) == ((donor,), ("PL",))


@pytest.mark.parametrize(
    "text",
    [
        "Сьогодні Одеса та Регенсбург продовжили угоду про співпрацю ще на п’ять років.",
        "Today Odesa and Regensburg extended their cooperation agreement for another five years.",
    ],
)
def test_an_extension_for_another_five_years_gives_its_term(
    extractor: Extractor, text: str
) -> None:
    (actual,) = _agreements(_extract(extractor, text, PartialDate(2024, 10, 9)))

    assert actual.extended == ExtensionProposal(PartialDate(2024, 10, 9), 5)


@pytest.mark.parametrize(
    "text",
    [
        "Lutsk signed a partnership agreement with Lublin and agreed a work plan for the next "
        "three years.",
        "Луцьк підписав угоду про партнерство з Любліном; на наступні два роки заплановано "
        "обмін школярами.",
    ],
)
def test_a_plan_for_the_next_years_is_no_term_of_the_agreement(
    extractor: Extractor, text: str
) -> None:
    (actual,) = _agreements(_extract(extractor, text, PartialDate(2024, 5, 1)))

    assert (actual.partner, actual.term_years) == ("Lublin" if "Lutsk" in text else "Люблін", None)


@pytest.mark.parametrize(
    "text",
    [
        "Луцьк і Люблін продовжили угоду про партнерство на наступні три роки.",
        "Lutsk and Lublin extended their partnership agreement for the next three years.",
    ],
)
def test_an_agreement_extended_for_the_next_years_gives_its_term(
    extractor: Extractor, text: str
) -> None:
    (actual,) = _agreements(_extract(extractor, text, PartialDate(2024, 5, 1)))

    assert actual.extended is not None
    assert actual.extended.term_years == 3
