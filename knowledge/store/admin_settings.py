"""The administrative settings table: named text values (the log chat, the notifiers' cursors).

Values are read and written as plain strings; their meaning is knowledge.admin.config's.
"""

from __future__ import annotations

from sqlalchemy import CursorResult, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models


async def get_setting(session: AsyncSession, key: str) -> str | None:
    """A setting's stored value, or None when it was never set."""
    row = await session.get(models.AdminSettingRow, key, populate_existing=True)
    return None if row is None else row.value


async def put_setting(session: AsyncSession, key: str, value: str | None) -> None:
    """Store (or with None, remove) a setting in the session's transaction; not committed."""
    row = await session.get(models.AdminSettingRow, key)
    if value is None:
        if row is not None:
            await session.delete(row)
    elif row is None:
        session.add(models.AdminSettingRow(key=key, value=value))
    else:
        row.value = value
    await session.flush()


async def move_cursor_from(session: AsyncSession, name: str, seen: int, up_to: int) -> bool:
    """Move the cursor setting `name` from `seen` to `up_to` inside the caller's write
    transaction; False when its value is no longer `seen` (another writer moved it). One
    conditional update, so of two writers that read the same value only one moves it."""
    result = await session.execute(
        update(models.AdminSettingRow)
        .where(models.AdminSettingRow.key == name, models.AdminSettingRow.value == str(seen))
        .values(value=str(up_to))
    )
    return isinstance(result, CursorResult) and result.rowcount == 1
