"""Long polling and the webhook server, each stopping gracefully on SIGTERM/SIGINT.

Both confirm an update to Telegram only once it is handled: the webhook answers 2xx after the
handler (503 when it failed for a passing reason), polling keeps its offset below an update in
hand or waiting to be tried again.

Stopping means: take no new updates, let the handlers in progress finish (up to a timeout),
run the dispatcher's shutdown hooks, close the bot's session.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import hmac
import json
import logging
import secrets
import signal
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from aiogram import Bot, Dispatcher
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import GetUpdates
from aiogram.types import Update
from aiohttp import web
from pydantic import ValidationError

from bot.transport.redelivery import REDELIVER, RedeliveryBudget, update_key
from bot.transport.session import single_attempt

if TYPE_CHECKING:
    from bot.settings import Settings

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
MAX_UPDATE_BYTES = 1024 * 1024
# A failed update is fetched again after this pause, doubled at each failure up to the cap.
RETRY_PAUSE = 0.5
RETRY_PAUSE_MAX = 5.0
# While every update fetched is in hand, wait this long at most before asking again.
BUSY_PAUSE = 0.25
# Stopping: the last getUpdates that confirms the handled updates gets one try of this many
# seconds, and the shutdown hooks (the background jobs finishing) this long in all.
CONFIRM_TIMEOUT = 3
SHUTDOWN_TIMEOUT = 15.0


class Poller:
    """Long polling that confirms an update to Telegram only once it is handled.

    Updates are handled concurrently. The offset sent with getUpdates stays at the oldest
    update still being handled or waiting to be tried again, so an update in hand when the
    process dies, or one that failed because a service was away, is fetched again; updates
    above that offset already handled here are skipped. A failed update is tried again after a
    growing pause, while its redelivery budget lasts.
    """

    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        *,
        polling_timeout: int = 30,
        redelivery: RedeliveryBudget | None = None,
        allowed_updates: list[str] | None = None,
        workflow: dict[str, Any] | None = None,
    ) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.polling_timeout = polling_timeout
        self.redelivery = redelivery or RedeliveryBudget()
        self.allowed_updates = allowed_updates
        self.workflow = workflow or {}
        self._tasks: dict[int, asyncio.Task[bool]] = {}
        self._retry_at: dict[int, tuple[float, int]] = {}  # update id -> (when, failures)
        self._done: set[int] = set()
        self._next = 0  # one past the highest update id seen

    @property
    def offset(self) -> int:
        """The lowest update id not yet handled for good (what getUpdates confirms below)."""
        waiting = [*self._tasks, *self._retry_at]
        return min(waiting) if waiting else self._next

    @property
    def in_flight(self) -> int:
        """How many updates are being handled now."""
        return len(self._tasks)

    async def _handle(self, update: Update) -> bool:
        """Feeds the update; True when it is handled for good (answered or apologised for)."""
        key = update_key(self.bot.id, update.update_id)
        try:
            result = await self.dispatcher.feed_update(
                self.bot, update, **self.workflow, redelivery=self.redelivery
            )
        except Exception:  # one failing update must not stop the others
            logger.exception("Update %d failed", update.update_id)
            return not self.redelivery.another(key)
        if result is REDELIVER:
            return False
        self.redelivery.forget(key)
        return True

    def _finished(self, update_id: int, task: asyncio.Task[bool]) -> None:
        self._tasks.pop(update_id, None)
        if task.cancelled():
            return
        if task.result():
            self._done.add(update_id)
            self._retry_at.pop(update_id, None)
        else:
            _, failures = self._retry_at.get(update_id, (0.0, 0))
            pause = min(RETRY_PAUSE_MAX, RETRY_PAUSE * 2**failures)
            self._retry_at[update_id] = (time.monotonic() + pause, failures + 1)
        offset = self.offset
        self._done = {done for done in self._done if done >= offset}

    def _take(self, update: Update) -> bool:
        """Starts handling the update unless it is in hand, handled or waiting; True if so."""
        update_id = update.update_id
        known = update_id in self._tasks or update_id in self._done or update_id < self.offset
        self._next = max(self._next, update_id + 1)
        if known:
            return False
        retry = self._retry_at.get(update_id)
        if retry is not None and retry[0] > time.monotonic():
            return False
        task = asyncio.create_task(self._handle(update))
        self._tasks[update_id] = task
        task.add_done_callback(functools.partial(self._finished, update_id))
        return True

    async def _pause(self) -> None:
        """Waits for an update in hand to finish or the next retry to be due (briefly)."""
        now = time.monotonic()
        pause = BUSY_PAUSE
        if self._retry_at:
            pause = min(pause, max(0.0, min(when for when, _ in self._retry_at.values()) - now))
        if self._tasks:
            await asyncio.wait(
                set(self._tasks.values()), timeout=pause, return_when=asyncio.FIRST_COMPLETED
            )
        else:
            await asyncio.sleep(pause)

    async def poll(self) -> None:
        """Fetches and handles updates until cancelled."""
        failures = 0
        while True:
            # With updates in hand or waiting, Telegram returns them at once; no long poll then.
            waiting = bool(self._tasks or self._retry_at)
            try:
                updates = await self.bot(
                    GetUpdates(
                        offset=self.offset or None,
                        timeout=0 if waiting else self.polling_timeout,
                        allowed_updates=self.allowed_updates,
                    )
                )
            except TelegramAPIError as error:  # the session has retried; wait and try again
                failures += 1
                logger.warning("getUpdates failed: %s", type(error).__name__)
                await asyncio.sleep(min(RETRY_PAUSE_MAX, RETRY_PAUSE * 2**failures))
                continue
            failures = 0
            taken = [self._take(update) for update in updates]
            if updates and not any(taken):
                await self._pause()

    async def drain(self, timeout: float) -> bool:  # noqa: ASYNC109
        """Waits for the updates in hand; False when some still run after `timeout`."""
        if not self._tasks:
            return True
        _, pending = await asyncio.wait(set(self._tasks.values()), timeout=timeout)
        if pending:
            logger.warning("%d updates were still being handled at shutdown", len(pending))
        return not pending

    async def confirm(self, timeout: int = CONFIRM_TIMEOUT) -> bool:  # noqa: ASYNC109
        """Tells Telegram to forget what was handled; what was not is left for the next start.

        Timeout 0 and limit 1 peeks without taking: what comes back stays pending. One try of
        `timeout` seconds at most, never retried: a stopping bot must not wait on Telegram.
        True when confirmed (or nothing to confirm); False, logged, when Telegram failed or
        did not answer in time, and the handled updates may come again at the next start.
        """
        if self.offset == 0:
            return True
        try:
            with single_attempt():
                async with asyncio.timeout(timeout):
                    await self.bot(
                        GetUpdates(offset=self.offset, limit=1, timeout=0),
                        request_timeout=timeout,
                    )
        except (TelegramAPIError, TimeoutError) as error:
            logger.warning(
                "Stopping: could not confirm the handled updates below %d to Telegram (%s); "
                "they may come again at the next start",
                self.offset,
                type(error).__name__,
            )
            return False
        return True


@runtime_checkable
class HealthReporter(Protocol):
    """Something whose state /healthz shows (the background jobs' monitor)."""

    def report(self) -> dict[str, Any]:
        """JSON-ready state."""


def _install_signals(stop: asyncio.Event) -> Callable[[], None]:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    def remove() -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)

    return remove


