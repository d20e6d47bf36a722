"""/help: what to ask and the commands."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.texts import escaped

router = Router(name=__name__)


@router.message(Command("help"))
async def cmd_help(message: Message) -> None:
    """Explain what the bot knows and how to talk to it."""
    text = _(
        "Ask me about a hromada's partner cities, its agreements (when they were signed and"
        " until when they run) and the aid it received, in Ukrainian or English. For example:"
        " “Who are Kharkiv's partner cities?” or “When does the memorandum with Cincinnati"
        " expire?”. Follow-up questions such as “and in Poland?” continue the conversation."
        "\n\n/start: start over, with example questions"
        "\n/language: choose the language"
        "\n/about: what I know and where it comes from"
        "\n/help: this message"
        "\n\nIn a group, mention me, reply to my message or write /ask and your question."
        " In any chat, type my @username and a question to share an answer."
    )
    await message.answer(escaped(text))
