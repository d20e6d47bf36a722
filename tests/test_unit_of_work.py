"""A service run by the unit of work keeps what it did when it returns, and nothing of it when it
fails, without its caller holding a session."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession

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
