"""The audit log's one owner: entries written, and read back as typed records, never ORM rows.

Every write that is audited (an admin's save, a load, a chat moved, an undo) adds its entry
here; the admin services (history, undo, forwarding to the log chat) and the import's
refusals of deleted records read them back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.vocabulary import AuditAction
from knowledge.store import models
from knowledge.store.models import aware


@dataclass(frozen=True)
class FieldChange:
    """One field that differs between two versions of a record (dotted path, JSON values)."""

    field: str
    before: Any
    after: Any


def _flatten(value: Any, prefix: str, into: dict[str, Any]) -> None:
    if isinstance(value, dict) and value:
        for name, item in value.items():
            _flatten(item, f"{prefix}.{name}" if prefix else str(name), into)
    elif isinstance(value, list) and value and any(isinstance(v, dict) for v in value):
        for position, item in enumerate(value):
            _flatten(item, f"{prefix}.{position + 1}", into)
    else:
        into[prefix] = value


def field_changes(
    before: dict[str, Any] | None, after: dict[str, Any] | None
) -> list[FieldChange]:
    """The fields that differ between two JSON forms of a record, in a stable order."""
    old: dict[str, Any] = {}
    new: dict[str, Any] = {}
    for data, into in ((before, old), (after, new)):
        for name, value in (data or {}).items():
            _flatten(value, name, into)
    names = list(old) + [name for name in new if name not in old]
    return [
        FieldChange(name, old.get(name), new.get(name))
        for name in names
        if old.get(name) != new.get(name)
    ]


@dataclass(frozen=True)
class Audited:
    """Who changed which record, when (timezone-aware) and how: what every audit entry says,
    read as a change or as stored alike."""

    id: int
    at: dt.datetime
    actor: str
    batch: str | None
    action: str
    entity: str
    key: str


def _audited(entry: Audited) -> dict[str, Any]:
    """The fields `Audited` declares, by name, as `entry` holds them."""
    return {field.name: getattr(entry, field.name) for field in fields(Audited)}


@dataclass(frozen=True)
class Change(Audited):
    """One audited change: who, when, what, and the fields it changed."""

    changes: list[FieldChange]


@dataclass(frozen=True)
class AuditEntry(Audited):
    """One audit entry as stored: the change and the record's JSON before and after it
    (None where the record did not exist), which an undo puts back."""

    before: dict[str, Any] | None
    after: dict[str, Any] | None

    @property
    def change(self) -> Change:
        """The entry read as a change, its fields compared."""
        return Change(**_audited(self), changes=field_changes(self.before, self.after))


def _entry(row: models.AuditEntryRow) -> AuditEntry:
    return AuditEntry(
        id=row.id,
        at=aware(row.at),
        actor=row.actor,
        batch=row.batch,
        action=row.action,
        entity=row.entity,
        key=row.entity_key,
        before=row.before,
        after=row.after,
    )


async def _entries(session: AsyncSession, query: Select[models.AuditEntryRow]) -> list[AuditEntry]:
    return [_entry(row) for row in await session.scalars(query)]


async def latest_entries(
    session: AsyncSession,
    limit: int,
    *,
    entity: str | None = None,
    key: str | None = None,
    entities: Sequence[str] | None = None,
    before_id: int | None = None,
) -> list[AuditEntry]:
    """Up to `limit` entries, newest first, of every record or of one entity or record (or of
    the `entities` named), those older than the entry `before_id` when it is given."""
    query = select(models.AuditEntryRow).order_by(models.AuditEntryRow.id.desc())
    if entity is not None:
        query = query.where(models.AuditEntryRow.entity == entity)
    if key is not None:
        query = query.where(models.AuditEntryRow.entity_key == key)
    if entities is not None:
        query = query.where(models.AuditEntryRow.entity.in_(entities))
    if before_id is not None:
        query = query.where(models.AuditEntryRow.id < before_id)
    return await _entries(session, query.limit(limit))


async def entries_since(session: AsyncSession, last_id: int, limit: int) -> list[AuditEntry]:
    """Up to `limit` entries after the entry `last_id`, oldest first."""
    query = (
        select(models.AuditEntryRow)
        .where(models.AuditEntryRow.id > last_id)
        .order_by(models.AuditEntryRow.id)
        .limit(limit)
    )
    return await _entries(session, query)


async def created_entries(
    session: AsyncSession,
    entities: Collection[str],
    *,
    after_id: int | None = None,
    since: dt.datetime | None = None,
    leaving_out: str | None = None,
    limit: int | None = None,
) -> list[AuditEntry]:
    """The entries that created records of the kinds `entities` (audit names), oldest first:
    those after the entry `after_id`, at or after the moment `since`, by anyone but the actor
    `leaving_out`, at most `limit`, each only when given."""
    table = models.AuditEntryRow
    query = (
        select(table)
        .where(table.action == AuditAction.CREATE.value, table.entity.in_(entities))
        .order_by(table.id)
    )
    if after_id is not None:
        query = query.where(table.id > after_id)
    if since is not None:
        query = query.where(table.at >= since)
    if leaving_out is not None:
        query = query.where(table.actor != leaving_out)
    if limit is not None:
        query = query.limit(limit)
    return await _entries(session, query)


async def last_actors(session: AsyncSession, entity: str, keys: Sequence[str]) -> dict[str, str]:
    """The actor of the latest entry of each of the `entity` records `keys` that has one."""
    table = models.AuditEntryRow
    latest: dict[str, str] = {}
    for start in range(0, len(keys), 500):
        rows = await session.execute(
            select(table.entity_key, table.actor)
            .where(table.entity == entity, table.entity_key.in_(keys[start : start + 500]))
            .order_by(table.id)
        )
        for key, actor in rows:
            latest[key] = actor
    return latest


async def last_change_at(session: AsyncSession) -> dt.datetime | None:
    """When the latest entry was written (as stored), None when there is none."""
    return await session.scalar(select(func.max(models.AuditEntryRow.at)))


async def entry_count(session: AsyncSession) -> int:
    """How many entries the log holds."""
    return await session.scalar(select(func.count()).select_from(models.AuditEntryRow)) or 0


async def last_entry_id(session: AsyncSession) -> int:
    """The id of the newest audit entry, 0 when there is none."""
    newest = await session.scalar(
        select(models.AuditEntryRow.id).order_by(models.AuditEntryRow.id.desc())
    )
    return newest or 0


async def entry_by_id(session: AsyncSession, entry_id: int) -> AuditEntry | None:
    """The audit entry numbered `entry_id`, None when there is none."""
    row = await session.get(models.AuditEntryRow, entry_id)
    return None if row is None else _entry(row)


async def entries_by_ids(session: AsyncSession, entry_ids: Sequence[int]) -> list[AuditEntry]:
    """The audit entries numbered `entry_ids` that exist, newest first."""
    query = (
        select(models.AuditEntryRow)
        .where(models.AuditEntryRow.id.in_(entry_ids))
        .order_by(models.AuditEntryRow.id.desc())
    )
    return await _entries(session, query)


async def batch_entries(session: AsyncSession, batch: str) -> list[AuditEntry]:
    """The entries written together in one batch, newest first."""
    query = (
        select(models.AuditEntryRow)
        .where(models.AuditEntryRow.batch == batch)
        .order_by(models.AuditEntryRow.id.desc())
    )
    return await _entries(session, query)


async def batch_entry_ids(session: AsyncSession, batch: str) -> list[int]:
    """The ids of a batch's audit entries, newest first: the order they are undone in."""
    query = (
        select(models.AuditEntryRow.id)
        .where(models.AuditEntryRow.batch == batch)
        .order_by(models.AuditEntryRow.id.desc())
    )
    return list((await session.scalars(query)).all())


