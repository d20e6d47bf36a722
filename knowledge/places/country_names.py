"""Country names in the bot's languages, from the CLDR data that Babel ships."""

from __future__ import annotations

from functools import cache

from babel import Locale


@cache
def _territories(locale: str) -> dict[str, str]:
    return dict(Locale.parse(locale).territories)


def country_name(code: str, locale: str) -> str:
    """The country's name in the locale, e.g. ("SK", "uk") → "Словаччина"."""
    return _territories(locale).get(code.upper(), code.upper())
