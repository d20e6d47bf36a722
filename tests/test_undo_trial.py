"""/undo shows what Confirm would refuse by undoing on trial and rolling it back: the trial
writes nothing that stays, and leaves no lock another writer waits for, even when it is
refused half-way."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text, update
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin.common import Admin
from knowledge.admin.history import UndoRefusal, UndoRefusedError, check_undo
from knowledge.store import models
from knowledge.store.engines import create_engine, session_factory
from knowledge.store.exporting import export_document
from knowledge.store.work import UnitOfWork
from tests.test_write_jobs import Recorder, _new_job, _run, _seeded, sheet

START = dt.datetime(2026, 11, 30, 6, 0, tzinfo=dt.UTC)
SUPER = Admin(1, (1,))


async def _state(engine: AsyncEngine) -> tuple[object, int]:
    async with session_factory(engine)() as session:
        document = await export_document(session, all_hromadas=True)
        audited = await session.scalar(select(func.count()).select_from(models.AuditEntryRow))
    return document, audited or 0


async def test_an_undo_trial_refused_half_way_leaves_no_write_and_no_lock(
    engine: AsyncEngine,
) -> None:
    await _seeded(engine)
    job = await _new_job(engine, sheet(2))
    assert await _run(engine, job.id, "replica-a", Recorder(), START) is not None
    # The first town the import wrote is changed since: the trial undoes the agreements and
    # the other town (newest first), then is refused there.
    async with session_factory(engine)() as session:
        await session.execute(
            update(models.PlaceRow)
            .where(models.PlaceRow.key.like("%jobstadt-0"))
            .values(name_en="Jobstadt Null")
        )
        await session.commit()
    before = await _state(engine)

    with pytest.raises(UndoRefusedError) as refused:
        await UnitOfWork(session_factory(engine))(check_undo, SUPER, batch=job.batch)

    assert refused.value.refusal is UndoRefusal.CHANGED_SINCE
    assert await _state(engine) == before
    # Another process writes at once: nothing of the trial holds the database or its rows.
    other = create_engine(engine.url.render_as_string(hide_password=False))
    try:
        async with other.connect() as connection:
            if other.dialect.name == "sqlite":
                await connection.execute(text("PRAGMA busy_timeout=200"))
            else:
                await connection.execute(text("SET lock_timeout = '200ms'"))
            await connection.execute(
                update(models.PlaceRow)
                .where(models.PlaceRow.key.like("%jobstadt-1"))
                .values(name_en="Jobstadt Eins")
            )
            await connection.commit()
    finally:
        await other.dispose()
