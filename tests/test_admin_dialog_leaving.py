"""Stepping outside an editing dialog: /help answers and asks the dialog's question again, and
a new dialog begun in the middle of one says that the first is dropped, in both languages."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.qa.engine import Engine
from tests.admin_support import audit_count
from tests.adminbot_support import (
    SUPER_ADMIN,
    admin_harness,
    admin_services,
    button,
    last_buttons,
    stored,
)
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
FOR_EDITORS = {"en": "For editors:", "uk": "Для редакторів:"}
STATUS_QUESTION = {"en": "Its status?", "uk": "Її статус?"}
ACTIVE = {"en": "Active", "uk": "Чинна"}
SIGNED_QUESTION = {"en": "When was it signed?", "uk": "Коли її підписано?"}
NEW_VALUE = {"en": "The new value of Signed? Now: 2023", "uk": "Нове значення поля Підписано?"}
SIGNED = {"en": "Signed", "uk": "Підписано"}
DROPPED = {
    "en": "The unfinished agreement is dropped; nothing of it was saved.",
    "uk": "Незавершений запис (угода) відкинуто; з нього нічого не збережено.",
}
AID_QUESTION = {
    "en": "New aid record. Which hromada? Send its name or KATOTTH code.",
    "uk": "Новий запис про допомогу. Яка громада? Надішліть її назву або код КАТОТТГ.",
}
KOSICE = "kharkiv-kosice-cooperation-2023"


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _say(admin: Harness, text: str, lang: str) -> list[str]:
    return sent_texts(await admin.send(text, chat_id=ME, user_id=ME, language_code=lang))


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_help_inside_a_dialog_asks_its_question_again(admin: Harness, lang: str) -> None:
    for text in ("/new_agreement", "Харків", "Кошице", "memorandum"):
        await _say(admin, text, lang)

    calls = await admin.send("/help", chat_id=ME, user_id=ME, language_code=lang)

    help_text, question = sent_texts(calls)
    assert FOR_EDITORS[lang] in help_text
    assert question == STATUS_QUESTION[lang]
    # The status buttons under the repeated question answer it.
    calls = await admin.click(
        button(calls, ACTIVE[lang]), chat_id=ME, user_id=ME, language_code=lang
    )
    assert sent_texts(calls)[-1].startswith(SIGNED_QUESTION[lang])


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_help_while_editing_a_field_asks_for_its_value_again(
    admin: Harness, lang: str
) -> None:
    calls = await admin.send(f"/edit {KOSICE}", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, SIGNED[lang]), chat_id=ME, user_id=ME, language_code=lang)

    (_help, question) = await _say(admin, "/help", lang)

    assert question.startswith(NEW_VALUE[lang])


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_new_dialog_inside_another_says_the_first_is_dropped(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    expected = await stored(seeded_engine)
    audited = await audit_count(seeded_engine)
    for text in ("/new_agreement", "Харків", "Кошице"):
        await _say(admin, text, lang)

    calls = await admin.send("/new_aid", chat_id=ME, user_id=ME, language_code=lang)

    dropped, question = sent_texts(calls)
    assert dropped == DROPPED[lang]
    assert question.startswith(AID_QUESTION[lang])
    assert last_buttons(calls) == []
    assert await stored(seeded_engine) == expected
    assert await audit_count(seeded_engine) == audited
    # Outside any dialog a new one begins without that notice.
    await _say(admin, "/cancel", lang)
    (question,) = await _say(admin, "/new_aid", lang)
    assert question.startswith(AID_QUESTION[lang])


CANCELLED = {"en": "Cancelled. Nothing was changed.", "uk": "Скасовано. Нічого не змінено."}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_cancel_at_a_new_sources_title_leaves_rather_than_naming_it(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    expected = await stored(seeded_engine)
    for text in ("/new_aid", "Харків", "2024", "PL", "-", "generators", "12"):
        await _say(admin, text, lang)
    await _say(admin, "https://example.org/news/1", lang)

    assert await _say(admin, "/cancel", lang) == [CANCELLED[lang]]
    assert await stored(seeded_engine) == expected


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_edit_typed_at_a_new_records_step_drops_the_dialog_rather_than_answering(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    expected = await stored(seeded_engine)
    for text in ("/new_agreement", "Харків", "Кошице"):
        await _say(admin, text, lang)

    replies = await _say(admin, f"/edit {KOSICE}", lang)

    assert replies[0] == DROPPED[lang]
    assert len(replies) > 1
    assert await stored(seeded_engine) == expected


UNFINISHED = {"en": "The unfinished ", "uk": "Незавершений запис"}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_new_place_typed_at_a_new_sources_title_drops_the_dialog_rather_than_naming_it(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    expected = await stored(seeded_engine)
    for text in ("/new_aid", "Харків", "2024", "PL", "-", "generators", "12"):
        await _say(admin, text, lang)
    await _say(admin, "https://example.org/news/1", lang)

    replies = await _say(admin, "/new_place", lang)

    assert replies[0].startswith(UNFINISHED[lang])
    assert len(replies) > 1
    assert await stored(seeded_engine) == expected
