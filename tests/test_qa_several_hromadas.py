"""A question naming several hromadas («які побратими у Львова і Харкова?», "twin cities of
Lviv and Mena") is answered for each of them in turn, not for the first alone."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    ("question", "in_order"),
    [
        ("які побратими у Львова і Харкова?", ("Львів", "Харків — міста-побратими", "Брно")),
        ("twin cities of Lviv and Mena", ("Lviv", "Mena: no twin cities are recorded")),
        ("партнери Харкова та Мени", ("Харків — 6 партнерів", "Мена — 4 партнери", "Олайне")),
        ("Mena and Kupiansk partners in Poland", ("Dąbrowa", "Kupiansk: no partners")),
        ("Чи є Брно побратимом Харкова і Мени?", ("Так, Харків і Брно", "Ні, Брно")),
    ],
)
def test_each_hromada_named_gets_its_answer_in_the_order_named(
    engine: Engine, question: str, in_order: tuple[str, ...]
) -> None:
    actual = engine.answer(question, today=TODAY).text
    positions = [actual.find(part) for part in in_order]
    assert -1 not in positions
    assert positions == sorted(positions)


def test_a_comparison_of_two_hromadas_is_still_one_comparison(engine: Engine) -> None:
    actual = engine.answer("скільки партнерів у Харкова і Мени?", today=TODAY).text
    assert "Більше партнерів має Харків." in actual


def test_a_follow_up_goes_on_about_the_hromada_with_records(engine: Engine) -> None:
    first = engine.answer("які побратими у Львова і Харкова?", today=TODAY)
    actual = engine.answer("а коли їх підписали?", first.context, today=TODAY)
    assert actual.text.startswith("Харків")
