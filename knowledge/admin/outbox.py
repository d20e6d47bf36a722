"""The announcements' outbox: each message to a subscriber is stored before it is sent and
deleted once Telegram took it (or the chat refused the bot for good), so one that Telegram or
the network failed after every retry is sent again at a later tick instead of being lost.

A sender claims a message by moving its `attempts` on in one conditional update, so two
senders that meet send it once; a sender that dies holding it frees it after `LEASE`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store.admin_settings import move_cursor_from
from knowledge.store.engines import writing
from knowledge.store.outbox_queue import Announcement as Announcement
from knowledge.store.outbox_queue import OutboxMessage as OutboxMessage
from knowledge.store.outbox_queue import (
    add_messages,
    all_messages,
    count_attempt,
    messages_due,
    remove_message,
    set_due,
)

# How long a claimed message is left to its sender before another may send it.
LEASE = dt.timedelta(minutes=10)
# The wait before the first retry, doubled after each failure up to MAX_BACKOFF.
FIRST_BACKOFF = dt.timedelta(minutes=1)
MAX_BACKOFF = dt.timedelta(hours=6)


def backoff(attempts: int) -> dt.timedelta:
    """The wait after the `attempts`-th failed send (1 min, 2, 4, … up to 6 h)."""
    doublings = min(max(0, attempts - 1), 16)
    return min(MAX_BACKOFF, FIRST_BACKOFF * (1 << doublings))


async def enqueue_claimed(
    session: AsyncSession,
    cursor_name: str,
    seen: int,
    up_to: int,
    announcements: Sequence[Announcement],
    at: dt.datetime,
) -> bool:
    """Move the cursor `cursor_name` from `seen` to `up_to` and store the announcements of
    what lies between, due at `at`, in one transaction; False (nothing stored) when another
    sender moved the cursor first."""
    async with writing(session):
        if not await move_cursor_from(session, cursor_name, seen, up_to):
            return False
        add_messages(session, announcements, at)
    return True


async def due_messages(
    session: AsyncSession, now: dt.datetime, limit: int = 200
) -> list[OutboxMessage]:
    """The stored announcements due at `now`, oldest first."""
    return await messages_due(session, now, limit)


async def take(session: AsyncSession, message: OutboxMessage, now: dt.datetime) -> bool:
    """Claim the message to send it now; False when another sender took or finished it."""
    async with writing(session):
        return await count_attempt(session, message, now + LEASE)


async def postpone(
    session: AsyncSession, message: OutboxMessage, now: dt.datetime, error: str
) -> dt.datetime:
    """The taken message failed again: it is due after the backoff; when that is."""
    due = now + backoff(message.attempts + 1)
    async with writing(session):
        await set_due(session, message.id, due, error[:64])
    return due


async def finish(session: AsyncSession, message: OutboxMessage) -> None:
    """The message was delivered, or will never be: it leaves the outbox."""
    async with writing(session):
        await remove_message(session, message.id)


async def waiting(session: AsyncSession) -> list[OutboxMessage]:
    """Every stored announcement, due or not, oldest first."""
    return await all_messages(session)
