"""Undo puts the knowledge base back exactly as it was, and refuses if the record moved on."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin import permissions
from knowledge.admin.common import FieldChange
from knowledge.admin.editing import (
    delete_record,
    load_for_edit,
    save_record,
    with_changes,
)
from knowledge.admin.history import (
    UndoRefusal,
    UndoRefusedError,
    audit_since,
    recent_changes,
    undo,
)
from knowledge.admin.permissions import PermissionDeniedError
from knowledge.facts.documents import AgreementDoc
from knowledge.store import models
from tests import factories
from tests.admin_support import (
    EDITOR,
    OTHER_HROMADA,
    SUPER_ADMIN,
    aid,
    exported,
    person,
    seed,
    sessions,
)


@pytest.fixture
async def admin_engine(engine: AsyncEngine) -> AsyncEngine:
    await seed(engine)
    return engine


async def _edit_agreement(engine: AsyncEngine, **changes: object) -> int:
    async with sessions(engine)() as session:
        seen = await load_for_edit(session, "agreement", "test-agreement")
        assert isinstance(seen, AgreementDoc)
        result = await save_record(
            session, with_changes(seen, **changes), person(SUPER_ADMIN), seen
        )
    assert result.change_id is not None
    return result.change_id


async def test_undoing_an_edit_restores_the_record_exactly(admin_engine: AsyncEngine) -> None:
    expected = await exported(admin_engine)
    change_id = await _edit_agreement(
        admin_engine, status="suspended", areas=["culture", "youth"], valid_until="2027-05-01"
    )

    async with sessions(admin_engine)() as session:
        report = await undo(session, person(SUPER_ADMIN), change_id=change_id)
        [latest] = await recent_changes(session, limit=1)

    assert await exported(admin_engine) == expected
    assert [(item.entity, item.key, item.undone_action) for item in report.restored] == [
        ("agreement", "test-agreement", "update")
    ]
    assert latest.action == "undo"
    assert FieldChange("status", "suspended", "active") in latest.changes


async def test_undoing_a_creation_removes_the_record(admin_engine: AsyncEngine) -> None:
    expected = await exported(admin_engine)
    async with sessions(admin_engine)() as session:
        created = await save_record(session, aid("new-aid"), person(SUPER_ADMIN), None)
        assert created.change_id is not None

        await undo(session, person(SUPER_ADMIN), change_id=created.change_id)

    assert await exported(admin_engine) == expected


async def test_undoing_a_deletion_brings_back_the_record_with_its_links(
    admin_engine: AsyncEngine,
) -> None:
    expected = await exported(admin_engine)
    async with sessions(admin_engine)() as session:
        seen = await load_for_edit(session, "agreement", "test-agreement")
        deleted = await delete_record(
            session, "agreement", "test-agreement", person(SUPER_ADMIN), seen
        )
        assert deleted.change_id is not None
        assert (await exported(admin_engine)).agreements == []

        await undo(session, person(SUPER_ADMIN), change_id=deleted.change_id)

    actual = await exported(admin_engine)
    assert actual == expected
    assert actual.agreements[0].sources == expected.agreements[0].sources


async def test_undoing_an_import_restores_everything_before_it(admin_engine: AsyncEngine) -> None:
    expected = await exported(admin_engine)
    imported = factories.document(
        sources=[factories.source("second-letter")],
        hromadas=[],
        places=[factories.place("cz-brno", name={"uk": "Брно", "en": "Brno"}, country="CZ")],
        agreements=[
            factories.agreement("brno-agreement", place="cz-brno"),
            factories.agreement(term_years=10, sources=[{"source": "second-letter"}]),
        ],
    )
    await seed(admin_engine, imported)
    async with sessions(admin_engine)() as session:
        batch = (await recent_changes(session, limit=1))[0].batch
        assert batch is not None

        report = await undo(session, person(SUPER_ADMIN), batch=batch)

    assert [item.undone_action for item in report.restored] == [
        "update",
        "create",
        "create",
        "create",
    ]
    assert await exported(admin_engine) == expected


async def test_an_undo_can_itself_be_undone(admin_engine: AsyncEngine) -> None:
    change_id = await _edit_agreement(admin_engine, term_years=7)
    edited = await exported(admin_engine)
    async with sessions(admin_engine)() as session:
        await undo(session, person(SUPER_ADMIN), change_id=change_id)
        [undo_entry] = await recent_changes(session, limit=1)

        await undo(session, person(SUPER_ADMIN), change_id=undo_entry.id)

    assert await exported(admin_engine) == edited


async def test_a_record_changed_since_is_not_undone(admin_engine: AsyncEngine) -> None:
    first = await _edit_agreement(admin_engine, term_years=7)
    await _edit_agreement(admin_engine, status="terminated")
    expected = await exported(admin_engine)

    async with sessions(admin_engine)() as session:
        with pytest.raises(UndoRefusedError) as refused:
            await undo(session, person(SUPER_ADMIN), change_id=first)

    assert refused.value.refusal is UndoRefusal.CHANGED_SINCE
    assert refused.value.changes == [FieldChange("status", "active", "terminated")]
    assert await exported(admin_engine) == expected


async def test_a_batch_is_undone_entirely_or_not_at_all(admin_engine: AsyncEngine) -> None:
    await seed(
        admin_engine,
        factories.document(
            sources=[],
            hromadas=[],
            places=[factories.place("cz-brno", country="CZ")],
            agreements=[factories.agreement("brno-agreement", place="cz-brno")],
        ),
    )
    async with sessions(admin_engine)() as session:
        batch = (await recent_changes(session, limit=1))[0].batch
    # The place the import added is changed afterwards, so the batch cannot be fully undone.
    async with sessions(admin_engine)() as session:
        place = await load_for_edit(session, "place", "cz-brno")
        assert place is not None
        await save_record(
            session, with_changes(place, name_local="Brünn"), person(SUPER_ADMIN), place
        )
    expected = await exported(admin_engine)

    async with sessions(admin_engine)() as session:
        with pytest.raises(UndoRefusedError):
            await undo(session, person(SUPER_ADMIN), batch=batch)

    assert await exported(admin_engine) == expected


async def test_an_editor_cannot_undo_another_hromadas_change(admin_engine: AsyncEngine) -> None:
    change_id = await _edit_agreement(admin_engine, term_years=7)
    expected = await exported(admin_engine)
    async with sessions(admin_engine)() as session:
        await permissions.grant(session, person(SUPER_ADMIN), EDITOR, OTHER_HROMADA)

        with pytest.raises(PermissionDeniedError):
            await undo(session, person(EDITOR), change_id=change_id)

    assert await exported(admin_engine) == expected


async def test_editor_rights_are_not_undone_by_undo(admin_engine: AsyncEngine) -> None:
    async with sessions(admin_engine)() as session:
        await permissions.grant(session, person(SUPER_ADMIN), EDITOR)
        [grant] = await recent_changes(session, entity="editor", limit=1)

        with pytest.raises(UndoRefusedError) as refused:
            await undo(session, person(SUPER_ADMIN), change_id=grant.id)
        editors = await session.scalars(select(models.EditorRow.user_id))

        assert refused.value.refusal is UndoRefusal.NOT_UNDOABLE
        assert list(editors) == [EDITOR]


async def test_the_audit_since_an_entry_comes_oldest_first(admin_engine: AsyncEngine) -> None:
    async with sessions(admin_engine)() as session:
        [newest] = await recent_changes(session, limit=1)
    first = await _edit_agreement(admin_engine, term_years=7)
    second = await _edit_agreement(admin_engine, term_years=8)

    async with sessions(admin_engine)() as session:
        actual = [change.id for change in await audit_since(session, newest.id)]

    assert actual == [first, second]
