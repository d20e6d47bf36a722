"""The one side of a record a question asks about: how much money, how many of a kind of aid,
from whom, when, for how long.

A question about aid that asks only "how many vehicles?" or "from whom?" is answered with that
alone, not with the whole record; a question about money is told whether any sum is recorded.
"""

from __future__ import annotations

from dataclasses import replace

from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import AgreementKind, AidCategory
from knowledge.qa.answer import Context
from knowledge.qa.coverage import (
    asks_hromadas_covered,
    asks_most,
    matching_activities,
    question_roots,
)
from knowledge.qa.cues import Cue
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Aspect, Entities, Meaning, Narrow, Topic
from knowledge.qa.resolution import without_hiding_filters
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
# A term question read as a count («на скільки» holds «скільки») or as a bare pair.
_TERM_MISREAD = frozenset({Intent.COUNT, Intent.RELATION})
# An extension question read as one about the agreement's dates, its end or the pair.
_EXTENSION_MISREAD = frozenset({Intent.SIGNED, Intent.EXPIRY, Intent.RELATION, Intent.PARTNERS})
# "What aid and when?" asks for the whole record; a bare "when?" asks for its date.
_WHAT_WORDS = frozenset({"що", "яку", "яка", "які", "what", "which", "что", "какую"})


def _folded(reading: Reading) -> list[str]:
    return [fold(token.text) for token in reading.tokens]


def _has_phrase(words: list[str], phrases: tuple[str, ...]) -> bool:
    joined = " " + " ".join(words) + " "
    return any(f" {fold(phrase)} " in joined for phrase in phrases)


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


def aspect_of(reading: Reading) -> Narrow | None:
    """The side of a record the question's words ask about, or None for the whole record."""
    words = _folded(reading)
    if _asks_extension(reading, words) and not _has_phrase(words, _TERM_PHRASES):
        return Narrow(Aspect.EXTENSION)
    money = any(word.startswith(_MONEY) for word in words) or _has_phrase(words, _MONEY_EN)
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


# Non-answers and nation-wide readings a question about the knowledge base falls into.
_UNPLACED = frozenset(
    {
        Intent.NEED_HROMADA,
        Intent.NEED_CONTEXT,
        Intent.CLARIFY,
        Intent.REVERSE,
        Intent.NOT_RECORDED,
        Intent.OUT_OF_DOMAIN,
        Intent.OVERVIEW,
        Intent.PARTNERS,
        Intent.COUNT,
    }
)


def about_the_records(reading: Reading, meaning: Meaning, snapshot: Snapshot) -> Meaning:
    """The meaning of a question about the knowledge base as a whole or about an event.

    «Про які громади ти знаєш?» lists the hromadas covered, «у якої громади найбільше
    партнерів?» ranks them; "Where was the US conference of mayors in 2025?" and «Хто мер
    Колумбуса?» are answered from the event records whose words they share, when one does.
    """
    place = meaning.entities.place
    if meaning.intent is Intent.NEED_CONTEXT and place is not None:
        # «а шо там з Брно?» with nothing before it: a partner of one hromada names the pair.
        hromadas = {a.hromada for a in snapshot.agreements_by_place.get(place, ())}
        if len(hromadas) == 1:
            entities = meaning.entities.but(hromada=hromadas.pop())
            return replace(meaning, intent=Intent.RELATION, entities=entities)
    placed = meaning.intent not in _UNPLACED or meaning.entities.hromada is not None
    if placed and meaning.intent is not Intent.NOT_RECORDED:
        return meaning
    unnamed = meaning.entities.hromada is None and meaning.entities.place is None
    if unnamed and asks_hromadas_covered(reading):
        return replace(meaning, intent=Intent.OVERVIEW, narrow=Narrow(Aspect.HROMADAS))
    ranked_by = asks_most(reading) if unnamed else None
    if ranked_by is not None:
        return replace(meaning, intent=Intent.COUNT, narrow=Narrow(ranked_by))
    asks_event = Cue.ACTIVITY in reading.cues or meaning.intent is Intent.NOT_RECORDED
    if not asks_event:
        return meaning
    strict = Cue.ACTIVITY not in reading.cues
    keys = matching_activities(reading, snapshot, every_word=strict)
    if not keys:
        return meaning
    narrow = Narrow(Aspect.EVENTS, records=keys, words=question_roots(reading))
    return replace(meaning, intent=Intent.OVERVIEW, narrow=narrow)


