"""Middlewares: a language per update, presses answered at once, deduplication, flood control."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.middlewares.dedup import (
    Claim,
    DeduplicationMiddleware,
    FallbackSeenUpdates,
    MemorySeenUpdates,
    RedisSeenUpdates,
    SeenUpdates,
)
from bot.middlewares.throttling import (
    FallbackFloodGate,
    FloodGate,
    MemoryFloodGate,
    RedisFloodGate,
    ThrottlingMiddleware,
)

if TYPE_CHECKING:
    from aiogram import Dispatcher
    from redis.asyncio import Redis

__all__ = [
    "Claim",
    "DeduplicationMiddleware",
    "FallbackFloodGate",
    "FallbackSeenUpdates",
    "FloodGate",
    "MemoryFloodGate",
    "MemorySeenUpdates",
    "RedisFloodGate",
    "RedisSeenUpdates",
    "SeenUpdates",
    "ThrottlingMiddleware",
    "install_transport_middlewares",
    "seen_updates",
]


def seen_updates(redis: Redis | None = None, *, redis_prefix: str = "pobratym:") -> SeenUpdates:
    """Where handled updates are remembered: Redis (shared by replicas) falling back to memory
    while it is away, or memory alone without Redis."""
    if redis is None:
        return MemorySeenUpdates()
    return FallbackSeenUpdates(RedisSeenUpdates(redis, prefix=f"{redis_prefix}update:"))


def install_transport_middlewares(
    dispatcher: Dispatcher,
    redis: Redis | None = None,
    *,
    default_locale: str = "uk",
    flood_gate: FloodGate | None = None,
    redis_prefix: str = "pobratym:",
) -> None:
    """Each update processed once, and a flooding user slowed down; shared through Redis when
    given, so every replica of the bot sees the same updates and the same flooders.

    Messages, button presses and inline queries are counted apart, so a resident who asks,
    then browses a few buttons, then shares a result is not taken for a flooder. A given
    `flood_gate` counts all three together. A message counts only once a handler takes it
    (an inner middleware), and not at all when the handler is flagged ``counted=False``: the
    group chatter the bot overhears and Telegram's service messages.
    """
    dispatcher.update.outer_middleware(
        DeduplicationMiddleware(seen_updates(redis, redis_prefix=redis_prefix))
    )
    observers = {
        "message": dispatcher.message,
        "callback": dispatcher.callback_query,
        "inline": dispatcher.inline_query,
    }
    for kind, observer in observers.items():
        gate: FloodGate
        if flood_gate is not None:
            gate = flood_gate
        elif redis is None:
            gate = MemoryFloodGate()
        else:
            gate = FallbackFloodGate(RedisFloodGate(redis, prefix=f"{redis_prefix}flood:{kind}:"))
        throttling = ThrottlingMiddleware(gate, default_locale)
        if kind == "message":
            observer.middleware(throttling)
        else:
            observer.outer_middleware(throttling)
