"""A kind of agreement the question leaves out, by «крім» or by «не», is left out of the whole
base's list as of one hromada's; a yes-or-no question with «не» still asks whether."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "kept", "left_out"),
    [
        ("які партнери не побратими?", "Кошице", "Брно"),
        ("Які угоди не є побратимством?", "Лідс", "Лілль"),
        ("угоди, крім меморандумів", "Лілль", "Колумбус"),
        ("какие партнеры не побратимы", "Олайне", "Брно"),
        ("Which partners are not twin cities?", "Košice", "Brno"),
        ("Which agreements aren't memorandums?", "Leeds", "Columbus"),
    ],
)
def test_a_kind_left_out_is_missing_from_the_whole_bases_list(
    curated_engine: Engine, question: str, kept: str, left_out: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.REVERSE
    assert kept in answer.text
    assert left_out not in answer.text


def test_a_hromadas_partners_that_are_not_twin_cities_leave_its_twin_cities_out(
    curated_engine: Engine,
) -> None:
    (answer,) = conversation(curated_engine, "Які партнери Харкова не є побратимами?")

    assert "Лідс" in answer.text
    assert "Лілль" not in answer.text
    assert "Брно" not in answer.text


def test_whether_two_towns_are_not_twins_is_still_a_yes_or_no(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "Чи Харків і Брно не побратими?")

    assert answer.intent is Intent.RELATION
    assert "Брно" in answer.text
    assert "Кошице" not in answer.text
