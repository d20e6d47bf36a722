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

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import utc_now
from knowledge.admin.config import CHANNEL, LOG_CHAT
from knowledge.facts.vocabulary import AuditAction
from knowledge.store.admin_settings import get_setting, put_setting
from knowledge.store.audit_log import NewEntry, add_entry
from knowledge.store.chat_moves import (
    MovedSubscription,
    move_corrections,
    move_language,
    move_subscriptions,
)
from knowledge.store.engines import writing
from knowledge.store.followers import set_active
from knowledge.store.outbox_queue import readdress_messages

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
        add_entry(
            session,
            NewEntry(
                actor=actor,
                action=AuditAction.UPDATE if after is not None else AuditAction.DELETE,
                entity=entity,
                key=key,
                before=before,
                after=after,
                batch=batch,
                at=at,
            ),
        )

    async with writing(session):
        language = await move_language(session, old_id, new_id)
        if language is not None:
            record(
                CHAT_PREFERENCE_ENTITY,
                str(old_id),
                {"chat_id": old_id, "language": language.language},
                None if language.kept else {"chat_id": new_id, "language": language.language},
            )
            moved += 1
        for subscription in await move_subscriptions(session, old_id, new_id):
            before = _subscription_json(old_id, subscription)
            after = None if subscription.kept else _subscription_json(new_id, subscription)
            record(SUBSCRIPTION_ENTITY, f"{old_id}:{subscription.hromada_code}", before, after)
            moved += 1
        for setting in (LOG_CHAT, CHANNEL):
            if await get_setting(session, setting) == str(old_id):
                await put_setting(session, setting, str(new_id))
                record(SETTING_ENTITY, setting, {"value": str(old_id)}, {"value": str(new_id)})
                moved += 1
        for correction_id in await move_corrections(session, old_id, new_id):
            record(CORRECTION_ENTITY, str(correction_id), {"chat_id": old_id}, {"chat_id": new_id})
            moved += 1
        # Announcements waiting to be sent again follow too; they are the outbox's own
        # bookkeeping, not a stored choice, so they are not audited.
        await readdress_messages(session, old_id, new_id)
        await session.flush()
    logger.info("Chat %s became %s: %d references moved", old_id, new_id, moved)
    return moved


def _subscription_json(chat_id: int, subscription: MovedSubscription) -> dict[str, Any]:
    return {
        "chat_id": chat_id,
        "hromada": subscription.hromada_code,
        "thread_id": subscription.thread_id,
        "active": subscription.active,
    }


async def _set_active(session: AsyncSession, chat_id: int, active: bool) -> int:
    async with writing(session):
        return await set_active(session, chat_id, active)


async def pause_chat(session: AsyncSession, chat_id: int) -> int:
    """The chat refuses the bot: its subscriptions rest until `resume_chat`; how many."""
    return await _set_active(session, chat_id, False)


async def resume_chat(session: AsyncSession, chat_id: int) -> int:
    """The chat takes the bot back: its paused subscriptions go on; how many."""
    return await _set_active(session, chat_id, True)
