"""Who a statement's tie belongs to and whether it is one yet: a draft decision or a vote to
come, another hromada's tie told as a comparison, towns listed after delegations or mayors,
and names written in the genitive. The texts are written for the test, in the manner of city
councils' news."""

from __future__ import annotations

import pytest

from knowledge.extraction import AgreementProposal, DocumentText, Extractor
from knowledge.facts.dates import PartialDate
from knowledge.text.morphology import inflections

PUBLISHED = PartialDate(2024, 6, 3)


def _ties(extractor: Extractor, text: str) -> set[tuple[str | None, str, str]]:
    extraction = extractor.extract(DocumentText(text, date=PUBLISHED), today=PUBLISHED)
    return {
        (fact.hromada_name, fact.partner, fact.status.value)
        for fact in extraction.facts
        if isinstance(fact, AgreementProposal)
    }


@pytest.mark.parametrize(
    "text",
    [
        "Проєкт рішення про укладення угоди про побратимство між Ніжином та литовським містом "
        "Плунге планується розглянути на сесії міської ради.",
        "Білоцерківська міська рада планує розглянути питання про укладення договору про "
        "співпрацю зі шведським містом Бурос.",
        "The Nizhyn City Council will consider a draft decision on a twinning agreement with "
        "the Lithuanian town of Plungė at its session on 20 May.",
    ],
)
def test_a_draft_decision_or_a_consideration_to_come_proposes_no_tie(
    extractor: Extractor, text: str
) -> None:
    assert _ties(extractor, text) == set()


def test_a_foreign_councils_vote_to_sign_makes_the_agreement_planned(
    extractor: Extractor,
) -> None:
    text = (
        "У Кам’янці-Подільському перебуває делегація з міста Грубешів, депутати якого "
        "проголосували за підписання угоди про співпрацю з Кам’янцем-Подільським."
    )

    assert {(partner, status) for _name, partner, status in _ties(extractor, text)} == {
        ("Грубешів", "planned")
    }


@pytest.mark.parametrize(
    ("text", "own"),
    [
        (
            "Як і Львів, який має угоду з Вроцлавом, Кременець робить ставку на польських "
            "партнерів.",
            ("Львів", "Вроцлав", "active"),
        ),
        (
            "Як і Житомир, місто-побратим Гдині, Коростень розраховує на підтримку партнерів.",
            ("Житомир", "Гдиня", "active"),
        ),
    ],
)
def test_a_tie_told_as_a_comparison_is_the_compared_hromadas_alone(
    extractor: Extractor, text: str, own: tuple[str, str, str]
) -> None:
    assert _ties(extractor, text) == {own}


def test_towns_listed_after_delegations_each_get_the_tie_in_the_nominative(
    extractor: Extractor,
) -> None:
    text = (
        "Міський голова Городні підписав меморандуми про співпрацю з делегаціями Мальборка, "
        "Гданська та Ельблонга."
    )

    assert _ties(extractor, text) == {
        ("Городня", "Мальборк", "active"),
        ("Городня", "Гданськ", "active"),
        ("Городня", "Ельблонг", "active"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Міський голова Кременця та бурмістр Томашува-Любельського підписали угоду про співпрацю.",
        "Кременець підписав угоду про співпрацю з Томашувом-Любельським.",
    ],
)
def test_a_hyphenated_town_in_the_genitive_is_named_in_the_nominative(
    extractor: Extractor, text: str
) -> None:
    assert _ties(extractor, text) == {("Кременець", "Томашув-Любельський", "active")}


def test_a_town_after_its_countrys_adjective_is_named_in_the_nominative(
    extractor: Extractor,
) -> None:
    text = "Городня підписала меморандум про співпрацю з польським Мальборком."

    assert _ties(extractor, text) == {("Городня", "Мальборк", "active")}


def test_a_town_in_nya_declines_as_a_noun_too() -> None:
    assert {"городні", "городнею"} <= inflections("Городня")
