"""An export loaded into an empty database gives back every fact and source exactly."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.store.document_files import parse_document
from knowledge.store.engines import session_factory
from knowledge.store.exporting import DocumentFormat, dump_document, export_document
from knowledge.store.loading import load_document
from knowledge.store.rights import SystemWriter


@pytest.mark.parametrize("file_format", list(DocumentFormat))
async def test_export_then_load_into_an_empty_database_round_trips_exactly(
    seeded_engine: AsyncEngine, engine: AsyncEngine, file_format: DocumentFormat
) -> None:
    async with session_factory(seeded_engine)() as session:
        expected = await export_document(session)
    text = dump_document(expected, file_format)

    async with session_factory(engine)() as session, session.begin():
        await load_document(
            session,
            parse_document(text, name="export", is_json=file_format is DocumentFormat.JSON),
            writer=SystemWriter("test"),
        )
    async with session_factory(engine)() as session:
        actual = await export_document(session)

    assert actual == expected
    assert dump_document(actual, file_format) == text
    assert len(actual.agreements) == 14
    assert len(actual.sources) == 4


async def test_the_full_export_carries_every_hromada(seeded_engine: AsyncEngine) -> None:
    async with session_factory(seeded_engine)() as session:
        referenced = await export_document(session)
        everything = await export_document(session, all_hromadas=True)

    assert {hromada.name_uk for hromada in referenced.hromadas} == {
        "Харківська",
        "Менська",
        "Куп’янська",
        "Золочівська",
    }
    assert len(everything.hromadas) == 1774
