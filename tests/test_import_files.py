"""Reading uploaded files: the good ones become rows, the bad and hostile ones are refused."""

from __future__ import annotations

import codecs
import json

import pytest

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.messages import ImportRejectedError, Problem
from knowledge.interchange import ImportLimits, SheetKind, read_import
from knowledge.interchange.planning import plan_rows
from knowledge.store.curated import read_hromadas

HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)
GOOD_ROW = "Kharkiv,Košice,Slovakia,cooperation agreement,active,2023,,Letter,,2024-01-12,"
KHARKIV = "UA63120270000028556"


def _refusal(data: bytes, filename: str = "partners.csv", **limits: int) -> str:
    with pytest.raises(ImportRejectedError) as caught:
        read_import(data, filename, limits=ImportLimits(**limits))
    return "; ".join(problem.render(str) for problem in caught.value.problems)


def _rows(problems: list[Problem]) -> list[tuple[int | None, str]]:
    return [(problem.row, problem.render(str)) for problem in problems]


def test_agreement_rows_are_read_and_bad_rows_refused_with_their_spreadsheet_numbers() -> None:
    text = "\n".join(
        [
            HEADER,
            GOOD_ROW,
            "Bila Tserkva,Jelgava,LV,twinning,active,12.05.2019,2099,Decision,,,",
            "",
            "Novoselivka,Paris,France,twinning,active,2020,,Letter,,,",
            "Kharkiv,Brno,Czechia,twinning,active,2020-13,,Letter,,,",
            "Kharkiv,Brno,Narnia,twinning,active,,,Letter,,,",
            "Kharkiv,Brno,CZ,handshake,active,,,Letter,,,",
            "Kharkiv,Brno,CZ,twinning,active,2020,2019,Letter,,,",
            "Kharkiv,Brno,CZ,twinning,active,2020,,,,,",
        ]
    )

    actual = read_import(text.encode(), "partners.csv")

    assert actual.sheet is SheetKind.AGREEMENTS
    assert [(row.row, row.hromada, row.partner_country) for row in actual.agreements] == [
        (2, KHARKIV, "SK"),
        (3, "UA32020010000093088", "LV"),
        (5, "", "FR"),
    ]
    assert str(actual.agreements[1].signed_on) == "2019-05-12"
    # A name several hromadas share is left for the import to settle by the sheet's other
    # rows and the stored partners; nothing settles it here, so the import refuses it.
    undecided = actual.agreements[2].undecided
    assert undecided is not None
    assert _rows([undecided])[0][1].startswith("ambiguous hromada Novoselivka: ")
    planned = plan_rows(actual, KnowledgeDocument(hromadas=read_hromadas()))
    assert [problem.row for problem in planned.rejected] == [5, 6, 7, 8, 9, 10]
    rejected = _rows(actual.rejected)
    assert [row for row, _ in rejected] == [6, 7, 8, 9, 10]
    assert rejected == [
        (
            6,
            "signed_on: 2020-13 is not a date (write 12.03.2024, 12 March 2024, 03.2024,"
            " March 2024, 2024 or 2024-03-12)",
        ),
        (7, "partner_country: unknown country Narnia"),
        (
            8,
            "kind: unknown kind handshake (write one of twinning, cooperation_agreement,"
            " memorandum, friendship_pledge, protocol_of_intent, other)",
        ),
        (
            9,
            "expires_on: 2019 is before the signing date 2020: write the date the term ends,"
            " after the signing",
        ),
        (10, "no source: every fact needs a source_title or a source_url"),
    ]


@pytest.mark.parametrize("kind", ["partnership", "Partnership", "партнерство"])
def test_a_partnership_as_press_offices_write_it_is_a_cooperation_agreement(kind: str) -> None:
    text = f"{HEADER}\nKharkiv,Brno,CZ,{kind},active,2020,,Letter,,,\n"

    actual = read_import(text.encode(), "partners.csv")

    assert [row.kind for row in actual.agreements] == ["cooperation_agreement"]
    assert actual.rejected == []


@pytest.mark.parametrize("unknown", ["-", "—", " – "])
def test_a_dash_for_a_date_is_a_date_the_source_does_not_give(unknown: str) -> None:
    text = f"{HEADER}\nKharkiv,Brno,CZ,twinning,active,{unknown},{unknown},Letter,,,\n"

    actual = read_import(text.encode(), "partners.csv")

    assert actual.rejected == []
    assert [(row.signed_on, row.expires_on) for row in actual.agreements] == [(None, None)]


