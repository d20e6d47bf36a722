"""An English question that opens with a question word asks for a fact, never a yes or no,
whatever auxiliary follows it ("When does …", "Until when is …")."""

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
    "question",
    [
        "When does the Kharkiv–Leeds pledge expire?",
        "When does the Kharkiv-Kosice agreement expire?",
        "Until when is the Leeds pledge valid?",
        "When is the Leeds pledge valid until?",
        "and when does it expire?",
    ],
)
def test_a_when_question_gets_the_date_without_a_yes(engine: Engine, question: str) -> None:
    context = engine.answer("Kharkiv and Leeds", today=TODAY).context
    text = engine.answer(question, today=TODAY, context=context).text

    assert not text.startswith(("Yes", "No")), text
    assert "end date" in text


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Is the Leeds pledge still in force?", "Yes,"),
        ("Does Kharkiv have a twin city in Czechia?", "Yes,"),
    ],
)
def test_a_question_opening_with_its_auxiliary_still_gets_a_yes_or_no(
    engine: Engine, question: str, opening: str
) -> None:
    assert engine.answer(question, today=TODAY).text.startswith(opening)
