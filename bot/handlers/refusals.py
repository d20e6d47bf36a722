"""Refused admin actions: every `AdminError` a handler lets through is told here, once.

A service raises `AdminError` (and its kinds: no right, a record changed meanwhile, an undo
that cannot be done) before or instead of writing; the update's transaction is rolled back
with it, so the reply always ends with nothing changed. Handlers therefore do not catch it.
"""

from __future__ import annotations

import contextlib
from typing import cast

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import ExceptionTypeFilter
from aiogram.types import ErrorEvent, Message

from bot.replies import say
from bot.routing import Handlers
from knowledge.admin.common import AdminError
from knowledge.admin.wording import error_text

router = Handlers(__name__)


@router.errors(ExceptionTypeFilter(AdminError))
async def on_refusal(event: ErrorEvent, lang: str) -> bool:
    """Explain the refusal in the reader's language: under a press, in the chat it came from
    (the press answered empty); under a message, as the reply."""
    # The filter lets only refusals through.
    text = error_text(cast("AdminError", event.exception), lang)
    update = event.update
    if update.callback_query is not None:
        query = update.callback_query
        # A press delivered again finds its answer sent already; the text still goes out.
        with contextlib.suppress(TelegramBadRequest):
            await query.answer()
        if isinstance(query.message, Message):
            await say(query.message, text)
    elif update.message is not None:
        await say(update.message, text)
    return True


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
