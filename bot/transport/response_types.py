"""Aiogram's parsed reply types, kept alive for the life of the process.

Aiogram reads every Bot API reply as `Response[T]`, a parametrised pydantic model looked up on
each request. Pydantic keeps such models only weakly, so whenever a full garbage collection
takes one, the next request builds it again: some 20 ms of schema building inside one reply,
measured at about 16 times per thousand questions through this bot's dispatcher. A request
middleware keeps a strong reference to each type the bot has used.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiogram.client.session.middlewares.base import BaseRequestMiddleware
from aiogram.methods import Response

if TYPE_CHECKING:
    from aiogram import Bot
    from aiogram.client.session.middlewares.base import NextRequestMiddlewareType
    from aiogram.methods import TelegramMethod
    from aiogram.methods.base import TelegramType

# Shared by every Bot of the process: the types are the same for all of them.
_KEPT: dict[Any, type[Response[Any]]] = {}


class KeepResponseTypes(BaseRequestMiddleware):
    """Keeps `Response[T]` for the return type T of every method the bot calls."""

    async def __call__(
        self,
        make_request: NextRequestMiddlewareType[TelegramType],
        bot: Bot,
        method: TelegramMethod[TelegramType],
    ) -> Response[TelegramType]:
        returning = method.__returning__
        if returning not in _KEPT:
            _KEPT[returning] = Response[returning]  # type: ignore[valid-type]
        return await make_request(bot, method)
