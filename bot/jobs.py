"""Background jobs: expiry reminders, expired agreements, the audit log chat, announcements.

Each job is one `tick_*` coroutine that does what is due now and returns; `run_jobs` calls
them on a schedule until stopped. What was sent is remembered in the database, so a restart
neither repeats nor loses a message. Sends are sequential: the bot's session paces them.

Several replicas of the bot sharing a Redis take a lock per job, so one tick runs at a time in
one of them; a reminder (a unique row) and an announcement (a conditional move of the cursor)
are also claimed in the database before they are sent, so two senders that meet anyway send
each once.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import functools
import logging
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

from aiogram import Bot, Dispatcher

from bot.delivery import SendOutcome, deliver
from bot.services import BotServices
from bot.settings import Settings
from bot.texts import escaped, split_message
from bot.transport.optional_errors import redis_failures
from bot.write_jobs import resume_left_jobs, wait_for_jobs
from knowledge.admin.config import (
    clear_log_failing,
    get_log_chat,
    get_log_thread,
    mark_forwarded,
    mark_log_failing,
    pending_audit,
)
from knowledge.admin.outbox import Announcement, due_messages, finish, postpone, take
from knowledge.admin.reminders import claim, due_reminders, expire_agreements
from knowledge.admin.subscribers import announced_up_to, announcement_batch, claim_and_store
from knowledge.admin.wording import history_line, news_text, reminder_text
from knowledge.facts.messages import N_
from knowledge.render.translations import translation
from knowledge.store.followers import ChatTarget, NewRecord, audience

if TYPE_CHECKING:
    from redis.asyncio import Redis

logger = logging.getLogger(__name__)

# How often each job runs; reminders and expiry also run at start-up.
FREQUENT = dt.timedelta(minutes=1)
HOURLY = dt.timedelta(hours=1)
DAILY = dt.timedelta(days=1)
# A job's lock outlives any tick, so a slow tick is never joined by another replica; a replica
# that dies holding it frees the job after this long.
LOCK_EXPIRY = dt.timedelta(minutes=15)
# At shutdown the jobs get this many seconds to finish the tick in progress, then are cancelled.
# (Imports and undos are not waited for: they are handed over at once, see `install_jobs`.)
JOB_STOP_TIMEOUT = 3.0
# The dispatcher's workflow key of the jobs' monitor (read by the webhook's /healthz).
JOB_MONITOR = "job_monitor"
UNAVAILABLE = "lock unavailable"

# Deletes the lock only if it still holds this holder's token: a tick that outlived its lock
# must not free the lock another replica has taken since.
_RELEASE = """
if redis.call("get", KEYS[1]) == ARGV[1] then
    return redis.call("del", KEYS[1])
end
return 0
"""


class JobLockUnavailableError(Exception):
    """The lock's store cannot be asked now (Redis away); the message names why."""


class JobLock(Protocol):
    """Lets one job tick run at a time among the replicas."""

    def hold(self, job: str) -> contextlib.AbstractAsyncContextManager[bool]:
        """Whether this replica may run the job now; the lock is held inside the block."""


class RedisJobLock:
    """A Redis lock per job: SET NX PX with a random token, freed by compare-and-delete."""

    def __init__(
        self, redis: Redis, *, prefix: str = "pobratym:job:", expiry: dt.timedelta = LOCK_EXPIRY
    ) -> None:
        self._redis = redis
        self._prefix = prefix
        self._expiry_ms = int(expiry.total_seconds() * 1000)

    @contextlib.asynccontextmanager
    async def hold(self, job: str) -> AsyncIterator[bool]:
        """False when another replica holds the lock.

        Raises JobLockUnavailableError when Redis cannot be asked: the job then waits for its
        next tick rather than risk running twice.
        """
        key = f"{self._prefix}{job}"
        token = secrets.token_hex(16)
        try:
            taken = bool(await self._redis.set(key, token, nx=True, px=self._expiry_ms))
        except redis_failures() as error:
            raise JobLockUnavailableError(type(error).__name__) from error
        try:
            yield taken
        finally:
            if taken:
                try:
                    await self._redis.eval(_RELEASE, 1, key, token)  # type: ignore[misc]
                except redis_failures() as error:
                    # It expires by itself.
                    logger.warning(
                        "The %s job's lock was not freed: %s", job, type(error).__name__
                    )


async def _language(services: BotServices, chat_id: int) -> str:
    saved = await services.chat_languages.get(chat_id)
    return saved or services.settings.default_locale


