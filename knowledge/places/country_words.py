"""Words people use for countries besides their names, which come from Babel's CLDR data.

Adjectives ("польські партнери", "a Latvian town") and everyday names ("США", "UK",
"Голландія") are vocabulary, not country names, so CLDR does not carry them.
"""

from __future__ import annotations

# ISO code -> (Ukrainian adjective, English adjective); adjectives are inflected when indexed.
ADJECTIVES: dict[str, tuple[str, str]] = {
    "AL": ("албанський", "albanian"),
    "AT": ("австрійський", "austrian"),
    "BE": ("бельгійський", "belgian"),
    "BG": ("болгарський", "bulgarian"),
    "CA": ("канадський", "canadian"),
    "CH": ("швейцарський", "swiss"),
    "CN": ("китайський", "chinese"),
    "CZ": ("чеський", "czech"),
    "DE": ("німецький", "german"),
    "DK": ("данський", "danish"),
    "EE": ("естонський", "estonian"),
    "ES": ("іспанський", "spanish"),
    "FI": ("фінський", "finnish"),
    "FR": ("французький", "french"),
    "GB": ("британський", "british"),
    "GE": ("грузинський", "georgian"),
    "GR": ("грецький", "greek"),
    "HR": ("хорватський", "croatian"),
    "HU": ("угорський", "hungarian"),
    "IE": ("ірландський", "irish"),
    "IL": ("ізраїльський", "israeli"),
    "IT": ("італійський", "italian"),
    "JP": ("японський", "japanese"),
    "KR": ("корейський", "korean"),
    "LT": ("литовський", "lithuanian"),
    "LV": ("латвійський", "latvian"),
    "MD": ("молдовський", "moldovan"),
    "ME": ("чорногорський", "montenegrin"),
    "NL": ("нідерландський", "dutch"),
    "NO": ("норвезький", "norwegian"),
    "PL": ("польський", "polish"),
    "PT": ("португальський", "portuguese"),
    "RO": ("румунський", "romanian"),
    "RS": ("сербський", "serbian"),
    "SE": ("шведський", "swedish"),
    "SI": ("словенський", "slovenian"),
    "SK": ("словацький", "slovak"),
    "TR": ("турецький", "turkish"),
    "US": ("американський", "american"),
}

# Everyday names beside the CLDR ones; Ukrainian ones are inflected when indexed.
EVERYDAY_NAMES: dict[str, tuple[str, ...]] = {
    "US": (
        "сша",
        "штати",
        "америка",
        "usa",
        "us",
        "u.s.",
        "america",
        "the states",
        "united states of america",
    ),
    "GB": (
        "британія",
        "англія",
        "об’єднане королівство",
        "uk",
        "britain",
        "great britain",
        "england",
    ),
    "NL": ("голландія", "holland", "the netherlands"),
    "CZ": ("чеська республіка", "czech republic"),
    "MD": ("молдавія", "moldavia"),
    "KR": ("південна корея", "south korea"),
}
