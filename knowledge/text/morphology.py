"""Ukrainian word forms: lemmas of question words and every case form of a place name.

A typed wrapper around pymorphy3's Ukrainian dictionary, with rules for foreign names the
dictionary does not know. The analyser loads on first use (about a tenth of a second) and every
answer is cached, so the question-answering path only does dictionary lookups.
"""

from __future__ import annotations

import functools
import itertools
from pathlib import Path
from typing import Protocol, TypeAlias

from knowledge.text.normalize import APOSTROPHE, is_cyrillic, normalize

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct", "voct")

# pymorphy3's dictionary spells the apostrophe as ASCII "'"; normalised text uses U+2019.
_DICTIONARY_APOSTROPHE = "'"
_INDECLINABLE_ENDINGS = frozenset("еєиіїоую")
_VOWELS = frozenset("аеєиіїоуюя")
_SIBILANTS = frozenset("жчшщ")
# A name in -ці is a plural (Пардубиці, Бєльці); shorter words (ці, оці) are not names.
_PLURAL_ENDING = "ці"
_MIN_PLURAL_NAME = 5
# Before the dative and locative ending -і, г, к, х soften: Рига - Ризі, Рієка - Рієці.
_SOFTENED = {"г": "з", "к": "ц", "х": "с"}
_HARD_ADJECTIVE_ENDINGS = ("ий", "а", "е", "і")
_HARD_ADJECTIVE_FORMS = (
    *("ий", "ого", "ому", "им", "ім"),
    *("а", "ої", "ій", "у", "ою"),
    *("е", "і", "их", "ими"),
)

# Forms of one word grouped by case; a phrase takes, case by case, one form of each word.
Paradigm: TypeAlias = dict[str, frozenset[str]]


class _Tag(Protocol):
    @property
    def case(self) -> str | None: ...

    @property
    def gender(self) -> str | None: ...

    @property
    def number(self) -> str | None: ...

    def __contains__(self, grammeme: object) -> bool: ...


class _Parse(Protocol):
    @property
    def word(self) -> str: ...

    @property
    def normal_form(self) -> str: ...

    @property
    def tag(self) -> _Tag: ...

    @property
    def is_known(self) -> bool: ...

    @property
    def lexeme(self) -> list[_Parse]: ...


class _Analyzer(Protocol):
    def parse(self, word: str) -> list[_Parse]: ...

    def word_is_known(self, word: str) -> bool: ...


@functools.cache
def _analyzer() -> _Analyzer:
    # Imported here so that importing this module stays instant for code that never parses.
    import pymorphy3  # type: ignore[import-untyped]

    analyzer: _Analyzer = pymorphy3.MorphAnalyzer(lang="uk")
    return analyzer


@functools.cache
def _russian_analyzer() -> _Analyzer:
    import pymorphy3

    analyzer: _Analyzer = pymorphy3.MorphAnalyzer(lang="ru")
    return analyzer


def preload() -> None:
    """Load the dictionaries and the Russian function words now, so the first question does
    not wait for them."""
    _analyzer()
    _russian_analyzer()
    _russian_function_words()


@functools.lru_cache(maxsize=65_536)
def _parse(word: str) -> tuple[_Parse, ...]:
    # A name's words are parsed more than once (is it a preposition? which readings?), and
    # parsing a word the dictionary lacks makes pymorphy3 search for similar words: slow.
    try:
        return tuple(_analyzer().parse(word.replace(APOSTROPHE, _DICTIONARY_APOSTROPHE)))
    except ValueError:
        # pymorphy3 asks unicodedata for each letter's name, and a letter newer than the
        # interpreter's Unicode tables (Tangut «𗀀» on some builds) has none: no word of ours.
        return ()


def _is_known(parse: _Parse) -> bool:
    # pymorphy3 looks the word up again on every access of `is_known`.
    return _known_word(parse.word)


@functools.lru_cache(maxsize=65_536)
def _known_word(word: str) -> bool:
    return _analyzer().word_is_known(word)


