"""/about: what the bot knows, how fresh it is, and where it comes from."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command
from aiogram.types import Message

from bot.replies import send_text
from bot.routing import Handlers
from bot.services import BotServices
from bot.texts import card_html
from knowledge.render.cards import about_card, latest_source_date
from knowledge.render.lang import Language

router = Handlers(__name__)


@router.message(Command("about"))
async def cmd_about(message: Message, services: BotServices, lang: str) -> None:
    """Counts, freshness and sources."""
    stats, changed = await services.knowledge_stats()
    card = about_card(Language(lang), stats, latest_source_date(services.engine.snapshot), changed)
    await send_text(message, card_html(card), previews=True)


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
