"""The one side of a record a question asks about: how much money, how many of a kind of aid,
from whom, when, for how long.

A question about aid that asks only "how many vehicles?" or "from whom?" is answered with that
alone, not with the whole record; a question about money is told whether any sum is recorded.

These functions only read the question's words; what the question then means (its intent) is
decided from them in `knowledge.qa.resolution`.
"""

from __future__ import annotations

import itertools

from knowledge.facts.vocabulary import AidCategory
from knowledge.qa.cues import Cue
from knowledge.qa.meaning import Aspect, Narrow
from knowledge.qa.understanding import Reading
from knowledge.text.normalize import fold

# Word starts, folded like the question's words.
_MONEY = ("грош", "кошт", "гривн", "гривен", "долар", "євро", "евро", "денег", "денг")
_MONEY_EN = ("money", "funds", "dollars", "euros", "hryvni", "cash", "how much")
# A car is any motor vehicle: «машин», "cars" count the special-purpose vehicles and the
# municipal machinery too.
_CARS = frozenset(
    {AidCategory.VEHICLES, AidCategory.SPECIAL_VEHICLES, AidCategory.MUNICIPAL_MACHINERY}
)
_CATEGORIES: tuple[tuple[str, frozenset[AidCategory]], ...] = (
    ("автомобіл", _CARS),
    ("автомобил", _CARS),
    ("машин", _CARS),
    ("автівк", _CARS),
    ("автобус", frozenset({AidCategory.BUSES})),
    ("генератор", frozenset({AidCategory.GENERATORS})),
    ("vehicle", _CARS),
    ("car", _CARS),
    ("bus", frozenset({AidCategory.BUSES})),
    ("generator", frozenset({AidCategory.GENERATORS})),
)
# English category words match whole words ("cars", "buses"), not every word they start.
_ENGLISH_CATEGORY_WORDS = frozenset(
    {"car", "cars", "bus", "buses", "vehicle", "vehicles", "generator", "generators"}
)
_DONOR_PHRASES = (
    "від кого",
    "от кого",
    "хто передав",
    "хто надав",
    "хто дав",
    "хто надіслав",
    "хто допоміг",
    "хто допомагав",
    "які донори",
    # «а з яких країн?» after an aid answer asks where it came from, not for the whole record.
    "з яких країн",
    "із яких країн",
    "з якої країни",
    "які країни",
    "из каких стран",
    "из какой страны",
    "какие страны",
    "from which countries",
    "from what countries",
    "which countries",
    "what countries",
    "which country",
    "from whom",
    "who sent",
    "who gave",
    "who donated",
    "who provided",
    "which donors",
    "what donors",
    # «а звідки?», "from where?" after an aid answer: where it came from.
    "звідки",
    "звідкіля",
    "откуда",
    "from where",
    "where from",
    "come from",
    "came from",
)
# Whole words of the question: "на скільки" covers «на скільки років», "what term" covers
# "for what term".
_TERM_PHRASES = (
    "на скільки",
    "на який термін",
    "на який строк",
    "for how long",
    "what term",
)
_EXPIRY_WORDS = frozenset({"valid", "until", "till", "expire", "expires", "last", "lasts", "term"})
# "What aid and when?" asks for the whole record; a bare "when?" asks for its date.
_WHAT_WORDS = frozenset({"що", "яку", "яка", "які", "what", "which", "что", "какую"})


def _folded(reading: Reading) -> list[str]:
    return [fold(token.text) for token in reading.tokens]


def _has_phrase(words: list[str], phrases: tuple[str, ...]) -> bool:
    joined = " " + " ".join(words) + " "
    return any(f" {fold(phrase)} " in joined for phrase in phrases)


def aid_categories_named(reading: Reading) -> frozenset[AidCategory]:
    """Every kind of aid the question's words name ("Did Japan send generators?")."""
    return _categories(_folded(reading))


def _categories(words: list[str]) -> frozenset[AidCategory]:
    """Every kind of aid the words name: «машин і генераторів» names both."""
    found: set[AidCategory] = set()
    for word in words:
        if word.isascii() and word not in _ENGLISH_CATEGORY_WORDS:
            continue
        for stem, categories in _CATEGORIES:
            if word.startswith(stem):
                found |= categories
                break
    return frozenset(found)


