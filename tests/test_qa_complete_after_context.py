"""A complete question answers the same whatever was asked before it: a yes-or-no about aid
from a country, "are there any <kind>?" and an event question about a hromada never borrow the
previous hromada or partner; an event question opens with its yes or no."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from tests.qa_support import body, conversation


@pytest.mark.parametrize(
    ("before", "question"),
    [
        ("Яка допомога надходила до Харкова?", "Чи надходила допомога з Ісландії?"),
        ("Партнери Куп'янська", "Чи надходила допомога з Норвегії?"),
        ("What aid did Mena receive?", "Was there any aid from Japan?"),
        ("Who are Columbus's partners?", "Are there any friendship pledges?"),
        ("Партнери Мени", "Чи є меморандуми?"),
        ("Is Kharkiv twinned with Lille?", "Did Mena take part in the US Conference of Mayors?"),
    ],
)
def test_a_complete_question_answers_as_if_asked_first(
    curated_engine: Engine, before: str, question: str
) -> None:
    (cold,) = conversation(curated_engine, question)
    _, after = conversation(curated_engine, before, question)
    assert after.text == cold.text
    assert after.intent is cold.intent


@pytest.mark.parametrize(
    ("question", "opening", "holds", "lacks"),
    [
        ("Did Kupiansk take part in the US Conference of Mayors?", "Yes,", "Tampa", "Zolochiv"),
        ("Чи брав Куп'янськ участь у Конференції мерів США?", "Так,", "Тамп", "Золочів"),
        ("Did Mena take part in the US Conference of Mayors?", "No,", "Kupiansk", "Olaine"),
        ("Чи брав Харків участь у конференції мерів США?", "Ні,", "Куп’янськ", "Лілль"),
    ],
)
def test_an_event_question_about_a_hromada_opens_with_yes_or_no(
    curated_engine: Engine, question: str, opening: str, holds: str, lacks: str
) -> None:
    (answer,) = conversation(curated_engine, question)
    assert answer.text.startswith(opening)
    assert holds in body(answer)
    assert lacks not in body(answer)


def test_a_question_with_no_word_for_aid_still_leans_on_the_hromada(
    curated_engine: Engine,
) -> None:
    _, answer = conversation(curated_engine, "What aid did Mena receive?", "did Norway help?")
    assert answer.text.startswith("Yes")
    assert "Mena" in answer.text
