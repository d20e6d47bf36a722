"""Two webhook replicas on PostgreSQL and Redis, beside one, through a local Bot API.

Each replica is a fresh process running what `python -m bot webhook` runs, with
`DATABASE_URL` on a PostgreSQL database of its own for the run and `REDIS_URL` with a
`REDIS_PREFIX` of its own (both removed at the end; the servers are left running):

- capacity: with the send pacer out of the way and a Bot API that accepts every message at
  once, the replies a second of one replica, then of two (each posted `--concurrency`
  questions at a time), once every reply has arrived; two should make at least 1.6× one;
- under Telegram's limits (a Bot API refusing, with 429, a message over 30 in any second or
  over one a second in a chat): questions at 1.5× the overall limit, half to each replica
  pacing through Redis; every one answered, none refused;
- a broadcast from two processes at once, each sending half of `--broadcast` announcements
  through the bot's session paced through the same Redis: its time against the least N/30 s,
  and no 429.

    python -m benchmarks.replicas [--rounds N] [--updates N] [--broadcast N] [--seconds S]

PostgreSQL and Redis are found at POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/
postgres) and REDIS_URL (default redis://127.0.0.1:6379/0).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass

import aiohttp
import asyncpg
from redis.asyncio import Redis
from sqlalchemy.engine import make_url

from benchmarks.dispatcher import QUESTIONS, WORK
from benchmarks.limited_api import OVERALL_PER_SECOND, LimitedApi, LimitedTelegram
from benchmarks.stub_telegram import TOKEN, text_update
from benchmarks.tables import Figures, Row, print_table
from benchmarks.webhook import (
    FIRST_USER,
    OURS,
    PATH,
    SECRET,
    OpenTelegram,
    free_port,
    post_questions,
    wait_for_replies,
    wait_listening,
)
from bot.transport.runners import SECRET_HEADER

POSTGRES_URL = os.environ.get("POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres")
REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/0")
WARM_UP = 100

# One replica's share of a broadcast: its bot's session, paced through the shared Redis
# schedule, sends to chats first… first+count-1 once told to start (a line on stdin).
_SENDER = """
import asyncio, sys
from aiogram import Bot
from redis.asyncio import Redis
from bot.settings import Settings
from bot.transport.session import create_session

api, token, redis_url, prefix, first, count = sys.argv[1:7]

async def main():
    settings = Settings(_env_file=None, bot_token=token, telegram_api_base=api)
    redis = Redis.from_url(redis_url)
    bot = Bot(token, session=create_session(settings, redis, redis_prefix=prefix))
    # A running replica has its connections to the Bot API and to Redis open already.
    await bot.get_me()
    await redis.ping()
    print("ready", flush=True)
    await asyncio.to_thread(sys.stdin.readline)
    try:
        await asyncio.gather(
            *(bot.send_message(int(first) + n, "News") for n in range(int(count)))
        )
    finally:
        await bot.session.close()
        await redis.aclose()

