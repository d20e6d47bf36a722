"""Ukrainian typed in Latin letters ("yaki partnery u kharkova"), read back into Cyrillic.

People without a Ukrainian keyboard write Ukrainian the way the official 2010 transliteration
spells it (kh for х, y for и, ia for я) or close to it. Such a question is Ukrainian: it is
answered in Ukrainian, and its short words ("koly", "yaki", "z") are words, not misspelled
place names. The reverse spelling is lossy (the soft sign and the apostrophe are not written),
which the name index already forgives: it folds both away.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Words that are Ukrainian and not English: question words, prepositions and the domain's
# nouns and verbs in their usual forms: what tells a romanized question.
_MARKER_TEXT = """
    a yaki yakyi yakykh yaka yake yaku yakymy koly kym z iz zi u v vid chy shcho sho scho de
    skilky khto kogo koho chomu ta abo ye ie maie maiut mae mayut pro pislia mizh vsi tse
    tsei tsia yii yoho yikh ikh rik roku rotsi bilshe menshe porivniaty nyna nymy nym
    mista misto mist mistom mistamy hromady hromadi hromadu tam
"""
_MARKER_WORDS = frozenset(_MARKER_TEXT.split())
# Stems of the domain's words whose every ending reads as Ukrainian.
_MARKER_STEMS = (
    "pobratym",
    "partnery",
    "partneriv",
    "partneram",
    "partnerom",
    "partnerstv",
    "dopomo",
    "pidpys",
    "zakinch",
    "kinchaie",
    "splyva",
    "spivprats",
    "uhod",
    "druzhb",
    "ukrainy",
    "ukraini",
    "ukrainsk",
    "zustrich",
    "memorandumu",
    "nimechch",
    "polshch",
    "chekhii",
    "yaponii",
)
# Words that English has too ("u" as "you", "de" in names, "a"): they only add to a strong
# one, or follow a conversation held in Ukrainian ("a v Kupianska?" after "Yaki partnery v Meny?").
_WEAK_MARKERS = frozenset({"a", "u", "v", "de", "pro", "tam", "ta", "ie", "ye", "z"})

# Spellings of one Cyrillic letter, longest first; iotated vowels begin a word with y.
_GROUPS = (
    ("shch", "щ"),
    ("sch", "щ"),
    ("zgh", "зг"),
    ("kh", "х"),
    ("zh", "ж"),
    ("ts", "ц"),
    ("ch", "ч"),
    ("sh", "ш"),
    ("yu", "ю"),
    ("iu", "ю"),
    ("ya", "я"),
    ("ia", "я"),
    ("ye", "є"),
    ("ie", "є"),
    ("yi", "ї"),
)
_LETTERS = str.maketrans(
    {
        "a": "а",
        "b": "б",
        "v": "в",
        "w": "в",
        "h": "г",
        "g": "г",
        "d": "д",
        "e": "е",
        "z": "з",
        "y": "и",
        "i": "і",
        "j": "й",
        "k": "к",
        "q": "к",
        "l": "л",
        "m": "м",
        "n": "н",
        "o": "о",
        "p": "п",
        "r": "р",
        "s": "с",
        "t": "т",
        "u": "у",
        "f": "ф",
        "c": "ц",
        "x": "кс",
    }
)
_GROUP = re.compile("|".join(spelling for spelling, _ in _GROUPS))
_GROUP_LETTERS = dict(_GROUPS)
_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# An adjective's ending: "yakyi" is «який», not «якиї».
_ENDING_YI = re.compile(r"([^aeiouy])yi$")


def to_cyrillic(word: str) -> str:
    """A romanized Ukrainian word in Cyrillic, lower case ("kharkova" → «харкова»)."""
    lower = _ENDING_YI.sub(r"\1ий", word.lower().replace("’", "'").replace("'", ""))
    # "ii" ends a genitive («Японії» is "yaponii"): ї after a vowel, then і.
    lower = re.sub(r"ii\b", "ії", lower)
    return _GROUP.sub(lambda match: _GROUP_LETTERS[match.group()], lower).translate(_LETTERS)


def _is_marker(word: str) -> bool:
    return word in _MARKER_WORDS or word.startswith(_MARKER_STEMS)


def romanized_ukrainian(
    text: str,
    is_name: Callable[[str], bool],
    english_words: frozenset[str],
    *,
    ukrainian_before: bool = False,
) -> str | None:
    """The text in Cyrillic when it is Ukrainian typed in Latin letters, else None.

    With `ukrainian_before` (the conversation so far is Ukrainian) the words Ukrainian shares
    with English are enough: "a v Kupianska?" is «а в Куп'янська?», while "and Kupiansk?"
    holds no Ukrainian word and stays English.

    `is_name` tells a word the name index knows as written ("kharkiv", "cincinnati"): such a
    word stays in Latin letters. `english_words` are common English words: a text holding as
    many of them as Ukrainian words is English ("is there a twin city in polshchi"); some are
    the same in both ("memorandum").
    """
    if _CYRILLIC.search(text):
        return None
    words = [match.group().lower() for match in _WORD.finditer(text)]
    markers = [word for word in words if _is_marker(word)]
    strong = [word for word in markers if word not in _WEAK_MARKERS]
    if not (strong or (ukrainian_before and markers)):
        return None
    english = [word for word in words if word in english_words and not _is_marker(word)]
    if len(english) >= len(markers):
        return None

    def spell(match: re.Match[str]) -> str:
        word = match.group()
        if not _is_marker(word.lower()) and is_name(word):
            return word
        return to_cyrillic(word)

    return _WORD.sub(spell, text)
