"""Reminders before an agreement ends come once per threshold, across restarts."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin import permissions
from knowledge.admin.editing import load_for_edit, save_record, with_changes
from knowledge.admin.history import recent_changes
from knowledge.admin.reminders import due_reminders, expire_agreements, mark_sent
from knowledge.admin.wording import reminder_text
from knowledge.facts.dates import PartialDate
from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.terms import Expiry
from knowledge.facts.vocabulary import AgreementStatus
from knowledge.store import migrations
from knowledge.store.engines import create_engine
from tests import factories
from tests.admin_support import (
    EDITOR,
    OTHER_HROMADA,
    SUPER_ADMIN,
    SUPER_ADMINS,
    exported,
    person,
    seed,
    sessions,
)

ENDS = dt.date(2027, 3, 31)


def _document(**agreement: Any) -> KnowledgeDocument:
    return factories.document(
        hromadas=[factories.hromada(), factories.hromada(OTHER_HROMADA)],
        agreements=[factories.agreement(**agreement)],
    )


async def _due(engine: AsyncEngine, today: dt.date) -> list[tuple[str, tuple[int, ...], int]]:
    async with sessions(engine)() as session:
        reminders = await due_reminders(session, today, super_admins=SUPER_ADMINS)
        for reminder in reminders:
            await mark_sent(session, reminder)
    return [(r.agreement_key, r.thresholds, r.days_left) for r in reminders]


@pytest.fixture
def database_file(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'reminders.sqlite3'}"


async def test_each_threshold_fires_once_even_after_a_restart(database_file: str) -> None:
    engine = create_engine(database_file)
    await migrations.upgrade(engine)
    await seed(engine, _document(valid_until=ENDS.isoformat()))

    assert await _due(engine, ENDS - dt.timedelta(days=91)) == []
    assert await _due(engine, ENDS - dt.timedelta(days=90)) == [("test-agreement", (90,), 90)]
    assert await _due(engine, ENDS - dt.timedelta(days=89)) == []
    await engine.dispose()

    restarted = create_engine(database_file)
    try:
        assert await _due(restarted, ENDS - dt.timedelta(days=60)) == []
        assert await _due(restarted, ENDS - dt.timedelta(days=30)) == [
            ("test-agreement", (30,), 30)
        ]
        assert await _due(restarted, ENDS - dt.timedelta(days=7)) == [("test-agreement", (7,), 7)]
        assert await _due(restarted, ENDS - dt.timedelta(days=3)) == []
    finally:
        await restarted.dispose()


async def test_a_new_end_date_arms_the_reminders_again(sqlite_engine: AsyncEngine) -> None:
    await seed(sqlite_engine, _document(valid_until=ENDS.isoformat()))
    today = ENDS - dt.timedelta(days=20)
    assert await _due(sqlite_engine, today) == [("test-agreement", (30, 90), 20)]
    async with sessions(sqlite_engine)() as session:
        seen = await load_for_edit(session, "agreement", "test-agreement")
        assert seen is not None
        await save_record(
            session, with_changes(seen, valid_until="2027-04-10"), person(SUPER_ADMIN), seen
        )

    assert await _due(sqlite_engine, today) == [("test-agreement", (30, 90), 30)]


async def test_reminders_go_to_the_hromadas_editors_and_super_admins(
    sqlite_engine: AsyncEngine,
) -> None:
    await seed(sqlite_engine, _document(valid_until=ENDS.isoformat()))
    async with sessions(sqlite_engine)() as session:
        await permissions.grant(session, person(SUPER_ADMIN), EDITOR, factories.HROMADA_CODE)
        await permissions.grant(session, person(SUPER_ADMIN), 400, OTHER_HROMADA)

        [reminder] = await due_reminders(session, ENDS - dt.timedelta(days=5), (7,), SUPER_ADMINS)

    assert reminder.recipients == [SUPER_ADMIN, EDITOR]
    assert reminder_text(reminder, "uk") == (
        "Угода «Харківська громада — Кошице» спливає 31 березня 2027\u202fр., через 5 днів."
        " Запис: test-agreement"
    )
    assert reminder_text(reminder, "en") == (
        "The agreement of Kharkivska hromada with Košice ends on March 31, 2027, in 5 days."
        " Record: test-agreement"
    )


async def test_an_end_worked_out_from_the_term_is_flagged(sqlite_engine: AsyncEngine) -> None:
    await seed(sqlite_engine, _document(signed_on="2022-06-01", term_years=5))
    async with sessions(sqlite_engine)() as session:
        [reminder] = await due_reminders(session, dt.date(2027, 5, 31), (7,))

    assert reminder.end == Expiry(PartialDate(2027, 6, 1), estimated=True)
    assert "перевірте" in reminder_text(reminder, "uk")


async def test_an_agreement_past_its_stated_end_expires(sqlite_engine: AsyncEngine) -> None:
    await seed(sqlite_engine, _document(valid_until="2025"))
    async with sessions(sqlite_engine)() as session:
        assert await expire_agreements(session, dt.date(2025, 12, 31)) == []
        assert await expire_agreements(session, dt.date(2026, 1, 1)) == ["test-agreement"]
        [change] = await recent_changes(session, limit=1)

    assert (await exported(sqlite_engine)).agreements[0].status is AgreementStatus.EXPIRED
    assert (change.actor, change.action) == ("system:expiry", "update")
    async with sessions(sqlite_engine)() as session:
        assert await due_reminders(session, dt.date(2024, 12, 1)) == []


async def test_an_end_worked_out_from_the_term_does_not_expire(
    sqlite_engine: AsyncEngine,
) -> None:
    await seed(sqlite_engine, _document(signed_on="2015-06-01", term_years=5))
    async with sessions(sqlite_engine)() as session:
        assert await expire_agreements(session, dt.date(2026, 1, 1)) == []

    assert (await exported(sqlite_engine)).agreements[0].status is AgreementStatus.ACTIVE
