"""The agreements and aid as CSV, in the documented headers, so an export imports back."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping
from enum import Enum

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.dates import PartialDate
from knowledge.facts.documents import Bilingual, CitationDoc, KnowledgeDocument, Notes
from knowledge.facts.vocabulary import DonorKind
from knowledge.interchange.spreadsheets import (
    AGREEMENT_COLUMNS,
    AGREEMENT_FIELD_COLUMNS,
    AID_COLUMNS,
    AID_FIELD_COLUMNS,
    SOURCE_FIELD_COLUMNS,
    runs_as_formula,
)
from knowledge.store.exporting import export_document


def sheet_cell(value: object) -> str:
    """A value as a spreadsheet cell's text; text a spreadsheet would run is quoted."""
    text = "" if value is None else str(value)
    # A stored text that a spreadsheet would run is written as text (OWASP's advice), also
    # when a space, a line break or a full-width «＝» comes first.
    if runs_as_formula(text):
        return "'" + text
    return text


def _in(text: Bilingual | Notes | None, lang: str) -> str | None:
    """The text in `lang` ("uk", "en"), or in the other language when it has none in `lang`."""
    if text is None:
        return None
    first, second = (text.uk, text.en) if lang == "uk" else (text.en, text.uk)
    return first or second


def _cell(value: object, lang: str) -> object:
    """A record field's value as its cell holds it: a date ISO text, an enum its value, a
    text in `lang` ("uk", "en") or else in the other language."""
    if isinstance(value, Bilingual | Notes):
        return _in(value, lang)
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def _field_cells(doc: BaseModel, columns: Mapping[str, str], lang: str) -> dict[str, object]:
    """The cells of the columns holding `doc`'s fields as they are (`columns`: field to
    column, e.g. `AGREEMENT_FIELD_COLUMNS`)."""
    return {column: _cell(getattr(doc, field), lang) for field, column in columns.items()}


def _write(columns: tuple[str, ...], rows: Iterable[dict[str, object]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({column: sheet_cell(row.get(column)) for column in columns})
    return buffer.getvalue()


def _source_cells(
    document: KnowledgeDocument, citations: list[CitationDoc], lang: str
) -> dict[str, object]:
    sources = {doc.key: doc for doc in document.sources}
    return _field_cells(sources[citations[0].source], SOURCE_FIELD_COLUMNS, lang)


def agreement_rows(document: KnowledgeDocument, lang: str = "en") -> list[dict[str, object]]:
    """Every agreement as the cells of a row of the agreements spreadsheet (codes, not names);
    partner names, notes and source titles in `lang` ("uk", "en")."""
    places = {doc.key: doc for doc in document.places}
    return [
        {
            **_field_cells(doc, AGREEMENT_FIELD_COLUMNS, lang),
            "partner_city": _in(places[doc.place].name, lang),
            "partner_country": places[doc.place].country,
            "partner_name_uk": places[doc.place].name.uk,
            "partner_latitude": places[doc.place].latitude,
            "partner_longitude": places[doc.place].longitude,
            **_source_cells(document, doc.sources, lang),
        }
        for doc in document.agreements
    ]


async def export_agreements_csv(session: AsyncSession) -> str:
    """Every agreement as a row of the agreements spreadsheet."""
    return _write(AGREEMENT_COLUMNS, agreement_rows(await export_document(session)))


def aid_rows(document: KnowledgeDocument, lang: str = "en") -> list[dict[str, object]]:
    """Every aid record as the cells of a row of the aid spreadsheet; donors share one row;
    donor cities, descriptions, notes and source titles in `lang` ("uk", "en")."""
    places = {doc.key: doc for doc in document.places}
    rows: list[dict[str, object]] = []
    for doc in document.aid:
        donor: dict[str, object] = {}
        first = doc.donors[0] if doc.donors else None
        if first is not None and first.place is not None:
            place = places[first.place]
            donor = {
                "donor_kind": first.kind.value,
                "donor_country": first.country or place.country,
                "donor_city": _in(place.name, lang),
            }
        elif first is not None:
            same = [d for d in doc.donors if d.kind == first.kind and d.name == first.name]
            donor = {
                "donor_kind": first.kind.value,
                "donor_country": "|".join(d.country for d in same if d.country),
                "donor_organisation": first.name if first.kind is DonorKind.ORGANISATION else None,
            }
        rows.append(
            {
                **_field_cells(doc, AID_FIELD_COLUMNS, lang),
                **donor,
                **_source_cells(document, doc.sources, lang),
                # One kind of goods fits the sheet's columns; more stay as they are stored.
                **(
                    {"category": doc.items[0].category.value, "quantity": doc.items[0].quantity}
                    if len(doc.items) == 1
                    else {}
                ),
            }
        )
    return rows


async def export_aid_csv(session: AsyncSession) -> str:
    """Every aid record as a row of the aid spreadsheet; several donors share one row."""
    return _write(AID_COLUMNS, aid_rows(await export_document(session)))
