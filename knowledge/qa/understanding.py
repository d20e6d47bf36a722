"""Reading a question: its language, its cue words, the names in it, years and months."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from knowledge.places.gazetteer import Gazetteer, Mention
from knowledge.qa.cues import (
    ENGLISH_COMMON_WORDS,
    ENGLISH_STEMS,
    NUMBER_WORDS,
    ORDINALS_EN,
    ORDINALS_RU,
    ORDINALS_UK,
    RUSSIAN_STEMS,
    UKRAINIAN_FOLLOW_UP_OPENERS,
    UKRAINIAN_STEMS,
    WINDOW_FILLERS,
    WINDOW_OPENERS,
    YEAR_WORDS,
    Cue,
)
from knowledge.text.normalize import Token, fold, normalize, tokenize
from knowledge.text.romanized import romanized_ukrainian

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_YEAR_WORDS_UK = ("рок", "рік", "році", "год")
_SHORT_STEM = 3
# "what areas does the first one cover?": an ordinal counts in a short question only.
_ORDINAL_WORDS = 9
# Prefix stems are longer than _SHORT_STEM, so their first letters can index them.
_PREFIX_KEY = _SHORT_STEM + 1


@dataclass(frozen=True)
class Reading:
    """What the words of a question say, before the knowledge base is consulted."""

    text: str
    lang: str | None
    tokens: tuple[Token, ...]
    cues: frozenset[Cue]
    cue_tokens: frozenset[int]
    mentions: tuple[Mention, ...]
    years: tuple[int, ...]
    months_ahead: int | None
    ordinal: int | None
    is_follow_up: bool
    # The last year of "до 2029 року" (2028), "by the end of 2029" (2029): a window from today.
    until: int | None = None
    # «крім», "except", «за винятком»: the index of the marker's last word; the names after it
    # are left out of the answer, and `excepted_cues` are cue words only after it («крім
    # побратимів» leaves the twin cities out).
    exception: int | None = None
    excepted_cues: frozenset[Cue] = frozenset()


def detect_language(text: str) -> str | None:
    """Ukrainian when Cyrillic letters dominate, English when Latin ones do, else unknown."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    if cyrillic == latin == 0:
        return None
    return "uk" if cyrillic >= latin else "en"


@dataclass(frozen=True)
class _CueTable:
    """Cue stems folded like question words, split by how they match."""

    exact: dict[str, frozenset[Cue]]
    # Prefix stems by their first letters, so a word is compared only with stems it could start.
    prefixes: dict[str, tuple[tuple[str, Cue], ...]]
    phrases: tuple[tuple[str, Cue], ...]


def _compile(*tables: dict[Cue, tuple[str, ...]]) -> _CueTable:
    exact: dict[str, set[Cue]] = {}
    prefixes: list[tuple[str, Cue]] = []
    phrases: list[tuple[str, Cue]] = []
    for table in tables:
        for cue, stems in table.items():
            for stem in stems:
                whole = stem.endswith("=")
                words = [fold(word) for word in stem.rstrip("=").split(" ")]
                if len(words) > 1:
                    phrases.append((" ".join(words), cue))
                elif whole or len(words[0]) <= _SHORT_STEM:
                    exact.setdefault(words[0], set()).add(cue)
                else:
                    prefixes.append((words[0], cue))
    by_start: dict[str, list[tuple[str, Cue]]] = {}
    for stem, cue in prefixes:
        by_start.setdefault(stem[:_PREFIX_KEY], []).append((stem, cue))
    return _CueTable(
        exact={word: frozenset(cues) for word, cues in exact.items()},
        prefixes={start: tuple(stems) for start, stems in by_start.items()},
        phrases=tuple(phrases),
    )


_CUES = _compile(UKRAINIAN_STEMS, RUSSIAN_STEMS, ENGLISH_STEMS)


