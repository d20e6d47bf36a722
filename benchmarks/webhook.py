"""CPU per update of the webhook server, beside a bare aiogram webhook echo, each its own process.

Pobratym's process runs what `python -m bot webhook` runs (`running_bot` and the webhook
runner: every router, middleware and background job, on the benchmark's SQLite database) with
the send pacer out of the way, so the replies go as fast as the process makes them. The bare
process is aiogram's `SimpleRequestHandler` with an echo handler. Both reply through a local
Bot API in a thread of this process that answers at once and counts the replies. A round
posts `--updates` private questions from as many residents, `--concurrency` at a time, as
Telegram posts them, and reads the process's CPU time (user + system, from /proc) before and
after; the figure is CPU milliseconds per update, once every reply has arrived.

    python -m benchmarks.webhook [--rounds N] [--updates N] [--concurrency N]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import aiohttp

from benchmarks.dispatcher import QUESTIONS, WORK
from benchmarks.limited_api import LimitedApi, LimitedTelegram
from benchmarks.stub_telegram import TOKEN, text_update
from benchmarks.tables import Figures, Row, print_table
from bot.transport.runners import SECRET_HEADER

SECRET = "benchmark-webhook-secret"  # noqa: S105 - a fake, for the local processes
PATH = "/telegram/webhook"
WARM_UP = 200
FIRST_USER = 600_000_000

_BARE = """
import sys
from aiogram import Bot, Dispatcher, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message
from aiogram.webhook.aiohttp_server import SimpleRequestHandler
from aiohttp import web

api, port, token, secret, path = sys.argv[1:6]
router = Router()

@router.message()
async def echo(message: Message) -> None:
    await message.answer(message.text or "")

dispatcher = Dispatcher()
dispatcher.include_router(router)
bot = Bot(token, session=AiohttpSession(api=TelegramAPIServer.from_base(api)))
app = web.Application()
SimpleRequestHandler(dispatcher=dispatcher, bot=bot, secret_token=secret).register(app, path=path)
web.run_app(app, host="127.0.0.1", port=int(port), print=None)
"""

# `python -m bot webhook` as `bot.app.run_webhook` runs it: the send pacer out of the way unless
# the sixth argument is "paced"; any further `name=value` arguments are settings of its own
# (a replica's `redis_url` and `redis_prefix`).
OURS = """
import asyncio, sys
from benchmarks.dispatcher import WORK
from bot.app import running_bot
from bot.settings import Settings
from bot.transport import runners

api, port, token, secret, path, database, paced, *own = sys.argv[1:]

class Unpaced:
    async def acquire(self, chat_id): pass
    def finished(self, chat_id): pass
    async def pause(self, seconds): pass

async def main():
    settings = Settings(
        _env_file=None,
        bot_token=token,
        database_url=database,
        telegram_api_base=api,
        webhook_base_url=f"http://127.0.0.1:{port}",
        webhook_path=path,
        webhook_secret=secret,
        webhook_port=int(port),
        **dict(setting.split("=", 1) for setting in own),
    )
    options = {} if paced == "paced" else {"limiter": Unpaced()}
    async with running_bot(settings, forms_cache=WORK / "name-forms.json", **options) as running:
        await runners.run_webhook(running.dispatcher, running.bot, settings)

asyncio.run(main())
"""


class OpenTelegram(LimitedTelegram):
    """The local Bot API without limits: every message is accepted at once."""

    def _admit(self, chat_id: int) -> bool:
        self.accepted.append((time.monotonic(), chat_id))
        return True


def free_port() -> int:
    """A loopback TCP port free at the moment of asking."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of the process so far."""
    fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    # utime and stime are the 14th and 15th fields; the split starts at the 3rd.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def wait_listening(port: int, process: subprocess.Popen[bytes]) -> None:
    """Return once `process` accepts connections on `port` (at most ten minutes); RuntimeError
    if it ends or never listens."""
    deadline = time.monotonic() + 600
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError("the webhook process ended before it listened")
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            await asyncio.sleep(0.2)
            continue
        writer.close()
        await writer.wait_closed()
        return
    raise RuntimeError("the webhook process never listened")


async def post_questions(port: int, first: int, count: int, concurrency: int) -> None:
    """Post `count` questions from residents `first`… as Telegram would, `concurrency` at once."""
    url = f"http://127.0.0.1:{port}{PATH}"
    queue = iter(range(first, first + count))
    async with aiohttp.ClientSession(headers={SECRET_HEADER: SECRET}) as client:

        async def worker() -> None:
            for number in queue:
                update = text_update(QUESTIONS[number % len(QUESTIONS)], FIRST_USER + number)
                body = update.model_dump_json(exclude_none=True, by_alias=True)
                headers = {"Content-Type": "application/json"}
                async with client.post(url, data=body, headers=headers) as response:
                    await response.read()

        await asyncio.gather(*(worker() for _ in range(concurrency)))


async def wait_for_replies(telegram: LimitedTelegram, expected: int) -> None:
    """Return once the local Bot API has accepted `expected` messages (at most ten minutes)."""
    deadline = time.monotonic() + 600
    # The server counts in its own thread: polling its count is the simple way to wait.
    while len(telegram.accepted) < expected and time.monotonic() < deadline:  # noqa: ASYNC110
        await asyncio.sleep(0.05)


async def _round(script: str, extra: list[str], updates: int, concurrency: int) -> float:
    """CPU milliseconds per update of one fresh webhook process."""
    api = LimitedApi(OpenTelegram())
    base = await asyncio.to_thread(api.start)
    port = free_port()
    command = [sys.executable, "-c", script, base, str(port), TOKEN, SECRET, PATH, *extra]
    with (WORK / "webhook.log").open("ab") as log:
        # Started once a round, before anything is timed: blocking here costs nothing measured.
        process = subprocess.Popen(  # noqa: S603, ASYNC220 - our own interpreter and script
            command, stdout=log, stderr=log
        )
    try:
        await wait_listening(port, process)
        await post_questions(port, 0, WARM_UP, concurrency)
        await wait_for_replies(api.telegram, WARM_UP)
        before = cpu_seconds(process.pid)
        await post_questions(port, WARM_UP, updates, concurrency)
        await wait_for_replies(api.telegram, WARM_UP + updates)
        used = cpu_seconds(process.pid) - before
        if len(api.telegram.accepted) < WARM_UP + updates:
            raise RuntimeError("not every update was answered")
    finally:
        process.terminate()
        await asyncio.to_thread(process.wait, 60)
        await api.cleanup()
    return used * 1000 / updates


async def measure(rounds: int, updates: int, concurrency: int) -> list[Row]:
    """CPU per update of both, alternating, over `rounds` rounds."""
    WORK.mkdir(parents=True, exist_ok=True)
    database = f"sqlite+aiosqlite:///{WORK / 'webhook.sqlite3'}"
    ours, bare = [], []
    for _ in range(rounds):
        ours.append(await _round(OURS, [database, "unpaced"], updates, concurrency))
        bare.append(await _round(_BARE, [], updates, concurrency))
    return [
        Row(
            "webhook, CPU per question (pacer out of the way)",
            "ms",
            Figures(tuple(ours)),
            Figures(tuple(bare)),
            2,
        )
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; always exits 0 (a measurement, not a test)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--updates", type=int, default=1000)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args(argv)
    rows = asyncio.run(measure(args.rounds, args.updates, args.concurrency))
    print_table("The webhook: CPU per update, fresh processes", rows, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
