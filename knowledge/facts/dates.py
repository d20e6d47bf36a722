"""Dates that carry their precision: a year, a month or a day."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Self
from zoneinfo import ZoneInfo

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


# The months as written in Ukrainian (each case a date takes) and in English (with the usual
# abbreviations), by number.
_MONTHS_UK = {
    1: ("січень", "січня", "січні", "січнем"),
    2: ("лютий", "лютого", "лютому", "лютим"),
    3: ("березень", "березня", "березні", "березнем"),
    4: ("квітень", "квітня", "квітні", "квітнем"),
    5: ("травень", "травня", "травні", "травнем"),
    6: ("червень", "червня", "червні", "червнем"),
    7: ("липень", "липня", "липні", "липнем"),
    8: ("серпень", "серпня", "серпні", "серпнем"),
    9: ("вересень", "вересня", "вересні", "вереснем"),
    10: ("жовтень", "жовтня", "жовтні", "жовтнем"),
    11: ("листопад", "листопада", "листопаді", "листопадом"),
    12: ("грудень", "грудня", "грудні", "груднем"),
}
_MONTHS_EN = {
    1: ("january", "jan"),
    2: ("february", "feb"),
    3: ("march", "mar"),
    4: ("april", "apr"),
    5: ("may",),
    6: ("june", "jun"),
    7: ("july", "jul"),
    8: ("august", "aug"),
    9: ("september", "sep", "sept"),
    10: ("october", "oct"),
    11: ("november", "nov"),
    12: ("december", "dec"),
}
MONTH_WORDS: dict[str, int] = {
    word: number
    for table in (_MONTHS_UK, _MONTHS_EN)
    for number, words in table.items()
    for word in words
}
_DOTTED_DATE = re.compile(r"^(?:(\d{1,2})\.)?(\d{1,2})\.(\d{4})$")
_MONTH_WORD = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_YEAR_WORD = r"(?:\s*(?:року|рік|р\.?))?"
# «12 березня 2024 року», «березень 2024», "12 March 2024", "March 12, 2024", "March 2024".
_WORDED_DATES = (
    re.compile(
        rf"^(?P<day>\d{{1,2}})\s+(?P<month>{_MONTH_WORD})\.?,?\s+(?P<year>\d{{4}}){_YEAR_WORD}$",
        re.IGNORECASE,
    ),
    re.compile(
        rf"^(?P<month>{_MONTH_WORD})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})$",
        re.IGNORECASE,
    ),
    re.compile(rf"^(?P<month>{_MONTH_WORD})\.?,?\s+(?P<year>\d{{4}}){_YEAR_WORD}$", re.IGNORECASE),
)
_YEAR_ALONE = re.compile(rf"^(?P<year>\d{{4}}){_YEAR_WORD}$")


def _worded(text: str) -> str | None:
    """The ISO form of a date written with its month's name, or None."""
    for pattern in _WORDED_DATES:
        match = pattern.match(text)
        if match is not None:
            month = MONTH_WORDS[match["month"].casefold()]
            day = match.groupdict().get("day")
            return f"{match['year']}-{month:02d}" + (f"-{int(day):02d}" if day else "")
    year = _YEAR_ALONE.match(text)
    return None if year is None else year["year"]


def read_written_date(text: str) -> PartialDate:
    """A date as people write it: YYYY, YYYY-MM, YYYY-MM-DD; DD.MM.YYYY and MM.YYYY as
    Ukrainians (and Ukrainian Excel) write them; or with the month's name in Ukrainian or
    English («12 березня 2024», «березень 2024 р.», "12 March 2024", "March 2024").
    Raises InvalidPartialDateError for anything else."""
    text = " ".join(text.split())
    dotted = _DOTTED_DATE.match(text)
    if dotted:
        day, month, year = dotted.groups()
        text = f"{year}-{int(month):02d}" + (f"-{int(day):02d}" if day else "")
    else:
        text = _worded(text) or text
    return PartialDate.parse(text)


# Where the hromadas are: the wall clock their dates are read by.
KYIV = ZoneInfo("Europe/Kyiv")


def today_in_ukraine() -> dt.date:
    """Today's date where the hromadas are, by the wall clock: what "this year" means in a
    question and what "later than today" means for an entry."""
    return dt.datetime.now(KYIV).date()
