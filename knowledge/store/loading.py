"""Loads a knowledge document into the database: validated, idempotent, audited, atomic."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
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

    async def upsert(
        self,
        entity: str,
        docs: Sequence[Doc],
        *,
        row_type: type[Row],
        key_field: str = "key",
        to_doc: Callable[[Row], Doc],
        apply: Callable[[Doc, Row], None],
        has_children: bool = False,
    ) -> None:
        if not docs:
            return
        key_column = getattr(row_type, key_field)
        wanted = [getattr(doc, key_field) for doc in docs]
        found = await self.session.scalars(
            select(row_type)
            .where(key_column.in_(wanted))
            .execution_options(populate_existing=True)
        )
        existing: dict[str, Row] = {getattr(row, key_field): row for row in found}
        for doc in docs:
            key: str = getattr(doc, key_field)
            row = existing.get(key)
            if row is None:
                row = row_type()
                apply(doc, row)
                self.session.add(row)
                self.audit(entity, key, None, doc)
                self.report.created[entity] += 1
                continue
            before = to_doc(row)
            if before == doc:
                self.report.unchanged[entity] += 1
                continue
            if has_children:
                # Child rows are replaced wholesale; the old ones must be gone before the new
                # ones arrive, or their keys would collide in one flush.
                clear_children(row)
                await self.session.flush()
            apply(doc, row)
            self.audit(entity, key, before, doc)
            self.report.updated[entity] += 1
        await self.session.flush()

    async def ids(self) -> mapping.Ids:
        sources = await self.session.execute(select(models.SourceRow.key, models.SourceRow.id))
        places = await self.session.execute(select(models.PlaceRow.key, models.PlaceRow.id))
        return mapping.Ids(
            sources=dict(sources.all()),
            places=dict(places.all()),
        )


def clear_children(row: models.Base) -> None:
    """Empty every child list of a row, so its child rows can be replaced wholesale."""
    for name in ("sources", "extensions", "donors", "items", "spending"):
        children = getattr(row, name, None)
        if isinstance(children, list):
            children.clear()


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
    await loader.upsert(
        "source",
        document.sources,
        row_type=models.SourceRow,
        to_doc=mapping.source_doc,
        apply=mapping.apply_source,
    )
    await loader.upsert(
        "hromada",
        document.hromadas,
        row_type=models.HromadaRow,
        key_field="code",
        to_doc=mapping.hromada_doc,
        apply=mapping.apply_hromada,
    )
    await loader.upsert(
        "place",
        document.places,
        row_type=models.PlaceRow,
        to_doc=mapping.place_doc,
        apply=mapping.apply_place,
    )
    ids = await loader.ids()
    await loader.upsert(
        "agreement",
        document.agreements,
        row_type=models.AgreementRow,
        to_doc=mapping.agreement_doc,
        apply=lambda doc, row: mapping.apply_agreement(doc, row, ids),
        has_children=True,
    )
    await loader.upsert(
        "aid",
        document.aid,
        row_type=models.AidRow,
        to_doc=mapping.aid_doc,
        apply=lambda doc, row: mapping.apply_aid(doc, row, ids),
        has_children=True,
    )
    await loader.upsert(
        "activity",
        document.activities,
        row_type=models.ActivityRow,
        to_doc=mapping.activity_doc,
        apply=lambda doc, row: mapping.apply_activity(doc, row, ids),
        has_children=True,
    )
    await loader.upsert(
        "programme",
        document.programmes,
        row_type=models.ProgrammeRow,
        to_doc=mapping.programme_doc,
        apply=lambda doc, row: mapping.apply_programme(doc, row, ids),
        has_children=True,
    )
    return loader.report
