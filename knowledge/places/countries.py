"""Which country a text names, in every form people write it, and countries' names to show.

The names come from `knowledge/data/reference/country_names.csv`, which
`tools/countries_derive.py` derives from Babel's CLDR data in all its locales and from
pycountry (ISO 3166): codes, the short, long and official names in English, Ukrainian and
Russian, every locale's name (Deutschland, Polska, Magyarország), the parts of official names
(Bosnia, Great Britain), initials (USA, UK, США) and everyday names (Britain). A constituent
country ("England, United Kingdom", «Шотландія») is its country with that region.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from babel import Locale

from knowledge.store.curated import REFERENCE_DIR
from knowledge.text.normalize import name_key

COUNTRY_NAMES = REFERENCE_DIR / "country_names.csv"
# Every other CLDR locale's names: read only when a whole text is resolved (import, dialogs).
OTHER_COUNTRY_NAMES = REFERENCE_DIR / "country_names_other.csv"
HOME_COUNTRY = "UA"
# Ranks of country_names.csv: names in the readers' languages and ISO names, the country's
# own languages, every other language, and names derived from others.
RANK_PRIMARY, RANK_NATIVE, RANK_OTHER, RANK_DERIVED = range(4)
# Words that say what a text is about without naming anything ("Georgia (country)").
# ISO's "Sint Maarten (Dutch part)" is Sint Maarten, the island's other part being Saint Martin.
_QUALIFIERS = re.compile(
    r"\s*\((?:country|state|nation|країна|держава|dutch part|french part)\)\s*$", re.IGNORECASE
)


# "The Republic of Poland", "the Netherlands": the article names nothing.
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
# Initials written with dots: "U.S.A.", "U.K.", «С.Ш.А.».
_DOTTED = re.compile(r"(?:[^\W\d_]\.)+[^\W\d_]?\.?")


@dataclass(frozen=True, slots=True)
class CountryMatch:
    """A country a text names: its ISO 3166 alpha-2 code and, for England or Wales, the region."""

    code: str
    region_en: str | None = None
    region_uk: str | None = None


@dataclass(frozen=True, slots=True)
class CountryName:
    """One written form of a country, as the table gives it."""

    code: str
    name: str
    rank: int
    origin: str
    region_en: str | None
    region_uk: str | None

    @property
    def is_code(self) -> bool:
        """Whether this is an ISO code ("PL", "POL") rather than a name or initials."""
        return self.name.isascii() and self.name.isupper() and "initials" not in self.origin


def _read(path: Path) -> tuple[CountryName, ...]:
    with path.open(encoding="utf-8", newline="") as file:
        return tuple(
            CountryName(
                row["code"],
                row["name"],
                int(row["rank"]),
                row["origin"],
                row["region_en"] or None,
                row["region_uk"] or None,
            )
            for row in csv.DictReader(file)
        )


@cache
def country_table() -> tuple[CountryName, ...]:
    """The names in the readers' and the countries' own languages, ISO and derived (~5,000)."""
    return _read(COUNTRY_NAMES)


@cache
def _other_names() -> tuple[CountryName, ...]:
    return _read(OTHER_COUNTRY_NAMES)


@cache
def _index() -> dict[str, tuple[CountryMatch, ...]]:
    """Lookup key → the countries of the best rank that spell it so (several: ambiguous)."""
    best: dict[str, tuple[int, set[CountryMatch]]] = {}
    for row in (*country_table(), *_other_names()):
        key = name_key(row.name)
        if not key:
            continue
        match = CountryMatch(row.code, row.region_en, row.region_uk)
        rank, found = best.get(key, (row.rank, set()))
        if row.rank < rank:
            rank, found = row.rank, set()
        if row.rank == rank:
            found.add(match)
            best[key] = (rank, found)
    return {key: tuple(sorted(found, key=_order)) for key, (_, found) in best.items()}


def _order(match: CountryMatch) -> tuple[str, str]:
    return match.code, match.region_en or ""


def read_country(text: str) -> CountryMatch | None:
    """The country (with its region, if a constituent country) a text names, or None.

    Reads codes (PL, POL), names in any CLDR language, ISO official names, initials, and
    "England, United Kingdom" or "Bavaria (Germany)" style pairs, where the first part is the
    region when the second names the country. A name two countries share is None.
    """
    text = _ARTICLE.sub("", _QUALIFIERS.sub("", text.strip()))
    if _DOTTED.fullmatch(text):
        text = text.replace(".", "")
    if not text:
        return None
    whole = _one(text) or _stored_code(text)
    if whole is not None:
        return whole
    for region, country in _pairs(text):
        found = _one(country)
        if found is None:
            continue
        # "Curaçao, Netherlands": the region of that country, though the name alone is
        # another country (`_one`).
        regions = _index().get(name_key(region), ())
        within = next((m for m in regions if m.code == found.code and m.region_en), None)
        if within is not None:
            return within
        return CountryMatch(found.code, region, None) if found.region_en is None else found
    return None


@cache
def _codes() -> frozenset[str]:
    return frozenset(row.code for row in country_table())


def _stored_code(text: str) -> CountryMatch | None:
    """A country's two-letter code as the knowledge base stores and exports it, also one that
    ISO leaves to its users (XK, Kosovo), so that every export is read back."""
    code = text.upper()
    return CountryMatch(code) if len(code) == 2 and code in _codes() else None


def resolve_country(text: str) -> str | None:
    """The ISO 3166 alpha-2 code of the country the text names, or None."""
    found = read_country(text)
    return None if found is None else found.code


def _one(text: str) -> CountryMatch | None:
    found = _index().get(name_key(text), ())
    if len({match.code for match in found}) != 1:
        # Curaçao, Sint Maarten, Aruba: a country of its own and a constituent country of
        # the Netherlands by one name; the name is the country whose code ISO gives it.
        own = [match for match in found if match.region_en is None]
        if len(own) == 1 and all(match.region_en for match in found if match is not own[0]):
            return own[0]
        return None
    if len(found) == 1:
        return found[0]
    return CountryMatch(found[0].code)


def _pairs(text: str) -> Iterable[tuple[str, str]]:
    """ "England, United Kingdom" and "Bavaria (Germany)" split into region and country."""
    bracketed = re.match(r"^(.*?)\s*\((.+)\)\s*$", text)
    if bracketed:
        yield bracketed.group(1).strip(), bracketed.group(2).strip()
    if "," in text:
        region, _, country = text.rpartition(",")
        yield region.strip(), country.strip()


def names_for_questions() -> dict[str, list[str]]:
    """Per country, the names a question may use: the readers' and the country's languages.

    Only Latin and Cyrillic spellings, besides parts of official names and initials of three
    letters or more (America, США, USA) or that CLDR writes too (UK); no codes, which are
    everyday words ("can", "and").
    """
    names: dict[str, list[str]] = {}
    owners = _owners_of_names()
    for row in country_table():
        if row.code == HOME_COUNTRY or row.is_code:
            continue
        derived = ("initials" in row.origin or "part" in row.origin) and (
            len(row.name) >= 3 or "cldr" in row.origin
        )
        if row.rank > RANK_NATIVE and not derived:
            continue
        # A part of a territory's name that is another country's own name or adjective
        # means that country: "the United States" is no name of the U.S. Virgin Islands,
        # nor "British" of the British Virgin Islands.
        if row.rank == RANK_DERIVED and owners.get(_bare_key(row.name), {row.code}) - {row.code}:
            continue
        if _latin_or_cyrillic(row.name):
            names.setdefault(row.code, []).append(row.name)
    return names


def _bare_key(name: str) -> str:
    return name_key(_ARTICLE.sub("", name.strip()))


@cache
def _owners_of_names() -> dict[str, set[str]]:
    """Lookup key (without an article) → the countries whose own names or adjectives it is:
    the names in the readers' and the countries' languages, not the parts of other names."""
    owners: dict[str, set[str]] = {}
    for row in country_table():
        own = row.rank <= RANK_NATIVE or "adjective" in row.origin.split("|")
        if own and not row.is_code:
            owners.setdefault(_bare_key(row.name), set()).add(row.code)
    return owners


@cache
def constituent_countries() -> dict[str, tuple[str, str]]:
    """A country's constituent countries by their English name: its code and Ukrainian name
    ("Scotland" → ("GB", "Шотландія")), as ISO 3166-2 lists them."""
    return {
        row.region_en: (row.code, row.region_uk or row.region_en)
        for row in country_table()
        if row.region_en is not None and row.origin.startswith("iso3166-2")
    }


def adjectives_for_questions() -> dict[str, list[str]]:
    """Per country, its adjectives ("польський", "polish"), which questions use besides names."""
    found: dict[str, list[str]] = {}
    for row in country_table():
        if "adjective" in row.origin.split("|"):
            found.setdefault(row.code, []).append(row.name)
    return found


def home_country_names() -> list[str]:
    """Ukraine's names in the readers' languages and its own (Ukraine, Україна, Украина)."""
    return [
        row.name
        for row in country_table()
        if row.code == HOME_COUNTRY
        and not row.is_code
        and row.rank <= RANK_NATIVE
        and _latin_or_cyrillic(row.name)
    ]


def _latin_or_cyrillic(name: str) -> bool:
    return all(
        char <= "\u024f" or "\u0400" <= char <= "\u052f" or not char.isalpha() for char in name
    )


@cache
def _territories(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)


def country_name(code: str, locale: str) -> str:
    """The country's name in the locale (CLDR), e.g. ("SK", "uk") → "Словаччина"."""
    return _territories(locale).get(code.upper(), code.upper())
