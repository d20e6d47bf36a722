"""Driving the real Dispatcher like a user, over a session that records every Bot API call.

The session runs aiogram's own response checks on plausible results (as aiogram's
tests/mocked_bot.py does) and only replaces the network.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import AsyncGenerator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import count
from typing import Any

from aiogram import Bot, Dispatcher
from aiogram.client.session.base import BaseSession
from aiogram.methods import (
    EditMessageText,
    GetChatMember,
    GetMe,
    SendLocation,
    SendMessage,
    TelegramMethod,
)
from aiogram.methods.base import TelegramType
from aiogram.types import (
    CallbackQuery,
    Chat,
    InlineKeyboardMarkup,
    InlineQuery,
    Message,
    MessageEntity,
    Update,
    User,
)

from bot.factory import create_bot, create_dispatcher
from bot.middlewares import MemoryFloodGate
from bot.services import BotServices
from bot.settings import Settings
from bot.write_jobs import wait_for_jobs

TOKEN = "123456789:TEST-token-that-is-long-enough-000"
BOT_ID = 123456789
BOT_USERNAME = "pobratym_test_bot"
USER_ID = 1001
GROUP_ID = -100500
TODAY = dt.date(2025, 6, 1)
# Noon in Kyiv on TODAY: inside the hours reminders and announcements are sent in.
NOON = dt.datetime(2025, 6, 1, 9, tzinfo=dt.UTC)
ALLOWED_TAGS = frozenset({"b", "i", "u", "s", "a", "code", "pre", "blockquote"})
# A test types faster than any resident; the flood limit has tests of its own.


def unhurried() -> MemoryFloodGate:
    """A flood gate no test's typing trips."""
    return MemoryFloodGate(limit=1_000_000)


_BARE_AMPERSAND = re.compile(r"&(?!(?:amp|lt|gt|quot|#\d+);)")


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def html_problems(text: str) -> list[str]:
    """What Telegram would reject in an HTML message."""
    problems = []
    if len(text) > 4096:
        problems.append(f"longer than 4096 characters ({len(text)})")
    if _BARE_AMPERSAND.search(text):
        problems.append("an unescaped &")
    collector = _TagCollector()
    collector.feed(text)
    problems += [f"tag <{tag}>" for tag in collector.tags if tag not in ALLOWED_TAGS]
    return problems


def _chat(chat_id: int | str) -> dict[str, Any]:
    if isinstance(chat_id, str):
        return {"id": -1009999, "type": "channel", "title": chat_id, "username": chat_id[1:]}
    if chat_id > 0:
        return {"id": chat_id, "type": "private", "first_name": "Resident"}
    return {"id": chat_id, "type": "supergroup", "title": "Hromada chat"}


BOT_USER = {"id": BOT_ID, "is_bot": True, "first_name": "Pobratym", "username": BOT_USERNAME}


class RecordingSession(BaseSession):
    """Records each method; answers with what Telegram would send back."""

    def __init__(self) -> None:
        super().__init__()
        self.requests: list[TelegramMethod[Any]] = []
        self.problems: list[str] = []
        self.administrators: set[tuple[int, int]] = set()
        # Chats that refuse the bot: a message to one is answered with Telegram's 403.
        self.blocked: set[int] = set()
        self._message_ids = count(1000)

    def _message(self, chat_id: int | str, **content: Any) -> dict[str, Any]:
        return {
            "message_id": next(self._message_ids),
            "date": 1_750_000_000,
            "chat": _chat(chat_id),
            "from": BOT_USER,
            **content,
        }

    def _result(self, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetMe):
            return BOT_USER
        if isinstance(method, SendMessage | EditMessageText):
            self.problems += [
                f"{problem}: {method.text!r}" for problem in html_problems(method.text or "")
            ]
            chat_id = method.chat_id if method.chat_id is not None else USER_ID
            return self._message(chat_id, text=method.text)
        if isinstance(method, SendLocation):
            location = {"latitude": method.latitude, "longitude": method.longitude}
            return self._message(method.chat_id, location=location)
        if isinstance(method, GetChatMember):
            user = {"id": method.user_id, "is_bot": False, "first_name": "Member"}
            if (int(method.chat_id), method.user_id) in self.administrators:
                return {"status": "creator", "user": user, "is_anonymous": False}
            return {"status": "member", "user": user}
        return True

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - the base signature
    ) -> TelegramType:
        self.requests.append(method)
        if isinstance(method, SendMessage) and method.chat_id in self.blocked:
            refusal = {
                "ok": False,
                "error_code": 403,
                "description": "Forbidden: bot was blocked by the user",
            }
            self.check_response(
                bot=bot, method=method, status_code=403, content=json.dumps(refusal)
            )
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


