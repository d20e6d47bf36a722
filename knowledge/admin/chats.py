"""The chats the bot keeps references to, as Telegram changes them under it.

A group upgraded to a supergroup gets a new chat id: every stored reference (its language,
its subscriptions, the log chat, the channel, residents' corrections) moves to the new id. A
chat that blocked or removed the bot, or was deleted, has its subscriptions paused until the
bot is let back in.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import atomic
from knowledge.admin.config import CHANNEL, LOG_CHAT, get_setting, put_setting
from knowledge.store import models

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class ChatTarget:
    """Where a message goes: a Telegram chat id and, in a forum, its topic's message_thread_id
    (None for the chat itself or the forum's General topic)."""

    chat_id: int
    thread_id: int | None = None


async def move_chat(session: AsyncSession, old_id: int, new_id: int) -> int:
    """Move every reference to chat `old_id` to `new_id` (a group upgraded to a supergroup),
    in one transaction; how many references moved. A reference the new chat already has (it
    chose a language, it follows the hromada) is kept and the old one dropped."""
    moved = 0
    async with atomic(session):
        old_preference = await session.get(models.ChatPreferenceRow, old_id)
        if old_preference is not None:
            if await session.get(models.ChatPreferenceRow, new_id) is None:
                session.add(
                    models.ChatPreferenceRow(
                        chat_id=new_id,
                        language=old_preference.language,
                        updated_at=old_preference.updated_at,
                    )
                )
            await session.delete(old_preference)
            moved += 1
        old_subscriptions = await session.scalars(
            select(models.SubscriptionRow).where(models.SubscriptionRow.chat_id == old_id)
        )
        for row in list(old_subscriptions.all()):
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
            await session.delete(row)
            moved += 1
        for setting in (LOG_CHAT, CHANNEL):
            if await get_setting(session, setting) == str(old_id):
                await put_setting(session, setting, str(new_id))
                moved += 1
        corrections = await session.execute(
            update(models.CorrectionRow)
            .where(models.CorrectionRow.chat_id == old_id)
            .values(chat_id=new_id)
        )
        moved += int(getattr(corrections, "rowcount", 0) or 0)
        await session.flush()
    logger.info("Chat %s became %s: %d references moved", old_id, new_id, moved)
    return moved


async def _set_active(session: AsyncSession, chat_id: int, active: bool) -> int:
    async with atomic(session):
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
