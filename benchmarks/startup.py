"""Time to ready and memory, each in a fresh process, beside a bare aiogram bot.

Ready means: everything a runner needs is built and the first getUpdates could go out (for
Pobratym: settings, the database checked, the knowledge indexed, the dictionary loaded, the
dispatcher; for bare aiogram: its imports, a Bot and a Dispatcher with an echo handler), and
the CPU time the process used to get there, which other work on the machine moves far less
than the time itself. The process then answers `ANSWERS` private messages through its
Dispatcher over an in-memory Bot API and reports its resident set size.

    python -m benchmarks.startup [--rounds N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from collections.abc import Sequence

from benchmarks.tables import Figures, Row, print_table

ANSWERS = 50

_COMMON = """
import asyncio, json, sys, time
from benchmarks.stub_telegram import InstantSession, TOKEN, text_update

def rss_megabytes():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0

async def answer(dispatcher, bot, questions):
    for number in range({answers}):
        question = questions[number % len(questions)]
        await dispatcher.feed_update(bot, text_update(question, 9000 + number))
""".replace("{answers}", str(ANSWERS))

_BARE = (
    _COMMON
    + """
from aiogram import Bot, Dispatcher, Router
from aiogram.types import Message

async def main():
    router = Router()

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    bot = Bot(TOKEN, session=InstantSession())
    sys.stdout.write(f"ready {time.process_time()}\\n"); sys.stdout.flush()
    await answer(dispatcher, bot, ["Привіт"])
    sys.stdout.write(json.dumps({"rss": rss_megabytes()}) + "\\n")

asyncio.run(main())
"""
)

_OURS = (
    _COMMON
    + """
from benchmarks.dispatcher import QUESTIONS, WORK, bench_settings
from bot.factory import create_bot, create_dispatcher
from bot.services import create_services

async def main():
    settings = bench_settings()
    services = await create_services(settings, WORK / "name-forms.json")
    dispatcher = create_dispatcher(services)
    bot = create_bot(settings, session=InstantSession())
    sys.stdout.write(f"ready {time.process_time()}\\n"); sys.stdout.flush()
    await answer(dispatcher, bot, QUESTIONS)
    sys.stdout.write(json.dumps({"rss": rss_megabytes()}) + "\\n")
    await services.close()

asyncio.run(main())
"""
)


def _run(script: str) -> tuple[float, float, float]:
    """Seconds from spawning the process to its "ready", the CPU seconds (user + system, every
    thread) the process had used by then, and its RSS (MB) after answering."""
    start = time.perf_counter()
    process = subprocess.Popen(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", script], stdout=subprocess.PIPE, text=True
    )
    if process.stdout is None:
        raise RuntimeError("no output to read")
    ready = None
    cpu = 0.0
    rss = 0.0
    for line in process.stdout:
        if line.startswith("ready "):
            ready = time.perf_counter() - start
            cpu = float(line.split()[1])
        elif line.startswith("{"):
            rss = float(json.loads(line)["rss"])
    process.wait(timeout=600)
    if ready is None or process.returncode != 0:
        raise RuntimeError("the measured process failed")
    return ready, cpu, rss


def measure(rounds: int) -> list[Row]:
    """Time to ready and RSS of both, alternating, over `rounds` rounds."""
    _run(_OURS)  # the first start builds the benchmark's database and name forms
    figures: dict[str, list[float]] = {
        "ours:ready": [],
        "ours:cpu": [],
        "ours:rss": [],
        "bare:ready": [],
        "bare:cpu": [],
        "bare:rss": [],
    }
    for _ in range(rounds):
        for name, script in (("ours", _OURS), ("bare", _BARE)):
            ready, cpu, rss = _run(script)
            figures[f"{name}:ready"].append(ready)
            figures[f"{name}:cpu"].append(cpu)
            figures[f"{name}:rss"].append(rss)

    def of(key: str) -> Figures:
        return Figures(tuple(figures[key]))

    return [
        Row("time to ready", "s", of("ours:ready"), of("bare:ready"), 1.25),
        # The CPU it took to get there moves far less with the machine's load than the time.
        Row("CPU time to ready", "s", of("ours:cpu"), of("bare:cpu"), None),
        Row(f"RSS after {ANSWERS} answers", "MB", of("ours:rss"), of("bare:rss"), 1.25),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; always exits 0 (a measurement, not a test)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    print_table("Start-up and memory, fresh processes", measure(args.rounds), args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
