"""Builds the engine from the database the bot runs on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.database import session_factory
from knowledge.exporting import export_document
from knowledge.qa.engine import Engine
from knowledge.qa.snapshot import Snapshot


async def engine_from_database(database: AsyncEngine, forms_cache: Path | None = None) -> Engine:
    """Read the whole knowledge base once and index it for answering."""
    async with session_factory(database)() as session:
        document = await export_document(session, all_hromadas=True)
    snapshot = Snapshot.from_document(document)
    # The records are copied: the document (hundreds of MB at national scale) can go now.
    del document
    return Engine.from_snapshot(snapshot, forms_cache)
