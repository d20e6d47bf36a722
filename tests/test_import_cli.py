"""`kb import` and `kb export --format csv` as an admin runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli import run_bot

HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)
NEW_ROW = "Bila Tserkva,Jelgava,Latvia,twinning,active,2019,,Council decision,,2019-05-12,"


def test_import_previews_without_apply_and_writes_with_it_once(tmp_path: Path) -> None:
    sheet = tmp_path / "partners.csv"
    sheet.write_text(f"{HEADER}\n{NEW_ROW}\n", encoding="utf-8")

    preview = run_bot("--lang", "en", "kb", "import", str(sheet), cwd=tmp_path)
    exported_before = run_bot("kb", "export", "--format", "csv", cwd=tmp_path)
    applied = run_bot("--lang", "en", "kb", "import", str(sheet), "--apply", cwd=tmp_path)
    again = run_bot("--lang", "en", "kb", "import", str(sheet), "--apply", cwd=tmp_path)
    exported_after = run_bot("kb", "export", "--format", "csv", cwd=tmp_path)

    assert preview.returncode == 0, preview.stderr
    assert "agreement: 1 new, 0 changed, 0 unchanged" in preview.stdout
    assert "  new: bila-tserkva-lv-jelgava-twinning" in preview.stdout
    assert "Preview only: run again with --apply to write the changes." in preview.stdout
    assert "Jelgava" not in exported_before.stdout
    assert applied.returncode == 0, applied.stderr
    assert "Imported; the changes are batch " in applied.stdout
    assert again.returncode == 0
    assert "agreement: 0 new, 0 changed, 1 unchanged" in again.stdout
    assert again.stdout.splitlines()[-1] == "Nothing changed."
    assert "bila-tserkva-lv-jelgava-twinning,UA32020010000093088,,Jelgava,LV,twinning" in (
        exported_after.stdout
    )


def test_refused_rows_are_listed_in_ukrainian_and_nothing_is_applied(tmp_path: Path) -> None:
    sheet = tmp_path / "partners.csv"
    sheet.write_text(
        f"{HEADER}\n{NEW_ROW}\nNovoselivka,Paris,France,twinning,active,2020,,Лист,,,\n",
        encoding="utf-8",
    )

    preview = run_bot("kb", "import", str(sheet), cwd=tmp_path)
    applied = run_bot("kb", "import", str(sheet), "--apply", cwd=tmp_path)
    exported = run_bot("kb", "export", "--format", "csv", cwd=tmp_path)

    assert applied.returncode == 1
    assert "рядок 3: неоднозначна громада Novoselivka" in applied.stderr
    assert "--skip-rejected" in applied.stderr.splitlines()[-1]
    assert "--apply --skip-rejected" in preview.stdout
    assert "Jelgava" not in exported.stdout


def test_a_hostile_file_is_refused_with_exit_code_1(tmp_path: Path) -> None:
    sheet = tmp_path / "partners.csv"
    sheet.write_text(f"{HEADER}\n{NEW_ROW}\n\"=cmd|' /C calc'!A0\",x,PL,twinning,active,,,a,,,\n")

    actual = run_bot("--lang", "en", "kb", "import", str(sheet), cwd=tmp_path)

    assert actual.returncode == 1
    assert "The file is refused; nothing was written:" in actual.stderr
    assert "start like formulas" in actual.stderr
    assert "Traceback" not in actual.stderr


def test_the_aid_table_exports_as_csv_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "aid.csv"

    actual = run_bot("--lang", "en", "kb", "export", str(target), "--table", "aid", cwd=tmp_path)

    assert actual.returncode == 0, actual.stderr
    lines = target.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("key,hromada,oblast,received_on,donor_kind,donor_country")
    assert lines[1].startswith("kharkiv-aid-2023,UA63120270000028556,,2023,country,FR|PL|DE")


ENGLISH_KINDS = ("source:", "place:", "agreement:", "aid:", "hromada:", "activity:", "programme:")
UKRAINIAN_KINDS = ("джерело:", "місце:", "угода:", "допомогу:", "громада:", "захід:", "програма:")


def test_the_preview_names_record_kinds_in_the_chosen_language(tmp_path: Path) -> None:
    export = tmp_path / "everything.yaml"
    run_bot("kb", "export", str(export), cwd=tmp_path)

    ukrainian = run_bot("--lang", "uk", "kb", "import", str(export), cwd=tmp_path)
    english = run_bot("--lang", "en", "kb", "import", str(export), cwd=tmp_path)

    assert ukrainian.returncode == 0, ukrainian.stderr
    assert english.returncode == 0, english.stderr
    uk_heads = [line.split(":")[0] for line in ukrainian.stdout.splitlines() if "без змін" in line]
    en_heads = [line.split(":")[0] for line in english.stdout.splitlines() if "unchanged" in line]
    assert {"джерело", "місце", "угода", "запис про допомогу"} <= set(uk_heads)
    assert {"source", "place", "agreement", "aid record"} <= set(en_heads)
    assert not any(kind in ukrainian.stdout for kind in ENGLISH_KINDS)
    assert not any(kind in english.stdout for kind in UKRAINIAN_KINDS)


def test_a_file_that_cannot_be_opened_is_told_in_the_chosen_language(tmp_path: Path) -> None:
    missing = run_bot("--lang", "uk", "kb", "import", str(tmp_path / "nope.csv"), cwd=tmp_path)
    folder = run_bot("--lang", "uk", "kb", "import", str(tmp_path), cwd=tmp_path)

    assert missing.returncode == 1
    assert "такого файлу немає" in missing.stderr
    assert "No such file" not in missing.stderr
    assert folder.returncode == 1
    assert "це тека, а не файл" in folder.stderr
    assert "directory" not in folder.stderr


def test_a_sheet_saved_in_windows_1252_is_imported_with_its_accented_letters(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "partners.csv"
    rows = [
        "Bila Tserkva,Zürich,Switzerland,twinning,active,2019,,Council decision,,2019-05-12,",
        "Bila Tserkva,São Paulo,Brazil,twinning,active,2019,,Council decision,,2019-05-12,",
    ]
    sheet.write_bytes("\r\n".join([HEADER, *rows]).encode("cp1252"))

    applied = run_bot("--lang", "en", "kb", "import", str(sheet), "--apply", cwd=tmp_path)
    exported = run_bot("kb", "export", "--format", "csv", cwd=tmp_path)

    assert applied.returncode == 0, applied.stderr
    assert "Windows-1252" in applied.stdout + applied.stderr
    assert ",Zürich,CH," in exported.stdout
    assert ",São Paulo,BR," in exported.stdout


def test_a_document_giving_a_key_twice_is_refused_by_import_and_load(tmp_path: Path) -> None:
    document = tmp_path / "export.yaml"
    document.write_text(
        "places:\n  - key: sk-kosice\n    name: {uk: Кошице, en: Košice}\n"
        "    country: SK\n    country: CZ\n",
        encoding="utf-8",
    )

    imported = run_bot("--lang", "en", "kb", "import", str(document), "--apply", cwd=tmp_path)
    loaded = run_bot("--lang", "en", "kb", "load", str(document), cwd=tmp_path)

    assert imported.returncode == 1
    assert 'Line 5: the key "country" is given twice' in imported.stderr
    assert loaded.returncode != 0
    assert 'Line 5: the key "country" is given twice' in loaded.stderr


AGREEMENT = {
    "key": "kharkiv-albuquerque-cooperation-2023",
    "hromada": "UA63120270000028556",
    "place": "us-albuquerque",
    "kind": "cooperation_agreement",
    "status": "active",
    "title": {"uk": "Угода про співпрацю", "en": "Cooperation agreement"},
    "signed_on": "2023",
    "sources": [{"source": "kharkiv-foi-reply-2024-01-12"}],
}


@pytest.mark.parametrize(
    ("name", "text", "expected", "english"),
    [
        (
            "export.yaml",
            "agreements: !!python/object/apply:os.system ['true']\n",
            "  - Рядок 1: тег !!python/object/apply:os.system заборонено; пишіть лише звичайні"
            " значення, списки й ключі",
            ("constructor", "could not"),
        ),
        (
            "export.json",
            json.dumps({"agreements": [AGREEMENT | {"expires_on": "2030"}]}),
            "  - agreements.0.expires_on: такого поля немає; видаліть його",
            ("Extra inputs", "permitted"),
        ),
        (
            "export.json",
            '{"agreements": [1, 2}',
            "  - Рядок 1, позиція 21: тут JSON не читається; перевірте коми, лапки й дужки",
            ("Expecting", "delimiter"),
        ),
        (
            "partners.csv",
            f"{HEADER}\nKharkiv,{'x' * 200_000},CZ,twinning,active,2020,,Letter,,,\n",
            "  - Біля рядка 2: клітинка довша, ніж дозволено (найбільше — 131",
            ("field larger", "limit"),
        ),
    ],
)
def test_an_unreadable_file_is_refused_wholly_in_ukrainian(
    tmp_path: Path, name: str, text: str, expected: str, english: tuple[str, ...]
) -> None:
    upload = tmp_path / name
    upload.write_text(text, encoding="utf-8")

    refused = run_bot("--lang", "uk", "kb", "import", str(upload), cwd=tmp_path)

    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert any(line.startswith(expected) for line in lines), lines
    assert not any(word in refused.stderr for word in english), refused.stderr


@pytest.mark.parametrize(
    ("text", "expected", "english"),
    [
        (
            "agreements:\n- key: a\n  key: b\n",
            "  - Рядок 3: ключ «key» вказано двічі в одному записі чи розділі",
            ("given twice", "mapping"),
        ),
        (
            "agreements:\n- key: kharkiv-brno-twinning\n  hromada: UA63120270000028556\n"
            "  place: cz-brno\n  kind: twinning\n  status: active\n  signed_on: '2020-13'\n"
            "  sources: [{source: kharkiv-foi-reply-2024-01-12}]\n",
            "  - agreements.0.signed_on: 2020-13 не є датою; пишіть РРРР, РРРР-ММ або РРРР-ММ-ДД",
            ("Value error", "no such date"),
        ),
    ],
)
def test_a_file_kb_load_refuses_is_told_wholly_in_ukrainian(
    tmp_path: Path, text: str, expected: str, english: tuple[str, ...]
) -> None:
    document = tmp_path / "records.yaml"
    document.write_text(text, encoding="utf-8")

    refused = run_bot("--lang", "uk", "kb", "load", str(document), cwd=tmp_path)

    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert f"Не вдалося завантажити {document}:" in lines, lines
    assert any(line.startswith(expected) for line in lines), lines
    assert not any(word in refused.stderr for word in english), refused.stderr


@pytest.mark.parametrize(
    ("changes", "refusal"),
    [
        ({"hromada": "UA53080370000025609"}, "немає громади з кодом UA53080370000025609"),
        ({"place": "ua-nonexistent"}, "немає місця з ключем ua-nonexistent"),
    ],
)
def test_a_record_refused_for_an_unknown_key_is_not_counted_as_changed(
    tmp_path: Path, changes: dict[str, str], refusal: str
) -> None:
    document = tmp_path / "export.json"
    document.write_text(json.dumps({"agreements": [AGREEMENT | changes]}), encoding="utf-8")

    preview = run_bot("--lang", "uk", "kb", "import", str(document), cwd=tmp_path)

    output = preview.stdout + preview.stderr
    assert f"  - kharkiv-albuquerque-cooperation-2023: {refusal}" in output.splitlines(), output
    assert "змінених 1" not in output
    assert "змінені: kharkiv-albuquerque-cooperation-2023" not in output


@pytest.mark.parametrize(
    ("lang", "reason"),
    [("en", "its folder does not exist"), ("uk", "його теки не існує")],
)
def test_an_export_to_a_missing_folder_is_one_translated_line(
    tmp_path: Path, lang: str, reason: str
) -> None:
    target = tmp_path / "missing" / "x.csv"

    actual = run_bot("--lang", lang, "kb", "export", str(target), "--format", "csv", cwd=tmp_path)

    assert actual.returncode == 1
    assert actual.stderr.strip().endswith(f"{target}: {reason}")
    assert len(actual.stderr.strip().splitlines()) == 1
    assert not target.parent.exists()


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "This file is not an Excel workbook, though its name ends in .xlsx"),
        ("uk", "Цей файл не є книгою Excel, хоч його назва закінчується на .xlsx"),
    ],
)
def test_a_text_file_named_xlsx_is_told_it_is_no_workbook(
    tmp_path: Path, lang: str, expected: str
) -> None:
    fake = tmp_path / "x.xlsx"
    fake.write_text("hello world\n")

    actual = run_bot("--lang", lang, "kb", "import", str(fake), cwd=tmp_path)

    assert actual.returncode == 1
    assert expected in actual.stderr
    assert "Traceback" not in actual.stderr
