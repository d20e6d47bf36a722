"""Text normalisation and tokenisation for matching questions against place names.

Residents type on whatever keyboard is at hand: Latin "i" inside Cyrillic words, any of half a
dozen apostrophes, Russian letters, stress marks copied from Wikipedia. Everything here maps
those variants onto one spelling so that the rest of the engine can use plain dictionary lookups.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

from knowledge.text.transliteration import transliterate

APOSTROPHE = "\u2019"

# Every character people type where Ukrainian spelling has an apostrophe: ASCII quote, right
# and left single quotes, modifier letters, backtick, acute accent, prime and fullwidth quote.
APOSTROPHES = frozenset("'\u2019\u2018\u201b\u02bc\u02bb\u02b9\u02c8`\u00b4\u2032\uff07")

# Joiners, direction marks and soft hyphens are invisible, so they must not split or change
# a word; pasted text often carries them.
_INVISIBLE = "\u00ad\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
_INVISIBLE += "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
_INVISIBLE_CHARACTERS = frozenset(_INVISIBLE)

_HYPHENS = "-\u2010\u2011"
_WORD_JOINERS = APOSTROPHES | frozenset(_HYPHENS)

_BEFORE_NFC = str.maketrans(
    {
        **dict.fromkeys(_INVISIBLE, None),
        # Control characters other than whitespace become spaces so they still separate words.
        **{chr(code): " " for code in (*range(0x20), *range(0x7F, 0xA0))},
        **dict.fromkeys(APOSTROPHES, APOSTROPHE),
        **dict.fromkeys(_HYPHENS, "-"),
    }
)
_NEEDS_MAPPING = re.compile(
    "["
    + re.escape("".join(sorted(set(_INVISIBLE) | APOSTROPHES | set(_HYPHENS))))
    + r"\x00-\x1f\x7f-\x9f]"
)
# NFC composes Latin letters with their accents, so a combining acute or grave that survives
# it sits on a Cyrillic letter: a stress mark, which is not part of the spelling.
_AFTER_NFC = str.maketrans({"\u0301": None, "\u0300": None})

# Latin letters that look like Cyrillic ones, in lower case (normalisation casefolds first).
_LATIN_TO_CYRILLIC = {
    "a": "а",
    "b": "в",
    "c": "с",
    "e": "е",
    "h": "н",
    "i": "і",
    "ï": "ї",
    "k": "к",
    "m": "м",
    "o": "о",
    "p": "р",
    "t": "т",
    "x": "х",
    "y": "у",
}
_CYRILLIC_TO_LATIN = {cyrillic: latin for latin, cyrillic in _LATIN_TO_CYRILLIC.items()}
_TO_CYRILLIC = str.maketrans(_LATIN_TO_CYRILLIC)
_TO_LATIN = str.maketrans(_CYRILLIC_TO_LATIN)

_PLAIN_PHRASE = re.compile(r"^[^\W\d_]+(?:[’'-][^\W\d_]+)*(?: [^\W\d_]+(?:[’'-][^\W\d_]+)*)*$")
_LETTER_RUN = re.compile(rf"(?:[^\W\d_]|{APOSTROPHE})+")
_LATIN_LETTER = re.compile("[a-z\u00c0-\u024f]")
_CYRILLIC_LETTER = re.compile("[\u0400-\u052f]")

# Aggressive folding for names: Russian-only letters to their Ukrainian counterparts, the soft
# sign and apostrophes dropped (people omit them), and Latin letters that do not decompose.
_FOLD = str.maketrans(
    {
        APOSTROPHE: None,
        "ь": None,
        "ъ": None,
        "ы": "и",
        "э": "е",
        "ё": "е",
        "ґ": "г",
        "ў": "в",
        "ł": "l",
        "ŀ": "l",
        "ø": "o",
        "đ": "d",
        "ð": "d",
        "ħ": "h",
        "ı": "i",
        "æ": "ae",
        "œ": "oe",
        "þ": "th",
    }
)

# Romanisations of the same name differ by convention (English, Polish, German, Czech), not
# by sound. latin_key() collapses the conventions into one spelling per sound:
#   shch, szcz, schtsch -> s   (щ)        sh, sz, sch -> s   (ш)
#   zh -> z                    (ж; Czech and Polish ž lost its mark in fold() already)
#   tsch, tch, cz -> c         (ч)        ts, tz -> c        (ц, as Czech and Polish write it)
#   kh, ch, gh, g -> h         (х and г: "Kharkiv", "Charkiw", "Harkiv"; "Gorodok", "Horodok")
#   y, j -> i                  ("Kupyansk", "Kupiansk"; "ya", "ja", "ia" all become "ia")
#   w -> v, ph -> f, ck -> k
# then every doubled letter is written once ("Zaporizhzhia" and "Zaporizhia" meet). Vowels are
# left alone, so "Zaporozhye" stays apart from "Zaporizhzhia" and "Lviv" from "Kyiv".
# "ch" is х in German, Polish and Czech but ч in English; it is read as х, so "Charkiw" meets
# "Kharkiv" while English "Chernihiv" and Polish "Czernihów" stay apart here: a name not found
# so is read again by each other romanisation (`romanisation_readings`).
_SOUND_GROUPS = {
    "schtsch": "s",
    "shch": "s",
    "szcz": "s",
    "tsch": "c",
    "sch": "s",
    "tch": "c",
    "zh": "z",
    "sh": "s",
    "sz": "s",
    "kh": "h",
    "ch": "h",
    "gh": "h",
    "cz": "c",
    "ts": "c",
    "tz": "c",
    "ph": "f",
    "ck": "k",
    # "Albuquerque" is written as it sounds too: "Albukerke".
    "qu": "k",
}
_SOUND_GROUP = re.compile("|".join(_SOUND_GROUPS))  # longest spellings are listed first
_SOUND_LETTERS = str.maketrans({"y": "i", "j": "i", "w": "v", "g": "h", "q": "k"})
_NOT_LATIN_KEY = re.compile(r"[^a-z ]+")
_SEPARATORS = re.compile(r"[\s-]+")
_REPEATS = re.compile(r"(.)\1+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word or number of a question: its normalised text and where it sits in the original."""

    text: str
    start: int
    end: int
    is_number: bool
    is_latin: bool


