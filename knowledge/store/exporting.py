"""Reads the knowledge base back out as a document, and writes documents as YAML or JSON."""

from __future__ import annotations

import json
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


def _plain(document: KnowledgeDocument) -> dict[str, Any]:
    # Defaults are left out, so an export reads like the curated files.
    return document.model_dump(mode="json", exclude_defaults=True)


def dump_document(document: KnowledgeDocument, file_format: DocumentFormat) -> str:
    """The document as YAML or JSON text."""
    if file_format is DocumentFormat.JSON:
        return json.dumps(_plain(document), ensure_ascii=False, indent=2) + "\n"
    return yaml.safe_dump(_plain(document), allow_unicode=True, sort_keys=False, width=99)
