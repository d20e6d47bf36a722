"""A foreign town no hromada partners with is answered with a "no hromada", never "which one?"."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document
from tests.qa_support import conversation

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("побратими вроцлава", "Жодна громада в базі знань не має партнером місто Вроцлав"),
        ("чи є у когось партнер у вроцлаві", "Жодна громада в базі знань"),
        ("who is twinned with Wroclaw?", "No hromada in the knowledge base has Wrocław"),
    ],
)
def test_a_town_no_hromada_partners_with_is_a_no_naming_it(
    engine: Engine, question: str, expected: str
) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert actual.startswith(expected)
    # Not Kharkiv's twin cities: the question is about Wrocław.
    assert "Лілль" not in actual
    assert "Lille" not in actual


def test_a_known_partner_still_lists_its_hromadas(engine: Engine) -> None:
    actual = engine.answer("хто побратим Брно?", today=TODAY).text

    assert "Харків" in actual
    assert "Жодна громада" not in actual


@pytest.mark.parametrize(
    "question",
    [
        "Які угоди ще на стадії перемовин?",
        "Which agreements were planned but never signed?",
        # The capital opening a sentence makes no name of a pronoun: not Wuxi («Усі»).
        "Усі меморандуми про взаєморозуміння",
        "Всі меморандуми про взаєморозуміння. Усі меморандуми, які діють",
    ],
)
def test_ordinary_words_are_not_read_as_towns_abroad(engine: Engine, question: str) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert "knowledge base has" not in actual
    assert "Жодна громада" not in actual


def test_a_hromada_and_a_town_no_record_names_is_a_no_about_that_pair(engine: Engine) -> None:
    actual = engine.answer("чи є у харкова партнер у вроцлаві?", today=TODAY).text

    first_line = actual.splitlines()[0]
    assert first_line.startswith("Ні,")
    assert "Вроцлавом" in first_line


@pytest.mark.parametrize(
    ("first", "follow_up", "expected"),
    [
        (
            "Які партнери Харкова?",
            "а вроцлав?",
            "Ні, у моїх записах немає партнерства громади Харків з Вроцлавом",
        ),
        (
            "Kharkiv partners",
            "and Lublin?",
            "No, I have no record of a partnership between Kharkiv and Lublin",
        ),
        (
            "угоди Мени",
            "а люблін?",
            "Ні, у моїх записах немає партнерства громади Мена з Любліном",
        ),
    ],
)
def test_a_bare_town_abroad_after_partners_is_a_no_about_that_pair(
    engine: Engine, first: str, follow_up: str, expected: str
) -> None:
    context = engine.answer(first, today=TODAY).context

    actual = engine.answer(follow_up, context, today=TODAY).text

    assert actual.startswith(expected)


def test_a_bare_known_partner_after_partners_is_still_a_yes(engine: Engine) -> None:
    context = engine.answer("Kharkiv partners", today=TODAY).context

    actual = engine.answer("and Lille?", context, today=TODAY).text

    assert actual.startswith("Yes, Kharkiv and Lille")


@pytest.mark.parametrize(
    ("question", "town", "not_town"),
    [
        ("хто побратим Нью-Йорка", "Нью-Йорк", "Йорк (York)"),
        ("who are new york's twin cities in ukraine?", "New York City", "York, United Kingdom"),
        ("партнери Лос-Анджелеса", "Los Angeles", "(Angeles)"),
    ],
)
def test_a_town_of_several_words_is_that_town_not_one_named_by_its_last_word(
    engine: Engine, question: str, town: str, not_town: str
) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert town in actual
    assert not_town not in actual
    assert "Велика Британія" not in actual


@pytest.mark.parametrize("follow_up", ["а у Вроцлава?", "а у Вроцлаві є партнери?"])
def test_a_town_abroad_after_a_hromada_with_no_records_is_asked_about_itself(
    engine: Engine, follow_up: str
) -> None:
    lviv, town = conversation(engine, "Які партнери у Львова?", follow_up)

    assert "немає записів" in lviv.text
    # Not Lviv's «no records» again: the question is now whose partner Wrocław is.
    assert town.text.startswith("Жодна громада в базі знань не має партнером місто Вроцлав")
    assert "Львів" not in town.text


def test_which_hromadas_work_with_a_town_abroad_names_that_town(engine: Engine) -> None:
    actual = engine.answer("Які громади співпрацюють з Вроцлавом?", today=TODAY).text

    assert actual.startswith("Жодна громада в базі знань не має партнером місто Вроцлав")
    # Not the overview of every hromada the base covers.
    assert "Золочів" not in actual