def is_cyrillic(char: str) -> bool:
    """Tell whether a character is a Cyrillic letter."""
    return "\u0400" <= char <= "\u052f" and char.isalpha()


_UKRAINIAN_ALPHABET = frozenset("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя")
# Sequences of Ukrainian letters only Russian spelling makes: «и» after a vowel or before one
# (Кутаиси, Мария; Ukrainian writes ї and і there), a word opening with «и» (Иваново), and
# «-ск» with no soft sign before «к» (Гданьск, Минск; Ukrainian Гданськ, Мінськ).
_RUSSIAN_SEQUENCE = re.compile(
    r"[аеоуюяи]и|и[аеоуюя]|\bи|ьск|[бвгджзклмнпрстфхцчшщ]ск\b", re.IGNORECASE
)


def is_ukrainian_spelling(text: str) -> bool:
    """Whether a Cyrillic name may be Ukrainian: no letter outside the Ukrainian alphabet
    (ы, э, ъ, ё, ў, ј…) and no sequence only Russian spelling makes («Кутаиси», «Гданьск»).
    «Борисов» passes: both languages may write it so."""
    letters = [char for char in text.lower() if is_cyrillic(char)]
    if any(char not in _UKRAINIAN_ALPHABET for char in letters):
        return False
    return _RUSSIAN_SEQUENCE.search(text) is None


def is_latin(char: str) -> bool:
    """Tell whether a character is a Latin letter (with or without diacritics)."""
    return char.isalpha() and (
        char <= "\u024f" or "\u1e00" <= char <= "\u1eff" or "\u2c60" <= char <= "\u2c7f"
    )


