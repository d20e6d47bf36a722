"""Regions of foreign countries (ISO 3166-2, from pycountry) by the names a sheet gives them.

A partner may be a region ("Bayern", "Lubelskie Voivodeship", "Mississippi") or a town
written with its region ("Ridgefield, Connecticut"). pycountry names every subdivision as its
country does (Bayern, Lubelskie) and its Ukrainian catalogue gives the name Ukrainian writing
uses (Баварія, Люблінське воєводство), which is better than spelling the name letter by letter.
"""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import cache

from knowledge.places.countries import read_country
from knowledge.places.world import place_key

# Words a sheet adds to a region's name to say what it is: "Lubelskie Voivodeship".
_KIND_WORDS = frozenset(
    place_key(word)
    for word in {
        "voivodeship",
        "voivodship",
        "county",
        "region",
        "province",
        "state",
        "department",
        "district",
        "land",
        "canton",
        "prefecture",
        "oblast",
        "judet",
        "of",
    }
)
# Kinds of subdivision that are regions above towns, which "Town, Region" may name; others
# (municipalities, cities, districts of some countries) share their names with towns.
_REGION_KINDS = frozenset(
    {
        "State",
        "Land",
        "Voivodship",
        "Region",
        "Province",
        "County",
        "Department",
        "Autonomous community",
        "Autonomous region",
        "Canton",
        "Metropolitan region",
        "Republic",
        "Prefecture",
        "Administrative region",
    }
)


@dataclass(frozen=True, slots=True)
class Subdivision:
    """A region of a country: its ISO 3166-2 code, its name as the country writes it, and the
    Ukrainian name where pycountry's catalogue gives one (else None)."""

    code: str
    name: str
    name_uk: str | None
    is_region: bool


def _key(text: str) -> str:
    words = [word for word in place_key(text).split() if word not in _KIND_WORDS]
    return " ".join(words)


# Where pycountry's catalogue gives a region the Ukrainian name of a country of the same
# English name: the US state of Georgia is «Джорджія», never «Грузія».
_UKRAINIAN_NAMES = {"US-GA": "Джорджія"}


@cache
def _index() -> dict[tuple[str, str], list[Subdivision]]:
    import pycountry

    ukrainian = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["uk"])
    index: dict[tuple[str, str], list[Subdivision]] = defaultdict(list)
    for entry in pycountry.subdivisions:
        translated = _UKRAINIAN_NAMES.get(entry.code) or ukrainian.gettext(entry.name)
        unit = Subdivision(
            code=entry.code,
            name=entry.name,
            name_uk=translated if translated != entry.name else None,
            is_region=entry.type in _REGION_KINDS,
        )
        for name in {entry.name, translated}:
            key = _key(name)
            if key and unit not in index[(entry.country_code, key)]:
                index[(entry.country_code, key)].append(unit)
    return dict(index)


def find_subdivision(text: str, country: str) -> Subdivision | None:
    """The one region of the country (ISO alpha-2) the text names, or None."""
    found = _index().get((country.upper(), _key(text)), [])
    return found[0] if len(found) == 1 else None


def split_region(text: str, country: str) -> tuple[str, Subdivision | None]:
    """ "Ridgefield, Connecticut" → ("Ridgefield", Connecticut): a town and the region of its
    country written after a comma or in brackets; the row's country itself so written is
    dropped ("Lublin, Poland", "Kyiv (Poland)" → "Lublin", "Kyiv"), and a constituent
    country is the region ("Birmingham, England", "Cardiff, Wales, United Kingdom"). A
    region only in brackets is not split off ("Pankow (Berlin)" names Berlin's district). Any
    other text as it is, with None."""
    bracketed = _BRACKETED.match(text)
    if bracketed:
        town, region = bracketed.group(1), bracketed.group(2)
    else:
        town, _, region = text.rpartition(",")
    town = town.strip()
    if not town:
        return text, None
    named = read_country(region)
    if named is not None and named.code == country.upper():
        if named.region_en is None:
            return split_region(town, country)
        found = find_subdivision(named.region_en, country)
        if found is not None:
            return split_region(town, country)[0], replace(found, is_region=True)
        return split_region(town, country)[0], Subdivision(
            "", named.region_en, named.region_uk, True
        )
    if bracketed:
        # Brackets after a town name its country or its city more often than its region:
        # "Pankow (Berlin)" is the district of the city, kept whole as "Berlin – Pankow" is.
        return text, None
    found = find_subdivision(region, country)
    if found is None or not found.is_region:
        return text, None
    return town, found


_BRACKETED = re.compile(r"^(.*?)\s*\((.+)\)\s*$")
