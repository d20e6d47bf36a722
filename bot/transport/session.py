"""An aiohttp session that retries what Telegram asks to retry and keeps under its rate limits."""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import logging
import math
import random
import time
import uuid
from collections import OrderedDict, deque
from collections.abc import AsyncGenerator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

import aiohttp
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import PRODUCTION, TelegramAPIServer
from aiogram.exceptions import (
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.methods import TelegramMethod
from aiogram.methods.base import TelegramType

from bot.transport.files import FileDownloadError, describe_failure
from bot.transport.optional_errors import redis_failures

if TYPE_CHECKING:
    from aiogram import Bot
    from redis.asyncio import Redis

    from bot.settings import Settings

logger = logging.getLogger(__name__)

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]
# Methods that put a message into a chat count against Telegram's send limits.
_SENDING_PREFIXES = ("send", "copy", "forward")
# Set while the requests made in this context must be tried once, never again (see single_attempt).
_SINGLE_ATTEMPT: contextvars.ContextVar[bool] = contextvars.ContextVar(
    "single_attempt", default=False
)


@contextlib.contextmanager
def single_attempt() -> Iterator[None]:
    """Within the block, a ReliableSession tries each request once: a failure (429, 5xx,
    network) is raised at once instead of being retried. For what is worth nothing late, such
    as the last getUpdates of a stopping bot."""
    token = _SINGLE_ATTEMPT.set(True)
    try:
        yield
    finally:
        _SINGLE_ATTEMPT.reset(token)


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


# Telegram's limits are about 30 messages a second overall, one a second in a private chat and
# 20 a minute in a group; pacing a little under them leaves room for clock and network jitter.
TELEGRAM_PER_SECOND = 30
GLOBAL_RATE = 29.0
PRIVATE_RATE = 0.95
GROUP_RATE = 19 / 60


class TokenBucket:
    """An async token bucket: `rate` tokens a second, at most `capacity` saved up; paused
    buckets give no token until the pause ends."""

    def __init__(
        self, rate: float, capacity: float, *, clock: Clock = time.monotonic, sleep: Sleep
    ) -> None:
        self._rate = rate
        self._capacity = capacity
        self._tokens = capacity
        self._clock = clock
        self._sleep = sleep
        self._updated = clock()
        self._paused_until = 0.0
        self._lock = asyncio.Lock()

    async def acquire(self) -> None:
        """Waits for a token and takes it; waiters are served in order."""
        async with self._lock:
            while True:
                now = self._clock()
                if now < self._paused_until:
                    await self._sleep(self._paused_until - now)
                    continue
                self._tokens = min(
                    self._capacity, self._tokens + (now - self._updated) * self._rate
                )
                self._updated = now
                # A hair below one counts as one: float steps must not leave a waiter spinning.
                if self._tokens >= 1 - 1e-9:
                    self._tokens = max(0.0, self._tokens - 1)
                    return
                await self._sleep((1 - self._tokens) / self._rate)

    def pause(self, seconds: float) -> None:
        """No token for `seconds` from now, and none saved up meanwhile: one when it ends."""
        now = self._clock()
        self._paused_until = max(self._paused_until, now + seconds)
        self._tokens = min(1.0, self._capacity)
        self._updated = self._paused_until

    @property
    def idle(self) -> bool:
        """Whether the bucket is full again, so forgetting it changes nothing."""
        elapsed = self._clock() - self._updated
        return self._tokens + elapsed * self._rate >= self._capacity and not self._lock.locked()


