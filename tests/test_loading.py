"""Loading is validated, idempotent, audited and all-or-nothing."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.facts.documents import KnowledgeDocument
from knowledge.store import models
from knowledge.store.engines import session_factory, writing
from knowledge.store.exporting import export_document
from knowledge.store.loading import LoadError, LoadReport, load_document
from knowledge.store.rights import SystemWriter
from tests import factories


async def _load(engine: AsyncEngine, document: KnowledgeDocument) -> LoadReport:
    async with session_factory(engine)() as session, session.begin():
        return await load_document(session, document, writer=SystemWriter("test"))


async def _count(engine: AsyncEngine, model: type[models.Base]) -> int:
    async with session_factory(engine)() as session:
        return await session.scalar(select(func.count()).select_from(model)) or 0


async def _audit(engine: AsyncEngine) -> list[models.AuditEntryRow]:
    async with session_factory(engine)() as session:
        return list((await session.scalars(select(models.AuditEntryRow))).all())


async def test_loading_the_same_document_twice_changes_nothing(engine: AsyncEngine) -> None:
    document = factories.document()

    first = await _load(engine, document)
    audit_after_first = len(await _audit(engine))
    second = await _load(engine, document)

    assert first.created == {"source": 1, "hromada": 1, "place": 1, "agreement": 1}
    assert not second.changed
    assert second.unchanged == first.created
    assert len(await _audit(engine)) == audit_after_first


async def test_every_created_record_is_in_the_audit_log(engine: AsyncEngine) -> None:
    await _load(engine, factories.document())

    actual = {(entry.action, entry.entity, entry.entity_key) for entry in await _audit(engine)}

    assert actual == {
        ("create", "source", "test-letter"),
        ("create", "hromada", factories.HROMADA_CODE),
        ("create", "place", "sk-kosice"),
        ("create", "agreement", "test-agreement"),
    }


async def test_a_change_is_audited_with_what_was_there_before(engine: AsyncEngine) -> None:
    await _load(engine, factories.document())
    extended = factories.agreement(
        valid_until="2030",
        extensions=[{"extended_on": "2025", "term_years": 5, "source": "test-letter"}],
    )

    report = await _load(engine, factories.document(agreements=[extended]))

    assert report.updated == {"agreement": 1}
    change = next(entry for entry in await _audit(engine) if entry.action == "update")
    assert change.before is not None
    assert change.after is not None
    assert (change.before["valid_until"], change.after["valid_until"]) == (None, "2030")
    assert change.after["extensions"][0]["term_years"] == 5
    async with session_factory(engine)() as session:
        stored = (await export_document(session)).agreements
    assert stored == [extended]


async def test_a_document_with_unknown_references_writes_nothing(engine: AsyncEngine) -> None:
    broken = factories.document(
        agreements=[
            factories.agreement(place="nowhere"),
            factories.agreement("second", sources=[{"source": "no-such-letter"}]),
        ]
    )

    with pytest.raises(LoadError) as raised:
        await _load(engine, broken)

    assert [problem.render(str) for problem in raised.value.problems] == [
        "test-agreement: no place has the key nowhere",
        "second: no source has the key no-such-letter",
    ]
    assert await _count(engine, models.SourceRow) == 0
    assert await _count(engine, models.AuditEntryRow) == 0


async def test_a_failure_half_way_rolls_back_everything(sqlite_engine: AsyncEngine) -> None:
    async def load_then_fail() -> None:
        async with session_factory(sqlite_engine)() as session, session.begin():
            await load_document(session, factories.document(), writer=SystemWriter("test"))
            raise RuntimeError("interrupted")

    with pytest.raises(RuntimeError, match="interrupted"):
        await load_then_fail()

    assert await _count(sqlite_engine, models.AgreementRow) == 0
    assert await _count(sqlite_engine, models.AuditEntryRow) == 0


async def test_a_key_used_twice_in_one_document_is_refused(sqlite_engine: AsyncEngine) -> None:
    duplicated = factories.document(places=[factories.place(), factories.place()])

    with pytest.raises(LoadError, match="sk-kosice appears twice in the file"):
        await _load(sqlite_engine, duplicated)


async def test_facts_can_refer_to_records_loaded_earlier(sqlite_engine: AsyncEngine) -> None:
    await _load(sqlite_engine, factories.document())
    later = KnowledgeDocument(
        agreements=[factories.agreement("kosice-memorandum", kind="memorandum")]
    )

    report = await _load(sqlite_engine, later)

    assert report.created == {"agreement": 1}


async def test_a_new_key_for_a_stored_pair_is_refused_and_nothing_loaded(
    engine: AsyncEngine,
) -> None:
    await _load(engine, factories.document())
    second = KnowledgeDocument(
        agreements=[factories.agreement("kosice-again", notes={"en": "Again", "uk": "Знову"})]
    )

    with pytest.raises(
        LoadError, match="kosice-again: its pair is stored already as test-agreement"
    ):
        await _load(engine, second)
    assert await _count(engine, models.AgreementRow) == 1


async def test_two_loads_of_one_new_pair_at_once_store_it_once(engine: AsyncEngine) -> None:
    base = factories.document()
    await _load(engine, base.model_copy(update={"agreements": []}))

    async def write(key: str) -> LoadReport:
        async with session_factory(engine)() as session, writing(session):
            document = KnowledgeDocument(agreements=[factories.agreement(key)])
            return await load_document(session, document, writer=SystemWriter("test"))

    outcomes = await asyncio.gather(
        write("first-key"), write("second-key"), return_exceptions=True
    )

    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["LoadError", "LoadReport"]
    assert await _count(engine, models.AgreementRow) == 1
