"""Long writes (an import, the undo of one) as durable jobs, written in chunks.

A job is a row of `write_jobs`. The process running it holds a lease on it (`lease_owner`,
`lease_until`) taken by one conditional update, so two processes that meet never run the same
job; a process that dies stops renewing its lease, and once the lease has passed another one
claims the job and goes on where it stopped. Each chunk is committed in one transaction with
the job's counters, on the condition that its runner still holds the lease and the job is
still at that chunk: a chunk is written once, or not at all. Between chunks other writers get
the database, so a long import no longer holds SQLite's write lock from start to end.

What a job plans and writes is its kind's (`JobSteps`): `knowledge.interchange.import_job` imports,
`knowledge.admin.undo_job` undoes.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol

from sqlalchemy import CursorResult, Update, and_, or_, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models
from knowledge.store.engines import writing
from knowledge.store.work import UnitOfWork, end_step

logger = logging.getLogger(__name__)

# How long a job is left to the process that claimed it without a chunk committed; a longer
# silence means it died, and another process may claim the job.
LEASE = dt.timedelta(seconds=60)
# On SQLite, the pause after a chunk: longer than SQLite's longest wait between two tries for
# the write lock (100 ms), so a writer that waits for the lock gets it between two chunks.
SQLITE_PAUSE = 0.15
# How long (seconds) a stopped runner tries to hand its job over before it gives up.
RELEASE_WITHIN = 2.0
# Records (or audit entries) a chunk writes in one transaction.
CHUNK = 200
# Runs a job gets: one that has failed (or whose process died) this many times in a row
# without moving on (planning or writing a chunk) fails for good, rather than being tried
# again forever.
MAX_ATTEMPTS = 5
# The word a job given up after MAX_ATTEMPTS is stored with.
GAVE_UP = "gave up"


class JobKind(StrEnum):
    """What a job writes."""

    IMPORT = "import"
    UNDO = "undo"


class JobState(StrEnum):
    """Where a job is: waiting to be planned, running, or ended one of three ways."""

    WAITING = "waiting"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"
    CANCELLED = "cancelled"


UNFINISHED = (JobState.WAITING.value, JobState.RUNNING.value)


class LeaseLostError(Exception):
    """Another process claimed the job, or it was cancelled: this runner stops, and the
    chunk it was writing is rolled back."""


class GaveUpError(Exception):
    """The job failed (or its process died) MAX_ATTEMPTS times: it is not run again.
    `attempts` counts its runs."""

    def __init__(self, attempts: int) -> None:
        super().__init__(f"given up after {attempts} attempts")
        self.attempts = attempts


@dataclass(frozen=True)
class WriteJob:
    """A job as stored (without its plan and upload): who writes, how far it is, where its
    progress is shown. `records_done`/`records_total` count records (or changes undone);
    `attempts` the runs in a row that did not move it on (see MAX_ATTEMPTS), `runs` every run
    that claimed it (one killed, or stopped and handed over, included)."""

    id: int
    kind: str
    state: str
    actor: str
    user_id: int | None
    filename: str | None
    skip_rejected: bool
    batch: str
    undone_batch: str | None
    chunks_done: int
    chunks_total: int | None
    records_done: int
    records_total: int | None
    created: int
    updated: int
    unchanged: int
    chat_id: int | None
    message_id: int | None
    language: str | None
    failure: str | None
    attempts: int = 0
    runs: int = 0

    @property
    def wrote_something(self) -> bool:
        """Whether any chunk was committed (so an ended job may have left records behind)."""
        return self.chunks_done > 0

    @property
    def skipped(self) -> int:
        """Records gone through but left as stored (another writer changed them meanwhile)."""
        return max(self.records_done - self.created - self.updated - self.unchanged, 0)

    @property
    def unfinished(self) -> bool:
        """Whether the job is still to run or running (neither done, failed nor cancelled)."""
        return self.state in UNFINISHED


def _job(row: models.WriteJobRow) -> WriteJob:
    return WriteJob(
        id=row.id,
        kind=row.kind,
        state=row.state,
        actor=row.actor,
        user_id=row.user_id,
        filename=row.filename,
        skip_rejected=row.skip_rejected,
        batch=row.batch,
        undone_batch=row.undone_batch,
        chunks_done=row.chunks_done,
        chunks_total=row.chunks_total,
        records_done=row.records_done,
        records_total=row.records_total,
        created=row.created,
        updated=row.updated,
        unchanged=row.unchanged,
        chat_id=row.chat_id,
        message_id=row.message_id,
        language=row.language,
        failure=row.failure,
        attempts=row.attempts,
        runs=row.runs,
    )


@dataclass(frozen=True)
class ChunkCounts:
    """What one chunk wrote: records created, updated, left unchanged (an undo: restored as
    updated), and skipped (changed by another writer since the job was planned)."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0

    @property
    def records(self) -> int:
        """Every record the chunk went through."""
        return self.created + self.updated + self.unchanged + self.skipped


