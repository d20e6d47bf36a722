"""Colloquial words mean what the plain ones do: «шо по допомозі», «кінчається»."""

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


def test_aid_in_the_locative_finds_the_aid_japan_sent(engine: Engine) -> None:
    actual = engine.answer("шо по допомозі з японії", today=TODAY)

    assert actual.intent is Intent.AID
    assert "Харків" in actual.text
    assert "записів про партнерства" not in actual.text


@pytest.mark.parametrize(
    "question",
    [
        "коли кінчається меморандум з цинциннаті",
        "коли скінчиться угода з цинциннаті?",
        "когда кончается меморандум с цинциннати",
    ],
)
def test_colloquial_ending_asks_when_it_expires(engine: Engine, question: str) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is Intent.EXPIRY
    assert "2028" in actual.text
