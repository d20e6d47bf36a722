"""A chat's stored references moved to its new id (a group upgraded to a supergroup): its
language, its subscriptions, residents' corrections. Each move returns what it moved as
typed records, never ORM rows, for the admin service to audit.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models


@dataclass(frozen=True)
class MovedLanguage:
    """The language the old chat chose; `kept` when the new chat had chosen one already, which
    stays (the old choice then dropped)."""

    language: str | None
    kept: bool


@dataclass(frozen=True)
class MovedSubscription:
    """A subscription of the old chat: its hromada, topic and whether it was active; `kept`
    when the new chat followed that hromada already, which stays (the old one then dropped)."""

    hromada_code: str
    thread_id: int | None
    active: bool
    kept: bool


async def move_language(session: AsyncSession, old_id: int, new_id: int) -> MovedLanguage | None:
    """Move the language chosen in chat `old_id` to `new_id`; None when it chose none."""
    old = await session.get(models.ChatPreferenceRow, old_id)
    if old is None:
        return None
    kept = await session.get(models.ChatPreferenceRow, new_id)
    if kept is None:
        session.add(
            models.ChatPreferenceRow(
                chat_id=new_id, language=old.language, updated_at=old.updated_at
            )
        )
    moved = MovedLanguage(old.language, kept is not None)
    await session.delete(old)
    return moved


async def move_subscriptions(
    session: AsyncSession, old_id: int, new_id: int
) -> list[MovedSubscription]:
    """Move the subscriptions of chat `old_id` to `new_id`, each as it was (since, topic,
    paused or not); what the old chat followed."""
    rows = await session.scalars(
        select(models.SubscriptionRow).where(models.SubscriptionRow.chat_id == old_id)
    )
    moved = []
    for row in list(rows.all()):
        kept = await session.get(models.SubscriptionRow, (new_id, row.hromada_code))
        if kept is None:
            session.add(
                models.SubscriptionRow(
                    chat_id=new_id,
                    hromada_code=row.hromada_code,
                    created_at=row.created_at,
                    thread_id=row.thread_id,
                    active=row.active,
                )
            )
        moved.append(
            MovedSubscription(row.hromada_code, row.thread_id, bool(row.active), kept is not None)
        )
        await session.delete(row)
    return moved


async def move_corrections(session: AsyncSession, old_id: int, new_id: int) -> list[int]:
    """Move the residents' corrections sent from chat `old_id` to `new_id`; their numbers."""
    found = await session.scalars(
        select(models.CorrectionRow.id).where(models.CorrectionRow.chat_id == old_id)
    )
    ids = list(found.all())
    await session.execute(
        update(models.CorrectionRow)
        .where(models.CorrectionRow.chat_id == old_id)
        .values(chat_id=new_id)
    )
    return ids
