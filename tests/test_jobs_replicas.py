"""Background jobs in several replicas: one tick at a time through Redis, one send per reminder."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator

import pytest
from aiogram.methods import SendMessage
from redis.asyncio import Redis
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.jobs import JobMonitor, RedisJobLock, run_jobs, supervise
from knowledge.admin.reminders import Reminder, claim
from knowledge.admin.subscribers import announced_up_to, claim_announcement
from knowledge.facts.dates import PartialDate
from knowledge.facts.records import Text
from knowledge.facts.terms import Expiry
from knowledge.qa.engine import Engine
from knowledge.store import models
from knowledge.store.engines import session_factory
from tests.adminops_support import FileHarness, admin_services, file_harness, import_rows
from tests.bot_support import TODAY, calls_of
from tests.faults.services import private_redis
from tests.local_api_support import redis_prefix

END = TODAY + dt.timedelta(days=60)
ENDING = f"Kharkiv,Jelgava,Latvia,twinning,active,2019-05,{END.isoformat()},Letter,,,"
ENDING_KEY = "kharkiv-lv-jelgava-twinning"


def reminder(key: str = ENDING_KEY) -> Reminder:
    return Reminder(
        agreement_key=key,
        hromada_code="UA63120270000028556",
        hromada=Text("Харківська", "Kharkivska"),
        place=Text("Єлгава", "Jelgava"),
        end=Expiry(PartialDate.of_day(END), estimated=False),
        days_left=60,
        thresholds=(90,),
        recipients=[1],
    )


async def test_a_job_lock_lets_one_holder_in_and_frees_only_its_own(redis_client: Redis) -> None:
    prefix = redis_prefix()
    first = RedisJobLock(redis_client, prefix=prefix)
    second = RedisJobLock(redis_client, prefix=prefix)
    short = RedisJobLock(redis_client, prefix=prefix, expiry=dt.timedelta(milliseconds=50))

    async with first.hold("reminders") as taken, second.hold("reminders") as also:
        other_job = second.hold("announcements")
        async with other_job as independent:
            assert (taken, also, independent) == (True, False, True)
    async with second.hold("reminders") as after_release:
        assert after_release

    # A holder whose lock expired must not free the lock another replica took since.
    key = f"{prefix}audit log"
    slow_block, successor_block = short.hold("audit log"), first.hold("audit log")
    slow = await slow_block.__aenter__()
    await asyncio.sleep(0.1)
    successor = await successor_block.__aenter__()
    await slow_block.__aexit__(None, None, None)
    kept = await redis_client.exists(key)
    async with second.hold("audit log") as third:
        pass
    await successor_block.__aexit__(None, None, None)

    assert (slow, successor, kept, third) == (True, True, 1, False)
    assert not await redis_client.exists(key)


async def test_the_lock_outlives_a_tick(redis_client: Redis) -> None:
    prefix = redis_prefix()
    lock = RedisJobLock(redis_client, prefix=prefix)

    async with lock.hold("reminders"):
        ttl = await redis_client.pttl(f"{prefix}reminders")

    assert ttl > dt.timedelta(minutes=5).total_seconds() * 1000


async def test_a_reminder_is_claimed_by_one_sender_only(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)

    async with sessions() as first, sessions() as second:
        claims = [await claim(first, reminder()), await claim(second, reminder())]
        # The losing session is usable again: it may claim another reminder.
        other = await claim(second, reminder("kharkiv-cz-brno-twinning"))

    async with sessions() as session:
        rows = await session.scalar(select(func.count()).select_from(models.ReminderSentRow))
    assert claims == [True, False]
    assert other is True
    assert rows == 2


async def test_announcements_are_claimed_by_one_sender_only(engine: AsyncEngine) -> None:
    sessions = session_factory(engine)

    async with sessions() as first, sessions() as second:
        seen = await announced_up_to(first)
        claims = [
            await claim_announcement(first, seen, seen + 3),
            await claim_announcement(second, seen, seen + 3),
            await claim_announcement(second, seen + 3, seen + 5),
        ]
        after = await announced_up_to(second)

    assert claims == [True, False, True]
    assert after == seen + 5


@pytest.fixture
async def replicas(
    seeded_engine: AsyncEngine, qa_engine: Engine
) -> AsyncIterator[list[FileHarness]]:
    """Two bots over one database, as two webhook replicas would run."""
    harnesses = [file_harness(admin_services(seeded_engine, qa_engine)) for _ in range(2)]
    yield harnesses
    assert [harness.session.problems for harness in harnesses] == [[], []]


async def test_two_replicas_sharing_redis_send_each_reminder_once(
    replicas: list[FileHarness], seeded_engine: AsyncEngine, redis_client: Redis
) -> None:
    await import_rows(seeded_engine, ENDING)
    prefix = redis_prefix()
    stop = asyncio.Event()
    runners = [
        asyncio.create_task(
            run_jobs(
                replica.bot,
                replica.services,
                stop,
                step=dt.timedelta(milliseconds=20),
                lock=RedisJobLock(redis_client, prefix=prefix),
            )
        )
        for replica in replicas
    ]
    await asyncio.sleep(1.0)
    stop.set()
    await asyncio.gather(*runners)

    sent = [
        call.text
        for replica in replicas
        for call in calls_of(replica.session.requests, SendMessage)
        if ENDING_KEY in call.text
    ]
    assert len(sent) == 1


async def test_jobs_go_on_through_a_redis_outage(
    replicas: list[FileHarness], seeded_engine: AsyncEngine
) -> None:
    await import_rows(seeded_engine, ENDING)
    replica = replicas[0]
    async with private_redis() as server:
        redis = Redis.from_url(server.url)
        await server.kill()
        stop = asyncio.Event()
        running = asyncio.create_task(
            run_jobs(
                replica.bot,
                replica.services,
                stop,
                step=dt.timedelta(milliseconds=20),
                lock=RedisJobLock(redis, prefix=redis_prefix()),
            )
        )
        await asyncio.sleep(0.5)
        during = _reminders_sent(replica)
        await server.start()
        await asyncio.sleep(1.0)
        stop.set()
        await asyncio.wait_for(running, 5)
        await redis.aclose()

    assert during == []
    assert len(_reminders_sent(replica)) == 1


def _reminders_sent(replica: FileHarness) -> list[str]:
    return [
        call.text
        for call in calls_of(replica.session.requests, SendMessage)
        if ENDING_KEY in call.text
    ]


async def test_a_job_that_stops_is_started_again_and_its_ticks_are_reported() -> None:
    monitor = JobMonitor()
    stop = asyncio.Event()
    runs: list[int] = []

    async def fails_twice() -> None:
        runs.append(len(runs))
        if len(runs) <= 2:
            raise RuntimeError("lost its way")
        monitor.record("audit log", "done", dt.datetime(2025, 7, 1, 9, tzinfo=dt.UTC))

    await asyncio.wait_for(
        supervise(
            "audit log",
            fails_twice,
            stop,
            monitor,
            lambda: dt.datetime(2025, 7, 1, 8, tzinfo=dt.UTC),
            pause=0.01,
        ),
        5,
    )

    assert len(runs) == 3
    assert monitor.report() == {
        "audit log": {"last_tick": "2025-07-01T09:00:00+00:00", "outcome": "done", "restarts": 2}
    }