# «якоїсь», «якийсь», folded: "any", never the «якої» of "which".
_INDEFINITE = frozenset(
    fold(word)
    for word in (
        "якийсь",
        "якась",
        "якесь",
        "якісь",
        "якоїсь",
        "якогось",
        "якомусь",
        "якимось",
        "якусь",
        "якихось",
        "якоюсь",
    )
)
# «будь-яка», «хоч якийсь», «какой-нибудь», split into words: the word before or after that
# these make indefinite («будь ласка» is "please").
_INDEFINITE_FIRST = frozenset(fold(word) for word in ("будь", "хоч"))
_INDEFINITE_LAST = frozenset(fold(word) for word in ("небудь", "нибудь", "либо"))
_NOT_INDEFINITE = frozenset(fold(word) for word in ("ласка",))


def _indefinite(words: list[str]) -> set[int]:
    """The indices of the folded words that say "any" or "some" («якоїсь», «будь-якої»,
    «какой-нибудь»), which ask whether there is one rather than which one."""
    found = {index for index, word in enumerate(words) if word in _INDEFINITE}
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else None
        if word in _INDEFINITE_FIRST and following and following not in _NOT_INDEFINITE:
            found |= {index, index + 1}
        if word in _INDEFINITE_LAST and index > 0:
            found |= {index - 1, index}
    return found


def _cues_in(words: list[str]) -> tuple[set[Cue], set[int]]:
    cues: set[Cue] = set()
    positions: set[int] = set()
    indefinite = _indefinite(words)
    for index, word in enumerate(words):
        if index in indefinite:
            cues.add(Cue.ANYONE)
            positions.add(index)
            continue
        parts = [word, *word.split("-")] if "-" in word else [word]
        for part in parts:
            exact = _CUES.exact.get(part)
            if exact:
                cues |= exact
                if exact - {Cue.COUNTRY_GROUP}:
                    positions.add(index)
            for stem, cue in _CUES.prefixes.get(part[:_PREFIX_KEY], ()):
                if part.startswith(stem):
                    cues.add(cue)
                    # «Азії», «європейських»: a world region's name, which may be read.
                    if cue is not Cue.COUNTRY_GROUP:
                        positions.add(index)
    joined = " " + " ".join(words) + " "
    for phrase, cue in _CUES.phrases:
        # The phrase's last word may go on: "угоди про співпрац" matches "...співпрацю".
        if f" {phrase}" in joined:
            cues.add(cue)
            if cue is Cue.COUNTRY_GROUP:
                # "European Union" is a bloc, never the Union of the Comoros by its last word.
                positions |= _phrase_positions(words, phrase)
    if _asks_how_to(words):
        cues.add(Cue.HOW_TO)
    return cues, positions


def _phrase_positions(words: list[str], phrase: str) -> set[int]:
    """The indices of the words of each place the phrase stands in the question."""
    parts = phrase.split(" ")
    return {
        start + offset
        for start in range(len(words) - len(parts) + 1)
        if words[start : start + len(parts) - 1] == parts[:-1]
        and words[start + len(parts) - 1].startswith(parts[-1])
        for offset in range(len(parts))
    }


# «як нашому селу стати побратимом», "how can a small town find a partner": a question opening
# with "how" followed, a few words on, by an infinitive of becoming or arranging asks for a
# procedure; «як Харків знайшов партнера?», "how did Kharkiv get aid?" ask for a fact.
_HOW = frozenset({"як", "как", "how"})
_ARRANGING_STEMS = (
    "стат",
    "уклас",
    "оформ",
    "встанов",
    "налагод",
    "знайт",
    "створ",
    "подат",
    "долуч",
    "домов",
    "заключ",
    "установ",
    "налад",
    "найт",
    "become",
    "establish",
    "set",
    "find",
    "get",
    "start",
    "apply",
    "arrange",
    "make",
)
# Infinitive endings once folded: «стати», «долучитися»; «стать», «заключиться» lose the soft sign.
_INFINITIVE_ENDINGS = ("ти", "тися", "тись", "т", "тся")
# "how do we …", "how can a town …", "how to …": a modal, never "did", asks for a procedure.
_MODALS = frozenset({"to", "do", "does", "can", "could", "should", "would", "might", "may"})
_HOW_REACH = 4
# «як Харкову вдалося налагодити…», "how did Mena manage to…": what happened, a recorded fact.
_MANAGED_STEMS = ("вдал", "удал", "managed", "succeeded")
# "how does Kharkiv get aid?" asks what Kharkiv does; "how do we…", "how can a town…" how to.
_PRESENT_MODALS = frozenset({"do", "does"})
_ANYONE_SUBJECTS = frozenset(
    {"i", "we", "you", "one", "a", "an", "our", "my", "your", "any", "cities", "towns"}
    | {"city", "town", "communities", "hromadas", "community", "hromada", "people"}
)


