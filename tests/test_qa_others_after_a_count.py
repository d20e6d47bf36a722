"""«а з ким ще?» after a count or after the agreements signed in a year names the partners
that answer left out, instead of repeating it."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def _follow_up(engine: Engine, first: str, second: str) -> str:
    context = engine.answer(first, today=TODAY).context
    return engine.answer(second, context=context, today=TODAY).text


@pytest.mark.parametrize(
    ("first", "second", "shown", "others"),
    [
        ("Скільки побратимів у Харкова?", "а з ким ще?", "Брно", ("Кошице", "Лідс")),
        ("How many twin cities does Kharkiv have?", "and who else?", "Brno", ("Košice", "Leeds")),
        ("Які угоди підписав Харків у 2023 році?", "а з ким ще?", "Кошице", ("Брно", "Лілль")),
    ],
)
def test_who_else_names_the_partners_left_out(
    engine: Engine, first: str, second: str, shown: str, others: tuple[str, ...]
) -> None:
    text = _follow_up(engine, first, second)

    assert all(other in text for other in others)
    assert shown not in text


def test_after_a_count_of_all_partners_there_is_no_one_else(engine: Engine) -> None:
    text = _follow_up(engine, "Скільки партнерів у Харкова?", "а з ким ще?")

    assert text.startswith("Це всі партнери громади Харків")