_COUNT_WORDS = frozenset({"скілки", "скіко", "скока", "сколко", "many", "кількість"})
_PLACE_NOUNS = ("міст", "партнер", "побратим", "город", "cit", "partner", "twin", "sister", "town")


def counts_places(reading: Reading) -> bool:
    """Whether the noun a "how many" counts is the partner cities, not the hromadas."""
    words = _folded(reading)
    for index, word in enumerate(words):
        if word in _COUNT_WORDS:
            return any(following.startswith(_PLACE_NOUNS) for following in words[index + 1 :][:2])
    return False


# Words that ask about an extension done, not about an agreement still running («продовжує
# діяти»): a past form, or the noun.
_EXTENSION_WORDS = (
    "продовжил",
    "продовжив",
    "продовжен",
    "продовжув",
    "продлил",
    "продлен",
    "продлев",
    "extended",
    "extension",
    "renewed",
    "renewal",
)


def _asks_extension(reading: Reading, words: list[str]) -> bool:
    """Whether the question asks when or whether an agreement was extended."""
    if Cue.EXTENDED not in reading.cues:
        return False
    return Cue.WHEN in reading.cues or any(word.startswith(_EXTENSION_WORDS) for word in words)


# «скільки допомоги», «сколько помощи»: how much aid, an amount, as "how much aid" is.
_HOW_MUCH = frozenset({"скільки", "скилки", "скілки", "скіко", "сколько", "сколко", "skilky"})
_AID_NOUNS = ("допомог", "помощ", "dopomoh")


def _asks_amount_of_aid(words: list[str]) -> bool:
    """Whether "how much" is followed by the word aid («скільки допомоги з Норвегії»)."""
    return any(
        word in _HOW_MUCH and following.startswith(_AID_NOUNS)
        for word, following in itertools.pairwise(words)
    )


def aspect_of(reading: Reading) -> Narrow | None:
    """The side of a record the question's words ask about, or None for the whole record."""
    words = _folded(reading)
    if _asks_extension(reading, words) and not _has_phrase(words, _TERM_PHRASES):
        return Narrow(Aspect.EXTENSION)
    money = (
        any(word.startswith(_MONEY) for word in words)
        or _has_phrase(words, _MONEY_EN)
        or _asks_amount_of_aid(words)
    )
    counts = Cue.COUNT in reading.cues or _has_phrase(words, ("how much",))
    if money and counts:
        return Narrow(Aspect.MONEY)
    if _has_phrase(words, _TERM_PHRASES):
        return Narrow(Aspect.TERM)
    if _has_phrase(words, ("how long",)):
        # A bare "how long has it been twinned?" asks since when; only a word of expiry
        # ("valid", "until") asks for the term.
        expiry = _EXPIRY_WORDS.intersection(words)
        return Narrow(Aspect.TERM) if expiry else Narrow(Aspect.WHEN)
    if counts:
        return Narrow(Aspect.QUANTITY, _categories(words))
    if _has_phrase(words, _DONOR_PHRASES):
        return Narrow(Aspect.DONORS)
    if Cue.WHEN in reading.cues and not _WHAT_WORDS.intersection(words):
        return Narrow(Aspect.WHEN)
    return None


def is_bare(reading: Reading) -> bool:
    """Whether the question is only its aspect: «скільки?», «від кого?», "when?" (no names,
    no other cue words)."""
    if reading.mentions:
        return False
    return not reading.cues - {Cue.COUNT, Cue.WHEN, Cue.FOLLOW_UP, Cue.WHO, Cue.PERSON}


# «який це тип угоди?», «що це за угода?», "what kind of agreement is it?": the kind of the
# agreement in focus, which its pair's answer names.
_KIND_PHRASES = (
    "тип угод",
    "вид угод",
    "тип документ",
    "вид документ",
    "що це за",
    "шо це за",
    "що за угод",
    "шо за угод",
    "який тип",
    "яка угода",
    "який вид",
    "какой тип",
    "какой вид",
    "что это за",
    "что за",
    "what kind",
    "what type",
    "what sort",
    "which kind",
    "which type",
    "kind of agreement",
    "type of agreement",
)