def narrowed(reading: Reading, meaning: Meaning, context: Context | None) -> Meaning:
    """The meaning with the side of the record it asks about (`Meaning.narrow`).

    "How much money did Kharkiv get from Germany?" and "how many cars did Mena get?" are aid
    questions, whatever count they seem to ask; a bare «скільки?» after an aid answer asks how
    much of that aid; "when was it signed and for how long?" asks for the term as well.
    """
    intent = meaning.intent
    entities = meaning.entities
    order = order_asked(reading)
    if order is not None and intent in _ORDER_MISREAD and entities.place is None:
        # «найстаріший побратим Харкова», "the most recent partnership" (nation-wide without
        # a hromada), «а найдавніша?» after a list of Mena's.
        ordered = Entities(hromada=entities.hromada, kind=entities.kind, country=entities.country)
        previous = context.entities if context is not None else None
        if previous is not None and entities.hromada is None and reading.is_follow_up:
            ordered = ordered.but(hromada=previous.hromada, kind=ordered.kind or previous.kind)
        if reading.cues & {Cue.AGREEMENTS, Cue.PARTNER} and not reading.cues & _KIND_CUES:
            # «а найновіша угода?» after the oldest twin city asks about any agreement.
            ordered = ordered.but(kind=None)
        return replace(meaning, intent=Intent.PARTNERS, entities=ordered, narrow=Narrow(order))
    if intent is Intent.COUNT and entities.hromada is None and counts_places(reading):
        return replace(meaning, narrow=Narrow(Aspect.PLACES))
    narrow = aspect_of(reading)
    if narrow is None and not (intent is Intent.AID and meaning.yes_no):
        return meaning
    counts_aid = intent is Intent.COUNT and entities.topic is Topic.AID
    if intent is Intent.AID and meaning.yes_no and narrow is None:
        # "Did Japan send generators to Kharkiv?" asks about the goods, not only the sender.
        named = _categories(_folded(reading))
        if named:
            return replace(meaning, narrow=Narrow(Aspect.SENT, named))
    if narrow is None:
        return meaning
    if intent is Intent.AID or counts_aid:
        if counts_aid and narrow.aspect is not Aspect.MONEY and not narrow.categories:
            # "How many countries sent aid?" is a count of countries.
            return meaning
        return replace(meaning, intent=Intent.AID, narrow=narrow)
    after_aid = context is not None and context.intent is Intent.AID
    if (
        after_aid
        and context is not None
        and is_bare(reading)
        and narrow.aspect in {Aspect.QUANTITY, Aspect.MONEY, Aspect.DONORS}
    ):
        # A bare «скільки?» or «від кого?» after an aid answer is about that aid.
        return replace(meaning, intent=Intent.AID, entities=context.entities, narrow=narrow)
    if narrow.aspect is Aspect.EXTENSION and intent in _EXTENSION_MISREAD:
        # «а коли його продовжили?», "was the Cincinnati memorandum renewed?"
        return replace(
            meaning, intent=Intent.SIGNED, entities=entities.but(topic=None), narrow=narrow
        )
    if narrow.aspect is Aspect.TERM and entities.hromada and entities.place:
        # «коли підписали і на скільки» asks for the date and the term together.
        pair = entities.but(topic=None)
        if Cue.SIGNED in reading.cues and intent in _TERM_MISREAD | {Intent.SIGNED}:
            return replace(meaning, intent=Intent.SIGNED, entities=pair, narrow=narrow)
        if intent in _TERM_MISREAD:
            return replace(meaning, intent=Intent.EXPIRY, entities=pair, narrow=narrow)
    return meaning


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


def _partner_of_one(context: Context, snapshot: Snapshot) -> str | None:
    """The partner in focus: the one asked about, the one listed, or the hromada's only one."""
    hromada = context.entities.hromada
    if context.entities.place is not None:
        return context.entities.place
    listed = _listed_place(context, snapshot)
    if listed is not None:
        return listed
    partners = {a.place for a in snapshot.agreements_by_hromada.get(hromada or "", ())}
    return partners.pop() if len(partners) == 1 else None


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
# What an oldest-or-newest question may have been read as before its superlative is seen.
_ORDER_MISREAD = frozenset(
    {
        Intent.PARTNERS,
        Intent.RELATION,
        Intent.SIGNED,
        Intent.OVERVIEW,
        Intent.REVERSE,
        Intent.NEED_HROMADA,
        Intent.OUT_OF_DOMAIN,
        # «Яка остання підписана угода?» with no list before it to count from.
        Intent.NEED_CONTEXT,
    }
)
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


