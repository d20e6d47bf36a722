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
import threading
from array import array
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from knowledge.places.nearest import distance_km
from knowledge.store.curated import REFERENCE_DIR
from knowledge.text.compact_index import CompactIndex, CompactIndexBuilder
from knowledge.text.normalize import latin_key, name_key

WORLD_PLACES = REFERENCE_DIR / "world_places.csv"
# A name two towns of one country share is read as the larger one only when it is this many
# times larger: "Frankfurt" is Frankfurt am Main, but two towns of a size stay unknown.
_CLEARLY_LARGER = 5
# How near the coordinates a row gives must be to one of same-named towns to decide for it.
_NEAR_KM = 25.0


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


@dataclass(frozen=True, slots=True)
class _Table:
    """The table in compact form: the file's bytes and where each row starts, each row's
    country, and the rows each key names (any country) as arrays of row numbers.

    Kept as lists of strings the 32,000 rows and their half a million fields took some 40 MB
    of the serving process; a row is parsed only when a town is asked for (`_place`).
    """

    columns: dict[str, int]
    text: bytes
    row_starts: array[int]
    countries: bytes
    by_key: CompactIndex

    def row(self, number: int) -> list[str]:
        """Row `number`'s fields, as written."""
        line = self.text[self.row_starts[number] : self.row_starts[number + 1]]
        return next(csv.reader([line.decode("utf-8")]))

    def country(self, number: int) -> str:
        """Row `number`'s country (ISO alpha-2, as written)."""
        return self.countries[2 * number : 2 * number + 2].decode("ascii")

    def numbers(self, key: str) -> array[int]:
        """The rows whose keys include `key`, in file order; empty if none."""
        return self.by_key.get(key)


def _read_table() -> _Table:
    # The rows stay bytes until a town is asked for: building a record for each of 32,000
    # towns cost more than reading the file, and keeping their fields as strings cost 40 MB.
    # The keys are stored, so that nothing keys half a million names here (a test checks
    # they match `place_key`). No field holds a line break, so a line is a row; a line
    # without quotes is split at its commas, faster than the csv module reads it.
    text = WORLD_PLACES.read_bytes()
    lines = text.splitlines(keepends=True)
    header = next(csv.reader([lines[0].decode("utf-8")]))
    columns = {name: number for number, name in enumerate(header)}
    country, keys = columns["country_code"], columns["keys"]
    row_starts = array("I", [len(lines[0])])
    countries = bytearray()
    by_key = CompactIndexBuilder()
    for number, line in enumerate(lines[1:]):
        row_starts.append(row_starts[-1] + len(line))
        if b'"' in line:
            quoted = next(csv.reader([line.decode("utf-8")]))
            fields = [field.encode("utf-8") for field in quoted]
        else:
            fields = line.rstrip(b"\r\n").split(b",")
        if len(fields) != len(columns):
            raise ValueError(f"{WORLD_PLACES}: row {number + 1} has {len(fields)} fields")
        countries += fields[country].ljust(2)[:2]
        for key in fields[keys].decode("utf-8").split("|"):
            by_key.add(key, number)
    return _Table(
        columns,
        text,
        row_starts,
        bytes(countries),
        by_key.build(),
    )


_loaded: list[_Table] = []
# One thread reads the table; one asking meanwhile waits for it rather than read it again.
_loading = threading.Lock()


def _table() -> _Table:
    if not _loaded:
        with _loading:
            if not _loaded:
                _loaded.append(_read_table())
    return _loaded[0]


def load_world_places() -> None:
    """Read `world_places.csv` now (seconds of CPU on a busy machine), so no lookup waits for
    it; the bot calls it in a worker thread at start-up. Later calls return at once."""
    _table()


@lru_cache(maxsize=4096)
def _place(number: int) -> WorldPlace:
    table = _table()
    row, column = table.row(number), table.columns
    latin = [name for name in row[column["latin_names"]].split("|") if name]
    cyrillic = [name for name in row[column["cyrillic_names"]].split("|") if name]
    return WorldPlace(
        geonames_id=int(row[column["geonames_id"]]),
        name=row[column["name"]],
        country=row[column["country_code"]],
        latitude=float(row[column["latitude"]]),
        longitude=float(row[column["longitude"]]),
        population=int(row[column["population"]]),
        name_uk=row[column["name_uk"]] or None,
        other_names=tuple(latin + cyrillic),
    )


