"""Residents follow a hromada; each new agreement or aid record is announced once."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin import config, subscribers
from knowledge.admin.editing import load_for_edit, save_record, with_changes
from knowledge.admin.permissions import PermissionDeniedError, UnknownHromadaError
from knowledge.admin.wording import new_record_text
from knowledge.store import migrations
from knowledge.store.engines import create_engine
from tests import factories
from tests.admin_support import EDITOR, OTHER_HROMADA, SUPER_ADMIN, aid, person, seed, sessions

CHAT = 5551234


@pytest.fixture
async def admin_engine(sqlite_engine: AsyncEngine) -> AsyncEngine:
    await seed(sqlite_engine)
    return sqlite_engine


async def test_a_chat_follows_and_leaves_hromadas(admin_engine: AsyncEngine) -> None:
    async with sessions(admin_engine)() as session:
        assert await subscribers.subscribe(session, CHAT, factories.HROMADA_CODE)
        assert not await subscribers.subscribe(session, CHAT, factories.HROMADA_CODE)
        assert await subscribers.subscribe(session, CHAT, OTHER_HROMADA)
        assert await subscribers.subscribe(session, 42, OTHER_HROMADA)

        followed = await subscribers.subscriptions_of(session, CHAT)
        assert [item.name_en for item in followed] == ["Kharkivska", "Zmiivska"]
        assert await subscribers.subscribers(session, OTHER_HROMADA) == [42, CHAT]

        assert await subscribers.unsubscribe(session, CHAT, OTHER_HROMADA) == 1
        assert await subscribers.subscribers(session, OTHER_HROMADA) == [42]
        assert await subscribers.unsubscribe(session, CHAT) == 1
        assert await subscribers.subscriptions_of(session, CHAT) == []


async def test_an_unknown_hromada_cannot_be_followed(admin_engine: AsyncEngine) -> None:
    async with sessions(admin_engine)() as session:
        with pytest.raises(UnknownHromadaError):
            await subscribers.subscribe(session, CHAT, "UA00000000000000000")

        assert await subscribers.subscriptions_of(session, CHAT) == []


async def test_each_new_record_is_announced_once_even_after_a_restart(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'news.sqlite3'}"
    engine = create_engine(url)
    await migrations.upgrade(engine)
    await seed(engine)
    async with sessions(engine)() as session:
        # What was there before the notifier first looked is not news.
        assert await subscribers.pending_announcements(session) == []
        await save_record(session, aid("new-aid"), person(SUPER_ADMIN), None)
        seen = await load_for_edit(session, "agreement", "test-agreement")
        assert seen is not None
        await save_record(session, with_changes(seen, term_years=3), person(SUPER_ADMIN), seen)
        await save_record(
            session,
            factories.agreement("second-agreement", hromada=OTHER_HROMADA),
            person(SUPER_ADMIN),
            None,
        )

        pending = await subscribers.pending_announcements(session)
        assert [(r.entity, r.key, r.hromada_code) for r in pending] == [
            ("aid", "new-aid", factories.HROMADA_CODE),
            ("agreement", "second-agreement", OTHER_HROMADA),
        ]
        await subscribers.mark_announced(session, pending[0].change_id)
    await engine.dispose()

    restarted = create_engine(url)
    try:
        async with sessions(restarted)() as session:
            pending = await subscribers.pending_announcements(session)
            assert [record.key for record in pending] == ["second-agreement"]
            await subscribers.mark_announced(session, pending[-1].change_id)
            assert await subscribers.pending_announcements(session) == []
    finally:
        await restarted.dispose()
    assert new_record_text(pending[0], "Зміївська", "uk") == (
        "Зміївська громада має нову угоду про партнерство. Запитайте мене про неї!"
    )


async def test_the_audit_goes_to_the_log_chat_from_when_it_is_set(
    admin_engine: AsyncEngine,
) -> None:
    async with sessions(admin_engine)() as session:
        assert await config.pending_audit(session) == []
        with pytest.raises(PermissionDeniedError):
            await config.set_log_chat(session, person(EDITOR), -100200)
        assert await config.get_log_chat(session) is None

        await config.set_log_chat(session, person(SUPER_ADMIN), -100200)
        assert await config.pending_audit(session) == []
        await save_record(session, aid("new-aid"), person(SUPER_ADMIN), None)

        pending = await config.pending_audit(session)
        assert [(change.action, change.key) for change in pending] == [("create", "new-aid")]
        await config.mark_forwarded(session, pending[-1].id)
        assert await config.pending_audit(session) == []
        assert await config.get_log_chat(session) == -100200
