"""A small real-style sheet whose oblast column, headed «Область», writes each oblast the way
sheets do: Russian («Харьковская обл.», «Одесская область»), older spellings ("Rovno",
"Chernigov", "Vinnitsa", "Ivano-Frankovsk"), lands (Volhynia, «Буковина», "Transcarpathian
region"), «Львівщина», and Kyiv as "Kyiv City", «м. Київ» or "Kiev"."""

from __future__ import annotations

from pathlib import Path

from knowledge.interchange import read_import
from knowledge.places.hromadas import shipped_index
from tools.twin_towns_measure import measure

SHEET = Path(__file__).parent / "data" / "twin_towns" / "twin_towns_oblast_forms.csv"


def test_every_row_imports_under_the_hromada_its_oblast_column_agrees_with() -> None:
    parsed = read_import(SHEET.read_bytes(), SHEET.name)
    index = shipped_index()

    assert parsed.rejected == []
    assert [
        (index.by_code[row.hromada].center_uk, row.partner_city) for row in parsed.agreements
    ] == [
        ("Львів", "Kraków"),
        ("Львів", "Lublin"),
        ("Харків", "Brno"),
        ("Харків", "Poznań"),
        ("Рівне", "Piła"),
        ("Чернігів", "Memmingen"),
        ("Трускавець", "Rzeszów"),
        ("Вінниця", "Kielce"),
        ("Київ", "Wrocław"),
        ("Івано-Франківськ", "Opole"),
        ("Ужгород", "Košice"),
        ("Луцьк", "Olsztyn"),
        ("Чернівці", "Suceava"),
        ("Одеса", "Marseille"),
        ("Київ", "Kraków"),
        ("Київ", "Вільнюс"),
    ]


def test_no_row_is_refused_and_each_place_is_answered() -> None:
    figures = measure(SHEET)

    assert figures.refused == 0
    assert figures.unanswered == []