@dataclass(frozen=True)
class JobPlan:
    """A job's chunks (JSON values its kind reads back) and the records they hold."""

    chunks: list[Any]
    records: int


class JobSteps(Protocol):
    """What a kind of job does: plan once (reading only), then write chunk after chunk."""

    async def plan(self, session: AsyncSession, job: WriteJob, upload: bytes | None) -> JobPlan:
        """The chunks to write; raises a refusal (see `failure`) when the job cannot run."""
        ...

    async def write(self, session: AsyncSession, job: WriteJob, chunk: Any) -> ChunkCounts:
        """Write one chunk in the session's write transaction (the caller commits)."""
        ...

    def failure(self, error: Exception) -> str | None:
        """The word for a refusal that ends the job ("refused", "forbidden"…); None for an
        error that is not one (the database away…): the job is left to be resumed."""
        ...


class JobReporter(Protocol):
    """Tells whoever waits for the job how it goes (an edited message, a progress bar)."""

    async def progress(self, job: WriteJob) -> None:
        """A chunk was committed (or the job was planned)."""
        ...

    async def finished(self, job: WriteJob, error: Exception | None) -> None:
        """The job ended: done, or failed with the refusal `error` (None when resumed
        elsewhere and the refusal is known only by `job.failure`)."""
        ...


async def create_job(
    session: AsyncSession,
    kind: JobKind,
    *,
    actor: str,
    user_id: int | None,
    batch: str,
    now: dt.datetime,
    filename: str | None = None,
    upload: bytes | None = None,
    skip_rejected: bool = False,
    undone_batch: str | None = None,
    chat_id: int | None = None,
    message_id: int | None = None,
    language: str | None = None,
    owner: str | None = None,
) -> WriteJob:
    """Store a new job in the session's transaction (flushed; the caller commits), claimed
    by `owner` (the process that runs it at once) or else waiting to be claimed."""
    row = models.WriteJobRow(
        kind=kind.value,
        state=JobState.WAITING.value,
        actor=actor,
        user_id=user_id,
        filename=filename,
        upload=upload,
        skip_rejected=skip_rejected,
        batch=batch,
        undone_batch=undone_batch,
        chunks_done=0,
        records_done=0,
        created=0,
        updated=0,
        unchanged=0,
        chat_id=chat_id,
        message_id=message_id,
        language=language,
        created_at=now,
        lease_owner=owner,
        lease_until=None if owner is None else now + LEASE,
        attempts=0,
        runs=0,
    )
    session.add(row)
    await session.flush()
    return _job(row)


async def show_progress_in(session: AsyncSession, job_id: int, message_id: int) -> bool:
    """Make the message `message_id` (in the job's chat) the one the job's progress and end
    are shown in, when it has none yet (committed here); False when it has one already or
    does not exist."""
    table = models.WriteJobRow
    async with writing(session):
        result = await session.execute(
            update(table)
            .where(table.id == job_id, table.message_id.is_(None))
            .values(message_id=message_id)
        )
    return _count(result) == 1


async def get_job(session: AsyncSession, job_id: int) -> WriteJob | None:
    """The job as stored now, or None."""
    row = await session.get(models.WriteJobRow, job_id, populate_existing=True)
    return None if row is None else _job(row)


