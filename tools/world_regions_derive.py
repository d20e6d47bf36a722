"""Derive the shipped table of the world regions each country lies in.

The regions are those of the UN M49 standard, by their numeric codes, which CLDR and so Babel
name in every locale ("150" is Europe, Європа): the continent (002 Africa, 019 the Americas,
142 Asia, 150 Europe, 009 Oceania), the sub-region (155 Western Europe, 145 Western Asia …),
and Latin America and the Caribbean (419: the Caribbean, Central and South America). Members
of the European Union are listed under CLDR's "EU". Membership is read from the country table
of the country_converter package (its `continent`, `UNregion` and `EU` columns, which follow
M49 and the EU's own list); sub-regions are matched to their codes by Babel's English names.

    pip download --no-deps country_converter && unzip country_converter-*.whl
    python -m tools.world_regions_derive --source country_converter/country_data.tsv \
        --out knowledge/data/reference
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from babel import Locale

WORLD_REGIONS_FILE = "world_regions.csv"

# country_converter's continent names → M49 codes.
_CONTINENTS = {
    "Africa": "002",
    "America": "019",
    "Asia": "142",
    "Europe": "150",
    "Oceania": "009",
}
# The M49 sub-regions Latin America and the Caribbean (419) is made of.
_LATIN_AMERICA = frozenset({"005", "013", "029"})
# Names country_converter writes otherwise than CLDR's English.
_SPELLINGS = {"South-eastern Asia": "Southeast Asia", "Micronesia": "Micronesian Region"}


def _subregion_codes() -> dict[str, str]:
    """English name → M49 code of every numeric CLDR territory (the regions)."""
    return {name: code for code, name in Locale("en").territories.items() if code.isdigit()}


def derive(source: Path) -> list[tuple[str, str]]:
    """The (country code, region code) pairs from country_converter's table, sorted."""
    subregions = _subregion_codes()
    pairs: set[tuple[str, str]] = set()
    with source.open(encoding="utf-8", newline="") as file:
        for row in csv.DictReader(file, delimiter="\t"):
            code = row["ISO2"]
            if code.startswith("^"):
                # "^GR$|^EL$": Greece under both its codes; the ISO one is first.
                code = code.split("|")[0].strip("^$")
            if len(code) != 2 or not code.isalpha():
                continue
            continent = _CONTINENTS.get(row["continent"])
            if continent is not None:
                pairs.add((code, continent))
            name = _SPELLINGS.get(row["UNregion"], row["UNregion"])
            subregion = subregions.get(name)
            if subregion is not None:
                pairs.add((code, subregion))
                if subregion in _LATIN_AMERICA:
                    pairs.add((code, "419"))
            if row["EU"] == "EU":
                pairs.add((code, "EU"))
    return sorted(pairs)


def main() -> None:
    """Write `world_regions.csv` into the output directory."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", type=Path, required=True, help="country_data.tsv")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    with (args.out / WORLD_REGIONS_FILE).open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(("code", "region"))
        writer.writerows(derive(args.source))


if __name__ == "__main__":
    main()
