"""What residents tell the editors: questions the bot could not answer, and corrections.

Unanswered questions are kept without any user id: the text (cut to 300 characters), the
day, the language, why it was not answered and the hromada it was about, if any. Editors see
them grouped per hromada and counted. A correction is a resident's short message about one
answer; it keeps the resident's chat so an editor can reply through the bot.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import Admin
from knowledge.admin.permissions import editors_of, grants_of
from knowledge.store.editors import editor_ids
from knowledge.store.engines import writing
from knowledge.store.resident_notes import Correction as Correction
from knowledge.store.resident_notes import (
    add_correction,
    add_unanswered,
    correction_by_id,
    mark_replied,
    unanswered_questions,
)

QUESTION_LENGTH = 300
CORRECTION_LENGTH = 1000
ANSWER_EXCERPT_LENGTH = 1500


class UnansweredReason(StrEnum):
    """Why a question got no facts."""

    NO_RECORDS = "no_records"  # a hromada with no records yet
    OUT_OF_DOMAIN = "out_of_domain"  # not about partnerships, or not understood
    NOT_FOUND = "not_found"  # understood, but the knowledge base has no such fact


@dataclass(frozen=True)
class UnansweredQuestion:
    """One kind of question asked, and how many times."""

    question: str
    count: int


@dataclass(frozen=True)
class UnansweredGroup:
    """The unanswered questions about one hromada (`hromada_code` None: about none)."""

    hromada_code: str | None
    total: int
    questions: tuple[UnansweredQuestion, ...]


def _cut(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


async def record_unanswered(
    session: AsyncSession,
    question: str,
    lang: str,
    reason: UnansweredReason,
    hromada_code: str | None,
    today: dt.date,
) -> None:
    """Keep a question the bot could not answer (no user id), in a write transaction of its
    own (committed here)."""
    async with writing(session):
        add_unanswered(
            session,
            asked_on=today,
            lang=lang,
            reason=reason.value,
            hromada_code=hromada_code,
            question=_cut(question, QUESTION_LENGTH),
        )


def _same_question(text: str) -> str:
    return " ".join(text.casefold().replace("’", "'").strip(" ?!.").split())


async def unanswered_for(
    session: AsyncSession, admin: Admin, *, per_hromada: int = 5
) -> list[UnansweredGroup]:
    """The unanswered questions the admin may act on, grouped per hromada, most asked first.

    An editor of some hromadas sees theirs; editors of every hromada and super-admins see all,
    with the questions about no hromada last. Equal questions (case, spaces, end marks aside)
    are counted together.
    """
    codes: list[str] | None = None
    if admin.user_id not in admin.super_admins:
        grants = await grants_of(session, admin.user_id)
        if None not in grants:
            codes = [g for g in grants if g]
    by_hromada: dict[str | None, Counter[str]] = {}
    shown: dict[tuple[str | None, str], str] = {}
    for code, question in await unanswered_questions(session, codes):
        key = _same_question(question)
        by_hromada.setdefault(code, Counter())[key] += 1
        shown.setdefault((code, key), question)
    groups = [
        UnansweredGroup(
            code,
            sum(counts.values()),
            tuple(
                UnansweredQuestion(shown[(code, key)], count)
                for key, count in counts.most_common(per_hromada)
            ),
        )
        for code, counts in by_hromada.items()
    ]
    return sorted(groups, key=lambda group: (group.hromada_code is None, -group.total))


async def save_correction(
    session: AsyncSession,
    *,
    hromada_code: str | None,
    user_id: int,
    chat_id: int,
    lang: str,
    answer: str,
    text: str,
    now: dt.datetime,
) -> Correction:
    """Keep a resident's correction of an answer, in a write transaction of its own
    (committed here)."""
    async with writing(session):
        return await add_correction(
            session,
            created_at=now,
            hromada_code=hromada_code,
            user_id=user_id,
            chat_id=chat_id,
            lang=lang,
            answer=_cut(answer, ANSWER_EXCERPT_LENGTH),
            text=_cut(text, CORRECTION_LENGTH),
        )


async def correction_recipients(
    session: AsyncSession, hromada_code: str | None, super_admins: tuple[int, ...]
) -> list[int]:
    """Who hears of a correction: the hromada's own editors, else everyone who may edit it."""
    if hromada_code is not None:
        editors = sorted(await editor_ids(session, hromada_code, with_all_hromadas=False))
        if editors:
            return editors
        return await editors_of(session, hromada_code, super_admins)
    return sorted(super_admins)


async def correction(session: AsyncSession, correction_id: int) -> Correction | None:
    """One correction by its number."""
    return await correction_by_id(session, correction_id)


async def record_reply(
    session: AsyncSession, correction_id: int, editor_id: int, reply: str, now: dt.datetime
) -> bool:
    """Remember an editor's reply to a correction, in a write transaction of its own
    (committed here). A correction takes one reply: False (nothing changed) when it is
    unknown or was answered already, by anyone."""
    async with writing(session):
        return await mark_replied(
            session, correction_id, editor_id, _cut(reply, CORRECTION_LENGTH), now
        )
