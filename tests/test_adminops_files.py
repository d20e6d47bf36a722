"""/export, /import and /backup through the real Dispatcher, in both languages."""

from __future__ import annotations

import datetime as dt
import io
import sqlite3
from collections.abc import AsyncIterator, Sequence
from pathlib import Path

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, GetFile, SendDocument
from aiogram.types import BufferedInputFile
from openpyxl import Workbook, load_workbook
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import write_jobs
from knowledge.interchange import read_import
from knowledge.qa.engine import Engine
from knowledge.store.bootstrap import prepare_database
from knowledge.store.engines import create_engine
from tests.adminops_support import (
    EDITOR,
    SUPER_ADMIN,
    FileHarness,
    admin_services,
    audit_count,
    file_harness,
    grant_editor,
    stored,
)
from tests.bot_support import calls_of, keyboard_buttons, sent_texts

HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)
NEW_ROWS = [
    "Kharkiv,Jelgava,Latvia,twinning,active,2019-05,,Council decision,"
    "https://example.org/decision,2019-05-12,",
    "Kharkiv,Brno,CZ,twinning,active,2020-13,,Letter,,,",
]
SHEET = "\n".join([HEADER, *NEW_ROWS]).encode()
NEW_AGREEMENT = "kharkiv-lv-jelgava-twinning"
LVIV = "UA46060250000025047"


