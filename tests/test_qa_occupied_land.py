"""A question about Crimea or the temporarily occupied territories gets a clear, respectful
answer about what the knowledge base covers, never a village whose name is close to Crimea's."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("партнери Криму", "тимчасово окуповані території — це Україна"),
        ("партнеры Крыма", "тимчасово окуповані території — це Україна"),
        ("побратими міст АР Крим", "тимчасово окуповані території — це Україна"),
        ("партнери громад на окупованих територіях", "Про які громади ти знаєш?"),
        ("Crimea partners", "temporarily occupied territories are Ukraine"),
    ],
)
def test_crimea_is_answered_as_land_the_base_holds_no_records_for(
    curated_engine: Engine, question: str, said: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.NOT_RECORDED
    assert said in answer.text
    assert answer.entities.hromada is None
    assert "Кримка" not in answer.text
    assert "Про яку громаду" not in answer.text


def test_a_named_hromada_of_crimea_is_still_that_hromada(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "побратими Сімферополя")

    assert answer.intent is Intent.NO_RECORDS
    assert "Сімферополь" in answer.text
