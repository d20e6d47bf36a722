"""Inline mode: `@bot question` offers the answer and agreement cards to share."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerInlineQuery
from aiogram.types import InlineQueryResultArticle, InputTextMessageContent

from bot.deeplinks import QuestionLink, decode_payload
from bot.handlers import inline
from tests.bot_support import Harness, calls_of, html_problems


def _texts(call: AnswerInlineQuery) -> list[str]:
    texts = []
    for result in call.results:
        assert isinstance(result, InlineQueryResultArticle)
        content = result.input_message_content
        assert isinstance(content, InputTextMessageContent)
        texts.append(content.message_text)
    return texts


async def test_a_question_offers_the_answer_then_agreement_cards(harness: Harness) -> None:
    question = "Who are Kharkiv's partner cities?"

    (call,) = calls_of(await harness.inline(question, language_code="uk"), AnswerInlineQuery)

    texts = _texts(call)
    titles = [
        result.title for result in call.results if isinstance(result, InlineQueryResultArticle)
    ]
    assert titles[0] == question
    assert "Košice, Slovakia" in texts[0]
    assert "Albuquerque — cooperation agreement" in titles[1:]
    assert all(" — " in title for title in titles[1:])
    assert len(call.results) == 1 + 8
    assert call.next_offset == ""
    assert len({result.id for result in call.results}) == len(call.results)
    assert call.cache_time == 300
    assert call.is_personal is False
    assert call.button is not None
    assert call.button.start_parameter is not None
    assert decode_payload(call.button.start_parameter) == QuestionLink(question)


async def test_a_long_answer_offers_every_card_a_page_at_a_time(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(inline, "AGREEMENT_RESULTS", 3)
    question = "Who are Kharkiv's partner cities?"

    (first,) = calls_of(await harness.inline(question), AnswerInlineQuery)
    (second,) = calls_of(await harness.inline(question, offset="3"), AnswerInlineQuery)
    (last,) = calls_of(await harness.inline(question, offset="6"), AnswerInlineQuery)

    assert (len(first.results), first.next_offset) == (1 + 3, "3")
    assert (len(second.results), second.next_offset) == (3, "6")
    assert (len(last.results), last.next_offset) == (2, "")
    ids = [result.id for call in (first, second, last) for result in call.results]
    assert len(set(ids)) == len(ids) == 1 + 8


async def test_a_ukrainian_question_is_answered_in_ukrainian(harness: Harness) -> None:
    (call,) = calls_of(
        await harness.inline("Партнери Харкова", language_code="en"), AnswerInlineQuery
    )

    assert "Кошице, Словаччина" in _texts(call)[0]


async def test_the_question_is_escaped_in_the_shared_message(harness: Harness) -> None:
    (call,) = calls_of(await harness.inline("<b>Kharkiv</b> & partners"), AnswerInlineQuery)

    text = _texts(call)[0]
    assert text.startswith("<b>&lt;b&gt;Kharkiv&lt;/b&gt; &amp; partners</b>")
    assert html_problems(text) == []


async def test_an_empty_query_offers_examples_in_the_users_language(harness: Harness) -> None:
    (call,) = calls_of(await harness.inline("", language_code="uk"), AnswerInlineQuery)

    titles = [
        result.title for result in call.results if isinstance(result, InlineQueryResultArticle)
    ]
    assert titles[0] == "Які міста-партнери в Харкова?"
    assert len(titles) == 5
    assert call.is_personal is True
    assert call.button is not None
    assert call.button.text == "Запитати в особистому чаті"