def test_an_unknown_status_lists_the_statuses_accepted() -> None:
    text = f"{HEADER}\nKharkiv,Brno,CZ,twinning,sleeping,2020,,Letter,,,\n"

    actual = read_import(text.encode(), "partners.csv")

    assert _rows(actual.rejected) == [
        (
            2,
            "status: unknown status sleeping (write one of active, in_negotiation, planned,"
            " suspended, terminated, expired)",
        )
    ]


def test_excel_files_with_semicolons_bom_and_windows_1251_are_read_and_say_so() -> None:
    text = HEADER + "\r\n" + "Харків;Кошице;Словаччина;побратимство;чинна;2023;;Лист;;;\r\n"
    text = text.replace(",", ";")

    actual = read_import(text.encode("cp1251"), "partners.csv")
    with_bom = read_import(codecs.BOM_UTF8 + text.encode(), "partners.csv")

    assert [(row.hromada, row.partner_country, row.kind) for row in actual.agreements] == [
        (KHARKIV, "SK", "twinning")
    ]
    assert [note.render(str) for note in actual.notes] == [
        "The file was read as Windows-1251 (Cyrillic) text."
    ]
    assert with_bom.agreements == actual.agreements
    assert with_bom.notes == []


def test_an_aid_sheet_is_told_apart_by_its_header() -> None:
    text = (
        "hromada,received_on,donor_country,donor_city,description,amount,currency,"
        "source_title\n"
        'Kharkiv,2023-05,Poland|Germany,,Generators,"1 234,50",EUR,Report\n'
        "Kharkiv,2023,Latvia,Jelgava,Buses,,,Report\n"
        "Kharkiv,2023,Latvia|Poland,Jelgava,Buses,,,Report\n"
    )

    actual = read_import(text.encode(), "aid.csv")

    assert actual.sheet is SheetKind.AID
    assert [(row.donor_countries, str(row.amount)) for row in actual.aid] == [
        (("PL", "DE"), "1234.50"),
        (("LV",), "None"),
    ]
    assert _rows(actual.rejected) == [(4, "donor_city needs exactly one donor_country")]


def test_a_formula_anywhere_refuses_the_whole_file_naming_the_cells() -> None:
    text = "\n".join(
        [
            HEADER,
            GOOD_ROW,
            'Kharkiv,Brno,CZ,twinning,active,2020,,"=HYPERLINK(""http://x"")",,,',
            "Kharkiv,Brno,CZ,twinning,active,2020,,Letter,,,@SUM(A1)",
            "Kharkiv,Brno,CZ,twinning,active,2020,,Letter,,,-",
        ]
    )

    with pytest.raises(ImportRejectedError) as caught:
        read_import(text.encode(), "partners.csv", limits=ImportLimits())
    heading, *cells = _rows(caught.value.problems)

    assert heading == (None, "The file has cells that start like formulas (=, +, -, @):")
    assert [row for row, _reason in cells] == [3, 4]
    assert cells[0][1].startswith("source_title: =HYPERLINK")
    assert cells[1][1] == "notes: @SUM(A1) looks like a formula"


def test_a_billion_laughs_yaml_is_refused_before_it_expands() -> None:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in "bcdefghi":
        previous = chr(ord(level) - 1)
        lines.append(f"{level}: &{level} [" + ",".join([f"*{previous}"] * 9) + "]")

    actual = _refusal("\n".join(lines).encode(), "export.yaml")

    assert actual == "The file uses too many YAML aliases."


def test_a_deeply_nested_json_is_refused_without_exhausting_the_stack() -> None:
    actual = _refusal(b"[" * 10_000 + b"]" * 10_000, "export.json")

    assert actual == "The file is nested too deeply."


def test_yaml_with_a_python_tag_is_refused() -> None:
    actual = _refusal(b"sources: !!python/object/apply:os.system ['true']\n", "export.yaml")

    assert actual == (
        "The file is not valid YAML:; Line 1: the tag !!python/object/apply:os.system is not"
        " allowed; write plain values, lists and keys"
    )


