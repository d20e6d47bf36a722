"""Only a question about how to arrange a partnership is told the records hold no procedures:
how something was managed, what a named hromada does and a look-up of its partners are facts."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "intent", "fact"),
    [
        ("How does Kharkiv get aid from Germany?", Intent.AID, "Germany"),
        ("how can I find Kharkiv partners?", Intent.PARTNERS, "Lille"),
        ("як знайти партнерів Харкова?", Intent.PARTNERS, "Лілль"),
        ("як Мені вдалося встановити партнерство з Олайне?", Intent.RELATION, "Олайне"),
        ("як Харкову вдалося налагодити співпрацю з Лідсом?", Intent.RELATION, "Клятва"),
    ],
)
def test_a_fact_asked_with_how_is_answered(
    curated_engine: Engine, question: str, intent: Intent, fact: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is intent
    assert fact in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "як стати побратимом?",
        "How can our town become a twin city?",
        "How does a town become a twin city?",
        "як знайти нових партнерів для Харкова?",
    ],
)
def test_how_to_arrange_a_partnership_is_still_declined(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.NOT_RECORDED
