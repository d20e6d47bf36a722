"""Builds the bot and the dispatcher: the routers in order, middlewares, the error handler."""

from __future__ import annotations

from typing import TYPE_CHECKING

from aiogram import Bot, Dispatcher
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.base import BaseSession
from aiogram.enums import ParseMode
from aiogram.fsm.storage.base import BaseStorage
from aiogram.fsm.storage.memory import MemoryStorage
from aiogram.fsm.strategy import FSMStrategy
from aiogram.utils.i18n import I18n

from bot.handlers import routers
from bot.middlewares import FloodGate, install_transport_middlewares
from bot.middlewares.callback_answers import install_callback_answers
from bot.middlewares.update_language import ChatLanguageMiddleware
from bot.services import BotServices
from bot.settings import Settings
from bot.transport.response_types import KeepResponseTypes
from knowledge.render.translations import DOMAIN, LOCALES_DIR

if TYPE_CHECKING:
    from redis.asyncio import Redis


class MissingTokenError(ValueError):
    """Raised when the bot is built without BOT_TOKEN."""


def create_bot(settings: Settings, session: BaseSession | None = None) -> Bot:
    """A Bot sending HTML by default; `session` replaces the network (tests, retries).

    A reply goes out even when its question is gone: groups' anti-spam bots delete messages
    before the answer comes, and the answer still belongs in the chat.
    """
    if settings.bot_token is None:
        raise MissingTokenError("BOT_TOKEN is not set")
    bot = Bot(
        token=settings.bot_token.get_secret_value(),
        session=session,
        default=DefaultBotProperties(parse_mode=ParseMode.HTML, allow_sending_without_reply=True),
    )
    bot.session.middleware(KeepResponseTypes())
    return bot


def create_dispatcher(
    services: BotServices,
    storage: BaseStorage | None = None,
    *,
    redis: Redis | None = None,
    redis_prefix: str = "pobratym:",
    flood_gate: FloodGate | None = None,
) -> Dispatcher:
    """The dispatcher every runner and test uses: each router, and every middleware in the
    order they apply. Conversations live in `storage` (memory by default); seen updates and
    flood counts in `redis` under `redis_prefix` when given (shared by replicas), else in
    memory. A given `flood_gate` replaces the default flood limits.

    The conversation is the chat's: in a group, a follow-up continues whoever asked last; in
    a forum, each topic has a conversation of its own.
    """
    dispatcher = Dispatcher(
        storage=storage or MemoryStorage(), fsm_strategy=FSMStrategy.CHAT_TOPIC, services=services
    )
    install_transport_middlewares(
        dispatcher,
        redis,
        default_locale=services.settings.default_locale,
        flood_gate=flood_gate,
        redis_prefix=redis_prefix,
    )
    i18n = I18n(path=LOCALES_DIR, default_locale=services.settings.default_locale, domain=DOMAIN)
    ChatLanguageMiddleware(i18n, services).setup(dispatcher)
    install_callback_answers(dispatcher)
    dispatcher.include_routers(*routers())
    return dispatcher
