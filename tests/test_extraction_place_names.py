"""Extraction naming towns abroad as the gazetteer does: a Ukrainian case form put back in the
town's own name, a town's own name preferred to another town's other name, ordinary words
that GeoNames lists among towns' other names, a town the text leaves unnamed, a council
approving a document signed before, a hromada named by its council after the partner, and a
person's Latin name right after a town's. The texts are written for the test, in the manner
of city councils' news and English press releases.
"""

from __future__ import annotations

import pytest

from knowledge.extraction import (
    AgreementProposal,
    Extractor,
)
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import AgreementStatus
from tests.extraction_support import agreements, extract

KOLOMYIA = "UA26080070000092582"


@pytest.mark.parametrize(
    ("text", "partner", "country"),
    [
        ("Житомир підписав угоду про співпрацю з Ніццою 12 березня 2025 року.", "Ніцца", "FR"),
        ("Коломия підписала угоду про партнерство з Нисою 15 травня 2024 року.", "Ниса", "PL"),
    ],
)
def test_a_feminine_town_abroad_in_the_instrumental_is_named_as_the_gazetteer_names_it(
    extractor: Extractor, text: str, partner: str, country: str
) -> None:
    (actual,) = agreements(extract(extractor, text, PartialDate(2025, 3, 13)))

    assert (actual.partner, actual.partner_country) == (partner, country)


def test_a_town_is_in_the_country_the_text_names_not_where_another_town_has_its_name(
    extractor: Extractor,
) -> None:
    text = (
        "A delegation from Greece visited Bila Tserkva this week. "
        "Bila Tserkva and Sparta signed a cooperation agreement on 10 May 2024."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 11)))

    assert (actual.partner, actual.partner_country) == ("Sparta", "GR")


def test_an_ordinary_word_listed_among_a_towns_other_names_is_no_partner(
    extractor: Extractor,
) -> None:
    text = (
        "Ірпінська міська рада та Ліга сучасних жінок підписали меморандум про співпрацю. "
        "Окремий меморандум громада уклала з благодійним фондом «Надія» та Дружба народів."
    )

    assert agreements(extract(extractor, text, PartialDate(2024, 2, 10))) == []


@pytest.mark.parametrize(
    "text",
    [
        "Луцьк підписав угоду про партнерство з польським Любліном 3 вересня 2024 року. "
        "Ще одне польське місто також планує підписати з Луцьком угоду про співпрацю.",
        "Lviv signed a cooperation agreement with Wrocław on 15 January 2025. "
        "Another Polish city is expected to sign a similar agreement with Lviv later this year.",
    ],
)
def test_another_town_of_the_same_country_left_unnamed_is_not_the_town_named_before(
    extractor: Extractor, text: str
) -> None:
    actual = agreements(extract(extractor, text, PartialDate(2025, 1, 16)))

    assert [fact.status for fact in actual] == [AgreementStatus.ACTIVE]


def test_a_council_approving_a_memorandum_signed_before_proposes_it_signed(
    extractor: Extractor,
) -> None:
    text = (
        "Сесія Калуської міської ради схвалила підписаний 12 квітня 2024 року меморандум "
        "про співпрацю з Вероною."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 6, 28)))

    assert (actual.status, actual.date) == (AgreementStatus.ACTIVE, PartialDate(2024, 4, 12))


def test_a_hromada_named_by_its_council_after_the_partner_is_the_side_not_one_named_before(
    extractor: Extractor,
) -> None:
    text = (
        "Тернопіль отримав генератори від партнерів.\n\n"
        "Угоду про партнерство з польським містом Ниса, яку підписали у травні 2024 року, "
        "схвалили депутати Коломийської міської ради."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 6, 28)))

    assert (actual.hromada, actual.partner) == (KOLOMYIA, "Ниса")


@pytest.mark.parametrize(
    ("text", "partner"),
    [
        (
            "Lutsk signed a twinning agreement with the city of Kielce Agata Wojda said "
            "on 3 May 2024.",
            "Kielce",
        ),
        (
            "Луцьк уклав угоду про співпрацю з містом Санок Tomasz Matuszewski підписав її "
            "3 травня 2024 року.",
            "Санок",
        ),
    ],
)
def test_a_persons_latin_name_right_after_a_towns_is_not_part_of_the_towns_name(
    extractor: Extractor, text: str, partner: str
) -> None:
    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 4)))

    assert (actual.partner, actual.partner_country) == (partner, "PL")


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("Lviv signed a cooperation agreement with Lille, Belgium, on 3 May 2024.", "BE"),
        (
            "Poltava signed a memorandum of cooperation with Columbus, Georgia, on 3 May 2024.",
            "US",
        ),
        (
            "Полтава підписала меморандум про співпрацю з містом Колумбус (штат Джорджія, США) "
            "3 травня 2024 року.",
            "US",
        ),
        ("Золочів уклав угоду про співпрацю з польською Домбровою 3 травня 2024 року.", "PL"),
    ],
)
def test_a_namesake_of_another_hromadas_recorded_partner_is_not_shown_as_that_partner(
    extractor: Extractor, text: str, country: str
) -> None:
    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 4)))

    assert (actual.partner_country, actual.partner_place) == (country, None)


def test_a_hromadas_own_recorded_partner_settles_a_name_several_towns_have(
    extractor: Extractor,
) -> None:
    text = "Мена уклала угоду про співпрацю з польською Домбровою."

    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 4)))

    assert actual.partner_place == "pl-dabrowa-kujawsko-pomorskie"


@pytest.mark.parametrize(
    ("text", "partner", "country"),
    [
        ("Stryi signed a partnership agreement with San Pietro in Italy.", "San Pietro", "IT"),
        (
            "Stryi City Council signed a partnership agreement with San Giorgio, Italy.",
            "San Giorgio",
            "IT",
        ),
        ("Lutsk signed a twinning agreement with Port Augusta, Australia.", "Port Augusta", "AU"),
    ],
)
def test_a_town_whose_second_word_is_a_first_name_stays_one_town(
    extractor: Extractor, text: str, partner: str, country: str
) -> None:
    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 4)))

    assert (actual.partner, actual.partner_country) == (partner, country)


@pytest.mark.parametrize(
    ("text", "partner", "region"),
    [
        (
            "Rivne signed a cooperation agreement with Mountain View, California.",
            "Mountain View",
            "California",
        ),
        ("Рівне підписало угоду про співпрацю з містом Девіс, Каліфорнія.", "Девіс", "Каліфорнія"),
    ],
)
def test_a_state_after_a_comma_places_the_town_and_is_no_partner(
    extractor: Extractor, text: str, partner: str, region: str
) -> None:
    found = [
        fact
        for fact in extract(extractor, text, PartialDate(2025, 3, 4)).facts
        if isinstance(fact, AgreementProposal)
    ]

    assert [(fact.partner, fact.partner_country, fact.partner_region) for fact in found] == [
        (partner, "US", region)
    ]


def test_a_town_after_a_foreign_slot_is_foreign_though_a_hromada_is_named_alike(
    extractor: Extractor,
) -> None:
    text = "Луцьк розірвав угоди з російськими містами-побратимами Подольськом і Курськом."

    found = [
        fact
        for fact in extract(extractor, text, PartialDate(2022, 3, 1)).facts
        if isinstance(fact, AgreementProposal)
    ]

    assert {(fact.hromada_name, fact.partner, fact.partner_country) for fact in found} == {
        ("Луцьк", "Подольськ", "RU"),
        ("Луцьк", "Курськ", "RU"),
    }
