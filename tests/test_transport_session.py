"""The session retries what Telegram asks to retry, paces messages and hides the token."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator
from itertools import pairwise

import pytest
from aiogram import Bot
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramAPIError,
    TelegramBadRequest,
    TelegramNetworkError,
    TelegramServerError,
)
from redis.asyncio import Redis

from bot.local_api import LocalTelegram
from bot.local_api.server import FaultKind
from bot.settings import Settings
from bot.transport.session import (
    PRIVATE_RATE,
    RedisSendLimiter,
    ReliableSession,
    RetryPolicy,
    SendLimiter,
    create_session,
    single_attempt,
)
from tests.local_api_support import local_bot, redis_prefix

USER = 1001


class FakeClock:
    """Time that passes only when someone sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
async def bot(local_telegram: LocalTelegram, clock: FakeClock) -> AsyncIterator[Bot]:
    local_telegram.send_message("/start", user_id=USER)
    bot = local_bot(local_telegram, sleep=clock.sleep)
    yield bot
    await bot.session.close()


async def test_a_429_is_retried_after_the_time_telegram_asked_for(
    local_telegram: LocalTelegram, bot: Bot, clock: FakeClock
) -> None:
    local_telegram.fail_next("sendMessage", "retry_after", retry_after=7)

    sent = await bot.send_message(USER, "Привіт")

    attempts = local_telegram.calls_of("sendMessage")
    assert [call.status for call in attempts] == [429, 200]
    assert clock.sleeps == [7.0]
    assert sent.text == "Привіт"


async def test_a_429_really_waits_before_the_next_attempt(local_telegram: LocalTelegram) -> None:
    local_telegram.send_message("/start", user_id=USER)
    local_telegram.fail_next("sendMessage", "retry_after", retry_after=1)
    bot = local_bot(local_telegram)
    try:
        await bot.send_message(USER, "Привіт")
    finally:
        await bot.session.close()

    first, second = local_telegram.calls_of("sendMessage")
    assert second.received_at - first.received_at >= 1.0


@pytest.mark.parametrize("fault", ["server_error", "drop"])
async def test_server_errors_and_dropped_connections_are_retried_with_backoff(
    local_telegram: LocalTelegram, bot: Bot, clock: FakeClock, fault: FaultKind
) -> None:
    local_telegram.fail_next("sendMessage", fault, times=2)

    sent = await bot.send_message(USER, "Привіт")

    assert len(local_telegram.calls_of("sendMessage")) == 3
    assert len(clock.sleeps) == 2
    assert clock.sleeps[1] > clock.sleeps[0] / 2  # grows, with jitter
    assert sent.text == "Привіт"