async def _send(bot: Bot, services: BotServices, target: ChatTarget, text: str) -> SendOutcome:
    """Send the text (split if long) to the chat and topic, following a group upgraded to a
    supergroup; how it went."""
    outcome, _ = await deliver(bot, services, target, split_message(escaped(text)))
    return outcome


async def tick_reminders(bot: Bot, services: BotServices, today: dt.date) -> int:
    """Remind the hromadas' admins of agreements ending soon; how many messages went out.

    Each threshold fires once per end date, claimed in the database before the messages are
    sent: a crash in between loses that reminder rather than sending it twice.
    """
    sent = 0
    reminders = await services.work(
        due_reminders, today, services.settings.reminder_days, services.settings.admin_ids
    )
    for reminder in reminders:
        if not await services.work(claim, reminder):
            logger.info("Reminder about %s already sent elsewhere", reminder.agreement_key)
            continue
        for recipient in reminder.recipients:
            lang = await _language(services, recipient)
            text = reminder_text(reminder, lang)
            sent += await _send(bot, services, ChatTarget(recipient), text) is SendOutcome.SENT
    return sent


async def tick_expiry(bot: Bot, services: BotServices, today: dt.date) -> list[str]:
    """Mark agreements whose stated end has passed as expired; refresh answers if any did."""
    expired = await services.work(expire_agreements, today)
    if expired:
        logger.info("Agreements expired: %s", ", ".join(expired))
        await services.reload_knowledge()
    return expired


async def tick_audit_log(bot: Bot, services: BotServices) -> int:
    """Forward new audit entries to the log chat; how many were forwarded."""
    chat_id = await services.work(get_log_chat)
    thread_id = await services.work(get_log_thread)
    changes = await services.work(pending_audit)
    if chat_id is None or not changes:
        return 0
    lang = await _language(services, chat_id)
    text = "\n".join(history_line(change, lang) for change in changes)
    outcome = await _send(bot, services, ChatTarget(chat_id, thread_id), text)
    if outcome is not SendOutcome.SENT:
        first = await services.work(mark_log_failing, chat_id)
        if first:
            await _tell_log_failing(bot, services, chat_id)
        return 0
    await services.work(mark_forwarded, max(change.id for change in changes))
    await services.work(clear_log_failing)
    return len(changes)


LOG_FAILING = N_(
    "The change log cannot be posted to chat {chat} any more: I was removed from it, or it is"
    " gone. Add me there again, or choose another chat with /logchat."
)


async def _tell_log_failing(bot: Bot, services: BotServices, chat_id: int) -> None:
    """Tell every super-admin, once, that the log chat stopped taking the log."""
    logger.warning("The log chat %s refuses the log; the super-admins are told", chat_id)
    for admin_id in services.settings.admin_ids:
        lang = await _language(services, admin_id)
        note = translation(lang).gettext(LOG_FAILING).format(chat=chat_id)
        await _send(bot, services, ChatTarget(admin_id), note)


async def tick_announcements(bot: Bot, services: BotServices) -> int:
    """Tell subscribers about new agreements and aid; how many messages went out.

    What was added since the last tick goes out as one message per hromada and chat (a digest
    when there are several, as after an import); records removed meanwhile (an import undone)
    are not announced. The batch is claimed and its messages stored in the outbox in one
    transaction, then sent from there: a message Telegram or the network fails after the
    session's retries (or a crash leaves unsent) is sent again at a later tick, with a growing
    pause; only a chat refusing the bot (its subscriptions pause) or a refused text drop it.
    """
    seen = await services.work(announced_up_to)
    records, up_to = await services.work(announcement_batch)
    if up_to > seen:
        announcements = await _announcements(services, records)
        if not await services.work(claim_and_store, seen, up_to, announcements, services.now()):
            logger.info("These announcements are being sent elsewhere")
    return await _send_outbox(bot, services)


async def _announcements(services: BotServices, records: list[NewRecord]) -> list[Announcement]:
    by_hromada: dict[str, list[NewRecord]] = {}
    for record in records:
        by_hromada.setdefault(record.hromada_code, []).append(record)
    announcements: list[Announcement] = []
    audiences = {code: await services.work(audience, code) for code in by_hromada}
    for code, news in by_hromada.items():
        targets = audiences[code]
        hromada = services.engine.snapshot.hromadas.get(code)
        for target in targets:
            lang = await _language(services, target.chat_id)
            name = code
            if hromada is not None:
                name = hromada.name_uk if lang == "uk" else hromada.name_en
            announcements.append(Announcement(target, code, news_text(news, name, lang)))
    return announcements


