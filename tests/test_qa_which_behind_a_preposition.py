"""A question asking which ones behind a preposition («З якими містами…», «С какими…») or
with a hasty "Whihc" lists without a yes, and a yes-or-no asked of a hromada with no records
(«Чи є у Львова побратими?») opens with a no."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from tests.qa_support import MENA, conversation


@pytest.mark.parametrize(
    "question",
    [
        "З якими містами Мена має угоди про співробітництво?",
        "з якими містами у мени є угоди",
        "С какими городами Мена имеет соглашения о сотрудничестве?",
        "Whihc countries gave aid to Mena?",
        "Wich partners does Mena have?",
        "whcih cities are mena's partners",
        "With which cities does Mena have agreements?",
    ],
)
def test_which_ones_are_listed_without_a_yes(curated_engine: Engine, question: str) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.entities.hromada == MENA
    assert not answer.text.startswith(("Так", "Yes", "Ні", "No"))


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Чи є у Львова міста-побратими?", "Ні, Львів"),
        ("есть ли у Полтавы побратимы?", "Ні, Полтава"),
        ("Does Lviv have twin cities?", "No, there are no records yet for Lviv"),
    ],
)
def test_a_yes_or_no_about_a_hromada_without_records_opens_with_a_no(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


@pytest.mark.parametrize("question", ["побратими львова", "Lviv twin cities"])
def test_a_list_asked_of_a_hromada_without_records_has_no_no(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert not answer.text.startswith(("Ні", "No,"))
