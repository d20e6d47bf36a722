"""Each record field a sheet holds has one column, named once, that export writes and import
reads; a field added to a record must be given a column or said to be kept out of the sheet."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import pytest
from pydantic import BaseModel

from knowledge.facts.documents import AgreementDoc, AidDoc, SourceDoc
from knowledge.interchange.spreadsheets import (
    AGREEMENT_COLUMNS,
    AGREEMENT_FIELD_COLUMNS,
    AGREEMENT_FIELDS_ELSEWHERE,
    AID_COLUMNS,
    AID_FIELD_COLUMNS,
    AID_FIELDS_ELSEWHERE,
    SOURCE_FIELD_COLUMNS,
    AgreementCells,
    AidCells,
)

SHEETS = [
    (AgreementDoc, AGREEMENT_FIELD_COLUMNS, AGREEMENT_FIELDS_ELSEWHERE, AGREEMENT_COLUMNS),
    (AidDoc, AID_FIELD_COLUMNS, AID_FIELDS_ELSEWHERE, AID_COLUMNS),
]


@pytest.mark.parametrize(("record", "columns", "elsewhere", "header"), SHEETS)
def test_every_field_of_a_record_is_held_by_one_column_or_said_to_be_elsewhere(
    record: type[BaseModel],
    columns: Mapping[str, str],
    elsewhere: frozenset[str],
    header: tuple[str, ...],
) -> None:
    assert set(columns) | elsewhere == set(record.model_fields)
    assert not set(columns) & elsewhere
    assert set(columns.values()) <= set(header)
    assert len(set(columns.values())) == len(columns)


@pytest.mark.parametrize(
    ("cells", "columns"),
    [(AgreementCells, AGREEMENT_FIELD_COLUMNS), (AidCells, AID_FIELD_COLUMNS)],
)
def test_a_read_row_has_a_value_for_every_column_holding_a_field(
    cells: type[object], columns: Mapping[str, str]
) -> None:
    attributes = {field.name for field in dataclasses.fields(cells)}  # type: ignore[arg-type]
    assert set(columns.values()) <= attributes


def test_the_source_columns_name_fields_of_a_source() -> None:
    assert set(SOURCE_FIELD_COLUMNS) <= set(SourceDoc.model_fields)
    assert set(SOURCE_FIELD_COLUMNS.values()) <= set(AGREEMENT_COLUMNS) & set(AID_COLUMNS)
