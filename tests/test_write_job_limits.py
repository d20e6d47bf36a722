"""Durable write jobs under stress: a job that keeps failing is given up and said so, a live
runner keeps its job however long it plans, each chunk reads only its own records, and the
schema finds a job by its batch."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import Connection, event, inspect
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from knowledge.interchange.import_job import ImportSteps
from knowledge.store import durable_jobs, migrations, models
from knowledge.store.durable_jobs import (
    GAVE_UP,
    LEASE,
    MAX_ATTEMPTS,
    ChunkCounts,
    GaveUpError,
    JobPlan,
    JobState,
    WriteJob,
    claim,
    get_job,
    run_job,
)
from knowledge.store.engines import session_factory
from knowledge.store.work import UnitOfWork
from tests.test_write_jobs import WRITER, Recorder, _new_job, _run, _seeded, clock_at, sheet

START = dt.datetime(2026, 11, 30, 6, 0, tzinfo=dt.UTC)


class DiskFullError(OSError):
    """What a write meets every time it is tried (not a refusal: the job is left to retry)."""


class AlwaysFailing(ImportSteps):
    """An import whose every chunk fails the same way."""

    async def write(self, session: AsyncSession, job: WriteJob, chunk: Any) -> ChunkCounts:
        raise DiskFullError("no space left on device")


async def test_a_job_failing_the_same_way_is_given_up_after_its_attempts_and_said_so(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    await _seeded(engine)
    job = await _new_job(engine)
    reporter = Recorder()
    outcomes: list[str] = []
    for attempt in range(MAX_ATTEMPTS + 2):
        # Each run by a replica that starts once the previous one's lease has passed.
        moment = START + attempt * (LEASE + dt.timedelta(seconds=1))
        try:
            ended = await run_job(
                UnitOfWork(session_factory(engine)),
                job.id,
                owner=f"replica-{attempt}",
                steps=lambda _job: AlwaysFailing(WRITER),
                reporter=reporter,
                clock=clock_at(moment),
                pause=0,
            )
        except DiskFullError:
            outcomes.append("retried later")
            continue
        outcomes.append("ended" if ended is not None else "not run")

    async with session_factory(engine)() as session:
        stored = await get_job(session, job.id)
    assert outcomes == ["retried later"] * (MAX_ATTEMPTS - 1) + ["ended", "not run", "not run"]
    assert stored is not None
    assert (stored.state, stored.failure, stored.attempts) == (
        JobState.FAILED,
        GAVE_UP,
        MAX_ATTEMPTS,
    )
    ((state, error),) = reporter.ended
    assert state == JobState.FAILED
    assert isinstance(error, GaveUpError)
    assert error.attempts == MAX_ATTEMPTS
    assert any(
        record.levelname == "ERROR" and "given up" in record.getMessage()
        for record in caplog.records
    )


class OneChunkPerRun(ImportSteps):
    """An import whose every run writes one chunk, then loses its connection."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.written = 0

    async def write(self, session: AsyncSession, job: WriteJob, chunk: Any) -> ChunkCounts:
        if self.written:
            raise DiskFullError("connection reset")
        self.written += 1
        return await super().write(session, job, chunk)


