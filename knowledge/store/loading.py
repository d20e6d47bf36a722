"""Loads a knowledge document into the database: validated, idempotent, audited, atomic."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.documents import AgreementDoc, KnowledgeDocument, references
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


# The PostgreSQL advisory lock a load holds until its transaction ends, so that loads check
# what is stored (a pair's record under another key) one after another, as SQLite's write
# lock makes them. Any constant number, the same in every process.
_LOAD_LOCK = 0x706F62726174796D  # "pobratym"


async def serialise_loads(session: AsyncSession) -> None:
    """Wait, in the session's write transaction, until no other load's transaction runs; held
    until this one ends. On SQLite the write transaction's lock does it already."""
    if session.get_bind().dialect.name == "postgresql":
        await session.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": _LOAD_LOCK})


async def pair_holders(
    session: AsyncSession, agreements: Sequence[AgreementDoc]
) -> dict[str, str]:
    """Of `agreements` not stored yet (by key), each one whose pair (hromada, partner place,
    kind) a stored agreement under another key holds → that stored agreement's key. An
    agreement whose partner place is not stored yet is held by none; a stored one is never
    held (several records of one pair an editor made stay writable)."""
    table = models.AgreementRow
    stored_keys = set(
        (
            await session.scalars(
                select(table.key).where(table.key.in_([doc.key for doc in agreements]))
            )
        ).all()
    )
    agreements = [doc for doc in agreements if doc.key not in stored_keys]
    if not agreements:
        return {}
    places = dict((await session.execute(select(models.PlaceRow.key, models.PlaceRow.id))).all())
    stored = await session.execute(
        select(table.key, table.hromada_code, table.place_id, table.kind).where(
            table.hromada_code.in_({doc.hromada for doc in agreements})
        )
    )
    by_pair: dict[tuple[str, int, str], str] = {}
    for key, hromada, place, kind in stored:
        by_pair.setdefault((hromada, place, kind), key)
    held: dict[str, str] = {}
    for doc in agreements:
        place_id = places.get(doc.place)
        holder = None if place_id is None else by_pair.get((doc.hromada, place_id, doc.kind.value))
        if holder is not None and holder != doc.key:
            held[doc.key] = holder
    return held


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
    alone, so loading the same document twice changes nothing. A new agreement naming a pair
    (hromada, partner, kind) stored under another key the document does not carry is a
    LoadError: the pair's record is that one. Loads run one after another
    (`serialise_loads`), so two at once never both add one pair. Every record created,
    changed or moved must be the writer's to write, as stored and as loaded
    (`require_write`); the writer's refusal is raised, and the caller's rollback leaves
    everything as it was. Every change is audited under the writer's name and one batch id;
    passing the same `batch` to several loads makes them one batch. Raises LoadError for
    duplicates and unknown keys.
    """
    await serialise_loads(session)
    problems = await check_references(session, document)
    problems += [
        f"agreements: {key}: its pair is stored already as {holder}"
        for key, holder in (await pair_holders(session, document.agreements)).items()
        if holder not in {doc.key for doc in document.agreements}
    ]
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
