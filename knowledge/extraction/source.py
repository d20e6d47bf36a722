"""The document as a source: its title, issuer, date and number, as its own text gives them.

A letter carries them in its letterhead («ХАРКІВСЬКА МІСЬКА РАДА ... 12.01.2024 № 17/0/972-24»),
a council decision in its annex line («до рішення ... 24 січня 2024 року № 03»), a news item in
its headline, its publication stamp («03.07.2023 - 14:16») and «Джерело:» or «Про це
повідомляє». A news portal's tail ("Читайте також", "Read also") is other news, not this
document, and is cut off before anything is read.
"""

from __future__ import annotations

import re

from knowledge.extraction.proposals import SourceProposal
from knowledge.extraction.stated_dates import find_dates
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import SourceKind

_TAIL = re.compile(
    r"^\s*(?:Читайте\s+також|Читайте\s+також:|Дивіться\s+також|Інші\s+новини|Схожі\s+новини"
    r"|Останні\s+новини|Read\s+also|Related\s+(?:news|articles|stories)|More\s+news"
    r"|See\s+also)\s*:?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# A line linking another article inside this one ("RELATED: Cincinnati, Kharkiv renew...").
_LINK_LINE = re.compile(
    r"^[ \t]*(?:RELATED|Read\s+(?:also|more)|See\s+also|Читайте\s+також|Дивіться\s+також)"
    r"[ \t]*:[ \t]*\S.*$",
    re.IGNORECASE | re.MULTILINE,
)
_NUMBERED = re.compile(
    r"(?P<date>\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\s+\w+\s+\d{4}\s*(?:року|р\.)?)\s*"
    r"(?:№|N|No\.?|Nr\.?)\s*(?P<number>[\w][\w/.\-]*)",
    re.IGNORECASE,
)
_STAMP = re.compile(r"(?P<date>\d{1,2}\.\d{1,2}\.\d{4})\s*[-–,|]?\s*\d{1,2}:\d{2}")
_REPORTED_BY = re.compile(
    r"(?:Про\s+це\s+повідомляє|Про\s+це\s+повідомили\s+на|Як\s+повідомляє|"
    r"according\s+to|reports)\s+(?P<issuer>[^.\n]{5,120})\.?",
    re.IGNORECASE,
)
_SOURCE_LINE = re.compile(
    r"^\s*(?:Джерело|Source)\s*:\s*(?P<issuer>\S[^\n]{2,120})?$", re.I | re.M
)
_ISSUER_WORDS = ("РАДА", "ДЕПАРТАМЕНТ", "УПРАВЛІННЯ", "КОМІТЕТ", "АДМІНІСТРАЦ", "COUNCIL",
                 "DEPARTMENT", "OFFICE", "MUNICIPALITY")  # fmt: skip
_DECISION = re.compile(r"рішенн\w*\s+.{0,40}?сесії|decision\s+of", re.IGNORECASE)
_COUNCIL = re.compile(
    r"(?P<name>[А-ЯІЇЄҐ][а-яіїєґ’']+(?:ської|цької|зької))\s+(?P<kind>міської|селищної|сільської)"
    r"\s+ради"
)
_LETTER = re.compile(r"З\s+повагою|Sincerely|Yours\s+faithfully", re.IGNORECASE)
_URL = re.compile(r"https?://\S+")
_HEADLINE_LENGTH = (20, 250)


def main_text(text: str) -> str:
    """The document without the other news a portal lists after it or links inside it."""
    match = _TAIL.search(text)
    body = text if match is None else text[: match.start()]
    return _LINK_LINE.sub("", body)


def _lines(text: str) -> list[str]:
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _is_caps(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    return len(letters) > 3 and all(char.isupper() for char in letters)


def _headline(lines: list[str]) -> str | None:
    for line in lines[:15]:
        shortest, longest = _HEADLINE_LENGTH
        if not shortest <= len(line) <= longest or _is_caps(line):
            continue
        if (
            not line[0].isupper()
            or line.endswith((".", ":", ";"))
            or "@" in line
            or re.search(r"\d{5}|тел\.|tel\.", line, re.I)
        ):
            continue
        if line.startswith(("Додаток", "Annex", "Редактору", "Голові", "To ")) or _URL.match(line):
            continue
        if _NUMBERED.search(line) or _STAMP.search(line):
            continue
        return line.rstrip(" .")
    return None


def _issuer(text: str, lines: list[str]) -> str | None:
    source = _SOURCE_LINE.search(text)
    if source is not None:
        issuer = source["issuer"]
        if issuer is None:
            following = text[source.end() :].strip().splitlines()
            issuer = following[0].strip() if following else None
        if issuer and not _TAIL.match(issuer):
            return issuer.strip()
    reported = _REPORTED_BY.search(text)
    if reported is not None:
        return reported["issuer"].strip()
    letterhead = [
        line for line in lines[:12] if _is_caps(line) and any(w in line for w in _ISSUER_WORDS)
    ]
    if letterhead:
        return ", ".join(line.capitalize() for line in reversed(letterhead))
    council = _COUNCIL.search(" ".join(lines[:8]))
    if council is not None:
        return f"{council['name'][:-2]}а {council['kind'][:-2]}а рада"
    return None


def _kind(text: str, lines: list[str], url: str | None) -> SourceKind:
    head = " ".join(lines[:10])
    if _DECISION.search(head):
        return SourceKind.COUNCIL_DECISION
    if _LETTER.search(text) and _NUMBERED.search(head):
        return SourceKind.OFFICIAL_LETTER
    if url is not None or _STAMP.search(text) or _REPORTED_BY.search(text):
        return SourceKind.NEWS
    return SourceKind.OTHER


def _date_and_number(
    text: str, lines: list[str], published: PartialDate | None
) -> tuple[PartialDate | None, str | None]:
    """The document's own date (a letter's or decision's, a publication stamp), else the day
    it was published (`published`, known from outside), else a date in its first lines."""
    head = "\n".join(lines[:15])
    numbered = _NUMBERED.search(head)
    if numbered is not None:
        date = _day(numbered["date"])
        if date is not None:
            return date, numbered["number"].rstrip(".")
    stamp = _STAMP.search(text)
    if stamp is not None:
        return _day(stamp["date"]), None
    if published is not None:
        # A post's first lines tell the news ("On 5 May Kharkiv signed"), not when it appeared.
        return published, None
    for line in lines[:4]:
        date = _day(line)
        if date is not None:
            return date, None
    return None, None


def _day(text: str) -> PartialDate | None:
    for mention in find_dates(text, None):
        if mention.year is not None and mention.month is not None and mention.day is not None:
            return PartialDate(mention.year, mention.month, mention.day)
    return None


def describe_source(
    text: str,
    *,
    language: str,
    title: str | None = None,
    url: str | None = None,
    date: PartialDate | None = None,
) -> SourceProposal:
    """What the document says about itself; `title`, `url` and `date` are known from outside."""
    lines = _lines(text)
    found_date, number = _date_and_number(text, lines, date)
    if url is None and lines:
        first_url = _URL.search(lines[0])
        url = None if first_url is None else first_url.group().rstrip(").,")
    kind = _kind(text, lines, url)
    headline = title or _headline(lines)
    if headline is None and found_date is not None:
        headline = _composed_title(kind, found_date, number, language)
    return SourceProposal(
        kind=kind,
        title=headline,
        issuer=_issuer(text, lines),
        date=found_date,
        number=number,
        url=url,
        language=language,
    )


def _composed_title(kind: SourceKind, date: PartialDate, number: str | None, language: str) -> str:
    """«Лист від 2024-01-12 № 17/0/972-24» for a letter with no headline of its own."""
    numbered = "" if number is None else f" № {number}"
    if language == "uk":
        noun = {SourceKind.OFFICIAL_LETTER: "Лист", SourceKind.COUNCIL_DECISION: "Рішення"}.get(
            kind, "Документ"
        )
        return f"{noun} від {date.isoformat()}{numbered}"
    noun = {
        SourceKind.OFFICIAL_LETTER: "Letter",
        SourceKind.COUNCIL_DECISION: "Decision",
    }.get(kind, "Document")
    return f"{noun} of {date.isoformat()}{numbered.replace('№', 'No.')}"