async def test_a_job_that_moves_on_at_every_run_is_finished_however_often_it_was_stopped(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    # Places and agreements are written in chunks of their own: twice as many chunks.
    chunks = 2 * (MAX_ATTEMPTS + 1)
    job = await _new_job(engine, sheet(durable_jobs.CHUNK * chunks // 2))
    reporter = Recorder()
    ended: WriteJob | None = None
    for attempt in range(chunks + 2):
        moment = START + attempt * (LEASE + dt.timedelta(seconds=1))
        try:
            ended = await run_job(
                UnitOfWork(session_factory(engine)),
                job.id,
                owner=f"replica-{attempt}",
                steps=lambda _job: OneChunkPerRun(WRITER),
                reporter=reporter,
                clock=clock_at(moment),
                pause=0,
            )
        except DiskFullError:
            continue
        if ended is not None:
            break

    assert ended is not None
    assert (ended.state, ended.failure) == (JobState.DONE, None)
    assert ended.chunks_done == ended.chunks_total
    assert ended.chunks_total > MAX_ATTEMPTS + 1


async def test_a_job_whose_runs_all_died_is_given_up_at_the_next_claim(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    job = await _new_job(engine)
    async with session_factory(engine)() as session:
        for attempt in range(MAX_ATTEMPTS):
            # A process claims it and is killed before it ends anything.
            moment = START + attempt * (LEASE + dt.timedelta(seconds=1))
            assert await claim(session, job.id, f"killed-{attempt}", moment)
    reporter = Recorder()

    late = START + MAX_ATTEMPTS * (LEASE + dt.timedelta(seconds=1))
    ended = await _run(engine, job.id, "replica-last", reporter, late)

    assert ended is not None
    assert (ended.state, ended.failure) == (JobState.FAILED, GAVE_UP)
    assert isinstance(reporter.ended[0][1], GaveUpError)


class Stopped(Recorder):
    """A runner that stalls at its first report (`started` set), until it is cancelled."""

    def __init__(self) -> None:
        super().__init__()
        self.started = asyncio.Event()

    async def progress(self, job: WriteJob) -> None:
        self.started.set()
        await asyncio.sleep(60)


async def test_a_job_handed_over_at_a_shutdown_is_not_counted_as_a_failed_attempt(
    sqlite_engine: AsyncEngine,
) -> None:
    engine = await _seeded(sqlite_engine)
    job = await _new_job(engine)
    for attempt in range(MAX_ATTEMPTS + 1):
        stopped = Stopped()
        running = asyncio.create_task(_run(engine, job.id, f"replica-{attempt}", stopped, START))
        await stopped.started.wait()
        running.cancel()
        with pytest.raises(asyncio.CancelledError):
            await running

    finished = await _run(engine, job.id, "replica-last", Recorder(), START)
    assert finished is not None
    assert finished.state == JobState.DONE


class SlowPlanning(ImportSteps):
    """An import whose planning goes on for `seconds` after it has read the file (a large
    file on a busy database); `waiting` is set then."""

    def __init__(self, seconds: float) -> None:
        super().__init__(WRITER)
        self.seconds = seconds
        self.waiting = asyncio.Event()

    async def plan(self, session: AsyncSession, job: WriteJob, upload: bytes | None) -> JobPlan:
        planned = await super().plan(session, job, upload)
        self.waiting.set()
        await asyncio.sleep(self.seconds)
        return planned


async def test_a_runner_still_planning_keeps_its_job_past_its_first_lease(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _seeded(engine)
    lease = dt.timedelta(seconds=1.5)
    monkeypatch.setattr(durable_jobs, "LEASE", lease)
    job = await _new_job(engine, sheet(20))
    slow = SlowPlanning(seconds=3 * lease.total_seconds())

    def now() -> dt.datetime:
        return dt.datetime.now(dt.UTC)

    running = asyncio.create_task(
        run_job(
            UnitOfWork(session_factory(engine)),
            job.id,
            owner="replica-a",
            steps=lambda _job: slow,
            reporter=Recorder(),
            clock=now,
            pause=0,
        )
    )
    await slow.waiting.wait()
    stolen: list[bool] = []
    for _ in range(2):
        # Another replica looks for jobs whose runner is gone, each time a lease has passed.
        await asyncio.sleep(lease.total_seconds())
        async with session_factory(engine)() as session:
            stolen.append(await claim(session, job.id, "replica-b", now()))
    ended = await running

    assert stolen == [False, False]
    assert ended is not None
    assert ended.state == JobState.DONE
    assert ended.attempts == 1


@pytest.fixture
def agreements_read() -> Iterator[list[str]]:
    """The keys of the agreements loaded from the database while the list is watched."""
    loaded: list[str] = []

    def on_load(row: models.AgreementRow, _context: object, *_attributes: object) -> None:
        loaded.append(row.key)

    for name in ("load", "refresh"):
        event.listen(models.AgreementRow, name, on_load)
    yield loaded
    for name in ("load", "refresh"):
        event.remove(models.AgreementRow, name, on_load)


class Watched(ImportSteps):
    """Notes how many agreements each chunk's write read."""

    def __init__(self, loaded: list[str]) -> None:
        super().__init__(WRITER)
        self.loaded = loaded
        self.per_chunk: list[int] = []

    async def write(self, session: AsyncSession, job: WriteJob, chunk: Any) -> ChunkCounts:
        before = len(self.loaded)
        counts = await super().write(session, job, chunk)
        self.per_chunk.append(len(self.loaded) - before)
        return counts


async def test_writing_a_chunk_reads_its_own_records_not_the_whole_knowledge_base(
    sqlite_engine: AsyncEngine, agreements_read: list[str]
) -> None:
    engine = await _seeded(sqlite_engine)
    # A knowledge base of 450 more agreements, then a file of 3.
    big = await _new_job(engine)
    assert await _run(engine, big.id, "replica-a", Recorder(), START) is not None
    small = await _new_job(engine, sheet(3).replace(b"Jobstadt", b"Chunkstadt"))
    watched = Watched(agreements_read)

    ended = await run_job(
        UnitOfWork(session_factory(engine)),
        small.id,
        owner="replica-a",
        steps=lambda _job: watched,
        reporter=Recorder(),
        clock=clock_at(START),
        pause=0,
    )

    assert ended is not None
    assert ended.state == JobState.DONE
    assert ended.created >= 6  # 3 towns and 3 agreements
    assert max(watched.per_chunk) <= 2 * 3


def _job_schema(connection: Connection) -> tuple[set[str], set[tuple[str, ...]]]:
    inspector = inspect(connection)
    columns = {column["name"] for column in inspector.get_columns("write_jobs")}
    indexes = {tuple(index["column_names"]) for index in inspector.get_indexes("write_jobs")}
    return columns, indexes  # type: ignore[return-value]


async def test_jobs_count_attempts_and_are_found_by_batch_after_the_migration_and_not_before(
    engine: AsyncEngine,
) -> None:
    async with engine.connect() as connection:
        columns, indexes = await connection.run_sync(_job_schema)
    assert "attempts" in columns
    assert ("batch",) in indexes

    await migrations.downgrade(engine, "0008")
    async with engine.connect() as connection:
        columns, indexes = await connection.run_sync(_job_schema)
    assert "attempts" not in columns
    assert ("batch",) not in indexes
    await migrations.upgrade(engine)
    assert await migrations.current_revision(engine) == migrations.revisions()[-1]
