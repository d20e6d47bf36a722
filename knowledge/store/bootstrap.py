"""Gets a database ready to answer: migrated, and seeded on first start."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.store import models
from knowledge.store.curated import curated_document
from knowledge.store.engines import session_factory
from knowledge.store.first_start import preparing
from knowledge.store.loading import SEED_ACTOR, LoadReport, load_written
from knowledge.store.rights import SystemWriter
from knowledge.store.schema_head import schema_is_current

SEED_WRITER = SystemWriter(SEED_ACTOR)


async def seed(engine: AsyncEngine) -> LoadReport:
    """Load the shipped knowledge (all hromadas and the curated facts) in one transaction."""
    async with session_factory(engine)() as session:
        return await load_written(session, curated_document(), writer=SEED_WRITER, keep_edits=True)


async def prepare_database(engine: AsyncEngine) -> LoadReport | None:
    """Migrate to the newest schema; seed an empty knowledge base. Returns the seed's report
    (None when it was seeded already). Processes preparing one database at once take turns
    (`first_start.preparing`), so each finds it migrated and seeded by the first."""
    async with preparing(engine):
        return await _prepare(engine)


async def _prepare(engine: AsyncEngine) -> LoadReport | None:
    if not await schema_is_current(engine):
        # Imported here: a serving process on a current schema never loads Alembic.
        from knowledge.store import migrations

        await migrations.upgrade(engine)
    async with session_factory(engine)() as session:
        known_hromadas = await session.scalar(select(func.count()).select_from(models.HromadaRow))
    if known_hromadas:
        return None
    return await seed(engine)
