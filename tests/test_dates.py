"""Dates keep the precision their source gives them."""

import datetime as dt

import pytest

from knowledge.facts.dates import (
    InvalidPartialDateError,
    PartialDate,
    Precision,
    read_written_date,
)


@pytest.mark.parametrize(
    ("text", "precision"),
    [("2023", Precision.YEAR), ("2025-05", Precision.MONTH), ("2024-01-12", Precision.DAY)],
)
def test_a_date_is_written_back_exactly_as_precise_as_it_was_read(
    text: str, precision: Precision
) -> None:
    actual = PartialDate.parse(text)

    assert actual.precision is precision
    assert actual.isoformat() == text


def test_a_year_is_never_turned_into_the_first_of_january() -> None:
    during_2023 = PartialDate.parse("2023")

    assert during_2023 != PartialDate.parse("2023-01-01")
    assert str(during_2023) == "2023"
    assert during_2023.earliest() == dt.date(2023, 1, 1)
    assert during_2023.latest() == dt.date(2023, 12, 31)


def test_a_month_spans_all_its_days() -> None:
    may_2025 = PartialDate.parse("2025-05")

    assert (may_2025.earliest(), may_2025.latest()) == (dt.date(2025, 5, 1), dt.date(2025, 5, 31))


@pytest.mark.parametrize(
    "text", ["", "23", "2023-13", "2023-02-30", "2023/05", "May 2023", "2023-5", "2023-05-01x"]
)
def test_anything_else_is_refused(text: str) -> None:
    with pytest.raises(InvalidPartialDateError):
        PartialDate.parse(text)


def test_adding_a_term_keeps_the_precision() -> None:
    assert PartialDate.parse("2023").plus_years(5) == PartialDate.parse("2028")
    assert PartialDate.parse("2024-02-29").plus_years(1) == PartialDate.parse("2025-02-28")


def test_dates_of_different_precision_sort_by_when_they_start() -> None:
    dates = [PartialDate.parse(text) for text in ("2024-01-12", "2023", "2023-05", "2024")]

    actual = [str(date) for date in sorted(dates)]

    assert actual == ["2023", "2023-05", "2024", "2024-01-12"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12 березня 2024", "2024-03-12"),
        ("12 березня 2024 року", "2024-03-12"),
        ("березень 2024", "2024-03"),
        ("березня 2024 р.", "2024-03"),
        ("12 March 2024", "2024-03-12"),
        ("March 12, 2024", "2024-03-12"),
        ("March 2024", "2024-03"),
        ("12.03.2024", "2024-03-12"),
        ("03.2024", "2024-03"),
        ("2024 р.", "2024"),
    ],
)
def test_a_date_written_with_its_months_name_is_read(text: str, expected: str) -> None:
    assert read_written_date(text).isoformat() == expected


@pytest.mark.parametrize("text", ["31 лютого 2024", "березень", "12 смітня 2024"])
def test_a_worded_date_that_does_not_exist_is_refused(text: str) -> None:
    with pytest.raises(InvalidPartialDateError):
        read_written_date(text)