async def _send_outbox(bot: Bot, services: BotServices) -> int:
    """Send the outbox's due messages; how many were delivered."""
    now = services.now()
    due = await services.work(due_messages, now)
    sent = 0
    for message in due:
        if not await services.work(take, message, now):
            continue
        outcome = await _send(
            bot, services, message.announcement.target, message.announcement.text
        )
        if outcome is SendOutcome.FAILED:
            again = await services.work(postpone, message, now, "unavailable")
            logger.warning(
                "An announcement to chat %s is kept; sent again at %s (attempt %d)",
                message.announcement.target.chat_id,
                again.isoformat(),
                message.attempts + 1,
            )
            continue
        await services.work(finish, message)
        sent += outcome is SendOutcome.SENT
    return sent


Tick = Callable[[], Awaitable[Any]]
# The jobs that write to residents and editors, so wait for the sending hours.
CIVIL_HOURS_JOBS = frozenset({"reminders", "announcements"})


def within_sending_hours(moment: dt.datetime, settings: Settings) -> bool:
    """Whether the aware `moment` falls in SENDING_HOURS (start included, end not) of
    SENDING_TIMEZONE; a range like 22:00-07:00 runs over midnight."""
    local = moment.astimezone(ZoneInfo(settings.sending_timezone)).time()
    start, end = settings.sending_hours
    if start <= end:
        return start <= local < end
    return local >= start or local < end


class JobMonitor:
    """When each job last ticked and how it went, for /healthz.

    Outcomes: "done", "failed" (the tick raised; it runs again at its next time), "skipped"
    (another replica holds the job), "lock unavailable" (Redis away: tried again at the next
    step), "restarted" (the job's loop itself failed and its supervisor started it again).
    """

    def __init__(self) -> None:
        self._ticks: dict[str, tuple[dt.datetime, str]] = {}
        self._restarts: dict[str, int] = {}

    def record(self, job: str, outcome: str, at: dt.datetime) -> None:
        """Notes one tick of `job` at the aware moment `at`."""
        self._ticks[job] = (at, outcome)
        if outcome == "restarted":
            self._restarts[job] = self._restarts.get(job, 0) + 1

    def last_tick(self, job: str) -> dt.datetime | None:
        """When the job last ticked (None if it never did)."""
        tick = self._ticks.get(job)
        return None if tick is None else tick[0]

    def report(self) -> dict[str, dict[str, Any]]:
        """Per job: `last_tick` (ISO 8601), `outcome` and `restarts`, as JSON-ready values."""
        return {
            job: {
                "last_tick": at.isoformat(),
                "outcome": outcome,
                "restarts": self._restarts.get(job, 0),
            }
            for job, (at, outcome) in sorted(self._ticks.items())
        }


async def _safely(name: str, tick: Tick) -> str:
    try:
        await tick()
    except Exception:  # a failing job must not stop the others or the bot; it is logged
        logger.exception("The %s job failed; it runs again later", name)
        return "failed"
    return "done"


async def _locked(name: str, tick: Tick, lock: JobLock | None) -> str:
    if lock is None:
        return await _safely(name, tick)
    try:
        async with lock.hold(name) as taken:
            if taken:
                return await _safely(name, tick)
            logger.debug("The %s job runs in another replica now", name)
            return "skipped"
    except JobLockUnavailableError as error:
        logger.warning("The %s job's lock is unavailable (%s); not this tick", name, error)
        return UNAVAILABLE


async def _wait(stop: asyncio.Event, seconds: float) -> None:
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(stop.wait(), seconds)


async def _job_loop(
    name: str,
    every: dt.timedelta,
    tick: Tick,
    services: BotServices,
    stop: asyncio.Event,
    step: dt.timedelta,
    lock: JobLock | None,
    monitor: JobMonitor,
    turn: asyncio.Lock,
) -> None:
    """One job on its schedule until `stop` is set."""
    last: dt.datetime | None = None
    while not stop.is_set():
        now = services.now()
        civil = name not in CIVIL_HOURS_JOBS or within_sending_hours(now, services.settings)
        if civil and (last is None or now - last >= every):
            # One tick at a time in this process: the jobs share the database and the session.
            async with turn:
                outcome = await _locked(name, tick, lock)
            monitor.record(name, outcome, services.now())
            if outcome != UNAVAILABLE:  # else tried again at the next step
                last = now
        await _wait(stop, step.total_seconds())


