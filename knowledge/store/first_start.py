"""One process at a time migrates and seeds a database: processes started at once on a
database never migrated wait for each other instead of racing in the migration."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import IO

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.store.engines import sqlite_file

try:
    import fcntl
except ImportError:  # Windows: one process is expected there
    fcntl = None  # type: ignore[assignment]

# PostgreSQL's advisory lock key for preparing the database (a signed 64-bit integer).
ADVISORY_KEY = int.from_bytes(
    hashlib.blake2b(b"pobratym:prepare-database", digest_size=8).digest(), "big", signed=True
)


def lock_path(database: Path) -> Path:
    """The lock file beside a SQLite file (`knowledge.sqlite3` → `knowledge.sqlite3.lock`)."""
    return database.with_name(database.name + ".lock")


def _lock_file(path: Path) -> IO[bytes]:
    handle = path.open("ab")
    if fcntl is not None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
    return handle


def _unlock_file(handle: IO[bytes]) -> None:
    try:
        if fcntl is not None:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


@contextlib.asynccontextmanager
async def preparing(engine: AsyncEngine) -> AsyncIterator[None]:
    """Hold the database's preparation lock inside the block: on SQLite an exclusive lock
    on a file beside the database (taken before any connection, so even setting up WAL mode
    waits), on PostgreSQL a session advisory lock; nothing for in-memory SQLite. Another
    process waits at the start of the block until the holder's block ends."""
    path = sqlite_file(engine.url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = await asyncio.to_thread(_lock_file, lock_path(path))
        try:
            yield
        finally:
            _unlock_file(handle)
        return
    if engine.dialect.name != "postgresql":
        yield
        return
    async with engine.connect() as connection:
        await connection.execute(text("SELECT pg_advisory_lock(:key)"), {"key": ADVISORY_KEY})
        await connection.commit()
        try:
            yield
        finally:
            await connection.execute(
                text("SELECT pg_advisory_unlock(:key)"), {"key": ADVISORY_KEY}
            )
            await connection.commit()
