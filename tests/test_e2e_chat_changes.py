"""Chats that change under the running bot: groups upgraded to supergroups, residents who
block it, groups that remove it, deleted chats; in polling and webhook mode alike."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from bot.local_api import LocalTelegram
from knowledge.admin.config import LOG_CHAT, get_log_chat
from knowledge.admin.subscribers import subscribe
from knowledge.store.admin_settings import put_setting
from knowledge.store.preferences import chat_language, save_chat_language
from tests.telegram_support import (
    KHARKIV,
    always_sending,
    delivered_to,
    new_agreement_to_announce,
    running,
    sent_to,
    stopped,
    subscriptions,
    with_database,
)

RESIDENT = 1001
OLD_GROUP = -4012345
GROUP = -1001234567890
BOT_NAME = "@pobratym_local_bot"
ANNOUNCEMENT_EN = "Kharkivska hromada has a new partnership agreement"
ANNOUNCEMENT_UK = "Харківська громада"


async def test_an_announcement_follows_a_group_upgraded_while_the_bot_was_away(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    telegram.chat(OLD_GROUP, chat_type="group", title="Kharkiv friends")
    new_id = telegram.migrate_group(OLD_GROUP)
    telegram.forget_updates()  # the bot was not running: it never saw the upgrade

    async def prepare(session: AsyncSession) -> None:
        await subscribe(session, OLD_GROUP, KHARKIV)
        await save_chat_language(session, OLD_GROUP, "en", dt.datetime.now(dt.UTC))
        await put_setting(session, LOG_CHAT, str(OLD_GROUP))
        await session.commit()
        await new_agreement_to_announce(session)

    await with_database(bot_home, prepare)
    async with running(mode, telegram, bot_home, **always_sending()) as bot:
        announcement = await telegram.next_message(new_id, within=30)
        await telegram.wait_idle(quiet=1.0, within=20)
        await stopped(bot)

    async def references(session: AsyncSession) -> tuple[object, ...]:
        return (
            await subscriptions(session),
            await chat_language(session, new_id),
            await chat_language(session, OLD_GROUP),
            await get_log_chat(session),
        )

    moved = await with_database(bot_home, references)
    assert ANNOUNCEMENT_EN in announcement.params["text"]
    # Once: the refused send to the old id is not repeated, the new one not doubled.
    assert len(delivered_to(telegram, new_id)) == 1
    assert [call.status for call in sent_to(telegram, OLD_GROUP)] == [400]
    assert moved == ([(new_id, None, True)], "en", None, new_id)


async def test_a_group_upgraded_while_the_bot_runs_keeps_its_language(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    telegram.chat(OLD_GROUP, chat_type="group", title="Kharkiv friends")

    async def prepare(session: AsyncSession) -> None:
        await save_chat_language(session, OLD_GROUP, "en", dt.datetime.now(dt.UTC))
        await session.commit()

    await with_database(bot_home, prepare)
    async with running(mode, telegram, bot_home) as bot:
        new_id = telegram.migrate_group(OLD_GROUP)
        await telegram.wait_idle(quiet=0.5, within=20)
        telegram.send_message(
            f"{BOT_NAME} Who are Kharkiv's partners?", chat_id=new_id, chat_type="supergroup"
        )
        answer = await telegram.next_message(new_id, within=20)
        output = await stopped(bot)

    assert answer.params["text"].startswith("Kharkiv"), output
    assert "Brno" in answer.params["text"]
    # The upgrade's service messages are not answered.
    assert sent_to(telegram, OLD_GROUP) == []
    assert len(sent_to(telegram, new_id)) == 1


async def test_blocking_and_removing_the_bot_pause_subscriptions_until_it_is_back(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram

    async def group_follows(session: AsyncSession) -> None:
        await subscribe(session, GROUP, KHARKIV)

    await with_database(bot_home, group_follows)
    async with running(mode, telegram, bot_home) as bot:
        telegram.send_message("/subscribe Харків", user_id=RESIDENT)
        await telegram.next_message(RESIDENT, within=20)
        telegram.add_bot(GROUP, chat_type="supergroup", title="Kharkiv friends")
        greeting = await telegram.next_message(GROUP, within=20)

        telegram.block_bot(RESIDENT)
        telegram.remove_bot(GROUP, status="kicked")
        await telegram.wait_idle(quiet=1.0, within=20)
        paused = await with_database(bot_home, subscriptions)

        telegram.unblock_bot(RESIDENT)
        await telegram.wait_idle(quiet=1.0, within=20)
        output = await stopped(bot)

    resumed = await with_database(bot_home, subscriptions)
    # The group learns how to ask, in a few lines, in its members' language.
    assert BOT_NAME in greeting.params["text"]
    assert "/ask" in greeting.params["text"]
    assert greeting.params["text"].startswith("Вітаю")
    assert paused == [(GROUP, None, False), (RESIDENT, None, False)]
    assert resumed == [(GROUP, None, False), (RESIDENT, None, True)]
    # Nothing is said into a chat that has just refused the bot.
    assert len(sent_to(telegram, RESIDENT)) == 1
    assert len(sent_to(telegram, GROUP)) == 1
    assert "Traceback" not in output


async def test_chats_refusing_announcements_are_paused_and_not_tried_again(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    blocked, deleted, follower = 2002, -1009876543210, 3003
    telegram.chat(blocked)
    telegram.block_bot(blocked)
    telegram.chat(deleted, chat_type="supergroup")
    telegram.delete_chat(deleted)
    telegram.chat(follower)
    telegram.forget_updates()

    async def prepare(session: AsyncSession) -> None:
        for chat_id in (blocked, deleted, follower):
            await subscribe(session, chat_id, KHARKIV)
        await new_agreement_to_announce(session)

    await with_database(bot_home, prepare)
    for _ in range(2):
        async with running(mode, telegram, bot_home, **always_sending()) as bot:
            await telegram.next_message(follower, within=30)
            await telegram.wait_idle(quiet=1.0, within=20)
            await stopped(bot)
        await with_database(bot_home, new_agreement_to_announce)

    after = await with_database(bot_home, subscriptions)
    assert len(delivered_to(telegram, follower)) == 2
    assert ANNOUNCEMENT_UK in delivered_to(telegram, follower)[0]["text"]
    # Each refusing chat was tried once, then paused: the second announcement skipped it.
    assert [call.status for call in sent_to(telegram, blocked)] == [403]
    assert [call.status for call in sent_to(telegram, deleted)] == [400]
    assert after == [(deleted, None, False), (blocked, None, False), (follower, None, True)]


async def test_a_reply_refused_by_a_chat_that_blocked_the_bot_is_dropped_quietly(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    async with running(mode, telegram, bot_home) as bot:
        telegram.send_message("Які міста-побратими в Харкова?", user_id=RESIDENT)
        telegram.block_bot(RESIDENT)
        await telegram.wait_idle(quiet=1.0, within=20)
        output = await stopped(bot)

    # One attempt, refused; no apology into the same blocked chat, no traceback in the log.
    assert [call.status for call in sent_to(telegram, RESIDENT)] == [403]
    assert "Traceback" not in output
    assert " ERROR " not in output
