"""How chats change under the bot: members adding and removing it, blocking it, groups upgraded
to supergroups, anonymous administrators, and the refusals Telegram gives afterwards."""

from __future__ import annotations

import time
from typing import Any

from bot.local_api.rules import BadRequest, Forbidden

# Telegram's shared sender of every anonymous group administrator's messages.
GROUP_ANONYMOUS_BOT: dict[str, Any] = {
    "id": 1087968824,
    "is_bot": True,
    "first_name": "Group",
    "username": "GroupAnonymousBot",
}
GROUP_TYPES = frozenset({"group", "supergroup"})
GONE = frozenset({"left", "kicked"})


def chat_member(user: dict[str, Any], status: str) -> dict[str, Any]:
    """A ChatMember object of the given status (creator, administrator, member, left or
    kicked), with the fields that status requires."""
    member: dict[str, Any] = {"status": status, "user": user}
    if status == "kicked":
        member["until_date"] = 0
    elif status == "creator":
        member["is_anonymous"] = False
    elif status == "administrator":
        member.update(
            {
                "can_be_edited": False,
                "is_anonymous": False,
                "can_manage_chat": True,
                "can_delete_messages": True,
                "can_manage_video_chats": True,
                "can_restrict_members": True,
                "can_promote_members": False,
                "can_change_info": True,
                "can_invite_users": True,
                "can_post_stories": False,
                "can_edit_stories": False,
                "can_delete_stories": False,
                "can_send_welcome_messages": False,
                "can_post_messages": True,
            }
        )
    return member


def my_chat_member(
    chat: dict[str, Any], actor: dict[str, Any], bot: dict[str, Any], old: str, new: str
) -> dict[str, Any]:
    """The `my_chat_member` body Telegram sends when the bot's status in a chat changes."""
    return {
        "my_chat_member": {
            "chat": chat,
            "from": actor,
            "date": int(time.time()),
            "old_chat_member": chat_member(bot, old),
            "new_chat_member": chat_member(bot, new),
        }
    }


def refusal_after_leaving(chat: dict[str, Any], status: str) -> BadRequest:
    """What Telegram answers a bot sending to a chat it was removed from (or blocked in)."""
    kind = chat["type"]
    if kind == "private":
        return Forbidden("bot was blocked by the user")
    if status == "kicked":
        return Forbidden(f"bot was kicked from the {kind} chat")
    if kind == "channel":
        return Forbidden("bot is not a member of the channel chat")
    return Forbidden(f"bot is not a member of the {kind} chat")


def refusal_after_deletion(chat: dict[str, Any]) -> BadRequest:
    """What Telegram answers about a deleted account or a deleted group."""
    if chat["type"] == "private":
        return Forbidden("user is deactivated")
    return BadRequest("chat not found")


def migrated(new_chat_id: int) -> BadRequest:
    """The refusal of every call to a group that became a supergroup."""
    return BadRequest(
        "group chat was upgraded to a supergroup chat",
        parameters={"migrate_to_chat_id": new_chat_id},
    )
