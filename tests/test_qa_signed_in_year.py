"""«Чи підписав Харків угоду з Кошице у 2022?» opens with a no when the year asked about is
not the year on record, and a part of a year the record cannot tell is said to be unrecorded."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def _opening(engine: Engine, question: str) -> str:
    return engine.answer(question, today=TODAY).text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Чи підписав Харків угоду з Кошице у 2022?", "Ні, підписано у 2023\u202fр."),
        ("чи підписано угоду харкова з кошице 2021 року", "Ні, підписано у 2023\u202fр."),
        ("Did Kharkiv sign an agreement with Kosice in 2021?", "No, it was signed in 2023."),
        ("Has Kharkiv signed with Košice in 2024?", "No, it was signed in 2023."),
    ],
)
def test_a_year_that_is_not_on_record_is_a_no_that_gives_the_year(
    engine: Engine, question: str, opening: str
) -> None:
    assert _opening(engine, question) == opening


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Чи підписав Харків угоду з Кошице у 2023?", "Так,"),
        ("Did Kharkiv sign an agreement with Kosice in 2023?", "Yes,"),
        ("Did Kharkiv sign with Leeds at the end of 2023?", "Yes,"),
    ],
)
def test_the_year_on_record_is_still_a_yes(engine: Engine, question: str, opening: str) -> None:
    assert _opening(engine, question).startswith(opening)


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        (
            "Чи підписав Харків угоду з Кошице наприкінці 2023?",
            "Місяць підписання не зазначено: підписано у 2023\u202fр.",
        ),
        (
            "Did Kharkiv sign with Kosice at the end of 2023?",
            "The month of signing is not recorded: it was signed in 2023.",
        ),
    ],
)
def test_a_part_of_the_year_without_a_recorded_month_is_not_a_yes(
    engine: Engine, question: str, opening: str
) -> None:
    assert _opening(engine, question) == opening
