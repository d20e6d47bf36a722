"""The agreements and aid spreadsheets as Excel workbooks (.xlsx, through openpyxl).

Written for people: hromadas, countries, kinds and statuses by their names in the reader's
language, and each name is one the import reads back to the same record (a hromada whose
name and oblast would not tell it apart keeps its KATOTTH code). Read back: the first sheet's
cells as text, so a workbook goes through the same row checks as a CSV file.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus, AidCategory
from knowledge.interchange.csv_export import agreement_rows, aid_rows
from knowledge.interchange.spreadsheets import AGREEMENT_COLUMNS, AID_COLUMNS, runs_as_formula
from knowledge.places.countries import country_name
from knowledge.places.hromadas import HromadaIndex, Resolved, shipped_index
from knowledge.render.labels import AGREEMENT_KINDS, AGREEMENT_STATUSES, AID_CATEGORIES
from knowledge.render.translations import translation
from knowledge.store.exporting import export_document

XLSX_MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_WIDEST_COLUMN = 60


class _Names:
    """Codes turned into names of one language that the import reads back the same."""

    def __init__(self, document: KnowledgeDocument, lang: str, index: HromadaIndex) -> None:
        self.lang = lang
        self.gettext = translation(lang).gettext
        self.hromadas = {doc.code: doc for doc in document.hromadas}
        self.index = index

    def hromada(self, code: str) -> tuple[str, str]:
        """(hromada, oblast) cells: the name residents know (its centre's, «Полтава»), else the
        hromada's own («Полтавська»), whichever resolves back to the code; else the code."""
        doc = self.hromadas.get(code)
        if doc is None:
            return code, ""
        uk = self.lang == "uk"
        oblast = (doc.oblast_uk if uk else doc.oblast_en) or ""
        for name in (doc.center_uk if uk else doc.center_en, doc.name_uk if uk else doc.name_en):
            if not name:
                continue
            found = self.index.resolve(name, oblast)
            if isinstance(found, Resolved) and found.code == code:
                return name, oblast
        return code, ""

    def countries(self, codes: str) -> str:
        return "|".join(country_name(code, self.lang) for code in codes.split("|") if code)


def _readable(row: dict[str, object], names: _Names) -> dict[str, object]:
    cells = dict(row)
    cells["hromada"], cells["oblast"] = names.hromada(str(row["hromada"]))
    for column in ("partner_country", "donor_country"):
        if row.get(column):
            cells[column] = names.countries(str(row[column]))
    if row.get("status"):
        cells["status"] = names.gettext(AGREEMENT_STATUSES[AgreementStatus(str(row["status"]))])
    if row.get("category"):
        cells["category"] = names.gettext(AID_CATEGORIES[AidCategory(str(row["category"]))])
    if "partner_city" in row and row.get("kind"):
        cells["kind"] = names.gettext(AGREEMENT_KINDS[AgreementKind(str(row["kind"]))])
    return cells


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _workbook(title: str, columns: tuple[str, ...], rows: list[dict[str, object]]) -> bytes:
    # openpyxl is imported when a spreadsheet is made or read, not when the bot starts: it
    # costs a serving process start-up time and memory for a file an editor rarely sends.
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=False)
    sheet = book.create_sheet(title, 0)
    book.remove(book.worksheets[1])  # the empty sheet every new workbook starts with
    sheet.append(list(columns))
    for row in rows:
        sheet.append(
            ["" if row.get(column) is None else str(row.get(column)) for column in columns]
        )
        # Text a spreadsheet would run is stored as it is, as text, with the cell's "quote
        # prefix" style (Excel's leading apostrophe, kept out of the value): it is never run,
        # and it reads back unchanged.
        for cell in sheet[sheet.max_row]:
            if isinstance(cell.value, str) and runs_as_formula(cell.value):
                cell.data_type = "s"
                cell.quotePrefix = True
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for number, column in enumerate(columns, start=1):
        longest = max((len(str(row.get(column) or "")) for row in rows), default=0)
        width = min(_WIDEST_COLUMN, max(len(column), longest) + 2)
        sheet.column_dimensions[get_column_letter(number)].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


async def _export(
    session: AsyncSession,
    lang: str,
    title: str,
    columns: tuple[str, ...],
    rows_of: Callable[[KnowledgeDocument, str], list[dict[str, object]]],
) -> bytes:
    document = await export_document(session)
    names = _Names(document, lang, shipped_index())
    rows = rows_of(document, lang)
    return _workbook(title, columns, [_readable(row, names) for row in rows])


async def export_agreements_xlsx(session: AsyncSession, lang: str) -> bytes:
    """Every agreement as a row of an .xlsx agreements sheet, names in `lang` ("uk", "en")."""
    return await _export(session, lang, "agreements", AGREEMENT_COLUMNS, agreement_rows)


async def export_aid_xlsx(session: AsyncSession, lang: str) -> bytes:
    """Every aid record as a row of an .xlsx aid sheet, names in `lang` ("uk", "en")."""
    return await _export(session, lang, "aid", AID_COLUMNS, aid_rows)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        # Excel keeps dates as date-times; a cell typed as a date has no time of day.
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_cell(cell: Any) -> str:
    text = _cell_text(cell.value)
    # A text cell styled as quoted is text by the sheet's own word: it is read as an export
    # guards such text in CSV ("'=…"), so the row checks take it as text and drop the quote.
    style = getattr(cell, "style_array", None)
    if cell.data_type == "s" and style is not None and style.quotePrefix and runs_as_formula(text):
        return "'" + text
    return text


def workbook_records(data: bytes, max_rows: int) -> list[list[str]]:
    """The first sheet's rows as text cells, formulas as written (=…), at most `max_rows` + 1.

    Raises ValueError (or zipfile.BadZipFile, a ValueError's sibling: catch both) for a file
    that is no workbook.
    """
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        sheet = book.worksheets[0]
        records: list[list[str]] = []
        for row in sheet.iter_rows():
            records.append([_read_cell(cell) for cell in row])
            if len(records) > max_rows + 1:
                break
    finally:
        book.close()
    while records and not any(cell.strip() for cell in records[-1]):
        records.pop()
    return [_trimmed(record) for record in records]


def _trimmed(record: list[str]) -> list[str]:
    while record and not record[-1]:
        record = record[:-1]
    return record
