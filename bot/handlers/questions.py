"""Free text in a private chat is a question.

An ordinary question (plain text, no dialog open, not forwarded, not longer than a question)
is recognised by the first router a message meets, so it passes no other feature's filters;
whatever text no other feature took reaches the late router and is answered too.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.replies import answer_question
from bot.routing import Handlers
from bot.services import BotServices
from knowledge.qa.engine import MAX_QUESTION_LENGTH

router = Handlers(__name__)
router.message.filter(F.chat.type == "private")
rest = Handlers(f"{__name__}.rest")
rest.message.filter(F.chat.type == "private")


async def ask(
    message: Message,
    state: FSMContext,
    services: BotServices,
    lang: str,
    chosen_lang: str | None = None,
) -> None:
    """Answer, continuing the chat's conversation."""
    if message.text is None:
        return
    await answer_question(message, state, services, lang, message.text, chosen_lang=chosen_lang)


router.message(
    F.text.len() <= MAX_QUESTION_LENGTH,
    ~F.text.startswith("/"),
    ~F.forward_origin,
    StateFilter(None),
)(ask)
rest.message(F.text & ~F.text.startswith("/"))(ask)


def get_router() -> Router:
    """Ordinary questions, for the front of the dispatcher."""
    return router.build()


def get_rest_router() -> Router:
    """Any other private text, for after every feature that may take it."""
    return rest.build()