def _surface(form: str) -> str:
    return form.replace(_DICTIONARY_APOSTROPHE, APOSTROPHE)


def lemmas(word: str) -> frozenset[str]:
    """Every dictionary form pymorphy3 proposes for a normalised word; Latin words stay as is."""
    return _lemmas(word)


@functools.lru_cache(maxsize=200_000)
def _lemmas(word: str) -> frozenset[str]:
    if not any(map(is_cyrillic, word)):
        return frozenset({word})
    found = frozenset(_surface(parse.normal_form) for parse in _parse(word))
    return found or frozenset({word})


def inflections(phrase: str) -> frozenset[str]:
    """Every normalised case form of a Ukrainian place name given in the nominative."""
    return _inflections(normalize(phrase))


@functools.lru_cache(maxsize=65536)
def _inflections(phrase: str) -> frozenset[str]:
    words = phrase.split(" ")
    declining = _declining_count(words)
    paradigms = [
        # In "Біла Церква" or "Сполучені Штати" the words before the last one are adjectives
        # agreeing with it, even where the dictionary also has a noun spelt the same way.
        _compound_paradigm(word, prefer_adjective=position < declining - 1)
        if position < declining
        else _fixed(word)
        for position, word in enumerate(words)
    ]
    return frozenset({phrase}).union(*_join(paradigms, " ").values())


def _declining_count(words: list[str]) -> int:
    """How many leading words decline: a preposition fixes itself and what follows it.

    In "Франкфурт-на-Майні" or "Ростов на Дону" the words after "на" are governed by it and
    keep their case whatever the case of the name as a whole.
    """
    for position, word in enumerate(words):
        if any(map(is_cyrillic, word)) and any(
            "PREP" in parse.tag and _is_known(parse) for parse in _parse(word)
        ):
            return position
    return len(words)


def _join(paradigms: list[Paradigm], separator: str) -> Paradigm:
    """Put words together case by case, so that adjectives stay in agreement with nouns."""
    return {
        case: frozenset(
            separator.join(forms)
            for forms in itertools.product(*(paradigm[case] for paradigm in paradigms))
        )
        for case in CASES
    }


def _compound_paradigm(word: str, *, prefer_adjective: bool) -> Paradigm:
    """Forms of a word that may be a hyphenated compound such as "кам’янець-подільський"."""
    parts = word.split("-")
    if len(parts) == 1 or not all(parts):
        return _word_paradigm(word, prefer_adjective=prefer_adjective)
    declining = _declining_count(parts)
    paradigms: list[Paradigm] = []
    for position, part in enumerate(parts):
        if position >= declining:
            paradigms.append(_fixed(part))
        elif position < declining - 1:
            # A leading part may be a fixed linking form ("Івано-", "Сен-") that the dictionary
            # takes for a noun, so its unchanged spelling stays possible in every case.
            paradigms.append(_with_unchanged(_word_paradigm(part, prefer_adjective=False), part))
        else:
            paradigms.append(_word_paradigm(part, prefer_adjective=False))
    return _join(paradigms, "-")


def _word_paradigm(word: str, *, prefer_adjective: bool) -> Paradigm:
    """Case forms of one word taken as the nominative of a name."""
    if not word or not any(map(is_cyrillic, word)):
        return _fixed(word)
    parses = _parse(word)
    nominatives = [
        parse
        for parse in parses
        if parse.tag.case == "nomn" and ("NOUN" in parse.tag or "ADJF" in parse.tag)
    ]
    known = [parse for parse in nominatives if _is_known(parse)]
    if known:
        paradigm = _paradigm(_preferred(known, prefer_adjective=prefer_adjective), word)
        if (
            not prefer_adjective
            and word.endswith(_SOFT_NOUN_ENDING)
            and all(form.endswith("ої") for form in paradigm["gent"])
        ):
            # «Городня» declined as the adjective «городній» (Городньої): a town's name in
            # -ня standing alone declines as a noun too («міський голова Городні»).
            return _merge(paradigm, _rule_paradigm(word))
        return paradigm
    if word.endswith(_PLURAL_ENDING) and len(word) >= _MIN_PLURAL_NAME:
        # Пардубиці, Катовиці, Бєльці: a town's name in -ці is a plural («з Пардубицями»),
        # not an undeclined foreign word, even where the dictionary lacks it.
        return _plural_paradigm(word)
    if word[-1] in _INDECLINABLE_ENDINGS or not is_cyrillic(word[-1]):
        # Foreign names ending in these vowels do not decline: Кошице, Олайне, Цинциннаті.
        return _fixed(word)
    if any(_is_known(parse) for parse in parses):
        # A dictionary word that cannot be a nominative noun here ("Майні", "де") stays put.
        return _fixed(word)
    guessed = _preferred(nominatives, prefer_adjective=prefer_adjective)
    if guessed and prefer_adjective and "ADJF" in guessed[0].tag:
        return _paradigm(guessed, word)
    return _merge(_paradigm(guessed, word), _rule_paradigm(word))


