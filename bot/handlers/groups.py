"""Groups: the bot answers only when asked: a mention, a reply to it, or /ask."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.filters.addressed import AddressedToBot
from bot.replies import answer_question, say
from bot.routing import Handlers
from bot.services import BotServices

router = Handlers(__name__)
IN_GROUP = F.chat.type.in_({"group", "supergroup"})


@router.message(Command("ask"))
async def cmd_ask(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    services: BotServices,
    lang: str,
    chosen_lang: str | None = None,
) -> None:
    """/ask <question> (also /ask@botname), in any chat."""
    if not command.args or not command.args.strip():
        await say(
            message,
            _("Write your question after /ask, for example: /ask Who are Kharkiv's partners?"),
            reply=True,
        )
        return
    await answer_question(
        message, state, services, lang, command.args, reply=True, chosen_lang=chosen_lang
    )


@router.message(IN_GROUP, AddressedToBot())
async def addressed(
    message: Message,
    question: str,
    state: FSMContext,
    services: BotServices,
    lang: str,
    chosen_lang: str | None = None,
) -> None:
    """A message that mentions the bot or replies to it."""
    if not question:
        await say(message, _("Yes? Ask me about your hromada's partners."), reply=True)
        return
    await answer_question(
        message, state, services, lang, question, reply=True, chosen_lang=chosen_lang
    )


@router.message(IN_GROUP, flags={"counted": False})
async def ignore_the_rest(message: Message) -> None:
    """Everything else in a group is people talking to each other: no reply."""


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
