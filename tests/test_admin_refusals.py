"""A refused admin action, whichever command or button led to it, is explained in the reader's
language, changes nothing, and ends what it refused."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.qa.engine import Engine
from tests.admin_support import audit_count
from tests.adminbot_support import (
    OTHER_EDITOR,
    SUPER_ADMIN,
    admin_harness,
    admin_services,
    button,
    grant_editor,
    last_buttons,
    stored,
)
from tests.bot_support import Harness, sent_texts

KOSICE = "kharkiv-kosice-cooperation-2023"
MENA = "UA74020030000069340"
ME = SUPER_ADMIN
CONFIRM = {"en": "Confirm", "uk": "Підтвердити"}
STATUS = {"en": "Status", "uk": "Статус"}
NOT_YOURS = {
    "en": "You may not edit this hromada's records. Nothing was changed.",
    "uk": "Ви не маєте права редагувати записи цієї громади. Нічого не змінено.",
}
OVERTAKEN = {
    "en": "Change #{id} cannot be undone: the record (agreement {key}) was changed since.",
    "uk": "Зміну №{id} не можна скасувати: запис (угода {key}) відтоді змінили.",
}
APOLOGIES = ("Sorry, something went wrong", "Вибачте, у мене щось пішло не так")
WAITING = {
    "en": "This preview is no longer waiting; nothing was changed.",
    "uk": "Цей перегляд уже не чекає на підтвердження; нічого не змінено.",
}


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _confirm_of_status_edit(admin: Harness, user: int, status: str, lang: str) -> str:
    """Walk /edit to the preview of a new status; the Confirm button's data."""
    calls = await admin.send(f"/edit {KOSICE}", chat_id=user, user_id=user, language_code=lang)
    calls = await admin.click(
        button(calls, STATUS[lang]), chat_id=user, user_id=user, language_code=lang
    )
    calls = await admin.send(status, chat_id=user, user_id=user, language_code=lang)
    return button(calls, CONFIRM[lang])


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_refused_confirm_says_why_in_the_readers_language_and_changes_nothing(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await grant_editor(seeded_engine, OTHER_EDITOR, MENA)
    confirm = await _confirm_of_status_edit(admin, OTHER_EDITOR, "suspended", lang)
    expected_records = await stored(seeded_engine)
    expected_audit = await audit_count(seeded_engine)

    calls = await admin.click(
        confirm, chat_id=OTHER_EDITOR, user_id=OTHER_EDITOR, language_code=lang
    )

    assert sent_texts(calls) == [NOT_YOURS[lang]]
    assert await stored(seeded_engine) == expected_records
    assert await audit_count(seeded_engine) == expected_audit
    # The refusal answered the preview: pressing Confirm again does nothing more.
    again = await admin.click(
        confirm, chat_id=OTHER_EDITOR, user_id=OTHER_EDITOR, language_code=lang
    )
    assert WAITING[lang] in [getattr(call, "text", None) for call in again]
    assert await stored(seeded_engine) == expected_records


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_refused_undo_says_why_in_the_readers_language_and_changes_nothing(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await admin.click(
        await _confirm_of_status_edit(admin, ME, "suspended", "en"), chat_id=ME, user_id=ME
    )
    (history,) = sent_texts(await admin.send(f"/history {KOSICE}", chat_id=ME, user_id=ME))
    overtaken_id = int(history.split()[0].lstrip("#"))
    await admin.click(
        await _confirm_of_status_edit(admin, ME, "terminated", "en"), chat_id=ME, user_id=ME
    )
    expected_records = await stored(seeded_engine)
    expected_audit = await audit_count(seeded_engine)

    calls = await admin.send(f"/undo {overtaken_id}", chat_id=ME, user_id=ME, language_code=lang)

    (reply,) = sent_texts(calls)
    assert reply.startswith(OVERTAKEN[lang].format(id=overtaken_id, key=KOSICE))
    assert not any(apology in reply for apology in APOLOGIES)
    assert last_buttons(calls) == []
    assert await stored(seeded_engine) == expected_records
    assert await audit_count(seeded_engine) == expected_audit
