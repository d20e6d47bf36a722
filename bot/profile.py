"""The bot's profile in Telegram: its name, description and short description per language.

A resident who opens the bot sees them before pressing Start, in their app's language: the
description says what the bot answers. They are set at start-up (setMyName,
setMyDescription, setMyShortDescription) only where Telegram holds something else, so a
restart sends nothing when nothing changed. The default (no language_code) is Ukrainian.
"""

from __future__ import annotations

import logging

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError

from knowledge.facts.messages import N_
from knowledge.render.lang import LANGUAGES, Language

logger = logging.getLogger(__name__)

NAME = N_("Pobratym")
DESCRIPTION = N_(
    "I answer questions about Ukrainian hromadas' international partnerships: twin and partner"
    " cities, agreements and their dates, and the aid that arrived. Every answer names its"
    " sources. Ask in your own words, in Ukrainian or English."
)
SHORT_DESCRIPTION = N_(
    "Twin and partner cities of Ukrainian hromadas, their agreements and aid, with sources."
)


async def _name(bot: Bot, code: str | None, wanted: str) -> bool:
    current = await bot.get_my_name(language_code=code)
    if current.name == wanted:
        return False
    return await bot.set_my_name(name=wanted, language_code=code)


async def _description(bot: Bot, code: str | None, wanted: str) -> bool:
    current = await bot.get_my_description(language_code=code)
    if current.description == wanted:
        return False
    return await bot.set_my_description(description=wanted, language_code=code)


async def _short_description(bot: Bot, code: str | None, wanted: str) -> bool:
    current = await bot.get_my_short_description(language_code=code)
    if current.short_description == wanted:
        return False
    return await bot.set_my_short_description(short_description=wanted, language_code=code)


async def update_profile(bot: Bot) -> int:
    """Bring the name, description and short description in Ukrainian, English and the
    default up to date, reading each first; how many were changed. A refusal is logged and
    skipped: the profile is no reason not to start."""
    changed = 0
    try:
        for code in (None, *LANGUAGES):
            lang = Language(code or "uk")
            changed += await _name(bot, code, lang.gettext(NAME))
            changed += await _description(bot, code, lang.gettext(DESCRIPTION))
            changed += await _short_description(bot, code, lang.gettext(SHORT_DESCRIPTION))
    except TelegramAPIError as error:
        logger.warning("The bot's profile could not be updated: %s", type(error).__name__)
    if changed:
        logger.info("The bot's profile: %d texts updated", changed)
    return changed
