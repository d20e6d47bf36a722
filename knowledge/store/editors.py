"""The editors' grants: who may edit which hromada's records, as typed records, never ORM rows.

The admin services (rights checks, grant and revoke, who hears of a correction) build on them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models
from knowledge.store.models import aware


@dataclass(frozen=True)
class EditorGrant:
    """An editor's right: for one hromada, or for all of them when hromada_code is None."""

    user_id: int
    hromada_code: str | None
    hromada_name_uk: str | None
    hromada_name_en: str | None
    granted_by: int
    granted_at: dt.datetime


async def grants_of(session: AsyncSession, user_id: int) -> list[str | None]:
    """The hromadas a user was granted (None: every hromada); empty for a non-editor."""
    rows = await session.scalars(
        select(models.EditorRow.hromada_code).where(models.EditorRow.user_id == user_id)
    )
    return list(rows.all())


def add_grant(
    session: AsyncSession,
    user_id: int,
    hromada_code: str | None,
    granted_by: int,
    granted_at: dt.datetime,
) -> None:
    """Add the right to edit one hromada (None: all) to the session's transaction."""
    session.add(
        models.EditorRow(
            user_id=user_id,
            hromada_code=hromada_code,
            granted_by=granted_by,
            granted_at=granted_at,
        )
    )


async def remove_grants(
    session: AsyncSession, user_id: int, hromada_code: str | None
) -> list[str | None]:
    """Remove the user's right for one hromada, or every right of theirs when None; the
    hromadas of the rights removed (None: every hromada), in the order they were granted."""
    query = select(models.EditorRow).where(models.EditorRow.user_id == user_id)
    if hromada_code is not None:
        query = query.where(models.EditorRow.hromada_code == hromada_code)
    rows = list((await session.scalars(query.order_by(models.EditorRow.id))).all())
    for row in rows:
        await session.delete(row)
    return [row.hromada_code for row in rows]


async def all_grants(session: AsyncSession) -> list[EditorGrant]:
    """Every editor's grants with the hromada's names, by user then in the order granted."""
    rows = await session.execute(
        select(models.EditorRow, models.HromadaRow)
        .outerjoin(models.HromadaRow, models.HromadaRow.code == models.EditorRow.hromada_code)
        .order_by(models.EditorRow.user_id, models.EditorRow.id)
    )
    return [
        EditorGrant(
            user_id=editor.user_id,
            hromada_code=editor.hromada_code,
            hromada_name_uk=None if hromada is None else hromada.name_uk,
            hromada_name_en=None if hromada is None else hromada.name_en,
            granted_by=editor.granted_by,
            granted_at=aware(editor.granted_at),
        )
        for editor, hromada in rows
    ]


async def editor_ids(
    session: AsyncSession, hromada_code: str, *, with_all_hromadas: bool
) -> set[int]:
    """The users granted the hromada itself, and with `with_all_hromadas` those granted every
    hromada too."""
    granted = models.EditorRow.hromada_code == hromada_code
    if with_all_hromadas:
        granted = or_(granted, models.EditorRow.hromada_code.is_(None))
    rows = await session.scalars(select(models.EditorRow.user_id).where(granted))
    return set(rows.all())
