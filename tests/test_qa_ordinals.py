"""«А другий?» after a list picks the partner shown in that place, whatever the ordinal's form."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def _shown(text: str) -> list[str]:
    """The partners' names in the order the list shows them."""
    return [
        line[2:].split(",")[0].split(" — ")[0] for line in text.splitlines() if line[:2] == "• "
    ]


@pytest.mark.parametrize(
    ("question", "position"),
    [("а другий?", 2), ("а третій?", 3), ("а п'ятий?", 5), ("а п’ята угода?", 5), ("а пятый?", 5)],
)
def test_an_ordinal_picks_the_partner_shown_in_that_place(
    engine: Engine, question: str, position: int
) -> None:
    listed = engine.answer("партнери харкова", today=TODAY)
    expected = _shown(listed.text)[position - 1]

    actual = engine.answer(question, context=listed.context, today=TODAY)

    assert actual.text.startswith(f"Харків — {expected},")
