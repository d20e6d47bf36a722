"""The world regions a question may filter partners by: continents, UN M49 sub-regions,
Latin America and the European Union.

Membership comes from `knowledge/data/reference/world_regions.csv` (M49, derived by
`tools/world_regions_derive.py`); a region's code (M49 "150", or "EU") stands where a
country's ISO code would, and CLDR names it in every locale (`country_name("150", "uk")` is
«Європа»).
"""

from __future__ import annotations

import csv
from functools import cache

from babel import Locale

from knowledge.places.countries import names_for_questions
from knowledge.store.curated import REFERENCE_DIR
from knowledge.text.normalize import name_key

WORLD_REGIONS = REFERENCE_DIR / "world_regions.csv"

# Names a question uses besides CLDR's: («Америка» and "America" are the United States).
_EVERYDAY: dict[str, tuple[str, ...]] = {
    "019": ("Американський континент", "the Americas"),
    # M49's Northern America (the United States, Canada, Bermuda, Greenland) is what a
    # question means by North America; 003 would take in the Caribbean and Central America.
    "021": ("Північна Америка", "North America"),
    "419": ("Латинська Америка і Карибський басейн",),
    "EU": ("ЄС", "Євросоюз", "EU", "Евросоюз"),
    "002": ("Африканський континент",),
    "053": ("Австралія і Нова Зеландія",),
}
# The adjectives a question uses for the largest regions («європейських», "Asian").
_ADJECTIVES: dict[str, tuple[str, ...]] = {
    "150": ("європейський", "European", "европейский"),
    "142": ("азійський", "азіатський", "Asian", "азиатский"),
    "002": ("африканський", "African", "африканский"),
    "419": ("латиноамериканський", "Latin American", "латиноамериканский"),
}


@cache
def region_members() -> dict[str, frozenset[str]]:
    """Region code (M49 "150", or "EU") → the ISO alpha-2 codes of the countries in it."""
    members: dict[str, set[str]] = {}
    with WORLD_REGIONS.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            members.setdefault(row["region"], set()).add(row["code"])
    return {region: frozenset(codes) for region, codes in members.items()}


def is_world_region(code: str) -> bool:
    """Whether a code stands for a world region rather than one country."""
    return code in region_members()


def in_region(country: str, code: str) -> bool:
    """Whether the country (ISO alpha-2) is the one asked about or lies in the region asked."""
    members = region_members().get(code)
    return country == code if members is None else country in members


def region_names() -> dict[str, tuple[str, ...]]:
    """Region code → the names a question may call it by: CLDR's in Ukrainian, English and
    Russian, and everyday ones («ЄС», "the Americas")."""
    names: dict[str, tuple[str, ...]] = {}
    territories = [Locale(code).territories for code in ("uk", "en", "ru")]
    # A country's own name stays the country's: «Америка» (CLDR's Russian name of the
    # Americas) is the United States in questions.
    taken = {name_key(name) for names_of in names_for_questions().values() for name in names_of}
    for region in region_members():
        found = [names_of[region] for names_of in territories if region in names_of]
        every = (*found, *_EVERYDAY.get(region, ()))
        names[region] = tuple(name for name in every if name_key(name) not in taken)
    return names


def region_adjectives() -> dict[str, tuple[str, ...]]:
    """Region code → adjectives a question may use for it («європейських», "Asian")."""
    return dict(_ADJECTIVES)
