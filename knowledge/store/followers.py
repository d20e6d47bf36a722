"""Queries of who follows a hromada's news and which new records to announce to them.

Each returns typed records, never ORM rows: the admin services build on them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import audit_log, models
from knowledge.store.mapping import mapping_of
from knowledge.store.models import aware


@dataclass(frozen=True)
class ChatTarget:
    """Where a message goes: a Telegram chat id and, in a forum, its topic's message_thread_id
    (None for the chat itself or the forum's General topic)."""

    chat_id: int
    thread_id: int | None = None


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


def _new_records(entries: Iterable[audit_log.AuditEntry]) -> list[NewRecord]:
    return [
        NewRecord(entry.id, entry.entity, entry.key, str(entry.after["hromada"]), entry.at)
        for entry in entries
        if entry.after is not None and "hromada" in entry.after
    ]


async def created_after(
    session: AsyncSession, last_audit_id: int, entities: Collection[str], limit: int
) -> list[NewRecord]:
    """Records of the kinds `entities` (audit names) created after the audit entry
    `last_audit_id`, oldest first, at most `limit`."""
    entries = await audit_log.created_entries(
        session, entities, after_id=last_audit_id, limit=limit
    )
    return _new_records(entries)


async def created_since(
    session: AsyncSession, since: dt.datetime, entities: Collection[str], leaving_out: str
) -> list[NewRecord]:
    """Records of the kinds `entities` (audit names) created since the moment by anyone but
    the actor `leaving_out`, oldest first."""
    entries = await audit_log.created_entries(
        session, entities, since=since, leaving_out=leaving_out
    )
    return _new_records(entries)


async def still_stored(session: AsyncSession, records: Sequence[NewRecord]) -> list[NewRecord]:
    """The records, in their order, leaving out those no longer stored (an import undone, a
    record deleted). KeyError for a kind of record the store does not know."""
    stored: set[tuple[str, str]] = set()
    for entity in dict.fromkeys(record.entity for record in records):
        mapping = mapping_of(entity)
        column = getattr(mapping.row_type, mapping.key_field)
        keys = [record.key for record in records if record.entity == entity]
        found = await session.scalars(select(column).where(column.in_(keys)))
        stored.update((entity, key) for key in found)
    return [record for record in records if (record.entity, record.key) in stored]


async def follow(
    session: AsyncSession, chat_id: int, hromada_code: str, thread_id: int | None, at: dt.datetime
) -> bool:
    """Make the chat follow the hromada's news in the topic `thread_id`, active, since `at`;
    False when it followed already, its news then going to this topic and resumed."""
    known = await session.get(models.SubscriptionRow, (chat_id, hromada_code))
    if known is not None:
        known.thread_id = thread_id
        known.active = True
        return False
    session.add(
        models.SubscriptionRow(
            chat_id=chat_id,
            hromada_code=hromada_code,
            created_at=at,
            thread_id=thread_id,
            active=True,
        )
    )
    return True


async def unfollow(session: AsyncSession, chat_id: int, hromada_code: str | None) -> int:
    """Remove the chat's subscription to one hromada, or all of them when None; how many."""
    query = select(models.SubscriptionRow).where(models.SubscriptionRow.chat_id == chat_id)
    if hromada_code is not None:
        query = query.where(models.SubscriptionRow.hromada_code == hromada_code)
    rows = list((await session.scalars(query)).all())
    for row in rows:
        await session.delete(row)
    return len(rows)


async def set_active(session: AsyncSession, chat_id: int, active: bool) -> int:
    """Pause (False) or resume (True) every subscription of the chat; how many changed."""
    result = await session.execute(
        update(models.SubscriptionRow)
        .where(
            models.SubscriptionRow.chat_id == chat_id,
            models.SubscriptionRow.active.is_not(active),
        )
        .values(active=active)
    )
    return int(getattr(result, "rowcount", 0) or 0)
