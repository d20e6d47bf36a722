"""A service run by the unit of work keeps what it did when it returns, and nothing of it when it
fails, without its caller holding a session."""

from __future__ import annotations

import datetime as dt

import pytest
from aiogram import Router
from aiogram.dispatcher.event.handler import HandlerObject
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

from bot.handlers import routers
from knowledge.store.engines import session_factory
from knowledge.store.preferences import chat_language, save_chat_language
from knowledge.store.work import UnitOfWork

CHAT = 4242
NOW = dt.datetime(2026, 11, 30, 9, 0, tzinfo=dt.UTC)


class ChangedMindError(Exception):
    pass


async def _save_then_fail(session: AsyncSession, chat_id: int) -> None:
    await save_chat_language(session, chat_id, "en", NOW)
    await session.flush()
    raise ChangedMindError


async def test_what_a_service_leaves_uncommitted_is_kept_when_it_returns(
    engine: AsyncEngine,
) -> None:
    work = UnitOfWork(session_factory(engine))

    await work(save_chat_language, CHAT, "en", NOW)

    assert await work(chat_language, CHAT) == "en"


async def test_a_failing_service_leaves_nothing_written(engine: AsyncEngine) -> None:
    work = UnitOfWork(session_factory(engine))

    with pytest.raises(ChangedMindError):
        await work(_save_then_fail, CHAT)

    assert await work(chat_language, CHAT) is None


def _handlers(router: Router) -> list[HandlerObject]:
    found = [handler for observer in router.observers.values() for handler in observer.handlers]
    for child in router.sub_routers:
        found += _handlers(child)
    return found


def test_no_handler_takes_a_database_session() -> None:
    """Nothing gives a handler a session any more: one asking for it would fail at its first
    update, so every handler runs its services through `BotServices.work` instead."""
    handlers = [handler for router in routers() for handler in _handlers(router)]

    assert len(handlers) > 50
    assert [
        handler.callback.__qualname__ for handler in handlers if "session" in handler.params
    ] == []
