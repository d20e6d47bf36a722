"""Country names come from Babel's CLDR data in both languages."""

import pytest

from knowledge.places.countries import country_name
from knowledge.text.collation import sort_key


@pytest.mark.parametrize(
    ("code", "locale", "expected"),
    [
        ("SK", "uk", "Словаччина"),
        ("SK", "en", "Slovakia"),
        ("GB", "uk", "Велика Британія"),
        ("US", "en", "United States"),
        ("ME", "uk", "Чорногорія"),
    ],
)
def test_country_names_in_both_languages(code: str, locale: str, expected: str) -> None:
    assert country_name(code, locale) == expected


def test_ukrainian_names_sort_in_alphabet_order() -> None:
    actual = sorted(["Італія", "Австрія", "Їжакевичі", "Ґрузія", "Гана", "Йорданія"], key=sort_key)

    assert actual == ["Австрія", "Гана", "Ґрузія", "Італія", "Їжакевичі", "Йорданія"]
