"""Fixtures and helpers to run a bot against the local Telegram Bot API over real HTTP."""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message
from redis.asyncio import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from bot.local_api import LocalTelegram
from bot.transport.session import ReliableSession, RetryPolicy

REDIS_URL_VARIABLE = "POBRATYM_TEST_REDIS_URL"
DEFAULT_REDIS_URL = "redis://127.0.0.1:6379/0"


@pytest.fixture
async def local_telegram() -> AsyncIterator[LocalTelegram]:
    """A local Telegram Bot API serving on an ephemeral port of 127.0.0.1."""
    async with LocalTelegram() as telegram:
        yield telegram


@pytest.fixture
async def redis_client() -> AsyncIterator[Redis]:
    """A client of the real Redis server; the test fails loudly when it is not there."""
    url = os.environ.get(REDIS_URL_VARIABLE, DEFAULT_REDIS_URL)
    client = Redis.from_url(url)
    try:
        await client.ping()  # type: ignore[misc] # redis types it for sync and async alike
    except (RedisConnectionError, OSError) as error:
        await client.aclose()
        pytest.fail(
            f"Redis is not reachable at {url} ({error}); start it or set {REDIS_URL_VARIABLE}"
        )
    yield client
    await client.aclose()


def redis_prefix() -> str:
    """A key prefix of its own for each test, so runs sharing a server never meet."""
    return f"pobratym-test:{uuid.uuid4().hex}:"


def local_bot(telegram: LocalTelegram, **session_options: Any) -> Bot:
    """A real aiogram Bot whose session talks to the local API (no pacing unless asked)."""
    session_options.setdefault("limiter", unlimited())
    session_options.setdefault("policy", RetryPolicy(attempts=3, base_delay=0.01, max_delay=0.05))
    session = ReliableSession(
        api=TelegramAPIServer.from_base(telegram.base_url), **session_options
    )
    return Bot(telegram.token, session=session)


class Unpaced:
    """Sends at once, and lets the session alone wait out a 429 (on the test's clock)."""

    async def acquire(self, chat_id: int | str) -> None:
        """Never waits."""

    def finished(self, chat_id: int | str) -> None:
        """Nothing to count."""

    async def pause(self, seconds: float) -> None:
        """Nothing to pause."""


def unlimited() -> Unpaced:
    """A pacer that never waits in a test; the pacing has tests of its own."""
    return Unpaced()


def echo_router() -> Router:
    """Answers every text message with "echo: <text>"."""
    router = Router(name="echo")

    @router.message(F.text)
    async def echo(message: Message) -> None:
        await message.answer(f"echo: {message.text}")

    return router


def echo_dispatcher() -> Dispatcher:
    """A dispatcher with only the echo router."""
    dispatcher = Dispatcher()
    dispatcher.include_router(echo_router())
    return dispatcher


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