def _asks_how_to(words: list[str]) -> bool:
    """Whether the question asks how to do something: "how" opening it and, within four words,
    an infinitive of becoming or arranging («стати», «укласти»; "can we become", "to find").
    How something was managed («як Мені вдалося встановити…») and what a named hromada does
    ("how does Kharkiv get aid?") are facts, not procedures."""
    opened = [word for word in words if word not in UKRAINIAN_FOLLOW_UP_OPENERS][:1]
    if not opened or opened[0] not in _HOW:
        return False
    if any(word.startswith(_MANAGED_STEMS) for word in words):
        return False
    index = words.index(opened[0])
    following = words[index + 1 : index + 1 + _HOW_REACH]
    if opened[0] == "how":
        if not following or following[0] not in _MODALS:
            return False
        if (
            following[0] in _PRESENT_MODALS
            and following[1:2]
            and (following[1] not in _ANYONE_SUBJECTS)
        ):
            return False
        return any(word.startswith(_ARRANGING_STEMS) for word in following[1:])
    return any(
        word.startswith(_ARRANGING_STEMS) and word.endswith(_INFINITIVE_ENDINGS)
        for word in following
    )


def _year_cues(words: list[str]) -> set[Cue]:
    found: set[Cue] = set()
    for current, following in itertools.pairwise(words):
        is_year = following.startswith(_YEAR_WORDS_UK)
        if is_year and current.startswith("наступн"):
            found.add(Cue.NEXT_YEAR)
        if is_year and current in _THIS:
            found.add(Cue.THIS_YEAR)
    return found


# A negation a few words before a word of signing: "haven't been signed", «не були підписані».
_NEGATIONS = frozenset({"не", "not", "never", "ни"})
_SIGNING_STEMS = ("sign", "підпис", "подпис", "уклад", "уклал", "заключ")
_NEGATION_REACH = 3


def _negated_signing(words: list[str]) -> bool:
    """Whether the question asks about what is not signed: a negation (also "haven't",
    "hasn't", "isn't") up to three words before a word of signing."""
    for index, word in enumerate(words):
        if not word.startswith(_SIGNING_STEMS):
            continue
        before = words[max(0, index - _NEGATION_REACH) : index]
        if any(w in _NEGATIONS or (w.endswith("nt") and w[:-2] in _AUXILIARIES) for w in before):
            return True
    return False


# Words that leave out what follows them; two-word ones by their second word.
_EXCEPT_WORDS = frozenset(
    {"крім", "окрім", "кроме", "except", "excluding", "виключаючи", "исключая", "excepting"}
)
_EXCEPT_PAIRS = frozenset(
    {
        ("за", "винятком"),
        ("за", "виключенням"),
        ("за", "исключением"),
        ("apart", "from"),
        ("aside", "from"),
        ("other", "than"),
        ("не", "рахуючи"),
        ("не", "враховуючи"),
        ("не", "считая"),
        ("not", "counting"),
        ("not", "including"),
    }
)
# How many words after the marker its cue words may stand ("except the twin cities").
_EXCEPT_REACH = 3


def _exception(words: list[str]) -> int | None:
    """The index of the last word of a marker that leaves out what follows, if any."""
    for index, word in enumerate(words):
        if word in _EXCEPT_WORDS:
            return index
        if index and (words[index - 1], word) in _EXCEPT_PAIRS:
            return index
    return None


_KIND_CUES = frozenset(
    {Cue.TWIN, Cue.KIND_COOPERATION, Cue.KIND_MEMORANDUM, Cue.KIND_FRIENDSHIP, Cue.KIND_PROTOCOL}
)
# Words a "which" question asks with: only there does «не побратими» leave a kind out; «Чи
# Харків і Брно не побратими?» still asks whether they are.
_LISTING_CUES = frozenset({Cue.WHO, Cue.COUNT, Cue.LIST})
# Words between a negation and the kind it negates: «не є побратимами», "are not twin cities".
_LINKS = frozenset({"є", "являются", "является", "a", "an", "the", "yet"})


