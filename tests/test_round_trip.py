"""An export loaded into an empty database gives back every fact and source exactly, and an
exported sheet imports back unchanged."""

from __future__ import annotations

import io
from collections.abc import Awaitable

import pytest
from openpyxl import load_workbook
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.facts.documents import Bilingual, KnowledgeDocument
from knowledge.interchange import (
    apply_import,
    export_agreements_csv,
    export_aid_csv,
    preview_import,
    read_import,
)
from knowledge.interchange.workbook import export_agreements_xlsx, export_aid_xlsx
from knowledge.store.document_files import parse_document
from knowledge.store.engines import session_factory
from knowledge.store.exporting import DocumentFormat, dump_document, export_document
from knowledge.store.loading import load_document
from knowledge.store.rights import SystemWriter
from tests import factories
from tests.admin_support import aid, base_document, exported, seed


@pytest.mark.parametrize("file_format", list(DocumentFormat))
async def test_export_then_load_into_an_empty_database_round_trips_exactly(
    seeded_engine: AsyncEngine, engine: AsyncEngine, file_format: DocumentFormat
) -> None:
    async with session_factory(seeded_engine)() as session:
        expected = await export_document(session)
    text = dump_document(expected, file_format)

    async with session_factory(engine)() as session, session.begin():
        await load_document(
            session,
            parse_document(text, name="export", is_json=file_format is DocumentFormat.JSON),
            writer=SystemWriter("test"),
        )
    async with session_factory(engine)() as session:
        actual = await export_document(session)

    assert actual == expected
    assert dump_document(actual, file_format) == text
    assert len(actual.agreements) == 14
    assert len(actual.sources) == 4


async def test_the_full_export_carries_every_hromada(seeded_engine: AsyncEngine) -> None:
    async with session_factory(seeded_engine)() as session:
        referenced = await export_document(session)
        everything = await export_document(session, all_hromadas=True)

    assert {hromada.name_uk for hromada in referenced.hromadas} == {
        "Харківська",
        "Менська",
        "Куп’янська",
        "Золочівська",
    }
    assert len(everything.hromadas) == 1774


GUARDED_NOTES = {"uk": "Бюджет скорочено на 5%", "en": "-5% budget"}
EXPORTS = {
    "agreements.csv": lambda session: _encoded(export_agreements_csv(session)),
    "aid.csv": lambda session: _encoded(export_aid_csv(session)),
    "agreements.xlsx": lambda session: export_agreements_xlsx(session, "uk"),
    "aid.xlsx": lambda session: export_aid_xlsx(session, "en"),
}


async def _encoded(text: Awaitable[str]) -> bytes:
    return (await text).encode()


def _guarded_document() -> KnowledgeDocument:
    """Notes and texts that a spreadsheet would run as formulas, in both languages."""
    document = base_document()
    document.agreements[0] = document.agreements[0].model_copy(
        update={"notes": Bilingual.model_validate(GUARDED_NOTES)}
    )
    document.aid[0] = aid(
        notes=GUARDED_NOTES, description={"uk": "=Генератори", "en": "=Generators"}
    )
    document.sources[0] = factories.source(
        title={"uk": "+Лист міської ради", "en": "@Council letter"}
    )
    # Signs a spreadsheet reads as = + - once folded (full-width, small), and a minus sign.
    document.aid.append(
        aid(
            "test-aid-lookalike",
            received_on="2024-04",
            notes={"uk": "\N{MINUS SIGN}5% бюджету", "en": "\N{SMALL HYPHEN-MINUS}5% budget"},
            description={
                "uk": "\N{FULLWIDTH PLUS SIGN}Генератори",
                "en": "\N{FULLWIDTH EQUALS SIGN}Generators",
            },
        )
    )
    return document


@pytest.mark.parametrize("export", list(EXPORTS))
async def test_an_exported_sheet_imports_back_unchanged(engine: AsyncEngine, export: str) -> None:
    await seed(engine, _guarded_document())
    before = await exported(engine)
    async with session_factory(engine)() as session:
        data = await EXPORTS[export](session)
    parsed = read_import(data, export)
    if export == "aid.csv":
        assert "'\N{FULLWIDTH EQUALS SIGN}Generators" in data.decode()

    async with session_factory(engine)() as session:
        preview = await preview_import(session, parsed)
        report = await apply_import(session, parsed, writer=SystemWriter("test"))

    assert preview.rejected == []
    assert preview.changed == {}
    assert preview.new == {}
    assert not report.load.changed
    assert await exported(engine) == before


async def test_an_xlsx_export_keeps_a_text_a_spreadsheet_would_run_as_it_is_quoted_by_style(
    engine: AsyncEngine,
) -> None:
    await seed(engine, _guarded_document())
    async with session_factory(engine)() as session:
        data = await export_aid_xlsx(session, "en")

    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    header = [cell.value for cell in sheet[1]]
    cells = {
        (row[header.index("key")].value, column): row[header.index(column)]
        for row in sheet.iter_rows(min_row=2)
        for column in ("description", "notes")
    }

    quoted = [cells["test-aid", "description"], cells["test-aid", "notes"]]
    assert [cell.value for cell in quoted] == ["=Generators", "-5% budget"]
    assert all(cell.data_type == "s" and cell.quotePrefix for cell in quoted)
    lookalike = cells["test-aid-lookalike", "notes"]
    assert lookalike.value == "\N{SMALL HYPHEN-MINUS}5% budget"
    assert lookalike.quotePrefix


# Twelve states' aid in one record: their names in either language, joined, are longer than
# one name may be, each of them is not.
MANY_DONORS = ("BA", "GB", "US", "CZ", "NL", "DE", "PL", "LT", "LV", "EE", "SK", "FR")
AID_EXPORTS = {
    "aid.csv": lambda session: _encoded(export_aid_csv(session)),
    "aid-uk.xlsx": lambda session: export_aid_xlsx(session, "uk"),
    "aid-en.xlsx": lambda session: export_aid_xlsx(session, "en"),
}


@pytest.mark.parametrize("export", list(AID_EXPORTS))
async def test_aid_of_many_donor_countries_imports_back_unchanged(
    engine: AsyncEngine, export: str
) -> None:
    document = base_document()
    document.aid[0] = aid(donors=[{"kind": "country", "country": code} for code in MANY_DONORS])
    await seed(engine, document)
    before = await exported(engine)
    async with session_factory(engine)() as session:
        data = await AID_EXPORTS[export](session)
    parsed = read_import(data, export)

    async with session_factory(engine)() as session:
        preview = await preview_import(session, parsed)
        report = await apply_import(session, parsed, writer=SystemWriter("test"))

    assert preview.rejected == []
    assert preview.changed == {}
    assert preview.new == {}
    assert not report.load.changed
    assert await exported(engine) == before
