"""/start: a greeting with example questions, or straight into a deep link's hromada,
agreement or question."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.browsing_views import agreement_view, hromada_view
from bot.deeplinks import (
    INLINE_START,
    BadPayloadError,
    HromadaLink,
    QuestionLink,
    decode_payload,
)
from bot.keyboards.answer_buttons import offered_keyboard
from bot.replies import answer_question, forget_conversation, remember_offer, say, send_text
from bot.routing import Handlers
from bot.services import BotServices
from knowledge.qa.small_talk import EXAMPLES
from knowledge.render.lang import Language

router = Handlers(__name__)


async def greet(message: Message, state: FSMContext, lang: str) -> None:
    """The greeting, with the example questions as buttons."""
    examples = [Language(lang).gettext(example) for example in EXAMPLES]
    await remember_offer(state, examples)
    text = _(
        "Hello! I am Pobratym. I answer questions about Ukrainian hromadas' international"
        " partnerships: twin and partner cities, agreements and their dates, and the aid that"
        " arrived. Every answer names its sources.\n\nAsk me in your own words, or try one of"
        " these:"
    )
    await say(message, text, reply_markup=offered_keyboard(examples))


async def open_link(
    message: Message, state: FSMContext, services: BotServices, lang: str, payload: str
) -> None:
    """Open what a deep link names: its question answered, or its hromada's or agreement's
    card. BadPayloadError (told by the refusals' handler) for a link this bot did not write
    or one to a record the knowledge base no longer holds."""
    link = decode_payload(payload)
    if isinstance(link, QuestionLink):
        await answer_question(message, state, services, lang, link.question)
        return
    snapshot = services.engine.snapshot
    if isinstance(link, HromadaLink):
        if link.code not in snapshot.hromadas:
            raise BadPayloadError(f"no hromada {link.code!r}")
        text, keyboard = hromada_view(services, lang, link.code)
    else:
        key = services.agreement_key(link.agreement_id)
        if key is None or key not in snapshot.agreements:
            raise BadPayloadError(f"no agreement {link.agreement_id!r}")
        text, keyboard = agreement_view(services, lang, key)
    await send_text(message, text, keyboard)


@router.message(CommandStart())
async def cmd_start(
    message: Message, command: CommandObject, state: FSMContext, services: BotServices, lang: str
) -> None:
    """Start over (the next question inherits nothing), then greet or open the deep link (the
    inline results' own button greets)."""
    await forget_conversation(state)
    if command.args and command.args != INLINE_START:
        await open_link(message, state, services, lang, command.args)
        return
    await greet(message, state, lang)


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
