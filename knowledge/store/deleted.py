"""Records deleted from the knowledge base, as the audit log remembers them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.vocabulary import AuditAction
from knowledge.store import models


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
