"""A refused admin action, whichever command or button led to it, is explained in the reader's
language, changes nothing, and ends what it refused."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram.fsm.context import FSMContext
from aiogram.methods import TelegramMethod
from aiogram.types import Update
from sqlalchemy.exc import OperationalError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import replies
from bot.handlers.admin_editing import preview as editing_preview
from bot.transport.redelivery import RedeliveryBudget
from knowledge.admin.editing import save_records
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
SAVED = {"en": "Saved agreement", "uk": "Збережено: угода"}
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


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_confirm_that_met_a_locked_database_is_saved_when_delivered_again(
    admin: Harness, seeded_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    confirm = await _confirm_of_status_edit(admin, ME, "suspended", lang)
    budget = RedeliveryBudget()

    async def feed(update: Update) -> list[TelegramMethod[Any]]:
        # As a runner feeds it: a passing failure leaves the update to be delivered again.
        start = len(admin.session.requests)
        await admin.dispatcher.feed_update(admin.bot, update, redelivery=budget)
        return admin.session.requests[start:]

    attempts: list[int] = []

    async def locked_once(*args: Any, **kwargs: Any) -> Any:
        attempts.append(1)
        if len(attempts) == 1:
            raise OperationalError("UPDATE", {}, sqlite3.OperationalError("database is locked"))
        return await save_records(*args, **kwargs)

    monkeypatch.setattr(admin, "feed", feed)
    monkeypatch.setattr(editing_preview, "save_records", locked_once)

    first = await admin.click(confirm, chat_id=ME, user_id=ME, language_code=lang)
    assert sent_texts(first) == []
    again = await admin.click(confirm, chat_id=ME, user_id=ME, language_code=lang)

    assert any(text.startswith(SAVED[lang]) for text in sent_texts(again)), sent_texts(again)
    (agreement,) = [doc for doc in (await stored(seeded_engine)).agreements if doc.key == KOSICE]
    assert agreement.status == "suspended"


class _Killed(BaseException):
    """The process handling the update dies (SIGKILL): nothing after it runs."""


@pytest.mark.parametrize("dies", ["before leaving the preview", "before saying it"])
@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_confirm_whose_first_attempt_died_after_writing_says_saved_when_delivered_again(
    admin: Harness,
    seeded_engine: AsyncEngine,
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
    dies: str,
) -> None:
    confirm = await _confirm_of_status_edit(admin, ME, "suspended", lang)
    audit_before = await audit_count(seeded_engine)

    async def dies_saying(message: Any, text: str, *args: Any) -> None:
        if text.startswith(SAVED[lang]):
            raise _Killed
        await replies.say(message, text, *args)

    async def dies_leaving(context: FSMContext, state: Any = None) -> None:
        raise _Killed

    if dies == "before saying it":
        monkeypatch.setattr(editing_preview, "say", dies_saying)
    else:
        monkeypatch.setattr(FSMContext, "set_state", dies_leaving)
    with pytest.raises(_Killed):
        await admin.click(confirm, chat_id=ME, user_id=ME, language_code=lang)
    monkeypatch.undo()
    assert await audit_count(seeded_engine) == audit_before + 1

    again = await admin.click(confirm, chat_id=ME, user_id=ME, language_code=lang)

    assert any(text.startswith(SAVED[lang]) for text in sent_texts(again)), sent_texts(again)
    assert await audit_count(seeded_engine) == audit_before + 1
    # Said once, the press after it is stale; the next preview is confirmed as usual.
    later = await admin.click(confirm, chat_id=ME, user_id=ME, language_code=lang)
    assert WAITING[lang] in [getattr(call, "text", None) for call in later]
    following = await _confirm_of_status_edit(admin, ME, "active", lang)
    saved = await admin.click(following, chat_id=ME, user_id=ME, language_code=lang)
    assert any(text.startswith(SAVED[lang]) for text in sent_texts(saved)), sent_texts(saved)
    assert await audit_count(seeded_engine) == audit_before + 2
