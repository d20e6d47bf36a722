"""The knowledge base is read as one state of the database, whatever other processes commit."""

from __future__ import annotations

import logging
from collections.abc import Callable, Coroutine
from typing import Any

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.facts.records import Cited, Place
from knowledge.facts.snapshot import Snapshot
from knowledge.store.engines import session_factory, writing
from knowledge.store.loading import load_document
from knowledge.store.rights import SystemWriter
from knowledge.store.snapshot_reader import _Reader, read_snapshot
from tests import factories

NEW_SOURCE = "test-new-letter"
NEW_AGREEMENT = "test-new-agreement"


async def _load(engine: AsyncEngine, **sections: Any) -> None:
    async with session_factory(engine)() as session, writing(session):
        await load_document(session, factories.document(**sections), writer=SystemWriter("test"))


async def _add_agreement_citing_a_new_source(engine: AsyncEngine) -> None:
    await _load(
        engine,
        sources=[factories.source(), factories.source(NEW_SOURCE)],
        agreements=[
            factories.agreement(),
            factories.agreement(NEW_AGREEMENT, sources=[{"source": NEW_SOURCE}]),
        ],
    )


async def _read(engine: AsyncEngine) -> Snapshot:
    async with engine.connect() as connection:
        return await read_snapshot(connection)


async def test_a_commit_between_the_reads_of_a_load_is_not_half_seen(
    engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    await _load(engine)
    read_places: Callable[[_Reader], Coroutine[Any, Any, list[Place]]] = _Reader.places

    async def places_after_another_commit(reader: _Reader) -> list[Place]:
        # The sources are read by now; another process adds a source and an agreement
        # citing it before the agreements are read.
        await _add_agreement_citing_a_new_source(engine)
        return await read_places(reader)

    monkeypatch.setattr(_Reader, "places", places_after_another_commit)
    during = await _read(engine)
    monkeypatch.undo()

    # The load saw the database as it was when it began: neither the source nor the agreement.
    assert set(during.agreements) == {"test-agreement"}
    assert NEW_SOURCE not in during.sources
    after = await _read(engine)
    assert set(after.agreements) == {"test-agreement", NEW_AGREEMENT}
    assert after.agreements[NEW_AGREEMENT].sources == (Cited(NEW_SOURCE, None),)


async def test_a_citation_of_a_missing_source_is_left_out_and_logged(
    sqlite_engine: AsyncEngine, caplog: pytest.LogCaptureFixture
) -> None:
    await _load(sqlite_engine)
    async with sqlite_engine.connect() as connection:
        await connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        await connection.execute(text("UPDATE agreement_sources SET source_id = source_id + 1000"))
        await connection.commit()

    with caplog.at_level(logging.WARNING, logger="knowledge.store.snapshot_reader"):
        snapshot = await _read(sqlite_engine)

    assert snapshot.agreements["test-agreement"].sources == ()
    assert "refers to source row" in caplog.text
