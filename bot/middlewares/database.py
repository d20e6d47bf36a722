"""The one database session of an update, for the handlers that take one. Updates whose handler
takes no session (questions, /start, browsing) open none: on SQLite every transaction trips
through aiosqlite's thread several times.

The services own their transactions (`knowledge.admin.common.atomic`): each write commits with
its audit entry on this same session, so a handler never opens a session of its own. What is
left open when the handler returns (reads) is committed then, and rolled back if it failed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from aiogram import BaseMiddleware
from aiogram.dispatcher.event.handler import HandlerObject
from aiogram.types import TelegramObject
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

# The observers whose handlers may take `session` (an inner middleware of each).
EVENTS = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "callback_query",
    "inline_query",
    "my_chat_member",
    "chat_member",
)


def takes_session(handler: object) -> bool:
    """Whether the handler chosen for the update names a `session` parameter."""
    if not isinstance(handler, HandlerObject):
        return True
    return handler.varkw or "session" in handler.params


class DatabaseSessionMiddleware(BaseMiddleware):
    """An inner middleware: puts `session` into the data of a handler that takes one."""

    def __init__(self, sessions: async_sessionmaker[AsyncSession]) -> None:
        self.sessions = sessions

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if "session" in data or not takes_session(data.get("handler")):
            return await handler(event, data)
        try:
            async with self.sessions() as session:
                data["session"] = session
                result = await handler(event, data)
                if session.in_transaction():
                    await session.commit()
                return result
        finally:
            # The error handler gets the same data; a closed session must not be reused there.
            data.pop("session", None)
