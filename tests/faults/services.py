"""PostgreSQL and Redis servers of the tests' own, started on free ports and stopped at will.

The shared servers on 5432 and 6379 serve every test at once and are never stopped; a test
that needs a database or a cache to go away starts one of these instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import pwd
import shutil
import signal
import subprocess
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
from redis.asyncio import Redis
from redis.exceptions import RedisError

from tests.local_api_support import free_port

POSTGRES_BIN = Path("/usr/lib/postgresql/15/bin")
READY_WITHIN = 30.0


def _as_postgres_user() -> list[str]:
    # PostgreSQL refuses to run as root; on a root CI machine it runs as the `postgres` user.
    if os.geteuid() != 0:
        return []
    return ["runuser", "-u", "postgres", "--"]


def _run(*command: str) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=120)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")


class PrivatePostgres:
    """A PostgreSQL 15 cluster in a temporary folder, on a free port of 127.0.0.1.

    Starting and stopping block (pg_ctl waits); the `a`-prefixed forms run them in a thread,
    so a test's event loop (and the local Bot API on it) keeps going meanwhile.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data = folder / "data"
        self.port = free_port()

    @property
    def server_url(self) -> str:
        """The URL of its `postgres` database, for SQLAlchemy."""
        return self.url("postgres")

    def url(self, database: str) -> str:
        """The SQLAlchemy URL of one of its databases."""
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/{database}"

    def initialise(self) -> None:
        """Creates the cluster (trust authentication, no fsync: nothing here must survive)."""
        if os.geteuid() == 0:
            postgres = pwd.getpwnam("postgres")
            os.chown(self.folder, postgres.pw_uid, postgres.pw_gid)
        _run(
            *_as_postgres_user(),
            str(POSTGRES_BIN / "initdb"),
            "--pgdata",
            str(self.data),
            "--auth",
            "trust",
            "--username",
            "postgres",
            "--encoding",
            "UTF8",
            "--no-sync",
        )

    def start(self) -> None:
        """Starts the server and waits until it accepts connections."""
        # fsync off only trusts the kernel with the WAL, which an immediate stop keeps;
        # synchronous_commit off would acknowledge commits an immediate stop then loses.
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1"
            " -c fsync=off -c full_page_writes=off"
        )
        _run(
            *_as_postgres_user(),
            str(POSTGRES_BIN / "pg_ctl"),
            "--pgdata",
            str(self.data),
            "--options",
            options,
            "--log",
            str(self.folder / "server.log"),
            "--wait",
            "start",
        )

    def stop(self, *, mode: str = "immediate") -> None:
        """Stops the server; `immediate` drops every connection at once, as a crash would."""
        _run(
            *_as_postgres_user(),
            str(POSTGRES_BIN / "pg_ctl"),
            "--pgdata",
            str(self.data),
            "--mode",
            mode,
            "--wait",
            "stop",
        )

    async def astart(self) -> None:
        """`start` without blocking the event loop."""
        await asyncio.to_thread(self.start)

    async def astop(self, *, mode: str = "immediate") -> None:
        """`stop` without blocking the event loop."""
        await asyncio.to_thread(self.stop, mode=mode)

    async def execute(self, statement: str, database: str = "postgres") -> None:
        """Runs one SQL statement (CREATE DATABASE and the like) as the superuser."""
        connection = await asyncpg.connect(
            host="127.0.0.1", port=self.port, user="postgres", database=database
        )
        try:
            await connection.execute(statement)
        finally:
            await connection.close()

    async def fetch_value(self, query: str, database: str) -> object:
        """The first column of the first row of a query."""
        connection = await asyncpg.connect(
            host="127.0.0.1", port=self.port, user="postgres", database=database
        )
        try:
            return await connection.fetchval(query)
        finally:
            await connection.close()


@contextlib.contextmanager
def private_postgres() -> Iterator[PrivatePostgres]:
    """A started private PostgreSQL; stopped and removed on leaving."""
    folder = Path(tempfile.mkdtemp(prefix="pobratym-pg-"))
    server = PrivatePostgres(folder)
    try:
        server.initialise()
        server.start()
        yield server
    finally:
        with contextlib.suppress(RuntimeError):
            server.stop()
        shutil.rmtree(folder, ignore_errors=True)


class PrivateRedis:
    """A redis-server keeping nothing on disk, on a free port of 127.0.0.1."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = free_port()
        self.process: asyncio.subprocess.Process | None = None

    @property
    def url(self) -> str:
        """Its URL, database 0."""
        return f"redis://127.0.0.1:{self.port}/0"

    async def start(self) -> None:
        """Starts the server (on the same port as before) and waits until it answers."""
        self.process = await asyncio.create_subprocess_exec(
            "redis-server",
            "--port",
            str(self.port),
            "--bind",
            "127.0.0.1",
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(self.folder),
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        client = Redis.from_url(self.url)
        try:
            async with asyncio.timeout(READY_WITHIN):
                while True:
                    with contextlib.suppress(RedisError, OSError):
                        if await client.ping():  # type: ignore[misc]
                            return
                    await asyncio.sleep(0.05)
        finally:
            await client.aclose()

    async def kill(self) -> None:
        """Kills the server at once (its keys are gone with it)."""
        if self.process is not None and self.process.returncode is None:
            self.process.send_signal(signal.SIGKILL)
            await self.process.wait()
        self.process = None


@contextlib.asynccontextmanager
async def private_redis() -> AsyncIterator[PrivateRedis]:
    """A started private Redis; killed and removed on leaving."""
    folder = Path(tempfile.mkdtemp(prefix="pobratym-redis-"))
    server = PrivateRedis(folder)
    try:
        await server.start()
        yield server
    finally:
        await server.kill()
        shutil.rmtree(folder, ignore_errors=True)
