"""One update through the whole Dispatcher, beside a bare aiogram echo bot in the same process.

Both dispatchers get the same updates (private messages from many residents, so the flood limit
never applies) over the same in-memory Bot API session. Pobratym's dispatcher is the production
one (`create_dispatcher`: every router and middleware) on a SQLite database seeded with the
shipped knowledge. A round feeds `--updates` updates one after another; the figure is the
wall time per update. The engine's own share is the time spent inside `Engine.answer` during
those same updates (each with the resident's conversation so far, as the bot answers it), and
the part outside the engine is the rest; answering the questions directly, without a
conversation, is shown beside it.

    python -m benchmarks.dispatcher [--rounds N] [--updates N]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from aiogram import Bot, Dispatcher, Router
from aiogram.filters import CommandStart
from aiogram.types import Message, Update

from benchmarks.stub_telegram import TOKEN, InstantSession, text_update
from benchmarks.tables import Figures, Row, print_table
from bot.factory import create_bot, create_dispatcher
from bot.services import BotServices, create_services
from bot.settings import Settings

WORK = Path("var/cache/benchmark")
# Questions the shipped knowledge answers (an unanswered one is also written down, a cost of
# its own).
QUESTIONS = (
    "Хто партнери Харкова?",
    "Які міста-побратими має Харків?",
    "Who are Kharkiv's partner cities?",
    "Kharkiv partners",
)
RESIDENTS = 2_000
BASE_USER = 500_000_000


def bare_dispatcher() -> Dispatcher:
    """The baseline: aiogram's echo bot and /start greeting, one router, no middleware."""
    router = Router(name="bare")

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer("Hello!")

    @router.message()
    async def echo(message: Message) -> None:
        await message.answer(message.text or "")

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


def bench_settings() -> Settings:
    """Settings on the benchmark's own database file."""
    WORK.mkdir(parents=True, exist_ok=True)
    return Settings(
        _env_file=None,
        bot_token=TOKEN,
        database_url=f"sqlite+aiosqlite:///{WORK / 'dispatcher.sqlite3'}",
    )


async def _per_update(
    dispatcher: Dispatcher, bot: Bot, make_update: Callable[[int], Update], count: int
) -> float:
    """Milliseconds of wall time per update over `count` updates fed one after another."""
    gc.collect()
    start = time.perf_counter()
    for number in range(count):
        await dispatcher.feed_update(bot, make_update(number))
    return (time.perf_counter() - start) * 1000 / count


def _question(offset: int) -> Callable[[int], Update]:
    def make(number: int) -> Update:
        user = BASE_USER + (offset + number) % RESIDENTS
        return text_update(QUESTIONS[number % len(QUESTIONS)], user)

    return make


def _start(offset: int) -> Callable[[int], Update]:
    def make(number: int) -> Update:
        return text_update("/start", BASE_USER + (offset + number) % RESIDENTS)

    return make


class _EngineClock:
    """Adds up the wall time spent inside the services' `Engine.answer` while installed."""

    def __init__(self, services: BotServices) -> None:
        self.seconds = 0.0
        answer = services.engine.answer

        def timed(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return answer(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start

        # An attribute of the instance shadows the method for this engine only.
        setattr(services.engine, "answer", timed)  # noqa: B010 - mypy forbids assigning a method


def _engine_ms(services: BotServices, count: int) -> float:
    """Milliseconds per answer of the engine alone, on the same questions."""
    today = services.today()
    start = time.perf_counter()
    for number in range(count):
        services.engine.answer(QUESTIONS[number % len(QUESTIONS)], None, "uk", today)
    return (time.perf_counter() - start) * 1000 / count


async def measure(rounds: int, updates: int) -> list[Row]:
    """The question, /start and engine figures over `rounds` rounds."""
    settings = bench_settings()
    services = await create_services(settings, WORK / "name-forms.json")
    try:
        session = InstantSession()
        bot = create_bot(settings, session=session)
        ours = create_dispatcher(services)
        bare = bare_dispatcher()
        # Warm both: first-use imports, caches, the FSM storage of every resident.
        await _per_update(ours, bot, _question(0), RESIDENTS)
        await _per_update(bare, bot, _question(0), RESIDENTS)
        figures: dict[str, list[float]] = {}
        clock = _EngineClock(services)
        for round_number in range(rounds):
            offset = round_number * updates
            for name, dispatcher in (("ours", ours), ("bare", bare)):
                for kind, maker in (("question", _question), ("start", _start)):
                    clock.seconds = 0.0
                    value = await _per_update(dispatcher, bot, maker(offset), updates)
                    figures.setdefault(f"{name}:{kind}", []).append(value)
                    if name == "ours" and kind == "question":
                        engine = clock.seconds * 1000 / updates
                        figures.setdefault("engine", []).append(engine)
                        figures.setdefault("outside", []).append(value - engine)
            figures.setdefault("engine alone", []).append(_engine_ms(services, updates))
    finally:
        await services.close()

    def of(key: str) -> Figures:
        return Figures(tuple(figures[key]))

    return [
        Row(
            "a question through the Dispatcher", "ms", of("ours:question"), of("bare:question"), 4
        ),
        Row("the part outside the engine", "ms", of("outside"), of("bare:question"), 1.5),
        Row("the engine's share of it", "ms", of("engine"), None),
        Row("the engine alone, no conversation", "ms", of("engine alone"), None),
        Row("/start through the Dispatcher", "ms", of("ours:start"), of("bare:start"), 2),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Print the table; always exits 0 (a measurement, not a test)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--updates", type=int, default=300)
    args = parser.parse_args(argv)
    rows = asyncio.run(measure(args.rounds, args.updates))
    print_table("The update path: one update through the Dispatcher", rows, args.rounds)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
