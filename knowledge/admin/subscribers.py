"""Residents' subscriptions to a hromada's news: new agreements and aid, each announced once."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.chats import ChatTarget
from knowledge.admin.common import aware, utc_now
from knowledge.admin.config import advance_cursor, claim_cursor, cursor
from knowledge.admin.editing import Entity
from knowledge.admin.outbox import Announcement, enqueue_claimed
from knowledge.admin.permissions import UnknownHromadaError
from knowledge.facts.vocabulary import AuditAction
from knowledge.store import models
from knowledge.store.bootstrap import SEED_ACTOR
from knowledge.store.engines import writing

ANNOUNCED_CURSOR = "announced_up_to"
ANNOUNCED_ENTITIES = (Entity.AGREEMENT.value, Entity.AID.value)


@dataclass(frozen=True)
class HromadaSubscription:
    """A hromada a chat follows, with its names for display."""

    hromada_code: str
    name_uk: str
    name_en: str
    created_at: dt.datetime


@dataclass(frozen=True)
class NewRecord:
    """An agreement or aid record that was added, to announce to the hromada's subscribers."""

    change_id: int
    entity: str
    key: str
    hromada_code: str
    at: dt.datetime


async def subscribe(
    session: AsyncSession, chat_id: int, hromada_code: str, thread_id: int | None = None
) -> bool:
    """Follow the hromada's news in the chat (in a forum, in the topic `thread_id`); False if
    the chat already did, whose news then go to this topic. Unknown hromadas are refused."""
    async with writing(session):
        if await session.get(models.HromadaRow, hromada_code) is None:
            raise UnknownHromadaError(hromada_code)
        known = await session.get(models.SubscriptionRow, (chat_id, hromada_code))
        if known is not None:
            known.thread_id = thread_id
            known.active = True
            return False
        session.add(
            models.SubscriptionRow(
                chat_id=chat_id,
                hromada_code=hromada_code,
                created_at=utc_now(),
                thread_id=thread_id,
                active=True,
            )
        )
    return True


async def unsubscribe(session: AsyncSession, chat_id: int, hromada_code: str | None = None) -> int:
    """Stop following one hromada, or all of them when None; how many subscriptions ended."""
    async with writing(session):
        query = select(models.SubscriptionRow).where(models.SubscriptionRow.chat_id == chat_id)
        if hromada_code is not None:
            query = query.where(models.SubscriptionRow.hromada_code == hromada_code)
        rows = list((await session.scalars(query)).all())
        for row in rows:
            await session.delete(row)
        # News still waiting to be sent again stop with the subscription.
        pending = delete(models.OutboxMessageRow).where(models.OutboxMessageRow.chat_id == chat_id)
        if hromada_code is not None:
            pending = pending.where(models.OutboxMessageRow.hromada_code == hromada_code)
        await session.execute(pending)
    return len(rows)


async def subscriptions_of(session: AsyncSession, chat_id: int) -> list[HromadaSubscription]:
    """The hromadas the chat follows, in the order it subscribed."""
    rows = await session.execute(
        select(models.SubscriptionRow, models.HromadaRow)
        .join(models.HromadaRow, models.HromadaRow.code == models.SubscriptionRow.hromada_code)
        .where(models.SubscriptionRow.chat_id == chat_id)
        .order_by(models.SubscriptionRow.created_at, models.HromadaRow.code)
    )
    return [
        HromadaSubscription(
            hromada.code, hromada.name_uk, hromada.name_en, aware(subscription.created_at)
        )
        for subscription, hromada in rows
    ]


async def subscribers(session: AsyncSession, hromada_code: str) -> list[int]:
    """The chats that follow the hromada (those refusing the bot now aside)."""
    return [target.chat_id for target in await audience(session, hromada_code)]


async def audience(session: AsyncSession, hromada_code: str) -> list[ChatTarget]:
    """Where the hromada's news go: each following chat with its topic, in chat id order;
    chats refusing the bot now (paused) aside."""
    rows = await session.execute(
        select(models.SubscriptionRow.chat_id, models.SubscriptionRow.thread_id)
        .where(
            models.SubscriptionRow.hromada_code == hromada_code,
            models.SubscriptionRow.active.is_(True),
        )
        .order_by(models.SubscriptionRow.chat_id)
    )
    return [ChatTarget(chat_id, thread_id) for chat_id, thread_id in rows]


async def new_records_since(
    session: AsyncSession, last_audit_id: int, limit: int = 100
) -> list[NewRecord]:
    """Agreements and aid created after the audit entry `last_audit_id`, oldest first."""
    query = (
        select(models.AuditEntryRow)
        .where(
            models.AuditEntryRow.id > last_audit_id,
            models.AuditEntryRow.action == AuditAction.CREATE.value,
            models.AuditEntryRow.entity.in_(ANNOUNCED_ENTITIES),
        )
        .order_by(models.AuditEntryRow.id)
        .limit(limit)
    )
    return [
        NewRecord(
            entry.id, entry.entity, entry.entity_key, str(entry.after["hromada"]), aware(entry.at)
        )
        for entry in await session.scalars(query)
        if entry.after is not None
    ]


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
    stored: set[tuple[str, str]] = set()
    for entity, table in (
        (Entity.AGREEMENT.value, models.AgreementRow),
        (Entity.AID.value, models.AidRow),
    ):
        keys = [record.key for record in created if record.entity == entity]
        if keys:
            found = await session.scalars(select(table.key).where(table.key.in_(keys)))
            stored.update((entity, key) for key in found)
    up_to = created[-1].change_id
    return [record for record in created if (record.entity, record.key) in stored], up_to


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
    query = (
        select(models.AuditEntryRow)
        .where(
            models.AuditEntryRow.at >= since,
            models.AuditEntryRow.action == AuditAction.CREATE.value,
            models.AuditEntryRow.entity.in_(ANNOUNCED_ENTITIES),
            models.AuditEntryRow.actor != SEED_ACTOR,
        )
        .order_by(models.AuditEntryRow.id)
    )
    records = [
        NewRecord(
            entry.id, entry.entity, entry.entity_key, str(entry.after["hromada"]), aware(entry.at)
        )
        for entry in await session.scalars(query)
        if entry.after is not None and entry.after.get("hromada") == hromada_code
    ]
    return records[-limit:]
