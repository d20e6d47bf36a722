"""Where conversations keep their state: Redis when REDIS_URL is set, memory otherwise."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.fsm.storage.redis import RedisStorage

if TYPE_CHECKING:
    from bot.settings import Settings


def create_storage(settings: Settings) -> BaseStorage:
    """RedisStorage when REDIS_URL is set (state shared by replicas), else MemoryStorage."""
    if settings.redis_url:
        return RedisStorage.from_url(settings.redis_url)
    return MemoryStorage()
