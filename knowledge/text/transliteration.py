"""Ukrainian-to-Latin transliteration by the official 2010 rules.

The table follows Resolution No. 55 of the Cabinet of Ministers of Ukraine of
27 January 2010, the system used in passports, on road signs and in the
official English spelling of place names (Kharkiv, Kyiv, Zghurivka).
"""

from __future__ import annotations

# Letters whose Latin form does not depend on position.
_LETTERS: dict[str, str] = {
    "а": "a",
    "б": "b",
    "в": "v",
    "г": "h",
    "ґ": "g",
    "д": "d",
    "е": "e",
    "ж": "zh",
    "з": "z",
    "и": "y",
    "і": "i",
    "к": "k",
    "л": "l",
    "м": "m",
    "н": "n",
    "о": "o",
    "п": "p",
    "р": "r",
    "с": "s",
    "т": "t",
    "у": "u",
    "ф": "f",
    "х": "kh",
    "ц": "ts",
    "ч": "ch",
    "ш": "sh",
    "щ": "shch",
    "ь": "",
    # Russian letters, in the Ukrainian rules' spirit, for names older lists write in
    # Russian («Михаловцы» is "Mykhalovtsy", not left half in Cyrillic).
    "ы": "y",
    "э": "e",
    "ъ": "",
}

# Iotated letters: (at the start of a word, elsewhere).
_IOTATED: dict[str, tuple[str, str]] = {
    "є": ("ye", "ie"),
    "ї": ("yi", "i"),
    "й": ("y", "i"),
    "ю": ("yu", "iu"),
    "я": ("ya", "ia"),
    "ё": ("yo", "io"),
}

# Every way the Ukrainian apostrophe is typed in practice: ASCII quote,
# right single quote, the modifier letter U+02BC, backtick and left quote.
APOSTROPHES = frozenset("'\u2019\u02bc`\u2018")


def _is_ukrainian_letter(char: str) -> bool:
    lower = char.lower()
    return lower in _LETTERS or lower in _IOTATED


def _is_word_apostrophe(text: str, index: int) -> bool:
    """Tell whether the apostrophe at ``index`` sits between two Ukrainian letters."""
    return (
        0 < index < len(text) - 1
        and _is_ukrainian_letter(text[index - 1])
        and _is_ukrainian_letter(text[index + 1])
    )


def _starts_word(text: str, index: int) -> bool:
    """Tell whether the letter at ``index`` begins a word (an apostrophe does not split one)."""
    previous = index - 1
    if previous >= 0 and text[previous] in APOSTROPHES and _is_word_apostrophe(text, previous):
        return False
    return previous < 0 or not text[previous].isalpha()


def _word_is_all_caps(text: str, index: int) -> bool:
    """Tell whether the word around ``index`` has several letters, all of them capitals."""
    start = index
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in APOSTROPHES):
        start -= 1
    end = index + 1
    while end < len(text) and (text[end].isalpha() or text[end] in APOSTROPHES):
        end += 1
    letters = [char for char in text[start:end] if char.isalpha()]
    return len(letters) > 1 and all(char.isupper() for char in letters)


def _apply_case(latin: str, text: str, index: int) -> str:
    """Give ``latin`` the case of the Cyrillic letter at ``index``."""
    if not text[index].isupper() or not latin:
        return latin
    # "Щастя" becomes "Shchastia" but "ЩАСТЯ" must stay "SHCHASTIA".
    if len(latin) > 1 and not _word_is_all_caps(text, index):
        return latin[0].upper() + latin[1:]
    return latin.upper()


def transliterate(text: str) -> str:
    """Spell Ukrainian text in Latin letters by the official 2010 transliteration rules."""
    parts: list[str] = []
    for index, char in enumerate(text):
        lower = char.lower()
        if char in APOSTROPHES:
            # An apostrophe inside a word has no Latin counterpart; anywhere else it is
            # punctuation (a quote, or part of Latin text such as "O'Brien") and stays.
            if not _is_word_apostrophe(text, index):
                parts.append(char)
            continue
        if lower in _IOTATED:
            at_start, elsewhere = _IOTATED[lower]
            latin = at_start if _starts_word(text, index) else elsewhere
        elif lower == "г" and index > 0 and text[index - 1].lower() == "з":
            # The rules spell "зг" as "zgh" so it is not read as the single sound "zh".
            latin = "gh"
        elif lower in _LETTERS:
            latin = _LETTERS[lower]
        else:
            parts.append(char)
            continue
        parts.append(_apply_case(latin, text, index))
    return "".join(parts)
