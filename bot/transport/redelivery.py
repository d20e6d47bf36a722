"""Updates that failed for a passing reason are left for Telegram to deliver again.

A database restarting, Redis away or SQLite busy is no reason to tell a resident "sorry": the
same update handled a few seconds later gets its answer. The runners pass a
`RedeliveryBudget` to every update (as `redelivery`); the error handler returns `REDELIVER`
for such a failure while the budget lasts, and the runner then does not confirm the update
(the webhook answers 503, polling keeps its offset), so Telegram sends it again.
"""

from __future__ import annotations

import enum
import time
from collections import OrderedDict
from collections.abc import Callable

from aiogram.exceptions import TelegramAPIError
from sqlalchemy.exc import DBAPIError, DisconnectionError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError

from bot.transport.optional_errors import passing_client_failures


class UpdateOutcome(enum.Enum):
    """What a runner does with an update whose handling returned this."""

    REDELIVER = "redeliver"


REDELIVER = UpdateOutcome.REDELIVER

# Failures of a service the bot depends on, which pass when the service is back.
_PASSING = (
    OperationalError,  # PostgreSQL gone or starting up; SQLite "database is locked"
    InterfaceError,  # a connection closed under the driver
    DisconnectionError,
    PoolTimeoutError,
    ConnectionError,
    TimeoutError,
)


def _chain(error: BaseException) -> list[BaseException]:
    """The error and what caused it, outermost first (cycles cut)."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        if current.__cause__ is not None:
            current = current.__cause__
        elif not current.__suppress_context__:
            current = current.__context__
        else:
            current = None
    return chain


def is_passing_failure(error: BaseException) -> bool:
    """Whether `error` comes from a service being away (database, Redis, the network to them).

    A failure of a Telegram call is not one: the session has retried it already, and handling
    the update again might send its messages twice.
    """
    chain = _chain(error)
    if any(isinstance(link, TelegramAPIError) for link in chain):
        return False
    return any(
        isinstance(link, (*_PASSING, *passing_client_failures()))
        or (isinstance(link, DBAPIError) and link.connection_invalidated)
        for link in chain
    )


class RedeliveryBudget:
    """How often one update may be left for redelivery: `attempts` times within `within`
    seconds of its first failure; after that it is apologised for and confirmed.

    Kept in memory per process, for at most `max_updates` updates (oldest forgotten first).
    """

    def __init__(
        self,
        *,
        attempts: int = 12,
        within: float = 300.0,
        max_updates: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._attempts = attempts
        self._within = within
        self._max_updates = max_updates
        self._clock = clock
        self._failures: OrderedDict[str, tuple[float, int]] = OrderedDict()

    def another(self, key: str) -> bool:
        """Counts one more failure of the update `key`; True while it may be delivered again."""
        now = self._clock()
        first, count = self._failures.pop(key, (now, 0))
        count += 1
        self._failures[key] = (first, count)
        while len(self._failures) > self._max_updates:
            self._failures.popitem(last=False)
        return count <= self._attempts and now - first <= self._within

    def forget(self, key: str) -> None:
        """The update was handled at last."""
        self._failures.pop(key, None)


def update_key(bot_id: int, update_id: int) -> str:
    """The key of one update of one bot, as deduplication and the budget use it."""
    return f"{bot_id}:{update_id}"