class Turns:
    """Turns `1/rate` seconds apart, handed out in the order they are asked for, and never
    more than `per_second` messages that Telegram may count within one second.

    Each sender is given its turn as it asks and sleeps until then on its own. A sender that
    wakes late (a busy machine wakes it some milliseconds after its time) delays only its own
    message, never the turns after it: with one queue waking each sender after the one before
    had gone, every late wake-up pushed all later messages back, and a broadcast went at four
    fifths of the pace.

    Telegram counts a message at some moment between its turn and its answer, and a busy
    event loop may hold a request back and then let several go at once. So a message counts
    from its turn until a second after its answer (`finished`), and a turn waits while
    `per_second` messages count: however the requests bunch on the way, no second holds more
    than `per_second` of them. A pause (Telegram's 429) moves every turn not yet taken.
    """

    def __init__(
        self,
        rate: float,
        *,
        per_second: int = TELEGRAM_PER_SECOND,
        clock: Clock = time.monotonic,
        sleep: Sleep,
    ) -> None:
        self._interval = 1 / rate
        self._per_second = per_second
        self._clock = clock
        self._sleep = sleep
        self._next = -math.inf
        self._paused_until = -math.inf
        # Added up pauses: a waiting sender's turn moves by what was added since it was given.
        self._moved = 0.0
        self._waiting = 0
        self._in_flight = 0
        self._answered: deque[float] = deque()

    def _counted(self, now: float) -> int:
        while self._answered and self._answered[0] <= now - 1.0:
            self._answered.popleft()
        return self._in_flight + len(self._answered)

    async def acquire(self) -> None:
        """Waits for the next turn and takes it; call `finished` once the request is over."""
        now = self._clock()
        turn = max(self._next, now, self._paused_until)
        self._next = turn + self._interval
        moved = self._moved
        self._waiting += 1
        try:
            while True:
                now = self._clock()
                due = max(turn + self._moved - moved, self._paused_until)
                if now >= due and self._counted(now) < self._per_second:
                    self._in_flight += 1
                    return
                if now < due:
                    await self._sleep(due - now)
                elif self._answered:
                    await self._sleep(self._answered[0] + 1.0 - now)
                else:
                    # Every counted message is still on its way: its answer comes soon.
                    await self._sleep(self._interval / 4)
        finally:
            self._waiting -= 1

    def finished(self) -> None:
        """A request that took a turn is over (answered, refused or failed)."""
        self._in_flight = max(0, self._in_flight - 1)
        self._answered.append(self._clock())

    def pause(self, seconds: float) -> None:
        """No turn for `seconds` from now; the turns given and not yet taken move as much."""
        now = self._clock()
        self._paused_until = max(self._paused_until, now + seconds)
        if self._waiting:
            self._moved += seconds
            self._next += seconds
        self._next = max(self._next, self._paused_until)


class SendLimiter:
    """Telegram's send limits, kept by one process: a little under 30 messages a second
    overall, one a second in a private chat, 20 a minute in a group. Overall, messages take
    evenly spaced turns (`Turns`) and nothing is saved up (a burst after a quiet second would
    exceed 30 within a second); a chat may save up `burst` messages."""

    def __init__(
        self,
        *,
        global_rate: float = GLOBAL_RATE,
        private_rate: float = PRIVATE_RATE,
        group_rate: float = GROUP_RATE,
        burst: float = 1.0,
        max_chats: int = 10_000,
        clock: Clock = time.monotonic,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._clock = clock
        self._sleep = sleep
        self._global = Turns(global_rate, clock=clock, sleep=sleep)
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

    def finished(self, chat_id: int | str) -> None:
        """The request the last `acquire` for the chat allowed is over."""
        self._global.finished()

    async def pause(self, seconds: float) -> None:
        """Telegram said 429: no message to any chat for `seconds`."""
        self._global.pause(seconds)

    def _forget_idle(self) -> None:
        # Bounded memory: the least recently used chats go first, and only once refilled.
        while len(self._chats) > self._max_chats:
            chat_id, bucket = next(iter(self._chats.items()))
            if not bucket.idle:
                break
            del self._chats[chat_id]


# One message for a chat, if the bot-wide and the chat's schedules both allow it now and
# fewer than ARGV[3] messages count: 0, both schedules moved on and the message counted; else
# the wait in microseconds, positive for the bot-wide turn, negative for the chat's own.
# Redis's own clock serves every replica alike. As in one process
# (`Turns`), a message counts from its turn until a second after its answer (`_ANSWERED`);
# one whose answer never comes (its replica died) stops counting ARGV[5] microseconds on.
# KEYS: bot-wide next slot, the chat's next slot, the pause's end, the counted messages;
# ARGV: bot-wide and chat intervals in microseconds, the most that may count, this
# message's name, how long an unanswered message counts.
_TAKE_SLOT = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local ready = math.max(
    tonumber(redis.call('GET', KEYS[1]) or '0'),
    tonumber(redis.call('GET', KEYS[3]) or '0'))
if ready > now then
    return ready - now
end
local overall = tonumber(ARGV[1])
local chat = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[4], '-inf', now)
if redis.call('ZCARD', KEYS[4]) >= tonumber(ARGV[3]) then
    local first = tonumber(redis.call('ZRANGE', KEYS[4], 0, 0, 'WITHSCORES')[2])
    if first - now > 1000000 then
        -- Every counted message is still on its way: its answer comes soon.
        return math.floor(overall / 4) + 1
    end
    return first - now + 1
end
local chat_ready = tonumber(redis.call('GET', KEYS[2]) or '0')
if chat_ready > now then
    return now - chat_ready
end
local unanswered = tonumber(ARGV[5])
-- The next turn follows this one's due time, not the moment its sender asked: a sender
-- woken a few milliseconds late must not push every later turn back (with each turn an
-- interval after the last grant, two replicas sent 25 a second, not 29). After a quiet
-- spell at most one turn is saved up; the counted messages keep any second under the limit.
redis.call('SET', KEYS[1], math.max(ready, now - overall) + overall,
    'PX', math.ceil(overall / 1000) + 1000)
