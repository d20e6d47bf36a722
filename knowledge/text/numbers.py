"""Counts as people type them: «3», «3 шт.», «12 одиниць», «три», "three", "5 pcs"."""

from __future__ import annotations

import re

from knowledge.text.normalize import normalize

# Small numbers written as words, in Ukrainian (every gender) and in English; looked up
# normalised (one apostrophe, lower case).
_NUMBER_WORDS = {
    "один": 1,
    "одна": 1,
    "одне": 1,
    "два": 2,
    "дві": 2,
    "три": 3,
    "чотири": 4,
    "п'ять": 5,
    "шість": 6,
    "сім": 7,
    "вісім": 8,
    "дев'ять": 9,
    "десять": 10,
    "одинадцять": 11,
    "дванадцять": 12,
    "двадцять": 20,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
}
NUMBER_WORDS = {normalize(word): number for word, number in _NUMBER_WORDS.items()}
# Words for "pieces" after a count; they say nothing more than the number.
UNIT_WORDS = frozenset(
    {
        "шт",
        "шт.",
        "штука",
        "штуки",
        "штук",
        "од",
        "од.",
        "одиниця",
        "одиниці",
        "одиниць",
        "комплект",
        "комплекти",
        "комплектів",
        "pc",
        "pcs",
        "pcs.",
        "piece",
        "pieces",
        "unit",
        "units",
        "item",
        "items",
        "set",
        "sets",
    }
)
_DIGITS_THEN_WORD = re.compile(r"(\d)([^\d\s.,])")
_COUNT = re.compile(r"^\+?(?P<number>\d[\d\s\u00a0\u202f]*)$")


def read_count(text: str) -> int | None:
    """A count of things: digits (spaces between thousands allowed), optionally followed by a
    word for pieces («3 шт.», "5 pcs"), or a small number in words («три», "three"). None for
    anything else, zero included."""
    words = _DIGITS_THEN_WORD.sub(r"\1 \2", normalize(text)).split(" ")
    if words and words[-1] in UNIT_WORDS and len(words) > 1:
        words = words[:-1]
    phrase = " ".join(words)
    if phrase in NUMBER_WORDS:
        return NUMBER_WORDS[phrase]
    match = _COUNT.match(phrase)
    if match is None:
        return None
    value = int(re.sub(r"\D", "", match["number"]))
    return value if value > 0 else None
