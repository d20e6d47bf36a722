"""«ми», «наш», «мы», "we": a question about the asker's own hromada, which it never names, asks
which hromada is meant instead of answering about all of them or about another."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    "question",
    [
        "З ким ми побратими?",
        "З ким ми маємо угоди?",
        "Скільки допомоги отримав наш район?",
        "С кем мы побратимы?",
        "какие партнеры у нашего города?",
        "кто наши партнеры",
        "які партнери у вашої громади?",
        "Who are we twinned with?",
    ],
)
def test_a_question_about_our_own_hromada_asks_which_one(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.NEED_HROMADA


def test_our_hromada_named_in_the_question_is_answered(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "З ким ми, Мена, побратими?")

    assert answer.intent is not Intent.NEED_HROMADA
    assert "Мена" in answer.text