def _workflow(dispatcher: Dispatcher, bot: Bot) -> dict[str, Any]:
    workflow = {"dispatcher": dispatcher, "bots": [bot], **dispatcher.workflow_data}
    workflow.pop("bot", None)
    return workflow


async def _shut_down(dispatcher: Dispatcher, bot: Bot, workflow: dict[str, Any]) -> None:
    """The dispatcher's shutdown hooks, given SHUTDOWN_TIMEOUT seconds; those still running
    then are cancelled, and logged, so that the process always ends."""
    try:
        async with asyncio.timeout(SHUTDOWN_TIMEOUT):
            await dispatcher.emit_shutdown(bot=bot, **workflow)
    except TimeoutError:
        logger.warning(
            "Stopping: the shutdown hooks took over %.0f s; cancelled", SHUTDOWN_TIMEOUT
        )


async def run_polling(
    dispatcher: Dispatcher,
    bot: Bot,
    *,
    stop: asyncio.Event | None = None,
    handle_signals: bool = True,
    drain_timeout: float = 30.0,
    polling_timeout: int = 30,
) -> None:
    """Long polling until SIGTERM/SIGINT (or `stop` is set); then stops gracefully: no new
    updates, those in hand finished (up to `drain_timeout` s), the handled ones confirmed, the
    shutdown hooks run and the session closed."""
    stop = stop or asyncio.Event()
    remove_signals = _install_signals(stop) if handle_signals else None
    workflow = _workflow(dispatcher, bot)
    poller = Poller(
        dispatcher,
        bot,
        polling_timeout=polling_timeout,
        allowed_updates=dispatcher.resolve_used_update_types(),
        workflow=workflow,
    )
    try:
        await dispatcher.emit_startup(bot=bot, **workflow)
        try:
            me = await bot.me()
            logger.info("Polling for @%s", me.username)
            polling = asyncio.create_task(poller.poll())
            stopping = asyncio.create_task(stop.wait())
            await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
            stopping.cancel()
            logger.info("Stopping: no new updates, finishing those in hand")
            polling.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await polling
            await poller.drain(drain_timeout)
            await poller.confirm()
        finally:
            await _shut_down(dispatcher, bot, workflow)
    finally:
        if remove_signals is not None:
            remove_signals()
        await bot.session.close()


