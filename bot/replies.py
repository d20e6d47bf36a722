"""Sending what the bot says: answers with their buttons, cards, long texts in pieces."""

from __future__ import annotations

import hashlib
import html
import json
import logging
from contextlib import nullcontext
from typing import Any

from aiogram import Bot
from aiogram.fsm.context import FSMContext
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    LinkPreviewOptions,
    Message,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
)
from aiogram.utils.i18n import I18n

from bot.callbacks import AnswerPage
from bot.keyboards.answer_buttons import offered_keyboard
from bot.services import BotServices
from bot.texts import escaped, split_message
from knowledge.admin.residents import UnansweredReason, record_unanswered
from knowledge.qa.answer import Answer
from knowledge.qa.context_codec import context_from_data, context_to_data
from knowledge.qa.intents import Intent
from knowledge.render.lang import Language
from knowledge.render.phrases import BULLET, citation_text
from knowledge.text.normalize import tokenize

logger = logging.getLogger(__name__)
# The buttons a reply may carry: under the message, or in place of the keyboard.
ReplyMarkup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove

CONTEXT_KEY = "context"
OFFERED_KEY = "offered"
# Answers whose lists go on, by token: the question and the context it was asked in.
PAGES_KEY = "pages"
# How many such answers a chat keeps pageable.
PAGES_KEPT = 10
PAGE_TOKEN_LENGTH = 12
# Answers that state facts; one without any source found none.
FACT_INTENTS = frozenset(
    {
        Intent.OVERVIEW,
        Intent.PARTNERS,
        Intent.RELATION,
        Intent.SIGNED,
        Intent.EXPIRY,
        Intent.EXPIRING,
        Intent.AID,
        Intent.COUNT,
        Intent.REVERSE,
        Intent.SOURCES,
    }
)


# Answers cite their sources as links; a preview of the first would push the answer away.
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


async def send_text(
    message: Message,
    html_text: str,
    reply_markup: ReplyMarkup | None = None,
    *,
    reply: bool = False,
    previews: bool = False,
) -> Message:
    """Send HTML in the message's chat, in as many messages as it needs; the buttons go under
    the last one. With `reply`, the first piece answers `message` as a reply (as in a group,
    where several people talk). Link previews are off unless `previews` (an answer's first
    cited link would push the answer away). The last message sent (the one a later edit of a
    progress line changes)."""
    options = _preview_options(previews)
    pieces = split_message(html_text)
    sent = message
    for number, piece in enumerate(pieces, start=1):
        markup = reply_markup if number == len(pieces) else None
        send = message.reply if reply and number == 1 else message.answer
        sent = await send(piece, reply_markup=markup, **options)
    return sent


def _preview_options(previews: bool) -> dict[str, Any]:
    return {} if previews else {"link_preview_options": NO_PREVIEW}


async def send_to(
    bot: Bot,
    chat_id: int | str,
    html_text: str,
    reply_markup: ReplyMarkup | None = None,
    *,
    thread_id: int | None = None,
    previews: bool = True,
) -> Message:
    """Send HTML to a chat (by id or @username, in the topic `thread_id` if given) that is
    not answered under a message of its own: in as many messages as it needs, the buttons
    under the last one, which is returned. Telegram's refusals are raised as
    `TelegramAPIError`; sends the bot makes on its own, where a refusing chat is paused, go
    through `bot.delivery.deliver` instead."""
    options = _preview_options(previews)
    *first, last = split_message(html_text)
    for piece in first:
        await bot.send_message(chat_id, piece, message_thread_id=thread_id, **options)
    return await bot.send_message(
        chat_id, last, reply_markup=reply_markup, message_thread_id=thread_id, **options
    )


async def show_instead(
    message: Message, html_text: str, reply_markup: InlineKeyboardMarkup | None = None
) -> None:
    """Replace the text (HTML) and buttons of a message the bot sent, as a view changes in
    place; a text longer than one message keeps its first message's worth. Telegram's
    refusals (the message gone, too old, or unchanged) are raised as `TelegramAPIError`."""
    await message.edit_text(split_message(html_text)[0], reply_markup=reply_markup)


async def show_instead_of(
    bot: Bot,
    chat_id: int,
    message_id: int,
    html_text: str,
    reply_markup: InlineKeyboardMarkup | None = None,
) -> None:
    """`show_instead` for a message known by its chat and id only (a progress line, a card
    shown earlier)."""
    await bot.edit_message_text(
        split_message(html_text)[0],
        chat_id=chat_id,
        message_id=message_id,
        reply_markup=reply_markup,
    )


async def say(
    message: Message,
    text: str,
    reply_markup: ReplyMarkup | None = None,
    *,
    reply: bool = False,
) -> Message:
    """Plain text (escaped here, so names and typed values show as written), sent as
    `send_text` sends HTML, with Telegram's usual link previews. The last message sent."""
    return await send_text(message, escaped(text), reply_markup, reply=reply, previews=True)


async def pressed_message(query: CallbackQuery) -> Message | None:
    """Answer a button press; the message the button is under, or None when Telegram no
    longer hands it over (too old to be edited or answered under)."""
    await query.answer()
    message = query.message
    return message if isinstance(message, Message) else None


