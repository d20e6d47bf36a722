"""Names typed as residents type them: a Russian spelling of a hromada of several words, an
everyday word in lower case that a small town abroad is also called, and a town abroad no
hromada partners with in a question about one agreement."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)
STARYI_SAMBIR = "UA46080150000050321"
NOVA_VODOLAHA = "UA63120170000093573"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    ("question", "hromada", "named"),
    [
        ("Старый Самбор", STARYI_SAMBIR, "Старий Самбір"),
        ("Партнеры Старый Самбор", STARYI_SAMBIR, "Старий Самбір"),
        ("Какие партнеры у Старого Самбора?", STARYI_SAMBIR, "Старий Самбір"),
        # A yes-or-no question about a hromada with no records opens with the no.
        ("Есть ли у Новой Водолаги побратимы?", NOVA_VODOLAHA, "Ні, Нова Водолага"),
        ("Новая Водолага партнеры", NOVA_VODOLAHA, "Нова Водолага"),
    ],
)
def test_a_hromada_of_several_words_spelt_the_russian_way_is_that_hromada(
    engine: Engine, question: str, hromada: str, named: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.entities.hromada == hromada
    assert actual.text.startswith(named)


@pytest.mark.parametrize(
    "question",
    ["Які партнери у базі?", "Що є у базі про Мену?", "Чи є у Харкова партнер у базі?"],
)
def test_an_everyday_word_in_lower_case_is_not_a_small_town_abroad(
    engine: Engine, question: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert "База" not in actual.text
    assert "Іспанія" not in actual.text


@pytest.mark.parametrize(
    ("question", "town"),
    [("Чи є партнери у Базі?", "База"), ("чи є партнерство з римом?", "Рим")],
)
def test_a_capitalised_small_town_or_a_large_city_in_lower_case_is_still_the_town(
    engine: Engine, question: str, town: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is Intent.REVERSE
    assert town in actual.text


@pytest.mark.parametrize(
    ("question", "town"),
    [
        ("Коли підписали угоду з Нью-йорком?", "Нью-Йорк"),
        ("When does the agreement with Warsaw expire?", "Warsaw"),
    ],
)
def test_an_agreement_with_a_town_no_hromada_partners_with_is_a_no_not_which_hromada(
    engine: Engine, question: str, town: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is Intent.REVERSE
    assert town in actual.text.splitlines()[0]
