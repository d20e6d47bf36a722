"""A list of twin cities says that other partners exist and answers «чи є …?» with a yes or no."""

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
    ("question", "besides"),
    [
        ("хто побратими Харкова?", "Що є в базі ще: 3 інші партнери, не побратими"),
        ("Who are Kharkiv's twin cities?", "Also on record: 3 other partners"),
    ],
)
def test_a_twin_city_list_says_that_other_partners_exist(
    engine: Engine, question: str, besides: str
) -> None:
    # Košice, Leeds and Cincinnati are Kharkiv's partners, not its twin cities.
    lines = engine.answer(question, today=TODAY).text.splitlines()

    assert any(line.startswith(besides) for line in lines)


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("чи є у Харкова побратими?", "Так,"),
        ("Does Kharkiv have twin cities?", "Yes,"),
    ],
)
def test_whether_there_are_twin_cities_is_answered_yes_or_no_first(
    engine: Engine, question: str, opening: str
) -> None:
    assert engine.answer(question, today=TODAY).text.startswith(opening)


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        # A "which" question is answered by the list, here an empty one, not by a yes or no.
        ("Which twin cities are in the United States?", "United States: none is recorded"),
        ("Які міста-побратими у США?", "Сполучені Штати: таких записів немає"),
    ],
)
def test_a_planned_twinning_abroad_makes_no_twin_city_there(
    engine: Engine, question: str, opening: str
) -> None:
    # Kharkiv's twinning memorandum with Albuquerque was only planned.
    first_line = engine.answer(question, today=TODAY).text.splitlines()[0]

    assert first_line.startswith(opening)
