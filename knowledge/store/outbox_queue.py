"""The announcements' outbox as stored: messages waiting to be sent, read back as typed
records, never ORM rows. The sending policy (leases, backoff) is the admin service's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import CursorResult, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models
from knowledge.store.followers import ChatTarget
from knowledge.store.models import aware


@dataclass(frozen=True)
class Announcement:
    """One message to one subscriber: where it goes, whose news it is, its plain text."""

    target: ChatTarget
    hromada_code: str
    text: str


@dataclass(frozen=True)
class OutboxMessage:
    """A stored announcement waiting to be sent; `attempts` is how many sends were tried."""

    id: int
    announcement: Announcement
    attempts: int
    created_at: dt.datetime


def _message(row: models.OutboxMessageRow) -> OutboxMessage:
    target = ChatTarget(row.chat_id, row.thread_id)
    return OutboxMessage(
        row.id,
        Announcement(target, row.hromada_code, row.text),
        row.attempts,
        aware(row.created_at),
    )


def add_messages(
    session: AsyncSession, announcements: Sequence[Announcement], at: dt.datetime
) -> None:
    """Add the announcements, created and due at `at`, not yet tried, to the session's
    transaction."""
    session.add_all(
        models.OutboxMessageRow(
            chat_id=item.target.chat_id,
            thread_id=item.target.thread_id,
            hromada_code=item.hromada_code,
            text=item.text,
            created_at=at,
            attempts=0,
            next_attempt_at=at,
        )
        for item in announcements
    )


async def messages_due(session: AsyncSession, now: dt.datetime, limit: int) -> list[OutboxMessage]:
    """Up to `limit` stored messages due at `now`, oldest first."""
    rows = await session.scalars(
        select(models.OutboxMessageRow)
        .where(models.OutboxMessageRow.next_attempt_at <= now)
        .order_by(models.OutboxMessageRow.id)
        .limit(limit)
    )
    return [_message(row) for row in rows]


async def all_messages(session: AsyncSession) -> list[OutboxMessage]:
    """Every stored message, due or not, oldest first."""
    rows = await session.scalars(
        select(models.OutboxMessageRow).order_by(models.OutboxMessageRow.id)
    )
    return [_message(row) for row in rows]


async def count_attempt(session: AsyncSession, message: OutboxMessage, due: dt.datetime) -> bool:
    """Count one more attempt of the message and make it due at `due`, only if its attempts
    are still as read; False (nothing changed) when another sender moved them on or it is gone.
    """
    result = await session.execute(
        update(models.OutboxMessageRow)
        .where(
            models.OutboxMessageRow.id == message.id,
            models.OutboxMessageRow.attempts == message.attempts,
        )
        .values(attempts=message.attempts + 1, next_attempt_at=due)
    )
    return isinstance(result, CursorResult) and result.rowcount == 1


async def set_due(session: AsyncSession, message_id: int, due: dt.datetime, error: str) -> None:
    """Make the message due at `due`, remembering the error of its last attempt."""
    await session.execute(
        update(models.OutboxMessageRow)
        .where(models.OutboxMessageRow.id == message_id)
        .values(next_attempt_at=due, last_error=error)
    )


async def remove_message(session: AsyncSession, message_id: int) -> None:
    """Remove the message from the outbox (nothing when it is gone already)."""
    await session.execute(
        delete(models.OutboxMessageRow).where(models.OutboxMessageRow.id == message_id)
    )


async def remove_messages_to(
    session: AsyncSession, chat_id: int, hromada_code: str | None = None
) -> None:
    """Remove the messages waiting for the chat: of one hromada's news, or all when None."""
    pending = delete(models.OutboxMessageRow).where(models.OutboxMessageRow.chat_id == chat_id)
    if hromada_code is not None:
        pending = pending.where(models.OutboxMessageRow.hromada_code == hromada_code)
    await session.execute(pending)


async def readdress_messages(session: AsyncSession, old_id: int, new_id: int) -> None:
    """Send the messages waiting for chat `old_id` to chat `new_id` instead."""
    await session.execute(
        update(models.OutboxMessageRow)
        .where(models.OutboxMessageRow.chat_id == old_id)
        .values(chat_id=new_id)
    )
