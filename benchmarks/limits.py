"""Sending under Telegram's limits, through a local Bot API that enforces them.

- broadcast: N announcements to N chats through the bot's own session (its pacer and retries),
  against the least time the limits allow, N/30 s;
- load: questions from many residents through the production Dispatcher at 1.5× the overall
  limit for `--seconds`; every reply must arrive, none refused.

    python -m benchmarks.limits [--broadcast N] [--seconds S]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from collections.abc import Sequence

from aiogram import Bot
from aiogram.client.telegram import TelegramAPIServer

from benchmarks.dispatcher import QUESTIONS, WORK, bench_settings
from benchmarks.limited_api import OVERALL_PER_SECOND, start_limited_api
from benchmarks.stub_telegram import TOKEN, text_update
from benchmarks.tables import Figures, Row, print_table
from bot.factory import create_dispatcher
from bot.services import create_services
from bot.transport.session import ReliableSession

FIRST_CHAT = 700_000_000


async def broadcast(count: int) -> tuple[float, int, int]:
    """Seconds to send `count` announcements to as many chats, 429s, and chats reached."""
    telegram, runner, base = await start_limited_api()
    bot = Bot(TOKEN, session=ReliableSession(api=TelegramAPIServer.from_base(base)))
    try:
        start = time.perf_counter()
        await asyncio.gather(
            *(bot.send_message(FIRST_CHAT + index, "News") for index in range(count))
        )
        elapsed = time.perf_counter() - start
    finally:
        await bot.session.close()
        await runner.cleanup()
    reached = len({chat for _, chat in telegram.accepted})
    return elapsed, telegram.refused, reached


async def questions_under_load(seconds: float) -> tuple[int, int, int, float]:
    """Questions at 1.5× the overall limit for `seconds`: offered, answered, 429s, and the
    replies' sustained rate (a second)."""
    settings = bench_settings()
    services = await create_services(settings, WORK / "name-forms.json")
    telegram, runner, base = await start_limited_api()
    bot = Bot(TOKEN, session=ReliableSession(api=TelegramAPIServer.from_base(base)))
    dispatcher = create_dispatcher(services)
    rate = OVERALL_PER_SECOND * 1.5
    offered = int(rate * seconds)
    try:
        handled = []
        start = time.perf_counter()
        for number in range(offered):
            update = text_update(QUESTIONS[number % len(QUESTIONS)], FIRST_CHAT + number)
            handled.append(asyncio.create_task(dispatcher.feed_update(bot, update)))
            await asyncio.sleep(max(0.0, start + (number + 1) / rate - time.perf_counter()))
        await asyncio.gather(*handled)
    finally:
        await bot.session.close()
        await runner.cleanup()
        await services.close()
    times = [moment for moment, _ in telegram.accepted]
    sustained = (len(times) - 1) / (max(times) - min(times)) if len(times) > 1 else 0.0
    return offered, len(telegram.accepted), telegram.refused, sustained


async def measure(rounds: int, count: int, seconds: float) -> tuple[list[Row], list[str]]:
    """Both measures over `rounds` rounds, and the notes on what each round delivered."""
    ratios, refused_broadcast, refused_load, sustained = [], [], [], []
    notes = []
    for _ in range(rounds):
        elapsed, refused, reached = await broadcast(count)
        ratios.append(elapsed)
        refused_broadcast.append(float(refused))
        notes.append(f"broadcast of {count}: {reached} chats reached once each, {refused} 429s")
        offered, answered, refused, rate = await questions_under_load(seconds)
        refused_load.append(float(refused))
        sustained.append(rate)
        notes.append(f"load: {answered} of {offered} questions answered, {refused} 429s")
    minimum = Figures(tuple(count / OVERALL_PER_SECOND for _ in range(rounds)))
    limit = Figures(tuple(float(OVERALL_PER_SECOND) for _ in range(rounds)))
    rows = [
        Row(
            f"broadcast of {count:,} (bare: the least N/30 s)",
            "s",
            Figures(tuple(ratios)),
            minimum,
            1.05,
        ),
        Row("429s during the broadcast", "count", Figures(tuple(refused_broadcast)), None),
        Row(
            "replies a second at 1.5× load (bare: the limit)",
            "1/s",
            Figures(tuple(sustained)),
            limit,
        ),
        Row("429s at 1.5× load", "count", Figures(tuple(refused_load)), None),
    ]
    return rows, notes


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; always exits 0 (a measurement, not a test)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--broadcast", type=int, default=1_000, help="10000 for the full one")
    parser.add_argument("--seconds", type=float, default=20.0)
    args = parser.parse_args(argv)
    rows, notes = asyncio.run(measure(args.rounds, args.broadcast, args.seconds))
    print_table("Under Telegram's limits (a local Bot API enforcing them)", rows, args.rounds)
    sys.stdout.write("".join(f"- {note}\n" for note in notes))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