async def job_writing(session: AsyncSession, batch: str) -> WriteJob | None:
    """The job that writes the audit batch `batch`, or None."""
    table = models.WriteJobRow
    job_id = await session.scalar(select(table.id).where(table.batch == batch))
    return None if job_id is None else await get_job(session, job_id)


async def latest_undo_of(session: AsyncSession, batch: str) -> WriteJob | None:
    """The newest undo of the audit batch `batch` that is waiting, running or done (not one
    that failed or was cancelled), or None."""
    table = models.WriteJobRow
    job_id = await session.scalar(
        select(table.id)
        .where(
            table.kind == JobKind.UNDO.value,
            table.undone_batch == batch,
            table.state.not_in([JobState.FAILED.value, JobState.CANCELLED.value]),
        )
        .order_by(table.id.desc())
        .limit(1)
    )
    return None if job_id is None else await get_job(session, job_id)


async def is_import_batch(session: AsyncSession, batch: object) -> bool:
    """Whether `batch` names the audit batch of an import job."""
    if not isinstance(batch, str) or not batch:
        return False
    table = models.WriteJobRow
    found = await session.scalar(
        select(table.id).where(table.batch == batch, table.kind == JobKind.IMPORT.value)
    )
    return found is not None


async def unfinished_jobs(session: AsyncSession, now: dt.datetime) -> list[int]:
    """The ids of unfinished jobs no live process holds (never claimed, or lease passed),
    oldest first."""
    table = models.WriteJobRow
    rows = await session.scalars(
        select(table.id)
        .where(
            table.state.in_(UNFINISHED),
            or_(table.lease_until.is_(None), table.lease_until < now),
        )
        .order_by(table.id)
    )
    return list(rows.all())


@dataclass(frozen=True)
class JobLease:
    """An unfinished job with the process that holds it (`owner`) and until when (`until`,
    UTC); both None when it was never claimed or was handed over."""

    job: WriteJob
    owner: str | None
    until: dt.datetime | None


async def unfinished_leases(session: AsyncSession) -> list[JobLease]:
    """Every unfinished job, oldest first, with who holds it and until when, whether or not
    the lease has passed."""
    table = models.WriteJobRow
    rows = await session.execute(
        select(table.id, table.lease_owner, table.lease_until)
        .where(table.state.in_(UNFINISHED))
        .order_by(table.id)
    )
    leases = []
    for row in rows.all():
        job = await get_job(session, row.id)
        if job is None:
            continue
        until = row.lease_until
        if until is not None and until.tzinfo is None:
            until = until.replace(tzinfo=dt.UTC)  # SQLite keeps no time zone
        leases.append(JobLease(job, row.lease_owner, until))
    return leases


async def jobs_ahead(session: AsyncSession, job: WriteJob, now: dt.datetime) -> list[int]:
    """The ids of unfinished jobs of `job`'s kind stored before it that a live process holds
    (their lease not passed) or that were stored less than a LEASE ago (about to be claimed):
    the jobs it waits for, so that it plans against what they wrote. A job whose process died
    is not waited for."""
    table = models.WriteJobRow
    rows = await session.scalars(
        select(table.id)
        .where(
            table.kind == job.kind,
            table.id < job.id,
            table.state.in_(UNFINISHED),
            or_(
                table.lease_until >= now,
                and_(table.lease_until.is_(None), table.created_at >= now - LEASE),
            ),
        )
        .order_by(table.id)
    )
    return list(rows.all())


async def cancel_jobs_writing(session: AsyncSession, batch: str, now: dt.datetime) -> int:
    """End every unfinished job writing the audit batch `batch` (in the caller's write
    transaction): its runner's next chunk is refused and rolled back. How many were."""
    table = models.WriteJobRow
    result = await session.execute(
        update(table)
        .where(table.batch == batch, table.state.in_(UNFINISHED))
        .values(state=JobState.CANCELLED.value, finished_at=now, lease_until=None)
    )
    return _count(result)


def _count(result: Any) -> int:
    return result.rowcount if isinstance(result, CursorResult) else 0


def _held(job_id: int, owner: str, **where: Any) -> Update:
    table = models.WriteJobRow
    conditions = [table.id == job_id, table.lease_owner == owner]
    conditions += [getattr(table, name) == value for name, value in where.items()]
    return update(table).where(*conditions)


