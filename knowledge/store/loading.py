"""Loads a knowledge document into the database: validated, idempotent, audited, atomic."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.documents import KnowledgeDocument, references
from knowledge.facts.vocabulary import AuditAction
from knowledge.store import mapping, models
from knowledge.store.engines import writing
from knowledge.store.rights import Writer, require_write

Doc = TypeVar("Doc", bound=BaseModel)
Row = TypeVar("Row", bound=models.Base)


class LoadError(Exception):
    """The document cannot be loaded; nothing was written. Lists every problem found."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = list(problems)


@dataclass
class LoadReport:
    """How many records of each section were created, updated or left unchanged."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)

    @property
    def changed(self) -> bool:
        """Whether the load wrote anything."""
        return bool(self.created or self.updated)


def _duplicates(keys: Iterable[str]) -> list[str]:
    counts = Counter(keys)
    return sorted(key for key, count in counts.items() if count > 1)


async def _existing_keys(session: AsyncSession, column: Any) -> set[str]:
    return set((await session.scalars(select(column))).all())


async def check_references(session: AsyncSession, document: KnowledgeDocument) -> list[str]:
    """Every problem that would stop the document from loading: duplicates, unknown keys."""
    problems: list[str] = []
    sections = {
        record.section: [record.key_of(doc) for doc in getattr(document, record.section)]
        for record in mapping.RECORDS
    }
    for section, keys in sections.items():
        problems += [f"{section}: {key} appears twice" for key in _duplicates(keys)]
    known = {
        "source": set(sections["sources"]) | await _existing_keys(session, models.SourceRow.key),
        "place": set(sections["places"]) | await _existing_keys(session, models.PlaceRow.key),
        "hromada": set(sections["hromadas"])
        | await _existing_keys(session, models.HromadaRow.code),
    }
    for record in mapping.RECORDS:
        for doc in getattr(document, record.section):
            where = f"{record.section}: {record.key_of(doc)}"
            problems += [
                f"{where}: unknown {kind} {key}"
                for kind, key in references(doc)
                if key not in known[kind]
            ]
    return problems


class _Loader:
    def __init__(self, session: AsyncSession, writer: Writer, batch: str) -> None:
        self.session = session
        self.writer = writer
        self.actor = writer.actor
        self.batch = batch
        self.at = dt.datetime.now(dt.UTC)
        self.report = LoadReport()
        self._record_ids: mapping.Ids | None = None

    def audit(self, entity: str, key: str, before: BaseModel | None, after: BaseModel) -> None:
        self.session.add(
            models.AuditEntryRow(
                at=self.at,
                actor=self.actor,
                batch=self.batch,
                action=(AuditAction.CREATE if before is None else AuditAction.UPDATE).value,
                entity=entity,
                entity_key=key,
                before=None if before is None else before.model_dump(mode="json"),
                after=after.model_dump(mode="json"),
            )
        )

    async def upsert(self, record: mapping.RecordMapping[Doc, Row], docs: Sequence[Doc]) -> None:
        if not docs:
            return
        row_type, entity = record.row_type, record.entity
        ids = await self._ids() if record.with_children else mapping.Ids({}, {})
        wanted = [record.key_of(doc) for doc in docs]
        # Locked until the load commits (PostgreSQL; a SQLite write holds the whole database),
        # so the rights checked on a stored record still hold when it is written.
        found = await self.session.scalars(
            select(row_type)
            .where(getattr(row_type, record.key_field).in_(wanted))
            .with_for_update(of=row_type)
            .execution_options(populate_existing=True)
        )
        existing: dict[str, Row] = {getattr(row, record.key_field): row for row in found.unique()}
        for doc in docs:
            key = record.key_of(doc)
            row = existing.get(key)
            if row is None:
                await require_write(self.session, self.writer, entity, key, None, doc)
                row = row_type()
                record.apply(doc, row, ids)
                self.session.add(row)
                self.audit(entity, key, None, doc)
                self.report.created[entity] += 1
                continue
            before = record.to_doc(row)
            if before == doc:
                self.report.unchanged[entity] += 1
                continue
            await require_write(self.session, self.writer, entity, key, before, doc)
            if record.with_children:
                # Child rows are replaced wholesale; the old ones must be gone before the new
                # ones arrive, or their keys would collide in one flush.
                mapping.clear_children(row)
                await self.session.flush()
            record.apply(doc, row, ids)
            self.audit(entity, key, before, doc)
            self.report.updated[entity] += 1
        await self.session.flush()

    async def _ids(self) -> mapping.Ids:
        # Read once, after the sources and places the later records refer to are written.
        if self._record_ids is None:
            self._record_ids = await mapping.record_ids(self.session)
        return self._record_ids


async def load_document(
    session: AsyncSession,
    document: KnowledgeDocument,
    *,
    writer: Writer,
    batch: str | None = None,
) -> LoadReport:
    """Merge the document into the database in the session's transaction; the caller commits
    (in a write transaction, `knowledge.store.engines.writing`).

    Records are matched by key (hromadas by code). A record equal to the stored one is left
    alone, so loading the same document twice changes nothing. Every record created, changed
    or moved must be the writer's to write, as stored and as loaded (`require_write`); the
    writer's refusal is raised, and the caller's rollback leaves everything as it was. Every
    change is audited under the writer's name and one batch id; passing the same `batch` to
    several loads makes them one batch. Raises LoadError for duplicates and unknown keys.
    """
    problems = await check_references(session, document)
    if problems:
        raise LoadError(problems)
    loader = _Loader(session, writer, batch=batch or str(uuid.uuid4()))
    for record in mapping.RECORDS:
        await loader.upsert(record, getattr(document, record.section))
    return loader.report


async def load_written(
    session: AsyncSession, document: KnowledgeDocument, *, writer: Writer
) -> LoadReport:
    """`load_document` in a write transaction of its own: committed when the whole document
    loads, rolled back entirely when anything is refused (LoadError, the writer's refusal)."""
    async with writing(session):
        return await load_document(session, document, writer=writer)
