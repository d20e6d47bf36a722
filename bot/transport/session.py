"""An aiohttp session that retries what Telegram asks to retry and keeps under its rate limits."""

from __future__ import annotations

import asyncio
import logging
import random
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.exceptions import (
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

if TYPE_CHECKING:
    from aiogram import Bot

    from bot.settings import Settings

logger = logging.getLogger(__name__)

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
# Methods that put a message into a chat count against Telegram's send limits.
_SENDING_PREFIXES = ("send", "copy", "forward")


@dataclass(frozen=True)
class RetryPolicy:
    """How often and how patiently a failed request is tried again."""

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 60.0

    def backoff(self, attempt: int) -> float:
        """Exponential backoff with full jitter, capped."""
        ceiling = min(self.max_delay, self.base_delay * 2 ** (attempt - 1))
        return random.uniform(ceiling / 2, ceiling)  # noqa: S311 - jitter, not secrecy


class TokenBucket:
    """An async token bucket: `rate` tokens a second, at most `capacity` saved up."""

    def __init__(
        self, rate: float, capacity: float, *, clock: Clock = time.monotonic, sleep: Sleep
    ) -> None:
        self._rate = rate
        self._capacity = capacity
        self._tokens = capacity
        self._clock = clock
        self._sleep = sleep
        self._updated = clock()
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Waits for a token and takes it; waiters are served in order."""
        async with self._lock:
            while True:
                now = self._clock()
                self._tokens = min(
                    self._capacity, self._tokens + (now - self._updated) * self._rate
                )
                self._updated = now
                # A hair below one counts as one: float steps must not leave a waiter spinning.
                if self._tokens >= 1 - 1e-9:
                    self._tokens = max(0.0, self._tokens - 1)
                    return
                await self._sleep((1 - self._tokens) / self._rate)

    @property
    def idle(self) -> bool:
        """Whether the bucket is full again, so forgetting it changes nothing."""
        elapsed = self._clock() - self._updated
        return self._tokens + elapsed * self._rate >= self._capacity and not self._lock.locked()


class SendLimiter:
    """Telegram's send limits: about 30 messages a second overall, 1 a second in a private chat,
    20 a minute in a group."""

    def __init__(
        self,
        *,
        global_rate: float = 30.0,
        private_rate: float = 1.0,
        group_rate: float = 20 / 60,
        burst: float = 3.0,
        max_chats: int = 10_000,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._global = TokenBucket(global_rate, global_rate, clock=clock, sleep=sleep)
        self._private_rate = private_rate
        self._group_rate = group_rate
        self._burst = burst
        self._max_chats = max_chats
        self._chats: OrderedDict[int | str, TokenBucket] = OrderedDict()

    async def acquire(self, chat_id: int | str) -> None:
        """Waits until one more message to the chat keeps within every limit."""
        bucket = self._chats.get(chat_id)
        if bucket is None:
            is_group = isinstance(chat_id, str) or chat_id < 0
            rate = self._group_rate if is_group else self._private_rate
            bucket = TokenBucket(rate, self._burst, clock=self._clock, sleep=self._sleep)
            self._chats[chat_id] = bucket
            self._forget_idle()
        self._chats.move_to_end(chat_id)
        await bucket.acquire()
        await self._global.acquire()

    def _forget_idle(self) -> None:
        # Bounded memory: the least recently used chats go first, and only once refilled.
        while len(self._chats) > self._max_chats:
            chat_id, bucket = next(iter(self._chats.items()))
            if not bucket.idle:
                break
            del self._chats[chat_id]


class ReliableSession(AiohttpSession):
    """Retries 429 (after retry_after), 5xx and network errors with backoff and a cap; paces
    messages under Telegram's limits; keeps the token out of every error message."""

    def __init__(
        self,
        *,
        api: TelegramAPIServer = PRODUCTION,
        policy: RetryPolicy | None = None,
        limiter: SendLimiter | None = None,
        sleep: Sleep = asyncio.sleep,
        **kwargs: Any,
    ) -> None:
        super().__init__(api=api, **kwargs)
        self.policy = policy or RetryPolicy()
        self.limiter = limiter if limiter is not None else SendLimiter(sleep=sleep)
        self._sleep = sleep

    async def make_request(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None = None,  # noqa: ASYNC109 - aiogram's signature
    ) -> TelegramType:
        name = method.__api_method__
        chat_id = getattr(method, "chat_id", None)
        paced = name.startswith(_SENDING_PREFIXES) and name != "sendChatAction"
        if paced and isinstance(chat_id, int | str):
            await self.limiter.acquire(chat_id)
        attempt = 1
        while True:
            try:
                return await self._request_once(bot, method, timeout)
            except TelegramRetryAfter as error:
                delay = float(error.retry_after)
                if attempt >= self.policy.attempts or delay > self.policy.max_retry_after:
                    logger.error("%s: gave up after %d attempts: %s", name, attempt, error)
                    raise
                logger.warning("%s: Telegram asks to wait %s s (attempt %d)", name, delay, attempt)
            except (TelegramServerError, TelegramNetworkError) as error:
                if attempt >= self.policy.attempts:
                    logger.error("%s: gave up after %d attempts: %s", name, attempt, error)
                    raise
                delay = self.policy.backoff(attempt)
                logger.warning(
                    "%s: %s, retrying in %.2f s (attempt %d)",
                    name,
                    type(error).__name__,
                    delay,
                    attempt,
                )
            await self._sleep(delay)
            attempt += 1

    async def _request_once(
        self,
        bot: Bot,
        method: TelegramMethod[TelegramType],
        timeout: int | None,  # noqa: ASYNC109 - aiogram's signature
    ) -> TelegramType:
        try:
            return await super().make_request(bot, method, timeout)
        except TelegramNetworkError as error:
            # aiohttp may name the URL, which carries the token, in its errors.
            message = error.message.replace(bot.token, "<token>")
            raise TelegramNetworkError(method=method, message=message) from None


def create_session(settings: Settings, **kwargs: Any) -> ReliableSession:
    """The session for the bot, pointed at TELEGRAM_API_BASE when it is set."""
    if settings.telegram_api_base is not None:
        kwargs.setdefault("api", TelegramAPIServer.from_base(str(settings.telegram_api_base)))
    return ReliableSession(**kwargs)
