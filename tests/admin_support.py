"""Helpers for the admin tests: people with different rights, a small seeded knowledge base."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from knowledge.admin.common import Admin
from knowledge.facts.documents import AidDoc, KnowledgeDocument
from knowledge.store import models
from knowledge.store.engines import session_factory
from knowledge.store.exporting import export_document
from knowledge.store.loading import load_document
from knowledge.store.rights import SystemWriter
from tests import factories

SUPER_ADMIN = 100
EDITOR = 200
STRANGER = 300
SUPER_ADMINS = (SUPER_ADMIN,)
OTHER_HROMADA = "UA63120190000096298"


def person(user_id: int) -> Admin:
    """Someone acting, with the configured super-admins."""
    return Admin(user_id, SUPER_ADMINS)


def aid(key: str = "test-aid", **changes: Any) -> AidDoc:
    """An aid record of the default hromada citing the default source."""
    fields: dict[str, Any] = {
        "key": key,
        "hromada": factories.HROMADA_CODE,
        "received_on": "2024-03",
        "donors": [{"kind": "city", "place": "sk-kosice"}],
        "items": [{"category": "generators", "quantity": 3}],
        "sources": [{"source": "test-letter", "quote": "three generators"}],
    }
    return AidDoc.model_validate(fields | changes)


def base_document() -> KnowledgeDocument:
    """Two hromadas, a source, a place, an agreement and an aid record."""
    return factories.document(
        hromadas=[
            factories.hromada(),
            factories.hromada(OTHER_HROMADA, name_uk="Зміївська", name_en="Zmiivska"),
        ],
        aid=[aid()],
    )


async def seed(engine: AsyncEngine, document: KnowledgeDocument | None = None) -> None:
    """Load the document (the base one by default) as an import would."""
    async with session_factory(engine)() as session, session.begin():
        await load_document(session, document or base_document(), writer=SystemWriter("test:seed"))


def sessions(engine: AsyncEngine) -> async_sessionmaker[AsyncSession]:
    """The application's session factory."""
    return session_factory(engine)


async def exported(engine: AsyncEngine) -> KnowledgeDocument:
    """The whole knowledge base as stored, read in a fresh session."""
    async with session_factory(engine)() as session:
        return await export_document(session, all_hromadas=True)


async def audit_count(engine: AsyncEngine) -> int:
    """How many audit entries there are."""
    async with session_factory(engine)() as session:
        count = await session.scalar(select(func.count()).select_from(models.AuditEntryRow))
    return count or 0
