"""The language choice."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import LanguageChoice

# Each language is named in itself, so a reader finds theirs whatever the current one is.
LANGUAGE_NAMES = {"uk": "Українська", "en": "English"}


def language_keyboard(current: str) -> InlineKeyboardMarkup:
    """A button per language, the current one marked."""
    builder = InlineKeyboardBuilder()
    for code, name in LANGUAGE_NAMES.items():
        label = f"✓ {name}" if code == current else name
        builder.button(text=label, callback_data=LanguageChoice(code=code))
    return builder.as_markup()
