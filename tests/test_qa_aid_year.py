"""An aid question about a year with nothing dated in it says so before showing what exists."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    ("question", "first"),
    [
        (
            "Did Kharkiv get aid in 2024?",
            "No, no aid to Kharkiv dated 2024 is recorded. What is recorded:",
        ),
        (
            "Яку допомогу отримала Мена у 2022?",
            "Мена: допомоги, датованої 2022 роком, у базі немає. Що є в базі:",
        ),
    ],
)
def test_a_year_with_no_aid_is_said_first(engine: Engine, question: str, first: str) -> None:
    lines = engine.answer(question, today=TODAY).text.splitlines()

    assert lines[0] == first
    assert "2023" in lines[1]


def test_a_year_with_aid_shows_it_without_a_no(engine: Engine) -> None:
    text = engine.answer("What aid did Mena get in 2023?", today=TODAY).text

    assert text.startswith("Mena — aid received:")
    assert "14 vehicles" in text
