"""Loading the shipped knowledge again keeps what the gazetteers added and what editors
changed since, and works on a database the bot never started on."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from knowledge.facts.documents import KnowledgeDocument
from knowledge.store import models
from knowledge.store.bootstrap import prepare_database
from knowledge.store.curated import CURATED_DIR, curated_document
from knowledge.store.engines import create_engine, session_factory
from knowledge.store.exporting import export_document
from knowledge.store.loading import load_written
from knowledge.store.rights import SystemWriter
from tests.cli import run_bot

EDITOR = SystemWriter("telegram:42")
EDITED = "mena-dabrowa-cooperation"


def _url(path: Path) -> str:
    return f"sqlite+aiosqlite:///{path}"


async def _stored(url: str) -> KnowledgeDocument:
    database = create_engine(url)
    try:
        async with session_factory(database)() as session:
            return await export_document(session)
    finally:
        await database.dispose()


async def _started_and_edited(url: str) -> KnowledgeDocument:
    """A database the bot seeded on its first start, then an editor's change to one record."""
    database = create_engine(url)
    try:
        await prepare_database(database)
        edited = next(doc for doc in curated_document().agreements if doc.key == EDITED)
        assert edited.notes is not None
        notes = edited.notes.model_copy(update={"en": "Renewed by the council in 2025."})
        async with session_factory(database)() as session:
            await load_written(
                session,
                KnowledgeDocument(agreements=[edited.model_copy(update={"notes": notes})]),
                writer=EDITOR,
            )
    finally:
        await database.dispose()
    return await _stored(url)


@pytest.mark.parametrize("shipped", ["curated", str(CURATED_DIR)])
async def test_loading_the_shipped_files_again_keeps_enrichment_and_an_editors_change(
    tmp_path: Path, shipped: str
) -> None:
    url = _url(tmp_path / "started.sqlite3")
    before = await _started_and_edited(url)

    loaded = run_bot(
        "--lang", "en", "kb", "load", shipped, cwd=tmp_path, env={"DATABASE_URL": url}
    )

    assert loaded.returncode == 0, loaded.stderr
    after = await _stored(url)
    assert after.places == before.places
    assert all(place.latitude is not None for place in after.places if place.geonames_id)
    assert after.agreements == before.agreements
    assert f"agreement {EDITED}" in loaded.stderr
    database = create_engine(url)
    try:
        async with session_factory(database)() as session:
            actors = (
                await session.scalars(
                    select(models.AuditEntryRow.actor).where(
                        models.AuditEntryRow.entity_key == EDITED
                    )
                )
            ).all()
    finally:
        await database.dispose()
    assert actors[-1] == EDITOR.actor


def test_loading_the_curated_folder_into_a_new_database_loads_its_hromadas_first(
    tmp_path: Path,
) -> None:
    env = {"DATABASE_URL": _url(tmp_path / "new.sqlite3")}

    loaded = run_bot("--lang", "en", "kb", "load", str(CURATED_DIR), cwd=tmp_path, env=env)
    stats = run_bot("--lang", "en", "kb", "stats", cwd=tmp_path, env=env)

    assert loaded.returncode == 0, loaded.stderr
    assert "no hromada has the code" not in loaded.stderr
    assert "14 agreements" in stats.stdout.splitlines()
