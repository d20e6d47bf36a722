"""A record and the new place and source it brings along are saved all together or not at all."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin.editing import save_record
from knowledge.facts.documents import AgreementDoc
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus
from knowledge.qa.engine import Engine
from knowledge.store.engines import session_factory
from tests.admin_support import audit_count, person
from tests.adminbot_support import (
    KHARKIV,
    OTHER_EDITOR,
    SUPER_ADMIN,
    admin_harness,
    admin_services,
    button,
    grant_editor,
    stored,
)
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
NEW_KEY = "kharkivska-nove-misto-memorandum-2024"
LINE = "Харків | Нове Місто | SK | memorandum | active | 2024 | https://example.org/news/new"
CONFIRM = {"en": "Confirm", "uk": "Підтвердити"}
CONFLICT = {"en": "Someone changed this record", "uk": "Хтось змінив цей запис"}


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _added_meanwhile(engine: AsyncEngine) -> None:
    """Another editor adds an agreement under the same key, with a place that already exists."""
    await grant_editor(engine, OTHER_EDITOR)
    known = (await stored(engine)).agreements[0]
    other = AgreementDoc(
        key=NEW_KEY,
        hromada=KHARKIV,
        place=known.place,
        kind=AgreementKind.MEMORANDUM,
        status=AgreementStatus.ACTIVE,
        sources=known.sources,
    )
    async with session_factory(engine)() as session:
        await save_record(session, other, person(OTHER_EDITOR), None)


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_refused_agreement_leaves_no_new_place_source_or_audit_entry(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    calls = await admin.send(f"/add_agreement {LINE}", chat_id=ME, user_id=ME, language_code=lang)
    await _added_meanwhile(seeded_engine)
    expected = await stored(seeded_engine)
    expected_audit = await audit_count(seeded_engine)

    calls = await admin.click(
        button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang
    )

    (reply,) = sent_texts(calls)
    assert CONFLICT[lang] in reply
    actual = await stored(seeded_engine)
    assert "sk-nove-misto" not in {place.key for place in actual.places}
    assert not any(source.url == "https://example.org/news/new" for source in actual.sources)
    assert actual == expected
    assert await audit_count(seeded_engine) == expected_audit


async def test_the_agreement_with_its_new_place_and_source_is_saved_and_undone_as_one(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    expected = await stored(seeded_engine)
    calls = await admin.send(f"/add_agreement {LINE}", chat_id=ME, user_id=ME)
    (reply,) = sent_texts(await admin.click(button(calls, "Confirm"), chat_id=ME, user_id=ME))
    change = re.search(r"#(\d+)", reply)
    assert change is not None, reply
    saved = await stored(seeded_engine)
    assert NEW_KEY in {agreement.key for agreement in saved.agreements}
    assert "sk-nove-misto" in {place.key for place in saved.places}

    calls = await admin.send(f"/undo {change[1]}", chat_id=ME, user_id=ME)
    await admin.click(button(calls, "Confirm"), chat_id=ME, user_id=ME)

    assert await stored(seeded_engine) == expected
