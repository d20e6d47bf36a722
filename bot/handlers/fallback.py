"""What nothing else handled: stale or forged buttons, unknown commands, non-text messages."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.handlers.browse import stale
from bot.routing import Handlers
from bot.texts import escaped

router = Handlers(__name__)


@router.callback_query()
async def unknown_button(callback: CallbackQuery) -> None:
    """Data this bot did not write, or wrote for a version that is gone."""
    await stale(callback)


@router.message(F.chat.type == "private", F.text.startswith("/"))
async def unknown_command(message: Message) -> None:
    """A command the bot does not have."""
    await message.answer(
        escaped(_("I do not know that command. Send /help to see what I can do."))
    )


@router.message(F.chat.type == "private")
async def not_text(message: Message) -> None:
    """Stickers, photos, voice: the bot reads text."""
    await message.answer(
        escaped(_("I understand text questions only. Please write your question."))
    )


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
