"""An oblast by its everyday name («Харківщина», «на Львівщині») is the oblast, never a village."""

from __future__ import annotations

import pytest

from knowledge.places.hromadas import oblast_everyday_name
from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("adjective", "everyday"),
    [
        ("Харківська", "Харківщина"),
        ("Одеська", "Одещина"),
        ("Вінницька", "Вінниччина"),
        ("Запорізька", "Запоріжчина"),
        ("Автономна Республіка Крим", None),
    ],
)
def test_an_oblast_everyday_name_comes_from_its_adjective(
    adjective: str, everyday: str | None
) -> None:
    assert oblast_everyday_name(adjective) == everyday


@pytest.mark.parametrize(
    ("question", "oblast"),
    [
        ("Які громади Харківщини мають партнерів?", "Харківська область"),
        ("побратими на Львівщині", "Львівська область"),
        ("партнери громад Вінниччини", "Вінницька область"),
        ("які громади Запоріжчини мають побратимів?", "Запорізька область"),
    ],
)
def test_an_oblast_by_its_everyday_name_is_answered_as_the_oblast(
    curated_engine: Engine, question: str, oblast: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.REVERSE
    assert answer.text.startswith(oblast)
    assert "входить до громади" not in answer.text
