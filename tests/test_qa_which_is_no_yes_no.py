"""A question asking which ones or who is answered with the list, or with none, never opening
with a yes or a no; «чи є …?», "Are there …?" still open with one."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Які громади мають партнерів у ПАР?", "Південно-Африканська"),
        ("Які громади мають побратимів в Італії?", "Кастельтерміні"),
        ("Хто має партнерів у Латвії?", "Олайне"),
        ("Кто имеет побратимов в Чехии?", "Брно"),
        ("Which hromadas have partners in Japan?", "Japan"),
        ("Which hromadas have partners in Poland?", "Dąbrowa"),
        ("Who has partners in Latvia?", "Olaine"),
    ],
)
def test_which_or_who_opens_with_the_answer_not_a_yes_or_no(
    curated_engine: Engine, question: str, said: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert said in answer.text
    assert not answer.text.startswith(("Так", "Ні", "Yes", "No.", "No,"))


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Чи є побратими в Італії?", "Ні"),
        ("Are there partners in Poland?", "Yes"),
    ],
)
def test_whether_there_are_any_still_opens_with_a_yes_or_no(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


@pytest.mark.parametrize(
    "question",
    [
        "Яка остання підписана угода?",
        "Яку угоду підписали останньою?",
        "Какое последнее подписанное соглашение?",
        "Which agreement was signed last?",
    ],
)
def test_the_last_signed_agreement_is_the_newest_of_the_whole_base(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert "Колумбус" in answer.text or "Columbus" in answer.text
    assert "2025" in answer.text
