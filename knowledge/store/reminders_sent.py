"""Agreements as the reminders read them, and the reminders already sent, as typed records,
never ORM rows. When a reminder is due is the admin service's rule.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.documents import AgreementDoc
from knowledge.facts.records import Text
from knowledge.facts.vocabulary import AgreementStatus
from knowledge.store import mapping, models


@dataclass(frozen=True)
class ActiveAgreement:
    """An active agreement as stored, with its hromada's and its partner place's names."""

    doc: AgreementDoc
    hromada: Text
    place: Text


async def active_agreements(session: AsyncSession) -> list[ActiveAgreement]:
    """Every active agreement, in key order, read afresh from the database."""
    rows = await session.execute(
        select(models.AgreementRow, models.HromadaRow)
        .join(models.HromadaRow, models.HromadaRow.code == models.AgreementRow.hromada_code)
        .where(models.AgreementRow.status == AgreementStatus.ACTIVE.value)
        .order_by(models.AgreementRow.key)
        .execution_options(populate_existing=True)
    )
    return [
        ActiveAgreement(
            mapping.agreement_doc(row),
            Text(hromada.name_uk, hromada.name_en),
            Text(row.place.name_uk, row.place.name_en),
        )
        for row, hromada in rows
    ]


async def sent_thresholds(session: AsyncSession, agreement_key: str, valid_until: str) -> set[int]:
    """The thresholds (days before the end) reminded of for the agreement's end `valid_until`
    (ISO partial date)."""
    rows = await session.scalars(
        select(models.ReminderSentRow.threshold_days).where(
            models.ReminderSentRow.agreement_key == agreement_key,
            models.ReminderSentRow.valid_until == valid_until,
        )
    )
    return set(rows.all())


def add_sent(
    session: AsyncSession, agreement_key: str, threshold: int, valid_until: str, at: dt.datetime
) -> None:
    """Add to the session's transaction that the reminder of the threshold for the agreement's
    end `valid_until` was sent at `at`; the flush refuses (IntegrityError) one sent already."""
    session.add(
        models.ReminderSentRow(
            agreement_key=agreement_key,
            threshold_days=threshold,
            valid_until=valid_until,
            sent_at=at,
        )
    )
