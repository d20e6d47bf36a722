"""Colloquial words mean what the plain ones do: «шо по допомозі», «кінчається»."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def test_aid_in_the_locative_finds_the_aid_japan_sent(engine: Engine) -> None:
    actual = engine.answer("шо по допомозі з японії", today=TODAY)

    assert actual.intent is Intent.AID
    assert "Харків" in actual.text
    assert "записів про партнерства" not in actual.text


@pytest.mark.parametrize(
    "question",
    [
        "коли кінчається меморандум з цинциннаті",
        "коли скінчиться угода з цинциннаті?",
        "когда кончается меморандум с цинциннати",
    ],
)
def test_colloquial_ending_asks_when_it_expires(engine: Engine, question: str) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is Intent.EXPIRY
    assert "2028" in actual.text


MENA = "UA74020030000069340"
KHARKIV = "UA63120270000028556"


@pytest.mark.parametrize(
    "question", ["яку допомогу мені надали?", "допомогу мені", "скільки допомоги надійшло мені"]
)
def test_mena_in_the_dative_next_to_the_aid_it_received_is_mena(
    engine: Engine, question: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.entities.hromada == MENA
    assert actual.text.startswith("Мена")


@pytest.mark.parametrize(
    ("question", "hromada"),
    [
        ("Мені цікаво, які партнери Харкова", KHARKIV),
        ("підкажіть мені, яку допомогу отримав Харків", KHARKIV),
        ("допоможіть мені", None),
    ],
)
def test_to_me_in_a_request_is_not_mena(
    engine: Engine, question: str, hromada: str | None
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.entities.hromada == hromada
    assert not actual.text.startswith("Мена")


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        ("з яких країн приходила допомога харкову?", Intent.AID),
        ("які партнери у харкова?", Intent.PARTNERS),
    ],
)
@pytest.mark.parametrize("follow_up", ["а мені?", "а в мені?", "ну а мені?"])
def test_a_bare_follow_up_with_mena_in_the_dative_asks_the_same_of_mena(
    engine: Engine, first: str, expected: Intent, follow_up: str
) -> None:
    context = engine.answer(first, today=TODAY).context
    actual = engine.answer(follow_up, context=context, today=TODAY)

    assert actual.intent is expected
    assert actual.entities.hromada == MENA
    assert actual.text.startswith("Мена")


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("yaki mista partnery v meni", "Мена — 4 партнери (ще 1 місто — не підписано):"),
        ("Which partners does Mena have?", "Mena — 4 partners (1 more town not signed yet):"),
    ],
)
def test_a_partner_count_leaves_out_a_town_only_in_talks(
    engine: Engine, question: str, heading: str
) -> None:
    text = engine.answer(question, today=TODAY).text

    assert text.splitlines()[0] == heading


@pytest.mark.parametrize(
    ("question", "name"),
    [("хто мер колумбуса", "Ендрю Дж. Гінтера."), ("who is the mayor of Columbus", "J. Ginther.")],
)
def test_a_shortened_note_is_not_cut_at_an_initial(
    engine: Engine, question: str, name: str
) -> None:
    lines = engine.answer(question, today=TODAY).text.splitlines()

    assert any(line.startswith("• ") and line.endswith(name) for line in lines), lines


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("коли і де була конференція мерів сша де був купянськ", "• 19–22 червня 2025"),
        ("what happened in Kupiansk", "• June 19–22, 2025:"),
    ],
)
def test_an_event_of_several_days_gives_its_span(engine: Engine, question: str, span: str) -> None:
    text = engine.answer(question, today=TODAY).text

    assert span in text


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("допомога Харкову", "Харків"),
        ("aid to Mena", "Mena"),
        ("угоди мени", "Мена"),
        ("партнери харкова", "Харків"),
    ],
)
def test_a_bare_noun_phrase_is_answered_with_the_list_not_a_yes(
    engine: Engine, question: str, opening: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.text.startswith(opening)


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Допомогу Мена отримувала?", "Так"),
        ("допомога Харкову є?", "Так"),
        ("Did Mena receive aid?", "Yes"),
    ],
)
def test_aid_asked_with_a_verb_or_is_there_still_opens_with_a_yes(
    engine: Engine, question: str, opening: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.text.startswith(opening)
