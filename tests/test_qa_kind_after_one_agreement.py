"""A bare other kind of agreement after a question about one agreement («а побратими?» after
the Cincinnati memorandum) asks for the hromada's agreements of that kind; after a pair
question it still asks about the pair."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import body, conversation


@pytest.mark.parametrize(
    ("first", "follow_up", "listed", "left_out"),
    [
        ("Коли спливає меморандум з Цинциннаті?", "а побратими?", ("Брно", "Лілль"), "Ні,"),
        (
            "When does the memorandum with Cincinnati expire?",
            "and twin cities?",
            ("Brno", "Lille"),
            "No,",
        ),
        ("коли підписали угоду з Кошице?", "а меморандуми?", ("Цинциннаті",), "Кошице"),
    ],
)
def test_another_kind_after_one_agreement_lists_the_hromadas_of_that_kind(
    curated_engine: Engine, first: str, follow_up: str, listed: tuple[str, ...], left_out: str
) -> None:
    _, answer = conversation(curated_engine, first, follow_up)

    assert answer.intent is Intent.PARTNERS
    assert answer.entities.hromada == "UA63120270000028556"
    for name in listed:
        assert name in body(answer)
    assert left_out not in body(answer)


def test_a_kind_after_a_pair_question_still_asks_about_the_pair(curated_engine: Engine) -> None:
    _, answer = conversation(curated_engine, "Чи Харків і Лілль — побратими?", "а побратими?")

    assert answer.intent is Intent.RELATION
    assert answer.entities.place == "fr-lille"