_SOFT_NOUN_ENDING = "ня"


def _preferred(parses: list[_Parse], *, prefer_adjective: bool) -> list[_Parse]:
    """The readings of a word to inflect: adjective or noun as asked, places over people."""
    adjectives = [parse for parse in parses if "ADJF" in parse.tag]
    nouns = [parse for parse in parses if "NOUN" in parse.tag]
    if prefer_adjective and adjectives:
        return adjectives
    if not nouns:
        return adjectives
    # A place is inanimate; animate readings (surnames, first names) only when nothing else.
    return [parse for parse in nouns if "inan" in parse.tag] or nouns


def _paradigm(parses: list[_Parse], word: str) -> Paradigm:
    """Forms of the given readings that keep their number and gender, grouped by case."""
    if not parses:
        return dict.fromkeys(CASES, frozenset())
    by_case: dict[str, set[str]] = {case: set() for case in CASES}
    for parse in parses:
        agreement = (parse.tag.number, parse.tag.gender)
        for form in parse.lexeme:
            case = form.tag.case
            if case in by_case and (form.tag.number, form.tag.gender) == agreement:
                by_case[case].add(_surface(form.word))
    # A gap in the dictionary's table must not leave a case without any form at all.
    return {case: frozenset(forms or {word}) for case, forms in by_case.items()}


def _fixed(word: str) -> Paradigm:
    return dict.fromkeys(CASES, frozenset({word}))


def _with_unchanged(paradigm: Paradigm, word: str) -> Paradigm:
    return {case: forms | {word} for case, forms in paradigm.items()}


def _merge(first: Paradigm, second: Paradigm) -> Paradigm:
    return {case: first[case] | second[case] for case in CASES}


def _plural_paradigm(word: str) -> Paradigm:
    """Case forms of a plural-only name in -ці the dictionary lacks: the genitive in -ць
    (Пардубиць, Катовиць) or -ців (Бєльців), then -цям, -цями, -цях; the nominative is kept
    for every case, as such names are often left undeclined."""
    stem = word[: -len("і")]
    endings = {
        "gent": ("ь", "ів"),
        "datv": ("ям",),
        "accs": ("і",),
        "ablt": ("ями",),
        "loct": ("ях",),
        "voct": ("і",),
    }
    return _with_unchanged(_attach(stem, endings), word)


