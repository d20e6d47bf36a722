"""Reminders before agreements end, sent once per threshold, and expiry of ended agreements."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import audit, utc_now
from knowledge.admin.editing import Entity, doc_json, with_changes, write_state
from knowledge.admin.permissions import editors_of
from knowledge.facts.records import Text
from knowledge.facts.terms import Expiry, expiry
from knowledge.facts.vocabulary import AgreementStatus, AuditAction
from knowledge.store import mapping, models
from knowledge.store.engines import writing
from knowledge.store.rights import SystemWriter

DEFAULT_THRESHOLDS = (90, 30, 7)
EXPIRY_ACTOR = "system:expiry"


@dataclass(frozen=True)
class Reminder:
    """An agreement ending soon, and who should hear about it.

    `thresholds` are every threshold crossed and not yet reminded of (one message covers them);
    `end` says whether the date is stated by a source or worked out from a term.
    """

    agreement_key: str
    hromada_code: str
    hromada: Text
    place: Text
    end: Expiry
    days_left: int
    thresholds: tuple[int, ...]
    recipients: list[int]


async def _active_agreements(session: AsyncSession) -> list[models.AgreementRow]:
    rows = await session.scalars(
        select(models.AgreementRow)
        .where(models.AgreementRow.status == AgreementStatus.ACTIVE.value)
        .order_by(models.AgreementRow.key)
        .execution_options(populate_existing=True)
    )
    return list(rows.all())


async def _sent(session: AsyncSession, key: str, valid_until: str) -> set[int]:
    rows = await session.scalars(
        select(models.ReminderSentRow.threshold_days).where(
            models.ReminderSentRow.agreement_key == key,
            models.ReminderSentRow.valid_until == valid_until,
        )
    )
    return set(rows.all())


async def due_reminders(
    session: AsyncSession,
    today: dt.date,
    thresholds: tuple[int, ...] = DEFAULT_THRESHOLDS,
    super_admins: tuple[int, ...] = (),
) -> list[Reminder]:
    """Active agreements whose end is within a threshold not yet reminded of for that end.

    Days are counted to the first day the end date may stand for (1 January for a bare year),
    so a reminder comes early rather than late. A changed end date starts the thresholds anew.
    """
    reminders = []
    for row in await _active_agreements(session):
        end = expiry(row)
        if end is None:
            continue
        days_left = (end.until.earliest() - today).days
        if days_left < 0:
            continue
        crossed = {threshold for threshold in thresholds if days_left <= threshold}
        due = crossed - await _sent(session, row.key, end.until.isoformat())
        if not due:
            continue
        hromada = await session.get(models.HromadaRow, row.hromada_code)
        if hromada is None:  # the foreign key makes this impossible; mypy cannot know
            continue
        reminders.append(
            Reminder(
                agreement_key=row.key,
                hromada_code=row.hromada_code,
                hromada=Text(hromada.name_uk, hromada.name_en),
                place=Text(row.place.name_uk, row.place.name_en),
                end=end,
                days_left=days_left,
                thresholds=tuple(sorted(due)),
                recipients=await editors_of(session, row.hromada_code, super_admins),
            )
        )
    return reminders


async def mark_sent(
    session: AsyncSession, reminder: Reminder, at: dt.datetime | None = None
) -> None:
    """Remember the reminder was sent, so none of its thresholds fires again for that end."""
    async with writing(session):
        for threshold in reminder.thresholds:
            session.add(
                models.ReminderSentRow(
                    agreement_key=reminder.agreement_key,
                    threshold_days=threshold,
                    valid_until=reminder.end.until.isoformat(),
                    sent_at=at or utc_now(),
                )
            )


async def claim(session: AsyncSession, reminder: Reminder, at: dt.datetime | None = None) -> bool:
    """Record the reminder as sent before sending it; False when another sender already did.

    The unique constraint on (agreement, threshold, end) decides between two senders that
    found the same reminder due at once: only one of them may go on and send it.
    """
    try:
        await mark_sent(session, reminder, at)
    except IntegrityError:
        await session.rollback()
        return False
    return True


async def expire_agreements(
    session: AsyncSession, today: dt.date, actor: str = EXPIRY_ACTOR
) -> list[str]:
    """Mark as expired the active agreements whose stated end has passed; their keys.

    The rule: only an end a source states (valid until, or an extension's valid until) counts,
    and only once every day it may stand for is over (a bare "2025" ends after 31 December).
    An end worked out from a term is not enough: agreements often renew themselves unless
    terminated, so residents would be told a living partnership ended. Those only get reminders.
    """
    expired = []
    batch = str(uuid.uuid4())
    writer = SystemWriter(actor)
    async with writing(session):
        for row in await _active_agreements(session):
            end = expiry(row)
            if end is None or end.estimated or end.until.latest() >= today:
                continue
            before = mapping.agreement_doc(row)
            after = with_changes(before, status=AgreementStatus.EXPIRED)
            await write_state(
                session, Entity.AGREEMENT, row.key, after, seen=before, writer=writer
            )
            audit(
                session,
                actor=actor,
                action=AuditAction.UPDATE,
                entity=Entity.AGREEMENT.value,
                key=row.key,
                before=doc_json(before),
                after=doc_json(after),
                batch=batch,
            )
            expired.append(row.key)
    return expired
