"""Reads the knowledge base back out as a document, and writes documents as YAML or JSON."""

from __future__ import annotations

import json
from collections.abc import Collection, Mapping
from enum import StrEnum
from typing import Any, TypeVar

import yaml
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import Select

from knowledge.facts.documents import KnowledgeDocument
from knowledge.store import mapping, models

Row = TypeVar("Row", bound=models.Base)


class DocumentFormat(StrEnum):
    """The file formats a knowledge document is written in."""

    YAML = "yaml"
    JSON = "json"


async def _rows(session: AsyncSession, query: Select[Row]) -> list[Row]:
    # populate_existing: rows changed earlier in this session are read as stored now.
    result = await session.scalars(query.execution_options(populate_existing=True))
    return list(result.all())


async def export_document(
    session: AsyncSession, *, all_hromadas: bool = False
) -> KnowledgeDocument:
    """Everything curated, plus the hromadas it refers to (or every hromada if asked)."""
    sources = await _rows(session, select(models.SourceRow).order_by(models.SourceRow.key))
    places = await _rows(session, select(models.PlaceRow).order_by(models.PlaceRow.key))
    agreements = await _rows(
        session, select(models.AgreementRow).order_by(models.AgreementRow.key)
    )
    aid = await _rows(session, select(models.AidRow).order_by(models.AidRow.key))
    activities = await _rows(session, select(models.ActivityRow).order_by(models.ActivityRow.key))
    programmes = await _rows(
        session, select(models.ProgrammeRow).order_by(models.ProgrammeRow.key)
    )
    hromada_query = select(models.HromadaRow).order_by(models.HromadaRow.code)
    if not all_hromadas:
        referenced = {
            row.hromada_code
            for group in (agreements, aid, activities, programmes)
            for row in group
        }
        hromada_query = hromada_query.where(models.HromadaRow.code.in_(sorted(referenced)))
    hromadas = await _rows(session, hromada_query)
    return KnowledgeDocument(
        sources=[mapping.source_doc(row) for row in sources],
        hromadas=[mapping.hromada_doc(row) for row in hromadas],
        places=[mapping.place_doc(row) for row in places],
        agreements=[mapping.agreement_doc(row) for row in agreements],
        aid=[mapping.aid_doc(row) for row in aid],
        activities=[mapping.activity_doc(row) for row in activities],
        programmes=[mapping.programme_doc(row) for row in programmes],
    )


# Keys looked up in one query: well under what SQLite and asyncpg accept as parameters.
_KEYS_AT_ONCE = 500


async def export_records(
    session: AsyncSession, keys: Mapping[str, Collection[str]]
) -> KnowledgeDocument:
    """Only the stored records named in `keys` (a document section, such as "agreements", to
    the keys, or for "hromadas" the codes, of its records); those not stored are left out.
    Reads as many rows as it is asked for, whatever the size of the knowledge base."""
    tables: dict[str, tuple[Any, Any, Any]] = {
        "sources": (models.SourceRow, models.SourceRow.key, mapping.source_doc),
        "hromadas": (models.HromadaRow, models.HromadaRow.code, mapping.hromada_doc),
        "places": (models.PlaceRow, models.PlaceRow.key, mapping.place_doc),
        "agreements": (models.AgreementRow, models.AgreementRow.key, mapping.agreement_doc),
        "aid": (models.AidRow, models.AidRow.key, mapping.aid_doc),
        "activities": (models.ActivityRow, models.ActivityRow.key, mapping.activity_doc),
        "programmes": (models.ProgrammeRow, models.ProgrammeRow.key, mapping.programme_doc),
    }
    sections: dict[str, list[Any]] = {}
    for section, (table, column, to_doc) in tables.items():
        wanted = sorted(set(keys.get(section, ())))
        rows: list[Any] = []
        for start in range(0, len(wanted), _KEYS_AT_ONCE):
            part = wanted[start : start + _KEYS_AT_ONCE]
            rows += await _rows(session, select(table).where(column.in_(part)).order_by(column))
        sections[section] = [to_doc(row) for row in rows]
    return KnowledgeDocument(**sections)


def _plain(document: KnowledgeDocument) -> dict[str, Any]:
    # Defaults are left out, so an export reads like the curated files.
    return document.model_dump(mode="json", exclude_defaults=True)


def dump_document(document: KnowledgeDocument, file_format: DocumentFormat) -> str:
    """The document as YAML or JSON text."""
    if file_format is DocumentFormat.JSON:
        return json.dumps(_plain(document), ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(_plain(document), allow_unicode=True, sort_keys=False, width=99)
