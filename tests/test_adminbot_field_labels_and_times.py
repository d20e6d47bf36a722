"""An editor reads fields by their labels and times in Kyiv time: an /edit refusal names
«Примітки українською», not "notes.uk"; /history says when in Kyiv, not in UTC."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator

import pytest
from babel.dates import format_datetime
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.facts.dates import KYIV
from knowledge.qa.engine import Engine
from tests.adminbot_support import SUPER_ADMIN, admin_harness, admin_services, button
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
KOSICE = "kharkiv-kosice-cooperation-2023"
NOTES_FIELD = {"en": "Notes", "uk": "Примітки"}
LONG_NOTE = {"en": "Renewed. " * 278, "uk": "Продовжено. " * 209}
CONFIRM = {"en": "Confirm", "uk": "Підтвердити"}
TYPED_NOTE = {"en": "Renewed at the forum in Lublin.", "uk": "Продовжено на форумі в Любліні."}
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


def _kyiv_minutes(start: dt.datetime, end: dt.datetime, lang: str) -> set[str]:
    minutes = {start, end, start.replace(second=0) + dt.timedelta(minutes=1)}
    return {
        format_datetime(moment, "d MMM y, HH:mm", tzinfo=KYIV, locale=lang)
        for moment in minutes
        if moment <= end
    }


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_history_says_when_a_change_was_made_in_kyiv_time(admin: Harness, lang: str) -> None:
    start = dt.datetime.now(dt.UTC)
    calls = await admin.send(f"/edit {KOSICE}", chat_id=ME, user_id=ME, language_code=lang)
    calls = await admin.click(button(calls, NOTES_FIELD[lang]), chat_id=ME, user_id=ME)
    calls = await admin.send(TYPED_NOTE[lang], chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME)
    end = dt.datetime.now(dt.UTC)

    calls = await admin.send("/history", chat_id=ME, user_id=ME, language_code=lang)
    newest = sent_texts(calls)[0]
    assert any(when in newest for when in _kyiv_minutes(start, end, lang)), newest
