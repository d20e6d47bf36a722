"""/help: what to ask and the commands."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.filters.admin import IsAdmin
from bot.routing import Handlers
from bot.texts import escaped

router = Handlers(__name__)


def _help_text() -> str:
    return _(
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


@router.message(Command("help"), IsAdmin())
async def cmd_help_for_admins(message: Message) -> None:
    """The same help, and for editors the admin commands and the one-line form."""
    admin_text = _(
        "For editors:"
        "\n/new_agreement, /new_place, /new_source, /new_aid: add a record step by step"
        "\n/add_agreement hromada | partner place | country | kind | status | signed | source:"
        " add an agreement in one line, e.g. /add_agreement Харків | Кошице | SK | cooperation"
        " | active | 2023-06 | https://… (the status may be left out; signed is YYYY, YYYY-MM or"
        " YYYY-MM-DD; the source is a source key, a title or a link)"
        "\n/edit, /delete: change or delete a record; /history, /undo: recent changes and"
        " undoing one; /cancel: leave a dialog"
    )
    admin_text += "\n" + _(
        "/unanswered: the questions I could not answer, per hromada; residents' corrections"
        " come to you with a button to reply"
    )
    await message.answer(escaped(_help_text() + "\n\n" + admin_text))


@router.message(Command("help"))
async def cmd_help(message: Message) -> None:
    """Explain what the bot knows and how to talk to it."""
    await message.answer(escaped(_help_text()))


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
