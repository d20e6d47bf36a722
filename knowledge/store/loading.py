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
from knowledge.facts.messages import N_, Problem
from knowledge.facts.vocabulary import AuditAction
from knowledge.store import mapping, models
from knowledge.store.audit_log import NewEntry, add_entry, last_actors
from knowledge.store.engines import writing
from knowledge.store.rights import Writer, require_write

Doc = TypeVar("Doc", bound=BaseModel)
Row = TypeVar("Row", bound=models.Base)


class LoadError(Exception):
    """The document cannot be loaded; nothing was written. Lists every problem found, each a
    `Problem` translated where it is shown (the exception's text is the English)."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(problem.render(str) for problem in problems))
        self.problems = list(problems)


TWICE = N_("{key} appears twice in the file")
UNKNOWN = {
    "source": N_("{record}: no source has the key {key}"),
    "place": N_("{record}: no place has the key {key}"),
    "hromada": N_("{record}: no hromada has the code {key}"),
}
PAIR_HELD = N_("{record}: its pair is stored already as {stored}; change that record instead")


@dataclass
class LoadReport:
    """How many records of each section were created, updated or left unchanged."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    # (kind of record, key) of each record an editor changed (or deleted) after it was last
    # loaded from the shipped files, left as the editor made it by a load that keeps edits.
    kept: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether the load wrote anything."""
        return bool(self.created or self.updated)


def _duplicates(keys: Iterable[str]) -> list[str]:
    counts = Counter(keys)
    return sorted(key for key, count in counts.items() if count > 1)


async def _existing_keys(session: AsyncSession, column: Any) -> set[str]:
    return set((await session.scalars(select(column))).all())


async def check_references(session: AsyncSession, document: KnowledgeDocument) -> list[Problem]:
    """Every problem that would stop the document from loading: duplicates, unknown keys."""
    problems: list[Problem] = []
    sections = {
        record.section: [record.key_of(doc) for doc in getattr(document, record.section)]
        for record in mapping.RECORDS
    }
    for keys in sections.values():
        problems += [Problem(TWICE, {"key": key}) for key in _duplicates(keys)]
    known = {
        "source": set(sections["sources"]) | await _existing_keys(session, models.SourceRow.key),
        "place": set(sections["places"]) | await _existing_keys(session, models.PlaceRow.key),
        "hromada": set(sections["hromadas"])
        | await _existing_keys(session, models.HromadaRow.code),
    }
    for record in mapping.RECORDS:
        for doc in getattr(document, record.section):
            problems += [
                Problem(UNKNOWN[kind], {"record": record.key_of(doc), "key": key})
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
    session: AsyncSession, agreements: Sequence[AgreementDoc], *, moving: bool = False
) -> dict[str, str]:
    """Of `agreements` not stored yet (by key), each one whose pair (hromada, partner place,
    kind) a stored agreement under another key holds → that stored agreement's key. An
    agreement whose partner place is not stored yet is held by none; a stored one is never
    held (several records of one pair an editor made stay writable) unless `moving`: the
    stored ones are being given these pairs by an edit, and are held like new ones."""
    table = models.AgreementRow
    if not moving:
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
    own = {doc.key for doc in agreements}
    for key, hromada, place, kind in stored:
        if key in own:
            continue
        by_pair.setdefault((hromada, place, kind), key)
    held: dict[str, str] = {}
    for doc in agreements:
        place_id = places.get(doc.place)
        holder = None if place_id is None else by_pair.get((doc.hromada, place_id, doc.kind.value))
        if holder is not None and holder != doc.key:
            held[doc.key] = holder
    return held


# The audit names of the loads of shipped files (the first seeding, `kb load`): a change by
# anyone else is an edit that a later load of the files keeps.
SEED_ACTOR = "system:seed"
FILE_LOAD_ACTOR = "cli:load"
SHIPPED_LOAD_ACTORS = frozenset({SEED_ACTOR, FILE_LOAD_ACTOR})
# What the shipped files leave out and the gazetteers fill in (GeoNames, the codifier).
_ENRICHED_FIELDS = ("latitude", "longitude")


async def edited_since_loaded(session: AsyncSession, entity: str, keys: Sequence[str]) -> set[str]:
    """Of `keys` of `entity` records, those whose last audited change (create, update, delete,
    undo) was made by someone other than a load of the shipped files (`SHIPPED_LOAD_ACTORS`):
    an editor's change a reload of those files must not revert. Read from the audit log."""
    latest = await last_actors(session, entity, keys)
    return {key for key, actor in latest.items() if actor not in SHIPPED_LOAD_ACTORS}


