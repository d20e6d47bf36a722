"""/start: a greeting with example questions, or straight into a deep link's hromada,
agreement or question."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import CommandObject, CommandStart
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.browsing import agreement_view, hromada_view
from bot.deeplinks import (
    INLINE_START,
    AgreementLink,
    BadPayloadError,
    HromadaLink,
    QuestionLink,
    decode_payload,
)
from bot.keyboards.questions import offered_keyboard
from bot.replies import answer_question, forget_conversation, remember_offer, say, send_text
from bot.routing import Handlers
from bot.services import BotServices
from knowledge.qa.small_talk import EXAMPLES
from knowledge.render.cards import UnknownRecordError
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


async def _open_link(
    message: Message, state: FSMContext, services: BotServices, lang: str, payload: str
) -> bool:
    link = decode_payload(payload)
    if isinstance(link, QuestionLink):
        await answer_question(message, state, services, lang, link.question)
        return True
    if isinstance(link, HromadaLink):
        text, keyboard = hromada_view(services, lang, link.code)
    elif isinstance(link, AgreementLink):
        key = services.agreement_key(link.agreement_id)
        if key is None:
            raise UnknownRecordError(link.agreement_id)
        text, keyboard = agreement_view(services, lang, key)
    await send_text(message, text, keyboard)
    return True


@router.message(CommandStart())
async def cmd_start(
    message: Message, command: CommandObject, state: FSMContext, services: BotServices, lang: str
) -> None:
    """Start over (the next question inherits nothing), then greet or open the deep link (the
    inline results' own button greets)."""
    await forget_conversation(state)
    if command.args and command.args != INLINE_START:
        try:
            await _open_link(message, state, services, lang, command.args)
        except (BadPayloadError, UnknownRecordError):
            await say(message, _("Sorry, I could not open that link: it may be old or mistyped."))
        else:
            return
    await greet(message, state, lang)


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