def word_after(words: list[str], index: int, skipped: frozenset[str]) -> int:
    """The index of the first word after `words[index]` that is not in `skipped` (folded
    words), or `len(words)` when none is: the word a trigger such as «не», «протягом» or
    «скільки» bears on, past the fillers between them."""
    following = index + 1
    while following < len(words) and words[following] in skipped:
        following += 1
    return following


def _negated_kind(words: list[str], cues: set[Cue]) -> tuple[int, frozenset[Cue]] | None:
    """The negation's index and the kinds of agreement it leaves out, in a "which" question:
    «які партнери не побратими?», «угоди, що не є меморандумами», "partners that aren't twin
    cities"; None without one."""
    if not cues & _LISTING_CUES:
        return None
    for index, word in enumerate(words):
        negation = word in _NEGATIONS or (word.endswith("nt") and word[:-2] in _AUXILIARIES)
        if not negation:
            continue
        following = word_after(words, index, _LINKS)
        negated, _ = _cues_in(words[following : following + 1])
        if negated & _KIND_CUES:
            return index, frozenset(negated & _KIND_CUES)
    return None


_AUXILIARIES = frozenset({"have", "has", "had", "is", "are", "was", "were", "do", "does", "did"})
_NUMBERS = {fold(word): value for word, value in NUMBER_WORDS.items()}
_OPENERS = frozenset(fold(word) for word in WINDOW_OPENERS)
_FILLERS = frozenset(fold(word) for word in WINDOW_FILLERS)
_THIS = frozenset(fold(word) for word in ("цього", "цей", "поточного", "поточний", "этом", "этот"))


def _window_months(words: list[str]) -> int | None:
    """Months in "within a year", «протягом трьох років», "в течение года"; None without one."""
    for index, word in enumerate(words):
        if word not in _OPENERS:
            continue
        following = word_after(words, index, _FILLERS)
        years = 1
        if following < len(words):
            number = words[following]
            if number in _NUMBERS or (number.isdigit() and len(number) <= 2):
                years = _NUMBERS[number] if number in _NUMBERS else int(number)
                following += 1
        if following < len(words) and words[following].startswith(YEAR_WORDS) and 0 < years < 50:
            return 12 * years
    return None


_BEFORE = frozenset({"до", "by", "before", "until", "till", "к"})
_END = frozenset({"кінця", "end", "конца", "концу"})
_END_FILLERS = frozenset({"the", "of"})


def _until(words: list[str], year: int) -> int | None:
    """The last year of a window ending at the year: "до 2029" → 2028, "до кінця 2029" → 2029."""
    if str(year) not in words:
        return None
    index = words.index(str(year)) - 1
    while index >= 0 and words[index] in _END_FILLERS:
        index -= 1
    through_end = index >= 0 and words[index] in _END
    if through_end:
        index -= 1
        while index >= 0 and words[index] in _END_FILLERS:
            index -= 1
    if index < 0 or words[index] not in _BEFORE:
        return None
    return year if through_end else year - 1


# "2nd", «2-й», «3-я»: a number and an ordinal ending, which the tokenizer splits apart.
_ORDINAL_ENDINGS = frozenset({"st", "nd", "rd", "th", "й", "а", "я", "ий", "ій", "га", "ге", "го"})
_LARGEST_ORDINAL = 20


def _ordinal(words: list[str]) -> int | None:
    for word, following in itertools.pairwise(words):
        if word.isdigit() and 0 < int(word) <= _LARGEST_ORDINAL and following in _ORDINAL_ENDINGS:
            return int(word)
    for word in words:
        for stem, value in (*ORDINALS_UK.items(), *ORDINALS_RU.items(), *ORDINALS_EN.items()):
            if word == stem or (len(stem) > _SHORT_STEM and word.startswith(stem)):
                return value
    return None


