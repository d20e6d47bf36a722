"""The running bot: services, bot, dispatcher and middlewares put together for one runner.

`running_bot(settings)` builds everything `python -m bot run`, `webhook` and `chat` need, in this
order: create_services → create_bot with the retrying session (pointed at TELEGRAM_API_BASE) →
create_dispatcher with create_storage and its middlewares (shared through Redis when REDIS_URL
is set) → the background jobs (reminders, expiry, log chat, announcements) →
register_commands → update_profile. Leaving the context releases all of it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, quote, urlsplit

from aiogram import Bot, Dispatcher

from bot.commands import register_commands
from bot.factory import create_bot, create_dispatcher
from bot.jobs import install_jobs
from bot.profile import update_profile
from bot.services import FORMS_CACHE, BotServices, create_services
from bot.settings import Settings
from bot.transport import runners
from bot.transport.session import create_session
from bot.transport.storage import create_storage

logger = logging.getLogger(__name__)


@dataclass
class RunningBot:
    """What a runner needs: the shared services, the bot and its dispatcher."""

    services: BotServices
    bot: Bot
    dispatcher: Dispatcher


class RedactingFormatter(logging.Formatter):
    """Formats as `inner` does, then masks every secret in the whole text: the message, the
    traceback and the stack, whoever logs them (aiohttp errors name URLs with the token)."""

    def __init__(self, inner: logging.Formatter | None, secrets: Iterable[str]) -> None:
        super().__init__()
        self._inner = inner or logging.Formatter()
        # Longest first, so a secret containing another is masked whole.
        self._secrets = sorted({secret for secret in secrets if secret}, key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        text = self._inner.format(record)
        for secret in self._secrets:
            text = text.replace(secret, "<secret>")
        return text


def secrets_of(settings: Settings) -> list[str]:
    """What must never reach a log: the token (and its secret part), the webhook secret, and
    the passwords in DATABASE_URL and REDIS_URL."""
    found: list[str] = []
    if settings.bot_token is not None:
        token = settings.bot_token.get_secret_value()
        found += [token, token.partition(":")[2]]
    if settings.webhook_secret is not None:
        found.append(settings.webhook_secret.get_secret_value())
    for url in (settings.database_url, settings.redis_url):
        if url is not None:
            with contextlib.suppress(ValueError):
                parts = urlsplit(url.get_secret_value())
                given = [parts.password] + [
                    value
                    for name, values in parse_qs(parts.query).items()
                    if name.casefold() in {"password", "passwd", "pass", "sslpassword"}
                    for value in values
                ]
                for password in filter(None, given):
                    found += [password, quote(password, safe="")]
    return found


def configure_logging(settings: Settings, level: int = logging.INFO) -> None:
    """Logs at `level` to standard error, with every secret masked in every line."""
    root = logging.getLogger()
    if not root.handlers:
        logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if root.getEffectiveLevel() > level:
        root.setLevel(level)
    # Migrations at start-up are routine; their step-by-step log is not news.
    logging.getLogger("alembic").setLevel(max(level, logging.WARNING))
    secrets = secrets_of(settings)
    for handler in root.handlers:
        if not isinstance(handler.formatter, RedactingFormatter):
            handler.setFormatter(RedactingFormatter(handler.formatter, secrets))


@contextlib.asynccontextmanager
async def running_bot(
    settings: Settings, *, forms_cache: Path | None = FORMS_CACHE, **session_options: Any
) -> AsyncIterator[RunningBot]:
    """The whole bot, ready for a runner; everything is closed on leaving."""
    services = await create_services(settings, forms_cache)
    storage = create_storage(settings)
    redis = None
    if settings.redis_url is not None:
        # Imported here: a bot without Redis never loads its client.
        from redis.asyncio import Redis

        redis = Redis.from_url(settings.redis_url.get_secret_value())
    prefix = settings.redis_prefix
    session = create_session(settings, redis, redis_prefix=prefix, **session_options)
    bot = create_bot(settings, session)
    try:
        if redis is not None:
            services.share_through(redis, prefix)
        dispatcher = create_dispatcher(services, storage, redis=redis, redis_prefix=prefix)
        install_jobs(dispatcher, services, redis, redis_prefix=prefix)
        await register_commands(bot, settings.admin_ids)
        await update_profile(bot)
        yield RunningBot(services=services, bot=bot, dispatcher=dispatcher)
    finally:
        # The runners close the session themselves; closing twice is harmless.
        await bot.session.close()
        await storage.close()
        if redis is not None:
            await redis.aclose()
        await services.close()


async def run_polling(settings: Settings, *, stop: asyncio.Event | None = None) -> None:
    """Long polling until SIGTERM/SIGINT (or `stop`)."""
    async with running_bot(settings) as running:
        # A webhook left from an earlier deployment would make getUpdates fail with 409.
        await running.bot.delete_webhook()
        logger.info("Polling for updates")
        await runners.run_polling(
            running.dispatcher, running.bot, stop=stop, handle_signals=stop is None
        )
    logger.info("Stopped")


async def run_webhook(settings: Settings, *, stop: asyncio.Event | None = None) -> None:
    """The webhook server until SIGTERM/SIGINT (or `stop`)."""
    async with running_bot(settings) as running:
        await runners.run_webhook(
            running.dispatcher, running.bot, settings, stop=stop, handle_signals=stop is None
        )
    logger.info("Stopped")