def test_a_file_over_the_limit_is_refused() -> None:
    data = (HEADER + "\n" + (GOOD_ROW + "\n") * 90_000).encode()
    assert len(data) > 6 * 1024 * 1024

    assert _refusal(data) == "The file is larger than 5 MB."


@pytest.mark.parametrize(
    ("data", "filename", "expected"),
    [
        (b"", "partners.csv", "The file is empty."),
        (b"  \n\n", "partners.csv", "The file is empty."),
        (
            codecs.BOM_UTF16_LE + (HEADER + "\n" + GOOD_ROW).encode("utf-16-le"),
            "partners.csv",
            "The file is in UTF-16; save it as UTF-8 (CSV UTF-8 in Excel).",
        ),
        (
            (HEADER + "\n" + GOOD_ROW).encode("utf-16-le"),
            "partners.csv",
            "The file is in UTF-16; save it as UTF-8 (CSV UTF-8 in Excel).",
        ),
        (bytes(range(256)) * 4, "partners.csv", "This is not a text file."),
        (
            b"\x89PNG\r\n\x1a\n" + bytes(range(200, 256)) * 3,
            "partners.csv",
            "This is not a text file.",
        ),
        (
            b"hromada,\xc3\x28\xa0\xa1\xff\xfe",
            "partners.csv",
            "The file is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel).",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            "partners.xlsx",
            "The Excel workbook cannot be read; save it again as .xlsx.",
        ),
        (
            b"hello world\n",
            "partners.xlsx",
            "This file is not an Excel workbook, though its name ends in .xlsx; save it again"
            " from Excel as .xlsx, or send a .csv sheet.",
        ),
        (
            b"PK\x03\x04\x14\x00\x06\x00",
            "partners.zip",
            "This is a zipped file other than an Excel workbook; send a .xlsx or .csv sheet.",
        ),
        (
            b"%PDF-1.4",
            "partners.pdf",
            "Unsupported file type .pdf; send a .xlsx, .csv, .yaml, .yml or .json file.",
        ),
        (b"[1, 2", "export.json", "The file is not valid JSON:; Line 1, column 6: the JSON"),
        (b"- just\n- a list\n", "export.yaml", "The file is not a knowledge base export"),
        (b"agreements: [{key: x}]\n", "export.yaml", "The file is not a valid knowledge"),
    ],
)
def test_malformed_files_are_refused_with_a_clear_reason(
    data: bytes, filename: str, expected: str
) -> None:
    assert _refusal(data, filename).startswith(expected)


def test_a_wrong_header_is_refused_listing_both_documented_headers() -> None:
    actual = _refusal(b"city,country,date\nKharkiv,UA,2023\n")

    assert actual.startswith("Unknown header. Agreements need: key,hromada,oblast,partner_city")
    assert "Aid needs: key,hromada,oblast,received_on,donor_kind" in actual


def test_a_misspelt_column_is_refused_rather_than_dropped() -> None:
    actual = _refusal((HEADER.replace("notes", "nots") + "\n" + GOOD_ROW).encode())

    assert actual.startswith("Unknown columns: nots. The header is: key,hromada,")


@pytest.mark.parametrize("header", ["Region", "регіон", "Область", "oblast"])
def test_the_oblast_column_may_be_headed_region_or_in_ukrainian(header: str) -> None:
    text = f"{HEADER},{header}\nHorodok,Lubaczów,Poland,twinning,active,,,Letter,,,,Lvivska\n"

    actual = read_import(text.encode(), "partners.csv")

    assert [row.hromada for row in actual.agreements] == ["UA46060070000047720"]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        # Beside an oblast column, "Region" may be the partner's region: not read as the oblast.
        ("oblast,Region", "Unknown columns: region."),
        ("oblast,область", "The header names these columns twice: oblast."),
    ],
)
def test_a_second_oblast_column_is_refused_rather_than_one_kept(extra: str, expected: str) -> None:
    row = "Horodok,Lubaczów,Poland,twinning,active,,,Letter,,,,Lvivska,Bavaria"
    text = f"{HEADER},{extra}\n{row}\n"

    assert _refusal(text.encode()).startswith(expected)


def test_a_broken_quote_is_refused_as_malformed_csv() -> None:
    actual = _refusal((HEADER + '\nKharkiv,"Brno\n').encode())

    assert actual.startswith("The file is not valid CSV:; Near line 2: the CSV cannot be read")


