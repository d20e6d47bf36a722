"""A yes-or-no asking whether an agreement ENDED is answered with the opposite of «Чи діє?»."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Чи закінчилась угода Мени з Олайне?", "Ні, діє."),
        ("чи спливла угода мени з олайне", "Ні, діє."),
        ("Has the Leeds pledge expired?", "No, it is in force."),
        ("Is the Leeds pledge expired?", "No, it is in force."),
        ("истекло соглашение мены с олайне?", "Ні, діє."),
        ("чи закінчилась угода мени з фрідбергом", "Так, уже не діє."),
    ],
)
def test_whether_an_agreement_ended_says_no_while_it_is_in_force(
    curated_engine: Engine, question: str, expected: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(expected)


def test_whether_it_expires_after_naming_the_agreement_asks_if_it_ended(
    curated_engine: Engine,
) -> None:
    _, answer = conversation(curated_engine, "угода мени з олайне", "чи спливла вона?")

    assert answer.text.startswith("Ні, діє.")
