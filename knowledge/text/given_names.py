"""People's first names written in Latin letters, in the languages of Ukraine's partner towns.

The Ukrainian dictionary (`knowledge.text.morphology.is_first_name`) knows first names written
in Cyrillic; a document in English, or a Ukrainian one quoting a Polish mayor in his own
spelling, writes them in Latin letters: "Victoria Nowak", "Florence Martin", "Krzysztof Żuk".
The names are those of Faker's person providers for each locale below (MIT licence), lists
of the first names in use in each country.
"""

from __future__ import annotations

import functools
import importlib

from knowledge.text.normalize import fold

# Locales of the countries Ukrainian hromadas are most often tied to, and of English texts.
_LOCALES = (
    *("en_US", "en_GB", "en_CA", "en_IE", "pl_PL", "de_DE", "de_AT", "fr_FR", "it_IT"),
    *("es_ES", "cs_CZ", "sk_SK", "lt_LT", "lv_LV", "et_EE", "hu_HU", "ro_RO", "nl_NL"),
    *("sv_SE", "da_DK", "fi_FI", "no_NO", "pt_PT", "hr_HR", "sl_SI"),
)
_NAME_LISTS = ("first_names", "first_names_male", "first_names_female")


@functools.cache
def _given_names() -> frozenset[str]:
    found: set[str] = set()
    for locale in _LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except ImportError:  # a locale a later Faker drops: the others still count
            continue
        for attribute in _NAME_LISTS:
            names = getattr(provider, attribute, None) or ()
            found.update(fold(name) for name in names if name.replace("-", "").isalpha())
    return frozenset(name for name in found if name.isascii() or not _is_cyrillic(name))


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


def is_latin_given_name(word: str) -> bool:
    """Whether a word in Latin letters is a person's first name in one of the locales above
    ("Victoria", "Krzysztof", "Jan"); any case, folded or as written. A Cyrillic word is
    never one here (see `morphology.is_first_name`)."""
    return bool(word) and not _is_cyrillic(word) and fold(word) in _given_names()
