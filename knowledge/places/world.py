"""Foreign towns by name and country: coordinates and the Ukrainian name of a new partner.

`knowledge/data/reference/world_places.csv` is derived by `tools/world_places_derive.py` from
GeoNames' `cities15000` (every town of 15,000 inhabitants or more; © GeoNames, CC BY 4.0): its
name with native diacritics, coordinates, population, the Ukrainian name (GeoNames' own, or one
pymorphy3's Ukrainian dictionary confirms) and the other Latin and Cyrillic names people write
it under. A town is found by any of those names within its country; names are keyed the way
every other place name is (`knowledge.text.normalize`), so "Krakow", "Kraków", "Cracow" and
«Краків» find the same town.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from knowledge.store.curated import REFERENCE_DIR
from knowledge.text.normalize import latin_key, name_key

WORLD_PLACES = REFERENCE_DIR / "world_places.csv"
# A name two towns of one country share is read as the larger one only when it is this many
# times larger: "Frankfurt" is Frankfurt am Main, but two towns of a size stay unknown.
_CLEARLY_LARGER = 5


@dataclass(frozen=True, slots=True)
class WorldPlace:
    """A foreign town of GeoNames' cities15000: coordinates in degrees, names as written."""

    geonames_id: int
    name: str
    country: str
    latitude: float
    longitude: float
    population: int
    name_uk: str | None
    other_names: tuple[str, ...]


def place_key(name: str) -> str:
    """The key a town's name is compared by: its words across romanisations and scripts."""
    # Numbers are kept: "Town 1" and "Town 11", "Prague 6" and "Prague 2" are different places.
    return " ".join(latin_key(word) or word for word in name_key(name).split())


def world_place_keys(names: Iterable[str]) -> list[str]:
    """The keys of a town's names, as `world_places.csv` stores them (computed by the tool)."""
    return sorted({place_key(name) for name in names if name} - {""})


@cache
def _index() -> dict[tuple[str, str], tuple[WorldPlace, ...]]:
    # The keys are stored, so that start-up of an import reads the table without keying
    # half a million names (a test checks they match `place_key`).
    found: dict[tuple[str, str], list[WorldPlace]] = defaultdict(list)
    with WORLD_PLACES.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            latin = [name for name in row["latin_names"].split("|") if name]
            cyrillic = [name for name in row["cyrillic_names"].split("|") if name]
            place = WorldPlace(
                geonames_id=int(row["geonames_id"]),
                name=row["name"],
                country=row["country_code"],
                latitude=float(row["latitude"]),
                longitude=float(row["longitude"]),
                population=int(row["population"]),
                name_uk=row["name_uk"] or None,
                other_names=tuple(latin + cyrillic),
            )
            for key in row["keys"].split("|"):
                found[(place.country, key)].append(place)
    return {key: tuple(places) for key, places in found.items()}


def find_world_place(name: str, country: str) -> WorldPlace | None:
    """The town of this name in this country (ISO alpha-2), or None if unknown or ambiguous.

    The name may be written in any Latin or Cyrillic form GeoNames records; a name two towns
    share is the larger one only when it is clearly larger.
    """
    places = _index().get((country.upper(), place_key(name)))
    if not places:
        return None
    ranked = sorted(places, key=lambda place: place.population, reverse=True)
    if len(ranked) == 1 or ranked[0].population >= _CLEARLY_LARGER * ranked[1].population:
        return ranked[0]
    return None
