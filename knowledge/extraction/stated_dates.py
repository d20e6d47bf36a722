"""Dates as precise as a text states them, resolved against the document's own date.

«12.01.2024», «24 січня 2024 року», «у травні 2025 року», «протягом 2023 року», «15 червня»,
«у липні», «наприкінці року», "on 3 July 2023", "in May", "last year". A date without a year
takes it from the context: the year the text last named, else the document's year; a month
or a day without a year is the nearest one before the document's date for something done, or
after it for something planned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from knowledge.facts.dates import MONTH_WORDS, PartialDate


class DateRole(StrEnum):
    """What a date in a sentence stands for."""

    EVENT = "event"  # when something happened or will happen
    AS_OF = "as_of"  # «станом на», «на кінець 2023 року», "as of", "by the end of"
    UNTIL = "until"  # «до 2028 року», «терміном до», "until", "valid through"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression: where it is in the sentence, what it says and how sure the year is.

    `year_given` is False when the year came from the context («у липні», «наприкінці року»);
    `month` and `day` may then still need the tense to pick the right year.
    """

    start: int
    end: int
    text: str
    role: DateRole
    year: int | None
    month: int | None
    day: int | None
    year_given: bool

    def resolve(
        self, context_year: int | None, reference: PartialDate | None, future: bool
    ) -> PartialDate | None:
        """The date, its missing year taken from the text or the document's date; None if unknown.

        A month alone is the nearest such month before the document's date (after it when
        `future`); «наприкінці року» is the year the text is speaking of.
        """
        if self.year is not None:
            return PartialDate(self.year, self.month, self.day if self.month else None)
        year = (
            context_year
            if context_year is not None
            else (None if reference is None else reference.year)
        )
        if self.month is not None and reference is not None and reference.month is not None:
            year = reference.year
            if future and self.month < reference.month:
                year += 1
            elif not future and self.month > reference.month:
                year -= 1
        if year is None:
            return None
        return PartialDate(year, self.month, self.day if self.month else None)


_MONTH = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_YEAR_WORD = r"(?:\s*(?:року|рік|році|р\.|рр\.|р\b))?"

_AS_OF = re.compile(
    r"(?:станом\s+на|на\s+кінець|на\s+початок|наприкінці|на\s+кінці|as\s+of|by\s+the\s+end\s+of"
    r"|at\s+the\s+end\s+of|by\s+the\s+end)\s*$",
    re.IGNORECASE,
)
_UNTIL = re.compile(
    r"(?:\bдо|\bпо|терміном\s+до|строком\s+до|дійсн\w*\s+до|until|till|through|valid\s+to"
    r"|expires?\s+(?:on|in)?|expiring\s+(?:on|in)?)\s*$",
    re.IGNORECASE,
)

