"""A cell a spreadsheet would run as a formula is refused on import and quoted on export, also
behind a space, a line break or an invisible character, or in a lookalike sign («＝», «＋»)."""

from __future__ import annotations

import pytest

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.messages import ImportRejectedError
from knowledge.interchange.csv_export import sheet_cell
from knowledge.interchange.planning import plan_rows
from knowledge.interchange.uploads import read_import
from knowledge.store.curated import read_hromadas

HEADER = "key,hromada,oblast,partner_city,partner_country,kind,status,signed_on,source_title,notes"


# --- formulas ---------------------------------------------------------------------------------

FORMULAS = [
    " =1+1",
    "\t=1+1",
    "\n=1+1",
    "\u200b=1+1",
    "\N{FULLWIDTH EQUALS SIGN}1+1",
    "\N{FULLWIDTH PLUS SIGN}cmd|' /C calc'!A0",
    "\N{FULLWIDTH HYPHEN-MINUS}2+3+cmd|' /C calc'!A0",
    "\N{FULLWIDTH COMMERCIAL AT}SUM(A1:A2)",
    "\N{SMALL EQUALS SIGN}1+1",
    "\N{MINUS SIGN}2+3+cmd|' /C calc'!A0",
]


@pytest.mark.parametrize("cell", FORMULAS)
def test_a_formula_behind_a_space_or_in_a_lookalike_sign_is_refused(cell: str) -> None:
    row = ["", "Kharkiv", "", "Lille", "France", "twinning", "active", "", "Letter", cell]
    data = (HEADER + "\n" + ",".join(f'"{value}"' for value in row)).encode()

    with pytest.raises(ImportRejectedError) as refused:
        read_import(data, "sheet.csv")

    assert "looks like a formula" in str(refused.value)


@pytest.mark.parametrize("cell", FORMULAS)
def test_an_export_writes_a_formula_behind_a_space_or_a_lookalike_sign_as_text(
    cell: str,
) -> None:
    assert sheet_cell(cell) == "'" + cell


def test_a_number_and_a_lone_dash_are_no_formulas() -> None:
    row = ",Kharkiv,,Lille,France,twinning,active,-,Letter, \N{FULLWIDTH HYPHEN-MINUS}5"

    parsed = read_import(f"{HEADER}\n{row}".encode(), "sheet.csv")
    plan = plan_rows(parsed, KnowledgeDocument(hromadas=read_hromadas()))

    assert plan.rejected == []
