"""SQLite under a long write: readers go on reading the last commit, never "database is locked"."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import func, select, text

from knowledge.store import models
from knowledge.store.bootstrap import prepare_database
from knowledge.store.engines import create_engine, session_factory

# Longer than SQLite's default busy timeout (5 s), as a long import's write is.
HELD_FOR = 6.0


async def test_a_reader_is_not_refused_while_a_long_write_holds_the_database(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'pobratym.sqlite3'}"
    writer_engine, reader_engine = create_engine(url), create_engine(url)
    try:
        await prepare_database(writer_engine)
        async with reader_engine.connect() as connection:
            before = await connection.scalar(select(func.count()).select_from(models.PlaceRow))
        writing = asyncio.Event()

        async def long_write() -> None:
            async with writer_engine.connect() as connection:
                await connection.exec_driver_sql("BEGIN EXCLUSIVE")
                await connection.execute(text("DELETE FROM places WHERE 0"))
                writing.set()
                await asyncio.sleep(HELD_FOR)
                await connection.exec_driver_sql("COMMIT")

        writer = asyncio.create_task(long_write())
        await writing.wait()
        async with session_factory(reader_engine)() as session:
            during = await session.scalar(select(func.count()).select_from(models.PlaceRow))
        still_writing = not writer.done()
        await writer
    finally:
        await writer_engine.dispose()
        await reader_engine.dispose()

    assert still_writing
    assert during == before