def keyboard_buttons(markup: object) -> list[tuple[str, str | None]]:
    """(label, callback data or URL) of every button, row by row."""
    if not isinstance(markup, InlineKeyboardMarkup):
        return []
    return [
        (button.text, button.callback_data or button.url)
        for row in markup.inline_keyboard
        for button in row
    ]


@dataclass
class Harness:
    """A bot, its dispatcher and its recording session, driven through updates."""

    bot: Bot
    dispatcher: Dispatcher
    session: RecordingSession
    services: BotServices
    _update_ids: Any = field(default_factory=lambda: count(1))

    async def feed(self, update: Update) -> list[TelegramMethod[Any]]:
        """Feed one update; the Bot API calls it made."""
        start = len(self.session.requests)
        await self.dispatcher.feed_update(self.bot, update)
        # An import (or its undo) the update started runs on in the background.
        await wait_for_jobs()
        return self.session.requests[start:]

    def _user(self, user_id: int, language_code: str | None) -> User:
        return User(id=user_id, is_bot=False, first_name="Resident", language_code=language_code)

    async def send(
        self,
        text: str,
        *,
        chat_id: int = USER_ID,
        user_id: int = USER_ID,
        language_code: str | None = "en",
        reply_to_bot: bool = False,
    ) -> list[TelegramMethod[Any]]:
        """A user writes `text` in a chat (private for positive ids, a group otherwise)."""
        chat = Chat.model_validate(_chat(chat_id))
        entities = [
            MessageEntity(type="mention", offset=match.start(), length=len(match.group()))
            for match in re.finditer(r"@\w+", text)
        ]
        if text.startswith("/"):
            entities.insert(
                0, MessageEntity(type="bot_command", offset=0, length=len(text.split()[0]))
            )
        replied = None
        if reply_to_bot:
            replied = Message(
                message_id=1,
                date=dt.datetime.now(dt.UTC),
                chat=chat,
                from_user=User.model_validate(BOT_USER),
                text="…",
            )
        message = Message(
            message_id=next(self._update_ids) + 10_000,
            date=dt.datetime.now(dt.UTC),
            chat=chat,
            from_user=self._user(user_id, language_code),
            text=text,
            entities=entities or None,
            reply_to_message=replied,
        )
        return await self.feed(Update(update_id=next(self._update_ids), message=message))

    async def click(
        self,
        data: str,
        *,
        chat_id: int = USER_ID,
        user_id: int = USER_ID,
        language_code: str | None = "en",
    ) -> list[TelegramMethod[Any]]:
        """A user presses a button whose callback data is `data`, under a bot message."""
        message = Message(
            message_id=999,
            date=dt.datetime.now(dt.UTC),
            chat=Chat.model_validate(_chat(chat_id)),
            from_user=User.model_validate(BOT_USER),
            text="…",
        )
        callback = CallbackQuery(
            id=str(next(self._update_ids)),
            from_user=self._user(user_id, language_code),
            chat_instance="instance",
            message=message,
            data=data,
        )
        return await self.feed(Update(update_id=next(self._update_ids), callback_query=callback))

    async def inline(
        self, query: str, *, language_code: str | None = "en", offset: str = ""
    ) -> list[TelegramMethod[Any]]:
        """A user types `@bot query` (and scrolls to the results from `offset`)."""
        inline_query = InlineQuery(
            id=str(next(self._update_ids)),
            from_user=self._user(USER_ID, language_code),
            query=query,
            offset=offset,
        )
        return await self.feed(Update(update_id=next(self._update_ids), inline_query=inline_query))


def settings_for(database_url: str) -> Settings:
    """Settings with a well-formed token, read from nowhere but the arguments."""
    return Settings(_env_file=None, bot_token=TOKEN, database_url=database_url)


def build_harness(services: BotServices) -> Harness:
    """The real bot and dispatcher over a recording session."""
    session = RecordingSession()
    bot = create_bot(services.settings, session=session)
    return Harness(bot, create_dispatcher(services, flood_gate=unhurried()), session, services)


def calls_of(calls: list[TelegramMethod[Any]], kind: type[Any]) -> list[Any]:
    """The calls of one Bot API method, in order."""
    return [call for call in calls if isinstance(call, kind)]


def sent_texts(calls: list[TelegramMethod[Any]]) -> list[str]:
    """The texts of every sendMessage and editMessageText, in order."""
    return [call.text or "" for call in calls if isinstance(call, SendMessage | EditMessageText)]