async def supervise(
    name: str,
    run: Callable[[], Awaitable[None]],
    stop: asyncio.Event,
    monitor: JobMonitor,
    now: Callable[[], dt.datetime],
    *,
    pause: float = 1.0,
    max_pause: float = 60.0,
) -> None:
    """Runs `run` until it returns or `stop` is set, starting it again (after a pause that
    doubles up to `max_pause` seconds) whenever it fails."""
    failures = 0
    while not stop.is_set():
        try:
            await run()
            return
        except Exception:  # the job must come back; why it stopped is logged
            failures += 1
            logger.exception("The %s job stopped; starting it again", name)
            monitor.record(name, "restarted", now())
            await _wait(stop, min(max_pause, pause * 2 ** (failures - 1)))


async def run_jobs(
    bot: Bot,
    services: BotServices,
    stop: asyncio.Event,
    step: dt.timedelta = FREQUENT,
    lock: JobLock | None = None,
    monitor: JobMonitor | None = None,
) -> None:
    """Run every job on its schedule until `stop` is set; each starts with a tick at once.

    Reminders and announcements wait for the sending hours (09:00-20:00 Kyiv time unless
    configured), then go out at the first tick inside them. With a lock, a tick another
    replica is running (or whose lock Redis cannot give) is skipped until the job is due again.
    Each job runs under a supervisor that starts it again if it fails; `monitor` notes each
    tick.
    """
    monitor = monitor or JobMonitor()
    turn = asyncio.Lock()
    schedule: list[tuple[str, dt.timedelta, Tick]] = [
        ("expiry", DAILY, lambda: tick_expiry(bot, services, services.today())),
        ("reminders", HOURLY, lambda: tick_reminders(bot, services, services.today())),
        ("audit log", FREQUENT, lambda: tick_audit_log(bot, services)),
        ("announcements", FREQUENT, lambda: tick_announcements(bot, services)),
    ]
    await asyncio.gather(
        *(
            supervise(
                name,
                functools.partial(
                    _job_loop, name, every, tick, services, stop, step, lock, monitor, turn
                ),
                stop,
                monitor,
                services.now,
            )
            for name, every, tick in schedule
        )
    )


def install_jobs(
    dispatcher: Dispatcher,
    services: BotServices,
    redis: Redis | None = None,
    *,
    redis_prefix: str = "pobratym:",
) -> None:
    """Start the jobs when the dispatcher starts (polling or webhook), stop them at shutdown.
    Their `JobMonitor` is the dispatcher's `job_monitor`.

    With Redis, each tick runs in one replica at a time; without it, the bot is one process.
    """
    lock = None if redis is None else RedisJobLock(redis, prefix=f"{redis_prefix}job:")
    stop = asyncio.Event()
    tasks: list[asyncio.Task[None]] = []
    monitor = JobMonitor()
    dispatcher[JOB_MONITOR] = monitor

    resumers: list[asyncio.Task[None]] = []

    async def start(bot: Bot) -> None:
        stop.clear()
        tasks.append(
            asyncio.create_task(run_jobs(bot, services, stop, lock=lock, monitor=monitor))
        )
        # Imports and undos a dead process left are claimed in the database, not by a lock.
        resumers.append(
            asyncio.create_task(
                supervise(
                    "write jobs",
                    functools.partial(resume_left_jobs, bot, services, stop),
                    stop,
                    monitor,
                    services.now,
                )
            )
        )

    async def finish() -> None:
        stop.set()
        # Imports and undos are not waited for: each is stopped at once, its chunk in hand
        # rolled back and the job handed over, so another replica (or this one restarted)
        # goes on from its last chunk without waiting for the lease.
        for resumer in resumers:
            resumer.cancel()
        await wait_for_jobs(within=0)
        if resumers:
            await asyncio.wait(resumers)
        resumers.clear()
        running = list(tasks)
        tasks.clear()
        if not running:
            return
        # A tick in progress may wait on Telegram or the database; stopping must not.
        _, late = await asyncio.wait(running, timeout=JOB_STOP_TIMEOUT)
        if late:
            logger.warning("The jobs outlived %.0f s at shutdown; cancelled", JOB_STOP_TIMEOUT)
            for task in late:
                task.cancel()
            await asyncio.wait(late)

    dispatcher.startup.register(start)
    dispatcher.shutdown.register(finish)
