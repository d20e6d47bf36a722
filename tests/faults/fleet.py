"""The bot as it is deployed: `python -m bot webhook` replicas behind a load balancer, or one
`python -m bot run` process, each a real process that can be stopped, killed and restarted."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import signal
import sys
from collections.abc import AsyncIterator, Mapping
from pathlib import Path

import aiohttp
from aiohttp import web

from tests.local_api_support import free_port

READY_WITHIN = 90.0
WEBHOOK_PATH = "/telegram/webhook"


class BotReplica:
    """One bot process; its output goes to a file (a pipe nobody reads would block it)."""

    def __init__(
        self, name: str, home: Path, environment: Mapping[str, str], *arguments: str
    ) -> None:
        self.name = name
        self.home = home
        self.environment = dict(environment)
        self.arguments = arguments
        self.log = home / f"{name}.log"
        self.process: asyncio.subprocess.Process | None = None
        self.port: int | None = None
        if "WEBHOOK_PORT" in self.environment:
            self.port = int(self.environment["WEBHOOK_PORT"])

    @property
    def running(self) -> bool:
        """Whether the process is alive."""
        return self.process is not None and self.process.returncode is None

    async def start(self) -> None:
        """Starts the process (its log continues the earlier runs')."""
        with self.log.open("ab") as output:
            self.process = await asyncio.create_subprocess_exec(
                sys.executable,
                "-m",
                "bot",
                *self.arguments,
                cwd=self.home,
                env=self.environment,
                stdin=asyncio.subprocess.DEVNULL,
                stdout=output,
                stderr=asyncio.subprocess.STDOUT,
            )

    async def wait_healthy(self, within: float = READY_WITHIN) -> None:
        """Waits until the webhook answers /healthz; fails with the log if the process died."""
        assert self.port is not None, "only a webhook replica has a health check"
        async with asyncio.timeout(within), aiohttp.ClientSession() as client:
            while True:
                if not self.running:
                    raise AssertionError(f"{self.name} exited:\n{self.output()}")
                with contextlib.suppress(aiohttp.ClientError):
                    async with client.get(f"http://127.0.0.1:{self.port}/healthz") as response:
                        if response.status == 200:
                            return
                await asyncio.sleep(0.2)

    def kill(self) -> None:
        """SIGKILL: no shutdown hook runs, whatever was in hand is dropped."""
        if self.running:
            assert self.process is not None
            self.process.send_signal(signal.SIGKILL)

    async def stop(self, within: float = 40.0) -> int:
        """SIGTERM and wait; the exit code (killed if it does not stop in time)."""
        if self.process is None:
            return 0
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(self.process.wait(), within)
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
        assert self.process.returncode is not None
        return self.process.returncode

    async def wait_exit(self) -> None:
        """Waits for the process to end (after kill)."""
        if self.process is not None:
            await self.process.wait()

    def output(self) -> str:
        """Everything the process printed so far."""
        return self.log.read_text(errors="replace") if self.log.exists() else ""


class Balancer:
    """A round-robin HTTP load balancer in front of webhook replicas.

    A replica that refuses the connection is skipped for the next one; one that fails during
    the request gets the request answered 502, as nginx does for a POST, so Telegram delivers
    the update again.
    """

    def __init__(self, replicas: list[BotReplica]) -> None:
        self.replicas = replicas
        self.port = free_port()
        self._turn = itertools.count()
        self._client: aiohttp.ClientSession | None = None
        self._runner: web.AppRunner | None = None
        self.statuses: list[int] = []

    @property
    def base_url(self) -> str:
        """Where Telegram posts (WEBHOOK_BASE_URL)."""
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> None:
        """Listens on its port."""
        self._client = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=120))
        app = web.Application(client_max_size=2 * 1024 * 1024)
        app.router.add_post(WEBHOOK_PATH, self._forward)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await web.TCPSite(self._runner, "127.0.0.1", self.port).start()

    async def close(self) -> None:
        """Stops listening."""
        if self._runner is not None:
            await self._runner.cleanup()
        if self._client is not None:
            await self._client.close()

    async def _forward(self, request: web.Request) -> web.Response:
        assert self._client is not None
        body = await request.read()
        headers = {
            name: value
            for name, value in request.headers.items()
            if name.lower() in ("content-type", "x-telegram-bot-api-secret-token")
        }
        start = next(self._turn)
        for offset in range(len(self.replicas)):
            replica = self.replicas[(start + offset) % len(self.replicas)]
            url = f"http://127.0.0.1:{replica.port}{WEBHOOK_PATH}"
            try:
                async with self._client.post(url, data=body, headers=headers) as response:
                    answer = await response.read()
                    self.statuses.append(response.status)
                    return web.Response(
                        status=response.status,
                        body=answer,
                        content_type=response.content_type,
                    )
            except aiohttp.ClientConnectorError:
                continue  # nothing listens there: try the next replica
            except (aiohttp.ClientError, TimeoutError):
                self.statuses.append(502)
                return web.Response(status=502, text="bad gateway")
        self.statuses.append(502)
        return web.Response(status=502, text="no replica")


@contextlib.asynccontextmanager
async def webhook_fleet(
    home: Path, environment: Mapping[str, str], *, replicas: int = 2
) -> AsyncIterator[tuple[Balancer, list[BotReplica]]]:
    """`replicas` webhook processes behind a balancer, started and healthy; stopped on leaving."""
    members: list[BotReplica] = []
    balancer = Balancer(members)
    await balancer.start()
    try:
        for number in range(1, replicas + 1):
            port = free_port()
            replica = BotReplica(
                f"replica-{number}",
                home,
                {
                    **environment,
                    "WEBHOOK_BASE_URL": balancer.base_url,
                    "WEBHOOK_HOST": "127.0.0.1",
                    "WEBHOOK_PORT": str(port),
                },
                "webhook",
            )
            members.append(replica)
            await replica.start()
        for replica in members:
            await replica.wait_healthy()
        yield balancer, members
    finally:
        for replica in members:
            await replica.stop()
        await balancer.close()


@contextlib.asynccontextmanager
async def polling_bot(home: Path, environment: Mapping[str, str]) -> AsyncIterator[BotReplica]:
    """One `python -m bot run` process; stopped on leaving."""
    replica = BotReplica("polling", home, environment, "run")
    await replica.start()
    try:
        yield replica
    finally:
        await replica.stop()
