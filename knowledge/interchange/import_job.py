"""An import as a durable job (`knowledge.store.durable_jobs`): the uploaded file is planned once,
then its records are written a chunk at a time, each chunk committed and audited in the
job's batch, so a process that dies mid-way leaves a job another one finishes."""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
import logging
import uuid
from typing import Any

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.messages import ImportRejectedError, Problem
from knowledge.interchange.service import SECTIONS, chunks_of, document_size, plan_import
from knowledge.interchange.uploads import ImportLimits, read_import
from knowledge.store.durable_jobs import (
    ChunkCounts,
    JobKind,
    JobPlan,
    WriteJob,
    create_job,
    job_writing,
    jobs_ahead,
)
from knowledge.store.engines import reading_snapshot, writing
from knowledge.store.exporting import export_records
from knowledge.store.loading import LoadError, load_document, pair_holders, serialise_loads
from knowledge.store.rights import Writer
from knowledge.store.work import end_step

# A planned chunk: its records, and a fingerprint of each as stored at planning (None: absent).
RECORDS = "records"
STORED = "stored"

logger = logging.getLogger(__name__)
# How often (seconds) an import looks whether the imports before it have ended.
WAIT_FOR_AHEAD = 0.5

# The words a failed import job is stored with.
REFUSED = "refused"
FORBIDDEN = "forbidden"


async def start_import(
    session: AsyncSession,
    upload: bytes,
    filename: str,
    *,
    actor: str,
    user_id: int | None,
    now: dt.datetime,
    skip_rejected: bool = False,
    chat_id: int | None = None,
    message_id: int | None = None,
    language: str | None = None,
    owner: str | None = None,
    batch: str | None = None,
) -> WriteJob:
    """Store the uploaded file as an import job (committed here), claimed by `owner` when
    given (the process about to run it): from now on it is written to its end, by that
    process or, if it dies, another.

    `batch` names its audit batch (a new one when None); ImportUnderWayError, storing
    nothing, when a job writing that batch is stored already (the same Apply pressed twice).
    """
    try:
        async with writing(session):
            job = await create_job(
                session,
                JobKind.IMPORT,
                actor=actor,
                user_id=user_id,
                batch=batch or str(uuid.uuid4()),
                now=now,
                filename=filename,
                upload=upload,
                skip_rejected=skip_rejected,
                chat_id=chat_id,
                message_id=message_id,
                language=language,
                owner=owner,
            )
    except IntegrityError:
        started = None if batch is None else await job_writing(session, batch)
        await end_step(session)
        if started is None:
            raise
        raise ImportUnderWayError(started) from None
    return job


class ImportUnderWayError(Exception):
    """The import is stored already (`job`), so it is not stored twice."""

    def __init__(self, job: WriteJob) -> None:
        super().__init__(f"this import is job {job.id}")
        self.job = job


