"""Polling and the webhook against the local API over HTTP, and how they stop."""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
import os
import signal
import sys
from pathlib import Path

import aiohttp
from aiogram import Bot, Dispatcher, F
from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.fsm.storage.redis import RedisStorage
from aiogram.types import Message
from sqlalchemy.exc import OperationalError

from bot.handlers.errors import on_error
from bot.jobs import JOB_MONITOR, JobMonitor
from bot.local_api import LocalTelegram
from bot.settings import Settings
from bot.transport.runners import SECRET_HEADER, run_polling, run_webhook
from bot.transport.storage import ResilientStorage, create_storage
from tests.local_api_support import (
    DEFAULT_REDIS_URL,
    REDIS_URL_VARIABLE,
    echo_dispatcher,
    free_port,
    local_bot,
)

ROOT = Path(__file__).resolve().parent.parent
SECRET = "s3cret-Token_1"


async def test_polling_answers_and_stops_when_asked(local_telegram: LocalTelegram) -> None:
    stop = asyncio.Event()
    bot = local_bot(local_telegram)
    running = asyncio.create_task(
        run_polling(echo_dispatcher(), bot, stop=stop, handle_signals=False, polling_timeout=5)
    )

    local_telegram.send_message("Привіт", user_id=1001)
    reply = await local_telegram.next_message(1001, within=10)
    stop.set()
    await asyncio.wait_for(running, 10)
    local_telegram.send_message("ще раз", user_id=1001)

    assert reply.params["text"] == "echo: Привіт"
    # The handled update was confirmed; the one sent after the stop waits for the next start.
    assert [u["message"]["text"] for u in local_telegram.pending_updates] == ["ще раз"]


async def test_polling_survives_a_dropped_get_updates(local_telegram: LocalTelegram) -> None:
    stop = asyncio.Event()
    local_telegram.fail_next("getUpdates", "server_error", times=2)
    bot = local_bot(local_telegram)
    running = asyncio.create_task(
        run_polling(echo_dispatcher(), bot, stop=stop, handle_signals=False, polling_timeout=5)
    )

    local_telegram.send_message("Привіт", user_id=1001)
    reply = await local_telegram.next_message(1001, within=10)
    stop.set()
    await asyncio.wait_for(running, 10)

    assert reply.params["text"] == "echo: Привіт"


async def test_sigterm_lets_the_update_in_hand_finish_and_exits_cleanly(
    local_telegram: LocalTelegram,
) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.transport_slow_bot",
        local_telegram.base_url,
        local_telegram.token,
        cwd=ROOT,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        await local_telegram.next_call("getMe", within=30)
        local_telegram.send_message("Привіт", user_id=1001)
        await local_telegram.next_call("sendChatAction", within=10)
        process.send_signal(signal.SIGTERM)
        output, _ = await asyncio.wait_for(process.communicate(), 20)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()

    replies = [c.params["text"] for c in local_telegram.calls_of("sendMessage") if c.ok]
    assert process.returncode == 0, output.decode()
    assert replies == ["done: Привіт"]
    assert local_telegram.pending_updates == []


def webhook_settings(port: int) -> Settings:
    return Settings(
        _env_file=None,
        webhook_base_url=f"http://127.0.0.1:{port}",
        webhook_secret=SECRET,
        webhook_host="127.0.0.1",
        webhook_port=port,
    )


async def test_the_webhook_answers_updates_telegram_posts(local_telegram: LocalTelegram) -> None:
    port = free_port()
    stop, ready = asyncio.Event(), asyncio.Event()
    running = asyncio.create_task(
        run_webhook(
            echo_dispatcher(),
            local_bot(local_telegram),
            webhook_settings(port),
            stop=stop,
            ready=ready,
            handle_signals=False,
        )
    )
    await asyncio.wait_for(ready.wait(), 10)

    local_telegram.send_message("Привіт", user_id=1001)
    reply = await local_telegram.next_message(1001, within=10)
    stop.set()
    await asyncio.wait_for(running, 10)

    assert local_telegram.webhook == {
        "url": f"http://127.0.0.1:{port}/telegram/webhook",
        "secret_token": SECRET,
    }
    assert reply.params["text"] == "echo: Привіт"


async def test_the_webhook_refuses_strangers_and_bad_bodies(local_telegram: LocalTelegram) -> None:
    port = free_port()
    stop, ready = asyncio.Event(), asyncio.Event()
    dispatcher = echo_dispatcher()
    running = asyncio.create_task(
        run_webhook(
            dispatcher,
            local_bot(local_telegram),
            webhook_settings(port),
            stop=stop,
            ready=ready,
            handle_signals=False,
        )
    )
    await asyncio.wait_for(ready.wait(), 10)
    update = {
        "update_id": 1,
        "message": {
            "message_id": 1,
            "date": 0,
            "chat": {"id": 5, "type": "private"},
            "text": "hi",
        },
    }
    url = f"http://127.0.0.1:{port}/telegram/webhook"
    statuses: dict[str, int] = {}
    async with aiohttp.ClientSession() as http:
        bodies: list[tuple[str, dict[str, str], str | io.BytesIO]] = [
            ("no secret", {}, json.dumps(update)),
            ("wrong secret", {SECRET_HEADER: "guess"}, json.dumps(update)),
            ("bad json", {SECRET_HEADER: SECRET}, "{not json"),
            ("not an update", {SECRET_HEADER: SECRET}, '{"hello": 1}'),
            ("too big", {SECRET_HEADER: SECRET}, io.BytesIO(b"x" * (2 * 1024 * 1024))),
        ]
        for name, headers, body in bodies:
            async with http.post(url, data=body, headers=headers) as response:
                statuses[name] = response.status
        async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
            health = (response.status, await response.json())
    stop.set()
    await asyncio.wait_for(running, 10)

    assert statuses == {
        "no secret": 401,
        "wrong secret": 403,
        "bad json": 400,
        "not an update": 400,
        "too big": 400,
    }
    assert health == (200, {"ok": True, "draining": False})
    assert local_telegram.calls_of("sendMessage") == []


