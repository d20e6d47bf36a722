"""A Bot API session that answers at once, in memory: the update path measured without a network.

Each reply is parsed and checked by aiogram exactly as a real response would be, so the cost of
the bot's own requests stays in the figures.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncGenerator
from itertools import count
from typing import Any

from aiogram import Bot
from aiogram.client.session.base import BaseSession
from aiogram.methods import GetMe, SendMessage, TelegramMethod
from aiogram.methods.base import TelegramType
from aiogram.types import Chat, Message, MessageEntity, Update, User

TOKEN = "123456789:BENCH-token-that-is-long-enough-0000"  # noqa: S105 - a fake, for the stub
BOT_USER = {"id": 123456789, "is_bot": True, "first_name": "Bench", "username": "bench_bot"}


class InstantSession(BaseSession):
    """Answers every method as Telegram would, without sending anything; counts the calls."""

    def __init__(self) -> None:
        super().__init__()
        self.calls = 0
        self._message_ids = count(1)

    def _result(self, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(method, SendMessage):
            chat_id = method.chat_id
            return {
                "message_id": next(self._message_ids),
                "date": 1_750_000_000,
                "chat": {"id": chat_id, "type": "private", "first_name": "Resident"},
                "from": BOT_USER,
                "text": method.text,
            }
        return True

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - the base signature
    ) -> TelegramType:
        self.calls += 1
        content = json.dumps({"ok": True, "result": self._result(method)})
        response = self.check_response(bot=bot, method=method, status_code=200, content=content)
        return response.result  # type: ignore[return-value]

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - the base signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        yield b""

    async def close(self) -> None:
        pass


_update_ids = count(1)


def text_update(text: str, user_id: int, language_code: str = "uk") -> Update:
    """A private message from `user_id`, as Telegram delivers it (a command gets its entity)."""
    entities = None
    if text.startswith("/"):
        entities = [MessageEntity(type="bot_command", offset=0, length=len(text.split()[0]))]
    update_id = next(_update_ids)
    return Update(
        update_id=update_id,
        message=Message(
            message_id=update_id,
            date=dt.datetime.now(dt.UTC),
            chat=Chat(id=user_id, type="private", first_name="Resident"),
            from_user=User(
                id=user_id, is_bot=False, first_name="Resident", language_code=language_code
            ),
            text=text,
            entities=entities,
        ),
    )