redis.call('SET', KEYS[2], now + chat, 'PX', math.ceil(chat / 1000) + 1000)
redis.call('ZADD', KEYS[4], now + unanswered, ARGV[4])
redis.call('PEXPIRE', KEYS[4], math.ceil(unanswered / 1000) + 1000)
return 0
"""
# A counted message was answered (or refused, or failed) ARGV[2] microseconds ago: it counts
# until a second after its answer, not after this script runs.
# KEYS: the counted messages; ARGV: the message's name, how long ago it was answered.
_ANSWERED = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
redis.call('ZADD', KEYS[1], now - tonumber(ARGV[2]) + 1000000, ARGV[1])
if redis.call('PTTL', KEYS[1]) < 2000 then
    redis.call('PEXPIRE', KEYS[1], 2000)
end
return 0
"""
# Pause every replica's sending until now + ARGV[1] microseconds (a later end wins).
_PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local until_ = now + tonumber(ARGV[1])
if until_ > tonumber(redis.call('GET', KEYS[1]) or '0') then
    redis.call('SET', KEYS[1], until_, 'PX', math.ceil(tonumber(ARGV[1]) / 1000) + 1000)
end
return 0
"""


class RedisSendLimiter:
    """The same limits kept in Redis, so every replica of one bot together stays under them.

    Each message takes the next slot of the bot-wide schedule and of its chat's, spaced by
    the interval of each rate, and counts from then until a second after its answer; no
    slot is given while `per_second` messages count, whichever replica sent them. A 429
    pauses every replica. While Redis is unreachable, this process paces alone
    (`fallback`), so a message is never refused for want of Redis.
    """

    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = "pobratym:pace:",
        global_rate: float = GLOBAL_RATE,
        private_rate: float = PRIVATE_RATE,
        group_rate: float = GROUP_RATE,
        per_second: int = TELEGRAM_PER_SECOND,
        unanswered_seconds: float = 60.0,
        sleep: Sleep = asyncio.sleep,
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._global_interval = round(1_000_000 / global_rate)
        self._private_interval = round(1_000_000 / private_rate)
        self._group_interval = round(1_000_000 / group_rate)
        self._per_second = per_second
        self._unanswered = round(unanswered_seconds * 1_000_000)
        self._sleep = sleep
        self.fallback = SendLimiter(
            global_rate=global_rate, private_rate=private_rate, group_rate=group_rate, sleep=sleep
        )
        # Per chat, the names of the messages counted in Redis and not yet answered, oldest
        # first (None: paced by `fallback`); each answer ends the oldest one's flight.
        self._flying: dict[int | str, deque[str | None]] = {}
        self._answering: set[asyncio.Task[None]] = set()
        # One message of this process at a time asks Redis for the bot-wide turn, the others
        # queue here: a thousand messages of a broadcast each asking Redis again whenever the
        # turn moved on made a thousand round trips a turn (six messages a second, not 29).
        self._asking = asyncio.Lock()

    async def acquire(self, chat_id: int | str) -> None:
        """Waits until one more message to the chat keeps within every limit; call
        `finished` once its request is over."""
        is_group = isinstance(chat_id, str) or chat_id < 0
        interval = self._group_interval if is_group else self._private_interval
        counted = f"{self._prefix}counted"
        keys = (
            f"{self._prefix}all",
            f"{self._prefix}chat:{chat_id}",
            f"{self._prefix}pause",
            counted,
        )
        name = uuid.uuid4().hex
        while True:
            async with self._asking:
                wait = await self._bot_wide_turn(keys, interval, name)
            if wait is None:
                await self.fallback.acquire(chat_id)
                self._flying.setdefault(chat_id, deque()).append(None)
                return
            if wait == 0:
                self._flying.setdefault(chat_id, deque()).append(name)
                return
            # The chat's own turn is later: waited for without holding the other chats back.
            await self._sleep(-wait / 1_000_000)

    async def _bot_wide_turn(self, keys: tuple[str, ...], interval: int, name: str) -> int | None:
        """Asks Redis until the bot-wide turn is this message's: 0 when the chat's turn is
        too (the message counted), the chat's wait in microseconds as a negative number, or
        None when Redis is away."""
        while True:
            try:
                wait = int(
                    await self._redis.eval(  # type: ignore[misc]
                        _TAKE_SLOT,
                        4,
                        *keys,
                        self._global_interval,
                        interval,
                        self._per_second,
                        name,
                        self._unanswered,
                    )
                )
            except redis_failures() as error:
                logger.warning("Pacing in this process alone, Redis is away: %s", error)
                return None
            if wait <= 0:
                return wait
            await self._sleep(wait / 1_000_000)

    def finished(self, chat_id: int | str) -> None:
        """The request the chat's oldest unanswered `acquire` allowed is over: it counts a
        second more, from now (written to Redis in the background)."""
        flying = self._flying.get(chat_id)
        if not flying:
            return
        name = flying.popleft()
        if not flying:
            del self._flying[chat_id]
        if name is None:
            self.fallback.finished(chat_id)
            return
        task = asyncio.get_running_loop().create_task(self._answered(name, time.monotonic()))
        self._answering.add(task)
        task.add_done_callback(self._answering.discard)

    async def _answered(self, name: str, answered_at: float) -> None:
        # Microseconds since the answer, by this process's clock: a busy event loop or a slow
        # round trip must not make a message count longer than a second after its answer.
        ago = max(0, round((time.monotonic() - answered_at) * 1_000_000))
        try:
            await self._redis.eval(  # type: ignore[misc]
                _ANSWERED, 1, f"{self._prefix}counted", name, ago
            )
        except redis_failures() as error:
            # It stops counting when its flight's time is up, a little later than it should.
            logger.warning("An answer is not counted in Redis, Redis is away: %s", error)

    async def pause(self, seconds: float) -> None:
        """Telegram said 429: no replica sends to any chat for `seconds`."""
        await self.fallback.pause(seconds)
        try:
            await self._redis.eval(  # type: ignore[misc]
                _PAUSE, 1, f"{self._prefix}pause", round(seconds * 1_000_000)
            )
        except redis_failures() as error:
            logger.warning("The pause reaches this process alone, Redis is away: %s", error)


class Pacer(Protocol):
    """Paces messages under Telegram's limits (SendLimiter, RedisSendLimiter)."""

    async def acquire(self, chat_id: int | str) -> None:
        """Waits until one more message to the chat keeps within every limit."""

    def finished(self, chat_id: int | str) -> None:
        """The request `acquire` allowed is over (answered, refused or failed)."""

    async def pause(self, seconds: float) -> None:
        """No message to any chat for `seconds`."""


