"""A repeated update (the same update_id, as Telegram resends after a timeout) runs once.

An update is claimed "in progress" for a short while before its handler runs and marked
"done" only when it was handled; one that failed for a passing reason is released, so its
redelivery runs it again. A replica killed mid-update leaves an "in progress" mark that
expires, after which the update redelivered to another replica is handled there.
"""

from __future__ import annotations

import enum
import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol

from aiogram import BaseMiddleware, Bot
from aiogram.types import TelegramObject, Update

from bot.transport.optional_errors import redis_failures
from bot.transport.redelivery import REDELIVER, is_passing_failure, update_key

if TYPE_CHECKING:
    from redis.asyncio import Redis

logger = logging.getLogger(__name__)

# An update "in progress" longer than this is taken for lost with its replica.
IN_PROGRESS_FOR = 15.0
# How long a handled update is remembered (Telegram stops resending long before).
DONE_FOR = 3600.0


class Claim(enum.Enum):
    """What the store knew of an update when it was claimed."""

    NEW = "new"
    IN_PROGRESS = "in progress"
    DONE = "done"


class SeenUpdates(Protocol):
    """Remembers update keys: in progress (briefly), then done (for an hour)."""

    async def claim(self, key: str) -> Claim:
        """Marks the key in progress if it is new; what it was before."""

    async def finish(self, key: str) -> None:
        """Marks the key done."""

    async def release(self, key: str) -> None:
        """Forgets the key, so the update is handled when it comes again."""


class MemorySeenUpdates:
    """In memory, bounded by count and by age (oldest forgotten first)."""

    def __init__(
        self,
        *,
        max_size: int = 50_000,
        ttl: float = DONE_FOR,
        in_progress_for: float = IN_PROGRESS_FOR,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        # key -> (expires at, done)
        self._seen: OrderedDict[str, tuple[float, bool]] = OrderedDict()
        self._max_size = max_size
        self._ttl = ttl
        self._in_progress_for = in_progress_for
        self._clock = clock

    def _forget_old(self, now: float) -> None:
        while self._seen and len(self._seen) >= self._max_size:
            self._seen.popitem(last=False)
        # Keys are in the order they were last written, so the oldest are in front: they go
        # while they have expired, and the scan stops at the first live one. Looking further
        # (even at a hundred keys) cost tens of microseconds on every update. An expired key
        # behind a live one is harmless (`claim` reads it as unknown) and goes when it reaches
        # the front or the size bound.
        while self._seen:
            key, (expires, _) = next(iter(self._seen.items()))
            if expires > now:
                break
            del self._seen[key]

    async def claim(self, key: str) -> Claim:
        now = self._clock()
        known = self._seen.get(key)
        if known is not None and known[0] > now:
            return Claim.DONE if known[1] else Claim.IN_PROGRESS
        self._forget_old(now)
        self._seen[key] = (now + self._in_progress_for, False)
        return Claim.NEW

    async def finish(self, key: str) -> None:
        self._seen.pop(key, None)
        self._seen[key] = (self._clock() + self._ttl, True)

    async def release(self, key: str) -> None:
        self._seen.pop(key, None)


class RedisSeenUpdates:
    """In Redis (SET NX EX), shared by every replica behind the same webhook."""

    def __init__(
        self,
        redis: Redis,
        *,
        ttl: float = DONE_FOR,
        in_progress_for: float = IN_PROGRESS_FOR,
        prefix: str = "pobratym:update:",
    ) -> None:
        self._redis = redis
        self._ttl_ms = int(ttl * 1000)
        self._in_progress_ms = int(in_progress_for * 1000)
        self._prefix = prefix

    async def claim(self, key: str) -> Claim:
        name = self._prefix + key
        if await self._redis.set(name, "progress", nx=True, px=self._in_progress_ms):
            return Claim.NEW
        state = await self._redis.get(name)
        if state is None:  # expired in between: claim again
            return await self.claim(key)
        return Claim.DONE if state in (b"done", "done") else Claim.IN_PROGRESS

    async def finish(self, key: str) -> None:
        await self._redis.set(self._prefix + key, "done", px=self._ttl_ms)

    async def release(self, key: str) -> None:
        await self._redis.delete(self._prefix + key)


class FallbackSeenUpdates:
    """Redis while it answers, memory meanwhile: with Redis away, an update is let through
    (a warning is logged) and this replica at least does not handle its own repeats twice."""

    def __init__(self, shared: SeenUpdates, local: SeenUpdates | None = None) -> None:
        self._shared = shared
        self._local = local or MemorySeenUpdates()

    async def claim(self, key: str) -> Claim:
        local = await self._local.claim(key)
        try:
            return await self._shared.claim(key)
        except redis_failures() as error:
            logger.warning(
                "Deduplication is unavailable (%s); update %s let through",
                type(error).__name__,
                key,
            )
            return local

    async def finish(self, key: str) -> None:
        await self._local.finish(key)
        try:
            await self._shared.finish(key)
        except redis_failures() as error:
            logger.warning("Could not mark update %s done: %s", key, type(error).__name__)

    async def release(self, key: str) -> None:
        await self._local.release(key)
        try:
            await self._shared.release(key)
        except redis_failures() as error:
            logger.warning("Could not release update %s: %s", key, type(error).__name__)


class DeduplicationMiddleware(BaseMiddleware):
    """An outer middleware of updates that drops one already handled.

    One still in progress elsewhere is left for redelivery when the runner redelivers (it is
    handled once the other attempt finishes or its mark expires), else dropped.
    """

    def __init__(self, seen: SeenUpdates) -> None:
        self._seen = seen

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if not isinstance(event, Update):
            return await handler(event, data)
        bot = data.get("bot")
        key = update_key(bot.id if isinstance(bot, Bot) else 0, event.update_id)
        claim = await self._seen.claim(key)
        if claim is Claim.DONE:
            logger.info("Update %d was delivered again; skipped", event.update_id)
            return None
        if claim is Claim.IN_PROGRESS:
            logger.info("Update %d is being handled elsewhere", event.update_id)
            return REDELIVER if data.get("redelivery") is not None else None
        try:
            result = await handler(event, data)
        except Exception as error:
            if is_passing_failure(error):
                await self._seen.release(key)
            else:
                await self._seen.finish(key)
            raise
        except BaseException:
            await self._seen.release(key)
            raise
        await self._seen.finish(key)
        return result
