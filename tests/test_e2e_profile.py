"""The bot's profile in Telegram, set by the running bot at start-up in polling and webhook
mode: in Ukrainian and English, and only when it differs."""

from __future__ import annotations

from pathlib import Path

from bot.local_api import LocalTelegram
from tests.telegram_support import next_reply, running, stopped

PROFILE_SETTERS = ("setMyName", "setMyDescription", "setMyShortDescription")


async def answering(telegram: LocalTelegram) -> None:
    """Waits until the bot answers a resident, so it is fully up."""
    mark = len(telegram.calls)
    telegram.send_message("/help")
    await next_reply(telegram, 1001, mark)


async def test_the_profile_is_set_in_both_languages_and_only_when_it_differs(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    async with running(mode, telegram, bot_home) as bot:
        await answering(telegram)
        await stopped(bot)
    first = len(telegram.calls)
    stored = dict(telegram.profile)

    def shown(field: str, language: str) -> str:
        # What a resident's app in that language shows: its own text, else the default.
        return stored.get((field, language), stored.get((field, ""), ""))

    async with running(mode, telegram, bot_home) as bot:
        await answering(telegram)
        await stopped(bot)
    again = telegram.calls[first:]

    assert shown("name", "uk") == "Побратим"
    assert shown("name", "en") == "Pobratym"
    assert shown("name", "") == "Побратим"
    assert shown("description", "uk").startswith("Я відповідаю на запитання")
    assert shown("description", "en").startswith("I answer questions")
    assert shown("short_description", "uk").startswith("Міста-побратими")
    assert shown("short_description", "en").startswith("Twin and partner cities")
    # A resident whose app speaks another language sees the Ukrainian default.
    assert shown("description", "") == shown("description", "uk")
    # The second start reads the profile and finds nothing to change.
    assert [call.method for call in again if call.method in PROFILE_SETTERS] == []
    assert any(call.method == "getMyDescription" for call in again)
