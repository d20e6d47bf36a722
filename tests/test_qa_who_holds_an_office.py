"""Who a hromada's mayor is is not in the knowledge base: "Who is the mayor of Kharkiv?" gets
an honest "I don't have that", never a record of the mayor's meetings or of another hromada;
the mayor of a partner city named in an event's record is still found there."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    "question",
    ["Who is the mayor of Kharkiv?", "who is kharkiv mayor", "who is the mayor of Mena"],
)
def test_who_a_hromadas_mayor_is_is_not_recorded(curated_engine: Engine, question: str) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.NOT_RECORDED
    assert "70" not in answer.text
    assert "Zolochiv" not in answer.text


def test_the_mayor_of_a_partner_city_named_in_a_record_is_found(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "Who is the mayor of Columbus?")

    assert "Ginther" in answer.text
