"""The United States by its everyday names («Штати», «Америка», "the States") in questions."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "expected", "excluded"),
    [
        ("шо за партнери у харькова в штатах", "Альбукерке", "Кошице"),
        ("партнери харкова в Америці", "Цинциннаті", "Брно"),
        ("партнеры харькова в штатах", "Альбукерке", "Лидс"),
        ("Kharkiv partners in the States", "Cincinnati", "Košice"),
    ],
)
def test_the_united_states_by_an_everyday_name_filters_partners(
    curated_engine: Engine, question: str, expected: str, excluded: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert expected in answer.text
    assert excluded not in answer.text


@pytest.mark.parametrize(
    "question",
    ["партнери харкова в Південній Америці", "партнеры харькова в латинской америке"],
)
def test_a_part_of_the_americas_is_a_group_of_countries_not_the_united_states(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.NOT_RECORDED
    assert "Альбукерке" not in answer.text
