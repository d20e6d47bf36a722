"""Importing and exporting the knowledge base as files. Only `bot` imports it."""

from knowledge.interchange.csv_export import export_agreements_csv, export_aid_csv
from knowledge.interchange.document_export import export_document_text
from knowledge.interchange.service import (
    ImportPreview,
    ImportReport,
    Progress,
    apply_import,
    preview_import,
)
from knowledge.interchange.spreadsheets import AGREEMENT_COLUMNS, AID_COLUMNS, SheetKind
from knowledge.interchange.uploads import ImportLimits, ParsedImport, read_import
from knowledge.store.exporting import DocumentFormat

__all__ = [
    "AGREEMENT_COLUMNS",
    "AID_COLUMNS",
    "DocumentFormat",
    "ImportLimits",
    "ImportPreview",
    "ImportReport",
    "ParsedImport",
    "Progress",
    "SheetKind",
    "apply_import",
    "export_agreements_csv",
    "export_aid_csv",
    "export_document_text",
    "preview_import",
    "read_import",
]