def normalize(text: str) -> str:
    """One spelling for text typed in many ways: NFC, casefolded, one apostrophe, one script."""
    if _NEEDS_MAPPING.search(text):
        text = text.translate(_BEFORE_NFC)
    text = unicodedata.normalize("NFC", text).casefold()
    if not text.isascii():
        # Casefolding can decompose ("İ" becomes "i" plus a dot), so compose again; and once
        # a stress mark is gone the letter under it may compose with a following accent.
        text = unicodedata.normalize("NFC", text).translate(_AFTER_NFC)
        text = unicodedata.normalize("NFC", text)
        if _LATIN_LETTER.search(text) and _CYRILLIC_LETTER.search(text):
            text = _LETTER_RUN.sub(_unify_script, text)
    return " ".join(text.split())


def _unify_script(match: re.Match[str]) -> str:
    """Write a word mixing Cyrillic and Latin look-alikes in the script most of it is in."""
    word = match.group()
    if word.isascii() or not _LATIN_LETTER.search(word):
        return word
    cyrillic = sum(map(is_cyrillic, word))
    latin = sum(map(is_latin, word))
    if not cyrillic or not latin:
        return word
    can_be_cyrillic = all(char in _LATIN_TO_CYRILLIC for char in word if is_latin(char))
    can_be_latin = all(char in _CYRILLIC_TO_LATIN for char in word if is_cyrillic(char))
    # A tie goes to Cyrillic: the questions are Ukrainian, Latin words are the exception.
    if can_be_cyrillic and (cyrillic >= latin or not can_be_latin):
        return word.translate(_TO_CYRILLIC)
    if can_be_latin:
        return word.translate(_TO_LATIN)
    return word


# Single letters each followed by a dot, at least two of them: "U.K.", "U.S.A", «С.Ш.А.».
_DOTTED_INITIALS = re.compile(r"[^\W\d_](?:\.[^\W\d_])+\.?(?![^\W\d_])")


# Single letters apart, at least two of them: "U S A", "U. S. A.", "U. K."; only capitals
# make them initials (checked below), since «а в» and "a I" are words.
_SPACED_INITIALS = re.compile(r"[^\W\d_](?:\.?[ \u00a0][^\W\d_])+\.?(?![^\W\d_])")


def _initials(text: str, index: int) -> re.Match[str] | None:
    """Initials starting at `index`: dotted ("U.K.", «С.Ш.А.») or spaced capitals ("U S A")."""
    dotted = _DOTTED_INITIALS.match(text, index)
    if dotted is not None:
        return dotted
    if not text[index].isupper() or (index + 1 < len(text) and text[index + 1].isalpha()):
        return None
    spaced = _SPACED_INITIALS.match(text, index)
    if spaced is None or (index > 0 and text[index - 1].isalpha()):
        return None
    letters = [char for char in spaced.group() if char.isalpha()]
    # Two Cyrillic capitals are often words («А В Польщі?»); three are an abbreviation.
    enough = len(letters) >= 3 or all(_is_latin_letter(char) for char in letters)
    return spaced if enough and all(char.isupper() for char in letters) else None


def _is_latin_letter(char: str) -> bool:
    return "a" <= char.lower() <= "z"


def tokenize(text: str) -> list[Token]:
    """Split text into normalised words and numbers; punctuation and symbols are dropped."""
    tokens: list[Token] = []
    length = len(text)
    index = 0
    while index < length:
        char = text[index]
        if char.isalpha():
            initials = _initials(text, index)
            if initials is not None:
                # "U.K." and «С.Ш.А.» are one word, the initials without their dots.
                end = initials.end()
                word = _normalize_word(re.sub(r"[.\s]", "", text[index:end]))
                tokens.append(
                    Token(word, index, end, is_number=False, is_latin=_is_latin_word(word))
                )
                index = end
                continue
            end = _word_end(text, index + 1)
            word = _normalize_word(text[index:end])
            tokens.append(Token(word, index, end, is_number=False, is_latin=_is_latin_word(word)))
            index = end
        elif char.isdecimal():
            end = index + 1
            while end < length and text[end].isdecimal():
                end += 1
            digits = "".join(str(unicodedata.decimal(digit)) for digit in text[index:end])
            tokens.append(Token(digits, index, end, is_number=True, is_latin=False))
            index = end
        else:
            index += 1
    return tokens


