"""An /import whose replica died is finished by another one in the admin's own message, and
undoing an import runs as a job that removes all it wrote."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage, TelegramMethod
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import write_jobs
from bot.handlers import admin_ops
from knowledge.interchange.import_job import ImportSteps
from knowledge.qa.engine import Engine
from knowledge.store import models
from knowledge.store.durable_jobs import LEASE, MAX_ATTEMPTS
from knowledge.store.engines import session_factory
from tests.adminops_support import (
    SUPER_ADMIN,
    FileHarness,
    admin_services,
    file_harness,
    stored,
)
from tests.bot_support import NOON, calls_of, keyboard_buttons, sent_texts

HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)
ROWS = 250
SHEET = "\n".join(
    [HEADER]
    + [f"Kharkiv,Jobtown {number},PL,twinning,active,2020,,Letter,,," for number in range(ROWS)]
).encode()
FINISHED = {
    "en": f"Imported: {2 * ROWS + 1} new, 0 changed, 0 unchanged.",
    "uk": f"Імпортовано: нових — {2 * ROWS + 1}, змінених — 0, без змін — 0.",
}


@pytest.fixture
async def admins(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[FileHarness]:
    """The bot with SUPER_ADMIN configured; fails on HTML Telegram would reject."""
    driven = file_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


def _first_button(calls: list[object]) -> str:
    for call in reversed(calls):
        buttons = keyboard_buttons(getattr(call, "reply_markup", None))
        if buttons:
            data = buttons[0][1]
            assert data is not None
            return data
    raise AssertionError("no buttons")


def _jobtowns(document: object) -> list[str]:
    return [doc.key for doc in document.agreements if "jobtown" in doc.key]  # type: ignore[attr-defined]


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_an_import_whose_replica_died_is_finished_in_the_admins_message(
    admins: FileHarness, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    preview = await admins.send_document(SHEET, "towns.csv", language_code=lang)
    # The replica stores the job and says "Importing… 0%", then dies before writing.
    monkeypatch.setattr(admin_ops, "start_job", lambda *_: None)
    applied = await admins.click(
        _first_button(list(preview)), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )
    (progress,) = calls_of(applied, SendMessage)
    assert _jobtowns(await stored(admins.services.database)) == []

    # Another replica starts once the dead one's lease has passed, and finishes the job.
    monkeypatch.setattr(write_jobs, "OWNER", "another-replica")
    monkeypatch.setattr(admins.services, "now", lambda: NOON + LEASE + dt.timedelta(seconds=1))
    start = len(admins.session.requests)
    ended = await write_jobs.resume_once(admins.bot, admins.services)

    edits = calls_of(admins.session.requests[start:], EditMessageText)
    assert [job.state for job in ended] == ["done"]
    assert progress.text in {"Importing… 0%", "Імпортую… 0%"}
    assert edits[-1].text == FINISHED[lang]
    assert len({edit.message_id for edit in edits}) == 1  # the message that said 0%
    assert len(edits) > 1
    assert len(_jobtowns(await stored(admins.services.database))) == ROWS


async def test_undoing_an_import_runs_as_a_job_and_removes_all_it_wrote(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    before = await stored(seeded_engine)
    preview = await admins.send_document(SHEET, "towns.csv")
    await admins.click(_first_button(list(preview)), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)
    assert len(_jobtowns(await stored(seeded_engine))) == ROWS

    question = await admins.send("/undo", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)
    confirmed = await admins.click(
        _first_button(list(question)), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN
    )

    assert "all of them will be undone" in sent_texts(question)[0]
    assert sent_texts(confirmed)[0] == "Undoing the import… 0%"
    final = calls_of(confirmed, EditMessageText)[-1]
    assert final.text == f"Undone: {2 * ROWS + 1} changes of the import."
    assert await stored(seeded_engine) == before


GAVE_UP = {
    "en": "It failed 5 times in a row and is not tried again; the log says why.",
    "uk": "Не вдалося 5 разів поспіль; більше не пробую, причина — у журналі.",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_an_import_failing_the_same_way_each_time_is_given_up_and_its_admin_told(
    admins: FileHarness, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    preview = await admins.send_document(SHEET, "towns.csv", language_code=lang)
    monkeypatch.setattr(admin_ops, "start_job", lambda *_: None)
    await admins.click(
        _first_button(list(preview)), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    async def full_disk(*_: object) -> object:
        raise OSError("no space left on device")

    monkeypatch.setattr(ImportSteps, "write", full_disk)
    start = len(admins.session.requests)
    runs: list[str] = []
    for attempt in range(MAX_ATTEMPTS + 1):
        moment = NOON + (attempt + 1) * (LEASE + dt.timedelta(seconds=1))
        monkeypatch.setattr(admins.services, "now", lambda moment=moment: moment)
        try:
            ended = await write_jobs.resume_once(admins.bot, admins.services)
        except OSError:
            runs.append("left to retry")
        else:
            runs.append(",".join(job.state for job in ended) or "nothing to run")

    texts = [call.text for call in calls_of(admins.session.requests[start:], EditMessageText)]
    assert runs == ["left to retry"] * (MAX_ATTEMPTS - 1) + ["failed", "nothing to run"]
    assert texts[-1].endswith(GAVE_UP[lang])
    assert _jobtowns(await stored(admins.services.database)) == []


UNDONE = {
    "en": f"Undone: {2 * ROWS + 1} changes of the import.",
    "uk": f"Скасовано {2 * ROWS + 1} зміну імпорту.",  # 501: «зміну»
}
UNDOING = {"en": "Undoing the import… 0%", "uk": "Скасовую імпорт… 0%"}


async def _imported_then_undo_asked(admins: FileHarness, lang: str) -> str:
    preview = await admins.send_document(SHEET, "towns.csv", language_code=lang)
    await admins.click(
        _first_button(list(preview)), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )
    question = await admins.send(
        "/undo", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )
    return _first_button(list(question))


async def _undo_jobs(engine: AsyncEngine) -> int:
    async with session_factory(engine)() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(models.WriteJobRow)
            .where(models.WriteJobRow.kind == "undo")
        )
    return count or 0


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_confirm_of_an_import_undo_delivered_again_says_it_was_undone(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    confirm = await _imported_then_undo_asked(admins, lang)
    first = await admins.click(
        confirm, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )
    assert calls_of(first, EditMessageText)[-1].text == UNDONE[lang]

    again = await admins.click(
        confirm, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    assert sent_texts(again) == [UNDONE[lang]]
    assert await _undo_jobs(seeded_engine) == 1


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_confirm_of_an_import_undo_delivered_again_while_it_runs_says_so_once(
    admins: FileHarness, seeded_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    confirm = await _imported_then_undo_asked(admins, lang)
    # The undo is stored, and runs elsewhere (this replica is slow to get to it).
    monkeypatch.setattr(write_jobs, "start_job", lambda *_: None)
    first = await admins.click(
        confirm, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    again = await admins.click(
        confirm, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    assert sent_texts(first) == [UNDOING[lang]]
    assert sent_texts(again) == [UNDOING[lang]]
    assert await _undo_jobs(seeded_engine) == 1


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_two_confirms_of_an_import_undo_pressed_at_once_start_one_undo(
    admins: FileHarness, seeded_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    confirm = await _imported_then_undo_asked(admins, lang)
    monkeypatch.setattr(write_jobs, "start_job", lambda *_: None)

    first, again = await asyncio.gather(
        admins.click(confirm, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang),
        admins.click(confirm, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang),
    )

    assert await _undo_jobs(seeded_engine) == 1
    for each in (first, again):
        assert UNDOING[lang] in sent_texts(each) + [
            call.text for call in calls_of(each, EditMessageText)
        ]


IMPORTING = {"en": "Importing… 0%", "uk": "Імпортую… 0%"}


async def _import_jobs(engine: AsyncEngine) -> int:
    async with session_factory(engine)() as session:
        count = await session.scalar(
            select(func.count())
            .select_from(models.WriteJobRow)
            .where(models.WriteJobRow.kind == "import")
        )
    return count or 0


ALREADY = {"en": "This import is already under way.", "uk": "Цей імпорт уже виконується."}


def _answers(calls: list[TelegramMethod[Any]]) -> list[str | None]:
    return [call.text for call in calls_of(calls, AnswerCallbackQuery)]


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_an_apply_delivered_again_while_its_import_runs_is_answered_quietly(
    admins: FileHarness, seeded_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch, lang: str
) -> None:
    preview = await admins.send_document(SHEET, "towns.csv", language_code=lang)
    monkeypatch.setattr(admin_ops, "start_job", lambda *_: None)
    apply = _first_button(list(preview))
    first = await admins.click(apply, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang)

    again = await admins.click(apply, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang)

    assert sent_texts(first) == [IMPORTING[lang]]
    # No second progress message, which nothing would ever move on.
    assert sent_texts(again) == []
    assert _answers(again) == [ALREADY[lang]]
    assert await _import_jobs(seeded_engine) == 1


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_two_applies_pressed_in_a_burst_show_one_progress_message_that_finishes(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    preview = await admins.send_document(SHEET, "towns.csv", language_code=lang)
    apply = _first_button(list(preview))
    start = len(admins.session.requests)

    await asyncio.gather(
        admins.click(apply, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang),
        admins.click(apply, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang),
    )
    await write_jobs.wait_for_jobs()

    calls = admins.session.requests[start:]
    assert [call.text for call in calls_of(calls, SendMessage)] == [IMPORTING[lang]]
    assert sorted(_answers(calls), key=str) == sorted([None, ALREADY[lang]], key=str)
    # The one progress message moves on to the import's end.
    edits = [call for call in calls_of(calls, EditMessageText) if call.text == FINISHED[lang]]
    assert len(edits) == 1
    assert await _import_jobs(seeded_engine) == 1
