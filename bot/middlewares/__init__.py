"""Middlewares: a session and a language per update; deduplication and flood control."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.middlewares.dedup import (
    DeduplicationMiddleware,
    MemorySeenUpdates,
    RedisSeenUpdates,
    SeenUpdates,
)
from bot.middlewares.throttling import (
    FloodGate,
    MemoryFloodGate,
    RedisFloodGate,
    ThrottlingMiddleware,
)

if TYPE_CHECKING:
    from aiogram import Dispatcher
    from redis.asyncio import Redis

__all__ = [
    "DeduplicationMiddleware",
    "FloodGate",
    "MemoryFloodGate",
    "MemorySeenUpdates",
    "RedisFloodGate",
    "RedisSeenUpdates",
    "SeenUpdates",
    "ThrottlingMiddleware",
    "install_transport_middlewares",
]


def install_transport_middlewares(
    dispatcher: Dispatcher,
    redis: Redis | None = None,
    *,
    default_locale: str = "uk",
    flood_gate: FloodGate | None = None,
    redis_prefix: str = "pobratym:",
) -> None:
    """Each update processed once, and a flooding user slowed down; shared through Redis when
    given, so every replica of the bot sees the same updates and the same flooders."""
    seen: SeenUpdates
    if redis is None:
        seen = MemorySeenUpdates()
        flood_gate = flood_gate or MemoryFloodGate()
    else:
        seen = RedisSeenUpdates(redis, prefix=f"{redis_prefix}update:")
        flood_gate = flood_gate or RedisFloodGate(redis, prefix=f"{redis_prefix}flood:")
    dispatcher.update.outer_middleware(DeduplicationMiddleware(seen))
    throttling = ThrottlingMiddleware(flood_gate, default_locale)
    dispatcher.message.outer_middleware(throttling)
    dispatcher.callback_query.outer_middleware(throttling)
    dispatcher.inline_query.outer_middleware(throttling)
