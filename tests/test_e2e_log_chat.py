"""The log chat and the channel, set by a super-admin of the running bot in polling and
webhook mode: checked with a test post, refused when unreachable, and the admins told when
the log chat stops taking the log."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.local_api import LocalTelegram
from knowledge.admin.config import get_channel, get_log_chat
from tests.telegram_support import (
    delivered_to,
    new_agreement_to_announce,
    next_reply,
    running,
    stopped,
    with_database,
)

ADMIN = 1001
LOG_CHAT = -1007000000001
CHANNEL = -1007000000002
NOWHERE = -1007000000009
REFUSED_UK = "Я не можу писати в"


async def settings(session: AsyncSession) -> tuple[int | None, str | None]:
    return await get_log_chat(session), await get_channel(session)


async def test_the_log_chat_and_channel_are_checked_and_watched(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    telegram.add_bot(LOG_CHAT, chat_type="supergroup", title="Editors")
    telegram.chat(CHANNEL, chat_type="channel", username="hromada_news")
    telegram.forget_updates()

    async def command(text: str) -> str:
        mark = len(telegram.calls)
        telegram.send_message(text, user_id=ADMIN)
        return str((await next_reply(telegram, ADMIN, mark))["text"])

    async with running(mode, telegram, bot_home, ADMIN_IDS=str(ADMIN)) as bot:
        log_refused = await command(f"/logchat {NOWHERE}")
        channel_refused = await command("/channel @no_such_channel")
        after_refusals = await with_database(bot_home, settings)
        await command(f"/logchat {LOG_CHAT}")
        await command("/channel @hromada_news")
        await stopped(bot)
    after_setting = await with_database(bot_home, settings)
    test_posts = [message["text"] for message in delivered_to(telegram, LOG_CHAT)]
    channel_posts = [message["text"] for message in delivered_to(telegram, CHANNEL)]

    # Later the editors' group removes the bot; a change is made meanwhile.
    telegram.remove_bot(LOG_CHAT)
    telegram.forget_updates()
    await with_database(bot_home, new_agreement_to_announce)
    async with running(mode, telegram, bot_home, ADMIN_IDS=str(ADMIN)) as bot:
        mark = len(telegram.calls)
        await next_reply(telegram, ADMIN, mark, within=30)
        await telegram.wait_idle(quiet=1.0, within=20)
        await stopped(bot)
    told = [message["text"] for message in delivered_to(telegram, ADMIN)][-1]

    assert log_refused.startswith(REFUSED_UK)
    assert channel_refused.startswith(REFUSED_UK)
    assert after_refusals == (None, None)
    assert test_posts == ["Тепер у цей чат надходитиме рядок про кожну зміну бази знань."]
    assert channel_posts == ["Тут з'являтимуться картки партнерств громад."]
    assert after_setting == (LOG_CHAT, "@hromada_news")
    assert told.startswith("Журнал змін більше не вдається надсилати")
    assert str(LOG_CHAT) in told