class WebhookServer:
    """The aiohttp application that receives Telegram's updates for one bot."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        bot: Bot,
        *,
        path: str,
        secret: str,
        max_body: int = MAX_UPDATE_BYTES,
    ) -> None:
        self.dispatcher = dispatcher
        self.bot = bot
        self.path = path
        self._secret = secret.encode()
        self._max_body = max_body
        self._tasks: set[asyncio.Task[bool]] = set()
        self._draining = False
        self.redelivery = RedeliveryBudget()
        self.app = web.Application(client_max_size=max_body)
        self.app.router.add_post(path, self._handle_update)
        self.app.router.add_get("/healthz", self._healthz)

    async def _healthz(self, request: web.Request) -> web.Response:
        """{"ok": true, "draining": bool, "jobs": {job: {"last_tick", "outcome", ...}}}."""
        health: dict[str, Any] = {"ok": True, "draining": self._draining}
        monitor = self.dispatcher.workflow_data.get("job_monitor")
        if isinstance(monitor, HealthReporter):
            health["jobs"] = monitor.report()
        return web.json_response(health)

    async def _handle_update(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER)
        if given is None:
            return web.json_response({"ok": False, "description": "no secret token"}, status=401)
        if not hmac.compare_digest(given.encode(), self._secret):
            return web.json_response(
                {"ok": False, "description": "wrong secret token"}, status=403
            )
        if self._draining:
            # Telegram delivers it again later, to this replica's successor.
            return web.json_response({"ok": False, "description": "shutting down"}, status=503)
        if request.content_length is not None and request.content_length > self._max_body:
            return _bad_request("body too large")
        try:
            body = await request.read()
        except web.HTTPRequestEntityTooLarge:
            return _bad_request("body too large")
        try:
            update = Update.model_validate(json.loads(body), context={"bot": self.bot})
        except (ValueError, ValidationError):
            return _bad_request("not an update")
        # A task of its own, so a client that hangs up does not cancel the handling, and a
        # stop can wait for it.
        task = asyncio.create_task(self._process(update))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        if await asyncio.shield(task):
            return web.json_response({"ok": True})
        # Telegram delivers it again later, maybe to another replica.
        return web.json_response(
            {"ok": False, "description": "not handled, deliver again"}, status=503
        )

    async def _process(self, update: Update) -> bool:
        """Handles the update; True when it is handled for good (answered or apologised for)."""
        key = update_key(self.bot.id, update.update_id)
        try:
            result = await self.dispatcher.feed_update(
                self.bot,
                update,
                **_workflow(self.dispatcher, self.bot),
                redelivery=self.redelivery,
            )
        except Exception:  # one failing update must not stop the server
            logger.exception("Update %d failed", update.update_id)
            return not self.redelivery.another(key)
        if result is REDELIVER:
            return False
        self.redelivery.forget(key)
        return True

    async def drain(self, timeout: float) -> bool:  # noqa: ASYNC109
        """Refuses new updates and waits for those in hand; False if some outlive `timeout`."""
        self._draining = True
        if not self._tasks:
            return True
        _, pending = await asyncio.wait(set(self._tasks), timeout=timeout)
        if pending:
            logger.warning("%d updates were still being handled at shutdown", len(pending))
        return not pending


def _bad_request(description: str) -> web.Response:
    return web.json_response({"ok": False, "description": description}, status=400)


async def run_webhook(
    dispatcher: Dispatcher,
    bot: Bot,
    settings: Settings,
    *,
    host: str | None = None,
    port: int | None = None,
    stop: asyncio.Event | None = None,
    ready: asyncio.Event | None = None,
    handle_signals: bool = True,
    drain_timeout: float = 30.0,
) -> None:
    """Serves the webhook (and /healthz), registers it with Telegram, runs until SIGTERM/SIGINT
    (or `stop`), then stops gracefully."""
    if settings.webhook_base_url is None:
        raise ValueError("WEBHOOK_BASE_URL is not set")
    # Without a configured secret a random one still keeps strangers from posting updates.
    secret = (
        settings.webhook_secret.get_secret_value()
        if settings.webhook_secret is not None
        else secrets.token_urlsafe(32)
    )
    server = WebhookServer(dispatcher, bot, path=settings.webhook_path, secret=secret)
    url = str(settings.webhook_base_url).rstrip("/") + settings.webhook_path
    stop = stop or asyncio.Event()
    remove_signals = _install_signals(stop) if handle_signals else None
    runner = web.AppRunner(server.app, access_log=None)
    await runner.setup()
    workflow = _workflow(dispatcher, bot)
    try:
        site = web.TCPSite(
            runner,
            settings.webhook_host if host is None else host,
            settings.webhook_port if port is None else port,
        )
        await site.start()
        await dispatcher.emit_startup(bot=bot, **workflow)
        try:
            await bot.set_webhook(
                url,
                secret_token=secret,
                allowed_updates=dispatcher.resolve_used_update_types(),
            )
            logger.info("Webhook serving on %s", settings.webhook_path)
            if ready is not None:
                ready.set()
            await stop.wait()
            logger.info("Stopping: no new updates, finishing those in hand")
            await server.drain(drain_timeout)
        finally:
            await _shut_down(dispatcher, bot, workflow)
    finally:
        if remove_signals is not None:
            remove_signals()
        await runner.cleanup()
        await bot.session.close()
