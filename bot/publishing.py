"""Posting a hromada's partnership card to a channel, with a deep link into the bot."""

from __future__ import annotations

from aiogram import Bot
from aiogram.types import Message

from bot.deeplinks import hromada_payload
from bot.keyboards.channel import ask_bot_keyboard
from bot.replies import send_to
from bot.services import BotServices
from bot.texts import card_html
from knowledge.render.cards import Card, hromada_card, partner_button, partners_page
from knowledge.render.lang import Language
from knowledge.render.phrases import BULLET

# A channel post lists the partners on one card; the bot pages through the rest.
CARD_PARTNERS = 30


def deep_link(username: str, payload: str) -> str:
    """The t.me link that starts the bot with the payload."""
    return f"https://t.me/{username}?start={payload}"


def channel_card(services: BotServices, hromada_code: str, lang: str) -> Card:
    """The hromada's card with its partners listed."""
    language = Language(lang)
    snapshot = services.engine.snapshot
    summary = hromada_card(language, snapshot, hromada_code)
    page = partners_page(language, snapshot, hromada_code, 1, CARD_PARTNERS)
    partners = tuple(
        f"{BULLET}{partner_button(language, snapshot, agreement)}" for agreement in page.agreements
    )
    return Card(summary.title, (*summary.lines, "", *partners) if partners else summary.lines)


async def publish_hromada_card(
    bot: Bot, chat_id: int | str, hromada_code: str, lang: str, *, services: BotServices
) -> Message:
    """Post the card to the channel (the bot must be one of its administrators).

    Raises knowledge.render.cards.UnknownRecordError for a hromada the knowledge base lacks.
    """
    card = channel_card(services, hromada_code, lang)
    me = await bot.me()
    username = me.username or ""
    keyboard = ask_bot_keyboard(
        Language(lang).gettext("Ask the bot"), deep_link(username, hromada_payload(hromada_code))
    )
    return await send_to(bot, chat_id, card_html(card), keyboard)
