"""Updates as Telegram really sends them to the running bot, in polling and webhook mode:
replies to deleted messages, service messages, albums, the bot's own deep links."""

from __future__ import annotations

from pathlib import Path

from bot.local_api import LocalTelegram
from tests.telegram_support import running, sent_to, stopped

RESIDENT = 1001
GROUP = -1001234567890
BOT_NAME = "@pobratym_local_bot"
APOLOGY_UK = "Вибачте, щось пішло не так"


async def test_an_answer_survives_its_question_being_deleted(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    async with running(mode, telegram, bot_home) as bot:
        question = telegram.send_message(
            f"{BOT_NAME} партнери Харкова?", chat_id=GROUP, chat_type="supergroup"
        )
        # A group's anti-spam bot deletes the question before the answer comes.
        telegram.delete_message(GROUP, question["message"]["message_id"])
        answer = await telegram.next_message(GROUP, within=20)
        await telegram.wait_idle(quiet=0.5, within=20)
        await stopped(bot)

    assert "Брно" in answer.params["text"]
    assert [call.ok for call in sent_to(telegram, GROUP)] == [True]
    assert APOLOGY_UK not in answer.params["text"]


async def test_service_messages_albums_and_the_bots_own_links(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    async with running(mode, telegram, bot_home) as bot:
        telegram.send_message("/start", user_id=RESIDENT)
        greeting = await telegram.next_message(RESIDENT, within=20)
        telegram.service_message(
            {"pinned_message": greeting.result}, user_id=RESIDENT, chat_id=RESIDENT
        )
        telegram.service_message(
            {"message_auto_delete_timer_changed": {"message_auto_delete_time": 86400}},
            user_id=RESIDENT,
        )
        telegram.service_message(
            {"new_chat_members": [telegram.user(2002)]}, chat_id=GROUP, chat_type="supergroup"
        )
        telegram.send_album(5, user_id=RESIDENT)
        await telegram.wait_idle(quiet=1.0, within=20)
        after_album = len(sent_to(telegram, RESIDENT))
        # The inline results' "Ask in a private chat" button opens the bot with /start inline.
        telegram.send_message("/start inline", user_id=RESIDENT)
        await telegram.wait_idle(quiet=1.0, within=20)
        await stopped(bot)

    # The greeting, then one note for the whole album; the pin, the timer and the new member
    # get nothing.
    assert after_album == 2, [call.params["text"] for call in sent_to(telegram, RESIDENT)]
    assert sent_to(telegram, GROUP) == []
    album_note = sent_to(telegram, RESIDENT)[1]
    assert album_note.params["text"].startswith("Я розумію лише текстові запитання")
    opened = sent_to(telegram, RESIDENT)[2:]
    assert [call.params["text"] for call in opened] == [greeting.params["text"]]
