"""«Найперше скажіть, …» is "first of all", not a question about the oldest partnership;
«найперша угода» still is."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)
OLDEST = "Найдавніша з угод"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    ("question", "partner"),
    [
        ("Найперше скажіть, які партнери у Мени?", "Домброва"),
        ("Найперше, які побратими в Харкова?", "Брно"),
    ],
)
def test_first_of_all_asks_for_the_whole_list(engine: Engine, question: str, partner: str) -> None:
    text = engine.answer(question, today=TODAY).text

    assert OLDEST not in text
    assert partner in text


@pytest.mark.parametrize(
    "question", ["яка найперша угода Мени?", "який найперший партнер харкова"]
)
def test_the_first_partnership_is_still_the_oldest(engine: Engine, question: str) -> None:
    assert OLDEST in engine.answer(question, today=TODAY).text
