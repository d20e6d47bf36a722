"""Builds the engine from the database the bot runs on."""

from __future__ import annotations

import asyncio
import gc
import threading
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.qa.engine import Engine, collector_paused
from knowledge.store.snapshot_reader import read_snapshot


async def engine_from_database(database: AsyncEngine, forms_cache: Path | None = None) -> Engine:
    """Read the whole knowledge base once and index it (in a worker thread) for answering."""
    async with database.connect() as connection:
        with collector_paused():
            snapshot = await read_snapshot(connection)
    # Indexing is seconds of pure Python over the records read: in a worker thread, the bot
    # keeps answering from the engine it has (with the old snapshot) meanwhile.
    engine = await asyncio.to_thread(Engine.from_snapshot, snapshot, forms_cache)
    # The records and the name index live as long as the process: leave them out of the
    # collector's full passes, which would otherwise walk millions of them now and then.
    gc.freeze()
    # The villages' names are only needed by questions naming one: read beside the start-up.
    threading.Thread(target=engine.gazetteer.warm, name="gazetteer-warm", daemon=True).start()
    return engine