def _page_token(question: str, context: object) -> str:
    """A short key for a question asked in a context, the same each time it is asked so."""
    raw = json.dumps([question, context], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(raw.encode()).hexdigest()[:PAGE_TOKEN_LENGTH]


def _kept_pages(pages: object, token: str, kept: dict[str, Any]) -> dict[str, Any]:
    """The chat's pageable answers with this one added, the oldest dropped beyond PAGES_KEPT."""
    updated = dict(pages) if isinstance(pages, dict) else {}
    updated.pop(token, None)
    updated[token] = kept
    return dict(list(updated.items())[-PAGES_KEPT:])


async def answer_page(
    message: Message,
    state: FSMContext | None,
    services: BotServices,
    lang: str,
    token: str,
    page: int,
) -> bool:
    """Send the `page`-th part of a kept answer's lists; False when it is no longer kept.

    The conversation's context is left as it is: a page is no new question.
    """
    data = await state.get_data() if state is not None else {}
    pages = data.get(PAGES_KEY)
    kept = pages.get(token) if isinstance(pages, dict) else None
    if not isinstance(kept, dict) or not isinstance(kept.get("question"), str):
        return False
    chosen = kept.get("lang")
    await services.ready_to_answer()
    answer = services.engine.answer(
        kept["question"],
        context_from_data(kept.get("context")),
        chosen if isinstance(chosen, str) else None,
        services.today(),
        fallback_lang=lang,
        page=page,
    )
    next_page = AnswerPage(token=token, page=page + 1) if answer.more else None
    await send_text(message, answer_html(answer), offered_keyboard([], next_page=next_page))
    return True


def answer_html(answer: Answer) -> str:
    """The answer as HTML: its text escaped, each source with a known address as a link."""
    html_text = escaped(answer.text)
    lang = Language(answer.lang)
    for cited in answer.sources:
        if cited.url is None:
            continue
        line = escaped(f"{BULLET}{citation_text(lang, cited)}")
        link = f'<a href="{html.escape(cited.url)}">{escaped(citation_text(lang, cited))}</a>'
        html_text = html_text.replace(line, f"{BULLET}{link}", 1)
    return html_text


async def forget_conversation(state: FSMContext | None) -> None:
    """Start the conversation over: the next question inherits nothing."""
    if state is not None:
        await state.update_data({CONTEXT_KEY: None})


async def remember_offer(state: FSMContext | None, questions: list[str]) -> None:
    """Remember the questions the buttons under the last message stand for."""
    if state is not None:
        await state.update_data({OFFERED_KEY: questions})


async def offered_question(state: FSMContext | None, index: int) -> str | None:
    """The question behind an offered button, if the offer is still the chat's latest."""
    if state is None:
        return None
    offered = (await state.get_data()).get(OFFERED_KEY)
    if not isinstance(offered, list) or not 0 <= index < len(offered):
        return None
    question = offered[index]
    return question if isinstance(question, str) else None


def looks_like_question(text: str) -> bool:
    """Whether the text has a word of two letters or more, unlike "1", "?" or an emoji."""
    return any(not token.is_number and len(token.text) >= 2 for token in tokenize(text))


def unanswered_reason(answer: Answer) -> UnansweredReason | None:
    """Why the answer gave no facts, as it says of itself; None when it gave some."""
    if answer.intent is Intent.NO_RECORDS:
        return UnansweredReason.NO_RECORDS
    if answer.intent is Intent.OUT_OF_DOMAIN:
        return UnansweredReason.OUT_OF_DOMAIN
    if answer.intent in FACT_INTENTS and not answer.sources:
        return UnansweredReason.NOT_FOUND
    return None


def _browsable_hromada(services: BotServices, answer: Answer) -> str | None:
    code = answer.entities.hromada
    if code is not None and services.engine.snapshot.agreements_by_hromada.get(code):
        return code
    return None


async def answer_question(
    message: Message,
    state: FSMContext | None,
    services: BotServices,
    lang: str,
    question: str,
    *,
    reply: bool = False,
    chosen_lang: str | None = None,
) -> Answer:
    """Answer in the chat's conversation: the last answer's context in, the new one kept.

    The answer is in `chosen_lang` when the chat chose a language with /language; otherwise in
    the question's own language, and in `lang` (the user's client's) when that is unclear.
    """
    data = await state.get_data() if state is not None else {}
    context = context_from_data(data.get(CONTEXT_KEY))
    await services.ready_to_answer()
    answer = services.engine.answer(
        question, context, chosen_lang, services.today(), fallback_lang=lang
    )
    offered = [choice.question for choice in answer.choices] + list(answer.suggestions)
    labels = [choice.label for choice in answer.choices] + list(answer.suggestions)
    next_page = None
    if state is not None:
        changes: dict[str, Any] = {
            CONTEXT_KEY: context_to_data(answer.context),
            OFFERED_KEY: offered,
        }
        if answer.more:
            token = _page_token(question, data.get(CONTEXT_KEY))
            kept = {"question": question, "context": data.get(CONTEXT_KEY), "lang": chosen_lang}
            changes[PAGES_KEY] = _kept_pages(data.get(PAGES_KEY), token, kept)
            next_page = AnswerPage(token=token, page=2)
        await state.update_data(changes)
    reason = unanswered_reason(answer)
    if reason is not None and not looks_like_question(question):
        # "1" typed when no buttons wait, "?", an emoji: nothing for the editors to act on.
        logger.debug("not kept as unanswered: no words in it")
    elif reason is not None:
        await services.work(
            record_unanswered,
            question,
            answer.lang,
            reason,
            answer.entities.hromada,
            services.today(),
        )
    # Under facts in a private chat, a way to tell the editors what is wrong or missing.
    correctable = reason is None and answer.intent in FACT_INTENTS
    correction = answer.entities.hromada or "" if correctable else None
    if message.chat.type != "private":
        correction = None
    # The buttons speak the answer's language, which may not be the chat's.
    i18n = I18n.get_current(no_error=True)
    with nullcontext() if i18n is None else i18n.use_locale(answer.lang):
        keyboard = offered_keyboard(
            labels,
            _browsable_hromada(services, answer),
            correction,
            questions=offered,
            next_page=next_page,
            lang=answer.lang,
        )
    await send_text(message, answer_html(answer), keyboard, reply=reply)
    return answer