def _clearly_one(places: list[WorldPlace]) -> WorldPlace | None:
    ranked = sorted(places, key=lambda place: place.population, reverse=True)
    if len(ranked) == 1 or ranked[0].population >= _CLEARLY_LARGER * ranked[1].population:
        return ranked[0]
    return None


def find_world_place(
    name: str, country: str, near: tuple[float, float] | None = None
) -> WorldPlace | None:
    """The town of this name in this country (ISO alpha-2), or None if unknown or ambiguous.

    The name may be written in any Latin or Cyrillic form GeoNames records; a name two towns
    share is the larger one only when it is clearly larger, else the one town of them within
    `_NEAR_KM` of `near` (latitude, longitude in degrees), where the row gives coordinates.
    """
    found = world_places_named(name).get(country.upper())
    if found is not None or near is None:
        return found
    same_named = _same_named(name, country)
    close = [
        place
        for place in same_named
        if distance_km(*near, place.latitude, place.longitude) <= _NEAR_KM
    ]
    return close[0] if len(close) == 1 else None


def _same_named(name: str, country: str) -> list[WorldPlace]:
    """Every town of the country (ISO alpha-2) that the name, in any form, names."""
    table = _table()
    wanted = place_key(name)
    return _named_so(
        [
            _place(number)
            for number in table.numbers(wanted)
            if table.country(number) == country.upper()
        ],
        wanted,
    )


def agreed_ukrainian_name(name: str, country: str) -> str | None:
    """The Ukrainian name every town so named in the country (ISO alpha-2) has, where
    `find_world_place` cannot tell which town is meant: "Albany" (US) is Олбані whichever
    Albany it is, and "Pittsburgh" Піттсбург; None if unknown or if they differ."""
    same_named = _same_named(name, country)
    names = {place.name_uk for place in same_named}
    return names.pop() if len(names) == 1 else None


def is_world_place_name(name: str) -> bool:
    """Whether GeoNames knows a town of any size, anywhere, by this name or among its other
    names ("San Giorgio", "Port Augusta")."""
    key = place_key(name)
    return bool(key) and len(_table().numbers(key)) > 0


def world_places_named(name: str) -> dict[str, WorldPlace]:
    """Per country (ISO alpha-2), the town of this name there, where one is clearly meant.

    Countries where the name is unknown, or shared by towns of a size, are left out; a
    town whose own name it is comes before a town that has it among its other names.
    """
    return {
        code: place
        for code, places in world_towns_named(name).items()
        if (place := _clearly_one(places)) is not None
    }


def world_towns_named(name: str) -> dict[str, list[WorldPlace]]:
    """Per country (ISO alpha-2), every town of this name there, the largest first.

    Unlike `world_places_named`, a country whose towns of this name are of a size is kept:
    "Burlington" is a town in Canada and five in the United States, so the name alone does
    not place it. A town whose own name it is comes before one that has it among its other
    names; an unknown name gives {}.
    """
    table = _table()
    numbers = table.numbers(place_key(name))
    if not numbers:
        return {}
    by_country: dict[str, list[WorldPlace]] = defaultdict(list)
    for number in numbers:
        by_country[table.country(number)].append(_place(number))
    wanted = place_key(name)
    return {
        code: sorted(_named_so(places, wanted), key=lambda place: place.population, reverse=True)
        for code, places in by_country.items()
    }


def _named_so(places: list[WorldPlace], key: str) -> list[WorldPlace]:
    """The towns whose own name (or Ukrainian name) the key is, if any, else all of them.

    GeoNames gives a city the names of its quarters too (Westport is a quarter of Kansas
    City): the town called so is meant before the city that has a quarter called so.
    """
    named = [
        place for place in places if key in (place_key(place.name), place_key(place.name_uk or ""))
    ]
    return named or places
