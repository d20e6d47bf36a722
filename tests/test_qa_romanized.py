"""Ukrainian typed in Latin letters is answered in Ukrainian, its short words read as words."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.store.curated import curated_document
from knowledge.text.romanized import romanized_ukrainian, to_cyrillic
from tests.qa_support import conversation

TODAY = dt.date(2026, 11, 23)
KHARKIV = "UA63120270000028556"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    ("romanized", "expected"),
    [
        ("kharkova", "харкова"),
        ("yaki", "які"),
        ("yakyi", "який"),
        ("pidpysaly", "підписали"),
        ("shcho", "що"),
        ("yaponii", "японії"),
        ("kupianska", "купянска"),
    ],
)
def test_a_romanized_word_is_spelt_back_in_cyrillic(romanized: str, expected: str) -> None:
    assert to_cyrillic(romanized) == expected


def test_a_name_the_index_knows_stays_as_written() -> None:
    actual = romanized_ukrainian(
        "koly zakinchuietsia memorandum z Cincinnati",
        lambda word: word.lower() == "cincinnati",
        frozenset({"memorandum", "with"}),
    )

    assert actual == "коли закінчуєця меморандум з Cincinnati"


@pytest.mark.parametrize(
    "english",
    [
        "Kharkiv partners",
        "is there a twin city of Kharkiv in Germany",
        "partners of Mena",
        "Leeds hromada",
    ],
)
def test_english_is_not_taken_for_romanized_ukrainian(english: str) -> None:
    assert romanized_ukrainian(english, lambda word: False, frozenset({"of", "is", "a"})) is None


@pytest.mark.parametrize(
    ("question", "intent", "expected"),
    [
        ("yaki partnery u kharkova", Intent.PARTNERS, "Кошице"),
        ("kharkiv partnery", Intent.PARTNERS, "Цинциннаті"),
        ("koly pidpysaly z koshyce", Intent.SIGNED, "Кошице"),
        ("koly zakinchuietsia memorandum z cincinnati", Intent.EXPIRY, "2028"),
    ],
)
def test_a_romanized_question_is_answered_in_ukrainian_about_the_named_hromada(
    engine: Engine, question: str, intent: Intent, expected: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.lang == "uk"
    assert actual.intent is intent
    assert actual.entities.hromada == KHARKIV
    assert expected in actual.text


@pytest.mark.parametrize("follow_up", ["a v Kupianska?", "a u kupianska?"])
def test_a_romanized_follow_up_keeps_the_conversation_in_ukrainian(
    engine: Engine, follow_up: str
) -> None:
    mena, kupiansk = conversation(engine, "Yaki partnery v Meny?", follow_up)

    assert mena.text.startswith("Мена")
    assert kupiansk.text.startswith("Куп’янськ")
    assert "Колумбус" in kupiansk.text
    assert "Columbus" not in kupiansk.text


def test_an_english_follow_up_after_ukrainian_stays_english(engine: Engine) -> None:
    _, kupiansk = conversation(engine, "Yaki partnery v Meny?", "and Kupiansk?")

    assert kupiansk.text.startswith("Kupiansk")
