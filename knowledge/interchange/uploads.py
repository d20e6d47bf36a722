"""Reads an uploaded file into rows or a document, refusing what is malformed or hostile.

Everything here works on bytes already in memory and touches no database, so the bot can
check a file before it says anything, and the command line can share the same checks.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

import charset_normalizer
import yaml
from pydantic import ValidationError

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.messages import N_, ImportRejectedError, Problem, rejected, too_long
from knowledge.facts.plausibility import entry_context
from knowledge.facts.unreadable import csv_problem, json_problem, validation_problems, yaml_problem
from knowledge.interchange.spreadsheets import (
    COLUMNS,
    REQUIRED,
    AgreementCells,
    AidCells,
    SheetKind,
    cell_length,
    column_limit,
    read_agreement_row,
    read_aid_row,
    runs_as_formula,
    visible_text,
)
from knowledge.interchange.workbook import workbook_records
from knowledge.places.hromadas import HromadaIndex, shipped_index
from knowledge.store.document_files import DUPLICATE_KEY, DuplicateKeyError, load_json, load_yaml


@dataclass(frozen=True)
class ImportLimits:
    """How much a file may hold before it is refused as too large or too deep."""

    max_bytes: int = 5 * 1024 * 1024
    max_rows: int = 20_000
    max_depth: int = 32
    max_yaml_aliases: int = 10
    max_cell_chars: int = 10_000


@dataclass
class ParsedImport:
    """An uploaded file, read: a whole document, or spreadsheet rows and refused rows."""

    filename: str
    sheet: SheetKind | None = None
    document: KnowledgeDocument | None = None
    agreements: list[AgreementCells] = field(default_factory=list)
    aid: list[AidCells] = field(default_factory=list)
    rejected: list[Problem] = field(default_factory=list)
    notes: list[Problem] = field(default_factory=list)

    @property
    def rows(self) -> int:
        """How many records the file holds, refused ones included."""
        if self.document is not None:
            return sum(
                len(getattr(self.document, name)) for name in KnowledgeDocument.model_fields
            )
        return len(self.agreements) + len(self.aid) + len(self.rejected)


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_NUMBER = re.compile(r"^[+-]?\d[\d\s.,]*$")
_SUFFIXES = {
    ".csv": "csv",
    ".yaml": "yaml",
    ".yml": "yaml",
    ".json": "json",
}


def _decode(data: bytes, notes: list[Problem]) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or (
        len(data) > 3 and (data[1] == 0 or data[0] == 0) and data.count(0) * 3 >= len(data)
    ):
        raise rejected(N_("The file is in UTF-16; save it as UTF-8 (CSV UTF-8 in Excel)."))
    if _CONTROL_BYTES.search(data):
        raise rejected(N_("This is not a text file."))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        encoding, text = _legacy_encoding(data)
        notes.append(Problem(_READ_AS[encoding]))
    if _CONTROL.search(text):
        raise rejected(N_("This is not a text file."))
    return text


# The code pages Excel saves a CSV in where UTF-8 is not chosen: Windows-1251 in Ukraine
# (Cyrillic), Windows-1252 where the sheet was made in Western Europe (Zürich, São Paulo).
_READ_AS = {
    "cp1251": N_("The file was read as Windows-1251 (Cyrillic) text."),
    "cp1252": N_("The file was read as Windows-1252 (Western European) text."),
}
# Letters of each code page a sheet of partnerships is written in, besides ASCII.
_CYRILLIC = "А-Яа-яЁёІіЇїЄєҐґ"
_LATIN = "À-ÖØ-öø-ÿŒœŠšŽžŸ"
_PUNCTUATION = "«»№–—‘’“”„…\u00a0\u00b0\u00a7\u00b7"
_CODE_PAGE_TEXT = {
    "cp1251": re.compile(f"^[\\x09\\x0a\\x0d\\x20-\\x7e{_CYRILLIC}{_PUNCTUATION}]*$"),
    "cp1252": re.compile(f"^[\\x09\\x0a\\x0d\\x20-\\x7e{_LATIN}{_PUNCTUATION}]*$"),
}
# A word of Latin and Cyrillic letters together ("Zьrich" for "Zürich" read as Windows-1251),
# a capital after a small letter past ASCII ("ŁódŸ" for "Łódź"), or three accented letters in
# a row ("Êîøèöå" for "Кошице" read as Windows-1252) is a wrong code page, not a spelling.
_MISREAD = re.compile(
    f"[A-Za-z{_LATIN}][{_CYRILLIC}]|[{_CYRILLIC}][A-Za-z{_LATIN}]"
    f"|[a-zß-ÿœšž][À-ÖØ-ÞŒŠŽŸ]|[{_LATIN}]{{3}}"
)
# How much "mess" (charset-normalizer's chaos, 0..1) a reading may have and still be text.
_MAX_CHAOS = 0.1


def _legacy_encoding(data: bytes) -> tuple[str, str]:
    """The code page `data` (not UTF-8) is written in and its text, or a refusal.

    charset-normalizer reads the bytes in each code page and measures how messy each reading
    is; a reading is kept when it is tidy, made of its code page's letters, and never mixes
    scripts inside a word. One reading left is the answer; two different ones (a few accented
    letters read as well as "é" or "й") cannot be told apart, and the file is refused rather
    than imported as the wrong letters.
    """
    readings: dict[str, str] = {}
    for match in charset_normalizer.from_bytes(data, cp_isolation=list(_READ_AS)):
        text = str(match)
        if (
            match.encoding in _CODE_PAGE_TEXT
            and match.chaos <= _MAX_CHAOS
            and _CODE_PAGE_TEXT[match.encoding].match(text)
            and not _MISREAD.search(text)
        ):
            readings[match.encoding] = text
    if len(set(readings.values())) > 1:
        raise rejected(
            N_(
                "The file is not UTF-8, and it reads as well in Windows-1251 (Cyrillic) as in"
                " Windows-1252 (Western European); save it as UTF-8 (CSV UTF-8 in Excel)."
            )
        )
    if not readings:
        raise rejected(N_("The file is not UTF-8 text; save it as UTF-8 (CSV UTF-8 in Excel)."))
    # Ukrainian sheets come first: a reading both code pages give alike is Windows-1251.
    encoding = "cp1251" if "cp1251" in readings else next(iter(readings))
    return encoding, readings[encoding]


def _file_type(data: bytes, filename: str) -> str:
    suffix = PurePath(filename).suffix.lower()
    if data.startswith(b"PK\x03\x04"):
        if suffix == ".xlsx":
            return "xlsx"
        raise rejected(
            N_("This is a zipped file other than an Excel workbook; send a .xlsx or .csv sheet.")
        )
    if suffix == ".xlsx":
        # Every workbook is a zip archive: a name ending in .xlsx does not make one.
        raise rejected(
            N_(
                "This file is not an Excel workbook, though its name ends in .xlsx; save it"
                " again from Excel as .xlsx, or send a .csv sheet."
            )
        )
    if suffix in _SUFFIXES:
        return _SUFFIXES[suffix]
    if suffix not in ("", ".txt"):
        raise rejected(
            N_("Unsupported file type {suffix}; send a .xlsx, .csv, .yaml, .yml or .json file."),
            suffix=suffix,
        )
    head = data.lstrip()[:1]
    if head in (b"{", b"["):
        return "json"
    first_line = data.split(b"\n", 1)[0]
    return (
        "csv"
        if b"hromada" in first_line and first_line.count(b",") + first_line.count(b";")
        else "yaml"
    )


def read_import(
    data: bytes,
    filename: str,
    *,
    limits: ImportLimits | None = None,
    hromadas: HromadaIndex | None = None,
) -> ParsedImport:
    """Read an uploaded file; raises ImportRejectedError when the file as a whole is refused."""
    limits = limits or ImportLimits()
    if len(data) > limits.max_bytes:
        raise rejected(
            N_("The file is larger than {limit} MB."), limit=limits.max_bytes // (1024 * 1024)
        )
    if not data.strip():
        raise rejected(N_("The file is empty."))
    file_type = _file_type(data, filename)
    parsed = ParsedImport(filename=filename)
    if file_type == "xlsx":
        _read_rows(_workbook_records(data, limits), parsed, limits, hromadas or shipped_index())
        return parsed
    text = _decode(data, parsed.notes)
    if file_type == "csv":
        _read_csv(text, parsed, limits, hromadas or shipped_index())
    else:
        raw = _load_json(text, limits) if file_type == "json" else _load_yaml(text, limits)
        parsed.document = _validate(raw)
    return parsed


def _load_json(text: str, limits: ImportLimits) -> Any:
    # The depth is measured before parsing: a 10,000-deep array would exhaust the stack.
    depth = 0
    for token in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        bracket = token.group()
        if bracket in "[{":
            depth += 1
            if depth > limits.max_depth:
                raise rejected(N_("The file is nested too deeply."))
        elif bracket in "]}":
            depth -= 1
    try:
        return load_json(text)
    except DuplicateKeyError as error:
        raise _duplicate_key(error) from None
    except RecursionError:
        raise rejected(N_("The file is nested too deeply.")) from None
    except json.JSONDecodeError as error:
        raise ImportRejectedError(
            [Problem(N_("The file is not valid JSON:")), json_problem(error)]
        ) from None


def _load_yaml(text: str, limits: ImportLimits) -> Any:
    # The events are counted before anything is built: a "billion laughs" file is a few
    # lines of anchors whose aliases expand to gigabytes when constructed.
    depth = aliases = 0
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                aliases += 1
                if aliases > limits.max_yaml_aliases:
                    raise rejected(N_("The file uses too many YAML aliases."))
            elif isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > limits.max_depth:
                    raise rejected(N_("The file is nested too deeply."))
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
        return load_yaml(text)
    except DuplicateKeyError as error:
        raise _duplicate_key(error) from None
    except yaml.YAMLError as error:
        raise ImportRejectedError(
            [Problem(N_("The file is not valid YAML:")), yaml_problem(error)]
        ) from None


def _duplicate_key(error: DuplicateKeyError) -> ImportRejectedError:
    return rejected(
        DUPLICATE_KEY,
        line=error.line,
        key=error.key,
    )


def _validate(raw: Any) -> KnowledgeDocument:
    if raw is None:
        raise rejected(N_("The file is empty."))
    if not isinstance(raw, dict):
        raise rejected(N_("The file is not a knowledge base export: no sections at the top."))
    try:
        return KnowledgeDocument.model_validate(raw, context=entry_context())
    except ValidationError as error:
        # Each reason is its own problem, so it is worded in the reader's language.
        raise ImportRejectedError(
            [
                Problem(N_("The file is not a valid knowledge base export:")),
                *validation_problems(error)[:10],
            ]
        ) from None


# Headers a sheet gives the oblast column besides the documented one.
_OBLAST_HEADERS = frozenset({"область", "регіон", "oblast/region"})
# A bare "region" may be the partner's region: it is the oblast only in a sheet with no other
# oblast column.
_LOOSE_OBLAST_HEADER = "region"


# Headers renamed since sheets were first written, still read as the columns they became.
_FORMER_HEADERS = {"latitude": "hromada_latitude", "longitude": "hromada_longitude"}


def _header_key(cell: str) -> str:
    key = "_".join(cell.strip().casefold().replace("-", " ").split())
    key = _FORMER_HEADERS.get(key, key)
    return "oblast" if key in _OBLAST_HEADERS else key


def _header(cells: list[str]) -> list[str]:
    """The column names of a header row, each once.

    Raises ImportRejectedError when two cells name the same column ("oblast" and «область»),
    since either could be the one meant.
    """
    header = [_header_key(cell) for cell in cells]
    if "oblast" not in header:
        header = ["oblast" if key == _LOOSE_OBLAST_HEADER else key for key in header]
    twice = sorted({key for key in header if key and header.count(key) > 1})
    if twice:
        raise rejected(
            N_("The header names these columns twice: {columns}. Keep one of each."),
            columns=", ".join(twice),
        )
    return header


def _sheet_kind(header: list[str]) -> SheetKind:
    columns = set(header)
    for kind in (SheetKind.AGREEMENTS, SheetKind.AID):
        if set(REQUIRED[kind]) <= columns:
            unknown = [column for column in header if column not in COLUMNS[kind]]
            if unknown:
                raise rejected(
                    N_("Unknown columns: {columns}. The header is: {header}"),
                    columns=", ".join(unknown),
                    header=",".join(COLUMNS[kind]),
                )
            return kind
    raise rejected(
        N_("Unknown header. Agreements need: {agreements}. Aid needs: {aid}."),
        agreements=",".join(COLUMNS[SheetKind.AGREEMENTS]),
        aid=",".join(COLUMNS[SheetKind.AID]),
    )


def _delimiter(text: str) -> str:
    header = text.split("\n", 1)[0]
    # Excel with a Ukrainian locale separates with semicolons.
    return ";" if header.count(";") > header.count(",") else ","


def unguarded(cell: str) -> str:
    """A cell's text as stored: an export writes text a spreadsheet would run with a leading
    apostrophe ("'-5% budget"), which is dropped again here, so the export imports back."""
    if cell.startswith("'") and runs_as_formula(cell[1:]):
        return cell[1:]
    return cell


def _formula_cells(number: int, header: list[str], cells: list[str]) -> list[Problem]:
    found = []
    for column, cell in zip(header, cells, strict=False):
        # Checked on the text as a spreadsheet sees it: " =1+1", "\n=1+1" and «＝1+1» are
        # formulas too. A number ("-5", " -5,5") is not.
        if runs_as_formula(cell) and not _NUMBER.match(visible_text(cell)):
            found.append(
                Problem(
                    N_("{column}: {value} looks like a formula"),
                    {"column": column, "value": cell[:40]},
                    number,
                )
            )
    return found


def _read_csv(
    text: str, parsed: ParsedImport, limits: ImportLimits, hromadas: HromadaIndex
) -> None:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text), strict=True)
    try:
        records = list(reader)
    except csv.Error as error:
        raise ImportRejectedError(
            [Problem(N_("The file is not valid CSV:")), csv_problem(error, reader.line_num)]
        ) from None
    _read_rows(records, parsed, limits, hromadas)


def _workbook_records(data: bytes, limits: ImportLimits) -> list[list[str]]:
    try:
        return workbook_records(data, limits.max_rows)
    except (ValueError, KeyError, OSError, zipfile.BadZipFile):
        raise rejected(N_("The Excel workbook cannot be read; save it again as .xlsx.")) from None


def _read_rows(
    records: list[list[str]], parsed: ParsedImport, limits: ImportLimits, hromadas: HromadaIndex
) -> None:
    # Rows keep the numbers a spreadsheet shows them under, blank rows counted.
    numbered = [
        (number, record)
        for number, record in enumerate(records, start=1)
        if any(cell.strip() for cell in record)
    ]
    if not numbered:
        raise rejected(N_("The file is empty."))
    if len(numbered) - 1 > limits.max_rows:
        raise rejected(N_("The file has more than {limit} rows."), limit=limits.max_rows)
    header = _header(numbered[0][1])
    sheet = _sheet_kind(header)
    parsed.sheet = sheet
    # A formula anywhere means the file came out of a spreadsheet with live formulas, or
    # was made to attack whoever opens an export of it: the whole file is refused, listing
    # every such cell, so nothing from it is stored and later exported back into a sheet.
    formulas = [
        problem
        for number, record in numbered
        for problem in _formula_cells(number, header, record)
    ]
    if formulas:
        # Each cell is its own problem, with its row, so it is worded in the reader's language.
        raise ImportRejectedError(
            [Problem(N_("The file has cells that start like formulas (=, +, -, @):")), *formulas]
        )
    for number, record in numbered[1:]:
        if len(record) > len(header):
            parsed.rejected.append(
                Problem(
                    N_("the row has more cells ({count}) than the header ({columns})"),
                    {"count": len(record), "columns": len(header)},
                    number,
                )
            )
            continue
        if any(len(cell) > limits.max_cell_chars for cell in record):
            parsed.rejected.append(Problem(N_("a cell is too long"), {}, number))
            continue
        over = next(
            (
                (column, cell_length(column, cell))
                for column, cell in zip(header, record, strict=False)
                if cell_length(column, cell) > column_limit(column)
            ),
            None,
        )
        if over is not None:
            column, length = over
            parsed.rejected.append(too_long(column, column_limit(column), length, number))
            continue
        cells = dict(zip(header, (unguarded(cell) for cell in record), strict=False))
        if sheet is SheetKind.AGREEMENTS:
            agreement = read_agreement_row(number, cells, hromadas)
            if isinstance(agreement, Problem):
                parsed.rejected.append(agreement)
            else:
                parsed.agreements.append(agreement)
        else:
            aid = read_aid_row(number, cells, hromadas)
            if isinstance(aid, Problem):
                parsed.rejected.append(aid)
            else:
                parsed.aid.append(aid)
