"""Dates that carry their precision: a year, a month or a day."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Self

_ISO_PARTIAL = re.compile(r"^(?P<year>\d{4})(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?)?$")


class Precision(StrEnum):
    """How much of a date the source actually states."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


class InvalidPartialDateError(ValueError):
    """Raised for text that is not YYYY, YYYY-MM or YYYY-MM-DD."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A calendar date known to a year, a month or a day; never padded to 1 January.

    Dates order by when they start, a less precise one first: 2023 < 2023-01 < 2023-01-01.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise InvalidPartialDateError("a day needs a month")
        # Building the date validates the ranges, including 29 February.
        dt.date(self.year, self.month or 1, self.day or 1)

    @classmethod
    def parse(cls, text: str | int) -> Self:
        """Read YYYY, YYYY-MM or YYYY-MM-DD."""
        match = _ISO_PARTIAL.match(str(text).strip())
        if match is None:
            raise InvalidPartialDateError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
        month, day = match["month"], match["day"]
        try:
            return cls(
                int(match["year"]),
                int(month) if month else None,
                int(day) if day else None,
            )
        except ValueError as error:
            raise InvalidPartialDateError(f"no such date: {text!r}") from error

    @classmethod
    def of_day(cls, day: dt.date) -> Self:
        """The exact day."""
        return cls(day.year, day.month, day.day)

    @property
    def precision(self) -> Precision:
        """What the date is known to."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    def earliest(self) -> dt.date:
        """The first day the date may stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def latest(self) -> dt.date:
        """The last day the date may stand for."""
        month = self.month or 12
        day = self.day or calendar.monthrange(self.year, month)[1]
        return dt.date(self.year, month, day)

    def plus_years(self, years: int) -> PartialDate:
        """The same date, with the same precision, `years` later."""
        if self.month == 2 and self.day == 29 and not calendar.isleap(self.year + years):
            return PartialDate(self.year + years, 2, 28)
        return PartialDate(self.year + years, self.month, self.day)

    def isoformat(self) -> str:
        """YYYY, YYYY-MM or YYYY-MM-DD, as precise as the date is."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()

    def _sort_key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: PartialDate) -> bool:
        return self._sort_key() < other._sort_key()

    def __le__(self, other: PartialDate) -> bool:
        return self._sort_key() <= other._sort_key()

    def __gt__(self, other: PartialDate) -> bool:
        return self._sort_key() > other._sort_key()

    def __ge__(self, other: PartialDate) -> bool:
        return self._sort_key() >= other._sort_key()


_DOTTED_DATE = re.compile(r"^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$")


def read_written_date(text: str) -> PartialDate:
    """YYYY, YYYY-MM, YYYY-MM-DD, or DD.MM.YYYY and MM.YYYY as Ukrainians (and Ukrainian Excel)
    write them. Raises InvalidPartialDateError for anything else."""
    text = text.strip()
    dotted = _DOTTED_DATE.match(text)
    if dotted:
        day, month, year = dotted.groups()
        text = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    return PartialDate.parse(text)