_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<day>\d{1,2})\.(?P<month>\d{1,2})\.(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>\d\d)-(?P<day>\d\d)\b"),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:-?го)?\s+(?P<monthword>{_MONTH})\.?,?\s+{_YEAR}{_YEAR_WORD}",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<monthword>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+{_YEAR}\b",
        re.IGNORECASE,
    ),
    re.compile(rf"\b(?P<monthword>{_MONTH})\.?,?\s+(?:of\s+)?{_YEAR}{_YEAR_WORD}", re.IGNORECASE),
    re.compile(
        rf"\b(?P<day>\d{{1,2}})(?:-?го)?\s+(?P<monthword>{_MONTH})\b(?!\s*,?\s*(?:19|20)\d\d)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?P<monthword>{_MONTH})\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)",
        re.IGNORECASE,
    ),
    # A year may end the sentence ("since 1997."), not open a number ("2024.03", "1997-98").
    re.compile(rf"(?<![-–—\d./])\b{_YEAR}{_YEAR_WORD}(?!\s*[-–—]\s*(?:19|20)\d\d)(?![\d-]|\.\d)"),
    re.compile(
        rf"(?:\b(?:у|в|до|з|із|протягом|наприкінці|на\s+початку)\s+|\b(?:in|since|by)\s+)"
        rf"(?P<monthword>{_MONTH})\b(?!\s*[-.]?\s*\d)",
        re.IGNORECASE,
    ),
)
# «з 19 по 22 червня 2025 року»: a span of days in one month, read as its first day.
_DAY_SPAN = re.compile(
    rf"\b(?:з|від|from)?\s*(?P<day>\d{{1,2}})\s*(?:по|до|[-–—]|to)\s*\d{{1,2}}\s+"
    rf"(?P<monthword>{_MONTH})\s+{_YEAR}{_YEAR_WORD}",
    re.IGNORECASE,
)
# «у 2011-2015 роках», "for 2024–2028": an agreement for a span of years ends with the last.
_YEAR_SPAN = re.compile(
    r"\b(?:у|в|на|for|in)\s+(?:19|20)\d\d\s*[-–—]\s*(?P<year>(?:19|20)\d\d)"
    r"(?:\s*(?:роках|роки|рр\.?|years))?(?![\d-])",
    re.IGNORECASE,
)
_RELATIVE_YEARS = (
    (
        re.compile(
            r"\b(?:минулого|минулому|попереднього)\s+році?|\bторік\b|\blast\s+year\b", re.I
        ),
        -1,
    ),
    (re.compile(r"\b(?:цього|поточного|цьому)\s+року?|\bцьогоріч\b|\bthis\s+year\b", re.I), 0),
    (re.compile(r"\b(?:наступного|наступному)\s+році?|\bnext\s+year\b", re.I), 1),
    (re.compile(r"\b(?:наприкінці|на\s+початку|у\s+кінці|в\s+кінці)\s+року\b", re.I), None),
    (re.compile(r"\b(?:at\s+the\s+(?:end|beginning|start)\s+of\s+the\s+year)\b", re.I), None),
)


def _role(text: str, start: int) -> DateRole:
    before = text[max(0, start - 30) : start]
    if _AS_OF.search(before):
        return DateRole.AS_OF
    if _UNTIL.search(before):
        return DateRole.UNTIL
    return DateRole.EVENT


