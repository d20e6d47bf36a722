"""How fresh the knowledge base is: its last recorded change."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models


async def last_change(session: AsyncSession) -> dt.datetime | None:
    """When the audit log last recorded a change."""
    return await session.scalar(select(func.max(models.AuditEntryRow.at)))