def asks_kind(reading: Reading) -> bool:
    """Whether the question asks what kind of agreement it is (a phrase's last word may go on:
    «тип угод» matches «тип угоди»)."""
    joined = " " + " ".join(_folded(reading)) + " "
    return any(f" {fold(phrase)}" in joined for phrase in _KIND_PHRASES)


# Word starts (folded) of the superlatives that ask for the oldest or the newest partnership;
# "first" and «останній» are left to the ordinals, which count the list shown.
_OLDEST_WORDS = (
    "найстаріш",
    "найдавніш",
    "найраніш",
    "старейш",
    "давнейш",
    "oldest",
    "earliest",
    "longest",
)
_NEWEST_WORDS = (
    "найнові",
    "найсвіжіш",
    "найпізніш",
    "новейш",
    "newest",
    "latest",
)
_OLDEST_PHRASES = ("самый старый", "самый давний", "самый первый", "самая старая")
_NEWEST_PHRASES = ("самый новый", "самая новая", "самый свежий", "most recent", "most recently")
# «остання підписана угода», "the last agreement signed", "signed last": the newest one.
_LAST_WORDS = ("останн", "последн")
_SIGNING_OR_AGREEMENT = (
    "підпис",
    "уклад",
    "подпис",
    "заключ",
    "sign",
    "угод",
    "договор",
    "agreement",
    "партнерств",
    "partnership",
    "меморандум",
    "memorand",
)


# «Найперше» is also the adverb "first of all" («Найперше скажіть, …»): a superlative only
# before a partnership («найперше побратимство»); its other forms are adjectives alone.
_FIRST_OF_ALL = "найперше"
_FIRST_STEM = "найперш"
_PARTNERSHIP_NOUNS = ("партнерств", "побратимств", "співробітн", "співпрац", "місто")


def _first_as_adjective(words: list[str]) -> bool:
    """Whether «найперший» in some form asks for the oldest partnership."""
    for index, word in enumerate(words):
        if not word.startswith(_FIRST_STEM):
            continue
        if word != _FIRST_OF_ALL:
            return True
        following = words[index + 1] if index + 1 < len(words) else ""
        if following.startswith(_PARTNERSHIP_NOUNS):
            return True
    return False


def order_asked(reading: Reading) -> Aspect | None:
    """Whether the question asks for the oldest or the newest partnership, and which."""
    words = _folded(reading)
    if any(word.startswith(_OLDEST_WORDS) for word in words) or _first_as_adjective(words):
        return Aspect.OLDEST
    if any(word.startswith(_NEWEST_WORDS) for word in words):
        return Aspect.NEWEST
    if _has_phrase(words, _OLDEST_PHRASES):
        return Aspect.OLDEST
    if _has_phrase(words, _NEWEST_PHRASES) or _last_signed(words):
        return Aspect.NEWEST
    return None


def _last_signed(words: list[str]) -> bool:
    """Whether "last" stands by a word of signing or an agreement: «остання підписана угода»,
    «останню угоду», "the last agreement signed", "which one was signed last"."""
    for index, word in enumerate(words):
        if not (word.startswith(_LAST_WORDS) or word == "last"):
            continue
        near = words[max(0, index - 1) : index] + words[index + 1 : index + 3]
        if any(other.startswith(_SIGNING_OR_AGREEMENT) for other in near):
            return True
    return False


# The starts of the words asking whether an agreement ENDED (uk, en, ru): «закінчилась»,
# «спливла», «припинена», «втратила чинність», "expired", "ended", «истекло», «закончилось».
_ENDED_WORDS = (
    "закінч",
    "скінч",
    "сплив",
    "припин",
    "втрати",
    "заверш",
    "expir",
    "ended",
    "terminat",
    "lapse",
    "истек",
    "истёк",
    "закончи",
    "прекрат",
    "утрати",
)
_ENDED_STEMS = tuple(fold(word) for word in _ENDED_WORDS)


def asks_if_ended(reading: Reading) -> bool:
    """Whether a yes-or-no about an agreement's term asks if it ended, not if it is in force.

    «Чи спливла угода?», "Has the memorandum expired?" are answered "no" for an agreement in
    force; «Чи ще діє?», "Is it still valid?" are answered "yes".
    """
    return any(fold(token.text).startswith(_ENDED_STEMS) for token in reading.tokens)
