"""Residents' subscriptions to a hromada's news: new agreements and aid, each announced once."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import utc_now
from knowledge.admin.config import advance_cursor, claim_cursor, cursor
from knowledge.admin.outbox import Announcement, enqueue_claimed
from knowledge.admin.permissions import UnknownHromadaError
from knowledge.facts.vocabulary import Entity
from knowledge.store.engines import writing
from knowledge.store.followers import (
    NewRecord,
    audience,
    created_after,
    created_since,
    follow,
    still_stored,
    unfollow,
)
from knowledge.store.followers import subscriptions_of as subscriptions_of
from knowledge.store.loading import SEED_ACTOR
from knowledge.store.outbox_queue import remove_messages_to
from knowledge.store.registry import hromada_exists

ANNOUNCED_CURSOR = "announced_up_to"
ANNOUNCED_ENTITIES = (Entity.AGREEMENT.value, Entity.AID.value)


async def subscribe(
    session: AsyncSession, chat_id: int, hromada_code: str, thread_id: int | None = None
) -> bool:
    """Follow the hromada's news in the chat (in a forum, in the topic `thread_id`); False if
    the chat already did, whose news then go to this topic. Unknown hromadas are refused."""
    async with writing(session):
        if not await hromada_exists(session, hromada_code):
            raise UnknownHromadaError(hromada_code)
        return await follow(session, chat_id, hromada_code, thread_id, utc_now())


async def unsubscribe(session: AsyncSession, chat_id: int, hromada_code: str | None = None) -> int:
    """Stop following one hromada, or all of them when None; how many subscriptions ended."""
    async with writing(session):
        ended = await unfollow(session, chat_id, hromada_code)
        # News still waiting to be sent again stop with the subscription.
        await remove_messages_to(session, chat_id, hromada_code)
    return ended


async def subscribers(session: AsyncSession, hromada_code: str) -> list[int]:
    """The chats that follow the hromada (those refusing the bot now aside)."""
    return [target.chat_id for target in await audience(session, hromada_code)]


async def new_records_since(
    session: AsyncSession, last_audit_id: int, limit: int = 100
) -> list[NewRecord]:
    """Agreements and aid created after the audit entry `last_audit_id`, oldest first."""
    return await created_after(session, last_audit_id, ANNOUNCED_ENTITIES, limit)


async def pending_announcements(session: AsyncSession, limit: int = 100) -> list[NewRecord]:
    """New records not yet announced and still stored (the cursor starts at the newest entry
    on first use)."""
    records, _ = await announcement_batch(session, limit)
    return records


async def announcement_batch(
    session: AsyncSession, limit: int = 500
) -> tuple[list[NewRecord], int]:
    """The next new records to announce, oldest first, leaving out those removed since (an
    import undone, a record deleted); and the audit entry up to which they were read, to
    claim, gone records included."""
    since = await cursor(session, ANNOUNCED_CURSOR)
    created = await new_records_since(session, since, limit)
    if not created:
        return [], since
    up_to = created[-1].change_id
    return await still_stored(session, created), up_to


async def announced_up_to(session: AsyncSession) -> int:
    """The audit entry up to which new records were announced."""
    return await cursor(session, ANNOUNCED_CURSOR)


async def claim_announcement(session: AsyncSession, seen: int, up_to: int) -> bool:
    """Take the records after `seen` up to `up_to` to announce; False when another sender did."""
    return await claim_cursor(session, ANNOUNCED_CURSOR, seen, up_to)


async def claim_and_store(
    session: AsyncSession,
    seen: int,
    up_to: int,
    announcements: list[Announcement],
    at: dt.datetime,
) -> bool:
    """Take the records after `seen` up to `up_to` and store their announcements in the
    outbox, due at `at`, in one transaction; False (nothing stored) when another sender
    took them."""
    return await enqueue_claimed(session, ANNOUNCED_CURSOR, seen, up_to, announcements, at)


async def mark_announced(session: AsyncSession, up_to: int) -> None:
    """Remember that every new record up to the audit entry `up_to` was announced."""
    await advance_cursor(session, ANNOUNCED_CURSOR, up_to)


async def recent_new_records(
    session: AsyncSession, hromada_code: str, since: dt.datetime, limit: int = 50
) -> list[NewRecord]:
    """The hromada's agreements and aid added since the moment, oldest first.

    What the first start loaded from the curated data is not news, so it is left out.
    """
    # What the first start loaded is the seed actor's.
    created = await created_since(session, since, ANNOUNCED_ENTITIES, SEED_ACTOR)
    return [record for record in created if record.hromada_code == hromada_code][-limit:]