# Questions repeat the same words over and over; normalising each spelling once is enough.
_normalize_word = functools.lru_cache(maxsize=65536)(normalize)


def _word_end(text: str, position: int) -> int:
    """Where the word continuing at ``position`` ends: letters, accents, inner ’ and -."""
    length = len(text)
    end = position
    while position < length:
        char = text[position]
        if char.isalpha() or _is_combining_mark(char):
            position += 1
            end = position
        elif char in _INVISIBLE_CHARACTERS or (
            char in _WORD_JOINERS and position + 1 < length and text[position + 1].isalpha()
        ):
            # These keep the word going, but only a letter after them makes them part of it.
            position += 1
        else:
            break
    return end


def _is_combining_mark(char: str) -> bool:
    return char >= "\u0300" and unicodedata.category(char).startswith("M")


def _is_latin_word(word: str) -> bool:
    return any(map(is_latin, word)) and not any(map(is_cyrillic, word))


@functools.lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A matching key that forgives soft signs, apostrophes, diacritics and Russian letters."""
    folded = normalize(word).translate(_FOLD)
    if folded.isascii():
        return folded
    kept: list[str] = []
    base = ""
    for char in unicodedata.normalize("NFD", folded):
        if unicodedata.combining(char):
            # Accents come off Latin letters only: in Cyrillic, й and ї are letters of their own.
            if base.isascii():
                continue
        else:
            base = char
        kept.append(char)
    return unicodedata.normalize("NFC", "".join(kept))


# Russian and Bulgarian spell a foreign name with и where Ukrainian writes і or ї, and with е
# where it writes є: «Изерния» and «Ізернія», «Люблин» and «Люблін».
_CYRILLIC_SPELLINGS = str.maketrans({"и": "і", "ї": "і", "є": "е"})


def cyrillic_key(key: str) -> str:
    """A folded key (`fold`, `name_key`) on which Ukrainian, Russian and Bulgarian Cyrillic
    spellings of one name meet: и, і and ї are one letter, and so are е and є."""
    return key.translate(_CYRILLIC_SPELLINGS)


@functools.lru_cache(maxsize=65536)
def latin_key(word: str) -> str:
    """A key on which different romanisations of one name meet ("Kharkiv", "Charkiw")."""
    folded = fold(word)
    if any(map(is_cyrillic, folded)):
        folded = fold(transliterate(folded))
    key = _SEPARATORS.sub(" ", folded)
    key = _NOT_LATIN_KEY.sub("", key)
    key = _SOUND_GROUP.sub(lambda match: _SOUND_GROUPS[match.group()], key)
    key = key.translate(_SOUND_LETTERS)
    return " ".join(_REPEATS.sub(r"\1", key).split())


# How the languages of Ukraine's partners spell the sounds the national romanisation writes
# ch (ч), sh (ш), shch (щ), zh (ж), ts (ц) and u (у): each system rewrites a name's spellings
# of them into the national ones, on a folded key (diacritics already off). Ordered as tried;
# within a system the longest spelling is listed first.
_ROMANISATION_SYSTEMS: tuple[tuple[tuple[str, str], ...], ...] = (
    # German: Tschyhyryn, Tscherniwzi, Schostka (ц is z, ч is tsch).
    (("schtsch", "shch"), ("tsch", "ch"), ("sch", "sh"), ("tz", "ts"), ("z", "ts")),
    # Polish: Czortków, Szepetówka, Rzeszów; a final -ów is Ukrainian -ів.
    (("szcz", "shch"), ("cz", "ch"), ("sz", "sh"), ("rz", "zh"), (r"ow\b", "iv")),
    # French: Tchoulakiv, Alouchta, Jytomyr (ч is tch, ш is ch, ж is j, у is ou).
    (("tch", "ch"), ("ch", "sh"), ("dj", "dzh"), ("j", "zh"), ("ou", "u")),
    # Romanian: Ciudei, Velykyi Kuciuriv (ч is c before e and i, ci before another vowel).
    (("ci(?=[aou])", "ch"), ("gi(?=[aou])", "dzh"), ("c(?=[ei])", "ch"), ("g(?=[ei])", "dzh")),
    # "Pereshcepyne": щ written without its last letter.
    ((r"shc(?!h)", "shch"),),
)
_ROMANISATIONS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = tuple(
    (
        re.compile("|".join(f"({written})" for written, _ in system)),
        tuple(spelt for _, spelt in system),
    )
    for system in _ROMANISATION_SYSTEMS
)


def _spelt(spellings: tuple[str, ...], match: re.Match[str]) -> str:
    """The national spelling of what the system's alternative that matched wrote."""
    return spellings[(match.lastindex or 1) - 1]


