"""Agreements asked as ended («втратили чинність», «більше не діють», «утратили силу», "no
longer in force", "expired") are those whose term ran out, never the ones in force; the
knowledge base records none, and the answer says so."""

from __future__ import annotations

import pytest

from knowledge.facts.vocabulary import AgreementStatus
from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import KHARKIV, conversation


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("які угоди втратили чинність", "немає"),
        ("Які угоди більше не діють?", "немає"),
        ("які угоди закінчились", "немає"),
        ("какие соглашения уже не действуют", "немає"),
        ("какие соглашения утратили силу?", "немає"),
        ("which agreements have expired?", "None is recorded"),
        ("Which agreements are no longer in force?", "None is recorded"),
    ],
)
def test_ended_agreements_are_not_the_ones_in_force(
    curated_engine: Engine, question: str, said: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.REVERSE
    assert answer.entities.status is AgreementStatus.EXPIRED
    assert said in answer.text
    assert "Кошице" not in answer.text
    assert "Košice" not in answer.text


@pytest.mark.parametrize(
    ("question", "opening"),
    [("чи є угоди які вже скінчились", "Ні"), ("are there agreements that expired?", "No")],
)
def test_whether_any_ended_is_a_no(curated_engine: Engine, question: str, opening: str) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


def test_a_hromadas_ended_agreements_are_none(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "чи є в харкова угоди що втратили чинність")

    assert answer.entities.hromada == KHARKIV
    assert "немає" in answer.text
    assert "Кошице" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "які угоди чинні",
        "які угоди ще діють?",
        "Which agreements are in force?",
        "які угоди підписали минулого року",
    ],
)
def test_in_force_and_last_year_are_not_ended(curated_engine: Engine, question: str) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.entities.status is not AgreementStatus.EXPIRED