async def test_after_the_last_attempt_it_gives_up_and_logs_an_error(
    local_telegram: LocalTelegram, bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    local_telegram.fail_next("sendMessage", "server_error", times=5)

    with caplog.at_level(logging.WARNING), pytest.raises(TelegramServerError):
        await bot.send_message(USER, "Привіт")

    assert len(local_telegram.calls_of("sendMessage")) == 3
    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert [r.getMessage() for r in errors] == [
        "sendMessage: gave up after 3 attempts: Telegram server says - Internal Server Error"
    ]


@pytest.mark.parametrize("fault", ["retry_after", "server_error", "drop"])
async def test_a_single_attempt_is_never_retried(
    local_telegram: LocalTelegram, bot: Bot, clock: FakeClock, fault: FaultKind
) -> None:
    local_telegram.fail_next("sendMessage", fault, retry_after=30)

    with single_attempt(), pytest.raises(TelegramAPIError):
        await bot.send_message(USER, "Привіт")
    sent = await bot.send_message(USER, "Привіт")  # outside the block, retried as ever

    assert len(local_telegram.calls_of("sendMessage")) == 2
    assert clock.sleeps == []
    assert sent.text == "Привіт"


async def test_a_bad_request_is_not_retried(local_telegram: LocalTelegram, bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest):
        await bot.send_message(USER, "")

    assert len(local_telegram.calls_of("sendMessage")) == 1


async def test_the_token_never_reaches_the_logs_or_errors(
    local_telegram: LocalTelegram, caplog: pytest.LogCaptureFixture, clock: FakeClock
) -> None:
    # A server that does not exist: every attempt fails at connecting.
    session = ReliableSession(
        api=TelegramAPIServer.from_base("http://127.0.0.1:9"),
        policy=RetryPolicy(attempts=2, base_delay=0.01),
        sleep=clock.sleep,
    )
    bot = Bot(local_telegram.token, session=session)
    with caplog.at_level(logging.DEBUG), pytest.raises(TelegramNetworkError) as raised:
        await bot.get_me()
    await session.close()

    secret = local_telegram.token.partition(":")[2]
    assert secret not in str(raised.value)
    assert caplog.records
    assert all(secret not in record.getMessage() for record in caplog.records)


def most_in_any_window(times: list[float], window: float) -> int:
    """The most sends that fall within any `window` seconds."""
    ordered = sorted(times)
    return max(
        (
            sum(1 for later in ordered[index:] if later - start < window)
            for index, start in enumerate(ordered)
        ),
        default=0,
    )


async def _sends(limiter: SendLimiter, clock: FakeClock, chats: list[int]) -> list[float]:
    times = []
    for chat_id in chats:
        await limiter.acquire(chat_id)
        times.append(clock.now)
        # Telegram answers at once.
        limiter.finished(chat_id)
    return times


async def test_a_private_chat_gets_a_little_under_one_message_a_second(clock: FakeClock) -> None:
    limiter = SendLimiter(clock=clock, sleep=clock.sleep)

    times = await _sends(limiter, clock, [USER] * 8)

    assert most_in_any_window(times, 1.0) == 1
    assert clock.now == pytest.approx(7 / 0.95)


async def test_a_chat_may_save_up_a_burst_when_asked_to(clock: FakeClock) -> None:
    limiter = SendLimiter(burst=3, clock=clock, sleep=clock.sleep)

    times = await _sends(limiter, clock, [USER] * 8)

    # Three go without waiting for the chat (only the overall turns, 1/29 s apart), the
    # other five wait for the chat's pace.
    assert times[:3] == pytest.approx([0.0, 1 / 29, 2 / 29])
    assert clock.now == pytest.approx(5 / 0.95)


async def test_a_group_gets_under_twenty_messages_a_minute_and_chats_do_not_wait_for_each_other(
    clock: FakeClock,
) -> None:
    limiter = SendLimiter(clock=clock, sleep=clock.sleep)

    in_group = await _sends(limiter, clock, [-100500] * 21)
    others = await _sends(limiter, clock, list(range(2, 22)))

    assert most_in_any_window(in_group, 60.0) <= 20
    assert in_group[-1] == pytest.approx(20 * 60 / 19)
    # Twenty private chats wait for the overall pace only: about 29 a second.
    assert others[-1] - in_group[-1] == pytest.approx(20 / 29)


async def test_all_chats_together_stay_under_thirty_messages_a_second(clock: FakeClock) -> None:
    limiter = SendLimiter(clock=clock, sleep=clock.sleep)
    clock.now = 5.0  # a quiet while first: nothing is saved up meanwhile

    times = await _sends(limiter, clock, list(range(1, 91)))

    assert most_in_any_window(times, 1.0) <= 30
    assert times[-1] - times[0] == pytest.approx(89 / 29)


async def test_a_sender_woken_late_does_not_hold_back_the_messages_after_it(
    clock: FakeClock,
) -> None:
    async def late(seconds: float) -> None:
        # A busy machine wakes a sleeper a few milliseconds after its time.
        await clock.sleep(seconds + 0.005)

    limiter = SendLimiter(clock=clock, sleep=late)
    clock.now = 5.0

    times = await _sends(limiter, clock, list(range(1, 291)))

    assert most_in_any_window(times, 1.0) <= 30
    # 29 a second all along: each late wake-up delays its own message only.
    assert times[-1] - times[0] == pytest.approx(289 / 29 + 0.005)


async def test_thirty_messages_answered_together_hold_the_next_back_for_a_second(
    clock: FakeClock,
) -> None:
    limiter = SendLimiter(clock=clock, sleep=clock.sleep)
    for chat_id in range(1, 31):
        await limiter.acquire(chat_id)
    # A busy event loop held the thirty requests back: Telegram may count them all now.
    answered_at = clock.now
    for chat_id in range(1, 31):
        limiter.finished(chat_id)

    await limiter.acquire(31)

    assert clock.now == pytest.approx(answered_at + 1.0)


async def test_a_429_pauses_every_chat(clock: FakeClock) -> None:
    limiter = SendLimiter(clock=clock, sleep=clock.sleep)
    await limiter.acquire(USER)

    await limiter.pause(3.0)
    await limiter.acquire(USER + 1)

    assert clock.now == pytest.approx(3.0)


class CountingPacer:
    """Counts the messages paced, and pauses, as a limiter would see them."""

    def __init__(self) -> None:
        self.acquired: list[int | str] = []
        self.paused: list[float] = []

    async def acquire(self, chat_id: int | str) -> None:
        self.acquired.append(chat_id)

    def finished(self, chat_id: int | str) -> None:
        pass

    async def pause(self, seconds: float) -> None:
        self.paused.append(seconds)


async def test_a_retry_after_a_429_is_paced_like_any_message(
    local_telegram: LocalTelegram, clock: FakeClock
) -> None:
    local_telegram.send_message("/start", user_id=USER)
    local_telegram.fail_next("sendMessage", "retry_after", retry_after=2)
    pacer = CountingPacer()
    bot = local_bot(local_telegram, limiter=pacer, sleep=clock.sleep)
    try:
        await bot.send_message(USER, "Привіт")
    finally:
        await bot.session.close()

    assert len(local_telegram.calls_of("sendMessage")) == 2
    assert pacer.acquired == [USER, USER]
    assert pacer.paused == [2.0]


async def test_replicas_sharing_redis_stay_together_under_the_limits(redis_client: Redis) -> None:
    prefix = redis_prefix()
    replicas = [RedisSendLimiter(redis_client, prefix=prefix) for _ in range(2)]
    times: list[float] = []
    # Per chat, the turns its messages were given, in microseconds of Redis's clock.
    per_chat: dict[int, list[int]] = {}

    async def send(limiter: RedisSendLimiter, chat_id: int) -> None:
        await limiter.acquire(chat_id)
        times.append(time.monotonic())
        # Telegram answers at once.
        limiter.finished(chat_id)
        # Giving a turn sets the chat's next one, a chat interval on: read by the schedule's
        # own clock, as this process may see a turn late when the machine is busy.
        next_turn = await redis_client.get(f"{prefix}chat:{chat_id}")
        per_chat.setdefault(chat_id, []).append(int(next_turn) - round(1_000_000 / PRIVATE_RATE))

    # Two replicas sending 60 messages to 15 chats, four each.
    await asyncio.gather(*(send(replicas[index % 2], 7000 + index % 15) for index in range(60)))

    assert most_in_any_window(times, 1.0) <= 30
    # Each chat's turns come at least 1/0.95 s apart, whichever replica gave them.
    assert sorted(map(len, per_chat.values())) == [4] * 15
    gaps = [later - earlier for turns in per_chat.values() for earlier, later in pairwise(turns)]
    assert min(gaps) >= round(1_000_000 / PRIVATE_RATE)
    # Neither waits much more than the limits ask: a chat's fourth message a little over
    # three seconds after its first, and the fifteen fourth messages one after another.
    assert max(times) - min(times) < 3 / 0.95 + 15 / 29 + 1.5


async def test_replicas_sharing_redis_count_a_message_until_a_second_after_its_answer(
    redis_client: Redis,
) -> None:
    prefix = redis_prefix()
    replicas = [RedisSendLimiter(redis_client, prefix=prefix) for _ in range(2)]
    # Thirty messages to thirty chats, half from each replica, all still on their way.
    await asyncio.gather(
        *(replicas[chat_id % 2].acquire(chat_id) for chat_id in range(8000, 8030))
    )
    next_one = asyncio.create_task(replicas[0].acquire(8030))

    # Telegram may count every one of them while it has not answered: the next one waits.
    await asyncio.sleep(1.5)
    waited_unanswered = not next_one.done()
    for chat_id in range(8000, 8030):
        replicas[chat_id % 2].finished(chat_id)
    answered_at = time.monotonic()
    await next_one
    sent_at = time.monotonic()

    assert waited_unanswered
    # Answered together, the thirty count in the second after their answers: the next one
    # goes once it is over, on whichever replica it is sent.
    assert 0.9 < sent_at - answered_at < 2.0


async def _redis_now(redis_client: Redis) -> int:
    seconds, microseconds = await redis_client.time()
    return int(seconds) * 1_000_000 + int(microseconds)


async def test_a_sender_asking_late_for_a_shared_turn_does_not_push_the_later_turns_back(
    redis_client: Redis,
) -> None:
    prefix = redis_prefix()
    # Two turns a second: half a second between turns.
    limiter = RedisSendLimiter(redis_client, prefix=prefix, global_rate=2.0)
    # The bot-wide turn was due a tenth of a second ago: its sender woke late.
    due = await _redis_now(redis_client) - 100_000
    await redis_client.set(f"{prefix}all", due)

    await limiter.acquire(9000)

    # The next turn is half a second after the one due, not after the late sender's ask.
    assert int(await redis_client.get(f"{prefix}all")) == due + 500_000


async def test_a_shared_message_counts_until_a_second_after_its_answer_however_late_redis_hears(
    redis_client: Redis,
) -> None:
    prefix = redis_prefix()
    limiter = RedisSendLimiter(redis_client, prefix=prefix)
    await limiter.acquire(9100)

    limiter.finished(9100)
    # The event loop is busy for 0.4 s after the answer, before Redis hears of it.
    time.sleep(0.4)  # noqa: ASYNC251 - a busy event loop, on purpose
    await asyncio.sleep(0.05)

    ((_, counted_until),) = await redis_client.zrange(f"{prefix}counted", 0, -1, withscores=True)
    now = await _redis_now(redis_client)
    # It counts until about 0.55 s from now (answered 0.45 s ago), not a full second on.
    assert counted_until - now < 750_000


def test_the_session_goes_to_the_configured_api_base() -> None:
    settings = Settings(telegram_api_base="http://127.0.0.1:8081/")

    configured = create_session(settings)
    default = create_session(Settings(telegram_api_base=None))

    assert configured.api.api_url("T", "getMe") == "http://127.0.0.1:8081/botT/getMe"
    assert default.api.api_url("T", "getMe") == "https://api.telegram.org/botT/getMe"
    assert isinstance(configured, AiohttpSession)


async def test_typing_indicators_do_not_use_up_the_chats_message_allowance(
    local_telegram: LocalTelegram, clock: FakeClock
) -> None:
    local_telegram.send_message("/start", user_id=USER)
    limiter = SendLimiter(burst=1, clock=clock, sleep=clock.sleep)
    bot = local_bot(local_telegram, limiter=limiter, sleep=clock.sleep)
    try:
        await bot.send_chat_action(USER, "typing")
        await bot.send_message(USER, "Привіт")
        await bot.send_message(USER, "Ще раз")
    finally:
        await bot.session.close()

    # Only the two messages are paced: the second a little over a second after the first.
    assert clock.now == pytest.approx(1 / 0.95)
