"""A hromada found only by a guess at a misspelled or unknown name is named as a guess."""

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
    ("question", "note"),
    [
        ("Які партнери в Колтові?", "Точного збігу назви не знайдено"),
        ("партнери Харьква", "Точного збігу назви не знайдено"),
        ("partners of Kharkof", "no exact match for that name"),
    ],
)
def test_an_approximate_name_is_said_to_be_a_guess(
    engine: Engine, question: str, note: str
) -> None:
    first_line = engine.answer(question, today=TODAY).text.splitlines()[0]

    assert note in first_line


@pytest.mark.parametrize("question", ["Які партнери Харкова?", "Kharkiv partners"])
def test_an_exact_name_carries_no_guess_note(engine: Engine, question: str) -> None:
    text = engine.answer(question, today=TODAY).text

    assert "Точного збігу" not in text
    assert "no exact match" not in text
