"""`kb import --apply` killed (SIGKILL) half-way: another process finishes the import, every
row written once, or undoes all the killed one wrote."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select

from knowledge.admin.undo_job import UndoSteps, start_undo
from knowledge.interchange.import_job import ImportSteps
from knowledge.store import models
from knowledge.store.durable_jobs import LEASE, JobState, JobSteps, WriteJob, resume_jobs
from knowledge.store.engines import create_engine, session_factory
from knowledge.store.rights import SystemWriter
from knowledge.store.work import UnitOfWork
from tests.cli import PROJECT_DIR

HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)
ROWS = 1500
# Chunks: the source, eight of places, then eight of agreements; killed in the agreements.
KILL_AFTER_CHUNKS = 11
WRITER = SystemWriter("cli")


class Silent:
    """A reporter that only keeps how the job ended."""

    def __init__(self) -> None:
        self.ended: list[str] = []

    async def progress(self, job: WriteJob) -> None:
        """Nothing to show."""

    async def finished(self, job: WriteJob, error: Exception | None) -> None:
        self.ended.append(job.state)


def _steps(job: WriteJob) -> JobSteps:
    return ImportSteps(WRITER) if job.kind == "import" else UndoSteps(WRITER)


def _killed_half_way(tmp_path: Path) -> Path:
    """Runs the import in its own process and kills it once some of its agreements are
    written."""
    database = tmp_path / "var" / "pobratym.sqlite3"
    sheet = tmp_path / "big.csv"
    lines = [HEADER] + [
        f"Bila Tserkva,Killstadt {number},Germany,cooperation,active,2019,,Decision,,,"
        for number in range(ROWS)
    ]
    sheet.write_text("\n".join(lines) + "\n", encoding="utf-8")
    environment = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL"}}
    environment |= {
        "PYTHONPATH": str(PROJECT_DIR),
        "DATABASE_URL": f"sqlite+aiosqlite:///{database}",
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "kb", "import", str(sheet), "--apply"],
        cwd=tmp_path,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline and process.poll() is None:
            if _chunks_done(database) >= KILL_AFTER_CHUNKS:
                break
            time.sleep(0.05)
        process.send_signal(signal.SIGKILL)
    finally:
        process.wait(timeout=30)
    return database


def _chunks_done(database: Path) -> int:
    if not database.exists():
        return 0
    try:
        with sqlite3.connect(database, timeout=1) as connection:
            row = connection.execute("SELECT max(chunks_done) FROM write_jobs").fetchone()
    except sqlite3.OperationalError:  # not migrated yet
        return 0
    return int(row[0] or 0)


async def _stored(url: str) -> tuple[int, int]:
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            agreements = await session.scalar(
                select(func.count())
                .select_from(models.AgreementRow)
                .where(models.AgreementRow.key.like("%killstadt%"))
            )
            audited = await session.scalar(
                select(func.count())
                .select_from(models.AuditEntryRow)
                .where(models.AuditEntryRow.entity_key.like("%killstadt%"))
            )
    finally:
        await engine.dispose()
    return agreements or 0, audited or 0


async def _job_truth(url: str) -> tuple[str, int, int, int]:
    """The import job's state, the records it says it created, the records its batch's audit
    entries created, and the sources it created that nothing cites."""
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            job = await session.scalar(
                select(models.WriteJobRow).where(models.WriteJobRow.kind == "import")
            )
            assert job is not None
            created = select(models.AuditEntryRow.entity_key).where(
                models.AuditEntryRow.batch == job.batch, models.AuditEntryRow.action == "create"
            )
            audited = await session.scalar(select(func.count()).select_from(created.subquery()))
            orphans = await session.scalar(
                select(func.count())
                .select_from(models.SourceRow)
                .where(
                    models.SourceRow.key.in_(created),
                    models.SourceRow.id.not_in(select(models.AgreementSourceRow.source_id)),
                )
            )
            return job.state, job.created, audited or 0, orphans or 0
    finally:
        await engine.dispose()


async def _resume(url: str) -> list[str]:
    """A fresh process's start-up: it finishes what it finds, once the lease has passed."""
    engine = create_engine(url)
    reporter = Silent()
    try:
        ended = await resume_jobs(
            UnitOfWork(session_factory(engine)),
            owner="fresh",
            steps=_steps,
            reporter_for=lambda _job: reporter,
            clock=lambda: dt.datetime.now(dt.UTC) + LEASE,
        )
    finally:
        await engine.dispose()
    return [job.kind for job in ended if job.state == JobState.DONE]


@pytest.fixture
def killed(tmp_path: Path) -> str:
    """The database of an import killed half-way."""
    return f"sqlite+aiosqlite:///{_killed_half_way(tmp_path)}"


def test_a_killed_import_is_finished_by_a_fresh_process_with_every_row_once(killed: str) -> None:
    half, _ = asyncio.run(_stored(killed))
    state_killed, said_killed, created_killed, _ = asyncio.run(_job_truth(killed))

    finished = asyncio.run(_resume(killed))
    agreements, audited = asyncio.run(_stored(killed))
    state, said, created, orphans = asyncio.run(_job_truth(killed))

    assert 0 < half < ROWS
    # Killed, the job says it is still running, and counts what its chunks committed.
    assert state_killed == "running"
    assert said_killed == created_killed > 0
    assert (state, said, created, orphans) == ("done", created, 2 * ROWS + 1, 0)
    assert finished == ["import"]
    assert agreements == ROWS
    assert audited == 2 * ROWS  # each agreement and its place, once


def test_a_killed_import_is_undone_completely(killed: str) -> None:
    async def undo() -> list[str]:
        engine = create_engine(killed)
        try:
            async with session_factory(engine)() as session:
                batch = await session.scalar(select(models.WriteJobRow.batch))
                assert batch is not None
                await start_undo(
                    session, batch, actor="cli", user_id=None, now=dt.datetime.now(dt.UTC)
                )
        finally:
            await engine.dispose()
        return await _resume(killed)

    half, _ = asyncio.run(_stored(killed))
    finished = asyncio.run(undo())
    agreements, _ = asyncio.run(_stored(killed))

    assert half > 0
    assert finished == ["undo"]
    assert agreements == 0