asyncio.run(main())
"""


@dataclass(frozen=True)
class Shared:
    """What the replicas of one run share: a PostgreSQL database and a Redis key prefix."""

    database: str
    redis: str
    prefix: str


async def _connect(url: str) -> asyncpg.Connection:
    server = make_url(url)
    return await asyncpg.connect(
        host=server.host,
        port=server.port,
        user=server.username,
        password=server.password,
        database=server.database,
    )


@asynccontextmanager
async def shared_stores() -> AsyncIterator[Shared]:
    """A new PostgreSQL database and Redis prefix for one run, dropped and deleted after it."""
    tag = uuid.uuid4().hex[:10]
    name = f"pobratym_bench_{tag}"
    server = make_url(POSTGRES_URL)
    connection = await _connect(POSTGRES_URL)
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    database = server.set(drivername="postgresql+asyncpg", database=name)
    shared = Shared(database.render_as_string(hide_password=False), REDIS_URL, f"bench-{tag}:")
    try:
        yield shared
    finally:
        connection = await _connect(POSTGRES_URL)
        try:
            await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        finally:
            await connection.close()
        redis = Redis.from_url(REDIS_URL)
        try:
            keys = [key async for key in redis.scan_iter(match=f"{shared.prefix}*")]
            if keys:
                await redis.delete(*keys)
        finally:
            await redis.aclose()


@asynccontextmanager
async def replicas(
    count: int, shared: Shared, api: str, *, paced: bool
) -> AsyncIterator[list[int]]:
    """`count` webhook replicas listening (the first started alone: it migrates and seeds the
    new database); their ports. Each is terminated on leaving."""
    processes: list[subprocess.Popen[bytes]] = []
    ports: list[int] = []
    try:
        with (WORK / "replicas.log").open("ab") as log:
            for _ in range(count):
                port = free_port()
                command = [
                    sys.executable,
                    "-c",
                    OURS,
                    api,
                    str(port),
                    TOKEN,
                    SECRET,
                    PATH,
                    shared.database,
                    "paced" if paced else "unpaced",
                    f"redis_url={shared.redis}",
                    f"redis_prefix={shared.prefix}",
                ]
                # Started before anything is timed: blocking here costs nothing measured.
                process = subprocess.Popen(  # noqa: S603, ASYNC220 - our own interpreter
                    command, stdout=log, stderr=log
                )
                processes.append(process)
                ports.append(port)
                await wait_listening(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            await asyncio.to_thread(process.wait, 60)


async def capacity(shared: Shared, count: int, updates: int, concurrency: int) -> float:
    """Replies a second of `count` unpaced replicas answering `updates` questions, split
    evenly, each posted `concurrency` at a time, after a warm-up of WARM_UP each."""
    api = LimitedApi(OpenTelegram())
    base = await asyncio.to_thread(api.start)
    try:
        async with replicas(count, shared, base, paced=False) as ports:
            await asyncio.gather(
                *(
                    post_questions(port, number * WARM_UP, WARM_UP, concurrency)
                    for number, port in enumerate(ports)
                )
            )
            warmed = count * WARM_UP
            await wait_for_replies(api.telegram, warmed)
            share = updates // count
            start = time.perf_counter()
            await asyncio.gather(
                *(
                    post_questions(port, warmed + number * share, share, concurrency)
                    for number, port in enumerate(ports)
                )
            )
            await wait_for_replies(api.telegram, warmed + share * count)
            elapsed = time.perf_counter() - start
            if len(api.telegram.accepted) < warmed + share * count:
                raise RuntimeError("not every question was answered")
    finally:
        await api.cleanup()
    return share * count / elapsed


async def _post_at(ports: list[int], rate: float, seconds: float) -> int:
    """Questions from as many residents at `rate` a second for `seconds`, each to the next
    replica in turn, each posted without waiting for the one before; how many."""
    offered = int(rate * seconds)
    async with aiohttp.ClientSession(headers={SECRET_HEADER: SECRET}) as client:

        async def post(number: int) -> None:
            port = ports[number % len(ports)]
            update = text_update(QUESTIONS[number % len(QUESTIONS)], FIRST_USER + number)
            body = update.model_dump_json(exclude_none=True, by_alias=True)
            url = f"http://127.0.0.1:{port}{PATH}"
            headers = {"Content-Type": "application/json"}
            async with client.post(url, data=body, headers=headers) as response:
                await response.read()

        posts = []
        start = time.perf_counter()
        for number in range(offered):
            posts.append(asyncio.create_task(post(number)))
            await asyncio.sleep(max(0.0, start + (number + 1) / rate - time.perf_counter()))
        await asyncio.gather(*posts)
    return offered


async def under_limits(shared: Shared, seconds: float) -> tuple[int, int, int, float]:
    """Two paced replicas at 1.5× the overall limit for `seconds`: questions offered,
    answered, 429s, and the replies' sustained rate (a second)."""
    telegram = LimitedTelegram()
    api = LimitedApi(telegram)
    base = await asyncio.to_thread(api.start)
    try:
        async with replicas(2, shared, base, paced=True) as ports:
            offered = await _post_at(ports, OVERALL_PER_SECOND * 1.5, seconds)
            await wait_for_replies(telegram, offered)
    finally:
        await api.cleanup()
    times = [moment for moment, _ in telegram.accepted]
    sustained = (len(times) - 1) / (max(times) - min(times)) if len(times) > 1 else 0.0
    return offered, len(telegram.accepted), telegram.refused, sustained


