"""A foreign town written as itself ("Nice") is that town, not a country guessed from a
misspelling (Niue)."""

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
    ("question", "expected"),
    [
        ("Does Kharkiv have a partner in Nice?", "between Kharkiv and Nice"),
        ("who is twinned with Nice?", "Nice (Ніцца), France"),
        ("Чи є у Харкова партнер у Ніцці?", "Харків з Ніццою"),
    ],
)
def test_a_town_named_exactly_is_not_read_as_a_country(
    engine: Engine, question: str, expected: str
) -> None:
    text = engine.answer(question, today=TODAY).text

    assert expected in text
    assert "Niue" not in text


def test_the_country_itself_is_still_the_country(engine: Engine) -> None:
    text = engine.answer("Is there a twin city of Kharkiv in Niue?", today=TODAY).text

    assert text.startswith("No,")
    assert "Niue" in text
