"""Rights are decided on what is stored as well as on what is written, by every write.

An editor of one hromada cannot reach another hromada's records through a file that reuses
their keys, through a shared place or source only the other hromada cites, or through undo;
and every role writes what it holds: super-admin, all-hromada editor, one-hromada editor.
"""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin import permissions
from knowledge.admin.common import Admin
from knowledge.admin.editing import (
    delete_record,
    load_for_edit,
    save_record,
    with_changes,
)
from knowledge.admin.history import recent_changes, undo
from knowledge.admin.permissions import PermissionDeniedError
from knowledge.facts.documents import AgreementDoc, Bilingual, KnowledgeDocument
from knowledge.facts.messages import ImportRejectedError
from knowledge.interchange import apply_import, export_agreements_csv, read_import
from knowledge.store.loading import load_document
from tests import factories
from tests.admin_support import (
    EDITOR,
    SUPER_ADMIN,
    aid,
    base_document,
    exported,
    person,
    seed,
    sessions,
)

KHARKIV = factories.HROMADA_CODE
MENA = "UA74020030000069340"


@pytest.fixture
async def admin_engine(engine: AsyncEngine) -> AsyncEngine:
    document = base_document()
    document.hromadas.append(
        factories.hromada(MENA, name_uk="Менська", name_en="Menska", center_en="Mena")
    )
    await seed(engine, document)
    return engine


async def _grant(engine: AsyncEngine, user_id: int, hromada: str | None) -> Admin:
    async with sessions(engine)() as session:
        await permissions.grant(session, person(SUPER_ADMIN), user_id, hromada)
    return person(user_id)


async def _csv_moving_kharkivs_agreement(engine: AsyncEngine) -> bytes:
    """The exported agreements sheet, with Kharkiv's agreement named as the other hromada's."""
    async with sessions(engine)() as session:
        text = await export_agreements_csv(session)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["key"] for row in rows] == ["test-agreement"]
    rows[0]["hromada"] = MENA
    rows[0]["notes"] = "Тепер наша"
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _json_moving_kharkivs_agreement(stored: KnowledgeDocument) -> bytes:
    moved = with_changes(stored.agreements[0], hromada=MENA)
    return KnowledgeDocument(agreements=[moved]).model_dump_json().encode()


@pytest.mark.parametrize("kind", ["csv", "json"])
async def test_another_hromadas_editor_cannot_take_a_record_by_reusing_its_key(
    admin_engine: AsyncEngine, kind: str
) -> None:
    other_editor = await _grant(admin_engine, EDITOR, MENA)
    before = await exported(admin_engine)
    if kind == "csv":
        data = await _csv_moving_kharkivs_agreement(admin_engine)
    else:
        data = _json_moving_kharkivs_agreement(before)
    parsed = read_import(data, f"rows.{kind}")
    assert parsed.rejected == []

    async with sessions(admin_engine)() as session:
        with pytest.raises(ImportRejectedError) as refused:
            await apply_import(session, parsed, writer=other_editor)
    if kind == "csv":
        # Applying the rows that are not refused leaves Kharkiv's record alone too.
        async with sessions(admin_engine)() as session:
            await apply_import(session, parsed, writer=other_editor, skip_rejected=True)

    (problem,) = refused.value.problems
    assert problem.render(str).endswith("only an editor of Kharkiv may write it")
    assert await exported(admin_engine) == before


async def test_another_hromadas_editor_cannot_rename_a_place_only_kharkiv_cites(
    admin_engine: AsyncEngine,
) -> None:
    other_editor = await _grant(admin_engine, EDITOR, MENA)
    before = await exported(admin_engine)
    async with sessions(admin_engine)() as session:
        seen = await load_for_edit(session, "place", "sk-kosice")
    assert seen is not None
    renamed = with_changes(seen, name=Bilingual(uk="Кошиці", en="Kosice"))

    async with sessions(admin_engine)() as session:
        with pytest.raises(PermissionDeniedError):
            await save_record(session, renamed, other_editor, seen)

    assert await exported(admin_engine) == before


async def test_another_hromadas_editor_cannot_relink_a_source_only_kharkiv_cites(
    admin_engine: AsyncEngine,
) -> None:
    other_editor = await _grant(admin_engine, EDITOR, MENA)
    before = await exported(admin_engine)
    async with sessions(admin_engine)() as session:
        seen = await load_for_edit(session, "source", "test-letter")
    assert seen is not None
    relinked = with_changes(seen, url="https://example.org/elsewhere")

    async with sessions(admin_engine)() as session:
        with pytest.raises(PermissionDeniedError):
            await save_record(session, relinked, other_editor, seen)
        with pytest.raises(ImportRejectedError):
            await apply_import(
                session,
                read_import(
                    KnowledgeDocument(sources=[relinked]).model_dump_json().encode(), "s.json"
                ),
                writer=other_editor,
            )
    # The write layer refuses it too, whoever calls it without a plan.
    async with sessions(admin_engine)() as session:
        with pytest.raises(PermissionDeniedError):
            await load_document(
                session, KnowledgeDocument(sources=[relinked]), writer=other_editor, batch="b"
            )

    assert await exported(admin_engine) == before


