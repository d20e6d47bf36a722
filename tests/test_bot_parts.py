"""The conversation's parts that need no Telegram: payloads, context, splitting, preferences."""

from __future__ import annotations

import contextlib
import datetime as dt
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.deeplinks import (
    AgreementLink,
    BadPayloadError,
    HromadaLink,
    QuestionLink,
    agreement_id,
    agreement_payload,
    decode_payload,
    hromada_payload,
    question_payload,
)
from bot.texts import card_html, escaped, split_message
from knowledge.qa.answer import Context
from knowledge.qa.context_codec import context_from_data, context_to_data
from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.render.cards import Card
from knowledge.store.engines import session_factory
from knowledge.store.preferences import UnknownLanguageError, chat_language, save_chat_language

SAFE = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-")
NOW = dt.datetime(2025, 6, 1, 12, tzinfo=dt.UTC)


@given(
    st.text(min_size=1, max_size=80).filter(
        lambda text: text.strip() and text.strip().isprintable()
    )
)
def test_a_question_payload_is_safe_and_reads_back(question: str) -> None:
    payload = question_payload(question)

    if payload is not None:
        assert len(payload) <= 64
        assert set(payload) <= SAFE
        assert decode_payload(payload) == QuestionLink(question.strip())


def test_short_ukrainian_questions_fit_a_payload() -> None:
    question = "Коли спливає угода Харкова з Кошице?"

    payload = question_payload(question)

    assert payload is not None
    assert decode_payload(payload) == QuestionLink(question)


@given(st.text(max_size=100))
def test_any_payload_either_reads_or_is_refused(payload: str) -> None:
    with contextlib.suppress(BadPayloadError):
        link = decode_payload(payload)
        assert isinstance(link, HromadaLink | AgreementLink | QuestionLink)
        assert set(payload) <= SAFE


def test_hromada_and_agreement_payloads_read_back() -> None:
    key = "a" * 50 + "-" + "b" * 49

    assert decode_payload(hromada_payload("UA63120270000028556")) == HromadaLink(
        "UA63120270000028556"
    )
    assert decode_payload(agreement_payload(key)) == AgreementLink(agreement_id(key))
    assert len(agreement_payload(key)) <= 64


def test_a_real_context_survives_json(qa_engine: Engine) -> None:
    first = qa_engine.answer("Які партнери у Менської громади?", today=dt.date(2025, 6, 1))

    restored = context_from_data(context_to_data(first.context))

    assert restored == first.context
    assert restored is not None
    assert restored.intent is Intent.PARTNERS


@pytest.mark.parametrize(
    "data",
    [None, "text", {"intent": "nonsense", "entities": {"a": [1]}, "listed_agreements": "x"}],
)
def test_unreadable_context_is_a_fresh_conversation(data: object) -> None:
    restored = context_from_data(data)

    assert restored is None or restored == Context(intent=None)


@given(st.lists(st.text(alphabet="ab &<>\u0456", max_size=300), max_size=60))
def test_split_messages_fit_and_keep_every_line(lines: list[str]) -> None:
    text = escaped("\n".join(lines))

    pieces = split_message(text, limit=200)

    assert all(len(piece) <= 200 for piece in pieces)
    assert not any(re.search(r"&(?!(?:amp|lt|gt);)", piece) for piece in pieces)
    assert "".join("".join(pieces).split()) == "".join(text.split())


def test_a_cut_never_falls_inside_an_entity() -> None:
    text = escaped("&" * 500)

    pieces = split_message(text, limit=101)

    assert all(piece.endswith(";") for piece in pieces)
    assert "".join(pieces) == text


@given(
    st.text(alphabet="ab &<>\u0456", max_size=300),
    st.lists(st.text(alphabet="ab &<>\u0456\n", max_size=3000), max_size=8),
)
def test_a_card_fits_its_limit_whole_words_and_entities_with_an_ellipsis_when_cut(
    title: str, lines: list[str]
) -> None:
    card = Card(title, tuple(line.replace("\n", " ") for line in lines))

    actual = card_html(card, limit=500)

    assert len(actual) <= 500
    assert actual.startswith("<b>")
    assert actual.count("<b>") == actual.count("</b>") == 1
    assert not re.search(r"&(?!(?:amp|lt|gt);)", actual)
    whole = "\n".join([f"<b>{escaped(title)}</b>", *(escaped(line) for line in card.lines)])
    assert actual == whole or actual.endswith("…")


def test_a_long_note_is_cut_after_a_word() -> None:
    card = Card("Kharkiv — Kosice", ("Signed in 2023.", "Notes: " + "visit & talk " * 400))

    actual = card_html(card)

    assert len(actual) <= 4096
    assert actual.splitlines()[1] == "Signed in 2023."
    assert actual.endswith("talk…")


async def test_a_chat_language_is_saved_then_changed(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)
    async with sessions() as session, session.begin():
        await save_chat_language(session, -100500, "en", NOW)
    async with sessions() as session, session.begin():
        await save_chat_language(session, -100500, "uk", NOW)

    async with sessions() as session:
        assert await chat_language(session, -100500) == "uk"
        assert await chat_language(session, 1) is None


async def test_an_unknown_language_is_refused(sqlite_engine: AsyncEngine) -> None:
    async with session_factory(sqlite_engine)() as session:
        with pytest.raises(UnknownLanguageError):
            await save_chat_language(session, 1, "de", NOW)
        assert await chat_language(session, 1) is None
