"""Long polling and the webhook server, each stopping gracefully on SIGTERM/SIGINT.

Stopping means: take no new updates, let the handlers in progress finish (up to a timeout),
run the dispatcher's shutdown hooks, close the bot's session.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import logging
import secrets
import signal
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from aiogram import BaseMiddleware, Bot, Dispatcher
from aiogram.client.session.middlewares.base import (
    BaseRequestMiddleware,
    NextRequestMiddlewareType,
)
from aiogram.exceptions import TelegramAPIError
from aiogram.methods import GetUpdates, TelegramMethod
from aiogram.methods.base import Response, TelegramType
from aiogram.types import TelegramObject, Update
from aiohttp import web
from pydantic import ValidationError

if TYPE_CHECKING:
    from bot.settings import Settings

logger = logging.getLogger(__name__)

SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
MAX_UPDATE_BYTES = 1024 * 1024


class InFlight(BaseMiddleware):
    """Counts the updates being handled, so a stop can wait for them."""

    def __init__(self) -> None:
        self._count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        self._count += 1
        self._idle.clear()
        try:
            return await handler(event, data)
        finally:
            self._count -= 1
            if self._count == 0:
                self._idle.set()

    async def wait_idle(self, timeout: float) -> bool:  # noqa: ASYNC109
        """Waits for the handlers in progress; False when some still run after `timeout`."""
        # Updates just received may not have reached the middleware yet.
        await asyncio.sleep(0)
        try:
            async with asyncio.timeout(timeout):
                await self._idle.wait()
        except TimeoutError:
            logger.warning("%d updates were still being handled at shutdown", self._count)
            return False
        return True


class _StopFetching(BaseRequestMiddleware):
    """Once draining, getUpdates confirms what was handled and then takes nothing more."""

    def __init__(self) -> None:
        self.draining = asyncio.Event()
        self.parked = asyncio.Event()
        self._confirmed = False

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        if method.__api_method__ != "getUpdates":
            return await make_request(bot, method)
        if not self.draining.is_set():
            request = asyncio.ensure_future(make_request(bot, method))
            drain = asyncio.ensure_future(self.draining.wait())
            await asyncio.wait({request, drain}, return_when=asyncio.FIRST_COMPLETED)
            drain.cancel()
            if request.done():
                return request.result()
            request.cancel()
            # Waited for without awaiting it, so a cancellation of this task is not swallowed.
            await asyncio.wait({request})
            if not request.cancelled() and request.exception() is not None:
                logger.debug("The last getUpdates failed while stopping")
        offset = getattr(method, "offset", None)
        if not self._confirmed and offset is not None:
            self._confirmed = True
            # Telegram forgets updates up to the offset only when asked with it; timeout 0 and
            # limit 1 peeks without taking: what comes back is left for the next start.
            confirm = GetUpdates(offset=offset, limit=1, timeout=0)
            with contextlib.suppress(TelegramAPIError):
                await make_request(bot, confirm)  # type: ignore[arg-type]
        self.parked.set()
        await asyncio.Event().wait()  # until stop_polling cancels the polling task
        raise AssertionError("unreachable")  # pragma: no cover


def _install_signals(stop: asyncio.Event) -> Callable[[], None]:
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(signum, stop.set)

    def remove() -> None:
        for signum in (signal.SIGTERM, signal.SIGINT):
            loop.remove_signal_handler(signum)

    return remove


async def run_polling(
    dispatcher: Dispatcher,
    bot: Bot,
    *,
    stop: asyncio.Event | None = None,
    handle_signals: bool = True,
    drain_timeout: float = 30.0,
    polling_timeout: int = 30,
    **kwargs: Any,
) -> None:
    """Long polling until SIGTERM/SIGINT (or `stop` is set); then stops gracefully."""
    stop = stop or asyncio.Event()
    in_flight = InFlight()
    stop_fetching = _StopFetching()
    dispatcher.update.outer_middleware(in_flight)
    bot.session.middleware(stop_fetching)
    remove_signals = _install_signals(stop) if handle_signals else None
    polling = asyncio.create_task(
        dispatcher.start_polling(
            bot,
            handle_signals=False,
            close_bot_session=True,
            polling_timeout=polling_timeout,
            **kwargs,
        )
    )
    stopping = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait({polling, stopping}, return_when=asyncio.FIRST_COMPLETED)
        if not polling.done():
            logger.info("Stopping: no new updates, finishing those in hand")
            stop_fetching.draining.set()
            await in_flight.wait_idle(drain_timeout)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop_fetching.parked.wait(), 5)
            await dispatcher.stop_polling()
        await polling
    finally:
        stopping.cancel()
        if remove_signals is not None:
            remove_signals()
        dispatcher.update.outer_middleware.unregister(in_flight)
        bot.session.middleware.unregister(stop_fetching)


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
        self._tasks: set[asyncio.Task[None]] = set()
        self._draining = False
        self.app = web.Application(client_max_size=max_body)
        self.app.router.add_post(path, self._handle_update)
        self.app.router.add_get("/healthz", self._healthz)

    async def _healthz(self, request: web.Request) -> web.Response:
        return web.json_response({"ok": True, "draining": self._draining})

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
        task = asyncio.create_task(self._process(update))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)
        return web.json_response({"ok": True})

    async def _process(self, update: Update) -> None:
        try:
            await self.dispatcher.feed_update(
                self.bot, update, dispatcher=self.dispatcher, bots=[self.bot]
            )
        except Exception:  # one failing update must not stop the server
            logger.exception("Update %d failed", update.update_id)

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
    workflow = {"dispatcher": dispatcher, "bots": [bot], **dispatcher.workflow_data}
    workflow.pop("bot", None)
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
            await dispatcher.emit_shutdown(bot=bot, **workflow)
    finally:
        if remove_signals is not None:
            remove_signals()
        await runner.cleanup()
        await bot.session.close()
