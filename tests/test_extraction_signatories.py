"""Extraction of statements worded as real city news words them: signatories named with their
offices ("Head of the Druzhkivka City Military Administration", «міського голову Володимира
Москаленка»), a foreign donor's own sister city carrying the goods, several pairs of towns
twinned in one sentence, mayors who agreed to sign, and a sentence opening with "As". The
texts are written for the test, in the manner of the corpus's `written/` part.
"""

from __future__ import annotations

import pytest

from knowledge.extraction import (
    AgreementProposal,
    AidProposal,
    DocumentText,
    Extraction,
    Extractor,
)
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import AgreementStatus

TODAY = PartialDate(2024, 6, 1)


def _extract(extractor: Extractor, text: str) -> Extraction:
    return extractor.extract(DocumentText(text, date=TODAY), today=TODAY)


def _ties(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    return {
        (fact.hromada_name, fact.partner)
        for fact in _extract(extractor, text).facts
        if isinstance(fact, AgreementProposal)
    }


def _aid(extractor: Extractor, text: str) -> list[AidProposal]:
    return [fact for fact in _extract(extractor, text).facts if isinstance(fact, AidProposal)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Serhii Boievskyi, Head of the Druzhkivka City Military Administration, and Rudy "
            "Marconi, Mayor of Ridgefield, signed the City Twinning Memorandum.",
            {("Druzhkivka", "Ridgefield")},
        ),
        (
            "Olena Shapoval, Head of the Lutsk City Council, and Anna Berg, Mayor of "
            "Ridgefield, signed a memorandum of cooperation.",
            {("Lutsk", "Ridgefield")},
        ),
        (
            "Maria Lopez, Mayor of Ridgefield, and the Lutsk City Council signed a partnership "
            "agreement.",
            {("Lutsk", "Ridgefield")},
        ),
    ],
)
def test_a_towns_body_after_its_name_is_no_partner(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _ties(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Депутати ухвалили рішення встановити побратимські зв’язки між містом Коростень "
            "(Україна) та містом Бурж (Франція). Міського голову Володимира Москаленка "
            "уповноважили підписати з Буржем меморандум про взаєморозуміння.",
            {("Коростень", "Бурж")},
        ),
        ("Меморандум з литовським Алітусом уклали з Володимиром Бойком.", set()),
        # The town's mayor named after it: the town is the hromada.
        (
            "Угоду з литовським Алітусом підписав міський голова Володимира Ігор Пальонка.",
            {("Володимир", "Алітусом")},
        ),
    ],
)
def test_a_first_name_a_hromada_bears_is_a_person_before_a_surname(
    extractor: Extractor, text: str, expected: set[tuple[str, str]]
) -> None:
    assert _ties(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "In January the Italian city of Arezzo delivered a 40 kW generator to Sambir through "
        "its sister city of Oświęcim, which took care of the last stretch.",
        "The German town of Celle sent two ambulances to Poltava through its partner city of "
        "Lublin.",
        "Німецьке місто Целле передало Полтаві два автомобілі через своє місто-партнера Люблін.",
        "Німецьке місто Целле передало Полтаві два автомобілі через його місто-партнера Люблін.",
    ],
)
def test_a_foreign_donors_own_partner_carries_the_goods(extractor: Extractor, text: str) -> None:
    assert _ties(extractor, text) == set()
    (aid,) = _aid(extractor, text)
    assert len(aid.donor_cities) == 1
    assert len(aid.donor_countries) == 1


def test_a_recipients_own_partner_is_still_its_tie(extractor: Extractor) -> None:
    assert _ties(extractor, "Kraków handed over buses to Lviv, its sister city.") == {
        ("Lviv", "Kraków")
    }
    assert _ties(
        extractor, "Полтава через своє місто-партнера Люблін отримала два автомобілі від Целле."
    ) == {("Полтава", "Люблін")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kramatorsk and Stamford twinned in April of this year, Lyman, Donetsk region, and "
            "Westport became sister cities in December 2022, and Sviatohirsk and Easton twinned "
            "in March 2023.",
            ("Kramatorsk", "Stamford"),
        ),
        (
            "Ivano-Frankivsk and Lublin signed a memorandum in May 2023, and Kolomyia and Nysa "
            "signed a twinning agreement in June 2023.",
            ("Ivano-Frankivsk", "Lublin"),
        ),
        (
            "Житомир і Гдиня підписали меморандум у травні 2023 року, а Коломия та Ниса уклали "
            "угоду про побратимство в червні 2023 року.",
            ("Житомир", "Гдиня"),
        ),
    ],
)
def test_each_pair_of_towns_keeps_its_own_clause(
    extractor: Extractor, text: str, expected: tuple[str, str]
) -> None:
    ties = _ties(extractor, text)
    assert expected in ties
    hromada = expected[0]
    assert {partner for name, partner in ties if name == hromada} == {expected[1]}


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Kharkiv and Albuquerque agree to sign a partnership agreement.", "planned"),
        ("Lutsk and Lublin agreed to sign a cooperation agreement.", "planned"),
        ("Lutsk and Lublin have agreed to conclude a twinning agreement next year.", "planned"),
        ("Lutsk decided to sign a memorandum with Lublin.", "planned"),
        (
            "It gives me great pleasure to be able to sign this Friendship Oath between Lutsk "
            "and Lublin.",
            "active",
        ),
    ],
)
def test_agreeing_to_sign_plans_the_agreement(
    extractor: Extractor, text: str, status: str
) -> None:
    (fact,) = [
        fact for fact in _extract(extractor, text).facts if isinstance(fact, AgreementProposal)
    ]
    assert fact.status is AgreementStatus(status)


@pytest.mark.parametrize(
    "text",
    [
        "As part of the cooperation with the German city of Ahrensburg, two fire engines were "
        "handed over to Sokyryany.",
        "As agreed with the German city of Ahrensburg, two fire engines were handed over to "
        "Sokyryany.",
    ],
)
def test_a_sentence_opening_with_as_names_no_country(extractor: Extractor, text: str) -> None:
    (aid,) = _aid(extractor, text)
    assert list(aid.donor_countries) == ["DE"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Вупперталь передав Кам’янському пожежний автомобіль.",
            [("Кам’янське", "UA12040150000015189")],
        ),
        (
            "Kamianske received a fire engine from Wuppertal.",
            [("Kamianske", "UA12040150000015189")],
        ),
        # A raion's body is no town's.
        ("Вупперталь передав Кам’янському району пожежний автомобіль.", []),
        ("Делегація Кам’янського району підписала угоду з польським містом Ниса.", []),
    ],
)
def test_a_name_several_hromadas_share_is_the_town_it_spells(
    extractor: Extractor, text: str, expected: list[tuple[str, str]]
) -> None:
    facts = _extract(extractor, text).facts
    assert [(fact.hromada_name, fact.hromada) for fact in facts] == expected
