"""Every button press is answered at once, and only once.

Telegram shows a spinner on the pressed button until answerCallbackQuery, and refuses an
answer after about 15 seconds ("query is too old"). A handler that sends or edits first may
wait far longer than that behind a 429 or a slow reply; `AnswerFirst` answers the press
(empty) if the handler has not within a moment, and `CallbackAnswers`, a request middleware
of the bot's session, keeps any later answer to the same press from reaching Telegram.

An alert that can no longer be shown under the button (the press answered already, here or by
a replica that died handling it, or too old) is sent to the chat as a message instead: it is
what the person has to read, and the spinner has stopped without it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import Any, cast

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramAPIError, TelegramBadRequest
from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import CallbackQuery, TelegramObject

logger = logging.getLogger(__name__)

# How long a handler has to answer a press itself (with its own text or alert).
GRACE_SECONDS = 0.5
WORKFLOW_KEY = "callback_answers"


class CallbackAnswers(BaseRequestMiddleware):
    """The presses answered lately (by id); a second answer is not sent, and an answer
    Telegram finds too old is logged, not raised. Such an answer that is an alert goes to the
    chat of the pressed message as a message (`remember` tells the chat)."""

    def __init__(self, kept: int = 4096) -> None:
        self._answered: OrderedDict[str, None] = OrderedDict()
        self._chats: OrderedDict[str, int] = OrderedDict()
        self._kept = kept
        self.attached = False

    def answered(self, query_id: str) -> bool:
        """Whether the press was answered already (or its answer is on its way)."""
        return query_id in self._answered

    def remember(self, query: CallbackQuery) -> None:
        """Notes the chat of the pressed message, where an alert shown too late is sent."""
        if query.message is not None:
            self._chats[query.id] = query.message.chat.id
            while len(self._chats) > self._kept:
                self._chats.popitem(last=False)

    def _mark(self, query_id: str) -> None:
        self._answered[query_id] = None
        while len(self._answered) > self._kept:
            self._answered.popitem(last=False)

    async def _in_chat(self, bot: Bot, method: AnswerCallbackQuery) -> None:
        """An alert the button can no longer show, said in the chat (a toast is dropped: it
        only remarks on what the handler shows in the chat anyway)."""
        chat_id = self._chats.get(method.callback_query_id)
        if method.show_alert and method.text and chat_id is not None:
            # Plain text, as the alert would have shown it. Sent here, at the request, not
            # through `bot.replies`: this runs below the handlers, for a press already answered.
            await bot.send_message(chat_id, method.text, parse_mode=None)

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if not isinstance(method, AnswerCallbackQuery):
            return await make_request(bot, method)
        query_id = method.callback_query_id
        if self.answered(query_id):
            logger.debug("Press %s answered already; not again", query_id)
            await self._in_chat(bot, method)
            return cast("Response[TelegramType]", _ACCEPTED)
        self._mark(query_id)
        try:
            return await make_request(bot, cast("TelegramMethod[TelegramType]", method))
        except TelegramBadRequest as error:
            if "query is too old" not in error.message:
                raise
            logger.info("Press %s was answered too late", query_id)
            await self._in_chat(bot, method)
            return cast("Response[TelegramType]", _ACCEPTED)


# What Telegram answers an accepted answerCallbackQuery.
_ACCEPTED = Response[bool](ok=True, result=True)


class AnswerFirst(BaseMiddleware):
    """An outer middleware of callback queries: a press the handler has not answered within
    `grace` seconds is answered empty, before whatever slow work the handler does."""

    def __init__(self, answers: CallbackAnswers, grace: float = GRACE_SECONDS) -> None:
        self._answers = answers
        self._grace = grace

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, CallbackQuery) or not self._answers.attached:
            return await handler(event, data)
        self._answers.remember(event)
        work = asyncio.ensure_future(handler(event, data))
        done, _ = await asyncio.wait({work}, timeout=self._grace)
        if not done and not self._answers.answered(event.id):
            with contextlib.suppress(TelegramAPIError):
                await event.answer()
        return await work


def install_callback_answers(dispatcher: Dispatcher) -> CallbackAnswers:
    """Answer presses first and once: the outer middleware now, the session's request
    middleware when the dispatcher starts with its bot (polling or webhook)."""
    answers = CallbackAnswers()
    dispatcher[WORKFLOW_KEY] = answers
    dispatcher.callback_query.outer_middleware(AnswerFirst(answers))

    async def attach(bot: Bot) -> None:
        if not answers.attached:
            bot.session.middleware(answers)
            answers.attached = True

    dispatcher.startup.register(attach)
    return answers
