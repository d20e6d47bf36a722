"""The engine's snapshot read straight from the rows equals the one built from the document."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.facts.documents import AidDoc, KnowledgeDocument
from knowledge.facts.snapshot import Snapshot
from knowledge.qa.engine import Engine
from knowledge.qa.startup import engine_from_database
from knowledge.store.curated import curated_document
from knowledge.store.engines import session_factory
from knowledge.store.exporting import export_document
from knowledge.store.loading import load_document
from knowledge.store.rights import SystemWriter
from knowledge.store.snapshot_reader import read_snapshot
from tests import factories

QUESTIONS = (
    "Які міста-побратими в Харкова?",
    "Яку допомогу отримав Харків?",
    "Which agreements expire this year?",
    "Скільки партнерів у Львова?",
)


def _everything() -> KnowledgeDocument:
    """The curated data and a record of each detail the curated data has none of."""
    aid = AidDoc.model_validate(
        {
            "key": "test-aid",
            "hromada": factories.HROMADA_CODE,
            "received_on": "2023-03",
            "donors": [
                {"kind": "city", "country": "SK", "place": "sk-kosice"},
                {"kind": "organisation", "name": "Fund"},
            ],
            "items": [{"category": "generators", "quantity": 12}, {"category": "medicines"}],
            "amount": "1250.50",
            "currency": "EUR",
            "description": {"uk": "Генератори", "en": "Generators"},
            "sources": [{"source": "test-letter", "quote": "12 generators"}],
        }
    )
    extended = factories.agreement(
        key="test-extended",
        valid_until="2026-05-01",
        title={"uk": "Угода", "en": "Agreement"},
        areas=["culture", "education"],
        extensions=[{"extended_on": "2025", "term_years": 3, "source": "test-letter"}],
    )
    extra = factories.document(
        hromadas=[], places=[], agreements=[factories.agreement(), extended], aid=[aid]
    )
    return curated_document().merged_with(extra)


async def _snapshots(engine: AsyncEngine) -> tuple[Snapshot, Snapshot]:
    async with session_factory(engine)() as session:
        await load_document(session, _everything(), writer=SystemWriter("test"))
        await session.commit()
        document = await export_document(session, all_hromadas=True)
    async with engine.connect() as connection:
        actual = await read_snapshot(connection)
    return Snapshot.from_document(document), actual


async def test_the_rows_give_the_snapshot_the_document_gives(engine: AsyncEngine) -> None:
    expected, actual = await _snapshots(engine)

    assert actual.agreements
    assert actual.aid_by_hromada
    assert actual == expected
    # repr also tells apart equal amounts written differently (12.5 and 12.50).
    assert repr(actual) == repr(expected)


async def test_the_bot_engine_answers_as_the_document_engine_does(
    seeded_engine: AsyncEngine,
) -> None:
    async with session_factory(seeded_engine)() as session:
        document = await export_document(session, all_hromadas=True)
    expected_engine = Engine.from_document(document)

    actual_engine = await engine_from_database(seeded_engine)

    for question in QUESTIONS:
        expected = expected_engine.answer(question)
        actual = actual_engine.answer(question)
        assert actual.text == expected.text
        assert actual.sources == expected.sources
