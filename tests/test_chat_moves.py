"""A group upgraded to a supergroup: its stored references move to the new id, and each move
is in the audit log, for /history and the log chat, with what it was before."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin.chats import move_chat
from knowledge.admin.common import FieldChange
from knowledge.admin.config import CHANNEL, LOG_CHAT
from knowledge.admin.history import recent_changes
from knowledge.admin.subscribers import subscribe
from knowledge.admin.wording import history_text
from knowledge.store.admin_settings import put_setting
from knowledge.store.engines import session_factory
from knowledge.store.preferences import save_chat_language

OLD = -4012345
NEW = -1004012345
KHARKIV = "UA63120270000028556"


async def test_the_moves_of_an_upgraded_group_are_audited_in_one_batch(
    seeded_engine: AsyncEngine,
) -> None:
    sessions = session_factory(seeded_engine)
    async with sessions() as session:
        await save_chat_language(session, OLD, "en", dt.datetime.now(dt.UTC))
        await subscribe(session, OLD, KHARKIV, thread_id=5)
        await put_setting(session, LOG_CHAT, str(OLD))
        await put_setting(session, CHANNEL, "@kharkiv_news")
        await session.commit()
        moved = await move_chat(session, OLD, NEW)
        changes = await recent_changes(session, limit=10)

    moves = [change for change in changes if change.actor == "system:telegram"]
    actual = sorted((change.action, change.entity, change.key, change.changes) for change in moves)
    assert moved == 3
    assert actual == [
        ("update", "chat_preference", str(OLD), [FieldChange("chat_id", OLD, NEW)]),
        ("update", "setting", LOG_CHAT, [FieldChange("value", str(OLD), str(NEW))]),
        ("update", "subscription", f"{OLD}:{KHARKIV}", [FieldChange("chat_id", OLD, NEW)]),
    ]
    assert len({change.batch for change in moves}) == 1
    english = history_text(moves, "en")
    ukrainian = history_text(moves, "uk")
    assert f"changed: subscription {OLD}:{KHARKIV}" in english
    assert f"змінено: підписка {OLD}:{KHARKIV}" in ukrainian
    assert "мова чату" in ukrainian


async def test_a_reference_the_new_chat_already_has_is_kept_and_the_drop_audited(
    seeded_engine: AsyncEngine,
) -> None:
    sessions = session_factory(seeded_engine)
    async with sessions() as session:
        await save_chat_language(session, OLD, "en", dt.datetime.now(dt.UTC))
        await save_chat_language(session, NEW, "uk", dt.datetime.now(dt.UTC))
        await session.commit()
        await move_chat(session, OLD, NEW)
        changes = await recent_changes(session, limit=1)

    (change,) = changes
    assert (change.action, change.entity, change.changes) == (
        "delete",
        "chat_preference",
        [FieldChange("chat_id", OLD, None), FieldChange("language", "en", None)],
    )