_KIND_CUES = frozenset(
    {
        Cue.TWIN,
        Cue.KIND_COOPERATION,
        Cue.KIND_MEMORANDUM,
        Cue.KIND_FRIENDSHIP,
        Cue.KIND_PROTOCOL,
    }
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


# The answers that list a hromada's partners, after which «а з ким ще?» asks for the rest.
_LISTS_OF_PARTNERS = frozenset({Intent.PARTNERS, Intent.COUNT, Intent.SIGNED})


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


def _listed_place(context: Context, snapshot: Snapshot) -> str | None:
    """The partner of the one agreement the previous answer listed, if it listed one."""
    if len(context.listed_agreements) != 1:
        return None
    agreement = snapshot.agreements.get(context.listed_agreements[0])
    return agreement.place if agreement is not None else None


def in_focus(
    reading: Reading, meaning: Meaning, context: Context | None, snapshot: Snapshot
) -> Meaning:
    """A follow-up about what the previous answer was about.

    "The second one" beyond a one-item list says there is none; "is it a twin city?" after
    Leeds asks about Leeds; a bare «а коли?» after a list asks when those were signed.
    """
    if context is None or reading.mentions or context.entities.hromada is None:
        return meaning
    listed = context.listed_agreements
    if reading.ordinal is not None and listed and reading.ordinal > len(listed):
        narrow = Narrow(Aspect.BEYOND_LIST, records=listed)
        return replace(meaning, intent=Intent.CLARIFY, narrow=narrow)
    place = context.entities.place or _listed_place(context, snapshot)
    if asks_kind(reading) and not reading.cues & {Cue.COUNT, Cue.LIST, Cue.COMMUNITIES}:
        in_focus = _partner_of_one(context, snapshot)
        if in_focus is not None:
            # "what kind of agreement is it?" with one partner in focus: that pair's agreements.
            entities = Entities(hromada=context.entities.hromada, place=in_focus)
            return replace(meaning, intent=Intent.RELATION, entities=entities, yes_no=False)
    pronoun = Cue.PRONOUN in reading.cues or reading.is_follow_up
    asks_twin = Cue.TWIN in reading.cues and not reading.cues & {Cue.COUNT, Cue.WHO, Cue.LIST}
    if place is not None and pronoun and asks_twin:
        entities = context.entities.but(
            place=place, kind=AgreementKind.TWINNING, country=None, topic=None
        )
        return replace(meaning, intent=Intent.RELATION, entities=entities, yes_no=True)
    others = (
        Cue.OTHER in reading.cues
        and listed
        and context.intent in _LISTS_OF_PARTNERS
        and meaning.intent in _LISTS_OF_PARTNERS
        and meaning.entities.hromada == context.entities.hromada
        # «а які ще не підписані?» asks for the unsigned among them, not for more partners.
        and not reading.cues & {Cue.UNSIGNED, Cue.PLANNED, Cue.IN_NEGOTIATION}
    )
    if others:
        # «а з ким ще?» asks for the partners the list did not show: none after a full list.
        # After a count or the agreements signed in a year it still asks for partners.
        kind = meaning.entities.kind if Cue.TWIN in reading.cues else None
        entities = Entities(hromada=meaning.entities.hromada, kind=kind)
        narrow = Narrow(Aspect.OTHERS, records=listed)
        return replace(meaning, intent=Intent.PARTNERS, entities=entities, narrow=narrow)
    bare_when = Cue.WHEN in reading.cues and is_bare(reading)
    if bare_when and context.intent in {Intent.PARTNERS, Intent.COUNT, Intent.RELATION}:
        entities = context.entities.but(topic=None)
        if place is not None:
            entities = entities.but(place=place)
        # «а коли?» after «хто побратими купянська» (none; a memorandum with Columbus).
        entities = without_hiding_filters(entities, Entities(), snapshot)
        return replace(meaning, intent=Intent.SIGNED, entities=entities, narrow=None)
    return meaning


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
