"""The schema comes only from migrations, and every migration can be undone and redone."""

from __future__ import annotations

from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, inspect
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.store import migrations
from knowledge.store.models import Base

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