async def claim(session: AsyncSession, job_id: int, owner: str, now: dt.datetime) -> bool:
    """Take the unfinished job for `owner` until `now + LEASE` (or keep it, when `owner` holds
    it already), counting one more attempt and one more run; False when another process holds
    it (its lease has not passed) or it has ended."""
    table = models.WriteJobRow
    async with writing(session):
        result = await session.execute(
            update(table)
            .where(
                table.id == job_id,
                table.state.in_(UNFINISHED),
                or_(
                    table.lease_until.is_(None),
                    table.lease_until < now,
                    table.lease_owner == owner,
                ),
            )
            .values(
                lease_owner=owner,
                lease_until=now + LEASE,
                attempts=table.attempts + 1,
                runs=table.runs + 1,
            )
        )
    return _count(result) == 1


async def _fenced(session: AsyncSession, statement: Update) -> None:
    if _count(await session.execute(statement)) != 1:
        raise LeaseLostError


async def _save_plan(
    session: AsyncSession, job: WriteJob, owner: str, plan: JobPlan, now: dt.datetime
) -> None:
    async with writing(session):
        await _fenced(
            session,
            _held(job.id, owner, state=JobState.WAITING.value).values(
                state=JobState.RUNNING.value,
                plan={"chunks": plan.chunks},
                upload=None,
                chunks_total=len(plan.chunks),
                records_total=plan.records,
                lease_until=now + LEASE,
                # A run that moves the job on is no failed attempt: only runs without
                # progress count towards MAX_ATTEMPTS.
                attempts=1,
            ),
        )


async def _write_chunk(
    session: AsyncSession,
    job: WriteJob,
    owner: str,
    steps: JobSteps,
    chunk: Any,
    clock: Callable[[], dt.datetime],
) -> None:
    table = models.WriteJobRow
    async with writing(session):
        counts = await steps.write(session, job, chunk)
        await _fenced(
            session,
            _held(job.id, owner, state=JobState.RUNNING.value, chunks_done=job.chunks_done).values(
                chunks_done=table.chunks_done + 1,
                records_done=table.records_done + counts.records,
                created=table.created + counts.created,
                updated=table.updated + counts.updated,
                unchanged=table.unchanged + counts.unchanged,
                lease_until=clock() + LEASE,
                attempts=1,
            ),
        )


async def _end(
    session: AsyncSession,
    job: WriteJob,
    owner: str,
    state: JobState,
    failure: str | None,
    now: dt.datetime,
) -> None:
    # An undo started meanwhile cancels the job but leaves its owner: only a job still
    # running ends done, and only an unfinished one ends failed.
    table = models.WriteJobRow
    unfinished = table.state == JobState.RUNNING.value
    if state != JobState.DONE:
        unfinished = table.state.in_(UNFINISHED)
    async with writing(session):
        await _fenced(
            session,
            _held(job.id, owner)
            .where(unfinished)
            .values(
                state=state.value,
                failure=failure,
                finished_at=now,
                lease_until=None,
                plan=None,
                upload=None,
            ),
        )


async def _stored_plan(session: AsyncSession, job_id: int) -> tuple[list[Any], bytes | None]:
    table = models.WriteJobRow
    query = select(table.plan, table.upload).where(table.id == job_id)
    plan, upload = (await session.execute(query)).one()
    return (list((plan or {}).get("chunks", [])), upload)


def _pause_for(session: AsyncSession) -> float:
    return SQLITE_PAUSE if session.get_bind().dialect.name == "sqlite" else 0.0


async def _renew_lease(session: AsyncSession, job_id: int, owner: str, until: dt.datetime) -> int:
    """Hold the unfinished job `owner` holds until `until`; 1 when it did, 0 when the job
    was lost or has ended."""
    table = models.WriteJobRow
    async with writing(session):
        result = await session.execute(
            _held(job_id, owner)
            .where(table.state.in_(UNFINISHED), table.lease_until.is_not(None))
            .values(lease_until=until)
        )
    return _count(result)


