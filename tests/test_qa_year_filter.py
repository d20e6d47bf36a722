"""«Харків угоди 2023 року» lists the partners whose agreements were signed in 2023, no others."""

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
    ("question", "signed", "undated"),
    [
        ("харків угоди 2023 року", ("Кошице", "Лідс"), ("Брно", "Лілль")),
        ("Kharkiv agreements 2023", ("Košice", "Leeds"), ("Brno", "Lille")),
        ("з ким побратався харків у 2023", ("Кошице", "Лідс"), ("Брно", "Лілль")),
    ],
)
def test_a_year_lists_only_the_partners_signed_that_year(
    engine: Engine, question: str, signed: tuple[str, ...], undated: tuple[str, ...]
) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert all(name in actual for name in signed)
    assert not any(name in actual for name in undated)
    assert ".." not in actual
