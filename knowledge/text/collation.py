"""Alphabetical order as a reader expects it: the Ukrainian alphabet's own order (Python's
default puts І and Є after Я), and Latin letters by their base letter, so «Košice» sorts
with "Kosice" rather than after "Z"."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_RANK = {letter: rank for rank, letter in enumerate(UKRAINIAN_ALPHABET)}
# Word separators first (so «Нова Одеса» precedes «Новаград»), then digits, then Ukrainian
# letters, then Latin letters, then anything else.
_SEPARATOR, _DIGIT, _UKRAINIAN, _LATIN, _OTHER = range(5)

# Latin letters that do not decompose into a base letter and an accent.
_LATIN_BASE = {
    "ł": "l",
    "ø": "o",
    "đ": "d",
    "ð": "d",
    "ß": "s",
    "æ": "a",
    "œ": "o",
    "þ": "t",
    "ı": "i",
}

Key = tuple[tuple[tuple[int, int | str], ...], str]


def _weight(char: str) -> tuple[int, int | str]:
    if char in _RANK:
        return (_UKRAINIAN, _RANK[char])
    if char.isdigit():
        return (_DIGIT, char)
    if not char.isalnum():
        return (_SEPARATOR, " ")
    base = _LATIN_BASE.get(char) or unicodedata.normalize("NFKD", char)[0]
    if base.isascii() and base.isalpha():
        return (_LATIN, base)
    return (_OTHER, char)


@lru_cache(maxsize=65536)
def sort_key(text: str) -> Key:
    """A key ordering text by its letters (Ukrainian by the alphabet, Latin by the base letter,
    accents only breaking ties), separators before letters."""
    folded = unicodedata.normalize("NFC", text.casefold())
    return tuple(_weight(char) for char in folded), folded
