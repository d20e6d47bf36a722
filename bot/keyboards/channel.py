"""The button under a card posted to a channel."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder


def ask_bot_keyboard(label: str, url: str) -> InlineKeyboardMarkup:
    """A URL button into the private chat with the bot (the label comes translated)."""
    builder = InlineKeyboardBuilder()
    builder.button(text=label, url=url)
    return builder.as_markup()
