"""The chats the bot keeps references to, as Telegram changes them under it.

A group upgraded to a supergroup gets a new chat id: every stored reference (its language,
its subscriptions, the log chat, the channel, residents' corrections) moves to the new id,
and each move is written to the audit log. A
chat that blocked or removed the bot, or was deleted, has its subscriptions paused until the
bot is let back in.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import audit, utc_now
from knowledge.admin.config import CHANNEL, LOG_CHAT
from knowledge.facts.vocabulary import AuditAction
from knowledge.store import models
from knowledge.store.admin_settings import get_setting, put_setting
from knowledge.store.engines import writing

logger = logging.getLogger(__name__)

# Who the audit log names for what Telegram changed (a group upgraded to a supergroup).
MOVE_ACTOR = "system:telegram"
# The audit log's names of the chat references a move rewrites.
CHAT_PREFERENCE_ENTITY = "chat_preference"
SUBSCRIPTION_ENTITY = "subscription"
SETTING_ENTITY = "setting"
CORRECTION_ENTITY = "correction"


async def move_chat(
    session: AsyncSession, old_id: int, new_id: int, actor: str = MOVE_ACTOR
) -> int:
    """Move every reference to chat `old_id` to `new_id` (a group upgraded to a supergroup),
    in one transaction; how many references moved. A reference the new chat already has (it
    chose a language, it follows the hromada) is kept and the old one dropped.

    Each moved or dropped reference is an audit entry of `actor`, one batch per move, with
    the reference before and after: the log chat and /history show what Telegram changed.
    """
    moved = 0
    batch = str(uuid.uuid4())
    at = utc_now()

    def record(
        entity: str, key: str, before: dict[str, Any], after: dict[str, Any] | None
    ) -> None:
        audit(
            session,
            actor=actor,
            action=AuditAction.UPDATE if after is not None else AuditAction.DELETE,
            entity=entity,
            key=key,
            before=before,
            after=after,
            batch=batch,
            at=at,
        )

    async with writing(session):
        old_preference = await session.get(models.ChatPreferenceRow, old_id)
        if old_preference is not None:
            kept = await session.get(models.ChatPreferenceRow, new_id)
            if kept is None:
                session.add(
                    models.ChatPreferenceRow(
                        chat_id=new_id,
                        language=old_preference.language,
                        updated_at=old_preference.updated_at,
                    )
                )
            record(
                CHAT_PREFERENCE_ENTITY,
                str(old_id),
                {"chat_id": old_id, "language": old_preference.language},
                None
                if kept is not None
                else {"chat_id": new_id, "language": old_preference.language},
            )
            await session.delete(old_preference)
            moved += 1
        old_subscriptions = await session.scalars(
            select(models.SubscriptionRow).where(models.SubscriptionRow.chat_id == old_id)
        )
        for row in list(old_subscriptions.all()):
            before = _subscription_json(old_id, row)
            after: dict[str, Any] | None = None
            if await session.get(models.SubscriptionRow, (new_id, row.hromada_code)) is None:
                session.add(
                    models.SubscriptionRow(
                        chat_id=new_id,
                        hromada_code=row.hromada_code,
                        created_at=row.created_at,
                        thread_id=row.thread_id,
                        active=row.active,
                    )
                )
                after = _subscription_json(new_id, row)
            record(SUBSCRIPTION_ENTITY, f"{old_id}:{row.hromada_code}", before, after)
            await session.delete(row)
            moved += 1
        for setting in (LOG_CHAT, CHANNEL):
            if await get_setting(session, setting) == str(old_id):
                await put_setting(session, setting, str(new_id))
                record(SETTING_ENTITY, setting, {"value": str(old_id)}, {"value": str(new_id)})
                moved += 1
        corrections = await session.scalars(
            select(models.CorrectionRow.id).where(models.CorrectionRow.chat_id == old_id)
        )
        for correction_id in list(corrections.all()):
            record(CORRECTION_ENTITY, str(correction_id), {"chat_id": old_id}, {"chat_id": new_id})
            moved += 1
        await session.execute(
            update(models.CorrectionRow)
            .where(models.CorrectionRow.chat_id == old_id)
            .values(chat_id=new_id)
        )
        # Announcements waiting to be sent again follow too; they are the outbox's own
        # bookkeeping, not a stored choice, so they are not audited.
        await session.execute(
            update(models.OutboxMessageRow)
            .where(models.OutboxMessageRow.chat_id == old_id)
            .values(chat_id=new_id)
        )
        await session.flush()
    logger.info("Chat %s became %s: %d references moved", old_id, new_id, moved)
    return moved


def _subscription_json(chat_id: int, row: models.SubscriptionRow) -> dict[str, Any]:
    return {
        "chat_id": chat_id,
        "hromada": row.hromada_code,
        "thread_id": row.thread_id,
        "active": bool(row.active),
    }


async def _set_active(session: AsyncSession, chat_id: int, active: bool) -> int:
    async with writing(session):
        result = await session.execute(
            update(models.SubscriptionRow)
            .where(
                models.SubscriptionRow.chat_id == chat_id,
                models.SubscriptionRow.active.is_not(active),
            )
            .values(active=active)
        )
    return int(getattr(result, "rowcount", 0) or 0)


async def pause_chat(session: AsyncSession, chat_id: int) -> int:
    """The chat refuses the bot: its subscriptions rest until `resume_chat`; how many."""
    return await _set_active(session, chat_id, False)


async def resume_chat(session: AsyncSession, chat_id: int) -> int:
    """The chat takes the bot back: its paused subscriptions go on; how many."""
    return await _set_active(session, chat_id, True)
