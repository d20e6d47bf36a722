"""/help: what to ask and the commands."""

from __future__ import annotations

from collections.abc import Iterable

from aiogram import Router
from aiogram.filters import Command
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.commands import ADMIN_COMMANDS, ADMIN_OPS_COMMANDS, EDITOR_COMMANDS
from bot.filters.admin import IsAdmin
from bot.handlers.admin_editing import ask_again
from bot.handlers.admin_ops import EDITOR_COMMANDS as EDITOR_OPS_COMMANDS
from bot.replies import say
from bot.routing import Handlers
from knowledge.admin.common import Admin

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


def _command_lines(commands: Iterable[tuple[str, str]]) -> list[str]:
    return [f"/{name}: {_(description)}" for name, description in commands]


@router.message(Command("help"), IsAdmin())
async def cmd_help_for_admins(
    message: Message, admin: Admin, state: FSMContext, lang: str
) -> None:
    """The same help, and for editors every command they may use (the menu's own list, so
    none is left out) with the one-line form; super-admins also the rights and files ones.
    Inside an editing dialog its question is asked again after the help."""
    super_admin = admin.user_id in admin.super_admins
    commands = [
        *(ADMIN_COMMANDS if super_admin else EDITOR_COMMANDS),
        *(
            (name, description)
            for name, description in ADMIN_OPS_COMMANDS
            if super_admin or name in EDITOR_OPS_COMMANDS
        ),
    ]
    shown = list(dict.fromkeys(commands))
    admin_text = "\n".join(
        [
            _("For editors:"),
            *_command_lines(shown),
            "",
            _(
                "The one-line form: /add_agreement hromada | partner place | country | kind |"
                " status | signed | source, e.g. /add_agreement Харків | Кошице | SK |"
                " cooperation | active | 06.2023 | https://… (the status may be left out; the"
                " source is a source key, a title or a link)."
            ),
            _(
                "Residents' corrections come to you with a button to reply. A sheet to /import"
                " may be .xlsx or .csv."
            ),
            _(
                "/export yaml, json, csv, aid_csv, xlsx or aid_xlsx: the column and field names"
                " are fixed keys in every language, so that /import and scripts read the file"
                " back unchanged; an .xlsx file names hromadas, countries, kinds and statuses in"
                " your language."
            ),
        ]
    )
    await say(message, _help_text() + "\n\n" + admin_text)
    await ask_again(message, state, lang)


@router.message(Command("help"))
async def cmd_help(message: Message) -> None:
    """Explain what the bot knows and how to talk to it."""
    await say(message, _help_text())


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
