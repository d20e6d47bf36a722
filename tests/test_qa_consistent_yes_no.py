"""A yes-or-no answer says one thing, first, and nothing below it says the opposite."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def test_talks_asked_about_are_a_yes(engine: Engine) -> None:
    text = engine.answer("Is Mena in talks with Friedberg?", today=TODAY).text

    assert text.startswith("Yes, Mena and Friedberg are in talks.")


def test_cooperation_only_in_talks_says_not_yet_and_why(engine: Engine) -> None:
    first = engine.answer("Чи співпрацює Мена з Фрідбергом?", today=TODAY).text.splitlines()[0]

    assert first.startswith("Ще ні:")
    assert "перемовини" in first


@pytest.mark.parametrize(
    ("question", "no", "yes"),
    [
        ("Чи побратими Харків і Краків?", "Ні,", "Так,"),
        ("Is Kharkiv twinned with Krakow?", "No,", "Yes,"),
    ],
)
def test_a_no_about_an_unknown_town_is_not_followed_by_a_yes(
    engine: Engine, question: str, no: str, yes: str
) -> None:
    text = engine.answer(question, today=TODAY).text

    assert text.startswith(no)
    assert yes not in text


@pytest.mark.parametrize(
    "question",
    ["Did Japan send generators to Kharkiv?", "Did France send generators to Kharkiv?"],
)
def test_what_one_of_several_senders_sent_is_not_a_yes(engine: Engine, question: str) -> None:
    first = engine.answer(question, today=TODAY).text.splitlines()[0]

    assert first.startswith("The sources do not say")
    assert "what each sender sent" in first


def test_a_kind_of_aid_never_received_from_a_sender_is_a_no(engine: Engine) -> None:
    first = engine.answer("Did Poland send buses to Kharkiv?", today=TODAY).text.splitlines()[0]

    assert first == "No, no buses from Poland are recorded for Kharkiv."


def test_a_kind_of_aid_received_is_a_yes_in_ukrainian(engine: Engine) -> None:
    first = engine.answer("Чи отримала Мена автобус?", today=TODAY).text.splitlines()[0]

    assert first.startswith("Так,")
    assert "автобус" in first


def test_a_town_read_as_a_misspelt_hromada_beside_one_named_is_an_unrecorded_partner(
    engine: Engine,
) -> None:
    text = engine.answer("Is Kharkiv twinned with Belgorod?", today=TODAY).text

    assert text.startswith("No, I have no record of a partnership between Kharkiv and Belgorod.")
    assert "Yes," not in text


def test_a_partner_name_declined_by_the_resident_is_found(engine: Engine) -> None:
    text = engine.answer("Чи є у Мени угода з Олайном?", today=TODAY).text

    assert text.startswith("Так, Мена і Олайне — партнери.")


def test_who_signed_an_unsigned_memorandum_says_it_is_not_signed(engine: Engine) -> None:
    text = engine.answer("Хто підписав протокол з Альбукерке?", today=TODAY).text

    memorandum = text.split("Меморандум про встановлення побратимських відносин", 1)[1]
    assert memorandum.splitlines()[1].strip().startswith("Ще не підписано")
    assert "хто підписав цей документ" not in memorandum.split("Угода про співпрацю")[0]
