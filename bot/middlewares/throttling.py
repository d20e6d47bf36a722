"""A sender who floods the bot gets one polite note, then is ignored for a while; others are
not affected. Messages the bot acts on, button presses and inline queries count; a group's
chatter the bot only overhears does not.

The sender is who really speaks: the user, or the chat a message is sent on behalf of. Every
anonymous administrator of every group writes as the same GroupAnonymousBot user, so their
messages count per group instead.
"""

from __future__ import annotations

import enum
import logging
import math
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol

from aiogram import BaseMiddleware
from aiogram.dispatcher.flags import get_flag
from aiogram.types import CallbackQuery, InlineQuery, Message, TelegramObject, Update, User

from bot.replies import say
from bot.transport.optional_errors import redis_failures
from knowledge.render.translations import translation

if TYPE_CHECKING:
    from redis.asyncio import Redis

logger = logging.getLogger(__name__)

# Messages older than this (seconds) came late, after an outage of the bot or a redelivery:
# a backlog is not a flood.
STALE_AFTER = 30.0


class Verdict(enum.Enum):
    """What to do with a user's message."""

    ALLOW = "allow"
    WARN = "warn"
    DROP = "drop"


class FloodGate(Protocol):
    """Counts a user's messages and says whether to let one through."""

    async def check(self, user_id: int) -> Verdict:
        """The verdict for one more message from the user."""


class MemoryFloodGate:
    """More than `limit` messages within `window` seconds mutes the user for `cooldown` seconds."""

    def __init__(
        self,
        *,
        limit: int = 6,
        window: float = 4.0,
        cooldown: float = 10.0,
        max_users: int = 50_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._limit = limit
        self._window = window
        self._cooldown = cooldown
        self._max_users = max_users
        self._clock = clock
        self._recent: dict[int, deque[float]] = {}
        self._muted_until: dict[int, float] = {}

    async def check(self, user_id: int) -> Verdict:
        now = self._clock()
        if self._muted_until.get(user_id, 0.0) > now:
            return Verdict.DROP
        self._muted_until.pop(user_id, None)
        recent = self._recent.setdefault(user_id, deque())
        recent.append(now)
        while recent and recent[0] <= now - self._window:
            recent.popleft()
        if len(recent) > self._limit:
            recent.clear()
            self._muted_until[user_id] = now + self._cooldown
            return Verdict.WARN
        if len(self._recent) > self._max_users:
            self._forget_quiet(now)
        return Verdict.ALLOW

    def _forget_quiet(self, now: float) -> None:
        for user_id in [
            user_id
            for user_id, recent in self._recent.items()
            if not recent or recent[-1] <= now - self._window
        ]:
            del self._recent[user_id]


class RedisFloodGate:
    """The same rule kept in Redis, so every replica counts the same messages."""

    def __init__(
        self,
        redis: Redis,
        *,
        limit: int = 6,
        window: float = 4.0,
        cooldown: float = 10.0,
        prefix: str = "pobratym:flood:",
    ) -> None:
        self._redis = redis
        self._limit = limit
        self._window_ms = math.ceil(window * 1000)
        self._cooldown_ms = math.ceil(cooldown * 1000)
        self._prefix = prefix

    async def check(self, user_id: int) -> Verdict:
        muted_key = f"{self._prefix}muted:{user_id}"
        count_key = f"{self._prefix}count:{user_id}"
        if await self._redis.exists(muted_key):
            return Verdict.DROP
        async with self._redis.pipeline(transaction=True) as pipe:
            pipe.incr(count_key)
            pipe.pexpire(count_key, self._window_ms, nx=True)
            count, _ = await pipe.execute()
        if int(count) <= self._limit:
            return Verdict.ALLOW
        # Only the replica that mutes the user sends the note.
        if await self._redis.set(muted_key, 1, nx=True, px=self._cooldown_ms):
            await self._redis.delete(count_key)
            return Verdict.WARN
        return Verdict.DROP


class FallbackFloodGate:
    """A shared gate that lets messages through (with a warning) while it cannot be asked."""

    def __init__(self, shared: FloodGate) -> None:
        self._shared = shared

    async def check(self, user_id: int) -> Verdict:
        try:
            return await self._shared.check(user_id)
        except redis_failures() as error:
            logger.warning(
                "Flood control is unavailable (%s); a message of user %d let through",
                type(error).__name__,
                user_id,
            )
            return Verdict.ALLOW


def user_locale(language_code: str | None, default_locale: str) -> str:
    """The catalog for Telegram's language_code: Ukrainian or English, else the default."""
    code = (language_code or "").lower().split("-")[0]
    return code if code in ("uk", "en") else default_locale


class ThrottlingMiddleware(BaseMiddleware):
    """An outer middleware of messages, callback queries and inline queries that lets a
    flooder's updates through no more.

    A muted user's button presses are still answered (empty), so the client's spinner stops;
    inline queries are left unanswered.
    """

    def __init__(
        self, gate: FloodGate, default_locale: str = "uk", *, remember: int = 10_000
    ) -> None:
        self._gate = gate
        self._default_locale = default_locale
        self._remember = remember
        self._counted: OrderedDict[int, None] = OrderedDict()

    def _first_count(self, event: TelegramObject, data: dict[str, Any]) -> bool:
        """Whether the update is fresh: not counted before (a delivery again after a failed
        attempt is not a new message) and, for a message, sent within `STALE_AFTER`."""
        if isinstance(event, Message) and event.date.timestamp() < time.time() - STALE_AFTER:
            return False
        update = data.get("event_update")
        if not isinstance(update, Update):
            return True
        if update.update_id in self._counted:
            return False
        self._counted[update.update_id] = None
        while len(self._counted) > self._remember:
            self._counted.popitem(last=False)
        return True

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        sender = sender_key(event)
        if (
            sender is None
            or get_flag(data, "counted", default=True) is False
            or not self._first_count(event, data)
        ):
            return await handler(event, data)
        verdict = await self._gate.check(sender)
        if verdict is Verdict.ALLOW:
            return await handler(event, data)
        if verdict is Verdict.WARN:
            logger.info("Sender %d is flooding; muted for a while", sender)
        user = _user(event)
        language_code = user.language_code if user is not None else None
        _ = translation(user_locale(language_code, self._default_locale)).gettext
        if isinstance(event, Message) and verdict is Verdict.WARN:
            await say(event, _("Too many messages, please wait a few seconds."))
        elif isinstance(event, CallbackQuery):
            note = _("Too many requests, please wait a few seconds.")
            await event.answer(note if verdict is Verdict.WARN else None)
        return None


def _user(event: TelegramObject) -> User | None:
    if isinstance(event, Message | CallbackQuery | InlineQuery):
        return event.from_user
    return None


def sender_key(event: TelegramObject) -> int | None:
    """Who floods, as a number: a message sent on behalf of a chat (an anonymous group
    administrator's, whose chat is the group itself, or a channel's) counts for that chat;
    anything else for its user. Users' ids are positive and chats' negative, so they never
    meet. None for an update without a sender."""
    if isinstance(event, Message) and event.sender_chat is not None:
        return event.sender_chat.id
    user = _user(event)
    return None if user is None else user.id
