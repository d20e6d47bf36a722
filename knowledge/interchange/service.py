"""Preview and apply an import: what would change, then the change in one audited batch."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.documents import KnowledgeDocument, references
from knowledge.facts.messages import N_, ImportRejectedError, Name, Problem
from knowledge.interchange.planning import MOVED, MOVED_AID, plan_rows
from knowledge.interchange.uploads import ParsedImport
from knowledge.store.audit_log import deleted_agreements, deleted_aid
from knowledge.store.engines import writing
from knowledge.store.exporting import export_document
from knowledge.store.loading import LoadReport, check_references, load_document
from knowledge.store.rights import Writer, required_hromadas

Progress = Callable[[int, int], None]

# The document's sections in loading order, their singular names in previews, and how
# records are keyed.
SECTIONS = (
    ("sources", "source", "key"),
    ("hromadas", "hromada", "code"),
    ("places", "place", "key"),
    ("agreements", "agreement", "key"),
    ("aid", "aid", "key"),
    ("activities", "activity", "key"),
    ("programmes", "programme", "key"),
)
_CHUNK = 200


@dataclass
class ImportPreview:
    """What applying the import would do, by record kind, with the keys affected."""

    filename: str
    new: dict[str, list[str]] = field(default_factory=dict)
    changed: dict[str, list[str]] = field(default_factory=dict)
    unchanged: dict[str, list[str]] = field(default_factory=dict)
    rejected: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)
    # Rows repeating an earlier row's pair, merged into its record.
    merged: list[Problem] = field(default_factory=list)

    @property
    def kinds(self) -> list[str]:
        """The record kinds the file touches, in loading order."""
        present = {*self.new, *self.changed, *self.unchanged}
        return [name for _, name, _ in SECTIONS if name in present]

    @property
    def has_changes(self) -> bool:
        """Whether applying would write anything."""
        return any(self.new.values()) or any(self.changed.values())


@dataclass
class ImportReport:
    """What an applied import wrote; `batch` names its entries in the audit log."""

    batch: str
    load: LoadReport
    preview: ImportPreview


@dataclass
class _Planned:
    document: KnowledgeDocument
    preview: ImportPreview


def _classify(
    document: KnowledgeDocument, existing: KnowledgeDocument, preview: ImportPreview
) -> None:
    for section, name, key_field in SECTIONS:
        stored: dict[str, BaseModel] = {
            getattr(doc, key_field): doc for doc in getattr(existing, section)
        }
        for doc in getattr(document, section):
            key = getattr(doc, key_field)
            before = stored.get(key)
            if before is None:
                bucket = preview.new
            elif before == doc:
                bucket = preview.unchanged
            else:
                bucket = preview.changed
            bucket.setdefault(name, []).append(key)


def _centre_names(existing: KnowledgeDocument) -> dict[str, Name]:
    """Each hromada's code → its name as residents know it, its centre's ("Kharkiv", «Харків»)."""
    return {
        doc.code: Name(doc.center_en or doc.name_en, doc.center_uk or doc.name_uk)
        for doc in existing.hromadas
    }


async def _forbidden(
    session: AsyncSession,
    document: KnowledgeDocument,
    existing: KnowledgeDocument,
    writer: Writer,
    rows: dict[str, int],
) -> tuple[KnowledgeDocument, list[Problem]]:
    """The document without the records the writer may not create or change, and a refusal
    naming each one's hromada (with its spreadsheet row where it has one)."""
    names = _centre_names(existing)
    allowed: dict[str | None, bool] = {}
    refused: list[Problem] = []
    kept: dict[str, list[BaseModel]] = {}
    for section, name, key_field in SECTIONS:
        stored = {getattr(doc, key_field): doc for doc in getattr(existing, section)}
        kept[section] = []
        for doc in getattr(document, section):
            key = getattr(doc, key_field)
            before = stored.get(key)
            denied = None
            if before != doc:
                for code in await required_hromadas(session, name, key, before, doc):
                    if code not in allowed:
                        allowed[code] = await writer.may(session, code)
                    if not allowed[code]:
                        denied = code
                        break
            if denied is None:
                kept[section].append(doc)
                continue
            params: dict[str, str | int] = {"record": key}
            if denied in names:
                params["hromada"] = names[denied]
                message = N_("{record}: only an editor of {hromada} may write it")
            else:
                message = N_("{record}: only an editor may write it")
            refused.append(Problem(message, params, rows.get(key)))
    if refused:
        # New places and sources only the refused records would have cited are left out too.
        cited = {
            reference
            for section in ("agreements", "aid", "activities", "programmes")
            for doc in kept[section]
            for reference in references(doc)
        }
        for section, entity in (("sources", "source"), ("places", "place")):
            stored_keys = {doc.key for doc in getattr(existing, section)}
            kept[section] = [
                doc
                for doc in kept[section]
                if getattr(doc, "key", None) in stored_keys
                or (entity, getattr(doc, "key", "")) in cited
            ]
    return KnowledgeDocument(**kept), refused