async def broadcast(shared: Shared, count: int) -> tuple[float, int, int]:
    """Seconds for two processes to send `count` announcements to as many chats, half each,
    paced through one Redis schedule; 429s; chats reached."""
    telegram = LimitedTelegram()
    api = LimitedApi(telegram)
    base = await asyncio.to_thread(api.start)
    half = count // 2
    senders = [
        subprocess.Popen(  # noqa: S603, ASYNC220 - our own interpreter, before the timing
            [
                sys.executable,
                "-c",
                _SENDER,
                base,
                TOKEN,
                shared.redis,
                shared.prefix,
                str(800_000_000 + number * half),
                str(half),
            ],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        for number in range(2)
    ]
    try:
        for sender in senders:
            if sender.stdout is None or sender.stdin is None:
                raise RuntimeError("a sender's pipes are missing")
            if (await asyncio.to_thread(sender.stdout.readline)).strip() != b"ready":
                raise RuntimeError("a sender ended before it was ready")
        # The server's clock: the broadcast is over when its last chat is reached, however
        # long the senders' interpreters then take to exit on a busy machine.
        start = time.monotonic()
        for sender in senders:
            if sender.stdin is None:
                raise RuntimeError("a sender's pipes are missing")
            sender.stdin.write(b"go\n")
            sender.stdin.flush()
        codes = [await asyncio.to_thread(sender.wait, 3600) for sender in senders]
        if any(codes):
            raise RuntimeError(f"a sender failed: exit codes {codes}")
    finally:
        for sender in senders:
            if sender.poll() is None:
                sender.terminate()
        await api.cleanup()
    reached = len({chat for _, chat in telegram.accepted})
    elapsed = max((moment for moment, _ in telegram.accepted), default=start) - start
    return elapsed, telegram.refused, reached


async def measure(
    rounds: int, updates: int, concurrency: int, count: int, seconds: float
) -> tuple[list[Row], list[str]]:
    """Every measure over `rounds` rounds, and the notes on what each round delivered."""
    WORK.mkdir(parents=True, exist_ok=True)
    one, two, refused_load, sustained, took, refused_broadcast = [], [], [], [], [], []
    notes = []
    for _ in range(rounds):
        async with shared_stores() as shared:
            one.append(await capacity(shared, 1, updates, concurrency))
            two.append(await capacity(shared, 2, updates, concurrency))
            offered, answered, refused, rate = await under_limits(shared, seconds)
            refused_load.append(float(refused))
            sustained.append(rate)
            notes.append(
                f"two replicas at 1.5× load: {answered} of {offered} answered, {refused} 429s"
            )
            elapsed, refused, reached = await broadcast(shared, count)
            took.append(elapsed)
            refused_broadcast.append(float(refused))
            notes.append(
                f"broadcast of {count} from two processes: {reached} chats, {refused} 429s"
            )
    rows = [
        Row(
            "two replicas' replies a second, pacer out of the way (bare: one replica)",
            "1/s",
            Figures(tuple(two)),
            Figures(tuple(one)),
            1.6,
            at_least=True,
        ),
        Row(
            "replies a second at 1.5× load, two replicas (bare: the limit)",
            "1/s",
            Figures(tuple(sustained)),
            Figures(tuple(float(OVERALL_PER_SECOND) for _ in range(rounds))),
        ),
        Row("429s at 1.5× load, two replicas", "count", Figures(tuple(refused_load)), None),
        Row(
            f"broadcast of {count:,} from two processes (bare: the least N/30 s)",
            "s",
            Figures(tuple(took)),
            Figures(tuple(count / OVERALL_PER_SECOND for _ in range(rounds))),
            1.05,
        ),
        Row(
            "429s during the two processes' broadcast",
            "count",
            Figures(tuple(refused_broadcast)),
            None,
        ),
    ]
    return rows, notes


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; always exits 0 (a measurement, not a test)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--updates", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--broadcast", type=int, default=1_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args(argv)
    rows, notes = asyncio.run(
        measure(args.rounds, args.updates, args.concurrency, args.broadcast, args.seconds)
    )
    print_table("Two webhook replicas on PostgreSQL and Redis", rows, args.rounds)
    sys.stdout.write("".join(f"- {note}\n" for note in notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
