"""Alphabetical order as a Ukrainian reader expects it (Python's default puts І before А)."""

from __future__ import annotations

UKRAINIAN_ALPHABET = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюя"
_RANK = {letter: rank for rank, letter in enumerate(UKRAINIAN_ALPHABET)}


def sort_key(text: str) -> tuple[tuple[int, int | str], ...]:
    """A key that orders Ukrainian letters by the alphabet and any other text after them."""
    return tuple((0, _RANK[char]) if char in _RANK else (1, char) for char in text.casefold())
