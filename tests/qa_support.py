"""What the question-answering tests share: the day they answer on, hromada codes, and a
conversation driven through the engine as the bot drives it (the context kept as JSON)."""

from __future__ import annotations

import datetime as dt

from knowledge.qa.answer import Answer, Context
from knowledge.qa.context_codec import context_from_data, context_to_data
from knowledge.qa.engine import Engine

TODAY = dt.date(2026, 11, 23)
KHARKIV = "UA63120270000028556"
KUPIANSK = "UA63080090000067457"
MENA = "UA74020030000069340"
IVANO_FRANKIVSK = "UA26040190000081578"


def conversation(engine: Engine, *questions: str) -> list[Answer]:
    """Each question asked in the context the previous answer left, through its JSON form."""
    answers: list[Answer] = []
    context: Context | None = None
    for question in questions:
        answer = engine.answer(question, context, today=TODAY)
        answers.append(answer)
        context = context_from_data(context_to_data(answer.context))
    return answers


def body(answer: Answer) -> str:
    """The answer without its sources."""
    return answer.text.split("\n\nДжерел")[0].split("\n\nSource")[0]
