"""Consistent backups: SQLite's online backup, or a full export for other databases."""

from __future__ import annotations

import asyncio
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.engine import make_url

from knowledge.store.engines import create_engine, session_factory, sqlite_file
from knowledge.store.exporting import DocumentFormat, dump_document, export_document


class BackupError(Exception):
    """The backup could not be made or did not verify; the message says why."""


@dataclass(frozen=True)
class Backup:
    """A written backup: the file, its size, and whether it is a database or an export."""

    path: Path
    size: int
    is_database: bool


def _copy_sqlite(source: Path, destination: Path) -> int:
    if not source.exists():
        raise BackupError("the database file does not exist")
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    # The online backup copies a consistent snapshot even while the bot keeps writing.
    with (
        sqlite3.connect(f"file:{source}?mode=ro", uri=True) as origin,
        sqlite3.connect(partial) as copy,
    ):
        origin.backup(copy)
    origin.close()
    copy.close()
    with sqlite3.connect(f"file:{partial}?mode=ro", uri=True) as check:
        verdict = check.execute("PRAGMA integrity_check").fetchone()
    check.close()
    if verdict is None or verdict[0] != "ok":
        partial.unlink(missing_ok=True)
        raise BackupError(f"the copy failed its integrity check: {verdict}")
    partial.replace(destination)
    return destination.stat().st_size


def _write_text(destination: Path, text: str) -> int:
    destination.parent.mkdir(parents=True, exist_ok=True)
    destination.write_text(text, encoding="utf-8")
    return destination.stat().st_size


async def backup_sqlite(database_url: str, destination: Path) -> Backup:
    """Copy a SQLite database file to `destination` with the online backup API, verified."""
    source = sqlite_file(make_url(database_url))
    if source is None:
        raise BackupError("the database is not a SQLite file")
    size = await asyncio.to_thread(_copy_sqlite, source, destination)
    return Backup(destination, size, is_database=True)


async def export_backup(database_url: str, destination: Path) -> Backup:
    """Write the whole knowledge base, every hromada included, as a JSON document."""
    engine = create_engine(database_url)
    try:
        async with session_factory(engine)() as session:
            document = await export_document(session, all_hromadas=True)
    finally:
        await engine.dispose()
    text = dump_document(document, DocumentFormat.JSON)
    size = await asyncio.to_thread(_write_text, destination, text)
    return Backup(destination, size, is_database=False)


async def backup_database(database_url: str, folder: Path, stamp: str) -> Backup:
    """A backup in the folder named by the stamp: a SQLite copy, or else a JSON export."""
    if sqlite_file(make_url(database_url)) is not None:
        return await backup_sqlite(database_url, folder / f"pobratym-{stamp}.sqlite3")
    return await export_backup(database_url, folder / f"pobratym-{stamp}.json")
