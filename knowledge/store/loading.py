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

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.vocabulary import AuditAction
from knowledge.store import mapping, models

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
    sections: dict[str, list[str]] = {
        "sources": [doc.key for doc in document.sources],
        "hromadas": [doc.code for doc in document.hromadas],
        "places": [doc.key for doc in document.places],
        "agreements": [doc.key for doc in document.agreements],
        "aid": [doc.key for doc in document.aid],
        "activities": [doc.key for doc in document.activities],
        "programmes": [doc.key for doc in document.programmes],
    }
    for section, keys in sections.items():
        problems += [f"{section}: {key} appears twice" for key in _duplicates(keys)]

    sources = set(sections["sources"]) | await _existing_keys(session, models.SourceRow.key)
    places = set(sections["places"]) | await _existing_keys(session, models.PlaceRow.key)
    hromadas = set(sections["hromadas"]) | await _existing_keys(session, models.HromadaRow.code)

    def need(kind: str, known: set[str], key: str | None, where: str) -> None:
        if key is not None and key not in known:
            problems.append(f"{where}: unknown {kind} {key}")

    for agreement in document.agreements:
        where = f"agreements: {agreement.key}"
        need("hromada", hromadas, agreement.hromada, where)
        need("place", places, agreement.place, where)
        for citation in agreement.sources:
            need("source", sources, citation.source, where)
        for extension in agreement.extensions:
            need("source", sources, extension.source, where)
    for aid in document.aid:
        where = f"aid: {aid.key}"
        need("hromada", hromadas, aid.hromada, where)
        for donor in aid.donors:
            need("place", places, donor.place, where)
        for citation in aid.sources:
            need("source", sources, citation.source, where)
    for activity in document.activities:
        where = f"activities: {activity.key}"
        need("hromada", hromadas, activity.hromada, where)
        need("place", places, activity.place, where)
        for citation in activity.sources:
            need("source", sources, citation.source, where)
    for programme in document.programmes:
        where = f"programmes: {programme.key}"
        need("hromada", hromadas, programme.hromada, where)
        for citation in programme.sources:
            need("source", sources, citation.source, where)
    return problems


class _Loader:
    def __init__(self, session: AsyncSession, actor: str, batch: str) -> None:
        self.session = session
        self.actor = actor
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
        found = await self.session.scalars(
            select(row_type)
            .where(getattr(row_type, record.key_field).in_(wanted))
            .execution_options(populate_existing=True)
        )
        existing: dict[str, Row] = {getattr(row, record.key_field): row for row in found}
        for doc in docs:
            key = record.key_of(doc)
            row = existing.get(key)
            if row is None:
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
    session: AsyncSession, document: KnowledgeDocument, *, actor: str, batch: str | None = None
) -> LoadReport:
    """Merge the document into the database in the session's transaction; the caller commits.

    Records are matched by key (hromadas by code). A record equal to the stored one is left
    alone, so loading the same document twice changes nothing. Every change is audited
    under one batch id; passing the same `batch` to several loads makes them one batch.
    """
    problems = await check_references(session, document)
    if problems:
        raise LoadError(problems)
    loader = _Loader(session, actor, batch=batch or str(uuid.uuid4()))
    for record in mapping.RECORDS:
        await loader.upsert(record, getattr(document, record.section))
    return loader.report
