"""Undoing a whole import as a durable job (`knowledge.store.durable_jobs`): its audit entries
are put back newest first, a chunk at a time, each chunk committed and audited in the undo's own
batch. Starting the undo cancels the import if it is still unfinished, so what the import
wrote is undone completely and nothing of it is written afterwards."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import AdminError
from knowledge.admin.history import (
    UndoRefusal,
    UndoRefusedError,
    batch_entry_ids,
    undo_entries,
)
from knowledge.store.durable_jobs import (
    CHUNK,
    ChunkCounts,
    JobKind,
    JobPlan,
    WriteJob,
    cancel_jobs_writing,
    create_job,
    latest_undo_of,
)
from knowledge.store.engines import writing
from knowledge.store.rights import Writer

# The words a failed undo job is stored with.
CHANGED_SINCE = "changed since"
FORBIDDEN = "forbidden"


class UndoUnderWayError(Exception):
    """An undo of the batch is waiting, running or done already (`job`), so none is started."""

    def __init__(self, job: WriteJob) -> None:
        super().__init__(f"the undo of this import is job {job.id}")
        self.job = job


async def start_undo(
    session: AsyncSession,
    batch: str,
    *,
    actor: str,
    user_id: int | None,
    now: dt.datetime,
    chat_id: int | None = None,
    message_id: int | None = None,
    language: str | None = None,
    owner: str | None = None,
) -> WriteJob:
    """Store the undo of the audit batch `batch` as a job (claimed by `owner` when given), and
    cancel the import still writing that batch, in one transaction (committed here).

    Raises UndoUnderWayError, storing nothing, when an undo of the batch is waiting, running
    or done: checked in the same write transaction, and held by a unique index against an
    undo started at the same moment by another connection."""
    try:
        async with writing(session):
            started = await undo_under_way(session, batch)
            if started is not None:
                raise UndoUnderWayError(started)
            await cancel_jobs_writing(session, batch, now)
            return await create_job(
                session,
                JobKind.UNDO,
                actor=actor,
                user_id=user_id,
                batch=str(uuid.uuid4()),
                undone_batch=batch,
                now=now,
                chat_id=chat_id,
                message_id=message_id,
                language=language,
                owner=owner,
            )
    except IntegrityError:
        # Another connection stored its undo between our check and our insert.
        async with writing(session):
            started = await undo_under_way(session, batch)
        if started is None:
            raise
        raise UndoUnderWayError(started) from None


async def undo_under_way(session: AsyncSession, batch: str) -> WriteJob | None:
    """The newest undo of the audit batch `batch` that is waiting, running or done (one that
    failed or was cancelled may be started again), or None."""
    return await latest_undo_of(session, batch)


class UndoSteps:
    """Planning and writing an undo job as `writer`, whose right to every record is checked
    as stored and as restored."""

    def __init__(self, writer: Writer) -> None:
        self.writer = writer

    async def plan(self, session: AsyncSession, job: WriteJob, upload: bytes | None) -> JobPlan:
        """The batch's audit entries, newest first, in chunks; UndoRefusedError when the batch
        has none."""
        entry_ids = await batch_entry_ids(session, job.undone_batch or "")
        if not entry_ids:
            raise UndoRefusedError(UndoRefusal.NO_SUCH_CHANGE)
        chunks = [entry_ids[start : start + CHUNK] for start in range(0, len(entry_ids), CHUNK)]
        return JobPlan(list(chunks), len(entry_ids))

    async def write(self, session: AsyncSession, job: WriteJob, chunk: Any) -> ChunkCounts:
        """Put back the records of one chunk of entries, as they were before them."""
        restored = await undo_entries(session, self.writer, [int(i) for i in chunk], job.batch)
        return ChunkCounts(updated=len(restored))

    def failure(self, error: Exception) -> str | None:
        """A record changed since ends the job as "changed since", a right the writer lacks
        as "forbidden"; anything else leaves it to be resumed."""
        if isinstance(error, UndoRefusedError):
            return CHANGED_SINCE
        if isinstance(error, AdminError):
            return FORBIDDEN
        return None
