"""The whole knowledge base as one YAML or JSON file, as `kb export` and /export write it."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store.exporting import DocumentFormat, dump_document, export_document


async def export_document_text(session: AsyncSession, file_format: DocumentFormat) -> str:
    """Everything curated, with the hromadas it refers to, as the text of a `file_format`
    file (defaults left out, so it reads like the curated files and imports back)."""
    return dump_document(await export_document(session), file_format)