class ImportSteps:
    """Planning and writing an import job, as `writer` (checked on every record written, as
    stored and as imported, inside each chunk's transaction). `refusals`: the errors the
    writer refuses a record with (such as the admin layer's AdminError)."""

    def __init__(
        self,
        writer: Writer,
        refusals: tuple[type[Exception], ...] = (),
        limits: ImportLimits | None = None,
    ) -> None:
        self.writer = writer
        self.refusals = refusals
        self.limits = limits or ImportLimits()
        # The rows the plan refused (and skipped, the job skipping refused rows), for this
        # process to tell: what another import wrote first may refuse rows its preview did not.
        self.refused: list[Problem] = []

    async def plan(self, session: AsyncSession, job: WriteJob, upload: bytes | None) -> JobPlan:
        """The file read again and planned against what is stored; raises
        ImportRejectedError when a row is refused (unless the job skips refused rows)."""
        parsed = read_import(upload or b"", job.filename or "upload", limits=self.limits)
        await _after_imports_ahead(session, job)
        # The plan and the stored versions it was made from are read in one snapshot: a record
        # changed after it is skipped, never overwritten. Only the planned records are read.
        await reading_snapshot(session)
        document, preview = await plan_import(
            session, parsed, writer=self.writer, skip_rejected=job.skip_rejected
        )
        self.refused = preview.rejected
        stored = await stored_fingerprints(session, document)
        return JobPlan(
            [
                {RECORDS: chunk.model_dump(mode="json"), STORED: _stored_of(chunk, stored)}
                for chunk in chunks_of(document)
            ],
            document_size(document),
        )

    async def write(self, session: AsyncSession, job: WriteJob, chunk: Any) -> ChunkCounts:
        """Merge one chunk's records, audited in the job's batch; a record another writer
        changed (or created) since the job was planned is left as stored and counted skipped.
        """
        skipped = 0
        await serialise_loads(session)
        if RECORDS in chunk:
            document = KnowledgeDocument.model_validate(chunk[RECORDS])
            current = await stored_fingerprints(session, document)
            document, skipped = _unchanged_since_planning(document, chunk[STORED], current)
        else:  # planned before the stored versions were kept with the plan
            document = KnowledgeDocument.model_validate(chunk)
        # A pair another writer stored under another key since planning keeps that record.
        held = await pair_holders(session, document.agreements)
        if held:
            kept = [doc for doc in document.agreements if doc.key not in held]
            document = document.model_copy(update={"agreements": kept})
            skipped += len(held)
        report = await load_document(session, document, writer=self.writer, batch=job.batch)
        return ChunkCounts(
            sum(report.created.values()),
            sum(report.updated.values()),
            sum(report.unchanged.values()),
            skipped,
        )

    def failure(self, error: Exception) -> str | None:
        """Refused rows or references end the job as "refused", a right it lacks as
        "forbidden"; anything else leaves it to be resumed."""
        if isinstance(error, ImportRejectedError | LoadError):
            return REFUSED
        if isinstance(error, self.refusals):
            return FORBIDDEN
        return None


async def _after_imports_ahead(session: AsyncSession, job: WriteJob) -> None:
    """Wait until the imports stored before this one have ended (`jobs_ahead`): two imports
    planned from one state would both add a pair, or both write one record, and one of the
    two would be lost; planned one after the other, the second sees what the first wrote."""
    while True:
        ahead = await jobs_ahead(session, job, dt.datetime.now(dt.UTC))
        await end_step(session)  # the next look reads what was committed meanwhile
        if not ahead:
            return
        logger.info("Import job %s waits for import job %s to end", job.id, ahead[0])
        await asyncio.sleep(WAIT_FOR_AHEAD)


def fingerprints(document: KnowledgeDocument) -> dict[str, dict[str, str]]:
    """Each record of `document` by section and key: a SHA-256 hex digest of its fields."""
    return {
        section: {
            str(getattr(record, key)): hashlib.sha256(
                json.dumps(record.model_dump(mode="json"), sort_keys=True).encode()
            ).hexdigest()
            for record in getattr(document, section)
        }
        for section, _, key in SECTIONS
    }


async def stored_fingerprints(
    session: AsyncSession, document: KnowledgeDocument
) -> dict[str, dict[str, str]]:
    """The fingerprints (see `fingerprints`) of the stored versions of `document`'s records,
    read alone: a record not stored has none."""
    keys = {
        section: [str(getattr(record, key)) for record in getattr(document, section)]
        for section, _, key in SECTIONS
    }
    return fingerprints(await export_records(session, keys))


def _stored_of(
    chunk: KnowledgeDocument, stored: dict[str, dict[str, str]]
) -> dict[str, dict[str, str | None]]:
    return {
        section: {
            str(getattr(record, key)): stored[section].get(str(getattr(record, key)))
            for record in getattr(chunk, section)
        }
        for section, _, key in SECTIONS
    }


def _unchanged_since_planning(
    document: KnowledgeDocument,
    planned: dict[str, dict[str, str | None]],
    current: dict[str, dict[str, str]],
) -> tuple[KnowledgeDocument, int]:
    kept: dict[str, list[Any]] = {}
    skipped = 0
    for section, _, key in SECTIONS:
        kept[section] = []
        for record in getattr(document, section):
            name = str(getattr(record, key))
            if planned.get(section, {}).get(name) == current[section].get(name):
                kept[section].append(record)
            else:
                skipped += 1
    return KnowledgeDocument(**kept), skipped
