"""What each chat chose for itself: its language, kept in the chat_preferences table."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models

LANGUAGES = ("uk", "en")


class UnknownLanguageError(ValueError):
    """Raised for a language the bot does not speak."""


async def chat_language(session: AsyncSession, chat_id: int) -> str | None:
    """The language the chat chose, or None if it never chose one."""
    return await session.scalar(
        select(models.ChatPreferenceRow.language).where(
            models.ChatPreferenceRow.chat_id == chat_id
        )
    )


async def save_chat_language(
    session: AsyncSession, chat_id: int, language: str, now: dt.datetime
) -> None:
    """Remember the chat's language (the caller's transaction commits it)."""
    if language not in LANGUAGES:
        raise UnknownLanguageError(language)
    preference = await session.get(models.ChatPreferenceRow, chat_id)
    if preference is None:
        session.add(models.ChatPreferenceRow(chat_id=chat_id, language=language, updated_at=now))
    else:
        preference.language = language
        preference.updated_at = now
    await session.flush()


def language_of_user(language_code: str | None) -> str | None:
    """The bot's language for a Telegram client language, if the bot has a fitting one.

    Readers with a Russian or Belarusian interface in Ukraine read Ukrainian; other languages
    get no opinion here, so the chat's or the bot's default decides.
    """
    if not language_code:
        return None
    base = language_code.lower().split("-")[0]
    if base in ("uk", "ru", "be"):
        return "uk"
    if base == "en":
        return "en"
    return None
