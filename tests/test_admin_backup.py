"""Backups are a consistent SQLite copy, or a full export on PostgreSQL."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin.backup import BackupError, backup_database, backup_sqlite
from knowledge.store import migrations
from knowledge.store.document_files import read_document_file
from knowledge.store.engines import create_engine
from tests.admin_support import exported, seed

TABLES = ("agreements", "aid_records", "hromadas", "places", "sources", "audit_log")


def _counts(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as connection:
        counts = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in TABLES
        }
    connection.close()
    return counts


async def test_a_sqlite_backup_is_a_valid_database_with_the_same_rows(
    seeded_engine: AsyncEngine, tmp_path: Path
) -> None:
    source = Path(str(seeded_engine.url.database))
    expected = _counts(source)

    backup = await backup_sqlite(seeded_engine.url.render_as_string(), tmp_path / "b" / "copy.db")

    assert backup.is_database
    assert backup.size == backup.path.stat().st_size > 0
    with sqlite3.connect(backup.path) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    connection.close()
    assert _counts(backup.path) == expected
    assert expected["agreements"] > 0


async def test_a_missing_database_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(BackupError):
        await backup_sqlite(f"sqlite+aiosqlite:///{tmp_path / 'none.db'}", tmp_path / "copy.db")

    assert not (tmp_path / "copy.db").exists()


async def test_postgresql_is_backed_up_as_a_full_export(postgres: str, tmp_path: Path) -> None:
    engine = create_engine(postgres)
    try:
        await migrations.upgrade(engine)
        await seed(engine)
        expected = await exported(engine)

        backup = await backup_database(postgres, tmp_path, "2026-11-23")

        assert not backup.is_database
        assert backup.path.name == "pobratym-2026-11-23.json"
        assert read_document_file(backup.path) == expected
    finally:
        await engine.dispose()
