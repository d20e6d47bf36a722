"""Where conversations keep their state: Redis when REDIS_URL is set, memory otherwise.

Conversation state is a convenience, not a need: with Redis away, a question is answered
without its context (reads give nothing, writes are dropped), and a warning is logged.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from aiogram.fsm.storage.base import BaseStorage, DefaultKeyBuilder, StateType, StorageKey
from aiogram.fsm.storage.memory import MemoryStorage

from bot.settings import DEFAULT_REDIS_PREFIX
from bot.transport.optional_errors import redis_failures

if TYPE_CHECKING:
    from bot.settings import Settings

logger = logging.getLogger(__name__)


class ResilientStorage(BaseStorage):
    """Wraps a shared storage: while it fails, a read finds no state and a write is dropped."""

    def __init__(self, shared: BaseStorage) -> None:
        self.shared = shared

    def _unavailable(self, action: str, key: StorageKey, error: Exception) -> None:
        logger.warning(
            "Conversation state unavailable (%s while %s chat %s); going on without it",
            type(error).__name__,
            action,
            key.chat_id,
        )

    async def set_state(self, key: StorageKey, state: StateType = None) -> None:
        try:
            await self.shared.set_state(key, state)
        except redis_failures() as error:
            self._unavailable("saving the state of", key, error)

    async def get_state(self, key: StorageKey) -> str | None:
        try:
            return await self.shared.get_state(key)
        except redis_failures() as error:
            self._unavailable("reading the state of", key, error)
            return None

    async def set_data(self, key: StorageKey, data: Mapping[str, Any]) -> None:
        try:
            await self.shared.set_data(key, data)
        except redis_failures() as error:
            self._unavailable("saving the data of", key, error)

    async def get_data(self, key: StorageKey) -> dict[str, Any]:
        try:
            return await self.shared.get_data(key)
        except redis_failures() as error:
            self._unavailable("reading the data of", key, error)
            return {}

    async def close(self) -> None:
        await self.shared.close()


def create_storage(settings: Settings) -> BaseStorage:
    """RedisStorage when REDIS_URL is set (state shared by replicas, and going on without it
    while Redis is away), its keys under REDIS_PREFIX; else MemoryStorage."""
    if settings.redis_url is not None:
        # Imported here: a bot without Redis never loads its client.
        from aiogram.fsm.storage.redis import RedisStorage

        # Under the default prefix the conversations keep aiogram's keys ("fsm:…"), so a
        # dialog open across an upgrade goes on.
        prefix = settings.redis_prefix
        keys = DefaultKeyBuilder(
            prefix="fsm" if prefix == DEFAULT_REDIS_PREFIX else f"{prefix}fsm"
        )
        url = settings.redis_url.get_secret_value()
        return ResilientStorage(RedisStorage.from_url(url, key_builder=keys))
    return MemoryStorage()
