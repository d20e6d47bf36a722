"""Delivering what the bot sends on its own (announcements, reminders, the log) as Telegram
really answers: a group upgraded to a supergroup is followed to its new id, a chat that
refuses the bot is paused, a topic that is gone falls back to the chat itself.
"""

from __future__ import annotations

import asyncio
import enum
import logging

from aiogram import Bot
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
)

from bot.services import BotServices
from knowledge.admin.chats import move_chat, pause_chat
from knowledge.store.followers import ChatTarget

logger = logging.getLogger(__name__)

# 400 descriptions that mean the chat is gone for good, as a 403 does.
_GONE_CHAT = ("chat not found", "user is deactivated", "peer_id_invalid")
_GONE_TOPIC = ("message thread not found", "topic_deleted", "topic_closed")


# One move at a time in this process: both service messages of an upgrade, and a send that
# met the upgrade, may each try to move the same chat at once.
_MOVING = asyncio.Lock()


async def follow_upgrade(services: BotServices, old_id: int, new_id: int) -> None:
    """Move every stored reference of a group upgraded to a supergroup to its new id."""
    async with _MOVING:
        await services.work(move_chat, old_id, new_id)
    await services.chat_languages.forget(old_id, new_id)


class SendOutcome(enum.Enum):
    """What became of a message the bot sent on its own."""

    SENT = "sent"
    # The chat refuses the bot (blocked, removed, deleted): paused, not to be tried again.
    GONE = "gone"
    # Telegram or the network failed after every retry: try again later.
    FAILED = "failed"
    # Telegram refused the message itself (a 400 about its text): sending it again is no use.
    REFUSED = "refused"


def refuses_the_bot(error: TelegramAPIError) -> bool:
    """Whether the error says the chat will not take the bot's messages: blocked, kicked,
    left, a deleted account or group ("chat not found")."""
    if isinstance(error, TelegramForbiddenError):
        return True
    return isinstance(error, TelegramBadRequest) and any(
        gone in error.message.lower() for gone in _GONE_CHAT
    )


def _topic_gone(error: TelegramAPIError) -> bool:
    return isinstance(error, TelegramBadRequest) and any(
        gone in error.message.lower() for gone in _GONE_TOPIC
    )


async def deliver(
    bot: Bot, services: BotServices, target: ChatTarget, parts: list[str]
) -> tuple[SendOutcome, ChatTarget]:
    """Send the HTML `parts` in order to the chat and topic; the outcome and where they went.

    A 400 with migrate_to_chat_id moves every stored reference to the new chat and sends
    there; 403 or "chat not found" pauses the chat's subscriptions (GONE); any other 400 is
    REFUSED; a 5xx, 429 or network failure left after the session's retries is FAILED.
    Nothing is raised.
    """
    index = 0
    moves = 0
    while index < len(parts):
        try:
            await bot.send_message(
                target.chat_id, parts[index], message_thread_id=target.thread_id
            )
        except TelegramMigrateToChat as error:
            moves += 1
            if moves > 1:
                logger.warning("Chat %s keeps moving; skipped", target.chat_id)
                return SendOutcome.FAILED, target
            new_id = error.migrate_to_chat_id
            await follow_upgrade(services, target.chat_id, new_id)
            target = ChatTarget(new_id, target.thread_id)
            continue
        except TelegramAPIError as error:
            if refuses_the_bot(error):
                logger.info("Chat %s refuses the bot; its subscriptions pause", target.chat_id)
                await services.work(pause_chat, target.chat_id)
                return SendOutcome.GONE, target
            if target.thread_id is not None and _topic_gone(error):
                logger.info("Topic %s of chat %s is gone", target.thread_id, target.chat_id)
                target = ChatTarget(target.chat_id)
                continue
            if isinstance(error, TelegramBadRequest):
                logger.error("Chat %s refused the message: %s", target.chat_id, error.message)
                return SendOutcome.REFUSED, target
            logger.warning("Sending to chat %s failed: %s", target.chat_id, type(error).__name__)
            return SendOutcome.FAILED, target
        index += 1
    return SendOutcome.SENT, target
