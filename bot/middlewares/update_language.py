"""The language of each update: the chat's saved choice, the user's client, the default."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from aiogram.types import Chat, TelegramObject, User
from aiogram.utils.i18n import I18n, I18nMiddleware

from bot.services import BotServices
from bot.transport.redelivery import is_passing_failure
from knowledge.store.preferences import language_of_user

logger = logging.getLogger(__name__)


class ChatLanguageMiddleware(I18nMiddleware):
    """aiogram's i18n, with the locale from the chat's saved choice (kept by
    `services.chat_languages`, so no update waits on the database for it); also sets `lang`."""

    def __init__(self, i18n: I18n, services: BotServices) -> None:
        super().__init__(i18n)
        self.default_locale = services.settings.default_locale
        self.services = services

    async def _saved(self, chat_id: int) -> str | None:
        """The chat's saved language; None when there is none or the database is away (an
        apology must not need the database that failed)."""
        try:
            return await self.services.chat_languages.get(chat_id)
        except Exception as error:
            if not is_passing_failure(error):
                raise
            logger.warning(
                "The saved language of chat %s is unreadable (%s); the client's is used",
                chat_id,
                type(error).__name__,
            )
            return None

    async def chosen_locale(self, data: dict[str, Any]) -> str | None:
        """The language the chat chose with /language, if it chose one."""
        chat: Chat | None = data.get("event_chat")
        return None if chat is None else await self._saved(chat.id)

    def client_locale(self, data: dict[str, Any]) -> str:
        """The user's Telegram language when we speak it, else the default."""
        user: User | None = data.get("event_from_user")
        from_client = language_of_user(user.language_code if user is not None else None)
        return from_client or self.default_locale

    async def get_locale(self, event: TelegramObject, data: dict[str, Any]) -> str:
        saved = await self.chosen_locale(data)
        return saved if saved is not None else self.client_locale(data)

    async def __call__(
        self,
        handler: Callable[[TelegramObject, dict[str, Any]], Awaitable[Any]],
        event: TelegramObject,
        data: dict[str, Any],
    ) -> Any:
        chosen = await self.chosen_locale(data)
        locale = chosen or self.client_locale(data)
        data["lang"] = locale
        # A question's own language decides its answer's unless the chat chose one.
        data["chosen_lang"] = chosen
        data["i18n"] = self.i18n
        data["i18n_middleware"] = self
        with self.i18n.context(), self.i18n.use_locale(locale):
            return await handler(event, data)
