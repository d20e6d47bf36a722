"""Whether a user holds an editing right, read from the editors table once and then kept.

The admin gate (`bot.filters.admin.IsAdmin`) asks on every admin command, button and dialog
step; reading the table each time costs a transaction (on SQLite, trips through aiosqlite's
thread). Rights change only through /grant and /revoke, which call `forget` once their
transaction has committed. Kept in the process, or in Redis when the bot runs as several
replicas, so a right taken away through one replica is gone on all of them at once. Either
way an answer is kept for a few minutes at most, which bounds how long a change written by
some other program (a restored database, a hand edit) goes unseen. The writes themselves
check the right again inside their transaction, so a kept answer never lets anyone write what
they no longer may.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import TYPE_CHECKING

from bot.chat_languages import RedisStore
from knowledge.admin.permissions import can_edit

if TYPE_CHECKING:
    from redis.asyncio import Redis

    from knowledge.store.work import UnitOfWork

KEPT_SECONDS = 300
_MAY_EDIT = "1"
_MAY_NOT = "0"


class EditorRights:
    """Whether a user may edit some hromada's records (a granted editor of one or of all).

    Super-admins come from the settings and are not asked about here. In memory (the
    `max_users` most recent) by default; in Redis under `prefix` when `redis` is given.
    """

    def __init__(
        self,
        work: UnitOfWork,
        *,
        redis: Redis | None = None,
        prefix: str = "pobratym:rights:",
        max_users: int = 10_000,
        kept_seconds: int = KEPT_SECONDS,
    ) -> None:
        self._work = work
        self._redis = None if redis is None else RedisStore(redis, prefix, ttl=kept_seconds)
        self._kept: OrderedDict[int, tuple[bool, float]] = OrderedDict()
        self._max_users = max_users
        self._kept_seconds = kept_seconds
        # Bumped by `forget`: an answer read from the database while a change committed is
        # not kept, since it may predate the change.
        self._generation = 0

    async def may_edit(self, user_id: int) -> bool:
        """Whether the user holds any editing right; the database is read on the first ask
        and again once the kept answer is a few minutes old or forgotten."""
        if self._redis is not None:
            kept = await self._redis.get(user_id)
            if kept is not None:
                return kept == _MAY_EDIT
        else:
            found = self._kept.get(user_id)
            if found is not None and found[1] > time.monotonic():
                self._kept.move_to_end(user_id)
                return found[0]
        generation = self._generation
        allowed = await self._work(can_edit, user_id, None, ())
        if generation == self._generation:
            await self._keep(user_id, allowed)
        return allowed

    async def _keep(self, user_id: int, allowed: bool) -> None:
        if self._redis is not None:
            await self._redis.put(user_id, _MAY_EDIT if allowed else _MAY_NOT)
            return
        self._kept[user_id] = (allowed, time.monotonic() + self._kept_seconds)
        self._kept.move_to_end(user_id)
        while len(self._kept) > self._max_users:
            self._kept.popitem(last=False)

    async def forget(self, *user_ids: int) -> None:
        """Drop what is kept for the users; the next ask reads the database again."""
        self._generation += 1
        for user_id in user_ids:
            if self._redis is not None:
                await self._redis.drop(user_id)
            else:
                self._kept.pop(user_id, None)