async def _moves_not_theirs(
    session: AsyncSession, rejected: list[Problem], existing: KnowledgeDocument, writer: Writer
) -> list[Problem]:
    """The refusals, a row that would move a stored record told instead that only an editor
    of the record's hromada may write it, where the writer is not one: what a sheet may do
    to a record matters only to someone who may write it at all."""
    stored = {doc.key: doc.hromada for doc in existing.agreements}
    stored |= {doc.key: doc.hromada for doc in existing.aid}
    names = _centre_names(existing)
    told: list[Problem] = []
    for problem in rejected:
        key = problem.params.get("key")
        code = stored.get(key) if isinstance(key, str) else None
        if (
            problem.message in (MOVED, MOVED_AID)
            and code in names
            and not await writer.may(session, code)
        ):
            problem = Problem(
                N_("{record}: only an editor of {hromada} may write it"),
                {"record": str(key), "hromada": names[code]},
                problem.row,
            )
        told.append(problem)
    return told


def _without_refused(document: KnowledgeDocument, refused: list[Problem]) -> KnowledgeDocument:
    """The document without the records `refused` names (as "record"), so that a refused
    record is not also counted as new or changed."""
    keys = {str(problem.params["record"]) for problem in refused if "record" in problem.params}
    if not keys:
        return document
    return document.model_copy(
        update={
            section: [doc for doc in getattr(document, section) if getattr(doc, key) not in keys]
            for section, _, key in SECTIONS
        }
    )


async def _plan(
    session: AsyncSession, parsed: ParsedImport, writer: Writer | None = None
) -> _Planned:
    existing = await export_document(session, all_hromadas=True)
    preview = ImportPreview(filename=parsed.filename, notes=list(parsed.notes))
    rows: dict[str, int] = {}
    if parsed.document is not None:
        document = parsed.document
        preview.rejected = await check_references(session, document)
        document = _without_refused(document, preview.rejected)
    else:
        plan = plan_rows(
            parsed,
            existing,
            await deleted_agreements(session),
            await deleted_aid(session),
        )
        document = plan.document
        preview.rejected = plan.rejected
        preview.merged = plan.merged
        rows = plan.rows
    if writer is not None:
        preview.rejected = await _moves_not_theirs(session, preview.rejected, existing, writer)
        document, forbidden = await _forbidden(session, document, existing, writer, rows)
        preview.rejected = sorted(
            [*preview.rejected, *forbidden], key=lambda problem: problem.row or 0
        )
    _classify(document, existing, preview)
    return _Planned(document, preview)


async def preview_import(
    session: AsyncSession, parsed: ParsedImport, writer: Writer | None = None
) -> ImportPreview:
    """What applying the file would create, change, leave alone and refuse; writes nothing.

    With a `writer`, the records it may not write (as stored or as imported) are refused
    rows of the preview, each naming the hromada whose right it lacks.
    """
    return (await _plan(session, parsed, writer)).preview


def chunks_of(document: KnowledgeDocument, size: int = _CHUNK) -> list[KnowledgeDocument]:
    """The document split into parts of at most `size` records, in loading order (sources,
    hromadas, places first), so that every part finds what it refers to once the parts
    before it are written."""
    chunks = []
    for section, _, _ in SECTIONS:
        records = getattr(document, section)
        for start in range(0, len(records), size):
            chunks.append(KnowledgeDocument(**{section: records[start : start + size]}))
    return chunks


def document_size(document: KnowledgeDocument) -> int:
    """How many records the document holds."""
    return _size(document)


def _size(document: KnowledgeDocument) -> int:
    return sum(len(getattr(document, section)) for section, _, _ in SECTIONS)


async def apply_import(
    session: AsyncSession,
    parsed: ParsedImport,
    *,
    writer: Writer,
    progress: Progress | None = None,
    skip_rejected: bool = False,
) -> ImportReport:
    """Write the import as one audited batch in a write transaction of its own, committed
    here (a transaction the session was in is committed first).

    Planned against what is stored inside that transaction, so every record it creates,
    changes or moves is checked against the writer's rights as stored and as imported; the
    writer's refusal (such as PermissionDeniedError) is raised and nothing is written.
    Refuses (ImportRejectedError, nothing written) when any row is refused, unless
    `skip_rejected` says to write the others. `progress(done, total)` is called as records
    are written, for a progress bar or an edited message.
    """
    async with writing(session):
        return await _apply(session, parsed, writer, progress, skip_rejected)


async def plan_import(
    session: AsyncSession, parsed: ParsedImport, *, writer: Writer, skip_rejected: bool
) -> tuple[KnowledgeDocument, ImportPreview]:
    """The records the import would write (reading only) and its preview.

    Raises ImportRejectedError when any row is refused, unless `skip_rejected` says to write
    the others (a document's refusals are about references between its records: never
    skipped). Rows the writer may not write are refused rows.
    """
    planned = await _plan(session, parsed, writer)
    if planned.preview.rejected and (not skip_rejected or parsed.document is not None):
        raise ImportRejectedError(planned.preview.rejected)
    return planned.document, planned.preview


async def _apply(
    session: AsyncSession,
    parsed: ParsedImport,
    writer: Writer,
    progress: Progress | None,
    skip_rejected: bool,
) -> ImportReport:
    document, preview = await plan_import(
        session, parsed, writer=writer, skip_rejected=skip_rejected
    )
    batch = str(uuid.uuid4())
    total = _size(document)
    done = 0
    report = LoadReport()
    if progress is not None:
        progress(0, total)
    for chunk in chunks_of(document):
        part = await load_document(session, chunk, writer=writer, batch=batch)
        report.created.update(part.created)
        report.updated.update(part.updated)
        report.unchanged.update(part.unchanged)
        done += _size(chunk)
        if progress is not None:
            progress(done, total)
    return ImportReport(batch=batch, load=report, preview=preview)
