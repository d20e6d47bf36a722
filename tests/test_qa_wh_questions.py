"""An English question that opens with a question word asks for a fact, never a yes or no,
whatever auxiliary follows it ("When does …", "Until when is …")."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Entities
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    "question",
    [
        "When does the Kharkiv–Leeds pledge expire?",
        "When does the Kharkiv-Kosice agreement expire?",
        "Until when is the Leeds pledge valid?",
        "When is the Leeds pledge valid until?",
        "and when does it expire?",
    ],
)
def test_a_when_question_gets_the_date_without_a_yes(engine: Engine, question: str) -> None:
    context = engine.answer("Kharkiv and Leeds", today=TODAY).context
    text = engine.answer(question, today=TODAY, context=context).text

    assert not text.startswith(("Yes", "No")), text
    assert "end date" in text


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Is the Leeds pledge still in force?", "Yes,"),
        ("Does Kharkiv have a twin city in Czechia?", "Yes,"),
    ],
)
def test_a_question_opening_with_its_auxiliary_still_gets_a_yes_or_no(
    engine: Engine, question: str, opening: str
) -> None:
    assert engine.answer(question, today=TODAY).text.startswith(opening)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("хто такий тімоті келлер", "мер Альбукерке Тімоті Келлер"),
        ("хто такий Терехов?", "міський голова Ігор Терехов"),
        ("who is Timothy Keller?", "Albuquerque mayor Timothy Keller"),
    ],
)
def test_a_person_the_notes_name_as_a_signatory_is_answered_from_them(
    engine: Engine, question: str, expected: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is Intent.SIGNATORIES
    assert expected in actual.text
    # Only the protocol the notes say he signed, not Kharkiv's other agreements.
    assert "Cincinnati" not in actual.text
    assert "Цинциннаті" not in actual.text


@pytest.mark.parametrize(
    "question",
    [
        "Who is Helen Keller?",
        "хто така Гелен Келлер?",
        "хто така гелен келлер?",
        "Who is Timothy Snyder?",
        "Who was Timothy Leary?",
        "Хто такий Тімоті Шевченко",
        "Who is Kelley?",
        "хто такий Тімоті?",
    ],
)
def test_a_person_only_partly_named_like_a_signatory_is_not_taken_for_him(
    engine: Engine, question: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is not Intent.SIGNATORIES
    assert "Keller" not in actual.text
    assert "Келлер" not in actual.text


@pytest.mark.parametrize(
    ("question", "reply"),
    [
        ("хто такий Іван Петренко", "Такої інформації в мене немає"),
        ("а хто такий Петренко?", "Такої інформації в мене немає"),
        ("кто такой Петр Иванов", "Такої інформації в мене немає"),
        ("who is Ivan Petrenko?", "I don't have that"),
    ],
)
def test_a_person_the_notes_do_not_name_is_outside_the_knowledge_base_not_a_place(
    engine: Engine, question: str, reply: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.text.startswith(reply)
    assert actual.entities == Entities()
    assert "Петрівка" not in actual.text
    assert "Iran" not in actual.text


@pytest.mark.parametrize("question", ["Who is Keller?", "Хто такий Келлера?", "хто така Келлер"])
def test_a_signatory_s_surname_alone_is_answered(engine: Engine, question: str) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is Intent.SIGNATORIES
    assert "Келлер" in actual.text or "Keller" in actual.text


def test_put_their_names_to_asks_who_signed(engine: Engine) -> None:
    actual = engine.answer(
        "Who put their names to the Kharkiv–Albuquerque protocol of intent?", today=TODAY
    )

    assert actual.intent is Intent.SIGNATORIES
    assert "Timothy Keller" in actual.text


def test_a_count_of_donors_gives_the_number_the_sources_give(engine: Engine) -> None:
    actual = engine.answer("How many donors work with Mena?", today=TODAY).text

    assert "More than 30 international donor organisations" in actual


def test_a_person_an_event_names_in_full_is_answered_from_that_event(engine: Engine) -> None:
    actual = engine.answer("хто такий Андрій Беседін", today=TODAY).text

    assert "Куп’янськ" in actual
    assert "Беседін" in actual


@pytest.mark.parametrize(
    ("question", "unknown"),
    [
        ("хто підписав меморандум з колумбусом?", "хто підписав цей документ"),
        ("who signed the memorandum with Cincinnati?", "do not say who signed it"),
    ],
)
def test_signatories_the_sources_do_not_give_are_said_to_be_unknown_of_any_document(
    engine: Engine, question: str, unknown: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is Intent.SIGNATORIES
    assert unknown in actual.text
    # A memorandum is «він»: the answer names no gender it does not know.
    assert "хто її підписав" not in actual.text
    assert "Терехов" not in actual.text


@pytest.mark.parametrize(
    ("question", "where"),
    [
        ("в якій країні олайне", "Олайне: розташування — Латвія."),
        ("олайне це де", "Олайне: розташування — Латвія."),
        ("в какой стране олайне", "Олайне: розташування — Латвія."),
        ("which country is Kosice in?", "Košice is in Košice Region, Slovakia."),
        ("which country is Olaine in?", "Olaine is in Latvia.\n"),
        ("where is Olaine?", "Olaine is in Latvia.\n"),
    ],
)
def test_which_country_a_partner_is_in_is_answered_with_where_it_lies(
    engine: Engine, question: str, where: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is Intent.PLACE
    assert actual.text.startswith(where)


@pytest.mark.parametrize(
    ("question", "where"),
    [
        ("в якому регіоні олайне", "Олайне: розташування — Латвія; регіон у базі не вказано."),
        ("олайне в якому регіоні", "Олайне: розташування — Латвія; регіон у базі не вказано."),
        ("which region is Olaine in?", "Olaine is in Latvia; the records do not give its region."),
    ],
)
def test_a_region_the_records_lack_is_said_to_be_unknown_when_asked(
    engine: Engine, question: str, where: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is Intent.PLACE
    assert actual.text.startswith(where)


def test_which_country_a_hromada_s_partners_are_in_lists_them(engine: Engine) -> None:
    actual = engine.answer("в якій країні побратими харкова", today=TODAY).text

    # Grouped by country, as «з якими країнами співпрацює харків» is answered.
    assert "Чехія: Брно" in actual
    assert "Франція: Лілль" in actual
