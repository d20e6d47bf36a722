"""Engines and sessions for the supported databases (SQLite by default, PostgreSQL to scale)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import (
    AsyncConnection,
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from knowledge.store.work import end_step

SUPPORTED_DRIVERS = ("sqlite+aiosqlite", "postgresql+asyncpg")
# The execution option that marks a connection's transaction as a write (see `writing`).
WRITE_TRANSACTION = "pobratym_write_transaction"
# The execution option that marks a connection's transaction as one consistent read of many
# statements (see `snapshot_read`).
SNAPSHOT_READ = "pobratym_snapshot_read"
# How long (milliseconds) a SQLite writer waits for another's transaction to end.
SQLITE_BUSY_TIMEOUT_MS = 30_000


def sqlite_file(url: URL) -> Path | None:
    """The file behind a SQLite URL, or None for other databases and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def _prepare_sqlite_connection(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    # SQLite ignores foreign keys unless each connection asks for them.
    cursor.execute("PRAGMA foreign_keys=ON")
    # Write-ahead logging: readers see the last commit while a write runs, and are never
    # refused "database is locked" because of it (an in-memory database keeps its own mode).
    cursor.execute("PRAGMA journal_mode=WAL")
    # A writer waits this long for another's transaction before giving up.
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _begin_sqlite_write(connection: Connection) -> None:
    # pysqlite starts a transaction only at the first INSERT/UPDATE/DELETE, so the reads that
    # check a write run outside it and another writer can commit in between: the check no
    # longer holds when the write lands. A write transaction takes SQLite's write lock at its
    # first statement instead; a second writer waits for it (the busy timeout) and then reads
    # what the first one committed.
    options = connection.get_execution_options()
    if options.get(WRITE_TRANSACTION):
        connection.exec_driver_sql("BEGIN IMMEDIATE")
    elif options.get(SNAPSHOT_READ):
        # Without it every SELECT reads the last commit of its own moment. A deferred BEGIN
        # keeps the snapshot of its first read until the transaction ends (WAL mode), and
        # takes no lock a writer would wait for.
        connection.exec_driver_sql("BEGIN")


async def snapshot_read(connection: AsyncConnection) -> None:
    """Make the connection's next transaction read one consistent state of the database.

    Every statement of that transaction sees the commits made before its first one and none
    after: on PostgreSQL a read-only REPEATABLE READ transaction, on SQLite one deferred read
    transaction. Must be called before the connection's transaction begins.
    """
    if connection.dialect.name == "postgresql":
        await connection.execution_options(
            isolation_level="REPEATABLE READ", postgresql_readonly=True
        )
    else:
        await connection.execution_options(**{SNAPSHOT_READ: True})


async def reading_snapshot(session: AsyncSession) -> None:
    """Begin the session's next transaction as one consistent read (see `snapshot_read`):
    what its statements read is the database as of its first, whatever commits meanwhile.
    A transaction the session was in is committed first. The transaction must only read."""
    await end_step(session)
    options: dict[str, Any] = {SNAPSHOT_READ: True}
    if session.get_bind().dialect.name == "postgresql":
        options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    await session.connection(execution_options=options)


@asynccontextmanager
async def writing(session: AsyncSession) -> AsyncIterator[None]:
    """Run the block in a write transaction of its own, committed when the block succeeds and
    rolled back entirely when it fails.

    What the block reads stays as read until it commits: on SQLite the write lock is taken
    at once, on PostgreSQL the rows read with FOR UPDATE are locked. A transaction the
    session was already in is committed first, so no stale read is carried into the write.
    """
    await end_step(session)
    await session.connection(execution_options={WRITE_TRANSACTION: True})
    try:
        yield
    except BaseException:
        await session.rollback()
        raise
    await end_step(session)


# Query parameters a driver reads a credential from ("?password=…" for asyncpg and psycopg).
_SECRET_PARAMETERS = frozenset({"password", "passwd", "pass", "sslpassword", "secret", "token"})


def shown_url(database_url: str | URL) -> str:
    """The database URL as it may be shown or logged: the password after the user name and
    every credential given as a query parameter ("?password=…") replaced by "***".

    Raises ValueError (sqlalchemy's ArgumentError is one) when it is not a URL at all."""
    if isinstance(database_url, str):
        database_url = _one_at_sign(database_url)
    url = make_url(database_url)
    hidden = {
        name: "***" if name.casefold() in _SECRET_PARAMETERS else value
        for name, value in url.query.items()
    }
    return url.set(query=hidden).render_as_string(hide_password=True)


def _one_at_sign(database_url: str) -> str:
    """A URL whose password holds an unencoded "@" ("user:p@ss@host") with everything between
    the user's name and the host's "@" taken as the password, as a driver reads it, so that no
    part of it is taken for the host and shown."""
    scheme, separator, rest = database_url.partition("://")
    authority, slash, path = rest.partition("/")
    if not separator or authority.count("@") < 2:
        return database_url
    credentials, _, host = authority.rpartition("@")
    user, _, password = credentials.partition(":")
    return f"{scheme}://{user}:{quote(password, safe='')}@{host}{slash}{path}"


def create_engine(database_url: str | URL) -> AsyncEngine:
    """An engine for the URL; a SQLite file's folder is created on first use."""
    url = make_url(database_url)
    path = sqlite_file(url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_async_engine(url, pool_pre_ping=url.get_backend_name() != "sqlite")
    if url.get_backend_name() == "sqlite":
        event.listen(engine.sync_engine, "connect", _prepare_sqlite_connection)
        event.listen(engine.sync_engine, "begin", _begin_sqlite_write)
    return engine


def session_factory(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """Sessions whose objects stay readable after commit."""
    return async_sessionmaker(engine, expire_on_commit=False)
