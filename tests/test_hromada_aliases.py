"""Tests for reading the aliases of hromadas from the shipped reference table."""

from __future__ import annotations

from pathlib import Path

from knowledge.store.curated import read_hromadas

KHARKIV = "UA63120270000028556"
ZOLOCHIV = "UA63020050000045982"

HEADER = (
    "code,name_uk,name_en,kind,oblast_code,oblast_uk,oblast_en,raion_code,raion_uk,raion_en,"
    "center_uk,center_en,latitude,longitude,population_2022,aliases"
)


def test_aliases_column_is_read_as_a_list_and_empty_as_no_aliases(tmp_path: Path) -> None:
    path = tmp_path / "hromadas.csv"
    path.write_text(
        f"{HEADER}\n"
        f"{KHARKIV},Харківська,Kharkivska,urban,,,,,,,Харків,Kharkiv,49.99232,36.23101,"
        "1421125,Kharkov|Khar'kov|Харьков\n"
        f"{ZOLOCHIV},Золочівська,Zolochivska,settlement,,,,,,,Золочів,Zolochiv,,,,\n",
        encoding="utf-8",
    )
    actual = {hromada.code: hromada.aliases for hromada in read_hromadas(path)}
    assert actual == {KHARKIV: ["Kharkov", "Khar'kov", "Харьков"], ZOLOCHIV: []}


def test_shipped_hromadas_read_with_their_aliases() -> None:
    hromadas = {hromada.code: hromada for hromada in read_hromadas()}
    with_aliases = [hromada for hromada in hromadas.values() if hromada.aliases]
    assert {"Kharkov", "Харьков"} <= set(hromadas[KHARKIV].aliases)
    assert all(alias and "|" not in alias for hromada in with_aliases for alias in hromada.aliases)
    assert 200 < len(with_aliases) < len(hromadas)