async def test_a_webhook_stop_waits_for_the_update_in_hand(local_telegram: LocalTelegram) -> None:
    port = free_port()
    stop, ready, started = asyncio.Event(), asyncio.Event(), asyncio.Event()
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def slow(message: object, bot: Bot) -> None:
        started.set()
        await asyncio.sleep(0.5)
        await bot.send_message(1001, "done")

    running = asyncio.create_task(
        run_webhook(
            dispatcher,
            local_bot(local_telegram),
            webhook_settings(port),
            stop=stop,
            ready=ready,
            handle_signals=False,
        )
    )
    await asyncio.wait_for(ready.wait(), 10)
    local_telegram.send_message("Привіт", user_id=1001)
    await asyncio.wait_for(started.wait(), 10)
    stop.set()
    await asyncio.wait_for(running, 10)

    assert [c.params["text"] for c in local_telegram.calls_of("sendMessage")] == ["done"]


async def test_storage_is_redis_when_configured_and_memory_otherwise() -> None:
    url = os.environ.get(REDIS_URL_VARIABLE, DEFAULT_REDIS_URL)
    redis_storage = create_storage(Settings(_env_file=None, redis_url=url))
    memory_storage = create_storage(Settings(_env_file=None, redis_url=None))
    key = StorageKey(bot_id=1, chat_id=-987654321, user_id=-987654321)
    try:
        await redis_storage.set_state(key, "asking")
        state = await redis_storage.get_state(key)
        await redis_storage.set_state(key, None)
    finally:
        await redis_storage.close()

    assert isinstance(redis_storage, ResilientStorage)
    assert isinstance(redis_storage.shared, RedisStorage)
    assert isinstance(memory_storage, MemoryStorage)
    assert state == "asking"


def flaky_dispatcher(failures: int, attempts: list[str]) -> Dispatcher:
    """Echoes each message, after failing `failures` times as with the database away."""
    dispatcher = Dispatcher()
    dispatcher.errors.register(on_error)

    @dispatcher.message(F.text)
    async def echo(message: Message) -> None:
        attempts.append(message.text or "")
        if len(attempts) <= failures:
            raise OperationalError("SELECT 1", {}, ConnectionRefusedError("restarting"))
        await message.answer(f"echo: {message.text}")

    return dispatcher


async def test_polling_fetches_again_an_update_that_failed_while_the_database_was_away(
    local_telegram: LocalTelegram,
) -> None:
    stop = asyncio.Event()
    attempts: list[str] = []
    running = asyncio.create_task(
        run_polling(
            flaky_dispatcher(2, attempts),
            local_bot(local_telegram),
            stop=stop,
            handle_signals=False,
            polling_timeout=5,
        )
    )

    local_telegram.send_message("Привіт", user_id=1001)
    reply = await local_telegram.next_message(1001, within=15)
    stop.set()
    await asyncio.wait_for(running, 10)

    assert attempts == ["Привіт"] * 3
    assert reply.params["text"] == "echo: Привіт"
    assert local_telegram.pending_updates == []


async def test_the_webhook_answers_503_while_the_database_is_away_and_telegram_delivers_again(
    local_telegram: LocalTelegram,
) -> None:
    port = free_port()
    stop, ready = asyncio.Event(), asyncio.Event()
    attempts: list[str] = []
    running = asyncio.create_task(
        run_webhook(
            flaky_dispatcher(2, attempts),
            local_bot(local_telegram),
            webhook_settings(port),
            stop=stop,
            ready=ready,
            handle_signals=False,
        )
    )
    await asyncio.wait_for(ready.wait(), 10)

    local_telegram.send_message("Привіт", user_id=1001)
    reply = await local_telegram.next_message(1001, within=15)
    stop.set()
    await asyncio.wait_for(running, 10)

    assert attempts == ["Привіт"] * 3
    assert reply.params["text"] == "echo: Привіт"
    assert [c.params["text"] for c in local_telegram.calls_of("sendMessage")] == ["echo: Привіт"]


async def test_healthz_shows_each_background_jobs_last_tick(local_telegram: LocalTelegram) -> None:
    port = free_port()
    stop, ready = asyncio.Event(), asyncio.Event()
    dispatcher = echo_dispatcher()
    monitor = JobMonitor()
    dispatcher[JOB_MONITOR] = monitor
    monitor.record("audit log", "done", dt.datetime(2025, 7, 1, 9, 0, tzinfo=dt.UTC))
    monitor.record("reminders", "lock unavailable", dt.datetime(2025, 7, 1, 9, 1, tzinfo=dt.UTC))
    running = asyncio.create_task(
        run_webhook(
            dispatcher,
            local_bot(local_telegram),
            webhook_settings(port),
            stop=stop,
            ready=ready,
            handle_signals=False,
        )
    )
    await asyncio.wait_for(ready.wait(), 10)
    async with (
        aiohttp.ClientSession() as client,
        client.get(f"http://127.0.0.1:{port}/healthz") as response,
    ):
        health = await response.json()
    stop.set()
    await asyncio.wait_for(running, 10)

    assert health["jobs"] == {
        "audit log": {"last_tick": "2025-07-01T09:00:00+00:00", "outcome": "done", "restarts": 0},
        "reminders": {
            "last_tick": "2025-07-01T09:01:00+00:00",
            "outcome": "lock unavailable",
            "restarts": 0,
        },
    }