class _Heartbeat:
    """Renews the lease of a job its runner holds, every third of LEASE, in a unit of work
    of its own: a long planning (or a slow chunk, or a slow report) is not taken for a dead
    process. Stops renewing once the runner lost the job or it ended."""

    def __init__(
        self,
        work: UnitOfWork,
        job_id: int,
        owner: str,
        clock: Callable[[], dt.datetime],
    ) -> None:
        self.work, self.job_id, self.owner, self.clock = work, job_id, owner, clock
        self.task = asyncio.create_task(self._beat())

    async def _beat(self) -> None:
        while True:
            await asyncio.sleep(LEASE.total_seconds() / 3)
            try:
                renewed = await self.work(
                    _renew_lease, self.job_id, self.owner, self.clock() + LEASE
                )
            except (SQLAlchemyError, OSError) as error:  # the database away: beat again
                logger.warning(
                    "The lease of write job %s was not renewed: %s",
                    self.job_id,
                    type(error).__name__,
                )
                continue
            if renewed != 1:
                return

    async def stop(self) -> None:
        """No more renewals (none is in flight once this returns)."""
        self.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await self.task


async def run_job(
    work: UnitOfWork,
    job_id: int,
    *,
    owner: str,
    steps: Callable[[WriteJob], JobSteps],
    reporter: JobReporter,
    clock: Callable[[], dt.datetime],
    pause: float | None = None,
) -> WriteJob | None:
    """Claim the job and run it to its end: plan it if it was not yet, then write its
    remaining chunks, each committed on its own. None when another process holds it. While
    it runs, its lease is renewed (`_Heartbeat`), so a live runner keeps its job.

    A refusal its steps name (`JobSteps.failure`) ends it as failed, and the reporter is told
    with the error; any other error (the database away) is raised and leaves the job to be
    resumed once the lease has passed, until it has been run MAX_ATTEMPTS times: then it
    ends failed as GAVE_UP (logged, and the reporter told with GaveUpError). A job cancelled
    meanwhile (its undo started) stops before its next chunk, and the reporter is told; one
    cancelled (a shutdown) hands the job over at once. `pause` (seconds between chunks)
    defaults to SQLITE_PAUSE on SQLite, none elsewhere. The job runs in one unit of `work`,
    its lease renewed in others.
    """
    return await work(_claim_and_run, work, job_id, owner, steps, reporter, clock, pause)


async def _claim_and_run(
    session: AsyncSession,
    work: UnitOfWork,
    job_id: int,
    owner: str,
    steps: Callable[[WriteJob], JobSteps],
    reporter: JobReporter,
    clock: Callable[[], dt.datetime],
    pause: float | None,
) -> WriteJob | None:
    if not await claim(session, job_id, owner, clock()):
        return None
    # From here on the job is this runner's: however it is stopped, even before it started
    # writing, it is handed over at once rather than left held until the lease.
    heartbeat: _Heartbeat | None = None
    try:
        job = await get_job(session, job_id)
        if job is None:
            return None
        if job.attempts > MAX_ATTEMPTS:
            # Every run before died without ending it (a process killed by what it wrote).
            return await _give_up(session, job, owner, reporter, clock, None)
        heartbeat = _Heartbeat(work, job_id, owner, clock)
        return await _run_claimed(session, job, owner, steps, reporter, clock, pause)
    except asyncio.CancelledError:
        # Stopped (a shutdown): the chunk in hand is rolled back, and the job is left at once
        # to the next process rather than after the lease.
        if heartbeat is not None:
            await heartbeat.stop()
            heartbeat = None
        await _hand_over(session, job_id, owner)
        raise
    finally:
        if heartbeat is not None:
            await heartbeat.stop()


async def _hand_over(session: AsyncSession, job_id: int, owner: str) -> None:
    """Roll back the chunk in hand and free the job's lease, within RELEASE_WITHIN seconds;
    a hand-over that fails is logged (the job then waits for its lease to pass)."""
    try:
        async with asyncio.timeout(RELEASE_WITHIN):
            await session.rollback()
            await _release(session, job_id, owner)
    except (SQLAlchemyError, OSError, TimeoutError, asyncio.CancelledError) as error:
        # The database away, too slow, or a second stop. Only the error's kind is logged: its
        # text may carry the database's address.
        logger.warning(
            "Write job %s could not be handed over (%s); another process resumes it once its"
            " lease of %d s has passed",
            job_id,
            type(error).__name__,
            int(LEASE.total_seconds()),
        )


