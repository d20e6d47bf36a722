"""Queries of the audit log: its entries read back as typed records, never ORM rows.

The admin services (history, undo, forwarding to the log chat) build on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

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
