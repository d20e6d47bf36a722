"""The shipped KATOTTH units below the hromadas: settlements and city districts.

`knowledge/data/reference/settlements.csv` (derived by `tools/settlements_derive.py` from the
official codifier, with GeoNames' other names, CC BY 4.0) lists every city, town, settlement,
village and city district with the hromada it belongs to.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
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
