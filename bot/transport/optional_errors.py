"""The failures of the optional services' clients, named without importing the clients.

A bot on SQLite without REDIS_URL never loads redis or asyncpg (together some 8 MB of memory
and half a second of start-up). None of their errors can occur then, so only the errors of
the clients already loaded are named: an `except` clause evaluates its classes only when an
exception reaches it, by which time a client that raised it is loaded.
"""

from __future__ import annotations

import sys


def _loaded(module: str, *names: str) -> tuple[type[Exception], ...]:
    """The exception classes `names` of `module`, if the module is loaded; else none."""
    loaded = sys.modules.get(module)
    if loaded is None:
        return ()
    classes: tuple[type[Exception], ...] = tuple(getattr(loaded, name) for name in names)
    return classes


def redis_failures() -> tuple[type[Exception], ...]:
    """What a call to Redis may fail with: any `RedisError` (once redis is loaded), or an
    `OSError` of the connection under it."""
    return (*_loaded("redis.exceptions", "RedisError"), OSError)


def passing_client_failures() -> tuple[type[Exception], ...]:
    """The clients' own classes of a service being away, among the loaded clients: Redis's
    connection and timeout errors; asyncpg's for PostgreSQL shutting down or starting up and
    for a connection gone."""
    return _loaded("redis.exceptions", "ConnectionError", "TimeoutError") + _loaded(
        "asyncpg.exceptions",
        "OperatorInterventionError",
        "PostgresConnectionError",
        "InterfaceError",
    )
