"""Nation-wide questions by presence and by year: «Чи є в базі громади з партнерами?» says yes
and lists them, and «які громади отримали допомогу у 2023» lists the hromadas aided that year,
instead of asking which hromada is meant."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Чи є в базі громади з партнерами?", "Так."),
        ("чи є громади з партнерами", "Так."),
        ("есть ли в базе громады с партнерами?", "Так."),
        ("are there hromadas with partners in the database?", "Yes."),
    ],
)
def test_whether_hromadas_have_partners_is_a_yes_and_the_list(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.OVERVIEW
    assert answer.text.startswith(opening)
    assert "Харків" in answer.text or "Kharkiv" in answer.text
    assert "Мена" in answer.text or "Mena" in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "які громади отримали допомогу у 2023",
        "какие громады получили помощь в 2023",
        "which hromadas received aid in 2023?",
        "хто отримав допомогу у 2023 році?",
    ],
)
def test_hromadas_aided_in_a_year_are_listed(curated_engine: Engine, question: str) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.OVERVIEW
    assert "2023" in answer.text
    assert "Мена" in answer.text or "Mena" in answer.text
    assert "Харків" in answer.text or "Kharkiv" in answer.text
    assert "Куп’янськ" not in answer.text
    assert "Kupiansk" not in answer.text


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("які громади отримали допомогу у 2021", "немає"),
        ("which hromadas received aid in 2022?", "No aid received in 2022"),
    ],
)
def test_a_year_without_aid_is_said_plainly(
    curated_engine: Engine, question: str, said: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert said in answer.text
    assert "Мена" not in answer.text
    assert "Mena" not in answer.text


def test_whether_any_hromada_received_aid_is_a_yes(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "чи є в базі громади з допомогою?")

    assert answer.text.startswith("Так.")
    assert "Мена" in answer.text
