"""A replica stopping with an import in progress stops at once and hands the import over, so
another replica goes on with it without waiting for its lease."""

from __future__ import annotations

import asyncio
import time

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import write_jobs
from bot.jobs import install_jobs
from knowledge.interchange.import_job import start_import
from knowledge.qa.engine import Engine
from knowledge.store.durable_jobs import JobState, WriteJob, claim, get_job
from knowledge.store.engines import session_factory
from tests.adminops_support import FileHarness, admin_services, file_harness
from tests.test_write_jobs import sheet

# Seconds a stop may take with an import in progress (it used to wait 10 s for the import,
# then 10 s more for the other jobs).
PROMPT = 3.0


@pytest.fixture
async def admins(seeded_engine: AsyncEngine, qa_engine: Engine) -> FileHarness:
    return file_harness(admin_services(seeded_engine, qa_engine))


async def test_stopping_with_an_import_in_progress_is_prompt_and_hands_it_over(
    admins: FileHarness, seeded_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    in_progress = asyncio.Event()

    async def slow_progress(_reporter: object, job: WriteJob) -> None:
        # Telegram answers slowly: the import is busy here when the replica is stopped.
        in_progress.set()
        await asyncio.sleep(60)

    monkeypatch.setattr(write_jobs.TelegramReporter, "progress", slow_progress)
    install_jobs(admins.dispatcher, admins.services)
    await admins.dispatcher.emit_startup(bot=admins.bot)
    async with session_factory(seeded_engine)() as session:
        job = await start_import(
            session,
            sheet(300),
            "towns.csv",
            actor="test:import",
            user_id=None,
            now=admins.services.now(),
            owner=write_jobs.OWNER,
        )
    write_jobs.start_job(admins.bot, admins.services, job.id)
    await asyncio.wait_for(in_progress.wait(), 30)

    started = time.monotonic()
    await asyncio.wait_for(admins.dispatcher.emit_shutdown(), 30)
    stopping = time.monotonic() - started

    async with session_factory(seeded_engine)() as session:
        left = await get_job(session, job.id)
        taken = await claim(session, job.id, "another-replica", admins.services.now())
    assert stopping < PROMPT, stopping
    assert left is not None
    assert left.state in {JobState.WAITING, JobState.RUNNING}
    assert taken  # at once, not after the stopped replica's lease
