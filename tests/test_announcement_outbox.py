"""Announcements Telegram does not take (it is down, the network is) are kept and sent later;
only a chat that refuses the bot drops them. Through the local Bot API, on SQLite."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass, replace

import pytest
from aiogram import Bot
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.jobs import tick_announcements
from bot.local_api import LocalTelegram
from bot.services import BotServices
from knowledge.admin.outbox import (
    Announcement,
    OutboxMessage,
    due_messages,
    postpone,
    take,
    waiting,
)
from knowledge.admin.subscribers import claim_and_store, subscribe
from knowledge.qa.engine import Engine
from knowledge.store import migrations, models
from knowledge.store.engines import create_engine, session_factory
from knowledge.store.followers import ChatTarget
from tests.adminops_support import admin_settings
from tests.bot_support import NOON, TODAY
from tests.local_api_support import local_bot
from tests.telegram_support import (
    KHARKIV,
    delivered_to,
    new_agreement_to_announce,
    sent_to,
    subscriptions,
)

RESIDENT = 5001
NEWS = "Харківська громада має нову угоду про партнерство"


@dataclass
class Clock:
    """The moment the jobs see, moved on by the test."""

    moment: dt.datetime = NOON

    def __call__(self) -> dt.datetime:
        return self.moment


@dataclass
class World:
    telegram: LocalTelegram
    bot: Bot
    engine: AsyncEngine
    qa_engine: Engine
    clock: Clock

    def services(self, engine: AsyncEngine | None = None) -> BotServices:
        """Services on the database (another engine stands for a restarted bot)."""
        database = engine or self.engine
        url = database.url.render_as_string(hide_password=False)
        settings = admin_settings(url)
        return BotServices(settings, database, self.qa_engine, today=lambda: TODAY, now=self.clock)

    async def outbox(self) -> list[OutboxMessage]:
        async with session_factory(self.engine)() as session:
            return await waiting(session)


@pytest.fixture
async def world(
    local_telegram: LocalTelegram, seeded_engine: AsyncEngine, qa_engine: Engine
) -> AsyncIterator[World]:
    """A resident following Kharkiv and an agreement of Kharkiv to announce."""
    local_telegram.user(RESIDENT, language_code="en")
    local_telegram.chat(RESIDENT)
    bot = local_bot(local_telegram)
    async with session_factory(seeded_engine)() as session:
        await _follow(session)
    try:
        yield World(local_telegram, bot, seeded_engine, qa_engine, Clock())
    finally:
        await bot.session.close()


async def _follow(session: AsyncSession) -> None:
    await subscribe(session, RESIDENT, KHARKIV)
    await session.commit()
    await new_agreement_to_announce(session)


async def test_an_announcement_telegram_keeps_failing_is_sent_at_a_later_tick(
    world: World,
) -> None:
    telegram = world.telegram
    # Telegram answers 500 to every try of the session (3) on two ticks in a row.
    telegram.fail_next("sendMessage", "server_error", times=3)
    first = await tick_announcements(world.bot, world.services())
    kept = await world.outbox()
    too_soon = await tick_announcements(world.bot, world.services())
    tried_too_soon = len(sent_to(telegram, RESIDENT))

    world.clock.moment += dt.timedelta(minutes=1)
    telegram.fail_next("sendMessage", "server_error", times=3)
    second = await tick_announcements(world.bot, world.services())
    kept_again = await world.outbox()

    # A restarted bot (a new engine on the same file) sends it once Telegram is back.
    world.clock.moment += dt.timedelta(minutes=2)
    restarted = create_engine(world.engine.url.render_as_string(hide_password=False))
    try:
        delivered = await tick_announcements(world.bot, world.services(restarted))
        after = await tick_announcements(world.bot, world.services(restarted))
    finally:
        await restarted.dispose()

    assert (first, too_soon, second, delivered, after) == (0, 0, 0, 1, 0)
    assert [message.attempts for message in kept] == [1]
    assert [message.attempts for message in kept_again] == [2]
    # Nothing is tried again before its pause is over.
    assert tried_too_soon == 3
    (message,) = delivered_to(telegram, RESIDENT)
    assert NEWS in message["text"]
    assert await world.outbox() == []
    assert len(sent_to(telegram, RESIDENT)) == 3 + 3 + 1


async def test_an_announcement_lost_on_the_network_is_kept_too(world: World) -> None:
    world.telegram.fail_next("sendMessage", "drop", times=3)
    first = await tick_announcements(world.bot, world.services())
    world.clock.moment += dt.timedelta(minutes=1)
    second = await tick_announcements(world.bot, world.services())

    assert (first, second) == (0, 1)
    assert len(delivered_to(world.telegram, RESIDENT)) == 1
    assert await world.outbox() == []


async def test_a_chat_that_is_gone_drops_its_announcement_and_pauses(world: World) -> None:
    world.telegram.fail_next("sendMessage", "server_error", times=3)
    await tick_announcements(world.bot, world.services())
    # Meanwhile the resident deleted their account: Telegram knows no such chat any more.
    del world.telegram.chats[RESIDENT]
    world.clock.moment += dt.timedelta(minutes=1)
    gone = await tick_announcements(world.bot, world.services())
    world.clock.moment += dt.timedelta(hours=7)
    later = await tick_announcements(world.bot, world.services())

    async with session_factory(world.engine)() as session:
        followed = await subscriptions(session)
    assert (gone, later) == (0, 0)
    assert await world.outbox() == []
    assert followed == [(RESIDENT, None, False)]
    assert [call.status for call in sent_to(world.telegram, RESIDENT)] == [500, 500, 500, 400]


async def test_the_outbox_on_each_database_sends_a_message_once_and_waits_its_pause(
    database_url: str,
) -> None:
    engine = create_engine(database_url)
    try:
        await migrations.upgrade(engine)
        sessions = session_factory(engine)
        async with sessions() as session:
            session.add(models.AdminSettingRow(key="announced_up_to", value="0"))
            await session.commit()
        news = Announcement(ChatTarget(-100123, 7), KHARKIV, NEWS)
        async with sessions() as session:
            stored = await claim_and_store(session, 0, 5, [news], NOON)
        async with sessions() as session:
            # A second sender that read the same cursor stores nothing.
            doubled = await claim_and_store(session, 0, 5, [news], NOON)
            (due,) = await due_messages(session, NOON)
        async with sessions() as first, sessions() as second:
            taken = [await take(first, due, NOON), await take(second, due, NOON)]
        async with sessions() as session:
            await postpone(session, replace(due, attempts=1), NOON, "TelegramServerError")
            early = await due_messages(session, NOON + dt.timedelta(seconds=119))
            (later,) = await due_messages(session, NOON + dt.timedelta(minutes=2))
    finally:
        await engine.dispose()

    assert (stored, doubled, taken) == (True, False, [True, False])
    assert (early, later.announcement, later.attempts) == ([], news, 1)
