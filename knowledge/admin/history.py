"""The audit log read back as changes, and undoing a change or a whole import."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import Admin, AdminError, FieldChange
from knowledge.admin.editing import (
    doc_json,
    load_for_edit,
    parse_doc,
    preview_changes,
    write_state,
)
from knowledge.admin.permissions import EDITOR_ENTITY, grants_of
from knowledge.facts.vocabulary import AuditAction, Entity
from knowledge.store import audit_log
from knowledge.store.audit_log import AuditEntry, NewEntry, add_entry
from knowledge.store.audit_log import Change as Change
from knowledge.store.engines import writing
from knowledge.store.rights import SHARED_ENTITIES, Writer, citing_hromadas, require_write

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

    async def shows(self, entry: AuditEntry) -> bool:
        if entry.entity in _OWNED:
            owners = {(data or {}).get("hromada") for data in (entry.before, entry.after)}
            return bool(owners & self.hromadas)
        if entry.entity == Entity.HROMADA:
            return entry.key in self.hromadas
        if entry.entity in SHARED_ENTITIES:
            shared = (entry.entity, entry.key)
            if shared not in self._shared:
                citing = await citing_hromadas(self.session, *shared)
                self._shared[shared] = bool(citing & self.hromadas)
            return self._shared[shared]
        if entry.entity == EDITOR_ENTITY:
            return entry.key.startswith(f"{self.user_id}:")
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
    latest = partial(audit_log.latest_entries, session, entity=entity, key=key, entities=entities)
    if scope is None:
        return [entry.change for entry in await latest(limit)]
    shown: list[Change] = []
    before_id: int | None = None
    while len(shown) < limit:
        page = await latest(_PAGE, before_id=before_id)
        for entry in page:
            if len(shown) < limit and await scope.shows(entry):
                shown.append(entry.change)
        if len(page) < _PAGE:
            break
        before_id = page[-1].id
    return shown


async def audit_since(session: AsyncSession, last_id: int, limit: int = 100) -> list[Change]:
    """The changes after the entry `last_id`, oldest first, for forwarding them in order."""
    return [entry.change for entry in await audit_log.entries_since(session, last_id, limit)]


async def last_change_id(session: AsyncSession) -> int:
    """The id of the newest audit entry, 0 when there is none."""
    return await audit_log.last_entry_id(session)


async def audited_change(session: AsyncSession, change_id: int) -> Change | None:
    """One change of the audit log by its number."""
    entry = await audit_log.entry_by_id(session, change_id)
    return None if entry is None else entry.change


async def batch_changes(session: AsyncSession, batch: str) -> list[Change]:
    """The changes made together in one batch, newest first."""
    return [entry.change for entry in await audit_log.batch_entries(session, batch)]


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
) -> list[AuditEntry]:
    if change_id is not None:
        entry = await audit_log.entry_by_id(session, change_id)
        return [] if entry is None else [entry]
    if batch is not None:
        return await audit_log.batch_entries(session, batch)
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
    return await audit_log.last_entry_of_batch(session, batch)


async def batch_entry_ids(session: AsyncSession, batch: str) -> list[int]:
    """The ids of a batch's audit entries, newest first: the order they are undone in."""
    return await audit_log.batch_entry_ids(session, batch)


async def undo_entries(
    session: AsyncSession, writer: Writer, entry_ids: Sequence[int], own_batch: str
) -> list[Restored]:
    """Undo the audit entries `entry_ids`, newest first, in the caller's write transaction,
    audited as "undo" in `own_batch`; part of an undo written in several transactions.

    Raises UndoRefusedError when a record changed since (or an entry is gone), and the
    writer's refusal when it may not write a record; the caller rolls back.
    """
    entries = await audit_log.entries_by_ids(session, entry_ids)
    if len(entries) != len(set(entry_ids)):
        raise UndoRefusedError(UndoRefusal.NO_SUCH_CHANGE)
    return await _restore(session, writer, entries, own_batch)


async def _restore(
    session: AsyncSession,
    admin: Writer,
    entries: Sequence[AuditEntry],
    own_batch: str,
) -> list[Restored]:
    restored: list[Restored] = []
    for entry in entries:
        if entry.entity not in set(Entity):
            raise UndoRefusedError(UndoRefusal.NOT_UNDOABLE, entry.id, entry.entity, entry.key)
        before = parse_doc(entry.entity, entry.before)
        after = parse_doc(entry.entity, entry.after)
        current = await load_for_edit(session, entry.entity, entry.key, lock=True)
        await require_write(session, admin, entry.entity, entry.key, current, before)
        if current != after:
            raise UndoRefusedError(
                UndoRefusal.CHANGED_SINCE,
                entry.id,
                entry.entity,
                entry.key,
                preview_changes(after, current),
            )
        await write_state(session, entry.entity, entry.key, before, seen=current, writer=admin)
        add_entry(
            session,
            NewEntry(
                actor=admin.actor,
                action=AuditAction.UNDO,
                entity=entry.entity,
                key=entry.key,
                before=doc_json(current),
                after=doc_json(before),
                batch=own_batch,
            ),
        )
        restored.append(
            Restored(
                entry.entity,
                entry.key,
                entry.action,
                entry.change.changes,
            )
        )
    await session.flush()
    return restored
