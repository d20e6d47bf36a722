"""Derive settlement_forms.csv: the keys a question may name a village or town by.

Inflecting thirty thousand names takes pymorphy3 half a minute, so the question index reads
them from this table instead of computing them at start-up. Rows are the villages, settlements
and towns of `settlements.csv` that are not a hromada's centre, whose name no hromada's centre
has, and whose name, as `name_key` folds it, belongs to one hromada only (a name many hromadas
share, such as Новоселівка, says nothing on its own); keys and the `ordinary` flag are those of
`knowledge.places.reference.question_forms`. Rerun it when `fold()` or the inflection rules change:

    python -m tools.settlement_forms_derive --out knowledge/data/reference
"""

from __future__ import annotations

import argparse
import csv
from collections import defaultdict
from pathlib import Path

from knowledge.places.reference import SettlementKind, question_forms, settlements
from knowledge.store.curated import read_hromadas
from knowledge.text.normalize import name_key

SETTLEMENT_FORMS_FILE = "settlement_forms.csv"
SETTLEMENT_FORMS_COLUMNS = ("code", "hromada_code", "name_uk", "name_en", "ordinary", "keys")


def settlement_form_rows() -> list[tuple[str, ...]]:
    """The rows of settlement_forms.csv (`SETTLEMENT_FORMS_COLUMNS`), sorted by code."""
    every_hromada = read_hromadas()
    hromadas = {hromada.code for hromada in every_hromada}
    centres = {
        name_key(name)
        for hromada in every_hromada
        for name in (hromada.center_uk, hromada.center_en)
        if name
    }
    owners: dict[str, set[str]] = defaultdict(set)
    units = [
        unit
        for unit in settlements()
        if unit.kind is not SettlementKind.DISTRICT and unit.hromada in hromadas
    ]
    for unit in units:
        owners[name_key(unit.name_uk)].add(unit.hromada)
    rows = []
    for unit in units:
        key = name_key(unit.name_uk)
        if len(owners[key]) != 1 or key in centres:
            continue
        forms = question_forms(unit)
        ordinary = "1" if forms.ordinary else "0"
        rows.append(
            (unit.code, unit.hromada, unit.name_uk, unit.name_en, ordinary, "|".join(forms.keys))
        )
    return sorted(rows)


def main(argv: list[str] | None = None) -> None:
    """Command line: write settlement_forms.csv."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.settlement_forms_derive", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--out", type=Path, required=True, help="directory to write to")
    arguments = parser.parse_args(argv)
    rows = settlement_form_rows()
    with (arguments.out / SETTLEMENT_FORMS_FILE).open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(SETTLEMENT_FORMS_COLUMNS)
        writer.writerows(rows)
    print(f"Wrote {len(rows)} settlements to {arguments.out / SETTLEMENT_FORMS_FILE}")


if __name__ == "__main__":
    main()