def _rule_paradigm(word: str) -> Paradigm:
    """Guessed case forms of a foreign name the dictionary lacks, by its ending.

    Such names are often left undeclined in writing ("у Жиракув"), so the unchanged word is
    kept as a possible form of every case.
    """
    stem, last = word[:-1], word[-1]
    endings: dict[str, tuple[str, ...]]
    if last == "а":
        after_sibilant = stem[-1:] in _SIBILANTS
        genitive = "і" if after_sibilant else "и"
        softened = stem[:-1] + _SOFTENED.get(stem[-1:], stem[-1:])
        endings = {
            "gent": (genitive,),
            "datv": ("і",),
            "accs": ("у",),
            "ablt": ("ею" if after_sibilant else "ою",),
            "loct": ("і",),
            "voct": ("е" if after_sibilant else "о",),
        }
        forms = _attach(stem, endings)
        forms["datv"] |= {softened + "і"}
        forms["loct"] |= {softened + "і"}
    elif last == "я":
        # After a vowel or apostrophe the ending is iotated: Британія - Британії, -ією.
        iotated = stem[-1:] in _VOWELS or stem[-1:] == APOSTROPHE
        oblique = "ї" if iotated else "і"
        endings = {
            "gent": (oblique,),
            "datv": (oblique,),
            "accs": ("ю",),
            "ablt": ("єю" if iotated else "ею",),
            "loct": (oblique,),
            "voct": ("є" if iotated else "е",),
        }
        forms = _attach(stem, endings)
    elif last == "ь":
        endings = {
            "gent": ("я",),
            "datv": ("еві", "ю"),
            "ablt": ("ем",),
            "loct": ("і", "еві", "ю"),
            "voct": ("ю", "е"),
        }
        forms = _attach(stem, endings)
    elif last == "й":
        endings = {
            "gent": ("я",),
            "datv": ("єві", "ю"),
            "ablt": ("єм",),
            "loct": ("ї", "єві", "ю"),
            "voct": ("ю",),
        }
        forms = _attach(stem, endings)
    else:
        endings = {
            "gent": ("а", "у"),
            "datv": ("ові", "у"),
            "ablt": ("ем" if last in _SIBILANTS else "ом",),
            "loct": ("і", "ові", "у"),
            "voct": ("е", "у"),
        }
        forms = _attach(word, endings)
        if word.endswith(("ів", "ув")):
            # Львів - Львова: the і (or Polish ó, written у) turns into о once an ending follows.
            forms = _merge(forms, _attach(word[:-2] + "ов", endings))
    return _with_unchanged(forms, word)


def _attach(stem: str, endings: dict[str, tuple[str, ...]]) -> Paradigm:
    return {case: frozenset(stem + ending for ending in endings.get(case, ())) for case in CASES}


# The endings of foreign names the standard leaves undeclined but residents decline: «з Брном»,
# «у Брні»; «з Кошицями», «у Кошицях» (a West Slavic town in -ice taken as a plural in -иці).
_NEUTER_ENDING = "о"
_NEUTER_ENDINGS = ("а", "у", "ом", "і")
_ICE_ENDINGS = ("иці", "иць", "ицям", "ицями", "ицях")
_ICE_NAME_ENDINGS = ("ице", "іце", "иці", "іці")
_MIN_STEM = 2


def colloquial_forms(name: str) -> frozenset[str]:
    """The case forms residents give a foreign name in -о or -ице that the standard leaves
    undeclined (Брно → Брна, Брну, Брном, Брні; Кошице → Кошиці, Кошиць, Кошицям, Кошицями,
    Кошицях); empty for any other name. A form that is a dictionary word («Осло» → «осла») is
    left out, as it would read an ordinary word of a question as the name.

    `name` is the normalised Ukrainian name of one word (hyphens allowed); pymorphy3 decides
    which forms are dictionary words.
    """
    return _colloquial_forms(normalize(name))


@functools.lru_cache(maxsize=4096)
def _colloquial_forms(name: str) -> frozenset[str]:
    if " " in name or not name or not all(map(is_cyrillic, name.replace("-", ""))):
        return frozenset()
    last = name.rsplit("-", 1)[-1]
    if name.endswith(_ICE_NAME_ENDINGS) and len(last) - 3 >= _MIN_STEM:
        stem = name[:-3]
        plural = stem + "иці"
        forms = {stem + ending for ending in _ICE_ENDINGS}
        lemmas = {last, plural.rsplit("-", 1)[-1]}
    elif name.endswith(_NEUTER_ENDING) and len(last) - 1 >= _MIN_STEM and _indeclinable(last):
        forms = {name[:-1] + ending for ending in _NEUTER_ENDINGS}
        lemmas = {last}
    else:
        return frozenset()
    return frozenset(
        form for form in forms - {name} if not _ordinary_word(form.rsplit("-", 1)[-1], lemmas)
    )


