"""Adding, editing and deleting records, checked against concurrent edits, audited."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import (
    Admin,
    AdminError,
    FieldChange,
    field_changes,
)
from knowledge.facts.documents import AgreementDoc, PlaceDoc, document_type, references
from knowledge.facts.messages import N_, Problem
from knowledge.facts.plausibility import entry_context
from knowledge.facts.vocabulary import AuditAction, Entity
from knowledge.places.partners import own_partner_problem
from knowledge.store import mapping
from knowledge.store.audit_log import NewEntry, add_entry_now
from knowledge.store.engines import writing
from knowledge.store.loading import pair_holders, serialise_loads
from knowledge.store.registry import hromada_exists, place_names
from knowledge.store.rights import Writer, require_write
from knowledge.store.stored_records import put_record, remove_record, stored_record
from knowledge.store.stored_records import users_of as stored_users_of

Doc = TypeVar("Doc", bound=BaseModel)


EDITABLE = (Entity.SOURCE, Entity.PLACE, Entity.AGREEMENT, Entity.AID)


class EditConflictError(AdminError):
    """The record changed since the admin loaded it; nothing was written."""

    def __init__(self, entity: str, key: str, changes: list[FieldChange]) -> None:
        super().__init__(f"{entity} {key} changed meanwhile: {[c.field for c in changes]}")
        self.entity = entity
        self.key = key
        self.changes = changes


class MissingReferenceError(AdminError):
    """The record refers to a hromada, place or source that does not exist."""

    def __init__(self, entity: str, key: str) -> None:
        super().__init__(f"unknown {entity} {key}")
        self.entity = entity
        self.key = key


class RecordInUseError(AdminError):
    """The record cannot be deleted while others refer to it; `used_by` names them."""

    def __init__(self, entity: str, key: str, used_by: list[tuple[str, str]]) -> None:
        super().__init__(f"{entity} {key} is used by {used_by}")
        self.entity = entity
        self.key = key
        self.used_by = used_by


PAIR_STORED = N_(
    "This agreement is stored already as {stored}: change that record with /edit {stored}"
)


class AgreementRefusedError(AdminError):
    """An agreement no entry may store, whichever way it is entered; `problem` says why in
    the reader's words. Nothing was written."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.message)
        self.problem = problem


class PairStoredError(AgreementRefusedError):
    """A new agreement names a pair (hromada, partner place, kind) stored already under
    another key (`stored`): that record is the pair's, to edit."""

    def __init__(self, key: str, stored: str) -> None:
        super().__init__(Problem(PAIR_STORED, {"stored": stored}))
        self.key = key
        self.stored = stored


class OwnPartnerError(AgreementRefusedError):
    """An agreement's partner place is its own hromada: a hromada is not its own partner."""


class RecordNotFoundError(AdminError):
    """There is no such record."""

    def __init__(self, entity: str, key: str) -> None:
        super().__init__(f"no {entity} {key}")
        self.entity = entity
        self.key = key


@dataclass(frozen=True)
class SaveResult:
    """What a save or delete did: its audit entry, and the fields it changed (none: no-op)."""

    entity: str
    key: str
    action: AuditAction | None
    changes: list[FieldChange]
    change_id: int | None


def doc_json(doc: BaseModel | None) -> dict[str, Any] | None:
    """The JSON form a record is audited in."""
    return None if doc is None else doc.model_dump(mode="json")


