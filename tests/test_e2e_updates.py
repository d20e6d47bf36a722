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
