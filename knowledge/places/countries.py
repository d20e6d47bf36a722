"""Which country a spreadsheet means: ISO code, English or Ukrainian name, common variants."""

from __future__ import annotations

from functools import cache

from babel import Locale

from knowledge.text.folding import tidy

# Names people write that CLDR does not list, and codes that are not ISO alpha-2.
_VARIANTS: dict[str, str] = {
    "usa": "US",
    "u s a": "US",
    "u s": "US",
    "united states of america": "US",
    "america": "US",
    "сша": "US",
    "сполучені штати америки": "US",
    "сполучені штати": "US",
    "uk": "GB",
    "u k": "GB",
    "great britain": "GB",
    "britain": "GB",
    "england": "GB",
    "scotland": "GB",
    "wales": "GB",
    "northern ireland": "GB",
    "united kingdom of great britain and northern ireland": "GB",
    "велика британія": "GB",
    "британія": "GB",
    "англія": "GB",
    "шотландія": "GB",
    "уельс": "GB",
    "об'єднане королівство": "GB",
    "сполучене королівство": "GB",
    "czech republic": "CZ",
    "чеська республіка": "CZ",
    "holland": "NL",
    "the netherlands": "NL",
    "голландія": "NL",
    "фрн": "DE",
    "federal republic of germany": "DE",
    "republic of moldova": "MD",
    "республіка молдова": "MD",
    "republic of poland": "PL",
    "республіка польща": "PL",
    "turkey": "TR",
    "туреччина": "TR",
    "south korea": "KR",
    "korea": "KR",
    "republic of korea": "KR",
    "південна корея": "KR",
    "slovak republic": "SK",
    "словацька республіка": "SK",
    "republic of lithuania": "LT",
    "republic of latvia": "LV",
    "republic of estonia": "EE",
    "sakartvelo": "GE",
}


# CLDR territories that are groupings or placeholders, not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    for locale in ("en", "uk"):
        for code, name in Locale.parse(locale).territories.items():
            if code.isalpha() and len(code) == 2 and code not in _NOT_COUNTRIES:
                names.setdefault(tidy(name), code)
    for variant, code in _VARIANTS.items():
        names[tidy(variant)] = code
    return names


def resolve_country(text: str) -> str | None:
    """The ISO 3166 alpha-2 code the text names, or None when it names no country."""
    text = text.strip()
    key = tidy(text).removeprefix("the ")
    if key in _VARIANTS:
        return _VARIANTS[key]
    if len(text) == 2 and text.isalpha() and text.isascii():
        code = text.upper()
        territories = Locale("en").territories
        return code if code in territories and code not in _NOT_COUNTRIES else None
    return _names().get(key)