def _indeclinable(word: str) -> bool:
    """Whether a name in -о is one the standard leaves undeclined: the dictionary lacks it or
    has it as indeclinable (Брно, Осло), unlike «місто» or «Дніпро»."""
    if not _known_word(word):
        return True
    return all("Fixd" in parse.tag for parse in _parse(word) if parse.tag.case == "nomn")


def _ordinary_word(form: str, lemmas: set[str]) -> bool:
    """Whether a guessed form is a dictionary word other than the name itself or a person's
    name («осла» is a form of «осел»; «торонта» one of «Торонто»; «кошиць» a surname)."""
    if not _known_word(form):
        return False
    return any(
        _surface(parse.normal_form) not in lemmas and not _PERSONAL_NAMES & _grammemes(parse)
        for parse in _parse(form)
    )


def adjective_forms(adjective: str) -> frozenset[str]:
    """Every form (gender, number, case) of an adjective such as "харківська"."""
    return _adjective_forms(normalize(adjective))


@functools.lru_cache(maxsize=65536)
def _adjective_forms(adjective: str) -> frozenset[str]:
    prefix, hyphen, word = adjective.rpartition("-")
    if not word or not any(map(is_cyrillic, word)):
        return frozenset({adjective})
    readings = [parse for parse in _parse(word) if "ADJF" in parse.tag]
    known = [parse for parse in readings if _is_known(parse)]
    forms = {_surface(form.word) for parse in known or readings for form in parse.lexeme}
    if not known and word.endswith(_HARD_ADJECTIVE_ENDINGS):
        stem = word[:-2] if word.endswith("ий") else word[:-1]
        forms |= {stem + ending for ending in _HARD_ADJECTIVE_FORMS}
    return frozenset({adjective} | {prefix + hyphen + form for form in forms})


def inflect(word: str, case: str) -> str:
    """The word put in a case ("травень", "loct" → "травні"); unchanged when unknown."""
    return _inflect(word, case)


@functools.lru_cache(maxsize=4096)
def _inflect(word: str, case: str) -> str:
    lowered = word.casefold()
    for parse in _parse(lowered):
        # Only the reading whose dictionary form is the word itself: "липень" as a noun, not
        # some other word that happens to share a form.
        if not _is_known(parse) or _surface(parse.normal_form) != lowered:
            continue
        forms = [
            _surface(form.word)
            for form in parse.lexeme
            if form.tag.case == case and form.tag.number != "plur"
        ]
        if forms:
            return _usual(forms, case)
    return word


def _usual(forms: list[str], case: str) -> str:
    # The dictionary lists variants ("січневі", "січні"); after "у" the locative people write
    # ends in -і for nouns ("у січні") and in -ому for adjective-like ones ("у лютому").
    if case == "loct":
        plain = [
            form
            for form in forms
            if form.endswith("і") and not form.endswith(("ові", "еві", "єві"))
        ]
        adjectival = [form for form in forms if form.endswith("ому")]
        return (plain or adjectival or forms)[0]
    return forms[0]


def is_dictionary_word(word: str) -> bool:
    """Whether the dictionary knows the word as something other than a proper name."""
    return _is_dictionary_word(word)


@functools.lru_cache(maxsize=65_536)
def _is_dictionary_word(word: str) -> bool:
    if not any(map(is_cyrillic, word)):
        return False
    return any(
        _is_known(parse) and not (_PERSONAL_NAMES & _grammemes(parse)) for parse in _parse(word)
    )


_PERSONAL_NAMES = frozenset({"Name", "Surn", "Patr"})


def adjective_lemmas(word: str) -> frozenset[str]:
    """The dictionary forms of the adjectives a normalised lower-case Cyrillic word may be
    («нового» → «новий», «харківські» → «харківський»); empty when it is no known adjective."""
    return _adjective_lemmas(word)


@functools.lru_cache(maxsize=65_536)
def _adjective_lemmas(word: str) -> frozenset[str]:
    if not any(map(is_cyrillic, word)):
        return frozenset()
    return frozenset(
        parse.normal_form for parse in _parse(word) if _is_known(parse) and "ADJF" in parse.tag
    )