@functools.lru_cache(maxsize=65536)
def romanisation_readings(key: str) -> tuple[str, ...]:
    """A folded Latin name (`name_key`) read as each other language's romanisation would
    write it, rewritten in the national one: "tschyhyryn" → "chyhyryn", "tchoulakiv" →
    "chulakiv", "alouchta" → "alushta", "ciudei" → "chudei", "czortkow" → "chortkiv".

    Each reading differs from the key, and appears once, in a fixed order (German, Polish,
    French, Romanian, a misspelt щ); a key with a Cyrillic letter has none. Meant for a name
    the national and English spellings (`latin_key`) did not find, where one Ukrainian letter
    is written in several ways: ч is "ch" in English, "tsch" in German, "cz" in Polish.
    """
    if not key.isascii():
        return ()
    readings: list[str] = []
    for pattern, spellings in _ROMANISATIONS:
        reading = pattern.sub(functools.partial(_spelt, spellings), key)
        if reading != key and reading not in readings:
            readings.append(reading)
    return tuple(readings)


# The number sign is a word of its own, "no" as in "No. 5": decomposed it is "No", and a
# key would keep only the "o" («Рішення № 123» → "rishennia-o-123").
_NUMERO = str.maketrans({"№": " no "})


def slug(text: str, *, limit: int = 40, empty: str = "x") -> str:
    """A key fragment: the text's Latin letters and digits (transliterated), joined by hyphens.

    "Wrocław" → "wroclaw", «Біла Церква» → "bila-tserkva", «Рішення №123» →
    "rishennia-no-123"; `empty` when nothing is left.
    """
    folded = transliterate(normalize(text.translate(_NUMERO)).translate(_FOLD))
    # Compatibility forms decompose to capitals too ("Ⅻ" → "XII"): lower-cased, not lost.
    latin = unicodedata.normalize("NFKD", folded).lower()
    words = re.findall(r"[a-z0-9]+", "".join(c for c in latin if not unicodedata.combining(c)))
    return "-".join(words)[:limit].strip("-") or empty


def name_key(text: str) -> str:
    """The lookup key of a name: its words normalised and folded, as a question's words are.

    "Kam'yanets-Podilsky", «Кам’янець-Подільський» and "KAMYANETS PODILSKY" differ in case,
    apostrophe and script only where the key function forgives them; "&" reads as "and".
    """
    normalized = normalize(text.replace("&", " and "))
    if _PLAIN_PHRASE.match(normalized):
        # Most names are words and spaces only: no need for the full tokenizer.
        return " ".join(fold(word) for word in normalized.split(" "))
    return " ".join(fold(token.text) for token in tokenize(normalized))
