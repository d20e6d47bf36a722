"""Inline mode: `@bot question` offers the answer, and matching agreement cards, to share."""

from __future__ import annotations

import hashlib

from aiogram import Router
from aiogram.types import (
    InlineQuery,
    InlineQueryResultArticle,
    InlineQueryResultsButton,
    InlineQueryResultUnion,
    InputTextMessageContent,
)
from aiogram.utils.i18n import gettext as _

from bot.deeplinks import INLINE_START, agreement_id, question_payload
from bot.routing import Handlers
from bot.services import BotServices
from bot.texts import MESSAGE_LIMIT, card_html, escaped, split_message
from knowledge.qa.answer import Answer
from knowledge.qa.small_talk import EXAMPLES
from knowledge.render.cards import agreement_card, partner_button
from knowledge.render.lang import Language

router = Handlers(__name__)
# Answers depend only on the query (its own language decides the answer's), so Telegram may
# share them between users for a while.
CACHE_SECONDS = 300
# Telegram shows up to 50 results a page and asks for the next page as the user scrolls.
AGREEMENT_RESULTS = 20
DESCRIPTION_LIMIT = 120


def _first_message(html_text: str) -> str:
    return split_message(html_text, MESSAGE_LIMIT)[0]


def _article_id(*parts: str) -> str:
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def _answer_article(question: str, answer: Answer) -> InlineQueryResultArticle:
    description = " ".join(answer.text.split())[:DESCRIPTION_LIMIT]
    return InlineQueryResultArticle(
        id=_article_id("answer", question, answer.lang),
        title=question,
        description=description,
        input_message_content=InputTextMessageContent(
            message_text=_first_message(f"<b>{escaped(question)}</b>\n{escaped(answer.text)}")
        ),
    )


@router.inline_query()
async def inline_answer(query: InlineQuery, services: BotServices, lang: str) -> None:
    """The answer first, then the cards of the agreements it names."""
    question = " ".join(query.query.split())
    button_text = _("Ask in a private chat")
    today = services.today()
    await services.ready_to_answer()
    if not question:
        examples = [Language(lang).gettext(example) for example in EXAMPLES]
        results: list[InlineQueryResultUnion] = [
            _answer_article(example, services.engine.answer(example, None, lang, today))
            for example in examples
        ]
        await query.answer(
            results,
            cache_time=CACHE_SECONDS,
            is_personal=True,
            button=InlineQueryResultsButton(text=button_text, start_parameter=INLINE_START),
        )
        return
    answer = services.engine.answer(question, None, None, today)
    start = int(query.offset) if query.offset.isdigit() else 0
    # The answer opens the first page; every agreement it names follows, a page at a time.
    results = [_answer_article(question, answer)] if start == 0 else []
    language = Language(answer.lang)
    snapshot = services.engine.snapshot
    end = start + AGREEMENT_RESULTS
    for key in answer.agreements[start:end]:
        agreement = snapshot.agreements[key]
        card = agreement_card(language, snapshot, key)
        results.append(
            InlineQueryResultArticle(
                id=_article_id("agreement", agreement_id(key), answer.lang),
                title=partner_button(language, snapshot, agreement),
                description=card.title,
                input_message_content=InputTextMessageContent(
                    message_text=_first_message(card_html(card))
                ),
            )
        )
    await query.answer(
        results,
        cache_time=CACHE_SECONDS,
        is_personal=False,
        next_offset=str(end) if end < len(answer.agreements) else "",
        button=InlineQueryResultsButton(
            text=button_text, start_parameter=question_payload(question) or INLINE_START
        ),
    )


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