class ReliableSession(AiohttpSession):
    """Retries 429 (after retry_after), 5xx and network errors with backoff and a cap; paces
    messages under Telegram's limits; keeps the token out of every error message."""

    def __init__(
        self,
        *,
        api: TelegramAPIServer = PRODUCTION,
        policy: RetryPolicy | None = None,
        limiter: Pacer | None = None,
        sleep: Sleep = asyncio.sleep,
        **kwargs: Any,
    ) -> None:
        super().__init__(api=api, **kwargs)
        self.policy = policy or RetryPolicy()
        self.limiter: Pacer = limiter if limiter is not None else SendLimiter(sleep=sleep)
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
        attempts = 1 if _SINGLE_ATTEMPT.get() else self.policy.attempts
        attempt = 1
        while True:
            # Every attempt is a message Telegram counts, a retry too.
            if paced and isinstance(chat_id, int | str):
                await self.limiter.acquire(chat_id)
            try:
                try:
                    return await self._request_once(bot, method, timeout)
                finally:
                    if paced and isinstance(chat_id, int | str):
                        self.limiter.finished(chat_id)
            except TelegramRetryAfter as error:
                delay = float(error.retry_after)
                # The limit is the bot's: every chat waits, not only this request.
                await self.limiter.pause(delay)
                if attempt >= attempts or delay > self.policy.max_retry_after:
                    logger.error("%s: gave up after %d attempts: %s", name, attempt, error)
                    raise
                logger.warning("%s: Telegram asks to wait %s s (attempt %d)", name, delay, attempt)
            except (TelegramServerError, TelegramNetworkError) as error:
                if attempt >= attempts:
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

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - aiogram's signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        """aiogram's download, failing with FileDownloadError: aiohttp's own errors name the
        URL, which carries the token."""
        chunks = super().stream_content(url, headers, timeout, chunk_size, raise_for_status)
        try:
            async with contextlib.aclosing(chunks):
                async for chunk in chunks:
                    yield chunk
        except (aiohttp.ClientError, TimeoutError) as error:
            raise FileDownloadError(describe_failure(error)) from None


def create_session(
    settings: Settings,
    redis: Redis | None = None,
    *,
    redis_prefix: str = "pobratym:",
    **kwargs: Any,
) -> ReliableSession:
    """The session for the bot, pointed at TELEGRAM_API_BASE when it is set; paced through
    `redis` when given, so every replica shares one schedule."""
    if redis is not None:
        kwargs.setdefault("limiter", RedisSendLimiter(redis, prefix=f"{redis_prefix}pace:"))
    if settings.telegram_api_base is not None:
        kwargs.setdefault("api", TelegramAPIServer.from_base(str(settings.telegram_api_base)))
    return ReliableSession(**kwargs)