async def _run_claimed(
    session: AsyncSession,
    job: WriteJob,
    owner: str,
    steps: Callable[[WriteJob], JobSteps],
    reporter: JobReporter,
    clock: Callable[[], dt.datetime],
    pause: float | None,
) -> WriteJob | None:
    job_id = job.id
    kind = steps(job)
    chunks, upload = await _stored_plan(session, job_id)
    await end_step(session)
    wait = _pause_for(session) if pause is None else pause
    try:
        if job.state == JobState.WAITING.value:
            plan = await kind.plan(session, job, upload)
            await end_step(session)  # the planning reads end before the plan is written
            await _save_plan(session, job, owner, plan, clock())
            chunks = plan.chunks
            job = await _current(session, job_id)
            await reporter.progress(job)
        while job.chunks_done < len(chunks):
            await _write_chunk(session, job, owner, kind, chunks[job.chunks_done], clock)
            job = await _current(session, job_id)
            await reporter.progress(job)
            if wait and job.chunks_done < len(chunks):
                await asyncio.sleep(wait)
        await _end(session, job, owner, JobState.DONE, None, clock())
    except LeaseLostError:
        await session.rollback()
        job = await _current(session, job_id)
        if job.state != JobState.CANCELLED.value:
            logger.info("Write job %s is held by another process now", job_id)
            return None
        await reporter.finished(job, None)
        return job
    except Exception as error:
        failure = kind.failure(error)
        if failure is None and job.attempts < MAX_ATTEMPTS:
            raise
        await session.rollback()
        if failure is None:
            logger.error(
                "Write job %s failed %d times; it is given up",
                job_id,
                job.attempts,
                exc_info=error,
            )
            return await _give_up(session, job, owner, reporter, clock, error)
        await _end(session, job, owner, JobState.FAILED, failure, clock())
        job = await _current(session, job_id)
        await reporter.finished(job, error)
        return job
    job = await _current(session, job_id)
    await reporter.finished(job, None)
    return job


async def _give_up(
    session: AsyncSession,
    job: WriteJob,
    owner: str,
    reporter: JobReporter,
    clock: Callable[[], dt.datetime],
    error: Exception | None,
) -> WriteJob:
    if error is None:
        logger.error(
            "Write job %s was started %d times and never ended; it is given up",
            job.id,
            job.attempts - 1,
        )
    await _end(session, job, owner, JobState.FAILED, GAVE_UP, clock())
    job = await _current(session, job.id)
    await reporter.finished(job, GaveUpError(job.attempts))
    return job


async def _release(session: AsyncSession, job_id: int, owner: str) -> None:
    # Handed over, not failed: the run is not counted as an attempt.
    table = models.WriteJobRow
    async with writing(session):
        await session.execute(
            _held(job_id, owner).values(lease_until=None, attempts=table.attempts - 1)
        )


async def _current(session: AsyncSession, job_id: int) -> WriteJob:
    job = await get_job(session, job_id)
    await end_step(session)
    if job is None:
        raise LeaseLostError
    return job


async def _resumable_jobs(session: AsyncSession, now: dt.datetime) -> list[WriteJob]:
    """The unfinished jobs no live process holds at `now`, oldest first."""
    jobs = [await get_job(session, job_id) for job_id in await unfinished_jobs(session, now)]
    return [job for job in jobs if job is not None]


async def resume_jobs(
    work: UnitOfWork,
    *,
    owner: str,
    steps: Callable[[WriteJob], JobSteps],
    reporter_for: Callable[[WriteJob], JobReporter],
    clock: Callable[[], dt.datetime],
    pause: float | None = None,
) -> list[WriteJob]:
    """Run every unfinished job no live process holds, one after another; the jobs this
    process ran to their end."""
    ended: list[WriteJob] = []
    for job in await work(_resumable_jobs, clock()):
        result = await run_job(
            work,
            job.id,
            owner=owner,
            steps=steps,
            reporter=reporter_for(job),
            clock=clock,
            pause=pause,
        )
        if result is not None:
            ended.append(result)
    return ended
