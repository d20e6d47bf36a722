"""Free text in a private chat is a question."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import Message

from bot.replies import answer_question
from bot.services import BotServices

router = Router(name=__name__)
router.message.filter(F.chat.type == "private")


@router.message(F.text & ~F.text.startswith("/"))
async def ask(message: Message, state: FSMContext, services: BotServices, lang: str) -> None:
    """Answer, continuing the chat's conversation."""
    if message.text is None:
        return
    await answer_question(message, state, services, lang, message.text)
