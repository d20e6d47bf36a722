"""The audit log read back as changes, and undoing a change or a whole import."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import (
    Admin,
    AdminError,
    FieldChange,
    audit,
    field_changes,
)
from knowledge.admin.editing import (
    Entity,
    doc_json,
    load_for_edit,
    parse_doc,
    preview_changes,
    write_state,
)
from knowledge.admin.permissions import EDITOR_ENTITY, grants_of
from knowledge.facts.vocabulary import AuditAction
from knowledge.store import models
from knowledge.store.engines import writing
from knowledge.store.models import aware
from knowledge.store.rights import SHARED_ENTITIES, Writer, citing_hromadas, require_write


@dataclass(frozen=True)
class Change:
    """One audited change: who, when, what, and the fields it changed."""

    id: int
    at: dt.datetime
    actor: str
    batch: str | None
    action: str
    entity: str
    key: str
    changes: list[FieldChange]


def _change(entry: models.AuditEntryRow) -> Change:
    return Change(
        id=entry.id,
        at=aware(entry.at),
        actor=entry.actor,
        batch=entry.batch,
        action=entry.action,
        entity=entry.entity,
        key=entry.entity_key,
        changes=field_changes(entry.before, entry.after),
    )


def change_of(entry: models.AuditEntryRow) -> Change:
    """An audit entry read as a change."""
    return _change(entry)


_PAGE = 200
# Records that belong to one hromada, which their audited JSON names as "hromada".
_OWNED = (Entity.AGREEMENT, Entity.AID, Entity.ACTIVITY, Entity.PROGRAMME)


class _Scope:
    """What a viewer holding some hromadas may see of the audit log: their hromadas' records,
    the places and sources those cite, and their own editing rights."""

    def __init__(self, session: AsyncSession, user_id: int, hromadas: set[str]) -> None:
        self.session = session
        self.user_id = user_id
        self.hromadas = hromadas
        self._shared: dict[tuple[str, str], bool] = {}

    async def shows(self, entry: models.AuditEntryRow) -> bool:
        if entry.entity in _OWNED:
            owners = {(data or {}).get("hromada") for data in (entry.before, entry.after)}
            return bool(owners & self.hromadas)
        if entry.entity == Entity.HROMADA:
            return entry.entity_key in self.hromadas
        if entry.entity in SHARED_ENTITIES:
            shared = (entry.entity, entry.entity_key)
            if shared not in self._shared:
                citing = await citing_hromadas(self.session, *shared)
                self._shared[shared] = bool(citing & self.hromadas)
            return self._shared[shared]
        if entry.entity == EDITOR_ENTITY:
            return entry.entity_key.startswith(f"{self.user_id}:")
        return False


async def _scope_of(session: AsyncSession, viewer: Admin | None) -> _Scope | None:
    if viewer is None or viewer.user_id in viewer.super_admins:
        return None
    grants = await grants_of(session, viewer.user_id)
    if None in grants:
        return None
    return _Scope(session, viewer.user_id, {code for code in grants if code is not None})


async def recent_changes(
    session: AsyncSession,
    entity: str | None = None,
    key: str | None = None,
    limit: int = 10,
    *,
    viewer: Admin | None = None,
    entities: Sequence[str] | None = None,
) -> list[Change]:
    """The latest changes, newest first, of every record or of one entity or record (or of
    the `entities` named).

    With a `viewer` who holds only some hromadas, only what they may see: their hromadas'
    records, the places and sources those records cite, and their own rights (no one
    else's). Super-admins and all-hromada editors see everything.
    """
    scope = await _scope_of(session, viewer)
    query = select(models.AuditEntryRow).order_by(models.AuditEntryRow.id.desc())
    if entity is not None:
        query = query.where(models.AuditEntryRow.entity == entity)
    if key is not None:
        query = query.where(models.AuditEntryRow.entity_key == key)
    if entities is not None:
        query = query.where(models.AuditEntryRow.entity.in_(entities))
    if scope is None:
        return [_change(entry) for entry in await session.scalars(query.limit(limit))]
    shown: list[Change] = []
    before_id: int | None = None
    while len(shown) < limit:
        page_query = query.limit(_PAGE)
        if before_id is not None:
            page_query = page_query.where(models.AuditEntryRow.id < before_id)
        page = list((await session.scalars(page_query)).all())
        for entry in page:
            if len(shown) < limit and await scope.shows(entry):
                shown.append(_change(entry))
        if len(page) < _PAGE:
            break
        before_id = page[-1].id
    return shown


async def audit_since(session: AsyncSession, last_id: int, limit: int = 100) -> list[Change]:
    """The changes after the entry `last_id`, oldest first, for forwarding them in order."""
    query = (
        select(models.AuditEntryRow)
        .where(models.AuditEntryRow.id > last_id)
        .order_by(models.AuditEntryRow.id)
        .limit(limit)
    )
    return [_change(entry) for entry in await session.scalars(query)]


async def last_change_id(session: AsyncSession) -> int:
    """The id of the newest audit entry, 0 when there is none."""
    newest = await session.scalar(
        select(models.AuditEntryRow.id).order_by(models.AuditEntryRow.id.desc())
    )
    return newest or 0


class UndoRefusal(StrEnum):
    """Why a change cannot be undone."""

    NO_SUCH_CHANGE = "no_such_change"
    NOT_UNDOABLE = "not_undoable"
    CHANGED_SINCE = "changed_since"


class UndoRefusedError(AdminError):
    """The change cannot be undone; nothing was changed. `changes`: what changed since."""

    def __init__(
        self,
        refusal: UndoRefusal,
        change_id: int | None = None,
        entity: str | None = None,
        key: str | None = None,
        changes: list[FieldChange] | None = None,
    ) -> None:
        super().__init__(f"cannot undo {change_id}: {refusal.value} {entity} {key}")
        self.refusal = refusal
        self.change_id = change_id
        self.entity = entity
        self.key = key
        self.changes = changes or []


@dataclass(frozen=True)
class Restored:
    """One record an undo put back: what the undone change had done to it."""

    entity: str
    key: str
    undone_action: str
    changes: list[FieldChange]


@dataclass(frozen=True)
class UndoReport:
    """What an undo restored, newest change first, and the batch of its own audit entries."""

    restored: list[Restored]
    batch: str


async def _entries(
    session: AsyncSession, change_id: int | None, batch: str | None
) -> list[models.AuditEntryRow]:
    if change_id is not None:
        entry = await session.get(models.AuditEntryRow, change_id)
        return [] if entry is None else [entry]
    if batch is not None:
        query = (
            select(models.AuditEntryRow)
            .where(models.AuditEntryRow.batch == batch)
            .order_by(models.AuditEntryRow.id.desc())
        )
        return list((await session.scalars(query)).all())
    return []


async def undo(
    session: AsyncSession,
    admin: Admin,
    *,
    change_id: int | None = None,
    batch: str | None = None,
) -> UndoReport:
    """Put records back exactly as they were before a change, or before a whole batch.

    A batch is undone newest change first. A record changed since is refused with
    UndoRefusedError (and what changed); everything or nothing is undone, audited as "undo".
    """
    async with writing(session):
        return await _undo(session, admin, change_id, batch)


async def check_undo(
    session: AsyncSession,
    admin: Admin,
    *,
    change_id: int | None = None,
    batch: str | None = None,
) -> UndoReport:
    """What `undo` would do, found by doing it and rolling it back: every check and write of
    the real one runs, so a preview fails exactly where Confirm would (same errors raised)."""
    try:
        return await _undo(session, admin, change_id, batch)
    finally:
        await session.rollback()


async def _undo(
    session: AsyncSession, admin: Admin, change_id: int | None, batch: str | None
) -> UndoReport:
    own_batch = str(uuid.uuid4())
    entries = await _entries(session, change_id, batch)
    if not entries:
        raise UndoRefusedError(UndoRefusal.NO_SUCH_CHANGE, change_id)
    return UndoReport(await _restore(session, admin, entries, own_batch), own_batch)


async def last_entry_of_batch(session: AsyncSession, batch: str) -> int | None:
    """The id of the batch's newest audit entry (the one `/undo` names), or None for a batch
    that wrote nothing."""
    return await session.scalar(
        select(func.max(models.AuditEntryRow.id)).where(models.AuditEntryRow.batch == batch)
    )


async def batch_entry_ids(session: AsyncSession, batch: str) -> list[int]:
    """The ids of a batch's audit entries, newest first: the order they are undone in."""
    query = (
        select(models.AuditEntryRow.id)
        .where(models.AuditEntryRow.batch == batch)
        .order_by(models.AuditEntryRow.id.desc())
    )
    return list((await session.scalars(query)).all())


async def undo_entries(
    session: AsyncSession, writer: Writer, entry_ids: Sequence[int], own_batch: str
) -> list[Restored]:
    """Undo the audit entries `entry_ids`, newest first, in the caller's write transaction,
    audited as "undo" in `own_batch`; part of an undo written in several transactions.

    Raises UndoRefusedError when a record changed since (or an entry is gone), and the
    writer's refusal when it may not write a record; the caller rolls back.
    """
    query = (
        select(models.AuditEntryRow)
        .where(models.AuditEntryRow.id.in_(entry_ids))
        .order_by(models.AuditEntryRow.id.desc())
    )
    entries = list((await session.scalars(query)).all())
    if len(entries) != len(set(entry_ids)):
        raise UndoRefusedError(UndoRefusal.NO_SUCH_CHANGE)
    return await _restore(session, writer, entries, own_batch)


async def _restore(
    session: AsyncSession,
    admin: Writer,
    entries: Sequence[models.AuditEntryRow],
    own_batch: str,
) -> list[Restored]:
    restored: list[Restored] = []
    for entry in entries:
        if entry.entity not in set(Entity):
            raise UndoRefusedError(
                UndoRefusal.NOT_UNDOABLE, entry.id, entry.entity, entry.entity_key
            )
        before = parse_doc(entry.entity, entry.before)
        after = parse_doc(entry.entity, entry.after)
        current = await load_for_edit(session, entry.entity, entry.entity_key, lock=True)
        await require_write(session, admin, entry.entity, entry.entity_key, current, before)
        if current != after:
            raise UndoRefusedError(
                UndoRefusal.CHANGED_SINCE,
                entry.id,
                entry.entity,
                entry.entity_key,
                preview_changes(after, current),
            )
        await write_state(
            session, entry.entity, entry.entity_key, before, seen=current, writer=admin
        )
        audit(
            session,
            actor=admin.actor,
            action=AuditAction.UNDO,
            entity=entry.entity,
            key=entry.entity_key,
            before=doc_json(current),
            after=doc_json(before),
            batch=own_batch,
        )
        restored.append(
            Restored(
                entry.entity,
                entry.entity_key,
                entry.action,
                field_changes(entry.before, entry.after),
            )
        )
    await session.flush()
    return restored