def fingerprint(doc: BaseModel | None) -> str:
    """A short hash of a record's content, to show or compare versions compactly."""
    text = json.dumps(doc_json(doc), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def preview_changes(before: BaseModel | None, after: BaseModel | None) -> list[FieldChange]:
    """The field-by-field difference between two versions, for a confirmation preview."""
    return field_changes(doc_json(before), doc_json(after))


def with_changes(doc: Doc, **changes: Any) -> Doc:
    """A copy of the document with some fields replaced, validated (so bad input raises)."""
    return type(doc).model_validate(doc.model_dump() | changes)


def parse_doc(entity: str, data: dict[str, Any] | None) -> BaseModel | None:
    """A record's document from its audited JSON form."""
    return None if data is None else document_type(entity).model_validate(data)


def entered_doc(entity: str, data: dict[str, Any] | None) -> BaseModel | None:
    """A record an admin has just changed, from its JSON form: validated as every entry
    validates it (`knowledge.facts.plausibility`), so an impossible date is refused."""
    doc_type = document_type(entity)
    return None if data is None else doc_type.model_validate(data, context=entry_context())


def _entity_of(doc: BaseModel) -> Entity:
    for entity in EDITABLE:
        if isinstance(doc, document_type(entity)):
            return entity
    raise TypeError(f"not an editable record: {type(doc).__name__}")


def hromada_of(doc: BaseModel | None) -> str | None:
    """The hromada a record belongs to; None for shared records (places, sources)."""
    hromada = getattr(doc, "hromada", None)
    return hromada if isinstance(hromada, str) else None


async def load_for_edit(
    session: AsyncSession, entity: str, key: str, *, lock: bool = False
) -> BaseModel | None:
    """The record as stored now, to edit and later pass back as `expected`; None if absent.

    With `lock`, the row stays locked until the transaction ends (for the writers here).
    """
    return await stored_record(session, Entity(entity).value, key, lock=lock)


async def _check_references(session: AsyncSession, doc: BaseModel, ids: mapping.Ids) -> None:
    for entity, key in references(doc):
        if entity is Entity.HROMADA:
            exists = await hromada_exists(session, key)
        else:
            exists = key in (ids.places if entity is Entity.PLACE else ids.sources)
        if not exists:
            raise MissingReferenceError(entity.value, key)


async def users_of(session: AsyncSession, entity: str, key: str) -> list[tuple[str, str]]:
    """The records that refer to a place, a source or a hromada, as (entity, key) pairs."""
    return await stored_users_of(session, entity, key)


def _moved(before: BaseModel, after: AgreementDoc) -> bool:
    """Whether an edit gives the agreement another pair: hromada, partner place or kind."""
    return (
        getattr(before, "hromada", None),
        getattr(before, "place", None),
        getattr(before, "kind", None),
    ) != (after.hromada, after.place, after.kind)


async def check_agreement(
    session: AsyncSession, doc: AgreementDoc, *, new: bool, place: PlaceDoc | None = None
) -> None:
    """Raise what refuses the agreement whichever way it is entered (a dialog, the one-line
    form, an undo): OwnPartnerError when its partner place is a Ukrainian place of its own
    hromada; when `new` (a new record, or a stored one an edit moves to another pair),
    PairStoredError when its pair (hromada, partner place, kind) is stored under another
    key. `place` is the partner place when it is not stored yet (a new one entered with the
    agreement). Read in the caller's transaction; loads serialised with `serialise_loads`
    see each other's new pairs."""
    names: tuple[str, ...] = ()
    country = ""
    if place is not None:
        names, country = (place.name.uk, place.name.en, place.name_local), place.country
    else:
        for row in await place_names(session, keys=[doc.place]):
            names, country = (row.name_uk, row.name_en, row.name_local), row.country_code
    for name in names:
        problem = own_partner_problem(doc.hromada, name, country)
        if problem is not None:
            raise OwnPartnerError(problem)
    if new:
        stored = (await pair_holders(session, [doc], moving=True)).get(doc.key)
        if stored is not None:
            raise PairStoredError(doc.key, stored)


async def write_state(
    session: AsyncSession,
    entity: str,
    key: str,
    doc: BaseModel | None,
    *,
    seen: BaseModel | None,
    writer: Writer,
) -> None:
    """Make the stored record equal to the document, or absent; flushed, not committed.

    `seen` is the state the caller checked; if the record is no longer so (another writer
    committed in between), EditConflictError is raised instead of overwriting it. The
    writer's right is checked here too, on the locked row (`require_write`), so no write of
    a record goes around it.
    """
    current = await load_for_edit(session, entity, key, lock=True)
    if current != seen:
        raise EditConflictError(entity, key, preview_changes(seen, current))
    await require_write(session, writer, entity, key, current, doc)
    if doc is None:
        if current is None:
            return
        used_by = await users_of(session, entity, key)
        if used_by:
            raise RecordInUseError(entity, key, used_by)
        await remove_record(session, entity, key)
        return
    ids = await mapping.record_ids(session)
    await _check_references(session, doc, ids)
    if isinstance(doc, AgreementDoc) and (current is None or _moved(current, doc)):
        await serialise_loads(session)
        await check_agreement(session, doc, new=True)
    await put_record(session, entity, key, doc, ids, new=current is None)


async def save_record(
    session: AsyncSession,
    doc: BaseModel,
    admin: Admin,
    expected: BaseModel | None,
    *,
    batch: str | None = None,
) -> SaveResult:
    """Create or update a source, place, agreement or aid record still as the admin saw it.

    `expected` is the version load_for_edit gave the admin (None for a new record). The admin
    needs the right for the record's hromada as stored and as saved, and for a place or
    source, for every hromada whose records cite it (`require_write`). Raises
    PermissionDeniedError, EditConflictError (with what changed meanwhile) or
    MissingReferenceError, and then writes nothing. The change and its audit entry commit
    together.
    """
    (result,) = await save_records(session, [(doc, expected)], admin, batch=batch)
    return result


async def save_records(
    session: AsyncSession,
    records: Sequence[tuple[BaseModel, BaseModel | None]],
    admin: Admin,
    *,
    batch: str | None = None,
) -> list[SaveResult]:
    """Save records (each with its `expected` version) in one transaction: all or none.

    A record and the new place and source it brings along are saved so: if any of them is
    refused, none is written and no audit entry stays. Saved with one `batch`, they are
    undone together.
    """
    try:
        async with writing(session):
            return [await _save(session, doc, admin, expected, batch) for doc, expected in records]
    except IntegrityError:
        # Two admins added the same new key at once: the database let only one in.
        for doc, expected in records:
            if expected is None:
                entity = _entity_of(doc)
                key: str = getattr(doc, "key")  # noqa: B009 - every editable document has one
                current = await load_for_edit(session, entity, key)
                if current is not None:
                    raise EditConflictError(
                        entity.value, key, preview_changes(None, current)
                    ) from None
        raise


async def _save(
    session: AsyncSession,
    doc: BaseModel,
    admin: Admin,
    expected: BaseModel | None,
    batch: str | None,
) -> SaveResult:
    """Check and write one record inside the caller's transaction."""
    entity = _entity_of(doc)
    key: str = getattr(doc, "key")  # noqa: B009 - every editable document has a key
    current = await load_for_edit(session, entity, key, lock=True)
    await require_write(session, admin, entity.value, key, current, doc)
    if current != expected:
        raise EditConflictError(entity.value, key, preview_changes(expected, current))
    changes = preview_changes(current, doc)
    if not changes:
        return SaveResult(entity.value, key, None, [], None)
    await write_state(session, entity, key, doc, seen=current, writer=admin)
    action = AuditAction.CREATE if current is None else AuditAction.UPDATE
    entry_id = await add_entry_now(
        session,
        NewEntry(
            actor=admin.actor,
            action=action,
            entity=entity.value,
            key=key,
            before=doc_json(current),
            after=doc_json(doc),
            batch=batch,
        ),
    )
    return SaveResult(entity.value, key, action, changes, entry_id)


async def delete_record(
    session: AsyncSession, entity: str, key: str, admin: Admin, expected: BaseModel | None
) -> SaveResult:
    """Delete a record the admin confirmed, if unchanged since; audited with its full state.

    A place or source still referred to is refused with RecordInUseError, listing the users.
    """
    if Entity(entity) not in EDITABLE:
        raise TypeError(f"{entity} records are not deleted by admins")
    async with writing(session):
        current = await load_for_edit(session, entity, key, lock=True)
        if current is None:
            raise RecordNotFoundError(entity, key)
        await require_write(session, admin, entity, key, current, None)
        if current != expected:
            raise EditConflictError(entity, key, preview_changes(expected, current))
        await write_state(session, entity, key, None, seen=current, writer=admin)
        entry_id = await add_entry_now(
            session,
            NewEntry(
                actor=admin.actor,
                action=AuditAction.DELETE,
                entity=entity,
                key=key,
                before=doc_json(current),
                after=None,
            ),
        )
        return SaveResult(
            entity, key, AuditAction.DELETE, preview_changes(current, None), entry_id
        )
