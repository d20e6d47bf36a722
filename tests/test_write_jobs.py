"""Imports and their undos as durable jobs: written in chunks, resumed after a crash by another
process, never run twice at once, and undone completely after stopping half-way."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Callable

import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from knowledge.admin.undo_job import UndoSteps, UndoUnderWayError, start_undo
from knowledge.interchange.import_job import ImportSteps, ImportUnderWayError, start_import
from knowledge.store import durable_jobs, models
from knowledge.store.bootstrap import seed
from knowledge.store.durable_jobs import (
    LEASE,
    JobReporter,
    JobState,
    JobSteps,
    WriteJob,
    claim,
    get_job,
    resume_jobs,
    run_job,
)
from knowledge.store.engines import create_engine, session_factory, writing
from knowledge.store.exporting import export_document
from knowledge.store.rights import SystemWriter
from knowledge.store.work import UnitOfWork

HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)
ROWS = 450  # 450 agreements and 450 places: five chunks of each kind but the last
# Chunks: the source, three of places, then one of the agreements.
MID_WAY = 5
START = dt.datetime(2026, 11, 30, 6, 0, tzinfo=dt.UTC)
WRITER = SystemWriter("test:import")


def sheet(rows: int = ROWS) -> bytes:
    """New agreements of Bila Tserkva, each with a town of its own."""
    lines = [HEADER] + [
        f"Bila Tserkva,Jobstadt {number},Germany,cooperation,active,2019,,Council decision,,,"
        for number in range(rows)
    ]
    return "\n".join(lines).encode()


class CrashError(Exception):
    """The process dies here (as a kill would stop it between two chunks)."""


class Recorder:
    """Notes each progress report; raises CrashError after `crash_after` chunks."""

    def __init__(self, crash_after: int | None = None) -> None:
        self.crash_after = crash_after
        self.seen: list[tuple[int, int | None]] = []
        self.ended: list[tuple[str, Exception | None]] = []

    async def progress(self, job: WriteJob) -> None:
        self.seen.append((job.records_done, job.records_total))
        if self.crash_after is not None and job.chunks_done >= self.crash_after:
            raise CrashError

    async def finished(self, job: WriteJob, error: Exception | None) -> None:
        self.ended.append((job.state, error))


def steps(job: WriteJob) -> JobSteps:
    return ImportSteps(WRITER) if job.kind == "import" else UndoSteps(WRITER)


def clock_at(moment: dt.datetime) -> Callable[[], dt.datetime]:
    return lambda: moment


async def _seeded(engine: AsyncEngine) -> AsyncEngine:
    await seed(engine)
    return engine


async def _new_job(engine: AsyncEngine, data: bytes | None = None) -> WriteJob:
    async with session_factory(engine)() as session:
        return await start_import(
            session, data or sheet(), "towns.csv", actor=WRITER.actor, user_id=None, now=START
        )


async def _jobstadt(engine: AsyncEngine) -> tuple[list[str], int]:
    """The Jobstadt agreements stored (keys, repeats kept) and their audit entries."""
    async with session_factory(engine)() as session:
        keys = list(
            (
                await session.scalars(
                    select(models.AgreementRow.key).where(
                        models.AgreementRow.key.like("%jobstadt%")
                    )
                )
            ).all()
        )
        audited = await session.scalar(
            select(func.count())
            .select_from(models.AuditEntryRow)
            .where(models.AuditEntryRow.entity_key.like("%jobstadt%"))
        )
    return keys, audited or 0


async def _run(
    engine: AsyncEngine, job_id: int, owner: str, reporter: JobReporter, at: dt.datetime
) -> WriteJob | None:
    return await run_job(
        UnitOfWork(session_factory(engine)),
        job_id,
        owner=owner,
        steps=steps,
        reporter=reporter,
        clock=clock_at(at),
        pause=0,
    )


async def test_an_import_killed_between_chunks_is_finished_by_a_fresh_process_once(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    job = await _new_job(engine)
    crashed = Recorder(crash_after=MID_WAY)

    with pytest.raises(CrashError):
        await _run(engine, job.id, "replica-a", crashed, START)
    half, _ = await _jobstadt(engine)
    # A fresh process, on an engine of its own.
    fresh = create_engine(engine.url.render_as_string(hide_password=False))
    before_lease = Recorder()
    at_start = await resume_jobs(
        UnitOfWork(session_factory(fresh)),
        owner="replica-b",
        steps=steps,
        reporter_for=lambda _: before_lease,
        clock=clock_at(START + dt.timedelta(seconds=5)),
        pause=0,
    )
    later = Recorder()
    resumed = await resume_jobs(
        UnitOfWork(session_factory(fresh)),
        owner="replica-b",
        steps=steps,
        reporter_for=lambda _: later,
        clock=clock_at(START + LEASE + dt.timedelta(seconds=1)),
        pause=0,
    )
    await fresh.dispose()

    keys, audited = await _jobstadt(engine)
    assert 0 < len(half) < ROWS
    assert at_start == []  # the dead process's lease still held
    assert [job.state for job in resumed] == [JobState.DONE]
    assert sorted(keys) == sorted(set(keys))
    assert len(keys) == ROWS
    assert audited == 2 * ROWS  # each agreement and its place audited once
    assert resumed[0].records_done == resumed[0].records_total == 2 * ROWS + 1
    assert resumed[0].created == 2 * ROWS + 1
    assert later.ended == [(JobState.DONE, None)]


async def test_two_replicas_never_run_the_same_job(engine: AsyncEngine) -> None:
    await _seeded(engine)
    job = await _new_job(engine)

    first, second = await asyncio.gather(
        _run(engine, job.id, "replica-a", Recorder(), START),
        _run(engine, job.id, "replica-b", Recorder(), START),
    )

    keys, audited = await _jobstadt(engine)
    assert [result is None for result in (first, second)].count(True) == 1
    assert len(keys) == ROWS
    assert audited == 2 * ROWS


async def test_a_replica_whose_lease_passed_cannot_commit_another_chunk(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    job = await _new_job(engine)
    late = START + LEASE + dt.timedelta(seconds=1)
    claimed: list[bool] = []

    class Stalled(Recorder):
        """Replica A stalls past its lease after its second chunk; replica B claims the job."""

        async def progress(self, job: WriteJob) -> None:
            if job.chunks_done == 2 and not claimed:
                async with session_factory(engine)() as session:
                    claimed.append(await claim(session, job.id, "replica-b", late))

    # Replica A wakes up and tries its next chunk: refused, and rolled back.
    assert await _run(engine, job.id, "replica-a", Stalled(), START) is None
    async with session_factory(engine)() as session:
        stalled = await get_job(session, job.id)
    finished = await _run(engine, job.id, "replica-b", Recorder(), late + 2 * LEASE)

    assert claimed == [True]
    assert stalled is not None
    assert stalled.chunks_done == 2
    assert finished is not None
    assert finished.state == JobState.DONE
    keys, audited = await _jobstadt(engine)
    assert len(keys) == ROWS
    assert audited == 2 * ROWS


async def test_two_applies_of_one_import_started_at_once_store_one_job(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    batch = "3f2b8c1e-0000-5000-8000-000000000001"

    async def apply() -> object:
        async with session_factory(engine)() as session:
            try:
                return await start_import(
                    session,
                    sheet(3),
                    "towns.csv",
                    actor=WRITER.actor,
                    user_id=None,
                    now=START,
                    batch=batch,
                )
            except ImportUnderWayError as under_way:
                return under_way

    outcomes = await asyncio.gather(apply(), apply())

    refused = [each for each in outcomes if isinstance(each, ImportUnderWayError)]
    started = [each for each in outcomes if isinstance(each, WriteJob)]
    assert len(refused) == 1
    assert len(started) == 1
    assert refused[0].job.id == started[0].id


async def test_two_undos_of_one_import_started_at_once_store_one_job(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    job = await _new_job(engine, sheet(3))

    async def undo() -> object:
        async with session_factory(engine)() as session:
            try:
                return await start_undo(
                    session, job.batch, actor=WRITER.actor, user_id=None, now=START
                )
            except UndoUnderWayError as under_way:
                return under_way

    outcomes = await asyncio.gather(undo(), undo())

    refused = [each for each in outcomes if isinstance(each, UndoUnderWayError)]
    started = [each for each in outcomes if isinstance(each, WriteJob)]
    assert len(refused) == 1
    assert len(started) == 1
    assert refused[0].job.id == started[0].id
    async with session_factory(engine)() as session:
        undos = await session.scalar(
            select(func.count())
            .select_from(models.WriteJobRow)
            .where(models.WriteJobRow.undone_batch == job.batch)
        )
    assert undos == 1


async def test_undoing_an_import_stopped_half_way_removes_all_it_wrote_and_it_never_resumes(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    before = await _export(engine)
    job = await _new_job(engine)
    with pytest.raises(CrashError):
        await _run(engine, job.id, "replica-a", Recorder(crash_after=MID_WAY), START)
    assert (await _jobstadt(engine))[0]

    async with session_factory(engine)() as session:
        undo = await start_undo(session, job.batch, actor=WRITER.actor, user_id=None, now=START)
    reporter = Recorder()
    ended = await resume_jobs(
        UnitOfWork(session_factory(engine)),
        owner="replica-b",
        steps=steps,
        reporter_for=lambda _: reporter,
        clock=clock_at(START + LEASE + dt.timedelta(seconds=1)),
        pause=0,
    )

    assert [(each.id, each.state) for each in ended] == [(undo.id, JobState.DONE)]
    async with session_factory(engine)() as session:
        stopped = await get_job(session, job.id)
    assert stopped is not None
    assert stopped.state == JobState.CANCELLED
    assert (await _jobstadt(engine))[0] == []
    assert await _export(engine) == before


async def test_an_import_refused_at_planning_writes_nothing_and_says_why(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    bad = sheet(3) + b"\nKharkiv,Brno,CZ,twinning,active,2020-13,,Letter,,,"
    job = await _new_job(engine, bad)
    reporter = Recorder()

    ended = await _run(engine, job.id, "replica-a", reporter, START)

    assert ended is not None
    assert ended.state == JobState.FAILED
    assert ended.failure == "refused"
    assert not ended.wrote_something
    assert (await _jobstadt(engine))[0] == []
    assert [type(error).__name__ for _, error in reporter.ended] == ["ImportRejectedError"]


async def test_another_writer_gets_through_between_the_chunks_of_a_sqlite_import(
    sqlite_engine: AsyncEngine,
) -> None:
    engine = await _seeded(sqlite_engine)
    job = await _new_job(engine, sheet(2000))
    waits: list[float] = []

    async def importing() -> None:
        await run_job(
            UnitOfWork(session_factory(engine)),
            job.id,
            owner="replica-a",
            steps=steps,
            reporter=Recorder(),
            clock=lambda: dt.datetime.now(dt.UTC),
        )

    async def admin_writes() -> None:
        await asyncio.sleep(0.5)
        for _ in range(3):
            started = asyncio.get_running_loop().time()
            async with session_factory(engine)() as session, writing(session):
                session.add(models.AdminSettingRow(key=f"k{len(waits)}", value="v"))
            waits.append(asyncio.get_running_loop().time() - started)
            await asyncio.sleep(0.3)

    await asyncio.gather(importing(), admin_writes())

    async with session_factory(engine)() as session:
        finished = await get_job(session, job.id)
    assert finished is not None
    assert finished.state == JobState.DONE
    assert max(waits) < 3.0, waits


async def _export(engine: AsyncEngine) -> object:
    async with session_factory(engine)() as session:
        return await export_document(session, all_hromadas=True)


async def test_a_replica_stopped_mid_import_hands_the_job_over_at_once(
    sqlite_engine: AsyncEngine,
) -> None:
    engine = await _seeded(sqlite_engine)
    job = await _new_job(engine)
    started = asyncio.Event()

    class Slow(Recorder):
        async def progress(self, job: WriteJob) -> None:
            if job.chunks_done == 2:
                started.set()
                await asyncio.sleep(60)

    running = asyncio.create_task(_run(engine, job.id, "replica-a", Slow(), START))
    await started.wait()
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running

    # Another replica claims it without waiting for the lease.
    finished = await _run(engine, job.id, "replica-b", Recorder(), START)
    assert finished is not None
    assert finished.state == JobState.DONE
    keys, _ = await _jobstadt(engine)
    assert len(keys) == ROWS


class UndoAfterLastChunk(Recorder):
    """Starts the undo of the import once its last chunk is written, before it ends."""

    def __init__(self, engine: AsyncEngine, chunks: int) -> None:
        super().__init__()
        self.engine = engine
        self.chunks = chunks

    async def progress(self, job: WriteJob) -> None:
        await super().progress(job)
        if job.chunks_done == self.chunks:
            async with session_factory(self.engine)() as session:
                await start_undo(session, job.batch, actor=WRITER.actor, user_id=None, now=START)


async def test_an_import_whose_undo_starts_after_its_last_chunk_ends_cancelled(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    job = await _new_job(engine, sheet(3))
    reporter = UndoAfterLastChunk(engine, chunks=3)  # the source, the places, the agreements

    ended = await _run(engine, job.id, "replica-a", reporter, START)

    assert ended is not None
    assert ended.state == JobState.CANCELLED
    assert reporter.ended == [(JobState.CANCELLED, None)]


KHARKIV_SOURCE = "Reply to the information request of 25 December 2023,,2024-01-12"
KOSICE = "kharkiv-kosice-cooperation-2023"
ALBUQUERQUE = "kharkiv-albuquerque-protocol-of-intent-2023"


class EditBeforeFirstChunk(Recorder):
    """Another writer changes the Košice agreement's areas once the import is planned."""

    def __init__(self, engine: AsyncEngine) -> None:
        super().__init__()
        self.engine = engine

    async def progress(self, job: WriteJob) -> None:
        await super().progress(job)
        if job.chunks_done == 0:
            async with session_factory(self.engine)() as session, writing(session):
                await session.execute(
                    update(models.AgreementRow)
                    .where(models.AgreementRow.key == KOSICE)
                    .values(areas=["economy"])
                )


