"""The real bot process in either transport (long polling or a webhook) against the local
Bot API, with its database prepared beforehand and read afterwards."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from bot.local_api import Call, LocalTelegram
from knowledge.facts.vocabulary import AuditAction
from knowledge.store import models
from knowledge.store.engines import create_engine, session_factory
from tests.e2e_support import (
    SECRET,
    BotProcess,
    bot_process,
    database_url,
    telegram_environment,
    wait_started,
)
from tests.local_api_support import free_port

MODES = ("polling", "webhook")
KHARKIV = "UA63120270000028556"
T = TypeVar("T")


@pytest.fixture(params=MODES)
def mode(request: pytest.FixtureRequest) -> str:
    """How the bot takes its updates: "polling" (`python -m bot run`) or "webhook"."""
    return str(request.param)


def always_sending(now: dt.datetime | None = None) -> dict[str, str]:
    """Settings whose sending hours hold for the next hours, so announcements go out now."""
    moment = now or dt.datetime.now(dt.UTC)
    start = (moment - dt.timedelta(hours=1)).strftime("%H:00")
    end = (moment + dt.timedelta(hours=3)).strftime("%H:00")
    return {"SENDING_HOURS": f"{start}-{end}", "SENDING_TIMEZONE": "UTC"}


@contextlib.asynccontextmanager
async def running(
    mode: str, telegram: LocalTelegram, home: Path, **settings: str
) -> AsyncIterator[BotProcess]:
    """The bot taking updates in `mode`, started and up when the block begins."""
    if mode == "webhook":
        port = free_port()
        settings = {
            "WEBHOOK_BASE_URL": f"http://127.0.0.1:{port}",
            "WEBHOOK_SECRET": SECRET,
            "WEBHOOK_PORT": str(port),
            **settings,
        }
    environment = telegram_environment(home, telegram, **settings)
    command, ready = ("webhook", "setWebhook") if mode == "webhook" else ("run", "deleteWebhook")
    async with bot_process(home, environment, command) as bot:
        await wait_started(telegram, ready, bot)
        yield bot


async def stopped(bot: BotProcess) -> str:
    """Stops the bot and returns what it printed, failing when it did not exit cleanly."""
    code, output = await bot.stop()
    assert code == 0, output
    return output


async def with_database(home: Path, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Runs `work` in a session of the bot's database (before or after a run)."""
    engine = create_engine(database_url(home / "var"))
    try:
        async with session_factory(engine)() as session:
            return await work(session)
    finally:
        await engine.dispose()


async def new_agreement_to_announce(session: AsyncSession, hromada: str = KHARKIV) -> None:
    """An agreement of the hromada recorded just now (an audit entry creating one of its
    stored agreements), not yet announced to its subscribers."""
    key = await session.scalar(
        select(models.AgreementRow.key).where(models.AgreementRow.hromada_code == hromada)
    )
    newest = await session.scalar(
        select(models.AuditEntryRow.id).order_by(models.AuditEntryRow.id.desc())
    )
    session.add(
        models.AuditEntryRow(
            at=dt.datetime.now(dt.UTC),
            actor="telegram:1",
            action=AuditAction.CREATE.value,
            entity="agreement",
            entity_key=key,
            after={"hromada": hromada},
        )
    )
    cursor = await session.get(models.AdminSettingRow, "announced_up_to")
    if cursor is None:
        session.add(models.AdminSettingRow(key="announced_up_to", value=str(newest or 0)))
    await session.commit()


async def subscriptions(session: AsyncSession) -> list[tuple[int, int | None, bool]]:
    """Every subscription as (chat id, topic, active), in chat order."""
    rows = await session.execute(
        select(
            models.SubscriptionRow.chat_id,
            models.SubscriptionRow.thread_id,
            models.SubscriptionRow.active,
        ).order_by(models.SubscriptionRow.chat_id)
    )
    return [(chat, thread, bool(active)) for chat, thread, active in rows]


def sent_to(telegram: LocalTelegram, chat_id: int) -> list[Call]:
    """The sendMessage calls to the chat, accepted or not."""
    return [
        call
        for call in telegram.calls_of("sendMessage")
        if str(call.params.get("chat_id")) == str(chat_id)
    ]


def delivered_to(telegram: LocalTelegram, chat_id: int) -> list[dict[str, Any]]:
    """The messages that reached the chat (accepted sendMessage results), however the bot
    named the chat (its id or its @username)."""
    return [
        call.result
        for call in telegram.calls_of("sendMessage")
        if call.ok and call.result["chat"]["id"] == chat_id
    ]


async def next_reply(
    telegram: LocalTelegram, chat_id: int, since: int, *, within: float = 20.0
) -> dict[str, Any]:
    """The first message delivered to the chat by a call after the first `since` calls
    (take `len(telegram.calls)` before acting); TimeoutError when none comes."""
    async with asyncio.timeout(within):
        while True:
            for call in telegram.calls[since:]:
                if (
                    call.method.lower() == "sendmessage"
                    and call.ok
                    and call.result["chat"]["id"] == chat_id
                ):
                    return dict(call.result)
            await asyncio.sleep(0.05)
