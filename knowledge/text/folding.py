"""Folding names to compare them across spellings, scripts and transliteration systems."""

from __future__ import annotations

import re
import unicodedata

from knowledge.text.transliteration import APOSTROPHES, transliterate

# Letters of Russian (and Belarusian) spellings that the Ukrainian table does not know.
_EXTRA_CYRILLIC = str.maketrans({"ы": "y", "э": "e", "ё": "io", "ъ": "", "ў": "u"})
_SPACES = re.compile(r"[\s\-‐‑‒–—_.]+")
# Spelling systems disagree on these; folding them makes Kamyanets, Kamianets and Kamenets
# closer, Kharkov and Charkow the same, Kyiv and Kiiv the same.
_FOLDS = (
    ("shch", "sc"),
    ("sch", "sc"),
    ("kh", "h"),
    ("ch", "c"),
    ("cz", "c"),
    ("tz", "c"),
    ("ts", "c"),
    ("zh", "z"),
    ("sh", "s"),
    ("g", "h"),
    ("w", "v"),
    ("j", "i"),
    ("y", "i"),
    ("x", "ks"),
    ("q", "k"),
)
_RUNS = re.compile(r"([a-z])\1+")


def tidy(text: str) -> str:
    """Lower case, one kind of apostrophe and one space between words: the exact form."""
    text = unicodedata.normalize("NFC", text).casefold()
    for apostrophe in APOSTROPHES:
        text = text.replace(apostrophe, "'")
    return " ".join(_SPACES.sub(" ", text).split())


def loose_key(text: str) -> str:
    """Case-folded, with one kind of apostrophe and single spaces: what a person typed."""
    return " ".join(text.replace("’", "'").casefold().split())


def fold(text: str) -> str:
    """A loose key: Latin letters only, with transliteration differences folded away."""
    latin = transliterate(tidy(text).translate(_EXTRA_CYRILLIC))
    plain = unicodedata.normalize("NFKD", latin)
    letters = "".join(char for char in plain if "a" <= char <= "z" or "0" <= char <= "9")
    for old, new in _FOLDS:
        letters = letters.replace(old, new)
    return _RUNS.sub(r"\1", letters)


def slug(text: str, *, limit: int = 40) -> str:
    """A key fragment: Latin letters and digits joined by hyphens."""
    latin = unicodedata.normalize("NFKD", transliterate(tidy(text).translate(_EXTRA_CYRILLIC)))
    words = re.findall(r"[a-z0-9]+", "".join(c for c in latin if not unicodedata.combining(c)))
    return "-".join(words)[:limit].strip("-") or "x"