def find_dates(text: str, document_year: int | None) -> list[DateMention]:
    """Every date expression in a sentence, left to right, none overlapping another."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def free(start: int, end: int) -> bool:
        return all(end <= first or start >= last for first, last in taken)

    for match in _YEAR_SPAN.finditer(text):
        last = int(match["year"])
        found.append(
            DateMention(
                match.start(), match.end(), match.group(), DateRole.UNTIL, last, None, None, True
            )
        )
        taken.append(match.span())
    for match in _DAY_SPAN.finditer(text):
        found.append(_mention(match, text))
        taken.append(match.span())
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if not free(*match.span()):
                continue
            mention = _mention(match, text)
            if mention.month is not None and not 1 <= mention.month <= 12:
                continue
            found.append(mention)
            taken.append(match.span())
    for pattern, offset in _RELATIVE_YEARS:
        for match in pattern.finditer(text):
            if not free(*match.span()):
                continue
            year = None if offset is None or document_year is None else document_year + offset
            found.append(
                DateMention(
                    match.start(),
                    match.end(),
                    match.group(),
                    _role(text, match.start()),
                    year,
                    None,
                    None,
                    year_given=year is not None,
                )
            )
            taken.append(match.span())
    return sorted(found, key=lambda mention: mention.start)


def _mention(match: re.Match[str], text: str) -> DateMention:
    groups = match.groupdict()
    month_word = groups.get("monthword")
    month = (
        MONTH_WORDS[month_word.casefold().rstrip(".")]
        if month_word
        else (int(groups["month"]) if groups.get("month") else None)
    )
    day = int(groups["day"]) if groups.get("day") else None
    year = int(groups["year"]) if groups.get("year") else None
    if day is not None and month is not None and year is not None:
        try:
            PartialDate(year, month, day)
        except ValueError:
            day = None
    return DateMention(
        match.start(),
        match.end(),
        match.group().strip(),
        _role(text, match.start()),
        year,
        month,
        day,
        year_given=year is not None,
    )


def years_named(text: str) -> list[int]:
    """The single years a sentence names («2023 року», "in 2023"), not spans like 2022-2024."""
    return [
        mention.year
        for mention in find_dates(text, None)
        if mention.year is not None and mention.year_given
    ]


_RELATIVE_DAYS = (
    (re.compile(r"\b(?:сьогодні|today)\b", re.IGNORECASE), 0),
    (re.compile(r"\b(?:вчора|учора|yesterday)\b", re.IGNORECASE), -1),
    (re.compile(r"\b(?:позавчора|the\s+day\s+before\s+yesterday)\b", re.IGNORECASE), -2),
)
_RELATIVE_MONTHS = (
    (re.compile(r"\b(?:минулого|минулому)\s+місяц[іяь]|\blast\s+month\b", re.I), -1),
    (re.compile(r"\b(?:цього|поточного|цьому)\s+місяц[іяь]|\bthis\s+month\b", re.I), 0),
    (re.compile(r"\b(?:наступного|наступному)\s+місяц[іяь]|\bnext\s+month\b", re.I), 1),
)
_RELATIVE_WEEKS = (
    (re.compile(r"\b(?:минулого|минулому)\s+тижн[іяь]|\blast\s+week\b", re.I), -1),
    (re.compile(r"\b(?:цього|цьому)\s+тижн[іяь]|\bthis\s+week\b", re.I), 0),
    (re.compile(r"\b(?:наступного|наступному)\s+тижн[іяь]|\bnext\s+week\b", re.I), 1),
)


def _month_of(document_day: date, offset: int) -> tuple[int, int | None]:
    """The year and month `offset` months from the document's day."""
    months = document_day.year * 12 + document_day.month - 1 + offset
    return months // 12, months % 12 + 1


def _week_of(document_day: date, offset: int) -> tuple[int, int | None]:
    """The year, and the month when the whole week lies in one, of the week `offset` weeks
    from the document's day (weeks run Monday to Sunday)."""
    monday = document_day - timedelta(days=document_day.weekday()) + timedelta(weeks=offset)
    sunday = monday + timedelta(days=6)
    if monday.year != sunday.year:
        return document_day.year, None
    return monday.year, monday.month if monday.month == sunday.month else None


def relative_dates(text: str, document_day: date | None) -> list[DateMention]:
    """ "today", «сьогодні», «вчора», "yesterday", «минулого тижня», "next month": days, weeks
    and months counted from the document's own day.

    Nothing without the document's day: an undated page's "today" is no date.
    """
    if document_day is None:
        return []
    found: list[DateMention] = []
    # «наступного місяця», "last week": the month (or, for a week across two, nothing finer
    # than the year) counted from the document's day.
    periods = [
        (pattern, _month_of(document_day, offset)) for pattern, offset in _RELATIVE_MONTHS
    ] + [(pattern, _week_of(document_day, offset)) for pattern, offset in _RELATIVE_WEEKS]
    for pattern, (year, month) in periods:
        for match in pattern.finditer(text):
            found.append(
                DateMention(
                    match.start(),
                    match.end(),
                    match.group(0),
                    DateRole.EVENT,
                    year,
                    month,
                    None,
                    True,
                )
            )
    for pattern, offset in _RELATIVE_DAYS:
        for match in pattern.finditer(text):
            day = document_day + timedelta(days=offset)
            found.append(
                DateMention(
                    match.start(),
                    match.end(),
                    match.group(0),
                    DateRole.EVENT,
                    day.year,
                    day.month,
                    day.day,
                    True,
                )
            )
    return found
