"""A repeated update (the same update_id, as Telegram resends after a timeout) runs once."""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol

from aiogram import BaseMiddleware, Bot
from aiogram.types import TelegramObject, Update

if TYPE_CHECKING:
    from redis.asyncio import Redis

logger = logging.getLogger(__name__)


class SeenUpdates(Protocol):
    """Remembers update keys for a while."""

    async def first_time(self, key: str) -> bool:
        """Marks the key seen; True unless it was seen already."""


class MemorySeenUpdates:
    """In memory, bounded by count and by age (oldest forgotten first)."""

    def __init__(
        self,
        *,
        max_size: int = 50_000,
        ttl: float = 3600.0,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._seen: OrderedDict[str, float] = OrderedDict()
        self._max_size = max_size
        self._ttl = ttl
        self._clock = clock

    async def first_time(self, key: str) -> bool:
        now = self._clock()
        while self._seen and (
            len(self._seen) >= self._max_size or next(iter(self._seen.values())) <= now - self._ttl
        ):
            self._seen.popitem(last=False)
        if key in self._seen:
            return False
        self._seen[key] = now
        return True


class RedisSeenUpdates:
    """In Redis (SET NX EX), shared by every replica behind the same webhook."""

    def __init__(self, redis: Redis, *, ttl: int = 3600, prefix: str = "pobratym:update:") -> None:
        self._redis = redis
        self._ttl = ttl
        self._prefix = prefix

    async def first_time(self, key: str) -> bool:
        return bool(await self._redis.set(self._prefix + key, 1, nx=True, ex=self._ttl))


class DeduplicationMiddleware(BaseMiddleware):
    """An outer middleware of updates that drops one already seen."""

    def __init__(self, seen: SeenUpdates) -> None:
        self._seen = seen

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        if isinstance(event, Update):
            bot = data.get("bot")
            bot_id = bot.id if isinstance(bot, Bot) else 0
            if not await self._seen.first_time(f"{bot_id}:{event.update_id}"):
                logger.info("Update %d was delivered again; skipped", event.update_id)
                return None
        return await handler(event, data)
