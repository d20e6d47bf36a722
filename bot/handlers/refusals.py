"""Refusals: every domain error a handler lets through is told here, once, one handler a kind.

- `AdminError` (and its kinds: no right, a record changed meanwhile, an undo that cannot be
  done): a service raises it before or instead of writing, so the reply always ends with
  nothing changed.
- `ImportRejectedError`: an uploaded file refused as a whole; its preview is forgotten.
- `UnknownRecordError`: a hromada or agreement the knowledge base does not hold (any more).
- `BadPayloadError`: a deep link or button data this bot did not write, or one to a record
  it no longer holds.

Handlers therefore do not catch them.
"""

from __future__ import annotations

import contextlib
from typing import cast

from aiogram import Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import ExceptionTypeFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import ErrorEvent, Message
from aiogram.utils.i18n import gettext as _

from bot.deeplinks import BadPayloadError
from bot.handlers.browse import stale
from bot.handlers.start import greet
from bot.import_texts import refused_text
from bot.replies import say
from bot.routing import Handlers
from knowledge.admin.common import AdminError
from knowledge.admin.wording import error_text
from knowledge.facts.messages import ImportRejectedError
from knowledge.render.cards import UnknownRecordError

router = Handlers(__name__)


@router.errors(ExceptionTypeFilter(AdminError))
async def on_refusal(event: ErrorEvent, lang: str) -> bool:
    """Explain the refusal in the reader's language: under a press, in the chat it came from
    (the press answered empty); under a message, as the reply."""
    # The filter lets only refusals through.
    await _tell(event, error_text(cast("AdminError", event.exception), lang))
    return True


async def _tell(event: ErrorEvent, text: str) -> None:
    """Under a press, in the chat it came from (the press answered empty); under a message,
    as the reply."""
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


@router.errors(ExceptionTypeFilter(ImportRejectedError))
async def on_rejected_file(event: ErrorEvent, state: FSMContext | None = None) -> bool:
    """Say why the file was refused, row by row; its preview (if any) is forgotten, so the
    next file starts a new one."""
    if state is not None:
        await state.clear()
    await _tell(event, refused_text(cast("ImportRejectedError", event.exception).problems))
    return True


@router.errors(ExceptionTypeFilter(UnknownRecordError))
async def on_unknown_record(event: ErrorEvent) -> bool:
    """A record the knowledge base does not hold: the button that named it is stale; a
    command that named it is told so."""
    update = event.update
    if update.callback_query is not None:
        await stale(update.callback_query)
    elif update.message is not None:
        await say(update.message, _("The knowledge base holds nothing about this hromada."))
    return True


@router.errors(ExceptionTypeFilter(BadPayloadError))
async def on_bad_link(event: ErrorEvent, lang: str, state: FSMContext) -> bool:
    """Data this bot did not write: the button that carried it is stale; a deep link that
    carried it is apologised for, and the greeting follows."""
    update = event.update
    if update.callback_query is not None:
        await stale(update.callback_query)
    elif update.message is not None:
        await say(
            update.message, _("Sorry, I could not open that link: it may be old or mistyped.")
        )
        await greet(update.message, state, lang)
    return True


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
