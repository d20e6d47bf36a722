"""`python -m bot db migrate-to URL`: a SQLite deployment moves to PostgreSQL whole."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin import permissions
from knowledge.admin.common import Admin
from knowledge.admin.subscribers import subscribe, subscriptions_of
from knowledge.store import models
from knowledge.store.engines import create_engine, session_factory
from knowledge.store.exporting import export_document
from knowledge.store.preferences import chat_language, save_chat_language
from knowledge.store.transfer import compare
from tests.cli import run_bot

SUPER_ADMIN = 100
EDITOR = 4242
GROUP = -100777


async def _a_running_deployment(engine: AsyncEngine) -> None:
    """What residents and editors leave behind: a language, a subscription, a right."""
    async with session_factory(engine)() as session, session.begin():
        await save_chat_language(session, GROUP, "en", dt.datetime.now(dt.UTC))
    async with session_factory(engine)() as session:
        await subscribe(session, GROUP, "UA63120270000028556")
    async with session_factory(engine)() as session:
        await permissions.grant(session, Admin(SUPER_ADMIN, (SUPER_ADMIN,)), EDITOR, None)


async def test_a_sqlite_deployment_moves_to_postgresql_with_every_record(
    seeded_engine: AsyncEngine, postgres: str, tmp_path: Path
) -> None:
    await _a_running_deployment(seeded_engine)
    source_url = seeded_engine.url.render_as_string(hide_password=False)
    await seeded_engine.dispose()
    target_url = postgres.replace("postgresql+asyncpg://", "postgresql://")

    moved = run_bot("db", "migrate-to", target_url, cwd=tmp_path, env={"DATABASE_URL": source_url})
    again = run_bot("db", "migrate-to", target_url, cwd=tmp_path, env={"DATABASE_URL": source_url})

    assert moved.returncode == 0, moved.stderr
    assert "equal" in moved.stdout or "однакові" in moved.stdout
    assert again.returncode == 1
    source, target = create_engine(source_url), create_engine(postgres)
    try:
        async with source.connect() as reading, target.connect() as written:
            assert await compare(reading, written) == []
        async with session_factory(source)() as theirs, session_factory(target)() as ours:
            assert await export_document(ours) == await export_document(theirs)
            assert await chat_language(ours, GROUP) == "en"
            assert [s.hromada_code for s in await subscriptions_of(ours, GROUP)] == [
                "UA63120270000028556"
            ]
            audit = select(func.count()).select_from(models.AuditEntryRow)
            audited = await theirs.scalar(audit)
            assert audited
            assert await ours.scalar(audit) == audited
        # The moved deployment keeps working: a new right gets a new audit entry.
        async with session_factory(target)() as session:
            await permissions.grant(session, Admin(SUPER_ADMIN, (SUPER_ADMIN,)), EDITOR + 1, None)
            editors = await session.scalars(select(models.EditorRow.user_id))
            assert {EDITOR, EDITOR + 1} <= set(editors)
    finally:
        await source.dispose()
        await target.dispose()


def test_a_target_that_is_not_a_database_url_is_refused(tmp_path: Path) -> None:
    refused = run_bot("db", "migrate-to", "mysql://somewhere/db", cwd=tmp_path)

    assert refused.returncode == 2
    assert refused.stderr.strip()
