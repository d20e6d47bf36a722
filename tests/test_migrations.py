"""The schema comes only from migrations, and every migration can be undone and redone."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect, text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.store import migrations
from knowledge.store.engines import session_factory
from knowledge.store.exporting import export_document
from knowledge.store.models import Base
from knowledge.store.schema_head import head_revision

REVISIONS = migrations.revisions()


def _tables(connection: Connection) -> set[str]:
    return set(inspect(connection).get_table_names()) - {"alembic_version"}


async def _table_names(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        return await connection.run_sync(_tables)


@pytest.mark.parametrize("revision", REVISIONS)
async def test_stairway_up_down_up(empty_engine: AsyncEngine, revision: str) -> None:
    position = REVISIONS.index(revision)
    previous = REVISIONS[position - 1] if position else None
    if previous is not None:
        await migrations.upgrade(empty_engine, previous)
    before = await _table_names(empty_engine)

    await migrations.upgrade(empty_engine, revision)
    after = await _table_names(empty_engine)
    await migrations.downgrade(empty_engine, "-1")
    assert await migrations.current_revision(empty_engine) == previous
    assert await _table_names(empty_engine) == before
    await migrations.upgrade(empty_engine, revision)

    assert await migrations.current_revision(empty_engine) == revision
    assert await _table_names(empty_engine) == after


async def test_the_migrated_schema_is_the_models_schema(engine: AsyncEngine) -> None:
    def differences(connection: Connection) -> list[Any]:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))

    async with engine.connect() as connection:
        actual = await connection.run_sync(differences)

    assert actual == []


async def test_downgrading_to_base_leaves_no_tables(engine: AsyncEngine) -> None:
    await migrations.downgrade(engine, "base")

    assert await _table_names(engine) == set()
    assert await migrations.current_revision(engine) is None


async def test_text_stored_over_its_new_bound_is_cut_at_a_word_and_the_records_load(
    seeded_engine: AsyncEngine,
) -> None:
    await migrations.downgrade(seeded_engine, "0005")
    note = "слово " * 1500
    async with seeded_engine.begin() as connection:
        key = await connection.scalar(text("SELECT key FROM agreements ORDER BY id LIMIT 1"))
        await connection.execute(
            text("UPDATE agreements SET notes_uk = :note WHERE key = :key"),
            {"note": note, "key": key},
        )

    await migrations.upgrade(seeded_engine)

    async with session_factory(seeded_engine)() as session:
        document = await export_document(session, all_hromadas=True)
    (agreement,) = [doc for doc in document.agreements if doc.key == key]
    assert agreement.notes is not None
    assert agreement.notes.uk is not None
    assert len(agreement.notes.uk) <= 2000
    assert agreement.notes.uk.endswith("слово…")


async def test_undos_of_one_import_stored_twice_before_their_index_are_kept_once(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    await migrations.downgrade(engine, "0009")
    jobs = [
        # Two undos of one import running, one of another import done and one waiting.
        (1, "running", "batch-a", 2),
        (2, "running", "batch-a", 5),
        (3, "waiting", "batch-b", 0),
        (4, "done", "batch-b", 3),
        (5, "failed", "batch-b", 0),
    ]
    async with engine.begin() as connection:
        for job_id, state, undone, chunks in jobs:
            await connection.execute(
                text(
                    "INSERT INTO write_jobs (id, kind, state, actor, batch, undone_batch,"
                    " chunks_done, records_done, created, updated, unchanged, skip_rejected,"
                    " created_at, lease_owner, lease_until)"
                    " VALUES (:id, 'undo', :state, 'test', :batch, :undone, :chunks, 0, 0, 0, 0,"
                    " false, CURRENT_TIMESTAMP, 'replica', CURRENT_TIMESTAMP)"
                ),
                {
                    "id": job_id,
                    "state": state,
                    "batch": f"undo-{job_id}",
                    "undone": undone,
                    "chunks": chunks,
                },
            )

    with caplog.at_level("WARNING"):
        await migrations.upgrade(engine)

    async with engine.connect() as connection:
        rows = (
            await connection.execute(
                text("SELECT id, state, failure, lease_until FROM write_jobs ORDER BY id")
            )
        ).all()
    assert [(row.id, row.state, row.failure) for row in rows] == [
        (1, "cancelled", "duplicate"),
        (2, "running", None),
        (3, "cancelled", "duplicate"),
        (4, "done", None),
        (5, "failed", None),
    ]
    assert rows[0].lease_until is None
    assert "Undo jobs 1, 3 repeated another undo of the same import" in caplog.text
    assert await migrations.current_revision(engine) == head_revision()


async def _import_jobs(engine: AsyncEngine, jobs: list[tuple[int, str, str, int]]) -> None:
    async with engine.begin() as connection:
        for job_id, state, batch, chunks in jobs:
            await connection.execute(
                text(
                    "INSERT INTO write_jobs (id, kind, state, actor, batch, chunks_done,"
                    " records_done, created, updated, unchanged, skip_rejected, created_at,"
                    " lease_owner, lease_until)"
                    " VALUES (:id, 'import', :state, 'test', :batch, :chunks, 0, 0, 0, 0, false,"
                    " CURRENT_TIMESTAMP, 'replica', CURRENT_TIMESTAMP)"
                ),
                {"id": job_id, "state": state, "batch": batch, "chunks": chunks},
            )


async def test_imports_of_one_batch_stored_twice_before_its_unique_index_keep_it_once(
    engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    await migrations.downgrade(engine, "0010")
    await _import_jobs(
        engine,
        [
            (1, "running", "batch-a", 2),
            (2, "done", "batch-a", 4),
            (3, "running", "batch-a", 1),
            (4, "running", "batch-b", 0),
        ],
    )

    with caplog.at_level("WARNING"):
        await migrations.upgrade(engine)

    async with engine.connect() as connection:
        rows = (
            await connection.execute(text("SELECT id, state, failure, batch FROM write_jobs"))
        ).all()
    by_id = {row.id: row for row in rows}
    assert [(row.id, row.state, row.failure) for row in sorted(rows)] == [
        (1, "cancelled", "duplicate"),
        (2, "done", None),
        (3, "cancelled", "duplicate"),
        (4, "running", None),
    ]
    assert (by_id[2].batch, by_id[4].batch) == ("batch-a", "batch-b")
    assert len({row.batch for row in rows}) == 4
    assert "Write jobs 1, 3 wrote the batch of another job" in caplog.text
    assert await migrations.current_revision(engine) == head_revision()


async def test_the_unique_batch_index_made_already_is_kept(engine: AsyncEngine) -> None:
    await migrations.downgrade(engine, "0010")
    async with engine.begin() as connection:
        await connection.execute(text("DROP INDEX ix_write_jobs_batch"))
        await connection.execute(
            text("CREATE UNIQUE INDEX ix_write_jobs_batch ON write_jobs (batch)")
        )

    await migrations.upgrade(engine)

    assert await migrations.current_revision(engine) == head_revision()
    await _import_jobs(engine, [(1, "running", "batch-a", 0)])
    with pytest.raises(IntegrityError):
        await _import_jobs(engine, [(2, "running", "batch-a", 0)])