async def test_an_edit_made_while_an_import_runs_is_kept_and_the_record_counted_skipped(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    data = "\n".join(
        [
            HEADER,
            f"Kharkiv,Košice,Slovakia,cooperation,expired,2023,,{KHARKIV_SOURCE},",
            f"Kharkiv,Albuquerque,US,protocol of intent,expired,2023,,{KHARKIV_SOURCE},",
        ]
    ).encode()
    job = await _new_job(engine, data)

    ended = await _run(engine, job.id, "replica-a", EditBeforeFirstChunk(engine), START)

    async with session_factory(engine)() as session:
        stored = await session.scalars(
            select(models.AgreementRow).where(models.AgreementRow.key.in_([KOSICE, ALBUQUERQUE]))
        )
        by_key = {row.key: row for row in stored}
    kosice, albuquerque = by_key[KOSICE], by_key[ALBUQUERQUE]
    assert ended is not None
    assert ended.state == JobState.DONE
    assert (kosice.areas, kosice.status) == (["economy"], "active")
    assert albuquerque.status == "expired"
    assert ended.skipped == 1
    assert ended.updated >= 1


async def test_a_replica_stopped_right_after_claiming_a_job_hands_it_over_at_once(
    sqlite_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    engine = await _seeded(sqlite_engine)
    job = await _new_job(engine)
    claimed = asyncio.Event()
    read_job = durable_jobs.get_job

    async def slow_read(session: AsyncSession, job_id: int) -> WriteJob | None:
        # The shutdown comes just after the claim, before the job is read.
        claimed.set()
        await asyncio.sleep(60)
        return await read_job(session, job_id)

    monkeypatch.setattr(durable_jobs, "get_job", slow_read)
    running = asyncio.create_task(_run(engine, job.id, "replica-a", Recorder(), START))
    await claimed.wait()
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running
    monkeypatch.setattr(durable_jobs, "get_job", read_job)

    # Another replica claims it without waiting for the lease.
    finished = await _run(engine, job.id, "replica-b", Recorder(), START)
    assert finished is not None
    assert finished.state == JobState.DONE
    keys, _ = await _jobstadt(engine)
    assert len(keys) == ROWS


async def test_a_replica_that_cannot_hand_its_job_over_at_shutdown_says_so_in_the_log(
    sqlite_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    engine = await _seeded(sqlite_engine)
    job = await _new_job(engine)
    started = asyncio.Event()

    class Slow(Recorder):
        async def progress(self, job: WriteJob) -> None:
            if job.chunks_done == 1:
                started.set()
                await asyncio.sleep(60)

    async def database_away(session: AsyncSession, job_id: int, owner: str) -> None:
        raise OperationalError(
            "UPDATE write_jobs", {}, ConnectionError("postgresql://bot:s3cret@db/pobratym")
        )

    monkeypatch.setattr(durable_jobs, "_release", database_away)
    running = asyncio.create_task(_run(engine, job.id, "replica-a", Slow(), START))
    await started.wait()
    running.cancel()
    with (
        caplog.at_level(logging.WARNING, logger=durable_jobs.__name__),
        pytest.raises(asyncio.CancelledError),
    ):
        await running

    warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
    assert [record.getMessage() for record in warnings] == [
        f"Write job {job.id} could not be handed over (OperationalError); another process"
        " resumes it once its lease of 60 s has passed"
    ]
    assert "s3cret" not in caplog.text
    # Held until the lease passes, as the log says.
    assert await _run(engine, job.id, "replica-b", Recorder(), START) is None
