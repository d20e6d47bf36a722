"""Importing and exporting the knowledge base as files. Only `bot` imports it."""

from knowledge.interchange.csv_export import export_agreements_csv, export_aid_csv
from knowledge.interchange.service import (
    ImportPreview,
    ImportReport,
    Progress,
    apply_import,
    preview_import,
)
from knowledge.interchange.spreadsheets import AGREEMENT_COLUMNS, AID_COLUMNS, SheetKind
from knowledge.interchange.uploads import ImportLimits, ParsedImport, read_import

__all__ = [
    "AGREEMENT_COLUMNS",
    "AID_COLUMNS",
    "ImportLimits",
    "ImportPreview",
    "ImportReport",
    "ParsedImport",
    "Progress",
    "SheetKind",
    "apply_import",
    "export_agreements_csv",
    "export_aid_csv",
    "preview_import",
    "read_import",
]
