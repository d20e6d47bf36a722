"""Admins add, edit and delete records; concurrent edits are caught, every write is audited."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin import editing
from knowledge.admin.common import FieldChange
from knowledge.admin.editing import (
    EditConflictError,
    MissingReferenceError,
    RecordInUseError,
    delete_record,
    load_for_edit,
    preview_changes,
    save_record,
    with_changes,
)
from knowledge.admin.history import recent_changes
from knowledge.facts.dates import PartialDate
from knowledge.facts.documents import AgreementDoc, AidDoc, PlaceDoc
from knowledge.facts.vocabulary import AgreementStatus
from knowledge.store import migrations
from knowledge.store.engines import create_engine
from tests import factories
from tests.admin_support import (
    SUPER_ADMIN,
    aid,
    audit_count,
    exported,
    person,
    seed,
    sessions,
)


@pytest.fixture
async def admin_engine(engine: AsyncEngine) -> AsyncEngine:
    await seed(engine)
    return engine


async def _agreement(engine: AsyncEngine) -> AgreementDoc:
    async with sessions(engine)() as session:
        doc = await load_for_edit(session, "agreement", "test-agreement")
    assert isinstance(doc, AgreementDoc)
    return doc


async def test_an_edit_is_saved_with_its_audit_entry(admin_engine: AsyncEngine) -> None:
    seen = await _agreement(admin_engine)
    edited = seen.model_copy(
        update={"valid_until": PartialDate(2028, 6), "status": AgreementStatus.SUSPENDED}
    )

    async with sessions(admin_engine)() as session:
        result = await save_record(session, edited, person(SUPER_ADMIN), seen)

    assert result.action == "update"
    assert result.changes == [
        FieldChange("status", "active", "suspended"),
        FieldChange("valid_until", None, "2028-06"),
    ]
    assert await _agreement(admin_engine) == edited
    async with sessions(admin_engine)() as session:
        [change] = await recent_changes(session, "agreement", "test-agreement", limit=1)
    assert change.id == result.change_id
    assert change.actor == f"telegram:{SUPER_ADMIN}"
    assert change.at.tzinfo is not None
    assert change.changes == result.changes


async def test_saving_what_is_already_stored_writes_nothing(admin_engine: AsyncEngine) -> None:
    seen = await _agreement(admin_engine)
    before = await audit_count(admin_engine)

    async with sessions(admin_engine)() as session:
        result = await save_record(session, seen, person(SUPER_ADMIN), seen)

    assert result.action is None
    assert await audit_count(admin_engine) == before


async def test_the_second_of_two_concurrent_edits_sees_what_changed(
    admin_engine: AsyncEngine,
) -> None:
    first_saw = await _agreement(admin_engine)
    second_saw = await _agreement(admin_engine)
    async with sessions(admin_engine)() as session:
        await save_record(
            session,
            first_saw.model_copy(update={"term_years": 5}),
            person(SUPER_ADMIN),
            first_saw,
        )

    async with sessions(admin_engine)() as session:
        with pytest.raises(EditConflictError) as conflict:
            await save_record(
                session,
                second_saw.model_copy(update={"status": AgreementStatus.TERMINATED}),
                person(SUPER_ADMIN),
                second_saw,
            )

    assert conflict.value.changes == [FieldChange("term_years", None, 5)]
    actual = await _agreement(admin_engine)
    assert (actual.term_years, actual.status) == (5, AgreementStatus.ACTIVE)


async def test_adding_a_record_someone_else_just_added_is_a_conflict(
    admin_engine: AsyncEngine,
) -> None:
    new_place = factories.place("pl-rzeszow", name={"uk": "Ряшів", "en": "Rzeszów"})
    async with sessions(admin_engine)() as session:
        await save_record(session, new_place, person(SUPER_ADMIN), None)
        with pytest.raises(EditConflictError) as conflict:
            await save_record(
                session, new_place.model_copy(update={"country": "CZ"}), person(SUPER_ADMIN), None
            )

    assert FieldChange("country", None, "SK") in conflict.value.changes


async def test_a_new_aid_record_with_an_unknown_source_is_refused(
    admin_engine: AsyncEngine,
) -> None:
    before = await exported(admin_engine)
    entries = await audit_count(admin_engine)

    async with sessions(admin_engine)() as session:
        with pytest.raises(MissingReferenceError) as missing:
            await save_record(
                session,
                aid("new-aid", sources=[{"source": "no-such-letter"}]),
                person(SUPER_ADMIN),
                None,
            )

    assert (missing.value.entity, missing.value.key) == ("source", "no-such-letter")
    assert await exported(admin_engine) == before
    assert await audit_count(admin_engine) == entries


async def test_a_failing_audit_rolls_the_edit_back(
    admin_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = await _agreement(admin_engine)
    before = await exported(admin_engine)

    async def broken_audit(*_args: Any, **_kwargs: Any) -> int:
        raise RuntimeError("the audit log is unavailable")

    monkeypatch.setattr(editing, "add_entry_now", broken_audit)
    async with sessions(admin_engine)() as session:
        with pytest.raises(RuntimeError):
            await save_record(
                session, seen.model_copy(update={"term_years": 9}), person(SUPER_ADMIN), seen
            )

    assert await exported(admin_engine) == before


@pytest.mark.parametrize(("entity", "key"), [("place", "sk-kosice"), ("source", "test-letter")])
async def test_a_place_or_source_still_in_use_is_not_deleted(
    admin_engine: AsyncEngine, entity: str, key: str
) -> None:
    before = await exported(admin_engine)
    async with sessions(admin_engine)() as session:
        seen = await load_for_edit(session, entity, key)
        with pytest.raises(RecordInUseError) as in_use:
            await delete_record(session, entity, key, person(SUPER_ADMIN), seen)

    assert in_use.value.used_by == [("agreement", "test-agreement"), ("aid", "test-aid")]
    assert await exported(admin_engine) == before


async def test_a_deletion_is_audited_with_the_whole_record(admin_engine: AsyncEngine) -> None:
    async with sessions(admin_engine)() as session:
        seen = await load_for_edit(session, "aid", "test-aid")
        assert isinstance(seen, AidDoc)
        result = await delete_record(session, "aid", "test-aid", person(SUPER_ADMIN), seen)
        [change] = await recent_changes(session, "aid", "test-aid", limit=1)

    assert result.action == "delete"
    assert change.action == "delete"
    assert FieldChange("sources.1.quote", "three generators", None) in change.changes
    assert (await exported(admin_engine)).aid == []


async def test_deleting_a_record_changed_meanwhile_is_a_conflict(
    admin_engine: AsyncEngine,
) -> None:
    seen = await _agreement(admin_engine)
    async with sessions(admin_engine)() as session:
        await save_record(
            session, with_changes(seen, areas=["culture"]), person(SUPER_ADMIN), seen
        )
        with pytest.raises(EditConflictError) as conflict:
            await delete_record(session, "agreement", seen.key, person(SUPER_ADMIN), seen)

    assert conflict.value.changes == [FieldChange("areas", [], ["culture"])]
    assert len((await exported(admin_engine)).agreements) == 1


def test_the_preview_lists_every_changed_field_in_order() -> None:
    before = factories.place()
    after = PlaceDoc.model_validate(
        before.model_dump() | {"name_local": "Kaschau", "aliases": ["Kassa"]}
    )

    assert preview_changes(before, after) == [
        FieldChange("name_local", "Košice", "Kaschau"),
        FieldChange("aliases", [], ["Kassa"]),
    ]
    assert editing.fingerprint(before) != editing.fingerprint(after)


def test_an_invalid_edit_is_refused_before_anything_is_written() -> None:
    with pytest.raises(ValidationError):
        with_changes(factories.agreement(), status="forgotten")


async def test_simultaneous_saves_on_postgresql_cannot_both_win(postgres: str) -> None:
    engine = create_engine(postgres)
    try:
        await migrations.upgrade(engine)
        await seed(engine)
        seen = await _agreement(engine)

        async def save(**changes: Any) -> object:
            async with sessions(engine)() as session:
                return await save_record(
                    session, with_changes(seen, **changes), person(SUPER_ADMIN), seen
                )

        outcomes = await asyncio.gather(
            save(term_years=5), save(status="terminated"), return_exceptions=True
        )

        conflicts = [item for item in outcomes if isinstance(item, EditConflictError)]
        saved = [item for item in outcomes if isinstance(item, editing.SaveResult)]
        assert (len(conflicts), len(saved)) == (1, 1)
        assert (await _agreement(engine)) != seen
    finally:
        await engine.dispose()


async def test_simultaneous_additions_of_one_key_on_postgresql_add_it_once(
    postgres: str,
) -> None:
    engine = create_engine(postgres)
    try:
        await migrations.upgrade(engine)
        await seed(engine)

        async def add(country: str) -> object:
            async with sessions(engine)() as session:
                return await save_record(
                    session,
                    factories.place("pl-rzeszow", country=country),
                    person(SUPER_ADMIN),
                    None,
                )

        outcomes = await asyncio.gather(add("PL"), add("CZ"), return_exceptions=True)

        conflicts = [item for item in outcomes if isinstance(item, EditConflictError)]
        saved = [item for item in outcomes if isinstance(item, editing.SaveResult)]
        assert (len(conflicts), len(saved)) == (1, 1)
        assert [change.field for change in conflicts[0].changes][:2] == ["key", "name.uk"]
    finally:
        await engine.dispose()