@pytest.fixture
async def admins(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[FileHarness]:
    """The bot with SUPER_ADMIN configured; fails on HTML Telegram would reject."""
    driven = file_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


def _documents(calls: Sequence[object]) -> list[BufferedInputFile]:
    sent = [call.document for call in calls if isinstance(call, SendDocument)]
    return [document for document in sent if isinstance(document, BufferedInputFile)]


def _button(calls: Sequence[object], position: int) -> str:
    for call in reversed(calls):
        buttons = keyboard_buttons(getattr(call, "reply_markup", None))
        if buttons:
            data = buttons[position][1]
            assert data is not None
            return data
    raise AssertionError("no buttons")


@pytest.mark.parametrize(
    ("argument", "name", "kind"),
    [
        ("", "pobratym-2025-06-01.yaml", "document"),
        ("json", "pobratym-2025-06-01.json", "document"),
        ("csv", "pobratym-agreements-2025-06-01.csv", "agreements"),
        ("aid_csv", "pobratym-aid-2025-06-01.csv", "aid"),
    ],
)
async def test_export_sends_a_dated_file_that_reads_back(
    admins: FileHarness, argument: str, name: str, kind: str
) -> None:
    calls = await admins.send(f"/export {argument}".strip(), user_id=SUPER_ADMIN)

    (document,) = _documents(calls)
    parsed = read_import(document.data, document.filename or "")
    assert document.filename == name
    assert parsed.rejected == []
    if kind == "document":
        assert parsed.document is not None
        assert len(parsed.document.agreements) > 0
    elif kind == "agreements":
        assert len(parsed.agreements) > 0
    else:
        assert len(parsed.aid) > 0


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "Unknown format pdf"), ("uk", "Невідомий формат pdf")]
)
async def test_export_in_an_unknown_format_says_which_exist(
    admins: FileHarness, lang: str, expected: str
) -> None:
    calls = await admins.send(
        "/export pdf", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    assert _documents(calls) == []
    assert sent_texts(calls)[0].startswith(expected)


PREVIEW = {
    "en": [
        "Import of partners.csv:",
        "agreement: 1 new, 0 changed, 0 unchanged",
        f"  new: {NEW_AGREEMENT}",
        "1 row refused:",
        "• row 3: signed_on: 2020-13 is not a date (write 12.03.2024, 12 March 2024, 03.2024,"
        " March 2024, 2024 or 2024-03-12)",
        "Apply the rows that are not refused?",
    ],
    "uk": [
        "Імпорт файлу partners.csv:",
        "угода: нових 1, змінених 0, без змін 0",
        f"  нові: {NEW_AGREEMENT}",
        "Відхилено 1 рядок:",
        "• рядок 3: signed_on: 2020-13 — не дата (пишіть 12.03.2024, 12 березня 2024, 03.2024,"
        " березень 2024, 2024 або 2024-03-12)",
        "Застосувати рядки, які не відхилено?",
    ],
}
DONE = {
    "en": "Imported: 3 new, 0 changed, 0 unchanged.",
    "uk": "Імпортовано: нових — 3, змінених — 0, без змін — 0.",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_import_previews_applies_on_confirmation_and_the_same_file_changes_nothing(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    before = await audit_count(seeded_engine)

    preview = await admins.send_document(SHEET, "partners.csv", language_code=lang)

    (text,) = sent_texts(preview)
    lines = text.splitlines()
    assert all(line in lines for line in PREVIEW[lang])
    assert await audit_count(seeded_engine) == before

    applied = await admins.click(
        _button(preview, 0), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    assert sent_texts(applied)[-1] == DONE[lang]
    assert NEW_AGREEMENT in {doc.key for doc in (await stored(seeded_engine)).agreements}
    assert NEW_AGREEMENT in admins.services.engine.snapshot.agreements
    written = await audit_count(seeded_engine)

    again = await admins.send_document(SHEET, "partners.csv", language_code=lang)

    assert keyboard_buttons(again[-1].reply_markup) == []  # type: ignore[attr-defined]
    assert sent_texts(again)[-1].endswith(
        "Nothing would change." if lang == "en" else "Нічого не зміниться."
    )
    assert await audit_count(seeded_engine) == written


async def test_the_command_first_then_the_file_works_too(admins: FileHarness) -> None:
    asked = await admins.send("/import", user_id=SUPER_ADMIN)
    preview = await admins.send_document(SHEET, "partners.csv")

    assert sent_texts(asked)[0].startswith("Send the file to import")
    assert sent_texts(preview)[0].startswith("Import of partners.csv:")


async def test_cancel_forgets_the_file_and_writes_nothing(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    before = await stored(seeded_engine)
    preview = await admins.send_document(SHEET, "partners.csv")

    cancelled = await admins.click(_button(preview, 1), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)
    late = await admins.click(_button(preview, 0), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)

    assert sent_texts(cancelled) == ["Import cancelled; nothing was written."]
    (alert,) = calls_of(late, AnswerCallbackQuery)
    assert alert.text == "This preview is out of date; send the file again."
    assert await stored(seeded_engine) == before


async def test_a_revoked_editor_cannot_apply_a_preview_made_before(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, EDITOR)
    preview = await admins.send_document(SHEET, "partners.csv", user_id=EDITOR)
    revoked = await admins.send(f"/revoke {EDITOR}", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)
    assert sent_texts(revoked)[-1] == f"User {EDITOR} may no longer edit."
    before = await stored(seeded_engine)

    calls = await admins.click(_button(preview, 0), chat_id=EDITOR, user_id=EDITOR)

    (alert,) = calls_of(calls, AnswerCallbackQuery)
    assert str(alert.text).startswith("Sorry, this command is for")
    assert await stored(seeded_engine) == before


async def test_an_editor_of_another_hromada_is_shown_kharkivs_rows_refused_in_the_preview(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, EDITOR, LVIV)
    before = await stored(seeded_engine)

    preview = await admins.send_document(SHEET, "partners.csv", user_id=EDITOR)

    text = "\n".join(sent_texts(preview))
    assert f"• row 2: {NEW_AGREEMENT}: only an editor of Kharkiv may write it" in text, text
    assert keyboard_buttons(preview[-1].reply_markup) == []  # type: ignore[attr-defined]
    assert await stored(seeded_engine) == before


MIXED_SHEET = "\n".join(
    [
        HEADER,
        "Lviv,Jelgava,Latvia,twinning,active,2019-05,,Council decision,,2019-05-12,",
        NEW_ROWS[0],
    ]
).encode()
REFUSED_IN_PREVIEW = {
    "en": f"• row 3: {NEW_AGREEMENT}: only an editor of Kharkiv may write it",
    "uk": f"• рядок 3: {NEW_AGREEMENT}: записати може лише редактор громади Харків",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_an_editor_sees_which_rows_are_not_theirs_and_apply_writes_only_their_own(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await grant_editor(seeded_engine, EDITOR, LVIV)

    preview = await admins.send_document(
        MIXED_SHEET, "partners.csv", user_id=EDITOR, language_code=lang
    )
    text = "\n".join(sent_texts(preview))
    applied = await admins.click(
        _button(preview, 0), chat_id=EDITOR, user_id=EDITOR, language_code=lang
    )

    assert REFUSED_IN_PREVIEW[lang] in text.splitlines(), text
    actual = {doc.key: doc.hromada for doc in (await stored(seeded_engine)).agreements}
    assert NEW_AGREEMENT not in actual
    assert LVIV in {actual[key] for key in actual if "jelgava" in key}
    assert "Nothing was changed" not in sent_texts(applied)[-1]


async def test_a_large_import_edits_a_progress_message(
    admins: FileHarness, seeded_engine: AsyncEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(write_jobs, "PROGRESS_INTERVAL", 0.0)
    rows = [
        f"Kharkiv,Town {number},PL,twinning,active,2020,,Letter,,," for number in range(1, 401)
    ]
    preview = await admins.send_document("\n".join([HEADER, *rows]).encode(), "towns.csv")

    calls = await admins.click(_button(preview, 0), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)

    edits = [call.text for call in calls_of(calls, EditMessageText)]
    # 400 agreements, 400 places and one source.
    assert sent_texts(calls)[0] == "Importing… 0%"
    assert edits[:-1] == sorted(set(edits[:-1]), key=lambda text: int(text[11:-1]))
    assert "Importing… 100%" in edits
    assert edits[-1] == "Imported: 801 new, 0 changed, 0 unchanged."
    assert "pl-town-400" in {doc.key for doc in (await stored(seeded_engine)).places}


def _workbook(rows: Sequence[Sequence[object]]) -> bytes:
    book = Workbook()
    sheet = book.worksheets[0]
    for row in rows:
        sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


BILLION_LAUGHS = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [
        f"{level}: &{level} [" + ",".join([f"*{chr(ord(level) - 1)}"] * 9) + "]"
        for level in "bcdefghi"
    ]
).encode()


FORMULA_REFUSED = {
    "en": '• row 2: source_title: =HYPERLINK("x") looks like a formula',
    "uk": '• рядок 2: source_title: =HYPERLINK("x") схоже на формулу',
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_formula_is_refused_in_the_readers_language(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    sheet = f'{HEADER}\nKharkiv,Brno,CZ,twinning,active,2020,,"=HYPERLINK(""x"")",,,'.encode()

    (text,) = sent_texts(await admins.send_document(sheet, "p.csv", language_code=lang))

    assert FORMULA_REFUSED[lang] in text.splitlines()


@pytest.mark.parametrize(
    ("data", "name", "reason"),
    [
        ("hromada,city\n".encode("utf-16"), "p.csv", "The file is in UTF-16"),
        (b"PK\x03\x04\x14\x00\x06\x00", "p.csv", "This is a zipped file other than an Excel"),
        (b"PK\x03\x04\x14\x00\x06\x00", "p.xlsx", "The Excel workbook cannot be read"),
        (
            _workbook([HEADER.split(","), ["Kharkiv", "Brno", "CZ", "=1+1"]]),
            "p.xlsx",
            "formulas",
        ),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(200, 256)) * 3, "p.csv", "This is not a text"),
        (BILLION_LAUGHS, "export.yaml", "The file uses too many YAML aliases."),
        (b"[" * 10_000 + b"]" * 10_000, "export.json", "The file is nested too deeply."),
        (b"sources: !!python/object/apply:os.system ['true']\n", "x.yaml", "not valid YAML"),
        (f"{HEADER}\nKharkiv,Brno,CZ,twinning,active,2020,,=1+1,,,".encode(), "p.csv", "formulas"),
        (b"  \n", "p.csv", "The file is empty."),
        (b"[1, 2", "export.json", "The file is not valid JSON"),
        (b"hello", "notes.exe", "Unsupported file type .exe"),
    ],
)
async def test_hostile_and_malformed_files_are_refused_and_nothing_is_written(
    admins: FileHarness, seeded_engine: AsyncEngine, data: bytes, name: str, reason: str
) -> None:
    before = await audit_count(seeded_engine)

    calls = await admins.send_document(data, name)

    (text,) = sent_texts(calls)
    assert text.startswith("The file is refused; nothing was written:")
    assert reason in text
    assert keyboard_buttons(calls[-1].reply_markup) == []  # type: ignore[attr-defined]
    assert await audit_count(seeded_engine) == before


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "The file is larger than 5 MB; nothing was written."),
        ("uk", "Файл більший за 5 МБ; нічого не записано."),
    ],
)
async def test_an_oversize_file_is_refused_before_it_is_downloaded(
    admins: FileHarness, lang: str, expected: str
) -> None:
    calls = await admins.send_document(
        SHEET, "big.csv", file_size=6 * 1024 * 1024, language_code=lang
    )

    assert sent_texts(calls) == [expected]
    assert calls_of(calls, GetFile) == []
    assert admins.session.downloads == []


async def test_backup_sends_a_valid_sqlite_database(admins: FileHarness, tmp_path: Path) -> None:
    calls = await admins.send("/backup", user_id=SUPER_ADMIN)

    (document,) = _documents(calls)
    copy = tmp_path / "copy.sqlite3"
    copy.write_bytes(document.data)
    with sqlite3.connect(copy) as check:
        verdict = check.execute("PRAGMA integrity_check").fetchone()
        agreements = check.execute("SELECT count(*) FROM agreements").fetchone()
    check.close()
    assert str(document.filename).endswith(".sqlite3")
    assert verdict == ("ok",)
    assert agreements[0] > 0


async def test_backup_on_postgresql_sends_a_full_export(postgres: str, qa_engine: Engine) -> None:
    engine = create_engine(postgres)
    try:
        await prepare_database(engine)
        driven = file_harness(admin_services(engine, qa_engine))

        calls = await driven.send("/backup", user_id=SUPER_ADMIN)
    finally:
        await engine.dispose()

    (document,) = _documents(calls)
    parsed = read_import(document.data, document.filename or "")
    assert str(document.filename).endswith(".json")
    assert parsed.document is not None
    assert len(parsed.document.agreements) > 0


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Import cancelled; nothing was written."),
        ("uk", "Імпорт скасовано; нічого не записано."),
    ],
)
async def test_cancel_while_waiting_for_the_file_or_the_decision(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str, expected: str
) -> None:
    before = await stored(seeded_engine)
    await admins.send("/import", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang)
    waiting = await admins.send(
        "/cancel", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )
    preview = await admins.send_document(SHEET, "partners.csv", language_code=lang)
    deciding = await admins.send(
        "/cancel", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )
    late = await admins.click(_button(preview, 0), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)

    assert sent_texts(waiting) == [expected]
    assert sent_texts(deciding) == [expected]
    assert sent_texts(late) == []
    assert await stored(seeded_engine) == before


# (hromada as residents know it, oblast, partner city, country, kind, status)
XLSX_NAMES = {
    "uk": ("Харків", "Харківська", "Кошице", "Словаччина", "Угода про співпрацю", "Чинна"),
    "en": ("Kharkiv", "Kharkiv", "Košice", "Slovakia", "Cooperation agreement", "Active"),
}


@pytest.mark.parametrize("lang", ["uk", "en"])
async def test_an_excel_export_shows_names_and_imports_back_unchanged(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    calls = await admins.send(
        "/export xlsx", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )
    (document,) = _documents(calls)
    assert document.filename == "pobratym-agreements-2025-06-01.xlsx"
    sheet = load_workbook(io.BytesIO(document.data)).worksheets[0]
    rows = [
        ["" if cell.value is None else str(cell.value) for cell in row]
        for row in sheet.iter_rows()
    ]
    header = rows[0]
    hromada, oblast, city, country, kind, status = XLSX_NAMES[lang]
    kosice = next(row for row in rows if row[header.index("partner_city")] == city)
    assert kosice[header.index("hromada")] == hromada
    assert kosice[header.index("oblast")].startswith(oblast)
    assert kosice[header.index("partner_country")] == country
    assert kosice[header.index("kind")] == kind
    assert kosice[header.index("status")] == status
    before = await audit_count(seeded_engine)

    again = await admins.send_document(document.data, document.filename, language_code=lang)

    assert sent_texts(again)[-1].endswith(
        "Nothing would change." if lang == "en" else "Нічого не зміниться."
    )
    assert await audit_count(seeded_engine) == before


async def test_a_sheet_typed_in_excel_imports_with_its_dates(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    workbook = _workbook(
        [
            [
                "hromada",
                "partner_city",
                "partner_country",
                "kind",
                "status",
                "signed_on",
                "source_title",
            ],
            [
                "Харків",
                "Кутаїсі",
                "Грузія",
                "Меморандум",
                "Чинна",
                dt.date(2024, 3, 12),
                "Рішення міської ради",
            ],
        ]
    )

    preview = await admins.send_document(workbook, "угоди.xlsx", language_code="uk")
    applied = await admins.click(
        _button(preview, 0), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code="uk"
    )

    assert sent_texts(applied)[-1].startswith("Імпортовано: нових — 3")
    (agreement,) = [
        doc
        for doc in (await stored(seeded_engine)).agreements
        if doc.key.endswith("kutaisi-memorandum")
    ]
    assert agreement.signed_on is not None
    assert agreement.signed_on.isoformat() == "2024-03-12"


AID_HEADER = (
    "hromada,received_on,donor_kind,donor_country,description,amount,currency,source_title"
)
AID_ASKED = {"en": "What aid did Kharkiv receive?", "uk": "Яку допомогу отримав Харків?"}
WHAT_ARRIVED = {"en": "What: medicines: 3 (ліки)", "uk": "Що: медикаменти: 3 (ліки)"}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_an_aid_sheet_counts_items_and_answers_say_what_arrived(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    sheet = "\n".join(
        [
            AID_HEADER + ",quantity",  # the kind of goods is read from the description
            "Харків,2024-03,country,Польща,ліки,,,Лист,3 шт",
        ]
    ).encode()
    preview = await admins.send_document(sheet, "aid.csv", language_code=lang)
    await admins.click(
        _button(preview, 0), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    (record,) = [
        a
        for a in (await stored(seeded_engine)).aid
        if a.description is not None and a.description.uk == "ліки"
    ]
    assert [(item.category.value, item.quantity) for item in record.items] == [("medicines", 3)]
    answer = " ".join(sent_texts(await admins.send(AID_ASKED[lang], language_code=lang)))
    assert WHAT_ARRIVED[lang] in answer


REFUSED_AMOUNT = {
    "en": "amount: 3шт is a count of items, not money: put it in the quantity column",
    "uk": "amount: 3шт — це кількість предметів, а не гроші: запишіть її в стовпець quantity",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_count_in_the_amount_column_is_explained(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    before = await audit_count(seeded_engine)
    sheet = "\n".join([AID_HEADER, "Харків,2024-03,country,Польща,ліки,3 шт,,Лист"]).encode()

    preview = await admins.send_document(sheet, "aid.csv", language_code=lang)

    assert REFUSED_AMOUNT[lang] in " ".join(sent_texts(preview))
    assert await audit_count(seeded_engine) == before


@pytest.mark.parametrize(
    ("lang", "oblast", "example"),
    [
        ("uk", "Полтавська область", "наприклад Полтава"),
        ("en", "Poltava Oblast", "such as Poltava"),
        ("uk", "Lviv Oblast", "наприклад Львів"),
    ],
)
async def test_an_oblast_refused_as_a_hromada_is_shown_an_example_in_the_readers_language(
    admins: FileHarness, lang: str, oblast: str, example: str
) -> None:
    sheet = f"{HEADER}\n{oblast},Brno,CZ,twinning,active,2020,,Letter,,,".encode()

    calls = await admins.send_document(sheet, "p.csv", language_code=lang)

    assert any(example in text for text in sent_texts(calls)), sent_texts(calls)


LONG_NOTE = {
    "en": "• row 2: notes is too long: at most 2,000 characters, and this one has 5,000",
    "uk": "• рядок 2: notes: задовгий текст — щонайбільше 2\N{NO-BREAK SPACE}000 символів,"
    " а тут 5\N{NO-BREAK SPACE}000",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_note_over_its_bound_is_refused_in_the_preview_and_the_rest_applies(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    note = ("Довга примітка " * 400)[:5000]
    sheet = "\n".join(
        [HEADER, f"Kharkiv,Brno,CZ,twinning,active,2020,,Letter,,,{note}", NEW_ROWS[0]]
    )

    calls = await admins.send_document(sheet.encode(), "p.csv", language_code=lang)
    preview = "\n".join(sent_texts(calls))
    assert LONG_NOTE[lang] in preview.splitlines(), preview
    await admins.click(
        _button(calls, 0), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    actual = {doc.key: doc for doc in (await stored(seeded_engine)).agreements}
    assert NEW_AGREEMENT in actual
    assert not any(doc.notes and len(doc.notes.uk or "") > 2000 for doc in actual.values())


async def test_a_place_name_of_500_characters_in_an_export_is_refused_naming_its_field(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    name = "Х" * 500
    export = (
        f"places:\n- key: long-name\n  name: {{uk: {name}, en: Long}}\n  name_local: Long\n"
        "  country: CZ\n"
    ).encode()
    before = await audit_count(seeded_engine)

    (text,) = sent_texts(await admins.send_document(export, "export.yaml", language_code="en"))

    assert "places.0.name is too long: at most 200 characters, and this one has 500" in text
    assert await audit_count(seeded_engine) == before


GROUPED = {
    "en": [
        "• row 7: the same pair as row 5; merged into it",
        "• row 8: the same pair as row 6; merged into it",
        "• row 2: partner_country is empty",
        "  and 1 more row like it: 4",
        "• row 3: hromada is empty",
    ],
    "uk": [
        "• рядок 7: та сама пара, що й у рядку 5; об’єднано з ним",
        "• рядок 8: та сама пара, що й у рядку 6; об’єднано з ним",
        "• рядок 2: partner_country не заповнено",
        "  і ще 1 такий рядок: 4",
        "• рядок 3: hromada не заповнено",
    ],
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_the_preview_groups_only_rows_refused_or_merged_for_the_same_reason(
    admins: FileHarness, lang: str
) -> None:
    sheet = "\n".join(
        [
            HEADER,
            "Kharkiv,Brno,,twinning,active,2020,,Letter,,,",
            ",Brno,CZ,twinning,active,2020,,Letter,,,",
            "Kharkiv,Jelgava,,twinning,active,2020,,Letter,,,",
            "Kharkiv,Lublin,Poland,twinning,active,2020,,Letter,,,",
            "Kharkiv,Kaunas,Lithuania,twinning,active,2020,,Letter,,,",
            "Kharkiv,Lublin,Poland,twinning,active,2020,,Other letter,,,",
            "Kharkiv,Kaunas,Lithuania,twinning,active,2020,,Other letter,,,",
        ]
    )

    calls = await admins.send_document(sheet.encode(), "p.csv", language_code=lang)
    lines = "\n".join(sent_texts(calls)).splitlines()

    assert [
        line
        for line in lines
        if line.startswith(("•", "  ")) and "new:" not in line and "нові:" not in line
    ] == GROUPED[lang]


ALREADY_APPLIED = {
    "en": ("This import was already applied; Cancel does not revert it. /undo does.", "nothing"),
    "uk": ("Цей імпорт уже застосовано; «Скасувати» його не відкочує. Це робить /undo.", "нічого"),
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_cancel_after_apply_says_the_import_was_written_and_points_to_undo(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    preview = await admins.send_document(SHEET, "partners.csv", language_code=lang)
    await admins.click(
        _button(preview, 0), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )
    written = await stored(seeded_engine)
    assert NEW_AGREEMENT in {doc.key for doc in written.agreements}

    cancelled = await admins.click(
        _button(preview, 1), chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    said, nothing = ALREADY_APPLIED[lang]
    (text,) = sent_texts(cancelled)
    assert text.startswith(said), text
    assert DONE[lang] in text
    assert nothing not in text
    assert await stored(seeded_engine) == written
