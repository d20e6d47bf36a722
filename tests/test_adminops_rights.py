"""/import Apply through the real Dispatcher for every role, and refused on stored records.

Each role writes its own hromada's rows: super-admin, all-hromada editor, one-hromada
editor. An editor of another hromada who reuses a Kharkiv record's key is refused, and
Kharkiv's record stays as it was.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import AsyncIterator, Sequence

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin.common import Admin
from knowledge.admin.editing import save_record, with_changes
from knowledge.interchange import export_agreements_csv
from knowledge.qa.engine import Engine
from knowledge.store.engines import session_factory
from tests.adminops_support import (
    EDITOR,
    KHARKIV,
    SUPER_ADMIN,
    FileHarness,
    admin_services,
    file_harness,
    grant_editor,
    stored,
)
from tests.bot_support import keyboard_buttons, sent_texts

MENA = "UA74020030000069340"
SHEET = (
    b"hromada,partner_city,partner_country,kind,status,signed_on,source_title\n"
    b"Kharkiv,Jelgava,Latvia,twinning,active,2019-05,Council decision\n"
)
DONE = {
    "en": "Imported: 3 new, 0 changed, 0 unchanged.",
    "uk": "Імпортовано: нових — 3, змінених — 0, без змін — 0.",
}


@pytest.fixture
async def admins(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[FileHarness]:
    driven = file_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


def _apply_button(calls: Sequence[object]) -> str:
    for call in reversed(calls):
        buttons = keyboard_buttons(getattr(call, "reply_markup", None))
        if buttons:
            data = buttons[0][1]
            assert data is not None
            return data
    raise AssertionError("no Apply button")


ROLES = {
    "super-admin": (SUPER_ADMIN, None),
    "all-hromada editor": (EDITOR, None),
    "one-hromada editor": (EDITOR, KHARKIV),
}


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("role", list(ROLES))
async def test_every_role_applies_an_import_of_its_hromada(
    admins: FileHarness, seeded_engine: AsyncEngine, role: str, lang: str
) -> None:
    user_id, hromada = ROLES[role]
    if user_id != SUPER_ADMIN:
        await grant_editor(seeded_engine, user_id, hromada)
    preview = await admins.send_document(
        SHEET, "partners.csv", user_id=user_id, language_code=lang
    )

    applied = await admins.click(
        _apply_button(preview), chat_id=user_id, user_id=user_id, language_code=lang
    )

    assert sent_texts(applied)[-1] == DONE[lang]
    new = [doc for doc in (await stored(seeded_engine)).agreements if doc.place == "lv-jelgava"]
    assert [doc.hromada for doc in new] == [KHARKIV]


async def _kharkiv_row_named_as_mena(engine: AsyncEngine) -> tuple[str, bytes, bytes]:
    async with session_factory(engine)() as session:
        text = await export_agreements_csv(session)
    rows = [row for row in csv.DictReader(io.StringIO(text)) if row["hromada"] == KHARKIV]
    row = rows[0] | {"hromada": MENA, "notes": "Тепер Менська"}
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(row))
    writer.writeheader()
    writer.writerow(row)
    document = await stored(engine)
    (agreement,) = [doc for doc in document.agreements if doc.key == row["key"]]
    moved = agreement.model_dump(mode="json") | {"hromada": MENA}
    return row["key"], out.getvalue().encode(), json.dumps({"agreements": [moved]}).encode()


@pytest.mark.parametrize("kind", ["csv", "json"])
async def test_an_editor_of_another_hromada_cannot_take_a_record_by_its_key(
    admins: FileHarness, seeded_engine: AsyncEngine, kind: str
) -> None:
    await grant_editor(seeded_engine, EDITOR, MENA)
    key, sheet, document = await _kharkiv_row_named_as_mena(seeded_engine)
    before = await stored(seeded_engine)
    preview = await admins.send_document(
        sheet if kind == "csv" else document, f"rows.{kind}", user_id=EDITOR
    )

    # Refused in the preview, before anything is offered to apply.
    assert f"{key}: only an editor of Kharkiv may write it" in sent_texts(preview)[0]
    assert not any(keyboard_buttons(getattr(call, "reply_markup", None)) for call in preview)
    assert await stored(seeded_engine) == before


async def test_an_editor_of_one_hromada_sees_only_its_history(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, EDITOR, MENA)
    await grant_editor(seeded_engine, EDITOR + 1, KHARKIV)
    preview = await admins.send_document(SHEET, "partners.csv", user_id=SUPER_ADMIN)
    await admins.click(_apply_button(preview), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)

    everything = "\n".join(sent_texts(await admins.send("/history", user_id=SUPER_ADMIN)))
    own = "\n".join(sent_texts(await admins.send("/history", user_id=EDITOR)))

    assert "lv-jelgava" in everything
    assert str(EDITOR + 1) in everything
    assert "lv-jelgava" not in own
    assert str(EDITOR + 1) not in own


async def test_undo_offers_an_editor_the_latest_change_of_their_hromada(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)
    document = await stored(seeded_engine)
    kharkiv = next(doc for doc in document.agreements if doc.hromada == KHARKIV)
    other = next(doc for doc in document.agreements if doc.hromada != KHARKIV)
    for doc, user_id in ((kharkiv, EDITOR), (other, SUPER_ADMIN)):
        async with session_factory(seeded_engine)() as session:
            await save_record(
                session, with_changes(doc, term_years=9), Admin(user_id, (SUPER_ADMIN,)), doc
            )

    calls = await admins.send("/undo", user_id=EDITOR)

    (text,) = sent_texts(calls)
    assert kharkiv.key in text
    assert other.key not in text
    assert keyboard_buttons(calls[-1].reply_markup) != []  # type: ignore[attr-defined]
