"""The start and the end of a year: which agreements a record places there.

«на початку 2023», "in early 2024" mean January to April; «наприкінці 2022», "late 2022"
September to December. A record tells the part by the month of its signing date, or, when it
gives the year alone, by its notes in either language: a sentence about the signing that names
the part ("Signed at the end of 2023", «Підписано наприкінці 2023 року») or a month of that
year («підписали у грудні 2023 р.»). A sentence that only says when the signing was reported
(«про підписання повідомлено 3 липня 2023 року») tells nothing about when it took place.
"""

from __future__ import annotations

import functools
import re

from babel.dates import get_month_names

from knowledge.facts.records import Agreement

START = "start"
END = "end"
# The months each part covers (1 = January).
PART_MONTHS = {START: frozenset({1, 2, 3, 4}), END: frozenset({9, 10, 11, 12})}
# Words before a year that name its part, in the languages the notes are written in.
_PART_WORDS = {
    START: ("beginning of", "start of", "early", "на початку", "початку", "напочатку"),
    END: ("end of", "late", "наприкінці", "в кінці", "у кінці", "кінці", "під кінець"),
}
# A clause about the signing itself: one that reports or plans it says nothing of its date.
_SIGNING = re.compile(r"\b(?:signed|signing)\b|підписа", re.IGNORECASE)
_NOT_THE_SIGNING = re.compile(r"report|announc|plan|повідом|оголош|план", re.IGNORECASE)
_CLAUSES = re.compile(r"[.;]\s+")


def _common_prefix(first: str, second: str) -> str:
    length = next(
        (index for index, (a, b) in enumerate(zip(first, second, strict=False)) if a != b),
        min(len(first), len(second)),
    )
    return first[:length]


@functools.cache
def _month_stems() -> tuple[tuple[int, tuple[str, ...]], ...]:
    """Each month with the starts of its names: English ones, and the Ukrainian stem both
    «січень» and «у січні» begin with (from Babel's CLDR data, not a list kept here)."""
    months: list[tuple[int, tuple[str, ...]]] = []
    english = get_month_names("wide", locale="en")
    short = get_month_names("abbreviated", locale="en")
    named = get_month_names("wide", context="format", locale="uk")
    alone = get_month_names("wide", context="stand-alone", locale="uk")
    for month in range(1, 13):
        stem = _common_prefix(named[month].casefold(), alone[month].casefold())
        months.append((month, (english[month].casefold(), short[month].casefold(), stem)))
    return tuple(months)


def _clauses_about_signing(agreement: Agreement) -> list[str]:
    notes = agreement.notes
    if notes is None:
        return []
    text = f"{notes.en}. {notes.uk}".casefold()
    return [
        clause
        for clause in _CLAUSES.split(text)
        if _SIGNING.search(clause) and not _NOT_THE_SIGNING.search(clause)
    ]


def _month_from_notes(agreement: Agreement, year: int) -> int | None:
    """The month of the signing a note about it names with the year, if one does."""
    for clause in _clauses_about_signing(agreement):
        for month, stems in _month_stems():
            for stem in stems:
                if re.search(rf"\b{re.escape(stem)}\w*\.?\s+(?:of\s+)?{year}\b", clause):
                    return month
    return None


def _part_from_notes(agreement: Agreement, year: int) -> str | None:
    for clause in _clauses_about_signing(agreement):
        for part, words in _PART_WORDS.items():
            if any(re.search(rf"\b{word}\s+{year}\b", clause) for word in words):
                return part
    return None


def signing_part(agreement: Agreement) -> str | None:
    """START or END when the record places the signing in that part of its year, "middle"
    for a month between them, None when the record cannot tell (no date, or the year alone
    and notes that say nothing more)."""
    signed = agreement.signed_on
    if signed is None:
        return None
    month = signed.month or _month_from_notes(agreement, signed.year)
    if month is None:
        return _part_from_notes(agreement, signed.year)
    return next((part for part, months in PART_MONTHS.items() if month in months), "middle")


def in_part_of_year(agreement: Agreement, part: str) -> bool:
    """Whether an agreement was signed in that part of its year, as far as the record says."""
    return signing_part(agreement) == part


def part_is_known(agreement: Agreement) -> bool:
    """Whether the record tells which part of its year an agreement was signed in."""
    return signing_part(agreement) is not None