async def test_another_hromadas_editor_cannot_undo_kharkivs_change(
    admin_engine: AsyncEngine,
) -> None:
    async with sessions(admin_engine)() as session:
        seen = await load_for_edit(session, "place", "sk-kosice")
        assert seen is not None
        result = await save_record(
            session, with_changes(seen, aliases=["Kassa"]), person(SUPER_ADMIN), seen
        )
    other_editor = await _grant(admin_engine, EDITOR, MENA)
    before = await exported(admin_engine)

    async with sessions(admin_engine)() as session:
        with pytest.raises(PermissionDeniedError):
            await undo(session, other_editor, change_id=result.change_id)

    assert await exported(admin_engine) == before


ROLES = {
    "super-admin": (SUPER_ADMIN, None),
    "all-hromada editor": (EDITOR, None),
    "one-hromada editor": (EDITOR, KHARKIV),
}


async def _actor(engine: AsyncEngine, role: str) -> Admin:
    user_id, hromada = ROLES[role]
    if user_id == SUPER_ADMIN:
        return person(SUPER_ADMIN)
    return await _grant(engine, user_id, hromada)


@pytest.mark.parametrize("role", list(ROLES))
async def test_every_role_edits_deletes_and_undoes_its_hromadas_records(
    admin_engine: AsyncEngine, role: str
) -> None:
    actor = await _actor(admin_engine, role)
    async with sessions(admin_engine)() as session:
        agreement = await load_for_edit(session, "agreement", "test-agreement")
        place = await load_for_edit(session, "place", "sk-kosice")
        stored_aid = await load_for_edit(session, "aid", "test-aid")
    assert isinstance(agreement, AgreementDoc)
    assert place is not None

    async with sessions(admin_engine)() as session:
        edited = await save_record(
            session, with_changes(agreement, term_years=7), actor, agreement
        )
    async with sessions(admin_engine)() as session:
        renamed = await save_record(session, with_changes(place, aliases=["Kassa"]), actor, place)
    async with sessions(admin_engine)() as session:
        deleted = await delete_record(session, "aid", "test-aid", actor, stored_aid)
    async with sessions(admin_engine)() as session:
        await undo(session, actor, change_id=deleted.change_id)
        await undo(session, actor, change_id=renamed.change_id)

    after = await exported(admin_engine)
    assert edited.change_id is not None
    assert after.agreements[0].term_years == 7
    assert after.places[0].aliases == []
    assert after.aid == [aid()]


@pytest.mark.parametrize("role", list(ROLES))
async def test_every_role_imports_its_hromadas_rows(admin_engine: AsyncEngine, role: str) -> None:
    actor = await _actor(admin_engine, role)
    sheet = "\n".join(
        [
            "hromada,partner_city,partner_country,kind,status,signed_on,source_title",
            f"{KHARKIV},Jelgava,LV,twinning,active,2019-05,Council decision",
        ]
    )

    async with sessions(admin_engine)() as session:
        report = await apply_import(session, read_import(sheet.encode(), "rows.csv"), writer=actor)

    assert report.load.created["agreement"] == 1
    assert {doc.hromada for doc in (await exported(admin_engine)).agreements} == {KHARKIV}
    async with sessions(admin_engine)() as session:
        [change] = await recent_changes(session, "agreement", limit=1)
    assert change.actor == actor.actor


async def test_a_one_hromada_editor_sees_only_their_hromadas_changes(
    admin_engine: AsyncEngine,
) -> None:
    kharkiv_editor = await _grant(admin_engine, EDITOR, KHARKIV)
    await _grant(admin_engine, EDITOR + 1, MENA)
    other = factories.agreement("other-agreement", hromada=MENA)
    async with sessions(admin_engine)() as session:
        await save_record(session, other, person(SUPER_ADMIN), None)

    async with sessions(admin_engine)() as session:
        everything = await recent_changes(session, limit=50)
        own = await recent_changes(session, limit=50, viewer=kharkiv_editor)

    assert ("agreement", "other-agreement") in {(c.entity, c.key) for c in everything}
    assert ("editor", f"{EDITOR + 1}:{MENA}") in {(c.entity, c.key) for c in everything}
    seen = {(c.entity, c.key) for c in own}
    assert ("agreement", "test-agreement") in seen
    assert ("aid", "test-aid") in seen
    assert ("agreement", "other-agreement") not in seen
    assert ("hromada", MENA) not in seen
    assert not [c for c in own if c.entity == "editor" and not c.key.startswith(f"{EDITOR}:")]
