"""A question asking what a kind of agreement means gets an explanation of the kinds, in the
question's language, not the list of records of that kind."""

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


def test_the_difference_between_a_memorandum_and_twinning_is_explained(engine: Engine) -> None:
    answer = engine.answer("чим відрізняється меморандум від побратимства", today=TODAY)

    assert answer.intent is Intent.DEFINITION
    assert "Побратимство" in answer.text
    assert "Меморандум" in answer.text
    assert "Цинциннаті" not in answer.text
    assert "У базі 2 записи такого виду: меморандум." in answer.text
    # The kind is named as everywhere else a sentence names it.
    assert "У базі 3 записи такого виду: місто-побратим." in answer.text


def test_an_english_definition_question_is_explained_in_english(engine: Engine) -> None:
    text = engine.answer(
        "what is the difference between a memorandum and twinning", today=TODAY
    ).text

    assert "Twinning (twin cities)" in text
    assert "Memorandum (of understanding)" in text
    assert "Cincinnati" not in text


@pytest.mark.parametrize(
    ("question", "start"),
    [
        ("що таке меморандум про взаєморозуміння", "• Меморандум"),
        ("what is a protocol of intent", "• Protocol of intent"),
        ("що таке клятва про дружбу?", "• Клятва про дружбу"),
    ],
)
def test_what_is_a_kind_gets_its_meaning(engine: Engine, question: str, start: str) -> None:
    text = engine.answer(question, today=TODAY).text

    assert text.startswith(start), text


def test_a_question_naming_a_hromada_still_lists_its_records(engine: Engine) -> None:
    answer = engine.answer("який меморандум у харкова", today=TODAY)

    assert answer.intent is not Intent.DEFINITION
    assert "Цинциннаті" in answer.text
