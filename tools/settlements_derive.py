"""Derive settlements.csv: every settlement and city district of the codifier, with its hromada.

The codifier (KATOTTH) lists below each hromada its cities (M), settlements (X), villages (C)
and, below a city, its districts (B). Each becomes a row with the code of the hromada it
belongs to (for Kyiv's districts, Kyiv's own code), its Ukrainian name and the official
transliteration. GeoNames populated places of Ukraine that are no hromada's centre lend their
other names (older, Russian-based and foreign spellings) to the one settlement of the same
name in their oblast; which GeoNames region is which oblast is learned from the rows that
did go to hromada centres.
"""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Sequence

from knowledge.text.normalize import latin_key
from knowledge.text.transliteration import transliterate
from tools.reference_derive import (
    ALIAS_SEPARATOR,
    AliasAssignment,
    CodifierEntry,
    HromadaLine,
    is_alias_spelling,
)

SETTLEMENTS_FILE = "settlements.csv"
SETTLEMENT_CATEGORIES = frozenset({"M", "X", "C"})
DISTRICT_CATEGORY = "B"


@dataclasses.dataclass(frozen=True)
class SettlementLine:
    """One line of settlements.csv; the field order is the column order."""

    code: str
    category: str
    name_uk: str
    name_en: str
    hromada_code: str
    aliases: str = ""


SETTLEMENT_COLUMNS: tuple[str, ...] = tuple(
    field.name for field in dataclasses.fields(SettlementLine)
)


def build_settlement_rows(codifier: Sequence[CodifierEntry]) -> list[SettlementLine]:
    """Every M, X, C and B row of the codifier with the hromada it belongs to, by code."""
    rows = []
    for entry in codifier:
        if entry.category in SETTLEMENT_CATEGORIES and entry.level4 and not entry.extra_level:
            code = entry.level4
        elif entry.category == DISTRICT_CATEGORY and entry.extra_level:
            code = entry.extra_level
        else:
            continue
        rows.append(
            SettlementLine(
                code=code,
                category=entry.category,
                name_uk=entry.name,
                name_en=transliterate(entry.name),
                hromada_code=entry.level3,
            )
        )
    rows.sort(key=lambda row: row.code)
    return rows


def _region_oblasts(
    hromadas: Sequence[HromadaLine], assignment: AliasAssignment, records: dict[int, list[str]]
) -> dict[str, str]:
    """GeoNames admin1 code → oblast code, by the majority of rows placed at hromada centres."""
    oblast_of = {row.code: row.oblast_code for row in hromadas}
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for code, geonames_ids in assignment.geonames_ids_by_code.items():
        for geonames_id in geonames_ids:
            record = records.get(geonames_id)
            if record is not None and oblast_of.get(code):
                votes[record[10]][oblast_of[code]] += 1
    return {region: counted.most_common(1)[0][0] for region, counted in votes.items()}


def with_settlement_aliases(
    settlements: Sequence[SettlementLine],
    hromadas: Sequence[HromadaLine],
    ukrainian_places: Sequence[Sequence[str]],
    assignment: AliasAssignment,
) -> list[SettlementLine]:
    """The settlements with the other names of GeoNames places that are no hromada's centre."""
    records = {int(record[0]): list(record) for record in ukrainian_places}
    oblasts = _region_oblasts(hromadas, assignment, records)
    oblast_of = {row.code: row.oblast_code for row in hromadas}
    by_key: dict[tuple[str, str], list[int]] = defaultdict(list)
    for index, row in enumerate(settlements):
        if row.category != DISTRICT_CATEGORY:
            key = latin_key(row.name_en)
            by_key[(oblast_of.get(row.hromada_code, ""), key)].append(index)
    aliases: dict[int, list[str]] = defaultdict(list)
    for record in assignment.unplaced:
        oblast = oblasts.get(record[10], "")
        names = [record[1], record[2], *record[3].split(",")]
        matching = {index for name in names for index in by_key.get((oblast, latin_key(name)), [])}
        if len(matching) > 1:
            # GeoNames lists places of 15,000 people or more: of same-named ones, the city.
            matching = {index for index in matching if settlements[index].category == "M"}
        if len(matching) != 1:
            continue
        index = matching.pop()
        own = {latin_key(settlements[index].name_en)}
        for name in names:
            name = name.strip()
            fresh = name not in aliases[index]
            if is_alias_spelling(name) and latin_key(name) not in own and fresh:
                aliases[index].append(name)
    return [
        dataclasses.replace(row, aliases=ALIAS_SEPARATOR.join(aliases.get(index, [])))
        for index, row in enumerate(settlements)
    ]
