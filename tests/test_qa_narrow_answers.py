"""Answers that say what was asked and no more: aid apart from a council's own spending,
counts of signed agreements, narrow follow-ups, events found by their words."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.answer import Answer, Context
from knowledge.qa.context_codec import context_from_data, context_to_data
from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)
KHARKIV = "UA63120270000028556"
MENA = "UA74020030000069340"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def conversation(engine: Engine, *questions: str) -> list[Answer]:
    """Each question asked in the context the previous answer left, through its JSON form."""
    answers: list[Answer] = []
    context: Context | None = None
    for question in questions:
        answer = engine.answer(question, context, today=TODAY)
        answers.append(answer)
        context = context_from_data(context_to_data(answer.context))
    return answers


@pytest.mark.parametrize(
    ("question", "vehicles", "spending"),
    [
        ("What aid did Mena receive?", "14 vehicles", "22,736.20"),
        ("Яку допомогу отримала Мена?", "14 автомобілів", "22 736,20"),
    ],
)
def test_aid_received_leaves_out_the_councils_own_programme_spending(
    engine: Engine, question: str, vehicles: str, spending: str
) -> None:
    (answer,) = conversation(engine, question)

    assert answer.intent is Intent.AID
    assert vehicles in answer.text
    assert spending not in answer.text.replace("\u00a0", " ")