# The Russian function words, one a line: derived from pymorphy3's Russian dictionary by
# `tools/russian_function_words_derive.py` (see knowledge/data/reference/SOURCES.md).
RUSSIAN_FUNCTION_WORDS_FILE = "russian_function_words.txt"
_REFERENCE_DIR = Path(__file__).parent.parent / "data" / "reference"


def is_russian_function_word(word: str) -> bool:
    """Whether the Russian dictionary knows a Cyrillic word as a function word, and never as
    a place: a preposition, conjunction, particle or pronoun («от», «для», «ли», «кто»), a
    pronominal adjective («какая») or a form of «быть» («была», «были»). Such a word in a
    Russian question is never a name spelt the Russian way («была» is not the village Біла).

    The word is looked up as given (normalised, lower case) in a list of about 1,700 words
    read once from `RUSSIAN_FUNCTION_WORDS_FILE`."""
    return word in _russian_function_words()


@functools.cache
def _russian_function_words() -> frozenset[str]:
    text = (_REFERENCE_DIR / RUSSIAN_FUNCTION_WORDS_FILE).read_text(encoding="utf-8")
    return frozenset(text.split())


# Russian readings that name something: a place, a person, an organisation, an abbreviation.
_RUSSIAN_NAMES = frozenset({"Geox", "Name", "Surn", "Patr", "Orgn", "Trad", "Abbr"})


def is_russian_common_word(word: str) -> bool:
    """Whether pymorphy3's Russian dictionary (pymorphy3-dicts-ru, a dependency of pymorphy3,
    from OpenCorpora) knows a normalised lower-case Cyrillic word, and only as an ordinary
    word, never as a place, a person or an organisation: «базе», «города», «помощь»,
    «соглашение» («Киеве» and «Днепре» are places, so no). Such a word in a Russian question
    is never a misspelt name («базе» is not the hromada Бар)."""
    return _is_russian_common_word(word)


@functools.lru_cache(maxsize=65_536)
def _is_russian_common_word(word: str) -> bool:
    if not any(map(is_cyrillic, word)):
        return False
    analyzer = _russian_analyzer()
    if not analyzer.word_is_known(word):
        return False
    return not any(_RUSSIAN_NAMES & _grammemes(parse) for parse in analyzer.parse(word))


def is_first_name(word: str) -> bool:
    """Whether the dictionary knows a Cyrillic word as a person's first name («Януш»)."""
    return _is_first_name(word)


@functools.lru_cache(maxsize=65_536)
def _is_first_name(word: str) -> bool:
    if not any(map(is_cyrillic, word)):
        return False
    return any(_is_known(parse) and "Name" in _grammemes(parse) for parse in _parse(word))


def is_person_name(word: str) -> bool:
    """Whether the dictionary knows a Cyrillic word as a first name, surname or patronymic."""
    return _is_person_name(word)


@functools.lru_cache(maxsize=65_536)
def _is_person_name(word: str) -> bool:
    if not any(map(is_cyrillic, word)):
        return False
    return any(
        _is_known(parse) and bool(_PERSONAL_NAMES & _grammemes(parse)) for parse in _parse(word)
    )


def _grammemes(parse: _Parse) -> set[str]:
    # The Ukrainian tag set has no "Geox"; asking a tag about an unknown grammeme raises.
    return set(str(parse.tag).replace(" ", ",").split(","))


# Parts of speech that never name a place: «ким», «якими», «іншими», «цим», «тим».
_NOT_A_NAME = frozenset({"NPRO", "ADJF", "ADVB", "PREP", "CONJ", "PRCL", "NUMR", "INTJ", "VERB"})


