"""«на що?», «на что?», "what on?" after an answer continue its subject, not off-topic."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        ("Програма міжнародного співробітництва Мени", "на що?"),
        ("Програма міжнародного співробітництва Мени", "а для чого?"),
        ("Программа международного сотрудничества Мены", "на что?"),
        ("Mena's international cooperation programme", "what for?"),
        ("Mena's international cooperation programme", "and what on?"),
    ],
)
def test_a_bare_what_for_continues_the_answer_before(
    engine: Engine, first: str, follow_up: str
) -> None:
    before = engine.answer(first, today=TODAY)

    answer = engine.answer(follow_up, before.context, today=TODAY)

    assert answer.intent is before.intent is not Intent.OUT_OF_DOMAIN, answer.text
    assert answer.entities == before.entities
    assert answer.text == before.text