def keep_enrichment(doc: Doc, stored: BaseModel) -> Doc:
    """`doc` with what the gazetteers added to the stored record and the file leaves out:
    coordinates the file has none of, and the stored aliases the file does not name."""
    update: dict[str, Any] = {}
    for name in _ENRICHED_FIELDS:
        if getattr(doc, name, None) is None and getattr(stored, name, None) is not None:
            update[name] = getattr(stored, name)
    aliases = getattr(doc, "aliases", None)
    if isinstance(aliases, list):
        extra = [alias for alias in getattr(stored, "aliases", []) if alias not in aliases]
        if extra:
            update["aliases"] = [*aliases, *extra]
    return doc.model_copy(update=update) if update else doc


class _Loader:
    def __init__(
        self, session: AsyncSession, writer: Writer, batch: str, *, keep_edits: bool = False
    ) -> None:
        self.session = session
        self.keep_edits = keep_edits
        self.writer = writer
        self.actor = writer.actor
        self.batch = batch
        self.at = dt.datetime.now(dt.UTC)
        self.report = LoadReport()
        self._record_ids: mapping.Ids | None = None

    def audit(self, entity: str, key: str, before: BaseModel | None, after: BaseModel) -> None:
        add_entry(
            self.session,
            NewEntry(
                at=self.at,
                actor=self.actor,
                batch=self.batch,
                action=AuditAction.CREATE if before is None else AuditAction.UPDATE,
                entity=entity,
                key=key,
                before=None if before is None else before.model_dump(mode="json"),
                after=after.model_dump(mode="json"),
            ),
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
        edited = (
            await edited_since_loaded(self.session, entity, wanted) if self.keep_edits else set()
        )
        for doc in docs:
            key = record.key_of(doc)
            row = existing.get(key)
            before = None if row is None else record.to_doc(row)
            if self.keep_edits and before is not None:
                doc = keep_enrichment(doc, before)
            if key in edited and before != doc:
                # An editor changed or deleted it since the files were loaded: theirs stands.
                self.report.kept.append((entity, key))
                continue
            if row is None or before is None:
                await require_write(self.session, self.writer, entity, key, None, doc)
                row = row_type()
                record.apply(doc, row, ids)
                self.session.add(row)
                self.audit(entity, key, None, doc)
                self.report.created[entity] += 1
                continue
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
    keep_edits: bool = False,
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

    With `keep_edits` (a load of the shipped files), a record an editor changed or deleted
    since it was last loaded (`edited_since_loaded`) is left as they made it and named in the
    report's `kept`, and what the gazetteers added to a stored record (coordinates, aliases)
    is kept where the file leaves it out (`keep_enrichment`).
    """
    await serialise_loads(session)
    problems = await check_references(session, document)
    problems += [
        Problem(PAIR_HELD, {"record": key, "stored": holder})
        for key, holder in (await pair_holders(session, document.agreements)).items()
        if holder not in {doc.key for doc in document.agreements}
    ]
    if problems:
        raise LoadError(problems)
    loader = _Loader(session, writer, batch=batch or str(uuid.uuid4()), keep_edits=keep_edits)
    for record in mapping.RECORDS:
        await loader.upsert(record, getattr(document, record.section))
    return loader.report


async def load_written(
    session: AsyncSession, document: KnowledgeDocument, *, writer: Writer, keep_edits: bool = False
) -> LoadReport:
    """`load_document` in a write transaction of its own: committed when the whole document
    loads, rolled back entirely when anything is refused (LoadError, the writer's refusal)."""
    async with writing(session):
        return await load_document(session, document, writer=writer, keep_edits=keep_edits)
