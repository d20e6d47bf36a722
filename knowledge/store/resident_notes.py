"""What residents told the editors, as stored: unanswered questions and corrections of answers,
read back as typed records, never ORM rows.

The admin services of residents' feedback build on them; the cutting of texts is theirs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models


@dataclass(frozen=True)
class Correction:
    """A resident's correction of an answer, as the editors see it."""

    id: int
    hromada_code: str | None
    chat_id: int
    lang: str
    answer: str
    text: str
    replied: bool = False


def _correction(row: models.CorrectionRow) -> Correction:
    return Correction(
        row.id,
        row.hromada_code,
        row.chat_id,
        row.lang,
        row.answer,
        row.text,
        replied=row.replied_at is not None,
    )


def add_unanswered(
    session: AsyncSession,
    *,
    asked_on: dt.date,
    lang: str,
    reason: str,
    hromada_code: str | None,
    question: str,
) -> None:
    """Add a question the bot could not answer (no user id) to the session's transaction."""
    session.add(
        models.UnansweredQuestionRow(
            asked_on=asked_on,
            lang=lang,
            reason=reason,
            hromada_code=hromada_code,
            question=question,
        )
    )


async def unanswered_questions(
    session: AsyncSession, hromada_codes: Collection[str] | None
) -> list[tuple[str | None, str]]:
    """Every unanswered question as (its hromada code or None, its text); with
    `hromada_codes`, those about these hromadas only."""
    row = models.UnansweredQuestionRow
    query = select(row.hromada_code, row.question)
    if hromada_codes is not None:
        query = query.where(row.hromada_code.in_(hromada_codes))
    return [(code, question) for code, question in (await session.execute(query)).all()]


async def add_correction(
    session: AsyncSession,
    *,
    created_at: dt.datetime,
    hromada_code: str | None,
    user_id: int,
    chat_id: int,
    lang: str,
    answer: str,
    text: str,
) -> Correction:
    """Add a resident's correction to the session's transaction and flush it; the correction
    with its number. Raises what the flush raises."""
    row = models.CorrectionRow(
        created_at=created_at,
        hromada_code=hromada_code,
        user_id=user_id,
        chat_id=chat_id,
        lang=lang,
        answer=answer,
        text=text,
    )
    session.add(row)
    await session.flush()
    return _correction(row)


async def correction_by_id(session: AsyncSession, correction_id: int) -> Correction | None:
    """One correction by its number, None when there is none."""
    row = await session.get(models.CorrectionRow, correction_id)
    return None if row is None else _correction(row)


async def mark_replied(
    session: AsyncSession, correction_id: int, editor_id: int, reply: str, at: dt.datetime
) -> bool:
    """Store the editor's reply to the correction unless it has one already; False (nothing
    changed) when the correction is unknown or was answered already."""
    taken = await session.execute(
        update(models.CorrectionRow)
        .where(
            models.CorrectionRow.id == correction_id,
            models.CorrectionRow.replied_at.is_(None),
        )
        .values(replied_by=editor_id, replied_at=at, reply=reply)
    )
    return bool(getattr(taken, "rowcount", 0))
