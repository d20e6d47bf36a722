"""The shipped KATOTTH units below the hromadas: settlements and city districts.

`knowledge/data/reference/settlements.csv` (derived by `tools/settlements_derive.py` from the
official codifier, with GeoNames' other names, CC BY 4.0) lists every city, town, settlement,
village and city district with the hromada it belongs to.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from dataclasses import dataclass, replace
from enum import StrEnum
from functools import cache

from knowledge.store.curated import REFERENCE_DIR

SETTLEMENTS = REFERENCE_DIR / "settlements.csv"


class SettlementKind(StrEnum):
    """The codifier's categories below a hromada."""

    CITY = "M"
    SETTLEMENT = "X"
    VILLAGE = "C"
    DISTRICT = "B"


@dataclass(frozen=True, slots=True)
class Settlement:
    """A city, town, village or city district, and the hromada it belongs to (KATOTTH codes)."""

    code: str
    kind: SettlementKind
    name_uk: str
    name_en: str
    hromada: str
    aliases: tuple[str, ...] = ()


@cache
def settlements() -> tuple[Settlement, ...]:
    """Every settlement and city district of the codifier (about 29,000), read once."""
    with SETTLEMENTS.open(encoding="utf-8", newline="") as file:
        return tuple(
            Settlement(
                row["code"],
                SettlementKind(row["category"]),
                row["name_uk"],
                row["name_en"],
                row["hromada_code"],
                tuple(row["aliases"].split("|")) if row["aliases"] else (),
            )
            for row in csv.DictReader(file)
        )


SETTLEMENT_FORMS = REFERENCE_DIR / "settlement_forms.csv"


@dataclass(frozen=True, slots=True)
class SettlementForms:
    """The lookup keys a question may name a settlement by (`name_key` of each case form of its
    Ukrainian name, of its transliteration and of its other names); `ordinary` says the name
    is also an everyday word («Вільшанка» is a bird too), which names the place only when
    written with a capital inside a question."""

    code: str
    hromada: str
    name_uk: str
    name_en: str
    ordinary: bool
    keys: tuple[str, ...]


def question_forms(settlement: Settlement) -> SettlementForms:
    """The keys a question may name the settlement by (computed with pymorphy3: slow)."""
    from knowledge.text.forms_cache import FormsCache
    from knowledge.text.morphology import is_dictionary_word
    from knowledge.text.normalize import name_key, normalize

    forms = FormsCache(name_key).nouns(normalize(settlement.name_uk))
    keys = {name_key(settlement.name_uk), name_key(settlement.name_en), *forms}
    keys.update(name_key(alias) for alias in settlement.aliases)
    ordinary = any(is_dictionary_word(word) for word in normalize(settlement.name_uk).split())
    return SettlementForms(
        settlement.code,
        settlement.hromada,
        settlement.name_uk,
        settlement.name_en,
        ordinary,
        tuple(sorted(keys - {""})),
    )


def settlement_forms() -> tuple[SettlementForms, ...]:
    """The settlements a question may name and their keys (`settlement_forms.csv`, derived by
    `tools/settlement_forms_derive.py`: the villages, settlements and towns that are not their
    hromada's centre and whose name belongs to one hromada only). Read anew on each call: the
    gazetteer keeps the keys compactly, and a hundred thousand key strings kept here as well
    took some 10 MB."""
    return tuple(each_settlement_forms())


def each_settlement_forms() -> Iterator[SettlementForms]:
    """The rows of `settlement_forms`, one at a time as the file is read, so that only the
    keys the caller keeps stay in memory."""
    with SETTLEMENT_FORMS.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            yield SettlementForms(
                row["code"],
                row["hromada_code"],
                row["name_uk"],
                row["name_en"],
                row["ordinary"] == "1",
                tuple(row["keys"].split("|")),
            )


@cache
def question_settlements() -> dict[str, SettlementForms]:
    """The settlements a question may name, by KATOTTH code, without their keys (`keys` is
    empty: the gazetteer finds a settlement by them)."""
    return {forms.code: replace(forms, keys=()) for forms in each_settlement_forms()}


@cache
def settlements_by_code() -> dict[str, Settlement]:
    """Every settlement and city district by its KATOTTH code."""
    return {unit.code: unit for unit in settlements()}


@cache
def city_districts() -> dict[str, tuple[Settlement, ...]]:
    """A city's hromada code → its districts (Kyiv's, Kharkiv's, Lviv's…)."""
    found: dict[str, list[Settlement]] = {}
    for unit in settlements():
        if unit.kind is SettlementKind.DISTRICT:
            found.setdefault(unit.hromada, []).append(unit)
    return {code: tuple(units) for code, units in found.items()}


OTHER_NAMES = REFERENCE_DIR / "other_names.csv"


@cache
def other_names() -> dict[tuple[str, str], tuple[str, ...]]:
    """Colloquial, former and neighbours' names of hromadas' centres («Франик», «Проскурів»)
    and of other settlements («Nagymuzsaly» for Мужієво) by the settlement's and its oblast's
    Ukrainian names, as `hromadas.csv` and `settlements.csv` write them; from
    `other_names.csv`, each with its source there."""
    found: dict[tuple[str, str], list[str]] = {}
    with OTHER_NAMES.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file):
            found.setdefault((row["center_uk"], row["oblast_uk"]), []).append(row["name"])
    return {place: tuple(names) for place, names in found.items()}


HISTORICAL_LANDS = REFERENCE_DIR / "historical_lands.csv"


@dataclass(frozen=True, slots=True)
class HistoricalLand:
    """A historical or geographic land of Ukraine (Podillia, Galicia, Donbas) and the oblasts
    it lies in, by their Ukrainian names as `hromadas.csv` writes them; `names` are the
    land's English, Ukrainian, Russian and Polish spellings."""

    name_en: str
    name_uk: str
    oblasts_uk: tuple[str, ...]
    names: tuple[str, ...]


@cache
def historical_lands() -> tuple[HistoricalLand, ...]:
    """The lands a sheet may write instead of an oblast ("Izmail, Bessarabia"), from
    `historical_lands.csv`, each with its source there."""
    with HISTORICAL_LANDS.open(encoding="utf-8", newline="") as file:
        return tuple(
            HistoricalLand(
                row["land_en"],
                row["land_uk"],
                tuple(row["oblasts_uk"].split("|")),
                tuple(row["names"].split("|")),
            )
            for row in csv.DictReader(file)
        )