@functools.lru_cache(maxsize=65_536)
def may_be_a_name(word: str) -> bool:
    """Whether a normalised lower-case Cyrillic word may be a place's name: an inanimate noun,
    or a word the dictionary does not know, and never a pronoun («ким», «ними»), an adjective
    («якого»), a people («поляками») or another word that cannot name a town."""
    if not any(map(is_cyrillic, word)):
        return False
    parses = _parse(word)
    if not parses or not _is_known(parses[0]):
        return True
    if any(_NOT_A_NAME & _grammemes(parse) for parse in parses):
        return False
    # A town is a thing; «поляками», «партнерами» are people.
    return any("anim" not in _grammemes(parse) for parse in parses)


def is_russian_verb(word: str) -> bool:
    """Whether pymorphy3's Russian dictionary (pymorphy3-dicts-ru, from OpenCorpora) knows a
    normalised lower-case Cyrillic word and reads it likeliest as a verb or an infinitive
    («истекло», «подписали», «действует»); False for unknown words."""
    return _is_russian_verb(word)


@functools.lru_cache(maxsize=65_536)
def _is_russian_verb(word: str) -> bool:
    if not word or not all(map(is_cyrillic, word)):
        return False
    analyzer = _russian_analyzer()
    if not analyzer.word_is_known(word):
        return False
    return bool({"VERB", "INFN"} & _grammemes(analyzer.parse(word)[0]))


@functools.lru_cache(maxsize=65_536)
def is_verb(word: str) -> bool:
    """Whether the dictionary's likeliest reading of a normalised lower-case Ukrainian word is
    a verb or an infinitive («отримала», «має», «підписати»); False for unknown words."""
    parses = _parse(word)
    if not parses or not _is_known(parses[0]):
        return False
    return bool({"VERB", "INFN"} & _grammemes(parses[0]))


def is_singular_noun(word: str) -> bool:
    """Whether every noun reading of a normalised word is singular («автобус», not «автобуси»)."""
    nouns = [parse for parse in _parse(word) if "NOUN" in parse.tag]
    # The Ukrainian dictionary leaves the number out of some singular tags.
    return bool(nouns) and all("plur" not in parse.tag for parse in nouns)


def phrase_in_case(phrase: str, case: str) -> str | None:
    """A Ukrainian noun phrase in the nominative put in a case, each word agreeing with its
    own number and gender ("Велика Британія", "loct" → "Великій Британії"; "Нідерланди" →
    "Нідерландах"), capitals kept; None when a word is not a dictionary nominative (a foreign
    name, a hyphenated or punctuated one), so the caller keeps the name as written."""
    return _phrase_in_case(phrase, case)


_CONJUNCTIONS = frozenset({"і", "й", "та"})


@functools.lru_cache(maxsize=1024)
def _phrase_in_case(phrase: str, case: str) -> str | None:
    words = phrase.split(" ")
    forms = [_word_in_case(word, case) for word in words]
    if not all(forms):
        return None
    return " ".join(
        _same_capitals(word, form) for word, form in zip(words, forms, strict=True) if form
    )


def _same_capitals(word: str, form: str) -> str:
    # «Південно-Африканська» keeps both capitals in «Південно-Африканській».
    return "-".join(
        part[:1] + new[1:] if part[:1].isupper() else new
        for part, new in zip(word.split("-"), form.split("-"), strict=False)
    )


def _word_in_case(word: str, case: str) -> str | None:
    if word in _CONJUNCTIONS:
        return word
    # A country is a thing: «Китай» as a noun, not a surname («Китаєві»).
    parses = sorted(_parse(word.casefold()), key=lambda parse: "anim" in parse.tag)
    for parse in parses:
        if not _is_known(parse) or parse.tag.case != "nomn":
            continue
        number, gender = parse.tag.number, parse.tag.gender
        forms = [
            _surface(form.word)
            for form in parse.lexeme
            if form.tag.case == case
            and form.tag.number == number
            and (number == "plur" or gender is None or form.tag.gender in (gender, None))
        ]
        if forms:
            # After «у» people write «Китаї», «Люксембурзі», not «Китаєві», «Люксембургові».
            usual = [
                form
                for form in forms
                if gender != "masc" or not form.endswith(("ові", "еві", "єві"))
            ]
            return (usual or forms)[0] if case != "loct" else _usual(usual or forms, case)
    return None
