"""Adjectives of countries, which questions use besides their names ("польські партнери").

Adjectives ("a Latvian town") are vocabulary, not country names, so neither CLDR nor ISO
carries them; the names themselves come from `knowledge.places.countries`.
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
