"""Pieces every admin service shares: the acting admin, transactions, audit entries, diffs."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.vocabulary import AuditAction
from knowledge.store import models
from knowledge.store.engines import writing


@dataclass(frozen=True)
class Admin:
    """Who is acting: a Telegram user id and the super-admins configured in the settings."""

    user_id: int
    super_admins: tuple[int, ...] = ()

    @property
    def actor(self) -> str:
        """How the audit log names this person."""
        return actor_name(self.user_id)


def actor_name(user_id: int) -> str:
    """The audit log's name for a Telegram user."""
    return f"telegram:{user_id}"


@dataclass(frozen=True)
class FieldChange:
    """One field that differs between two versions of a record (dotted path, JSON values)."""

    field: str
    before: Any
    after: Any


Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The current moment, timezone-aware."""
    return dt.datetime.now(dt.UTC)


def aware(moment: dt.datetime) -> dt.datetime:
    """The moment with its time zone; SQLite hands stored UTC moments back without one."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)


@asynccontextmanager
async def atomic(session: AsyncSession) -> AsyncIterator[None]:
    """Commit what the block did, or roll all of it back if the block fails (a write
    transaction of its own, see `knowledge.store.engines.writing`)."""
    async with writing(session):
        yield


def audit(
    session: AsyncSession,
    *,
    actor: str,
    action: AuditAction,
    entity: str,
    key: str,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    batch: str | None = None,
    at: dt.datetime | None = None,
) -> models.AuditEntryRow:
    """Add an audit entry to the session's transaction."""
    entry = models.AuditEntryRow(
        at=at or utc_now(),
        actor=actor,
        batch=batch,
        action=action.value,
        entity=entity,
        entity_key=key,
        before=before,
        after=after,
    )
    session.add(entry)
    return entry


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


class AdminError(Exception):
    """A refused admin action; nothing was changed. The bot shows it as a translated message."""
