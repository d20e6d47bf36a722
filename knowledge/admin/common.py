"""Pieces every admin service shares: the acting admin and their rights, transactions, audit
entries, diffs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store.audit_log import FieldChange as FieldChange
from knowledge.store.audit_log import field_changes as field_changes
from knowledge.store.editors import grants_of as grants_of


@dataclass(frozen=True)
class Admin:
    """Who is acting: a Telegram user id and the super-admins configured in the settings."""

    user_id: int
    super_admins: tuple[int, ...] = ()

    @property
    def actor(self) -> str:
        """How the audit log names this person."""
        return actor_name(self.user_id)

    async def require(self, session: AsyncSession, hromada_code: str | None) -> None:
        """Raise PermissionDeniedError unless this admin may edit the hromada's records
        (None: a shared record); the admin as a `knowledge.store.rights.Writer`."""
        await require_editor(session, self, hromada_code)

    async def may(self, session: AsyncSession, hromada_code: str | None) -> bool:
        """Whether this admin may edit the hromada's records, asked by a preview."""
        return await can_edit(session, self.user_id, hromada_code, self.super_admins)


def actor_name(user_id: int) -> str:
    """The audit log's name for a Telegram user."""
    return f"telegram:{user_id}"


Clock = Callable[[], dt.datetime]


def utc_now() -> dt.datetime:
    """The current moment, timezone-aware."""
    return dt.datetime.now(dt.UTC)


class AdminError(Exception):
    """A refused admin action; nothing was changed. The bot shows it as a translated message."""


class Refusal(StrEnum):
    """Why an admin action was refused."""

    NOT_AN_EDITOR = "not_an_editor"
    NOT_FOR_THIS_HROMADA = "not_for_this_hromada"
    NOT_A_SUPER_ADMIN = "not_a_super_admin"


class PermissionDeniedError(AdminError):
    """The person may not do this; nothing was changed."""

    def __init__(self, user_id: int, refusal: Refusal, hromada_code: str | None = None) -> None:
        super().__init__(f"user {user_id} refused: {refusal.value} {hromada_code or ''}".strip())
        self.user_id = user_id
        self.refusal = refusal
        self.hromada_code = hromada_code


class UnknownHromadaError(AdminError):
    """No hromada has this code."""

    def __init__(self, code: str) -> None:
        super().__init__(f"unknown hromada {code}")
        self.code = code


async def can_edit(
    session: AsyncSession, user_id: int, hromada_code: str | None, super_admins: tuple[int, ...]
) -> bool:
    """Whether the user may edit the hromada's records (hromada None: any shared record)."""
    if user_id in super_admins:
        return True
    grants = await grants_of(session, user_id)
    if hromada_code is None:
        return bool(grants)
    return None in grants or hromada_code in grants


async def require_editor(
    session: AsyncSession, admin: Admin, hromada_code: str | None = None
) -> None:
    """Raise PermissionDeniedError unless the admin may edit the hromada (checked as it acts)."""
    if await can_edit(session, admin.user_id, hromada_code, admin.super_admins):
        return
    refusal = Refusal.NOT_AN_EDITOR
    if hromada_code is not None and await grants_of(session, admin.user_id):
        refusal = Refusal.NOT_FOR_THIS_HROMADA
    raise PermissionDeniedError(admin.user_id, refusal, hromada_code)
