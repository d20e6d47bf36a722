"""A question asking where to read about an agreement, or for a partner's list by name, is
answered with what it asks for, not with a yes first."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("де можна почитати про угоду з альбукерке", "Альбукерке"),
        ("Where can I read about the agreement with Albuquerque?", "Albuquerque"),
        ("где почитать про соглашение харькова с Лиллем", "12 січня 2024"),
    ],
)
def test_where_to_read_about_an_agreement_answers_with_its_sources(
    curated_engine: Engine, question: str, source: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.SOURCES
    assert not answer.text.startswith(("Так", "Yes"))
    assert source in answer.text


@pytest.mark.parametrize("question", ["партнери лілля", "партнеры лилля", "partners of Lille"])
def test_a_partners_list_asked_by_name_does_not_open_with_a_yes(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert not answer.text.startswith(("Так", "Yes"))
    assert "Lille" in answer.text or "Лілль" in answer.text