async def last_entry_of_batch(session: AsyncSession, batch: str) -> int | None:
    """The id of the batch's newest audit entry, None for a batch that wrote nothing."""
    return await session.scalar(
        select(func.max(models.AuditEntryRow.id)).where(models.AuditEntryRow.batch == batch)
    )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


@dataclass(frozen=True)
class NewEntry:
    """An audit entry to write: who changed which record how, the record's JSON before and
    after the change (None where it did not exist), the batch it belongs to, and when
    (timezone-aware; the moment the entry is made unless given)."""

    actor: str
    action: AuditAction
    entity: str
    key: str
    before: dict[str, Any] | None
    after: dict[str, Any] | None
    batch: str | None = None
    at: dt.datetime = field(default_factory=_now)


def add_entry(session: AsyncSession, entry: NewEntry) -> None:
    """Add an audit entry to the session's transaction; written with its next flush or
    commit."""
    session.add(_row(entry))


async def add_entry_now(session: AsyncSession, entry: NewEntry) -> int:
    """Add an audit entry as `add_entry` does and flush the session's writes at once; the new
    entry's id. Raises what the flush raises (a constraint refused)."""
    row = _row(entry)
    session.add(row)
    await session.flush()
    return row.id


def _row(entry: NewEntry) -> models.AuditEntryRow:
    return models.AuditEntryRow(
        at=entry.at,
        actor=entry.actor,
        batch=entry.batch,
        action=entry.action.value,
        entity=entry.entity,
        entity_key=entry.key,
        before=entry.before,
        after=entry.after,
    )


async def deleted_records(session: AsyncSession, entity: str) -> dict[str, dict[str, Any]]:
    """Each key of an `entity` record ("agreement", "aid"…) whose last audit entry is a
    delete → that entry's `before`: the record as it was when deleted (its JSON document).

    Read from `audit_log` in the session's transaction. A key written again after its delete
    (its last entry a create) is not in it.
    """
    table = models.AuditEntryRow
    last = select(func.max(table.id)).where(table.entity == entity).group_by(table.entity_key)
    entries = await session.scalars(
        select(table).where(table.id.in_(last), table.action == AuditAction.DELETE.value)
    )
    return {entry.entity_key: dict(entry.before or {}) for entry in entries}


async def deleted_agreements(session: AsyncSession) -> dict[str, tuple[str, str]]:
    """Each deleted agreement's key → its hromada code and partner place key, as deleted."""
    deleted: dict[str, tuple[str, str]] = {}
    for key, before in (await deleted_records(session, "agreement")).items():
        hromada, place = before.get("hromada"), before.get("place")
        if isinstance(hromada, str) and isinstance(place, str):
            deleted[key] = (hromada, place)
    return deleted


async def deleted_aid(session: AsyncSession) -> dict[str, str]:
    """Each deleted aid record's key → its hromada code, as deleted."""
    return {
        key: before["hromada"]
        for key, before in (await deleted_records(session, "aid")).items()
        if isinstance(before.get("hromada"), str)
    }
