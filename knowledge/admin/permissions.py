"""Who may edit: super-admins from the settings, and the editors they grant, audited."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import (
    Admin,
    PermissionDeniedError,
    Refusal,
    UnknownHromadaError,
    can_edit,
    grants_of,
    require_editor,
    utc_now,
)
from knowledge.facts.vocabulary import AuditAction
from knowledge.store.audit_log import NewEntry, add_entry
from knowledge.store.editors import EditorGrant, add_grant, all_grants, editor_ids, remove_grants
from knowledge.store.engines import writing
from knowledge.store.registry import hromada_exists

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
        if hromada_code is not None and not await hromada_exists(session, hromada_code):
            raise UnknownHromadaError(hromada_code)
        if hromada_code in await grants_of(session, user_id):
            return False
        now = utc_now()
        add_grant(session, user_id, hromada_code, admin.user_id, now)
        add_entry(
            session,
            NewEntry(
                actor=admin.actor,
                action=AuditAction.GRANT,
                entity=EDITOR_ENTITY,
                key=_key(user_id, hromada_code),
                before=None,
                after=_grant_json(user_id, hromada_code),
                at=now,
            ),
        )
    return True


async def revoke(
    session: AsyncSession, admin: Admin, user_id: int, hromada_code: str | None = None
) -> int:
    """Take away the user's right for one hromada, or every right when hromada is None."""
    require_super_admin(admin)
    async with writing(session):
        removed = await remove_grants(session, user_id, hromada_code)
        for code in removed:
            add_entry(
                session,
                NewEntry(
                    actor=admin.actor,
                    action=AuditAction.REVOKE,
                    entity=EDITOR_ENTITY,
                    key=_key(user_id, code),
                    before=_grant_json(user_id, code),
                    after=None,
                ),
            )
    return len(removed)


async def list_admins(session: AsyncSession, super_admins: tuple[int, ...]) -> AdminList:
    """The super-admins and every editor's grants, by user then hromada."""
    editors = await all_grants(session)
    return AdminList(super_admins=tuple(sorted(set(super_admins))), editors=editors)


async def editors_of(
    session: AsyncSession, hromada_code: str, super_admins: tuple[int, ...]
) -> list[int]:
    """Everyone who may edit the hromada: its editors, all-hromada editors and super-admins."""
    editors = await editor_ids(session, hromada_code, with_all_hromadas=True)
    return sorted(editors | set(super_admins))
