"""Who may edit: super-admins from the settings, and the editors they grant, audited."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import (
    Admin,
    PermissionDeniedError,
    Refusal,
    UnknownHromadaError,
    audit,
    can_edit,
    grants_of,
    require_editor,
    utc_now,
)
from knowledge.facts.vocabulary import AuditAction
from knowledge.store import models
from knowledge.store.engines import writing
from knowledge.store.models import aware

EDITOR_ENTITY = "editor"
# The right checks live in `common`, beside `Admin`, which uses them; they are named here too.
__all__ = [
    "EDITOR_ENTITY",
    "AdminList",
    "EditorGrant",
    "PermissionDeniedError",
    "Refusal",
    "UnknownHromadaError",
    "can_edit",
    "editors_of",
    "grant",
    "grants_of",
    "list_admins",
    "require_editor",
    "require_super_admin",
    "revoke",
]


@dataclass(frozen=True)
class EditorGrant:
    """An editor's right: for one hromada, or for all of them when hromada_code is None."""

    user_id: int
    hromada_code: str | None
    hromada_name_uk: str | None
    hromada_name_en: str | None
    granted_by: int
    granted_at: dt.datetime


@dataclass(frozen=True)
class AdminList:
    """Everyone who may edit: the configured super-admins and the granted editors."""

    super_admins: tuple[int, ...]
    editors: list[EditorGrant]


def require_super_admin(admin: Admin) -> None:
    """Raise PermissionDeniedError unless the admin is a configured super-admin."""
    if admin.user_id not in admin.super_admins:
        raise PermissionDeniedError(admin.user_id, Refusal.NOT_A_SUPER_ADMIN)


def _grant_json(user_id: int, hromada_code: str | None) -> dict[str, int | str | None]:
    return {"user_id": user_id, "hromada": hromada_code}


def _key(user_id: int, hromada_code: str | None) -> str:
    return f"{user_id}:{hromada_code or '*'}"


async def grant(
    session: AsyncSession, admin: Admin, user_id: int, hromada_code: str | None = None
) -> bool:
    """Let the user edit one hromada (or all); False if they already had that right."""
    require_super_admin(admin)
    async with writing(session):
        if hromada_code is not None and await session.get(models.HromadaRow, hromada_code) is None:
            raise UnknownHromadaError(hromada_code)
        if hromada_code in await grants_of(session, user_id):
            return False
        now = utc_now()
        session.add(
            models.EditorRow(
                user_id=user_id,
                hromada_code=hromada_code,
                granted_by=admin.user_id,
                granted_at=now,
            )
        )
        audit(
            session,
            actor=admin.actor,
            action=AuditAction.GRANT,
            entity=EDITOR_ENTITY,
            key=_key(user_id, hromada_code),
            before=None,
            after=_grant_json(user_id, hromada_code),
            at=now,
        )
    return True


async def revoke(
    session: AsyncSession, admin: Admin, user_id: int, hromada_code: str | None = None
) -> int:
    """Take away the user's right for one hromada, or every right when hromada is None."""
    require_super_admin(admin)
    async with writing(session):
        query = select(models.EditorRow).where(models.EditorRow.user_id == user_id)
        if hromada_code is not None:
            query = query.where(models.EditorRow.hromada_code == hromada_code)
        rows = list((await session.scalars(query.order_by(models.EditorRow.id))).all())
        for row in rows:
            await session.delete(row)
            audit(
                session,
                actor=admin.actor,
                action=AuditAction.REVOKE,
                entity=EDITOR_ENTITY,
                key=_key(user_id, row.hromada_code),
                before=_grant_json(user_id, row.hromada_code),
                after=None,
            )
    return len(rows)


async def list_admins(session: AsyncSession, super_admins: tuple[int, ...]) -> AdminList:
    """The super-admins and every editor's grants, by user then hromada."""
    rows = await session.execute(
        select(models.EditorRow, models.HromadaRow)
        .outerjoin(models.HromadaRow, models.HromadaRow.code == models.EditorRow.hromada_code)
        .order_by(models.EditorRow.user_id, models.EditorRow.id)
    )
    editors = [
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
    return AdminList(super_admins=tuple(sorted(set(super_admins))), editors=editors)


async def editors_of(
    session: AsyncSession, hromada_code: str, super_admins: tuple[int, ...]
) -> list[int]:
    """Everyone who may edit the hromada: its editors, all-hromada editors and super-admins."""
    rows = await session.scalars(
        select(models.EditorRow.user_id).where(
            or_(
                models.EditorRow.hromada_code == hromada_code,
                models.EditorRow.hromada_code.is_(None),
            )
        )
    )
    return sorted(set(rows.all()) | set(super_admins))
