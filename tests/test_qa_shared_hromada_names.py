"""A centre's name several hromadas share is read as one of them without asking only when a
resident plainly means it: the oblast centre, or a city far more populous than the rest."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    "question",
    [
        "Миколаївка має побратимів?",
        "Mykolaivka twin cities",
        "Семенівка партнери",
        "Василівка має партнерів?",
        "Trostianets partners",
    ],
)
def test_a_name_no_hromada_clearly_owns_asks_which_one(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.CLARIFY


@pytest.mark.parametrize(
    ("question", "hromada"),
    [
        ("Рівне партнери", "UA56060470000086729"),
        ("Миколаїв партнери", "UA48060150000071713"),
        ("Костянтинівка побратими", "UA14120070000090878"),
        ("Чернівці партнери", "UA73060610000066784"),
    ],
)
def test_a_name_one_city_clearly_owns_is_answered_for_it(
    curated_engine: Engine, question: str, hromada: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is not Intent.CLARIFY
    assert answer.entities.hromada == hromada


def test_a_shared_name_narrowed_by_its_oblast_is_answered(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "Миколаївка Донецької області партнери")

    assert answer.entities.hromada == "UA14120130000086767"
