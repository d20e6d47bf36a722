"""Importing and exporting the knowledge base as files: documents and spreadsheets."""

from knowledge.importing.exporting import export_agreements_csv, export_aid_csv
from knowledge.importing.hromadas import HromadaIndex, Resolved, shipped_index
from knowledge.importing.problems import ImportRejectedError, Problem
from knowledge.importing.reading import ImportLimits, ParsedImport, read_import
from knowledge.importing.service import (
    ImportPreview,
    ImportReport,
    Progress,
    apply_import,
    preview_import,
)
from knowledge.importing.spreadsheets import AGREEMENT_COLUMNS, AID_COLUMNS, SheetKind

__all__ = [
    "AGREEMENT_COLUMNS",
    "AID_COLUMNS",
    "HromadaIndex",
    "ImportLimits",
    "ImportPreview",
    "ImportRejectedError",
    "ImportReport",
    "ParsedImport",
    "Problem",
    "Progress",
    "Resolved",
    "SheetKind",
    "apply_import",
    "export_agreements_csv",
    "export_aid_csv",
    "preview_import",
    "read_import",
    "shipped_index",
]
