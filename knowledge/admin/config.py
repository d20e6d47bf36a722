"""Administrative settings kept in the database: the log chat and the notifiers' cursors."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import Admin
from knowledge.admin.history import Change, audit_since, last_change_id
from knowledge.admin.permissions import require_super_admin
from knowledge.store.admin_settings import get_setting, move_cursor_from, put_setting
from knowledge.store.engines import writing

LOG_CHAT = "log_chat_id"
# The forum topic of the log chat, when the log goes to one.
LOG_CHAT_THREAD = "log_chat_thread_id"
# The log chat the bot could not post to last time, so the admins are told once.
LOG_CHAT_FAILING = "log_chat_failing"
CHANNEL = "publish_channel"
AUDIT_CURSOR = "audit_forwarded_up_to"


async def get_log_chat(session: AsyncSession) -> int | None:
    """The chat the audit log is forwarded to, if any."""
    value = await get_setting(session, LOG_CHAT)
    return None if value is None else int(value)


async def mark_log_failing(session: AsyncSession, chat_id: int) -> bool:
    """Remember that posting to the log chat fails; True the first time (tell the admins once
    until it works again), committed."""
    async with writing(session):
        if await get_setting(session, LOG_CHAT_FAILING) == str(chat_id):
            return False
        await put_setting(session, LOG_CHAT_FAILING, str(chat_id))
    return True


async def clear_log_failing(session: AsyncSession) -> None:
    """Posting to the log chat works (again); committed."""
    async with writing(session):
        await put_setting(session, LOG_CHAT_FAILING, None)


async def get_log_thread(session: AsyncSession) -> int | None:
    """The forum topic (message_thread_id) of the log chat, if the log goes to one."""
    value = await get_setting(session, LOG_CHAT_THREAD)
    return None if value is None else int(value)


async def set_log_chat(
    session: AsyncSession, admin: Admin, chat_id: int | None, thread_id: int | None = None
) -> None:
    """Forward the audit log to the chat (in a forum, to the topic `thread_id`) from now on
    (None stops forwarding); super-admins only."""
    require_super_admin(admin)
    async with writing(session):
        await put_setting(session, LOG_CHAT, None if chat_id is None else str(chat_id))
        await put_setting(
            session, LOG_CHAT_THREAD, None if chat_id is None or not thread_id else str(thread_id)
        )
        # Only what happens from now on is forwarded, not the whole history.
        await put_setting(session, AUDIT_CURSOR, str(await last_change_id(session)))


async def get_channel(session: AsyncSession) -> str | None:
    """The channel /publish posts to (an @username or a numeric chat id), if one is set."""
    return await get_setting(session, CHANNEL)


async def set_channel(session: AsyncSession, admin: Admin, channel: str | None) -> None:
    """Post to the channel from now on (None forgets it); super-admins only."""
    require_super_admin(admin)
    async with writing(session):
        await put_setting(session, CHANNEL, channel)


async def cursor(session: AsyncSession, name: str) -> int:
    """A notifier's position in the audit log; on first use, the newest entry (so no backlog)."""
    value = await get_setting(session, name)
    if value is not None:
        return int(value)
    newest = await last_change_id(session)
    async with writing(session):
        await put_setting(session, name, str(newest))
    return newest


async def advance_cursor(session: AsyncSession, name: str, up_to: int) -> None:
    """Remember that the notifier handled every audit entry up to `up_to`; committed."""
    async with writing(session):
        value = await get_setting(session, name)
        done = 0 if value is None else int(value)
        await put_setting(session, name, str(max(up_to, done)))


async def claim_cursor(session: AsyncSession, name: str, seen: int, up_to: int) -> bool:
    """Move the notifier's cursor from `seen` to `up_to`; False when someone else moved it.

    The move is one conditional update, so of two senders that read the same cursor only one
    may go on and send what lies between.
    """
    async with writing(session):
        return await move_cursor_from(session, name, seen, up_to)


async def pending_audit(session: AsyncSession, limit: int = 50) -> list[Change]:
    """Audit entries not yet forwarded to the log chat, oldest first; none without a chat."""
    if await get_log_chat(session) is None:
        return []
    return await audit_since(session, await cursor(session, AUDIT_CURSOR), limit)


async def mark_forwarded(session: AsyncSession, up_to: int) -> None:
    """Remember that the audit log was forwarded up to the entry `up_to`."""
    await advance_cursor(session, AUDIT_CURSOR, up_to)
