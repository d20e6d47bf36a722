"""After a question about one agreement, a follow-up asking for partners lists the hromada's
partners: the kind and the partner of that agreement do not narrow the list."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)
KHARKIV = "UA63120270000028556"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    ("first", "follow_up", "listed"),
    [
        ("When was the friendship pledge with Leeds signed?", "and its partners?", "Brno"),
        ("When does the Cincinnati memorandum expire?", "and its other partners?", "Lille"),
        ("Коли підписали угоду з Лідсом?", "а які в нього партнери?", "Брно"),
        ("Коли спливає меморандум з Цинциннаті?", "а інші партнери?", "Лілль"),
    ],
)
def test_partners_asked_after_one_agreement_are_all_the_hromadas_partners(
    engine: Engine, first: str, follow_up: str, listed: str
) -> None:
    before = engine.answer(first, today=TODAY)

    actual = engine.answer(follow_up, before.context, today=TODAY)

    assert actual.intent is Intent.PARTNERS
    assert actual.entities.hromada == KHARKIV
    assert actual.entities.kind is None
    assert listed in actual.text


def test_partners_in_a_country_asked_after_one_agreement_keep_the_country(
    engine: Engine,
) -> None:
    before = engine.answer("When was the friendship pledge with Leeds signed?", today=TODAY)

    actual = engine.answer("and its partners in Czechia?", before.context, today=TODAY)

    assert actual.intent is Intent.PARTNERS
    assert "Brno" in actual.text
    assert "Leeds" not in actual.text.splitlines()[1]


@pytest.mark.parametrize(
    ("first", "follow_up"),
    [
        ("Які партнери Харкова?", "а які з них діють?"),
        ("Who are Kharkiv's partners?", "which of them are in force?"),
    ],
)
def test_which_of_the_listed_partners_are_in_force_narrows_the_list(
    engine: Engine, first: str, follow_up: str
) -> None:
    before = engine.answer(first, today=TODAY)

    actual = engine.answer(follow_up, before.context, today=TODAY)

    assert actual.intent is Intent.PARTNERS
    # Albuquerque's twinning memorandum was only planned: it is listed before, not now.
    assert "Меморандум про встановлення" in before.text or "Memorandum on est" in before.text
    assert "Меморандум про встановлення" not in actual.text
    assert "Memorandum on est" not in actual.text
    assert "Brno" in actual.text or "Брно" in actual.text


def test_which_of_the_listed_partners_expire_still_asks_for_end_dates(engine: Engine) -> None:
    before = engine.answer("Mena partners", today=TODAY)

    actual = engine.answer("and which of them expire?", before.context, today=TODAY)

    assert actual.intent is Intent.EXPIRY
