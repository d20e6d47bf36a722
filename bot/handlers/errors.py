"""The one error handler: log with context, apologise in the user's language, keep running."""

from __future__ import annotations

import contextlib
import logging
import traceback
from typing import Any

from aiogram import Router
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest, TelegramMigrateToChat
from aiogram.types import CallbackQuery, Chat, ErrorEvent, Message
from aiogram.utils.i18n import gettext as _

from bot.delivery import follow_upgrade, refuses_the_bot
from bot.middlewares.callback_answers import WORKFLOW_KEY, CallbackAnswers
from bot.replies import say
from bot.routing import Handlers
from bot.services import BotServices
from bot.transport.redelivery import (
    REDELIVER,
    RedeliveryBudget,
    UpdateOutcome,
    is_passing_failure,
    update_key,
)
from knowledge.admin.chats import pause_chat
from knowledge.facts.messages import N_

router = Handlers(__name__)
logger = logging.getLogger(__name__)
HANDLERS = "bot.handlers."
APOLOGY = N_("Sorry, something went wrong on my side. Please try again a little later.")
# Every apology the bot may send instead of an answer (their English source texts).
APOLOGIES = (APOLOGY,)


def _handler_name(error: BaseException) -> str:
    """The innermost handler the traceback passes through."""
    name = "unknown"
    for frame, _line in traceback.walk_tb(error.__traceback__):
        module = frame.f_globals.get("__name__", "")
        if isinstance(module, str) and module.startswith(HANDLERS):
            name = f"{module}.{frame.f_code.co_name}"
    return name


UNREACHABLE = N_(
    "That message could not be delivered: the chat it was for has blocked the bot or is gone."
    " Nothing else was changed."
)


def refused_chat(error: TelegramAPIError) -> int | None:
    """The chat the failed request was addressed to (its `chat_id`), or None when the request
    names no chat by number (a @username, a callback answer)."""
    target = getattr(error.method, "chat_id", None)
    return target if isinstance(target, int) and not isinstance(target, bool) else None


async def _refused(event: ErrorEvent, chat: Chat | None, services: BotServices | None) -> bool:
    """Whether the failure was Telegram refusing the chat a request was addressed to (the bot
    blocked, removed, the chat deleted or upgraded): then that chat's references are paused
    or moved. The chat refusing is the request's, not the update's: an editor's reply to a
    resident who blocked the bot pauses the resident, and the editor hears it could not be
    delivered; a chat that refused its own answer gets no apology it could not read."""
    error = event.exception
    if not isinstance(error, TelegramAPIError):
        return False
    target = refused_chat(error)
    if target is None:
        return False
    if isinstance(error, TelegramMigrateToChat):
        logger.info("Chat %s became %s", target, error.migrate_to_chat_id)
        if services is not None:
            await follow_upgrade(services, target, error.migrate_to_chat_id)
        return True
    if not refuses_the_bot(error):
        return False
    logger.info("Chat %s refuses the bot: %s", target, error.message)
    if services is not None:
        await services.work(pause_chat, target)
    if chat is not None and chat.id != target:
        await _tell_unreachable(event)
    return True


async def _tell_unreachable(event: ErrorEvent) -> None:
    """Tell whoever's update led to a send another chat refused that it was not delivered."""
    update = event.update
    text = _(UNREACHABLE)
    try:
        if update.callback_query is not None:
            await _apologise_for_press(update.callback_query, text, answered=True)
        elif update.message is not None and update.message.chat.type != "channel":
            await say(update.message, text)
    except TelegramAPIError:
        logger.warning("Could not tell of an unreachable chat for update %s", update.update_id)


@router.errors()
async def on_error(event: ErrorEvent, **data: Any) -> bool | UpdateOutcome:
    """Log the failure (never the token: it is not in the update) and tell the user politely.

    A failure of a service that is away (the database, Redis) is not apologised for while the
    runner's `redelivery` budget lasts: `REDELIVER` asks the runner to leave the update for
    Telegram to deliver again, when it gets its answer.
    """
    update = event.update
    chat = data.get("event_chat")
    budget = data.get("redelivery")
    if isinstance(budget, RedeliveryBudget) and is_passing_failure(event.exception):
        bot = data.get("bot")
        key = update_key(getattr(bot, "id", 0), update.update_id)
        if budget.another(key):
            logger.warning(
                "Update %s in chat %s failed for a passing reason (%s); left to be delivered"
                " again",
                update.update_id,
                chat.id if chat is not None else "-",
                type(event.exception).__name__,
            )
            return REDELIVER
    if await _refused(event, chat, data.get("services")):
        return True
    if _unchanged(event.exception):
        # A press that would show what the message already shows: nothing to fix or tell.
        logger.debug("Update %s changed nothing on screen", update.update_id)
        if update.callback_query is not None:
            with contextlib.suppress(TelegramAPIError):
                await update.callback_query.answer()
        return True
    logger.error(
        "Update %s in chat %s failed in %s: %s",
        update.update_id,
        chat.id if chat is not None else "-",
        _handler_name(event.exception),
        type(event.exception).__name__,
        exc_info=event.exception,
    )
    apology = _(APOLOGY)
    try:
        if update.callback_query is not None:
            answers = data.get(WORKFLOW_KEY)
            answered = isinstance(answers, CallbackAnswers) and answers.answered(
                update.callback_query.id
            )
            await _apologise_for_press(update.callback_query, apology, answered=answered)
        elif update.message is not None and update.message.chat.type != "channel":
            await say(update.message, apology)
    except TelegramAPIError:
        logger.warning("Could not apologise for update %s", update.update_id)
    return True


def _unchanged(error: BaseException) -> bool:
    """Whether Telegram refused an edit for changing nothing ("message is not modified")."""
    return isinstance(error, TelegramBadRequest) and "message is not modified" in error.message


async def _apologise_for_press(query: CallbackQuery, apology: str, *, answered: bool) -> None:
    """An alert under the button; in the chat when the press was answered already (before
    slow work, or a press delivered again after a failed first attempt)."""
    if answered and isinstance(query.message, Message):
        await say(query.message, apology)
        return
    try:
        await query.answer(apology, show_alert=True)
    except TelegramBadRequest:
        if not isinstance(query.message, Message):
            raise
        await say(query.message, apology)


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
