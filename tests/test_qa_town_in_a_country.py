"""«Чи Олайне в Литві?», "Is Olaine in Lithuania?": a partner town and a country with no word
of partnerships ask where the town lies; the answer opens with a yes or a no and says where it
is, never that the town is no partner."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "opening", "where"),
    [
        ("Is Olaine in Lithuania?", "No,", "Latvia"),
        ("Чи Олайне в Литві?", "Ні,", "Латвія"),
        ("Брно в Польше?", "Ні,", "Чехія"),
        ("Is Brno in Czechia?", "Yes,", "Czechia"),
        ("Олайне в Латвії?", "Так,", "Латвія"),
        ("is lille in belgium", "No,", "France"),
    ],
)
def test_whether_a_town_lies_in_a_country(
    curated_engine: Engine, question: str, opening: str, where: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.PLACE
    assert answer.text.startswith(opening)
    assert where in answer.text.splitlines()[0]
    assert "not a partner" not in answer.text
    assert "не є партнером" not in answer.text


@pytest.mark.parametrize(
    "question",
    ["Чи є у Мени партнер в Латвії?", "Is Olaine a partner of Mena?", "партнери Олайне в Україні"],
)
def test_a_partnership_asked_with_a_country_is_still_about_the_partnership(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is not Intent.PLACE
