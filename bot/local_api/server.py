"""The local Telegram Bot API server: state, the Bot API methods, delivery and the control API."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
import re
import secrets
import time
from collections import defaultdict
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, Self

from aiohttp import ClientError, ClientSession, ClientTimeout, web

from bot.local_api import chat_changes, rules
from bot.local_api.rules import BadRequest

logger = logging.getLogger(__name__)

DEFAULT_TOKEN = "123456789:AAFakeLocalTokenForTheLocalBotApi000"  # noqa: S105
FaultKind = Literal["retry_after", "server_error", "drop"]
# Fields whose form values are strings even when they look like JSON numbers or literals.
_STRING_FIELDS = frozenset(
    {
        "text",
        "caption",
        "parse_mode",
        "callback_query_id",
        "inline_query_id",
        "url",
        "secret_token",
        "action",
        "language_code",
        "file_id",
        "description",
        "short_description",
        "name",
        "next_offset",
        "switch_pm_text",
        "switch_pm_parameter",
        "ip_address",
    }
)
# How long Telegram waits for answerCallbackQuery before the query is "too old".
CALLBACK_QUERY_TIMEOUT = 15.0
# What `fail_next` calls the file server.
FILE_DOWNLOAD = "file"
FILE_CHUNK = 64 * 1024
# `send_document`'s default: the message states the file's true size.
TRUE_SIZE = -1
# Telegram's defaults: 40 webhook requests at once, each given about a minute.
WEBHOOK_CONNECTIONS = 40
WEBHOOK_TIMEOUT = 60.0


@dataclass
class UploadedFile:
    """A file the bot uploaded or a user sent, with its bytes."""

    file_id: str
    filename: str
    content: bytes
    file_path: str


@dataclass
class Call:
    """One request the bot made, in the order it arrived."""

    index: int
    method: str
    params: dict[str, Any]
    files: dict[str, UploadedFile] = field(default_factory=dict)
    status: int = 200
    response: dict[str, Any] = field(default_factory=dict)
    fault: str | None = None
    received_at: float = field(default_factory=time.monotonic)

    @property
    def ok(self) -> bool:
        """Whether Telegram would have accepted the call."""
        return self.status == 200

    @property
    def result(self) -> Any:
        """The result returned to the bot (None when the call failed)."""
        return self.response.get("result")


@dataclass
class _Fault:
    kind: FaultKind
    retry_after: int


class _ApiError(Exception):
    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    @property
    def parameters(self) -> dict[str, Any] | None:
        return None if self.retry_after is None else {"retry_after": self.retry_after}


class LocalTelegram:
    """A local Telegram Bot API for one bot, served over HTTP on 127.0.0.1."""

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        username: str = "pobratym_local_bot",
        first_name: str = "Pobratym",
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        self.token = token
        self.bot_user: dict[str, Any] = {
            "id": int(token.partition(":")[0]),
            "is_bot": True,
            "first_name": first_name,
            "username": username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }
        self._host = host
        self._port = port
        self._runner: web.AppRunner | None = None
        self.calls: list[Call] = []
        self._cursor = 0
        self._calls_changed = asyncio.Condition()
        self._update_ids = itertools.count(1)
        self._pending: list[dict[str, Any]] = []
        self._updates_changed = asyncio.Event()
        self._duplicate_next = 0
        self._allowed_updates: list[str] | None = None
        self._faults: dict[str, list[_Fault]] = defaultdict(list)
        self._stated_sizes: dict[str, int | None] = {}
        # Bytes of each file (by file_path) the file server sent before the bot hung up.
        self.served_bytes: dict[str, int] = {}
        self.chats: dict[int, dict[str, Any]] = {}
        self.users: dict[int, dict[str, Any]] = {}
        self.messages: dict[int, dict[int, dict[str, Any]]] = defaultdict(dict)
        self._message_ids: dict[int, itertools.count[int]] = defaultdict(
            lambda: itertools.count(1)
        )
        self._callback_queries: dict[str, dict[str, Any]] = {}
        self._callback_pressed_at: dict[str, float] = {}
        self.callback_query_timeout = CALLBACK_QUERY_TIMEOUT
        self.callback_answers: dict[str, dict[str, Any]] = {}
        self._inline_queries: set[str] = set()
        self.files: dict[str, UploadedFile] = {}
        self.commands: dict[tuple[str, str], list[dict[str, str]]] = {}
        self.member_status: dict[tuple[int, int], str] = {}
        # Why a chat refuses the bot now (blocked, kicked, deleted), and upgraded groups.
        self.refusals: dict[int, BadRequest] = {}
        self.migrations: dict[int, int] = {}
        self.bot_status: dict[int, str] = {}
        # Forum topics per chat: message_thread_id → name.
        self.topics: dict[int, dict[int, str]] = defaultdict(dict)
        self.profile: dict[tuple[str, str], str] = {}
        self._media_groups = itertools.count(1)
        self.webhook: dict[str, Any] = {}
        self.webhook_connections = WEBHOOK_CONNECTIONS
        self._webhook_task: asyncio.Task[None] | None = None
        self._closing = asyncio.Event()
        self._methods: dict[str, _Method] = {
            "getme": self._get_me,
            "getupdates": self._get_updates,
            "setwebhook": self._set_webhook,
            "deletewebhook": self._delete_webhook,
            "getwebhookinfo": self._get_webhook_info,
            "sendmessage": self._send_message,
            "editmessagetext": self._edit_message_text,
            "editmessagereplymarkup": self._edit_message_reply_markup,
            "deletemessage": self._delete_message,
            "answercallbackquery": self._answer_callback_query,
            "answerinlinequery": self._answer_inline_query,
            "sendlocation": self._send_location,
            "senddocument": self._send_document,
            "sendchataction": self._send_chat_action,
            "setmycommands": self._set_my_commands,
            "getmycommands": self._get_my_commands,
            "deletemycommands": self._delete_my_commands,
            "getchatmember": self._get_chat_member,
            "getchat": self._get_chat,
            "getfile": self._get_file,
            "getmyname": self._profile_getter("name"),
            "setmyname": self._profile_setter("name"),
            "getmydescription": self._profile_getter("description"),
            "setmydescription": self._profile_setter("description"),
            "getmyshortdescription": self._profile_getter("short_description"),
            "setmyshortdescription": self._profile_setter("short_description"),
        }

    # -- life cycle ---------------------------------------------------------------------------

    async def start(self) -> Self:
        """Serve on the host and port given (port 0 picks a free one)."""
        app = web.Application(client_max_size=60 * 1024 * 1024)
        app.router.add_route("*", "/bot{token}/{method}", self._handle_api)
        app.router.add_get("/file/bot{token}/{path:.+}", self._handle_file)
        app.router.add_post("/_control/{action}", self._handle_control)
        app.router.add_get("/_control/calls", self._handle_control_calls)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self._host, self._port)
        await site.start()
        # With port 0 the system picks a free port; the runner knows which.
        self._port = int(self._runner.addresses[0][1])
        return self

    async def close(self) -> None:
        """Stop serving; long polls in progress return at once."""
        self._closing.set()
        self._updates_changed.set()
        if self._webhook_task is not None:
            self._webhook_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._webhook_task
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def __aenter__(self) -> Self:
        return await self.start()

    async def __aexit__(self, *_: object) -> None:
        await self.close()

    @property
    def base_url(self) -> str:
        """The base to give `TelegramAPIServer.from_base` (and TELEGRAM_API_BASE)."""
        return f"http://{self._host}:{self._port}"

    # -- feeding updates as users would -------------------------------------------------------

    def user(
        self,
        user_id: int = 1001,
        *,
        first_name: str = "Olena",
        language_code: str | None = "uk",
        username: str | None = None,
    ) -> dict[str, Any]:
        """A user (remembered, so later updates and getChatMember know them)."""
        known = self.users.get(user_id)
        if known is None:
            known = {"id": user_id, "is_bot": False, "first_name": first_name}
            if username is not None:
                known["username"] = username
            if language_code is not None:
                known["language_code"] = language_code
            self.users[user_id] = known
        return known

    def chat(
        self,
        chat_id: int,
        *,
        chat_type: str = "private",
        title: str | None = None,
        is_forum: bool = False,
        username: str | None = None,
    ) -> dict[str, Any]:
        """A chat (remembered, so the bot may send to it); a forum supergroup has topics."""
        known = self.chats.get(chat_id)
        if known is None:
            known = {"id": chat_id, "type": chat_type}
            if chat_type == "private":
                user = self.users.get(chat_id)
                known["first_name"] = user["first_name"] if user else "Olena"
            else:
                known["title"] = title or f"Chat {abs(chat_id)}"
            if is_forum:
                known["is_forum"] = True
            if username is not None:
                known["username"] = username
            self.chats[chat_id] = known
        return known

    def send_message(
        self,
        text: str,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        reply_to: int | None = None,
        language_code: str | None = "uk",
        thread_id: int | None = None,
        anonymous_admin: bool = False,
    ) -> dict[str, Any]:
        """A user writes `text` (in their private chat unless chat_id is given); the update.

        `thread_id` writes in a forum topic; `anonymous_admin` writes as an administrator who
        hides behind the group (from GroupAnonymousBot, sender_chat the group itself).
        """
        message = self._user_message(
            {"text": text},
            user_id=user_id,
            chat_id=chat_id,
            chat_type=chat_type,
            reply_to=reply_to,
            language_code=language_code,
            thread_id=thread_id,
            anonymous_admin=anonymous_admin,
        )
        entities = _entities(text)
        if entities:
            message["entities"] = entities
        return self.feed({"message": message})

    def _user_message(
        self,
        content: dict[str, Any],
        *,
        user_id: int,
        chat_id: int | None,
        chat_type: str,
        reply_to: int | None = None,
        language_code: str | None = "uk",
        thread_id: int | None = None,
        anonymous_admin: bool = False,
    ) -> dict[str, Any]:
        user = self.user(user_id, language_code=language_code)
        chat = self.chat(user_id if chat_id is None else chat_id, chat_type=chat_type)
        if chat["id"] in self.migrations:
            raise LookupError(f"chat {chat['id']} became {self.migrations[chat['id']]}")
        sender = user
        if anonymous_admin:
            if chat["type"] not in chat_changes.GROUP_TYPES:
                raise LookupError("only groups have anonymous administrators")
            sender = self.users.setdefault(
                chat_changes.GROUP_ANONYMOUS_BOT["id"], dict(chat_changes.GROUP_ANONYMOUS_BOT)
            )
            content = {**content, "sender_chat": chat}
        if thread_id is not None:
            topic = self.messages[chat["id"]].get(thread_id)
            if thread_id not in self.topics.get(chat["id"], {}) or topic is None:
                raise LookupError(f"no topic {thread_id} in chat {chat['id']}")
            # Telegram shows a topic's messages as replies to the message that opened it.
            content = {
                **content,
                "message_thread_id": thread_id,
                "is_topic_message": True,
                "reply_to_message": dict(topic),
            }
        if reply_to is not None:
            replied = self.messages[chat["id"]].get(reply_to)
            if replied is None:
                raise LookupError(f"no message {reply_to} in chat {chat['id']}")
            content = {**content, "reply_to_message": dict(replied)}
        return self._store_message(chat, sender, content)

    def send_document(
        self,
        filename: str,
        content: bytes,
        *,
        user_id: int = 1001,
        caption: str | None = None,
        mime_type: str = "application/octet-stream",
        language_code: str | None = "uk",
        stated_size: int | None = TRUE_SIZE,
    ) -> dict[str, Any]:
        """A user sends a document in their private chat; the bot may getFile and download it.

        `stated_size` is the size the message and getFile tell (None: none), as a client
        may misstate it; by default the true one.
        """
        user = self.user(user_id, language_code=language_code)
        chat = self.chat(user_id)
        uploaded = self._keep_file(filename, content)
        document = {
            "file_id": uploaded.file_id,
            "file_unique_id": uploaded.file_id[:16],
            "file_name": filename,
            "mime_type": mime_type,
            "file_size": len(content),
        }
        if stated_size != TRUE_SIZE:
            self._stated_sizes[uploaded.file_id] = stated_size
            document.pop("file_size")
            if stated_size is not None:
                document["file_size"] = stated_size
        extra: dict[str, Any] = {"document": document}
        if caption is not None:
            extra["caption"] = caption
        return self.feed({"message": self._store_message(chat, user, extra)})

    def forward_post(
        self,
        text: str,
        *,
        channel: str = "@city_news",
        title: str = "City news",
        post_id: int = 1,
        posted_at: int | None = None,
        user_id: int = 1001,
        language_code: str | None = "uk",
    ) -> dict[str, Any]:
        """A user forwards a public channel's post (`channel`, `post_id`, posted at the Unix
        time `posted_at`) to the bot in their private chat; the message has `forward_origin`."""
        origin = {
            "type": "channel",
            "chat": {
                "id": -1_009_000_000_000 - post_id % 1000,
                "type": "channel",
                "title": title,
                "username": channel.lstrip("@"),
            },
            "message_id": post_id,
            "date": int(time.time()) if posted_at is None else posted_at,
        }
        message = self._user_message(
            {"text": text, "forward_origin": origin},
            user_id=user_id,
            chat_id=None,
            chat_type="private",
            language_code=language_code,
        )
        entities = _entities(text)
        if entities:
            message["entities"] = entities
        return self.feed({"message": message})

    def press_button(
        self, chat_id: int, message_id: int, button: str, *, user_id: int | None = None
    ) -> dict[str, Any]:
        """A user presses the inline button (by label or callback data) of a bot message."""
        message = self.messages[chat_id].get(message_id)
        if message is None:
            raise LookupError(f"no message {message_id} in chat {chat_id}")
        rows = message.get("reply_markup", {}).get("inline_keyboard", [])
        for row in rows:
            for candidate in row:
                if button in (candidate.get("text"), candidate.get("callback_data")):
                    if "callback_data" not in candidate:
                        raise LookupError(f"button {button!r} has no callback data")
                    presser = self.user(chat_id if user_id is None else user_id)
                    query_id = str(secrets.randbelow(10**18))
                    query = {
                        "id": query_id,
                        "from": presser,
                        "message": dict(message),
                        "chat_instance": str(chat_id),
                        "data": candidate["callback_data"],
                    }
                    self._callback_queries[query_id] = query
                    self._callback_pressed_at[query_id] = time.monotonic()
                    return self.feed({"callback_query": query})
        labels = [candidate.get("text") for row in rows for candidate in row]
        raise LookupError(f"no button {button!r} in message {message_id}; buttons: {labels}")

    def press_last_button(self, chat_id: int, button: str) -> dict[str, Any]:
        """Presses a button of the newest bot message in the chat that has it."""
        for message in reversed(self.bot_messages(chat_id)):
            with contextlib.suppress(LookupError):
                return self.press_button(chat_id, message["message_id"], button)
        raise LookupError(f"no bot message in chat {chat_id} has the button {button!r}")

    def inline_query(self, query: str, *, user_id: int = 1001) -> dict[str, Any]:
        """A user types `@bot query` anywhere."""
        query_id = str(secrets.randbelow(10**18))
        self._inline_queries.add(query_id)
        inline = {
            "id": query_id,
            "from": self.user(user_id),
            "query": query,
            "offset": "",
            "chat_type": "sender",
        }
        return self.feed({"inline_query": inline})

    def channel_post(
        self, text: str, *, chat_id: int = -1001000000001, title: str = "Hromada news"
    ) -> dict[str, Any]:
        """A post in a channel the bot is in."""
        chat = self.chat(chat_id, chat_type="channel", title=title)
        message = self._store_message(chat, None, {"text": text, "sender_chat": chat})
        return self.feed({"channel_post": message})

    def service_message(
        self,
        content: Mapping[str, Any],
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        thread_id: int | None = None,
    ) -> dict[str, Any]:
        """A service message (a pin, an auto-delete timer change, members joining...) with the
        given content fields, such as {"new_chat_members": [...]}; the update."""
        message = self._user_message(
            dict(content),
            user_id=user_id,
            chat_id=chat_id,
            chat_type=chat_type,
            thread_id=thread_id,
        )
        return self.feed({"message": message})

    def send_album(
        self,
        count: int = 5,
        *,
        user_id: int = 1001,
        chat_id: int | None = None,
        chat_type: str = "private",
        caption: str | None = None,
    ) -> list[dict[str, Any]]:
        """A user sends `count` photos at once: as Telegram does, one message each, sharing a
        media_group_id (the caption goes with the first); the updates."""
        group = f"album-{next(self._media_groups)}"
        updates = []
        for index in range(count):
            uploaded = self._keep_file(f"photo-{index + 1}.jpg", b"\xff\xd8\xff")
            photo = {
                "file_id": uploaded.file_id,
                "file_unique_id": uploaded.file_id[:16],
                "width": 1280,
                "height": 960,
                "file_size": len(uploaded.content),
            }
            content: dict[str, Any] = {"media_group_id": group, "photo": [photo]}
            if caption is not None and index == 0:
                content["caption"] = caption
            message = self._user_message(
                content, user_id=user_id, chat_id=chat_id, chat_type=chat_type
            )
            updates.append(self.feed({"message": message}))
        return updates

    def delete_message(self, chat_id: int, message_id: int) -> None:
        """Someone else deletes a message (its author, an admin, an anti-spam bot): it can no
        longer be replied to or edited."""
        if self.messages[chat_id].pop(message_id, None) is None:
            raise LookupError(f"no message {message_id} in chat {chat_id}")

    def create_topic(self, chat_id: int, name: str, *, user_id: int = 1001) -> int:
        """A member opens a topic in a forum supergroup; its message_thread_id (the id of the
        service message that opens it, as in Telegram)."""
        chat = self.chats.get(chat_id)
        if chat is None or not chat.get("is_forum"):
            raise LookupError(f"chat {chat_id} is not a forum")
        user = self.user(user_id)
        message = self._store_message(
            chat, user, {"forum_topic_created": {"name": name, "icon_color": 7322096}}
        )
        thread = int(message["message_id"])
        message.update({"message_thread_id": thread, "is_topic_message": True})
        self.topics[chat_id][thread] = name
        self.feed({"message": message})
        return thread

    def add_bot(
        self,
        chat_id: int,
        *,
        chat_type: str = "group",
        title: str | None = None,
        user_id: int = 1001,
        status: str = "member",
        is_forum: bool = False,
        language_code: str | None = "uk",
    ) -> dict[str, Any]:
        """A member adds the bot to a group (or makes it a channel's administrator, or a user
        unblocks it): Telegram sends my_chat_member, and the chat takes messages again."""
        user = self.user(user_id, language_code=language_code)
        chat = self.chat(chat_id, chat_type=chat_type, title=title, is_forum=is_forum)
        old = self.bot_status.get(chat_id, "kicked" if chat_type == "private" else "left")
        self.bot_status[chat_id] = status
        self.refusals.pop(chat_id, None)
        return self.feed(chat_changes.my_chat_member(chat, user, self.bot_user, old, status))

    def remove_bot(
        self, chat_id: int, *, user_id: int = 1001, status: str = "kicked"
    ) -> dict[str, Any]:
        """A member removes the bot from a group ("kicked" or "left"), or a user blocks it in
        their private chat: my_chat_member, and from then on every send is refused with 403."""
        chat = self.chats.get(chat_id)
        if chat is None:
            raise LookupError(f"no chat {chat_id}")
        if status not in chat_changes.GONE:
            raise ValueError(f"status must be one of {sorted(chat_changes.GONE)}")
        user = self.user(user_id)
        old = self.bot_status.get(chat_id, "member")
        self.bot_status[chat_id] = status
        self.refusals[chat_id] = chat_changes.refusal_after_leaving(chat, status)
        return self.feed(chat_changes.my_chat_member(chat, user, self.bot_user, old, status))

    def block_bot(self, user_id: int = 1001) -> dict[str, Any]:
        """The user blocks the bot (their private chat); 403 "bot was blocked by the user"."""
        self.chat(user_id)
        return self.remove_bot(user_id, user_id=user_id, status="kicked")

    def unblock_bot(self, user_id: int = 1001) -> dict[str, Any]:
        """The user unblocks the bot (or restarts it after blocking)."""
        return self.add_bot(user_id, chat_type="private", user_id=user_id)

    def delete_chat(self, chat_id: int) -> None:
        """The account or the group is deleted: Telegram sends nothing, and every later call
        about it is refused ("user is deactivated", "chat not found")."""
        chat = self.chats.get(chat_id)
        if chat is None:
            raise LookupError(f"no chat {chat_id}")
        self.refusals[chat_id] = chat_changes.refusal_after_deletion(chat)

    def migrate_group(
        self, chat_id: int, *, new_chat_id: int | None = None, user_id: int = 1001
    ) -> int:
        """A group is upgraded to a supergroup with a new id: a service message in each (the
        old one with migrate_to_chat_id, the new one with migrate_from_chat_id); every call to
        the old id is refused from then on with migrate_to_chat_id. The new id."""
        old = self.chats.get(chat_id)
        if old is None or old["type"] != "group":
            raise LookupError(f"no group {chat_id}")
        new_id = new_chat_id if new_chat_id is not None else int(f"-100{abs(chat_id)}")
        user = self.user(user_id)
        new = self.chat(new_id, chat_type="supergroup", title=old.get("title"))
        self.feed({"message": self._store_message(old, user, {"migrate_to_chat_id": new_id})})
        self.migrations[chat_id] = new_id
        for (member_chat, member), status in list(self.member_status.items()):
            if member_chat == chat_id:
                self.member_status[(new_id, member)] = status
        self.bot_status[new_id] = self.bot_status.get(chat_id, "member")
        self.feed({"message": self._store_message(new, user, {"migrate_from_chat_id": chat_id})})
        return new_id

    def feed(self, body: Mapping[str, Any]) -> dict[str, Any]:
        """Delivers a raw update (an update_id is given to it); returns the update."""
        update = {"update_id": next(self._update_ids), **body}
        copies = 2 if self._duplicate_next else 1
        self._duplicate_next = max(0, self._duplicate_next - 1)
        self._pending.extend(dict(update) for _ in range(copies))
        self._wake_updates()
        return update

    def forget_updates(self) -> int:
        """Drops the updates not yet delivered, as if they happened while nobody listened (a
        chat that changed before the bot's first start); how many were dropped."""
        dropped = len(self._pending)
        self._pending.clear()
        return dropped

    def duplicate_next_updates(self, count: int = 1) -> None:
        """The next `count` updates are each delivered twice with the same update_id."""
        self._duplicate_next += count

    def fail_next(
        self, method: str, kind: FaultKind = "retry_after", *, times: int = 1, retry_after: int = 1
    ) -> None:
        """The next `times` calls of `method` fail: 429 retry_after, 500, or a dropped socket.

        `method` "file" stands for file downloads, which fail with 502 (or a dropped socket).
        """
        self._faults[method.lower()].extend(_Fault(kind, retry_after) for _ in range(times))

    def set_member_status(self, chat_id: int, user_id: int, status: str) -> None:
        """What getChatMember answers for the user in the chat (default: member); one of
        creator, administrator, member, left, kicked."""
        self.member_status[(chat_id, user_id)] = status

    @property
    def pending_updates(self) -> list[dict[str, Any]]:
        """The updates not yet confirmed by the bot, in delivery order."""
        return [dict(update) for update in self._pending]

    # -- reading what the bot did -------------------------------------------------------------

    def calls_of(self, method: str) -> list[Call]:
        """Every call of the method so far, failed ones included."""
        return [call for call in self.calls if call.method.lower() == method.lower()]

    def bot_messages(self, chat_id: int) -> list[dict[str, Any]]:
        """The messages the bot has in the chat now, oldest first (edits applied)."""
        bot_id = self.bot_user["id"]
        return [
            message
            for message in self.messages[chat_id].values()
            if message.get("from", {}).get("id") == bot_id
        ]

    async def next_call(self, method: str | None = None, *, within: float = 5.0) -> Call:
        """The next call (of `method`, if given) after those already taken; TimeoutError else."""
        async with asyncio.timeout(within), self._calls_changed:
            while True:
                for position in range(self._cursor, len(self.calls)):
                    call = self.calls[position]
                    if method is None or call.method.lower() == method.lower():
                        self._cursor = position + 1
                        return call
                await self._calls_changed.wait()

    async def next_message(self, chat_id: int | None = None, *, within: float = 5.0) -> Call:
        """The next accepted sendMessage (to the chat, if given)."""
        async with asyncio.timeout(within):
            while True:
                call = await self.next_call("sendMessage", within=within)
                if call.ok and (chat_id is None or call.result["chat"]["id"] == chat_id):
                    return call

    async def wait_idle(self, *, quiet: float = 0.2, within: float = 5.0) -> None:
        """Waits until every update was confirmed and no call came for `quiet` seconds."""
        async with asyncio.timeout(within):
            while True:
                count = len(self.calls)
                await asyncio.sleep(quiet)
                if count == len(self.calls) and not self._pending:
                    return

    # -- state ----------------------------------------------------------------------------------

    def _wake_updates(self) -> None:
        self._updates_changed.set()
        self._updates_changed = asyncio.Event()
        if self.webhook.get("url") and (self._webhook_task is None or self._webhook_task.done()):
            self._webhook_task = asyncio.get_running_loop().create_task(self._deliver_webhook())

    def _store_message(
        self, chat: dict[str, Any], sender: dict[str, Any] | None, content: dict[str, Any]
    ) -> dict[str, Any]:
        message_id = next(self._message_ids[chat["id"]])
        message: dict[str, Any] = {"message_id": message_id, "date": int(time.time())}
        message["chat"] = chat
        if sender is not None:
            message["from"] = sender
        message.update(content)
        self.messages[chat["id"]][message_id] = message
        return message

    def _keep_file(self, filename: str, content: bytes) -> UploadedFile:
        file_id = f"file-{len(self.files) + 1}-{secrets.token_hex(8)}"
        uploaded = UploadedFile(
            file_id=file_id,
            filename=filename,
            content=content,
            file_path=f"documents/{file_id}-{filename}",
        )
        self.files[file_id] = uploaded
        return uploaded

    def _known_chat(self, params: Mapping[str, Any]) -> dict[str, Any]:
        """The chat a call names, if the bot may act in it; Telegram's refusal otherwise."""
        chat_id = params.get("chat_id")
        if isinstance(chat_id, str) and chat_id.lstrip("-").isdigit():
            chat_id = int(chat_id)
        elif isinstance(chat_id, str) and chat_id.startswith("@"):
            chat_id = next(
                (
                    known["id"]
                    for known in self.chats.values()
                    if str(known.get("username", "")).lower() == chat_id[1:].lower()
                ),
                None,
            )
        if isinstance(chat_id, int) and chat_id in self.migrations:
            raise chat_changes.migrated(self.migrations[chat_id])
        if not isinstance(chat_id, int) or chat_id not in self.chats:
            raise BadRequest("chat not found")
        refusal = self.refusals.get(chat_id)
        if refusal is not None:
            raise refusal
        return self.chats[chat_id]

    def _thread(self, chat: Mapping[str, Any], params: Mapping[str, Any]) -> dict[str, Any]:
        """The topic fields of a message sent with message_thread_id (none without one)."""
        thread = _int(params.get("message_thread_id"), 0)
        if not thread:
            return {}
        if thread not in self.topics.get(chat["id"], {}):
            raise BadRequest("message thread not found")
        return {"message_thread_id": thread, "is_topic_message": True}

    def _reply(self, chat: Mapping[str, Any], params: Mapping[str, Any]) -> dict[str, Any]:
        """The reply_to_message of a message sent as a reply; a missing target is refused
        unless allow_sending_without_reply says to send it anyway."""
        reply = params.get("reply_parameters")
        if not isinstance(reply, Mapping):
            reply = {
                "message_id": params.get("reply_to_message_id"),
                "allow_sending_without_reply": params.get("allow_sending_without_reply"),
            }
        replied_id = _int(reply.get("message_id"), 0)
        if not replied_id:
            return {}
        replied = self.messages[chat["id"]].get(replied_id)
        if replied is not None:
            return {"reply_to_message": dict(replied)}
        if reply.get("allow_sending_without_reply") in (True, "true"):
            return {}
        raise BadRequest("message to be replied not found")

    def _message_of(self, params: Mapping[str, Any], action: str) -> dict[str, Any]:
        chat = self._known_chat(params)
        message = self.messages[chat["id"]].get(_int(params.get("message_id")))
        if message is None:
            raise BadRequest(f"message to {action} not found")
        return message

    # -- the Bot API ------------------------------------------------------------------------------

    async def _handle_api(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        method = request.match_info["method"]
        params, files = await _read_params(request)
        call = Call(index=len(self.calls), method=method, params=params)
        handler = self._methods.get(method.lower())
        faults = self._faults.get(method.lower())
        try:
            if faults:
                fault = faults.pop(0)
                call.fault = fault.kind
                if fault.kind == "drop":
                    call.status = 0
                    await self._record(call)
                    if request.transport is not None:
                        request.transport.close()
                    return web.Response(status=500)
                if fault.kind == "retry_after":
                    raise _ApiError(
                        429,
                        f"Too Many Requests: retry after {fault.retry_after}",
                        retry_after=fault.retry_after,
                    )
                raise _ApiError(500, "Internal Server Error")
            if handler is None:
                raise _ApiError(404, "Not Found")
            result = await handler(params, files, call)
            call.response = {"ok": True, "result": result}
        except BadRequest as error:
            call.status = error.status
            call.response = _error_body(error.status, error.description, error.parameters)
        except _ApiError as error:
            call.status = error.status
            call.response = _error_body(error.status, error.description, error.parameters)
        await self._record(call)
        return web.json_response(call.response, status=call.status)

    async def _record(self, call: Call) -> None:
        # getUpdates and getMe are the bot's routine; keeping them would drown what it says.
        if call.method.lower() in ("getupdates",) and call.ok:
            return
        async with self._calls_changed:
            call.index = len(self.calls)
            self.calls.append(call)
            self._calls_changed.notify_all()

    async def _handle_file(self, request: web.Request) -> web.StreamResponse:
        if request.match_info["token"] != self.token:
            return _error(401, "Unauthorized")
        faults = self._faults.get(FILE_DOWNLOAD)
        if faults:
            fault = faults.pop(0)
            if fault.kind == "drop" and request.transport is not None:
                request.transport.close()
            # Telegram's file server answers a failure with a bare 502 page.
            return web.Response(status=502, text="Bad Gateway")
        for uploaded in self.files.values():
            if uploaded.file_path == request.match_info["path"]:
                return await self._serve_file(request, uploaded)
        return _error(404, "Not Found")

    async def _serve_file(
        self, request: web.Request, uploaded: UploadedFile
    ) -> web.StreamResponse:
        """Sends the file in chunks, counting in `served_bytes` what the bot took before it
        hung up."""
        response = web.StreamResponse()
        response.content_length = len(uploaded.content)
        await response.prepare(request)
        served = 0
        try:
            for start in range(0, len(uploaded.content), FILE_CHUNK):
                chunk = uploaded.content[start : start + FILE_CHUNK]
                await response.write(chunk)
                served += len(chunk)
                self.served_bytes[uploaded.file_path] = served
                await asyncio.sleep(0)
            await response.write_eof()
        except (ConnectionError, RuntimeError):
            pass  # the bot stopped reading
        return response

    async def _get_me(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        return self.bot_user

    async def _get_updates(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        if self.webhook.get("url"):
            raise _ApiError(
                409,
                "Conflict: can't use getUpdates method while webhook is active; "
                "use deleteWebhook to delete the webhook first",
            )
        offset = _int(params.get("offset"), 0)
        limit = min(max(_int(params.get("limit"), 100), 1), 100)
        timeout = _int(params.get("timeout"), 0)
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = allowed or None
        if offset:
            self._pending = [update for update in self._pending if update["update_id"] >= offset]
        deadline = asyncio.get_running_loop().time() + timeout
        while True:
            self._pending = [update for update in self._pending if self._is_allowed(update)]
            if self._pending or self._closing.is_set():
                return self._pending[:limit]
            remaining = deadline - asyncio.get_running_loop().time()
            if remaining <= 0:
                return []
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._updates_changed.wait(), remaining)

    def _is_allowed(self, update: Mapping[str, Any]) -> bool:
        if self._allowed_updates is None:
            return True
        return any(kind in update for kind in self._allowed_updates)

    async def _set_webhook(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        url = params.get("url")
        if not url:
            return await self._delete_webhook(params, files, call)
        if not isinstance(url, str) or not url.startswith(("http://", "https://")):
            raise BadRequest("bad webhook: An HTTPS URL must be provided for webhook")
        secret = params.get("secret_token")
        if secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", str(secret)):
            raise BadRequest("secret token contains unallowed characters")
        if params.get("drop_pending_updates") in (True, "true"):
            self._pending.clear()
        allowed = params.get("allowed_updates")
        if isinstance(allowed, list):
            self._allowed_updates = allowed or None
        connections = _int(params.get("max_connections"), WEBHOOK_CONNECTIONS)
        self.webhook_connections = min(max(connections, 1), 100)
        self.webhook = {"url": url, "secret_token": secret}
        self._wake_updates()
        return True

    async def _delete_webhook(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        self.webhook = {}
        if params.get("drop_pending_updates") in (True, "true"):
            self._pending.clear()
        return True

    async def _get_webhook_info(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": len(self._pending),
        }

    async def _send_message(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        chat = self._known_chat(params)
        text = rules.message_text(params)
        rules.reply_markup(params.get("reply_markup"))
        content: dict[str, Any] = {"text": text, **self._thread(chat, params)}
        if params.get("reply_markup") is not None:
            content["reply_markup"] = params["reply_markup"]
        content.update(self._reply(chat, params))
        return self._store_message(chat, self.bot_user, content)

    async def _edit_message_text(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        message = self._message_of(params, "edit")
        text = rules.message_text(params)
        markup = params.get("reply_markup")
        rules.reply_markup(markup)
        if message.get("text") == text and message.get("reply_markup") == markup:
            raise BadRequest(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        message["text"] = text
        message["edit_date"] = int(time.time())
        if markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = markup
        return message

    async def _edit_message_reply_markup(
        self, params: dict[str, Any], files: Files, call: Call
    ) -> Any:
        message = self._message_of(params, "edit")
        markup = params.get("reply_markup")
        rules.reply_markup(markup)
        if message.get("reply_markup") == markup or (
            markup is None and "reply_markup" not in message
        ):
            raise BadRequest(
                "message is not modified: specified new message content and reply markup are "
                "exactly the same as a current content and reply markup of the message"
            )
        if markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = markup
        return message

    async def _delete_message(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        message = self._message_of(params, "delete")
        del self.messages[message["chat"]["id"]][message["message_id"]]
        return True

    async def _answer_callback_query(
        self, params: dict[str, Any], files: Files, call: Call
    ) -> Any:
        query_id = str(params.get("callback_query_id", ""))
        pressed_at = self._callback_pressed_at.get(query_id)
        if (
            pressed_at is None
            or query_id in self.callback_answers
            or time.monotonic() - pressed_at > self.callback_query_timeout
        ):
            raise BadRequest(
                "query is too old and response timeout expired or query ID is invalid"
            )
        if len(str(params.get("text") or "")) > rules.MAX_CALLBACK_ANSWER_LENGTH:
            raise BadRequest("MESSAGE_TOO_LONG")
        self.callback_answers[query_id] = params
        return True

    async def _answer_inline_query(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        query_id = str(params.get("inline_query_id", ""))
        if query_id not in self._inline_queries:
            raise BadRequest(
                "query is too old and response timeout expired or query ID is invalid"
            )
        rules.inline_results(params)
        self._inline_queries.discard(query_id)
        return True

    async def _send_location(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        chat = self._known_chat(params)
        latitude, longitude = rules.location(params)
        rules.reply_markup(params.get("reply_markup"))
        content = {
            "location": {"latitude": latitude, "longitude": longitude},
            **self._thread(chat, params),
            **self._reply(chat, params),
        }
        return self._store_message(chat, self.bot_user, content)

    async def _send_document(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        chat = self._known_chat(params)
        plain_caption = rules.caption(params)
        rules.reply_markup(params.get("reply_markup"))
        document = params.get("document")
        if isinstance(document, str) and document.startswith("attach://"):
            part = files.get(document.removeprefix("attach://"))
            if part is None:
                raise BadRequest("wrong file identifier/HTTP URL specified")
            uploaded = self._keep_file(part[0], part[1])
        elif isinstance(document, str) and document in self.files:
            uploaded = self.files[document]
        else:
            raise BadRequest("wrong file identifier/HTTP URL specified")
        call.files["document"] = uploaded
        content: dict[str, Any] = {
            "document": {
                "file_id": uploaded.file_id,
                "file_unique_id": uploaded.file_id[:16],
                "file_name": uploaded.filename,
                "file_size": len(uploaded.content),
            },
            **self._thread(chat, params),
            **self._reply(chat, params),
        }
        if plain_caption is not None:
            content["caption"] = plain_caption
        return self._store_message(chat, self.bot_user, content)

    async def _send_chat_action(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        self._thread(self._known_chat(params), params)
        if params.get("action") not in rules.CHAT_ACTIONS:
            raise BadRequest("wrong parameter action in request")
        return True

    @staticmethod
    def _commands_key(params: Mapping[str, Any]) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    def _check_scope(self, params: Mapping[str, Any]) -> None:
        # A menu for one chat needs a chat the bot knows: a user who never opened the bot
        # has none, and Telegram answers "chat not found".
        rules.language_code(params)
        scope = params.get("scope")
        if isinstance(scope, Mapping) and scope.get("type") in _CHAT_SCOPES:
            self._known_chat(scope)

    async def _set_my_commands(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        self._check_scope(params)
        self.commands[self._commands_key(params)] = rules.bot_commands(params)
        return True

    async def _get_my_commands(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        self._check_scope(params)
        return self.commands.get(self._commands_key(params), [])

    async def _delete_my_commands(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        self._check_scope(params)
        self.commands.pop(self._commands_key(params), None)
        return True

    def _profile_getter(self, field: str) -> _Method:
        """getMyName and the like: the value for the language, else the default one."""

        async def get(params: dict[str, Any], files: Files, call: Call) -> Any:
            language = rules.language_code(params)
            fallback = self.bot_user["first_name"] if field == "name" else ""
            value = self.profile.get((field, language), self.profile.get((field, ""), fallback))
            return {field: value}

        return get

    def _profile_setter(self, field: str) -> _Method:
        """setMyName and the like: an empty value removes the language's own value."""

        async def set_value(params: dict[str, Any], files: Files, call: Call) -> Any:
            language = rules.language_code(params)
            value = rules.profile_text(params, field)
            if value:
                self.profile[(field, language)] = value
            else:
                self.profile.pop((field, language), None)
            return True

        return set_value

    async def _get_chat_member(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        chat = self._known_chat(params)
        user_id = _int(params.get("user_id"), 0)
        if user_id == self.bot_user["id"]:
            user = self.bot_user
        elif user_id in self.users:
            user = self.users[user_id]
        else:
            raise BadRequest("PARTICIPANT_ID_INVALID")
        if user_id == self.bot_user["id"]:
            status = self.bot_status.get(chat["id"], "member")
        else:
            status = self.member_status.get((chat["id"], user_id), "member")
        return chat_changes.chat_member(user, status)

    async def _get_chat(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        chat = self._known_chat(params)
        return {
            **chat,
            "accent_color_id": 0,
            "max_reaction_count": 11,
            "accepted_gift_types": {
                "unlimited_gifts": False,
                "limited_gifts": False,
                "unique_gifts": False,
                "premium_subscription": False,
                "gifts_from_channels": False,
            },
        }

    async def _get_file(self, params: dict[str, Any], files: Files, call: Call) -> Any:
        uploaded = self.files.get(str(params.get("file_id", "")))
        if uploaded is None:
            raise BadRequest("invalid file_id")
        described: dict[str, Any] = {
            "file_id": uploaded.file_id,
            "file_unique_id": uploaded.file_id[:16],
            "file_size": len(uploaded.content),
            "file_path": uploaded.file_path,
        }
        if uploaded.file_id in self._stated_sizes:
            stated = self._stated_sizes[uploaded.file_id]
            described.pop("file_size")
            if stated is not None:
                described["file_size"] = stated
        return described

    # -- webhook delivery -------------------------------------------------------------------------

    async def _deliver_webhook(self) -> None:
        """Posts pending updates to the webhook until none is left, then ends (a new update
        starts a new delivery task)."""
        while True:
            await self._deliver_webhook_round()
            # An update that came while the round was closing its HTTP session found this task
            # still running and started none: it is delivered here. No await separates this
            # check from the task's end, so none can slip in after it.
            if not (self.webhook.get("url") and self._pending) or self._closing.is_set():
                return

    async def _deliver_webhook_round(self) -> None:
        """Posts pending updates to the webhook, up to `max_connections` at once as Telegram
        does; one that is not answered 2xx stays pending and is posted again after a pause."""
        in_flight: dict[int, asyncio.Task[tuple[bool, bytes]]] = {}
        retry_at: dict[int, float] = {}
        loop = asyncio.get_running_loop()
        async with ClientSession(timeout=ClientTimeout(total=WEBHOOK_TIMEOUT)) as session:
            while self.webhook.get("url") and not self._closing.is_set():
                changed = self._updates_changed
                limit = self.webhook_connections
                now = loop.time()
                for update in list(self._pending):
                    update_id = update["update_id"]
                    if len(in_flight) >= limit:
                        break
                    if update_id in in_flight or retry_at.get(update_id, 0.0) > now:
                        continue
                    if not self._is_allowed(update):
                        self._pending.remove(update)
                        continue
                    in_flight[update_id] = loop.create_task(self._post_update(session, update))
                if not in_flight and not retry_at and not self._pending:
                    return
                waits: set[asyncio.Future[Any]] = set(in_flight.values())
                waker = loop.create_task(changed.wait())
                waits.add(waker)
                pause = min((when - now for when in retry_at.values()), default=None)
                await asyncio.wait(
                    waits,
                    timeout=None if pause is None else max(pause, 0.01),
                    return_when=asyncio.FIRST_COMPLETED,
                )
                waker.cancel()
                for update_id, task in list(in_flight.items()):
                    if not task.done():
                        continue
                    del in_flight[update_id]
                    delivered, body = task.result()
                    if not delivered:
                        # Telegram retries later; a short pause keeps a broken bot from spinning.
                        retry_at[update_id] = loop.time() + 0.5
                        continue
                    retry_at.pop(update_id, None)
                    self._pending = [
                        pending for pending in self._pending if pending["update_id"] != update_id
                    ]
                    await self._answer_in_webhook_response(body)
                now = loop.time()
                retry_at = {
                    update_id: when
                    for update_id, when in retry_at.items()
                    if any(pending["update_id"] == update_id for pending in self._pending)
                }
            for task in in_flight.values():
                task.cancel()

    async def _post_update(
        self, session: ClientSession, update: dict[str, Any]
    ) -> tuple[bool, bytes]:
        """Posts one update; whether it was answered 2xx, and the answer's body."""
        headers = {}
        if self.webhook.get("secret_token"):
            headers["X-Telegram-Bot-Api-Secret-Token"] = self.webhook["secret_token"]
        try:
            async with session.post(self.webhook["url"], json=update, headers=headers) as response:
                return 200 <= response.status < 300, await response.read()
        except (ClientError, TimeoutError) as error:
            logger.warning("Webhook delivery failed: %s", type(error).__name__)
            return False, b""

    async def _answer_in_webhook_response(self, body: bytes) -> None:
        # A bot may answer an update with a method in the webhook response body.
        with contextlib.suppress(ValueError):
            payload = json.loads(body) if body else None
            if isinstance(payload, dict) and isinstance(payload.get("method"), str):
                params = {key: value for key, value in payload.items() if key != "method"}
                call = Call(index=len(self.calls), method=payload["method"], params=params)
                handler = self._methods.get(call.method.lower())
                try:
                    if handler is None:
                        raise _ApiError(404, "Not Found")
                    call.response = {"ok": True, "result": await handler(params, {}, call)}
                except BadRequest as error:
                    call.status = error.status
                    call.response = _error_body(error.status, error.description, error.parameters)
                except _ApiError as error:
                    call.status, call.response = (
                        error.status,
                        _error_body(error.status, error.description),
                    )
                await self._record(call)

    # -- the control API over HTTP ----------------------------------------------------------------

    async def _handle_control(self, request: web.Request) -> web.StreamResponse:
        action = request.match_info["action"]
        try:
            body = await request.json()
        except ValueError:
            return web.json_response({"ok": False, "description": "expected JSON"}, status=400)
        if not isinstance(body, dict):
            return web.json_response(
                {"ok": False, "description": "expected an object"}, status=400
            )
        actions: dict[str, Callable[..., Any]] = {
            "message": self.send_message,
            "document": self._control_document,
            "forward": self.forward_post,
            "press": self.press_button,
            "inline_query": self.inline_query,
            "channel_post": self.channel_post,
            "update": self.feed,
            "fault": self.fail_next,
            "duplicate": self.duplicate_next_updates,
            "forget_updates": self.forget_updates,
            "service": self.service_message,
            "album": self.send_album,
            "delete_message": self.delete_message,
            "topic": self.create_topic,
            "add_bot": self.add_bot,
            "remove_bot": self.remove_bot,
            "block": self.block_bot,
            "unblock": self.unblock_bot,
            "delete_chat": self.delete_chat,
            "migrate": self.migrate_group,
            "member_status": self.set_member_status,
        }
        target = actions.get(action)
        if target is None:
            return web.json_response({"ok": False, "description": "unknown action"}, status=404)
        try:
            result = target(body) if action == "update" else target(**body)
        except (TypeError, LookupError, ValueError) as error:
            return web.json_response({"ok": False, "description": str(error)}, status=400)
        return web.json_response({"ok": True, "result": result})

    def _control_document(self, filename: str, content: str, **kwargs: Any) -> dict[str, Any]:
        return self.send_document(filename, content.encode("utf-8"), **kwargs)

    async def _handle_control_calls(self, request: web.Request) -> web.StreamResponse:
        since = int(request.query.get("since", "0"))
        wait = float(request.query.get("wait", "0"))
        if wait > 0 and len(self.calls) <= since:
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(wait), self._calls_changed:
                    await self._calls_changed.wait_for(lambda: len(self.calls) > since)
        calls = [
            {
                "index": call.index,
                "method": call.method,
                "params": call.params,
                "status": call.status,
                "response": call.response,
            }
            for call in self.calls[since:]
        ]
        return web.json_response({"ok": True, "result": calls})


Files = dict[str, tuple[str, bytes]]
_Method = Callable[[dict[str, Any], Files, Call], Awaitable[Any]]
_CHAT_SCOPES = frozenset({"chat", "chat_administrators", "chat_member"})


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def _entities(text: str) -> list[dict[str, Any]]:
    """The entities Telegram finds in a user's plain text: a leading command and @mentions
    (offsets and lengths in UTF-16 code units, as Telegram counts them)."""
    entities: list[dict[str, Any]] = []
    if text.startswith("/"):
        command = text.split()[0]
        entities.append({"type": "bot_command", "offset": 0, "length": _utf16_length(command)})
    for match in re.finditer(r"(?<![\w@])@[A-Za-z][A-Za-z0-9_]{4,31}\b", text):
        entities.append(
            {
                "type": "mention",
                "offset": _utf16_length(text[: match.start()]),
                "length": _utf16_length(match.group()),
            }
        )
    return entities


def _int(value: object, default: int = -1) -> int:
    if isinstance(value, bool):
        return default
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.lstrip("-").isdigit():
        return int(value)
    return default


def _error_body(
    status: int, description: str, parameters: Mapping[str, Any] | None = None
) -> dict[str, Any]:
    body: dict[str, Any] = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = dict(parameters)
    return body


def _error(status: int, description: str) -> web.Response:
    return web.json_response(_error_body(status, description), status=status)


async def _read_params(request: web.Request) -> tuple[dict[str, Any], Files]:
    """The call's parameters from a query string, JSON, urlencoded or multipart body."""
    params: dict[str, Any] = {}
    files: Files = {}
    raw: dict[str, str] = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            try:
                body = await request.json()
            except ValueError:
                body = None
            if isinstance(body, dict):
                params.update(body)
        else:
            form = await request.post()
            for key, value in form.items():
                if isinstance(value, str):
                    raw[key] = value
                elif isinstance(value, web.FileField):
                    files[key] = (value.filename, value.file.read())
    for key, value in raw.items():
        if key in _STRING_FIELDS:
            params[key] = value
            continue
        try:
            params[key] = json.loads(value)
        except ValueError:
            params[key] = value
    return params, files
