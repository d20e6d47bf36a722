"""A sheet export's column names are the keys /import and scripts match columns by: the same
whatever the admin's language, and the admin is told so in theirs, with the file and in /help."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator

import pytest
from aiogram.methods import SendDocument
from aiogram.types import BufferedInputFile
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.interchange import AGREEMENT_COLUMNS, AID_COLUMNS
from knowledge.qa.engine import Engine
from tests.adminops_support import SUPER_ADMIN, FileHarness, admin_services, file_harness
from tests.bot_support import sent_texts

EXPLAINED = {
    "en": "The column names are fixed keys, the same in every language, so that /import reads"
    " the file back unchanged.",
    "uk": "Назви стовпців — сталі ключі, однакові в кожній мові, щоб /import прочитав файл"
    " назад без змін.",
}
HELP = {
    "en": "the column and field names are fixed keys in every language",
    "uk": "назви стовпців і полів — сталі ключі, однакові в кожній мові",
}


@pytest.fixture
async def admins(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[FileHarness]:
    """The bot with SUPER_ADMIN configured; fails on HTML Telegram would reject."""
    driven = file_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


@pytest.mark.parametrize("lang", ["uk", "en"])
@pytest.mark.parametrize(
    ("argument", "columns"), [("csv", AGREEMENT_COLUMNS), ("aid_csv", AID_COLUMNS)]
)
async def test_a_csv_export_keeps_its_keys_and_says_why_in_the_admins_language(
    admins: FileHarness, lang: str, argument: str, columns: tuple[str, ...]
) -> None:
    calls = await admins.send(
        f"/export {argument}", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    (call,) = [call for call in calls if isinstance(call, SendDocument)]
    assert isinstance(call.document, BufferedInputFile)
    header = next(csv.reader(io.StringIO(call.document.data.decode("utf-8"))))
    assert tuple(header) == columns
    assert call.caption is not None
    assert call.caption.endswith(EXPLAINED[lang])


@pytest.mark.parametrize(
    ("lang", "caption"),
    [
        ("en", "The knowledge base as of June 1, 2025."),
        ("uk", "База знань станом на 1 червня 2025\N{NARROW NO-BREAK SPACE}р."),
    ],
)
async def test_a_full_export_has_no_note_about_columns_and_its_date_in_words(
    admins: FileHarness, lang: str, caption: str
) -> None:
    calls = await admins.send(
        "/export json", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    (call,) = [call for call in calls if isinstance(call, SendDocument)]
    assert call.caption == caption


@pytest.mark.parametrize("lang", ["uk", "en"])
async def test_the_admins_help_says_why_export_columns_are_keys(
    admins: FileHarness, lang: str
) -> None:
    calls = await admins.send(
        "/help", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    assert HELP[lang] in sent_texts(calls)[0]