def test_too_many_rows_are_refused() -> None:
    data = (HEADER + "\n" + (GOOD_ROW + "\n") * 11).encode()

    assert _refusal(data, max_rows=10) == "The file has more than 10 rows."


def test_a_knowledge_base_export_is_read_as_a_document() -> None:
    data = json.dumps(
        {
            "places": [
                {
                    "key": "sk-kosice",
                    "name": {"uk": "Кошице", "en": "Košice"},
                    "name_local": "Košice",
                    "country": "SK",
                }
            ]
        }
    ).encode()

    actual = read_import(data, "export.json")

    assert actual.document is not None
    assert [place.key for place in actual.document.places] == ["sk-kosice"]


def test_a_sheet_saved_in_windows_1252_keeps_its_accented_latin_letters() -> None:
    text = "\r\n".join(
        [
            HEADER,
            "Kharkiv,Zürich,Switzerland,twinning,active,2020,,Brief,,,",
            "Kharkiv,Kraków,Poland,twinning,active,2021,,Brief,,,",
            "Kharkiv,São Paulo,Brazil,twinning,active,2022,,Brief,,,",
        ]
    )

    actual = read_import(text.encode("cp1252"), "partners.csv")

    assert [row.partner_city for row in actual.agreements] == ["Zürich", "Kraków", "São Paulo"]
    assert [note.render(str) for note in actual.notes] == [
        "The file was read as Windows-1252 (Western European) text."
    ]


def test_a_cyrillic_sheet_in_windows_1251_with_latin_columns_stays_cyrillic() -> None:
    text = HEADER + "\r\n" + "Kharkiv,Кошице,SK,twinning,active,2023,,Лист,,,\r\n"

    actual = read_import(text.encode("cp1251"), "partners.csv")

    assert [row.partner_city for row in actual.agreements] == ["Кошице"]


@pytest.mark.parametrize(
    "row",
    [
        # "éé" in Windows-1252 is "йй" in Windows-1251: either could be meant.
        b"Kharkiv,\xe9\xe9,France,twinning,active,2020,,Brief,,,",
        # "Łódź" saved in Windows-1250 reads as "£ódŸ" or "Јуdџ": neither is a name.
        "Kharkiv,Łódź,Poland,twinning,active,2020,,Brief,,,".encode("cp1250"),
    ],
)
def test_a_sheet_whose_code_page_cannot_be_told_is_refused_not_misread(row: bytes) -> None:
    actual = _refusal(HEADER.encode() + b"\r\n" + row)

    assert "save it as UTF-8 (CSV UTF-8 in Excel)" in actual


PLACE_YAML = """places:
  - key: sk-kosice
    name:
      uk: Кошице
      en: Košice
    name_local: Košice
    country: SK
    country: CZ
"""
PLACE_JSON = """{
  "places": [
    {
      "key": "sk-kosice",
      "name": {"uk": "Кошице", "en": "Košice"},
      "name_local": "Košice",
      "country": "SK",
      "name": {"uk": "Кошіце", "en": "Kosice"}
    }
  ]
}
"""


@pytest.mark.parametrize(
    ("text", "filename", "expected"),
    [
        (PLACE_YAML, "export.yaml", 'Line 8: the key "country" is given twice'),
        (PLACE_JSON, "export.json", 'Line 8: the key "name" is given twice'),
    ],
)
def test_a_key_given_twice_in_a_record_is_refused_naming_it_and_its_line(
    text: str, filename: str, expected: str
) -> None:
    assert _refusal(text.encode(), filename).startswith(expected)


def test_the_same_key_in_two_records_is_not_a_key_given_twice() -> None:
    record = {"key": "sk-kosice", "name": {"uk": "Кошице", "en": "Košice"}, "country": "SK"}
    record["name_local"] = "Košice"
    other = record | {"key": "cz-brno", "name": {"uk": "Брно", "en": "Brno"}, "country": "CZ"}
    other["name_local"] = "Brno"

    actual = read_import(json.dumps({"places": [record, other]}, indent=1).encode(), "x.json")

    assert actual.document is not None
    assert [place.key for place in actual.document.places] == ["sk-kosice", "cz-brno"]
