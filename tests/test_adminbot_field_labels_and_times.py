"""An editor reads fields by their labels and times in Kyiv time: an /edit refusal names
«Примітки українською», not "notes.uk"."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.qa.engine import Engine
from tests.adminbot_support import SUPER_ADMIN, admin_harness, admin_services, button
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
KOSICE = "kharkiv-kosice-cooperation-2023"
NOTES_FIELD = {"en": "Notes", "uk": "Примітки"}
LONG_NOTE = {"en": "Renewed. " * 278, "uk": "Продовжено. " * 209}
TOO_LONG = {
    "en": "Notes in English is too long: at most 2,000 characters",
    "uk": "Примітки українською: задовгий текст — щонайбільше 2\N{NO-BREAK SPACE}000 символів",
}


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_an_edited_note_too_long_is_refused_naming_the_field_by_its_label(
    admin: Harness, lang: str
) -> None:
    calls = await admin.send(f"/edit {KOSICE}", chat_id=ME, user_id=ME, language_code=lang)
    calls = await admin.click(button(calls, NOTES_FIELD[lang]), chat_id=ME, user_id=ME)
    calls = await admin.send(LONG_NOTE[lang], chat_id=ME, user_id=ME, language_code=lang)

    refusal = " ".join(sent_texts(calls))
    assert TOO_LONG[lang] in refusal, refusal
    assert "notes" not in refusal
