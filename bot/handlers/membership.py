"""The bot's own place in chats: added, removed, blocked, and groups upgraded to supergroups.

Telegram tells of these with `my_chat_member` updates and migrate service messages; none of
them is answered except a group that has just added the bot, which learns how to ask it.
"""

from __future__ import annotations

import logging

from aiogram import Bot, F, Router
from aiogram.types import ChatMemberUpdated, Message
from aiogram.utils.i18n import gettext as _

from bot.delivery import follow_upgrade
from bot.replies import send_to
from bot.routing import Handlers
from bot.services import BotServices
from bot.texts import escaped
from knowledge.admin.chats import pause_chat, resume_chat

router = Handlers(__name__)
logger = logging.getLogger(__name__)
GONE = frozenset({"left", "kicked"})
GROUP_TYPES = frozenset({"group", "supergroup"})


def usage_in_group(username: str) -> str:
    """The short greeting of a group that added the bot: how to ask it there."""
    return _(
        "Hello! I am Pobratym: I answer questions about hromadas' international partnerships."
        " To ask me here, mention @{username} in your question, reply to my message, or send"
        " /ask and the question. The group's administrators can choose my language with"
        " /language and follow a hromada's news with /subscribe."
    ).format(username=username)


@router.my_chat_member()
async def membership_changed(update: ChatMemberUpdated, bot: Bot, services: BotServices) -> None:
    """Pause the chat's subscriptions when it blocks or removes the bot; resume them, and
    greet a group, when it takes the bot back."""
    old = update.old_chat_member.status
    new = update.new_chat_member.status
    chat = update.chat
    if new in GONE:
        paused = await services.work(pause_chat, chat.id)
        logger.info("Chat %s removed the bot (%s); %d paused", chat.id, new, paused)
        return
    if old not in GONE:
        return
    resumed = await services.work(resume_chat, chat.id)
    logger.info("Chat %s took the bot back; %d subscriptions resumed", chat.id, resumed)
    if chat.type in GROUP_TYPES:
        me = await bot.me()
        await send_to(bot, chat.id, escaped(usage_in_group(me.username or "")))


@router.message(F.migrate_to_chat_id, flags={"counted": False})
async def group_upgraded(message: Message, services: BotServices) -> None:
    """The group became a supergroup: every reference to it moves to the new id."""
    if message.migrate_to_chat_id is not None:
        await follow_upgrade(services, message.chat.id, message.migrate_to_chat_id)


@router.message(F.migrate_from_chat_id, flags={"counted": False})
async def supergroup_from_group(message: Message, services: BotServices) -> None:
    """The other side of the same upgrade (whichever comes first moves the references)."""
    if message.migrate_from_chat_id is not None:
        await follow_upgrade(services, message.migrate_from_chat_id, message.chat.id)


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
