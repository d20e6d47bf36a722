"""Extraction reading what a statement says of a delivery or a tie told over two sentences or
in a subordinate phrase. The texts are written for the test, in the manner of city councils'
news and English press releases.
"""

from __future__ import annotations

import pytest

from knowledge.extraction import (
    Extractor,
)
from knowledge.extraction.proposals import ExtensionProposal
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import AgreementStatus, AidCategory
from tests.extraction_support import agreements, aid, extract


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
    (actual,) = aid(extract(extractor, text, PartialDate(2024, 2, 13)))

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
    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 3, 2)))

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
    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 4)))

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

    actual = agreements(extract(extractor, text, PartialDate(2024, 5, 4)))

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
    (actual,) = aid(extract(extractor, text, PartialDate(2024, 3, 15)))

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
    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 10, 9)))

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
    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 1)))

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
    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 1)))

    assert actual.extended is not None
    assert actual.extended.term_years == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Жовква і польська Мроча стануть містами-партнерами\n\n"
            "Міський голова Жовкви та бургомістр Мрочі підписали лист про наміри щодо "
            "співпраці двох міст.\n\n"
            "Угоду про співпрацю Мроча і Жовква підпишуть після того, як її схвалять депутати "
            "обох міст.",
            [("protocol_of_intent", "active"), ("cooperation_agreement", "planned")],
        ),
        (
            "Kamianets-Podilskyi and Cihanbeyli become sister cities\n\n"
            "Kamianets-Podilskyi has signed a partnership agreement with the Turkish town of "
            "Cihanbeyli.",
            [("cooperation_agreement", "active")],
        ),
    ],
)
def test_a_headline_the_article_restates_is_not_one_more_agreement(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    actual = agreements(extract(extractor, text, PartialDate(2023, 4, 25)))

    assert [(fact.kind.value, fact.status.value) for fact in actual] == expected


def test_a_headline_the_article_restates_is_not_one_more_delivery(extractor: Extractor) -> None:
    text = (
        "До Києва прибули генератори з данського Оденсе\n\n"
        "22 грудня столиця отримала гуманітарну допомогу з Данії. Дев'ять потужних "
        "генераторів надіслало Оденсе — місто-побратим Києва."
    )

    (actual,) = aid(extract(extractor, text, PartialDate(2022, 12, 22)))

    assert actual.donor_cities == ("Оденсе",)
    assert actual.date == PartialDate(2022, 12, 22)


def test_a_headline_naming_the_document_still_names_it_for_the_body(
    extractor: Extractor,
) -> None:
    text = (
        "Одеса і Регенсбург продовжили угоду\n\n"
        "Сьогодні Одеса та Регенсбург продовжили угоду про співпрацю ще на п’ять років. "
        "Міста-партнери співпрацюють у сферах культури та освіти."
    )

    actual = agreements(extract(extractor, text, PartialDate(2024, 10, 9)))

    assert [fact.extended is not None for fact in actual] == [True, False]


@pytest.mark.parametrize(
    "text",
    [
        "The town of Knaresborough is ready to enter a partnership agreement with Volodymyr.",
        "Литовське місто Шяуляй готове укласти угоду про співпрацю з Хмельницьким.",
        "Хмельницький отримав пропозицію укласти угоду про співпрацю від литовського міста "
        "Шяуляй.",
    ],
)
def test_an_offer_or_a_readiness_to_sign_is_still_talks(extractor: Extractor, text: str) -> None:
    (actual,) = agreements(extract(extractor, text, PartialDate(2024, 5, 2)))

    assert actual.status is AgreementStatus.IN_NEGOTIATION


def test_a_council_decision_to_conclude_an_agreement_plans_it(extractor: Extractor) -> None:
    text = (
        "Ірпінська міська рада ухвалила рішення про укладення меморандуму про побратимство "
        "з іспанським містом Алькала-де-Енарес."
    )

    (actual,) = agreements(extract(extractor, text, PartialDate(2023, 5, 2)))

    assert (actual.partner, actual.status) == ("Алькала-де-Енарес", AgreementStatus.PLANNED)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mykolaiv signed partnership agreements with Kristiansand in Norway, Aalborg in "
            "Denmark and Durrës in Albania.",
            [("Kristiansand", "NO"), ("Aalborg", "DK"), ("Durrës", "AL")],
        ),
        (
            "On April 29, the Ukmergė District Municipality in Lithuania and the Korosten "
            "municipality of Zhytomyr oblast signed a partnership agreement.",
            [("Ukmergė", "LT")],
        ),
        (
            "Lviv signed a memorandum of cooperation with Kraków, Florence added.",
            [("Kraków", "PL")],
        ),
        (
            "At the International Summit of Cities and Regions, Kamianets-Podilskyi signed a "
            "partnership agreement with the Turkish town of Cihanbeyli.",
            [("Cihanbeyli", "TR")],
        ),
    ],
)
def test_partners_are_the_towns_named_not_their_countries_oblasts_speakers_or_events(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    actual = agreements(extract(extractor, text, PartialDate(2024, 5, 2)))

    assert [(fact.partner, fact.partner_country) for fact in actual] == expected


def test_charging_stations_are_electrical_equipment(extractor: Extractor) -> None:
    text = (
        "До Києва надійшли 16 генераторів та два комплекти зарядних станцій від словацьких "
        "донорів."
    )

    (actual,) = aid(extract(extractor, text, PartialDate(2026, 2, 13)))

    assert [item.category for item in actual.items] == [
        AidCategory.GENERATORS,
        AidCategory.ELECTRICAL_EQUIPMENT,
    ]


@pytest.mark.parametrize(
    ("text", "donor", "recipient", "goods"),
    [
        ("Lublin delivered 12 generators to Kharkiv.", "Lublin", "Kharkiv", "12 generators"),
        ("Lublin has sent 12 generators to Kharkiv.", "Lublin", "Kharkiv", "12 generators"),
        ("Люблін передав Харкову 12 генераторів.", "Люблін", "Харків", "12 генераторів"),
        ("Від Любліна до Харкова надійшло 12 генераторів.", "Люблін", "Харків", "12 генераторів"),
    ],
)
def test_a_town_abroad_giving_goods_to_a_hromada_is_the_donor_of_its_aid(
    extractor: Extractor, text: str, donor: str, recipient: str, goods: str
) -> None:
    (actual,) = aid(extract(extractor, text, PartialDate(2024, 3, 15)))

    assert (actual.hromada, actual.hromada_name) == ("UA63120270000028556", recipient)
    assert (actual.donor_cities, actual.donor_countries) == ((donor,), ("PL",))
    assert [(item.category, item.description, item.quantity) for item in actual.items] == [
        (AidCategory.GENERATORS, goods, 12)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Charlotte delivered 12 generators to Kharkiv.",
        "Люблін отримав 12 генераторів від Харкова.",
    ],
)
def test_a_person_giving_goods_or_a_town_abroad_receiving_them_is_no_donor_town(
    extractor: Extractor, text: str
) -> None:
    actual = aid(extract(extractor, text, PartialDate(2024, 3, 15)))

    assert all(not fact.donor_cities for fact in actual)


@pytest.mark.parametrize(
    "text",
    [
        "Рівне та Гнєзно ведуть переговори щодо укладення угоди про партнерство.",
        "Рівне та Гнєзно обговорили підписання угоди про співпрацю.",
    ],
)
def test_talks_about_a_signing_are_negotiations_not_a_signed_agreement(
    extractor: Extractor, text: str
) -> None:
    found = agreements(extract(extractor, text, PartialDate(2025, 4, 2)))

    assert [(fact.partner, fact.status) for fact in found] == [
        ("Гнєзно", AgreementStatus.IN_NEGOTIATION)
    ]
