"""A second, smaller real-style sheet, written as a city editor would copy Wikipedia's lists:
countries as "Scotland, United Kingdom" or "Republic of Moldova", Russian-based and former
names (Dnepropetrovsk, Nikolaev, Kirovohrad), a village (Bene), city districts, a raion and an
oblast."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.twin_towns_measure import SheetFigures, measure

SHEET = Path(__file__).parent / "data" / "twin_towns" / "twin_towns_editor_sample.csv"


@pytest.fixture(scope="module")
def figures() -> SheetFigures:
    return measure(SHEET)


def test_only_the_raion_and_the_oblast_are_refused(figures: SheetFigures) -> None:
    assert figures.refused == 2
    assert all(" is a raion" in reason or " is an oblast" in reason for reason in figures.reasons)


def test_nearly_every_partner_gets_its_ukrainian_name(figures: SheetFigures) -> None:
    assert figures.partners_in_ukrainian >= 0.9 * figures.partners


def test_questions_naming_a_partner_in_inflected_ukrainian_find_it(figures: SheetFigures) -> None:
    assert figures.not_found == []


def test_each_place_is_answered_but_the_two_mykolaivs_which_are_asked_apart(
    figures: SheetFigures,
) -> None:
    assert sorted(figures.unanswered) == [
        "en Mykolaiv",
        "en Mykolaiv",
        "uk Миколаїв",
        "uk Миколаїв",
    ]