def _numbers(tokens: Iterable[Token]) -> list[int]:
    return [int(token.text) for token in tokens if token.is_number and len(token.text) <= 6]


class Reader:
    """Turns question text into a Reading, using the gazetteer for names."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self._gazetteer = gazetteer

    def _split(self, tokens: Iterable[Token]) -> Iterable[Token]:
        """Possessives lose their "'s"; hyphenated words that are no name fall into parts."""
        for token in tokens:
            text = token.text
            if token.is_latin and text.endswith(("’s", "'s")):
                token = Token(text[:-2], token.start, token.end - 2, False, True)
            if "-" not in token.text or self._gazetteer.knows(token.text):
                yield token
                continue
            offset = token.start
            for part in token.text.split("-"):
                if part:
                    yield Token(part, offset, offset + len(part), part.isdigit(), token.is_latin)
                offset += len(part) + 1

    def read(self, text: str, today: dt.date, *, lang_before: str | None = None) -> Reading:
        """Read one question; Ukrainian typed in Latin letters is read as Ukrainian, and after
        a conversation in Ukrainian (`lang_before`) so is a short follow-up ("a v Kupianska?")."""
        cyrillic = romanized_ukrainian(
            text,
            self._gazetteer.knows,
            ENGLISH_COMMON_WORDS,
            ukrainian_before=lang_before == "uk",
        )
        if cyrillic is not None:
            text = cyrillic
        tokens = tuple(self._split(tokenize(text)))
        words = [fold(token.text) for token in tokens]
        lang = "uk" if cyrillic is not None else detect_language(text)
        cues, cue_positions = _cues_in(words)
        cues |= _year_cues(words)
        if _negated_signing(words):
            cues |= {Cue.UNSIGNED}
        common = {index for index, word in enumerate(words) if word in ENGLISH_COMMON_WORDS}
        skip = frozenset(cue_positions | common)
        mentions = tuple(self._gazetteer.find(text, tokens, skip))
        named = {index for mention in mentions for index in range(mention.first, mention.last + 1)}
        numbers = _numbers(token for index, token in enumerate(tokens) if index not in named)
        years = [number for number in numbers if 1990 <= number <= 2100]
        window = _window_months(words)
        if window is not None:
            cues -= {Cue.NEXT_YEAR, Cue.THIS_YEAR}
        if Cue.NEXT_YEAR in cues:
            years.append(today.year + 1)
        if Cue.THIS_YEAR in cues:
            years.append(today.year)
        months_ahead = window
        if months_ahead is None and Cue.HALF_YEAR in cues:
            months_ahead = 6
        elif months_ahead is None and Cue.MONTHS in cues:
            small = [number for number in numbers if 0 < number <= 120]
            months_ahead = small[0] if small else 1
        exception = _exception(words)
        excepted: frozenset[Cue] = frozenset()
        negated = _negated_kind(words, cues) if exception is None else None
        if negated is not None:
            # «які партнери не побратими?»: the kind after «не» is left out, as after «крім».
            exception, excepted = negated
        elif exception is not None:
            before, _ = _cues_in(
                words[: exception - 1 if words[exception] in ("than", "from") else exception]
            )
            after, _ = _cues_in(words[exception + 1 : exception + 1 + _EXCEPT_REACH])
            excepted = frozenset(after - before)
            if words[exception] == "than" and Cue.OTHER not in before:
                # "other than" is the marker, not a question about other partners.
                cues.discard(Cue.OTHER)
        normalized = normalize(text)
        is_follow_up = bool(words) and (
            words[0] in UKRAINIAN_FOLLOW_UP_OPENERS
            or normalized.startswith(("and ", "what about", "how about", "but ", "also "))
        )
        return Reading(
            text=text,
            lang=lang,
            tokens=tokens,
            cues=frozenset(cues),
            cue_tokens=skip,
            mentions=mentions,
            years=tuple(years),
            months_ahead=months_ahead,
            ordinal=_ordinal(words) if len(words) <= _ORDINAL_WORDS else None,
            is_follow_up=is_follow_up,
            until=_until(words, years[0]) if years else None,
            exception=exception,
            excepted_cues=excepted,
        )
