"""How fresh the knowledge base is: its last recorded change."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store.audit_log import last_change_at


async def last_change(session: AsyncSession) -> dt.datetime | None:
    """When the audit log last recorded a change."""
    return await last_change_at(session)
