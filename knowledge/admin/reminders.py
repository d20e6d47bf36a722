"""Reminders before agreements end, sent once per threshold, and expiry of ended agreements."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import utc_now
from knowledge.admin.editing import doc_json, with_changes, write_state
from knowledge.admin.permissions import editors_of
from knowledge.facts.records import Text
from knowledge.facts.terms import Expiry, expiry
from knowledge.facts.vocabulary import AgreementStatus, AuditAction, Entity
from knowledge.store.audit_log import NewEntry, add_entry
from knowledge.store.engines import writing
from knowledge.store.reminders_sent import active_agreements, add_sent, sent_thresholds
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
    for agreement in await active_agreements(session):
        doc = agreement.doc
        end = expiry(doc)
        if end is None:
            continue
        days_left = (end.until.earliest() - today).days
        if days_left < 0:
            continue
        crossed = {threshold for threshold in thresholds if days_left <= threshold}
        due = crossed - await sent_thresholds(session, doc.key, end.until.isoformat())
        if not due:
            continue
        reminders.append(
            Reminder(
                agreement_key=doc.key,
                hromada_code=doc.hromada,
                hromada=agreement.hromada,
                place=agreement.place,
                end=end,
                days_left=days_left,
                thresholds=tuple(sorted(due)),
                recipients=await editors_of(session, doc.hromada, super_admins),
            )
        )
    return reminders


async def mark_sent(
    session: AsyncSession, reminder: Reminder, at: dt.datetime | None = None
) -> None:
    """Remember the reminder was sent, so none of its thresholds fires again for that end."""
    async with writing(session):
        for threshold in reminder.thresholds:
            add_sent(
                session,
                reminder.agreement_key,
                threshold,
                reminder.end.until.isoformat(),
                at or utc_now(),
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
        for agreement in await active_agreements(session):
            before = agreement.doc
            end = expiry(before)
            if end is None or end.estimated or end.until.latest() >= today:
                continue
            after = with_changes(before, status=AgreementStatus.EXPIRED)
            await write_state(
                session, Entity.AGREEMENT, before.key, after, seen=before, writer=writer
            )
            add_entry(
                session,
                NewEntry(
                    actor=actor,
                    action=AuditAction.UPDATE,
                    entity=Entity.AGREEMENT.value,
                    key=before.key,
                    before=doc_json(before),
                    after=doc_json(after),
                    batch=batch,
                ),
            )
            expired.append(before.key)
    return expired
