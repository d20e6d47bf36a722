"""The language each chat chose, read from chat_preferences once and then kept.

Every update needs its chat's language; reading it from the database each time costs a
transaction (and, on SQLite, trips through aiosqlite's thread). The choice changes only when
the chat presses a language button or a group becomes a supergroup, and those writers tell
the cache. Kept in the process, or in Redis when the bot runs as several replicas, so a
choice made through one replica is seen by all of them at once.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from typing import TYPE_CHECKING, Protocol

from knowledge.store.preferences import chat_language, save_chat_language

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from knowledge.store.work import UnitOfWork

# Stands for "this chat never chose" in the cache, so that, too, is read once.
_NOT_CHOSEN = ""


class KeptStore(Protocol):
    """A short text kept per chat or user id (the caches of what every update reads)."""

    async def get(self, chat_id: int) -> str | None: ...

    async def put(self, chat_id: int, language: str) -> None: ...

    async def drop(self, chat_id: int) -> None: ...


class MemoryStore:
    """The most recently used `max_chats` chats, in the process."""

    def __init__(self, max_chats: int) -> None:
        self._languages: OrderedDict[int, str] = OrderedDict()
        self._max_chats = max_chats

    async def get(self, chat_id: int) -> str | None:
        language = self._languages.get(chat_id)
        if language is not None:
            self._languages.move_to_end(chat_id)
        return language

    async def put(self, chat_id: int, language: str) -> None:
        self._languages[chat_id] = language
        self._languages.move_to_end(chat_id)
        while len(self._languages) > self._max_chats:
            self._languages.popitem(last=False)

    async def drop(self, chat_id: int) -> None:
        self._languages.pop(chat_id, None)


class RedisStore:
    """One key per chat, shared by every replica; a day's expiry keeps idle chats out."""

    def __init__(self, redis: Redis, prefix: str, ttl: int = 86_400) -> None:
        self._redis = redis
        self._prefix = prefix
        self._ttl = ttl

    async def get(self, chat_id: int) -> str | None:
        value = await self._redis.get(f"{self._prefix}{chat_id}")
        if value is None:
            return None
        return value.decode() if isinstance(value, bytes) else str(value)

    async def put(self, chat_id: int, language: str) -> None:
        await self._redis.set(f"{self._prefix}{chat_id}", language, ex=self._ttl)

    async def drop(self, chat_id: int) -> None:
        await self._redis.delete(f"{self._prefix}{chat_id}")


class ChatLanguages:
    """The saved language of a chat ("uk", "en"), or None when it never chose one.

    In memory (the `max_chats` most recent) by default; in Redis under `prefix` when `redis`
    is given. Writers of chat_preferences call `forget` once their transaction has committed.
    """

    def __init__(
        self,
        work: UnitOfWork,
        *,
        redis: Redis | None = None,
        prefix: str = "pobratym:lang:",
        max_chats: int = 200_000,
    ) -> None:
        self._work = work
        self._store: KeptStore = (
            MemoryStore(max_chats) if redis is None else RedisStore(redis, prefix)
        )

    async def get(self, chat_id: int) -> str | None:
        """The chat's saved language, read from the database on the first ask only."""
        cached = await self._store.get(chat_id)
        if cached is not None:
            return cached or None
        saved = await self._work(chat_language, chat_id)
        await self._store.put(chat_id, saved or _NOT_CHOSEN)
        return saved

    async def choose(self, chat_id: int, language: str, now: dt.datetime) -> None:
        """Save the chat's choice of `language` ("uk", "en") made at `now` (timezone-aware)
        and forget what was kept, so every later update of the chat reads the new choice.
        Raises UnknownLanguageError for a language the bot does not speak."""
        await self._work(save_chat_language, chat_id, language, now)
        # Committed: every later update of the chat reads the new choice.
        await self.forget(chat_id)

    async def forget(self, *chat_ids: int) -> None:
        """Drop what is kept for the chats; the next ask reads the database again."""
        for chat_id in chat_ids:
            await self._store.drop(chat_id)
