"""From what a question says to what it means: entities, intent, and the conversation so far.

Every decision about what a question asks is made here, once; the engine answers the Meaning
it is given as it is.

The rule for context: a question that names its own subject starts fresh. The subject can be a
hromada, a foreign partner (which resolves to the hromadas partnered with it), a country asked
nation-wide, or a nation-wide question by kind, status, donor or end date. Only an elliptical
question ("а в Польщі?", "when was it signed?", "What are its twin cities?") inherits.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

from knowledge.facts.records import Agreement
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus
from knowledge.places.countries import constituent_countries
from knowledge.places.gazetteer import EntityKind, Mention
from knowledge.places.reference import city_districts, question_settlements
from knowledge.places.world import WorldPlace, place_key, world_places_named
from knowledge.places.world_regions import in_region, is_world_region
from knowledge.qa.aid_side import side_kept
from knowledge.qa.answer import Context
from knowledge.qa.aspects import (
    aid_categories_named,
    asks_if_ended,
    asks_kind,
    aspect_of,
    counts_places,
    is_bare,
    order_asked,
)
from knowledge.qa.coverage import (
    asks_hromadas_covered,
    asks_hromadas_with_aid,
    asks_most,
    asks_whole_base_partners,
    matching_activities,
    question_roots,
)
from knowledge.qa.cues import ENGLISH_COMMON_WORDS, Cue
from knowledge.qa.definitions import defined_kinds
from knowledge.qa.each_listed import listed_to_answer
from knowledge.qa.event_follow_up import asked_detail, asks_where, events_in_focus
from knowledge.qa.event_part import events_asked
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import (
    Aspect,
    Declined,
    Entities,
    EventDetail,
    Meaning,
    Narrow,
    Topic,
)
from knowledge.qa.noun_phrase import asks_whose, is_english_name_phrase, is_noun_phrase
from knowledge.qa.one_listed import one_listed_asked
from knowledge.qa.people import signed_by_person
from knowledge.qa.regions import partner_in
from knowledge.qa.undated import asks_undated
from knowledge.qa.understanding import Reading, word_after
from knowledge.render.labels import AGREEMENT_KINDS_INLINE
from knowledge.text.morphology import (
    inflect,
    is_dictionary_word,
    is_russian_common_word,
    is_verb,
    lemmas,
    may_be_a_name,
)
from knowledge.text.normalize import fold

_OBLAST_WORDS = ("област", "обл", "oblast", "region", "province")
_DOMAIN_CUES = frozenset(
    {
        Cue.PARTNER,
        Cue.TWIN,
        Cue.SIGNED,
        Cue.EXPIRY,
        Cue.AID,
        Cue.COUNT,
        Cue.SOURCES,
        Cue.AREAS,
        Cue.IN_NEGOTIATION,
        Cue.PLANNED,
        Cue.UNSIGNED,
        Cue.TERMINATED,
        Cue.SUSPENDED,
        Cue.APPROVED,
    }
)
_SOCIAL = {Cue.GREETING: Intent.GREETING, Cue.THANKS: Intent.THANKS, Cue.HELP: Intent.HELP}
_KINDS = {
    Cue.TWIN: AgreementKind.TWINNING,
    Cue.KIND_COOPERATION: AgreementKind.COOPERATION_AGREEMENT,
    Cue.KIND_MEMORANDUM: AgreementKind.MEMORANDUM,
    Cue.KIND_FRIENDSHIP: AgreementKind.FRIENDSHIP_PLEDGE,
    Cue.KIND_PROTOCOL: AgreementKind.PROTOCOL_OF_INTENT,
}
_STATUSES = {
    Cue.IN_NEGOTIATION: AgreementStatus.IN_NEGOTIATION,
    Cue.PLANNED: AgreementStatus.PLANNED,
    # «ще не підписані» asks for the planned ones and those in talks (`Entities.unsigned`).
    Cue.UNSIGNED: AgreementStatus.PLANNED,
    Cue.TERMINATED: AgreementStatus.TERMINATED,
    Cue.SUSPENDED: AgreementStatus.SUSPENDED,
}
# Intents a follow-up without cue words may continue.
_CONTINUABLE = frozenset(
    {
        Intent.PARTNERS,
        Intent.RELATION,
        Intent.SIGNED,
        Intent.EXPIRY,
        Intent.AID,
        Intent.COUNT,
        Intent.REVERSE,
        Intent.OVERVIEW,
        Intent.EXPIRING,
        Intent.SOURCES,
        Intent.SIGNATORIES,
        Intent.AREAS,
        Intent.PLACE,
    }
)
# Intents about one agreement (or the agreements of one pair): they keep the partner discussed.
_ABOUT_ONE_AGREEMENT = frozenset(
    {
        Intent.SIGNED,
        Intent.EXPIRY,
        Intent.RELATION,
        Intent.SOURCES,
        Intent.SIGNATORIES,
        Intent.AREAS,
        Intent.PLACE,
    }
)
# After these, a bare "when?" asks when the agreement was signed.
_ASKED_ABOUT_ONE = frozenset(
    {Intent.SIGNATORIES, Intent.AREAS, Intent.RELATION, Intent.PLACE, Intent.SOURCES}
)
# Answers that list a hromada's partners or agreements: a count after one counts what it showed.
_LISTINGS = frozenset({Intent.PARTNERS, Intent.COUNT, Intent.SIGNED})
# Intents answered about one hromada: without one, the answer asks which.
_NEEDS_HROMADA = frozenset(
    {
        Intent.OVERVIEW,
        Intent.PARTNERS,
        Intent.RELATION,
        Intent.SIGNED,
        Intent.EXPIRY,
        Intent.AID,
        Intent.COUNT,
        Intent.SIGNATORIES,
        Intent.AREAS,
    }
)
# Intents that may be asked of the whole country.
_NATION_WIDE = frozenset({Intent.REVERSE, Intent.EXPIRING, Intent.AID, Intent.COUNT})


def _when_one_listed_was_signed(
    reading: Reading, own: _Own, intent: Intent | None, context: Context | None, snapshot: Snapshot
) -> Meaning | None:
    """«а той, що з Куп'янськом, коли?», "and the one with Columbus, when?", or a bare «коли?»
    after a nation-wide list: when the listed agreement it names by its hromada or partner (or
    the only one listed) was signed, rather than the whole list again."""
    if context is None or context.intent is not Intent.REVERSE or not context.listed_agreements:
        return None
    named = own.entities
    if Cue.WHEN not in reading.cues or intent not in (None, Intent.SIGNED, Intent.REVERSE):
        return None
    if (named.place_filters and not named.place) or named.year or named.kind or named.status:
        return None
    listed = [snapshot.agreements.get(key) for key in context.listed_agreements]
    if not (named.hromada or named.place) and len(listed) != 1:
        return None
    pairs = {
        (agreement.hromada, agreement.place)
        for agreement in listed
        if agreement is not None
        and named.hromada in (None, agreement.hromada)
        and named.place in (None, agreement.place)
    }
    if len(pairs) != 1:
        return None
    ((hromada, place),) = pairs
    entities = Entities(hromada=hromada, place=place)
    return Meaning(Intent.SIGNED, entities, rule="when one agreement of a list was signed")


_TURNS_TO_UKRAINE = frozenset(
    {None, Intent.PARTNERS, Intent.SIGNED, Intent.RELATION, Intent.REVERSE}
)


@dataclass
class _Found:
    hromadas: list[tuple[frozenset[str], str, str | None]] = field(default_factory=list)
    places: list[frozenset[str]] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    oblasts: list[str] = field(default_factory=list)
    # Hromada code → the village or town of it the question named.
    settlements: dict[str, str] = field(default_factory=dict)
    # Named after «крім», "except": left out of the answer.
    except_countries: list[str] = field(default_factory=list)
    except_places: list[frozenset[str]] = field(default_factory=list)


def _followed_by_oblast_word(reading: Reading, mention: Mention) -> bool:
    following = mention.last + 1
    if following >= len(reading.tokens):
        return False
    return fold(reading.tokens[following].text).startswith(_OBLAST_WORDS)


# «Харківщина», «Вінниччина», «Запоріжчина»: the endings of an oblast's everyday name.
_EVERYDAY_OBLAST_STEMS = ("щин", "ччин", "жчин")


def _everyday_oblast(text: str, mention: Mention) -> bool:
    """Whether the mention is an oblast by its everyday name («на Полтавщині»), which no
    hromada, partner or country is called, unlike «Харківська», which is also a hromada."""
    if not mention.of_kind(EntityKind.OBLAST) or len(mention.of_kind(EntityKind.OBLAST)) != len(
        mention.refs
    ):
        return False
    return any(stem in fold(text) for stem in _EVERYDAY_OBLAST_STEMS)


# "район", "district": after a district's name and before its city's («Дніпровського району
# Києва», "Dniprovskyi district of Kyiv").
_DISTRICT_WORDS = ("район", "district", "raion", "rayon")
_CITY_WORDS = frozenset({"міста", "м", "of", "the", "city"})
_DISTRICT_STEM = 4


def _city_district(reading: Reading, snapshot: Snapshot) -> tuple[int, int, str, str] | None:
    """A city district the question names: the index of the city's mention, the token of the
    district's name, the city's code and the district's, when a district word follows the
    district's name and precedes the city's («Печерського району Києва», "Pecherskyi district
    of the city of Kyiv")."""
    tokens = reading.tokens
    for index, token in enumerate(tokens[1:-1], 1):
        if not fold(token.text).startswith(_DISTRICT_WORDS):
            continue
        after = index + 1
        while after < len(tokens) and fold(tokens[after].text) in _CITY_WORDS:
            after += 1
        for position, mention in enumerate(reading.mentions):
            cities = mention.of_kind(EntityKind.HROMADA)
            if mention.first != after or len(cities) != 1:
                continue
            city = next(iter(cities)).id
            district = _district_named(fold(tokens[index - 1].text), city)
            if district is not None and city in snapshot.hromadas:
                return position, index - 1, city, district
    return None


def _district_named(word: str, city: str) -> str | None:
    """The city's district whose name the word is a form of («печерського» → Печерський)."""
    for unit in city_districts().get(city, ()):
        for name in (unit.name_uk, unit.name_en):
            stem = fold(name)[:-2]
            if len(stem) >= _DISTRICT_STEM and word.startswith(stem):
                return unit.code
    return None


def _collect(reading: Reading, snapshot: Snapshot) -> _Found:
    found = _Found()
    district = _city_district(reading, snapshot)
    mentions = list(reading.mentions)
    if district is not None:
        position, name, city, code = district
        city_mention = mentions[position]
        text = reading.text[
            reading.tokens[city_mention.first].start : reading.tokens[city_mention.last].end
        ]
        found.hromadas.append((frozenset({city}), text, None))
        found.settlements[city] = code
        # The district's name («Дніпровського») is not the hromada it may also spell.
        mentions = [
            mention
            for mention in mentions
            if mention is not city_mention and not mention.first <= name <= mention.last
        ]
    for mention in mentions:
        tokens = reading.tokens
        text = reading.text[tokens[mention.first].start : tokens[mention.last].end]
        hromadas = mention.of_kind(EntityKind.HROMADA)
        if _followed_by_oblast_word(reading, mention) or _everyday_oblast(text, mention):
            oblasts = {ref.id for ref in mention.of_kind(EntityKind.OBLAST)} or {
                snapshot.hromadas[ref.id].oblast_code or "" for ref in hromadas
            }
            found.oblasts.extend(sorted(code for code in oblasts if code))
            continue
        countries = mention.of_kind(EntityKind.COUNTRY)
        places = mention.of_kind(EntityKind.PLACE)
        regions = mention.of_kind(EntityKind.REGION)
        constituent = [ref.id for ref in regions if ref.id in constituent_countries()]
        if _inside_a_country_group(reading, mention) and not (countries or regions):
            # «на Близькому Сході» is a region, never the village Схід.
            continue
        excepted = reading.exception is not None and mention.first > reading.exception
        if excepted and len(countries) == 1:
            # «партнери Харкова крім американських»: the United States is left out.
            found.except_countries.append(next(iter(countries)).id)
        elif excepted and places:
            found.except_places.append(frozenset(ref.id for ref in places))
        elif len(countries) == 1 and constituent:
            # «у Шотландії» asks about Scotland: a partner in England is none there.
            found.regions.append(constituent[0])
        elif len(countries) == 1:
            found.countries.append(next(iter(countries)).id)
        elif places:
            found.places.append(frozenset(ref.id for ref in places))
        elif hromadas:
            found.hromadas.append((frozenset(ref.id for ref in hromadas), text, mention.usual))
        elif units := mention.of_kind(EntityKind.SETTLEMENT):
            # A village or town is asked about as the hromada it belongs to.
            owners = {question_settlements()[ref.id].hromada: ref.id for ref in units}
            found.hromadas.append((frozenset(owners), text, None))
            if len(owners) == 1:
                found.settlements.update(owners)
        elif regions:
            found.regions.append(sorted(regions)[0].id)
    return found


def _narrow_by_oblast(
    candidates: frozenset[str], oblasts: list[str], snapshot: Snapshot
) -> frozenset[str]:
    if not oblasts or len(candidates) < 2:
        return candidates
    narrowed = frozenset(
        code for code in candidates if snapshot.hromadas[code].oblast_code in oblasts
    )
    return narrowed or candidates


# How many times as many people the usual reading's hromada must have as any other of its
# name before a resident is taken to mean it without being asked.
_USUAL_POPULATION_RATIO = 3


def _clearly_meant(candidates: frozenset[str], usual: str, snapshot: Snapshot) -> bool:
    """Whether a resident naming the usual reading's centre means it: it has records, or its
    hromada (population from the reference table) outnumbers each other one thrice (Рівне
    among four, but not the town of Mykolaivka among seven hromadas of that name)."""
    if snapshot.has_records(usual):
        return True
    people = snapshot.hromadas[usual].population
    if people is None:
        return False
    return all(
        (snapshot.hromadas[code].population or 0) * _USUAL_POPULATION_RATIO <= people
        for code in candidates - {usual}
    )


def _only_usual_known(candidates: frozenset[str], usual: str | None, snapshot: Snapshot) -> bool:
    """Whether the usual reading is among the candidates, no other one has any records, and
    it is clearly the one meant (`_clearly_meant`)."""
    if usual is None or usual not in candidates:
        return False
    if any(snapshot.has_records(code) for code in candidates - {usual}):
        return False
    return _clearly_meant(candidates, usual, snapshot)


def _likeliest_place(candidates: frozenset[str], hromada: str | None, snapshot: Snapshot) -> str:
    """Of the places sharing a name, the one partnered with the hromada, else with anyone."""

    def rank(key: str) -> tuple[bool, bool, str]:
        partners = {a.hromada for a in snapshot.agreements_by_place.get(key, ())}
        return (hromada not in partners, not partners, key)

    return min(candidates, key=rank)


def _count_topic(cues: frozenset[Cue]) -> Topic:
    if Cue.ACTIVITY in cues:
        return Topic.MEETINGS
    if Cue.COUNTRIES in cues:
        return Topic.AID if cues & {Cue.AID, Cue.HELP_OR_AID} else Topic.COUNTRIES
    if Cue.AGREEMENTS in cues and Cue.TWIN not in cues:
        return Topic.AGREEMENTS
    if Cue.AID in cues:
        return Topic.AID
    return Topic.PARTNERS


def _topic(cues: frozenset[Cue]) -> Topic | None:
    if Cue.COUNT in cues:
        # «Скільки Мена витратила на програму?», «скільки коштів виділили на програму» ask
        # what the programme spent.
        spent = Cue.PROGRAMME in cues and not cues & {Cue.ACTIVITY, Cue.COUNTRIES, Cue.ITEMS}
        return Topic.PROGRAMME if spent else _count_topic(cues)
    if cues & {Cue.APPROVED, Cue.PROGRAMME} and not cues & {Cue.AID, Cue.ACTIVITY}:
        return Topic.PROGRAMME
    if Cue.COUNTRIES in cues and not cues & {Cue.AID, Cue.HELP_OR_AID, Cue.ACTIVITY}:
        # «з якими країнами співпрацює Мена?» asks for the countries, not every partner.
        return Topic.COUNTRIES
    return None


@dataclass(frozen=True)
class _Own:
    """What the question itself names, before the conversation is consulted."""

    entities: Entities
    ambiguous: frozenset[str]
    ambiguous_text: str


def _own(reading: Reading, found: _Found, snapshot: Snapshot, context: Context | None) -> _Own:
    hromada: str | None = None
    ambiguous: frozenset[str] = frozenset()
    ambiguous_text = ""
    oblasts = list(found.oblasts)
    for candidates, text, usual in found.hromadas:
        narrowed = _narrow_by_oblast(candidates, oblasts, snapshot)
        if len(narrowed) > 1 and not oblasts and _only_usual_known(narrowed, usual, snapshot):
            # «Миколаїв» alone is the oblast centre, as the importer reads it too, unless
            # the knowledge base holds something about another of that name (Золочів).
            narrowed = frozenset({usual or ""})
        if len(narrowed) == 1:
            hromada = hromada or next(iter(narrowed))
        elif not ambiguous:
            ambiguous, ambiguous_text = narrowed, text
    if hromada is None and not ambiguous and oblasts and context is not None:
        # "Харківська область" answering "which Zolochiv?".
        pending = _narrow_by_oblast(frozenset(context.candidates), oblasts, snapshot)
        if context.candidates and len(pending) == 1:
            hromada = next(iter(pending))
            oblasts.clear()
    cues = reading.cues
    excepted = reading.excepted_cues
    kind = next((kind for cue, kind in _KINDS.items() if cue in cues - excepted), None)
    except_kind = next((kind for cue, kind in _KINDS.items() if cue in excepted), None)
    status = next((status for cue, status in _STATUSES.items() if cue in cues), None)
    if status is None and _asks_which_ended(reading):
        status = AgreementStatus.EXPIRED
    if status is None and (
        _asks_which_listed_are_in_force(reading) or _asks_which_are_in_force(reading)
    ):
        status = AgreementStatus.ACTIVE
    entities = Entities(
        hromada=hromada,
        place=_likeliest_place(found.places[0], hromada, snapshot) if found.places else None,
        country=found.countries[0] if found.countries else None,
        region=found.regions[0] if found.regions and not found.countries else None,
        oblast=oblasts[0] if oblasts and hromada is None and not ambiguous else None,
        kind=kind,
        status=status,
        unsigned=True if Cue.UNSIGNED in cues and Cue.IN_NEGOTIATION not in cues else None,
        year=reading.years[0] if reading.years and reading.until is None else None,
        part=_part_of_year(cues),
        until=reading.until,
        months=reading.months_ahead,
        topic=_topic(cues),
        except_country=found.except_countries[0] if found.except_countries else None,
        except_place=(
            _likeliest_place(found.except_places[0], hromada, snapshot)
            if found.except_places
            else None
        ),
        except_kind=except_kind,
    )
    return _Own(entities, ambiguous, ambiguous_text)


# Words of expiry other than the "end" of «the end of the year».
_EXPIRY_WORDS = ("expir", "valid", "until", "till", "run", "закінч", "сплива", "чинн", "скінч")


def _asks_expiry(reading: Reading, cues: frozenset[Cue]) -> bool:
    """Whether a question naming a part of a year also asks when something expires."""
    if Cue.SIGNED in cues:
        return False
    return any(fold(token.text).startswith(_EXPIRY_WORDS) for token in reading.tokens)


def _part_of_year(cues: frozenset[Cue]) -> str | None:
    """ "end" for «наприкінці року», "start" for "at the beginning of 2023", else None."""
    if Cue.END_OF_YEAR in cues:
        return "end"
    if Cue.START_OF_YEAR in cues:
        return "start"
    return None


@dataclass(frozen=True)
class _Rule:
    """Words that decide an intent: all of `needs`, one of `any_of` (if given), none of
    `unless`; `subject` says what the question itself must name ("place", "no place", "pair",
    "dated": a year or a window with no partner, "no partner or country")."""

    intent: Intent
    needs: frozenset[Cue] = frozenset()
    any_of: frozenset[Cue] = frozenset()
    unless: frozenset[Cue] = frozenset()
    subject: str = ""

    def matches(self, cues: frozenset[Cue], own: Entities) -> bool:
        if not self.needs <= cues or cues & self.unless:
            return False
        if self.any_of and not cues & self.any_of:
            return False
        return _SUBJECTS[self.subject](own)


_SUBJECTS: dict[str, Callable[[Entities], bool]] = {
    "": lambda own: True,
    "place": lambda own: own.place is not None,
    "pair": lambda own: own.place is not None and own.hromada is not None,
    "dated": lambda own: bool(own.year or own.months or own.until) and own.place is None,
    "year": lambda own: own.year is not None and own.place is None,
    "no partner or country": lambda own: own.place is None and own.country is None,
    "in force": lambda own: own.status is AgreementStatus.ACTIVE and own.place is None,
}


def _rule(
    intent: Intent,
    *needs: Cue,
    any_of: Iterable[Cue] = (),
    unless: Iterable[Cue] = (),
    subject: str = "",
) -> _Rule:
    return _Rule(intent, frozenset(needs), frozenset(any_of), frozenset(unless), subject)


_PARTNERSHIP = (
    Cue.PARTNER,
    Cue.TWIN,
    Cue.KIND_COOPERATION,
    Cue.KIND_MEMORANDUM,
    Cue.IN_NEGOTIATION,
    Cue.PLANNED,
    Cue.UNSIGNED,
)
# The first rule that matches decides.
_RULES = (
    _rule(Intent.SOURCES, Cue.SOURCES),
    _rule(Intent.AREAS, Cue.AREAS),
    _rule(
        Intent.SIGNATORIES,
        Cue.SIGNED,
        any_of=(Cue.PERSON, Cue.NOT_RECORDED),
        unless=(Cue.WHEN,),
    ),
    _rule(Intent.OVERVIEW, Cue.APPROVED, unless=(Cue.ACTIVITY,)),
    # "since when is it in force" and "when was it extended" ask for its dates.
    _rule(Intent.SIGNED, Cue.SINCE),
    _rule(Intent.SIGNED, Cue.EXTENDED, Cue.WHEN),
    _rule(Intent.AID, Cue.COUNT, Cue.ITEMS),
    # "скільки ще діятиме угода" asks how long, not how many.
    _rule(Intent.EXPIRY, Cue.COUNT, Cue.EXPIRY),
    _rule(Intent.NOT_RECORDED, Cue.NOT_RECORDED, unless=(Cue.ACTIVITY,)),
    _rule(Intent.COUNT, Cue.COUNT, unless=(Cue.PROGRAMME,)),
    _rule(Intent.PLACE, Cue.WHERE, unless=(Cue.AID, Cue.SIGNED, Cue.EXPIRY)),
    _rule(
        Intent.OVERVIEW,
        any_of=(Cue.ACTIVITY, Cue.PROGRAMME),
        unless=(Cue.SIGNED, Cue.EXPIRY, Cue.TWIN),
    ),
    _rule(Intent.EXPIRING, Cue.EXPIRY, subject="dated"),
    # «Які угоди Харкова чинні?» lists those in force; «Чи чинна угода з Лідсом?» is a yes.
    _rule(Intent.PARTNERS, Cue.EXPIRY, subject="in force"),
    _rule(Intent.EXPIRY, Cue.EXPIRY),
    _rule(Intent.SIGNED, Cue.SIGNED, Cue.WHEN),
    _rule(Intent.SIGNED, Cue.SIGNED, subject="place"),
    # "Which agreements did Kharkiv sign in 2023?" lists those signed that year.
    _rule(Intent.SIGNED, Cue.SIGNED, subject="year"),
    _rule(Intent.SIGNED, Cue.SIGNED, unless=(Cue.PARTNER,)),
    _rule(Intent.PARTNERS, Cue.SIGNED),
    _rule(Intent.AID, Cue.AID),
    _rule(Intent.SIGNED, Cue.WHEN, subject="place"),
    _rule(Intent.SIGNED, Cue.WHEN, Cue.PARTNER),
    _rule(Intent.OVERVIEW, Cue.OVERVIEW, subject="no partner or country"),
    _rule(Intent.RELATION, any_of=_PARTNERSHIP, subject="pair"),
    _rule(Intent.PARTNERS, any_of=_PARTNERSHIP),
)


def _intent_from_cues(cues: frozenset[Cue], own: Entities) -> Intent | None:
    """The intent the question's own words give, if they give one: the first rule to match."""
    return next((rule.intent for rule in _RULES if rule.matches(cues, own)), None)


def _signed_in_year(
    reading: Reading, entities: Entities, intent: Intent | None, *, which: bool
) -> bool:
    """Whether the question asks for every hromada's agreements signed in its year: "Which
    agreements were signed in 2023?", «хто підписував угоди у 2020 році», and a follow-up that
    turns to the whole country («а у 2025 по всій Україні?», "and in 2025 nationwide?")."""
    cues = reading.cues
    if not entities.year:
        return False
    if Cue.UKRAINE in cues and intent in _TURNS_TO_UKRAINE:
        return True
    signing = intent in (Intent.SIGNED, Intent.SIGNATORIES)
    return signing and (which or Cue.SIGNED in cues) and not reading.is_follow_up


def _nation_wide(reading: Reading, own: _Own, intent: Intent | None) -> Intent | None:
    """The nation-wide intent of a question that asks about every hromada, if it does."""
    entities = own.entities
    cues = reading.cues
    if entities.hromada or own.ambiguous or entities.place or reading.ordinal is not None:
        return None
    asks_who = bool(cues & {Cue.PERSON, Cue.UKRAINE, Cue.COMMUNITIES, Cue.ANYONE})
    # "and who has partners in the US?" turns to the whole country; "and only twin cities?" not.
    turns_away = bool(cues & {Cue.PERSON, Cue.UKRAINE, Cue.ANYONE})
    if Cue.PRONOUN in cues or Cue.OURS in cues or (reading.is_follow_up and not turns_away):
        return None
    which = asks_who or Cue.WHO in cues or Cue.AGREEMENTS in cues
    if intent is Intent.EXPIRING:
        return Intent.EXPIRING
    if _signed_in_year(reading, entities, intent, which=which):
        return Intent.REVERSE
    if intent is Intent.AID and entities.country and (asks_who or Cue.WHO in cues):
        return Intent.AID
    named_aid = Cue.AID in cues and Cue.HELP not in cues
    if intent is Intent.AID and entities.country and named_aid and _asks_existence(reading):
        # «Чи надходила допомога з Ісландії?» names no hromada: it asks the whole country,
        # whatever hromada came before it. «а з Польщі?» and "did Norway help?" (a country
        # helping, no word for aid) lean on the hromada asked before.
        return Intent.AID
    if intent is Intent.COUNT and asks_who and (entities.country or entities.kind):
        return Intent.COUNT
    if intent is Intent.COUNT and _counts_all_agreements(reading, entities):
        # «Скільки всього угод у базі?», "How many agreements are there in total?"
        return Intent.COUNT
    if intent is Intent.COUNT and _counts_hromadas(reading):
        # «Скільки громад мають партнерів?», "How many hromadas have partners?"
        return Intent.COUNT
    if (entities.kind or entities.status or entities.except_kind) and (which or Cue.LIST in cues):
        return Intent.REVERSE
    if (entities.kind or entities.status) and _asks_existence(reading):
        # "Are there any friendship pledges?", «Чи є меморандуми?»: whether any hromada has one.
        return Intent.REVERSE
    if entities.status and intent in (None, Intent.PARTNERS, Intent.RELATION):
        return Intent.REVERSE
    if (entities.country or entities.region or entities.oblast) and asks_who:
        return Intent.REVERSE
    if Cue.WHO in cues and Cue.COMMUNITIES in cues and intent in (Intent.PARTNERS, None):
        # "Which hromadas have partners in …?" with a country the names do not know.
        return Intent.REVERSE
    return None


_COUNT_WORDS = frozenset(fold(word) for word in ("скільки", "сколько", "many", "of"))
_HROMADA_NOUNS = tuple(fold(word) for word in ("громад", "отг", "общин", "hromad", "communit"))
_COUNT_FILLERS = frozenset(
    fold(word)
    for word in ("є", "всього", "загалом", "есть", "всего", "the", "ukrainian", "українських")
)


def _counts_hromadas(reading: Reading) -> bool:
    """Whether what the question counts is hromadas: «скільки громад …», "how many hromadas",
    "the number of communities" (not «скільки партнерів у громади»)."""
    words = [fold(token.text) for token in reading.tokens]
    for index, word in enumerate(words):
        if word not in _COUNT_WORDS:
            continue
        following = word_after(words, index, _COUNT_FILLERS)
        if following < len(words) and words[following].startswith(_HROMADA_NOUNS):
            return True
    return False


_BASE_WORDS = frozenset(
    fold(word)
    for word in (
        *("всього", "усього", "загалом", "базі", "всего", "базе"),
        *("total", "altogether", "base", "database"),
    )
)


_BASE_WORDS = frozenset(fold(word) for word in ("базі", "базе", "base", "database"))


def _names_the_base(reading: Reading) -> bool:
    return any(fold(token.text) in _BASE_WORDS for token in reading.tokens)


# Crimea and the temporarily occupied territories, by the starts of the words residents use.
_OCCUPIED_LAND = tuple(
    fold(stem)
    for stem in (
        *("крим", "крым", "crimea", "krym"),
        *("окупова", "оккупир", "occupied", "ордло", "ордлр"),
    )
)


def _names_occupied_land(reading: Reading) -> bool:
    """Whether the question names Crimea or the temporarily occupied territories («Криму»,
    «на окупованих територіях», "occupied territories") rather than a hromada."""
    return any(fold(token.text).startswith(_OCCUPIED_LAND) for token in reading.tokens)


# «як знайти партнерів Харкова», "how can I find Kharkiv's partners?": a look-up of what
# exists, unless new ones are sought («нових партнерів», "new partners").
_FINDING_STEMS = tuple(fold(stem) for stem in ("знайт", "найт", "find", "дізна", "узна"))
_NEW_STEMS = tuple(fold(stem) for stem in ("нов", "new", "more", "other", "інш", "друг"))


def _looks_up(reading: Reading) -> bool:
    """Whether a how-to question naming a hromada or partner only asks to find what the
    records hold: a verb of finding and no word asking for new ones."""
    words = [fold(token.text) for token in reading.tokens]
    if any(word.startswith(_NEW_STEMS) for word in words):
        return False
    return any(word.startswith(_FINDING_STEMS) for word in words)


def _names_besides_occupied_land(found: _Found) -> bool:
    """Whether the question names a partner, a country or a hromada other than by a word for
    Crimea («Кримка», a near match of «Крыма», is that word read as a village)."""
    if found.places or found.countries or found.regions:
        return True
    return any(not fold(text).startswith(_OCCUPIED_LAND) for _codes, text, _ in found.hromadas)


def _counts_all_agreements(reading: Reading, entities: Entities) -> bool:
    """Whether the question counts every agreement of the base: «скільки всього угод у базі»,
    "how many agreements are there in total", or bare "How many agreements are there?" (no
    country, kind, status or year named). A bare count after a hromada's question counts that
    hromada's (the caller leaves it to the conversation unless the base is named)."""
    if entities.country or entities.kind or entities.status or entities.year or entities.region:
        return False
    return Cue.AGREEMENTS in reading.cues and not _counts_hromadas(reading)


def _elliptical(reading: Reading, own: _Own, intent: Intent | None) -> bool:
    """Whether the question leans on the previous one: for its subject, or for what it asks.

    A follow-up opener ("а", "and", "what about"), an ordinal, a question without a subject of
    its own, or a bare name ("Mena" after "Kharkiv's partners?") is elliptical.
    """
    entities = own.entities
    if reading.is_follow_up or reading.ordinal is not None:
        return True
    if intent is None and not reading.cues - {Cue.WHO}:
        return True
    return not (entities.hromada or own.ambiguous or entities.place)


def _listed_pick(reading: Reading, context: Context | None, snapshot: Snapshot) -> str | None:
    """The agreement the ordinal picks from the partners the previous answer listed."""
    if reading.ordinal is None or context is None or not context.listed_agreements:
        return None
    listed = context.listed_agreements
    index = reading.ordinal - 1 if reading.ordinal > 0 else len(listed) - 1
    if not 0 <= index < len(listed) or listed[index] not in snapshot.agreements:
        return None
    return listed[index]


def _follow_up_intent(
    reading: Reading, previous: Intent | None, intent: Intent | None
) -> Intent | None:
    """The intent a follow-up continues, when its own words do not settle it."""
    if previous is Intent.COUNT and Cue.LIST in reading.cues:
        return Intent.AID if Cue.AID in reading.cues else None
    if intent is None:
        if Cue.WHEN in reading.cues and previous in _ASKED_ABOUT_ONE:
            return Intent.SIGNED
        if previous in _CONTINUABLE:
            return previous
        return None
    generic = {Intent.PARTNERS, Intent.RELATION}
    if previous in (Intent.PARTNERS, Intent.COUNT) and _asks_which_listed_are_in_force(reading):
        # «а які з них діють?» after a hromada's partners, or «а які з них чинні?» after how
        # many it signed in 2023, narrows the list to those in force.
        return Intent.PARTNERS
    if (
        intent is Intent.PARTNERS
        and previous in _ABOUT_ONE_AGREEMENT - {Intent.PLACE}
        and _asks_for_partners(reading)
    ):
        # "and its partners?", «а інші партнери?» after "when was the Leeds pledge signed?"
        # ask for the hromada's partners, not for that signing again.
        return intent
    if reading.is_follow_up and intent in generic and previous in _ABOUT_ONE_AGREEMENT - generic:
        if Cue.SIGNED in reading.cues and Cue.PERSON not in reading.cues:
            # «а меморандум підписали?» after «хто підписав?» asks whether it was signed,
            # not who signed it: its own verb says what it asks.
            return Intent.SIGNED
        # "а угода з Олайне?" after "when does it expire?" asks the same about another one.
        return previous
    return intent


# "Of them": the items the previous answer listed.
_OF_THEM = ("з них", "із них", "зі них", "серед них", "из них", "среди них", "of them", "of those")
# Words saying an agreement is in force, not when it ends ("which of them expire?").
_IN_FORCE_STEMS = ("діє", "діют", "чинн", "действ", "in force", "active", "valid")


def _says_of_them(reading: Reading) -> bool:
    """Whether the question narrows what the previous answer listed: «з них», "of them"."""
    words = " ".join(fold(token.text) for token in reading.tokens)
    return any(f" {phrase} " in f" {words} " for phrase in _OF_THEM)


def _asks_which_listed_are_in_force(reading: Reading) -> bool:
    """Whether the question asks which of the items listed before are in force («а які з
    них діють?», "which of them are in force?"), not until when they run."""
    if Cue.EXPIRY not in reading.cues or reading.cues & {Cue.WHEN, Cue.SINCE}:
        return False
    words = " ".join(fold(token.text) for token in reading.tokens)
    in_force = any(stem in words for stem in _IN_FORCE_STEMS)
    return in_force and any(f" {phrase} " in f" {words} " for phrase in _OF_THEM)


# Words asking until when an agreement runs, not whether it does («до коли діє?»).
_TERM_WORDS = ("до коли", "доки", "термін", "строк", "до какого", "срок", "until", "how long")


# «втратили чинність», «більше не діють», «утратили силу», "no longer in force", "expired":
# folded, each a phrase that opens a word (or the word itself, ending in a space).
_ENDED_PHRASES = tuple(
    fold(phrase)
    for phrase in (
        *("втратил", "втратив", "не діють", "не чинн", "нечинн", "недійсн"),
        *("закінчил", "закінчивс", "скінчил", "скінчивс", "завершил", "спливл"),
        *("утратил", "не действ", "недействит", "истекл", "истек ", "закончил", "кончил"),
        *("expired", "lapsed", "no longer", "not in force", "ended", "ran out", "run out"),
    )
)


def _asks_which_ended(reading: Reading) -> bool:
    """Whether the question asks for agreements whose term has run out or that lost force
    («Які угоди втратили чинність?», «какие соглашения уже не действуют», "Which agreements
    have expired?"), not whether one is still in force or when one runs out."""
    cues = reading.cues
    if Cue.EXPIRY not in cues and Cue.AGREEMENTS not in cues and Cue.PARTNER not in cues:
        return False
    if cues & {Cue.WHEN, Cue.SINCE} or reading.years or reading.until is not None:
        return False
    words = f" {' '.join(fold(token.text) for token in reading.tokens)} "
    return any(f" {phrase}" in words for phrase in _ENDED_PHRASES)


def _asks_which_are_in_force(reading: Reading) -> bool:
    """Whether the question asks which agreements are in force («Які угоди Харкова чинні?»,
    «Які з угод Харкова ще діють?», "Which of Kharkiv's agreements are in force?"), not
    until when they run nor whether one is."""
    cues = reading.cues
    if Cue.EXPIRY not in cues or cues & {Cue.WHEN, Cue.SINCE}:
        return False
    if not cues & {Cue.WHO, Cue.LIST} or reading.years or reading.until is not None:
        # «Які угоди діють до 2028?» asks what runs out by then.
        return False
    words = f" {' '.join(fold(token.text) for token in reading.tokens)} "
    if any(word in words for word in _TERM_WORDS):
        return False
    return any(stem in words for stem in _IN_FORCE_STEMS)


# The words that ask for partners themselves, whatever kind of agreement ties them.
_PARTNERS_WORDS = ("партнер", "партнёр", "partner")


def _asks_for_partners(reading: Reading) -> bool:
    """Whether the question asks for partners («а які в нього партнери?», "and its other
    partners?") and names none of them nor a kind of agreement («а угода з Олайне?»)."""
    if any(ref.kind is EntityKind.PLACE for m in reading.mentions for ref in m.refs):
        return False
    if _asks_with_whom(reading):
        # «а з ким він партнер?» asks for the hromadas partnered with the town.
        return False
    return any(fold(token.text).startswith(_PARTNERS_WORDS) for token in reading.tokens)


def _partnered_hromada(
    place: str, snapshot: Snapshot, previous: str | None
) -> tuple[str | None, bool]:
    """The hromada a named partner resolves to, and whether several are partnered with it."""
    partners = list(dict.fromkeys(a.hromada for a in snapshot.agreements_by_place.get(place, ())))
    if previous in partners:
        return previous, False
    if len(partners) == 1:
        return partners[0], False
    return None, len(partners) > 1


def _social(
    reading: Reading, names: bool, in_conversation: bool
) -> tuple[frozenset[Cue], Meaning | None]:
    """The cues with "help" settled, and the meaning of a social or off-topic message."""
    cues = reading.cues
    if Cue.HELP_OR_AID in cues:
        # "help" is the bot's help alone, and aid when someone is named or already discussed.
        if names or (in_conversation and not cues & {Cue.THANKS, Cue.GREETING}):
            cues = cues | {Cue.AID}
        else:
            cues = (cues - {Cue.AID}) | ({Cue.HELP} if Cue.THANKS not in cues else set())
    domain_cues = cues & _DOMAIN_CUES
    if Cue.OFF_TOPIC in cues and not cues & {Cue.PARTNER, Cue.TWIN, Cue.AID}:
        return cues, Meaning(
            Intent.OUT_OF_DOMAIN, rule="an off-topic word and no partnership words"
        )
    social = [intent for cue, intent in _SOCIAL.items() if cue in cues]
    if social and not domain_cues and not names:
        return cues, Meaning(social[0], rule="a social phrase and no names")
    return cues, None


# A question opening with one of these asks for a thing («Що отримав Харків з Німеччини?»,
# «Что получил…», colloquial «Шо там у Харкова з Лідсом?»); elsewhere «що»/«что» joins clauses
# («Чи правда, що…»), so only the opener.
_WHAT_OPENERS = frozenset({"що", "что", "чого", "чего", "шо", "што", "чо"})
# «Як там у Харкова з Лідсом?», "How are things between Kharkiv and Leeds?" ask how things
# stand, never whether: "are" there is no yes-or-no word.
_HOW_OPENERS = frozenset({"як", "как", "how", "hows"})
# An English question opening with a question word asks for a fact, whatever auxiliary
# follows: "When does the Leeds pledge expire?" is no "does …?" to say yes to.
_WH_OPENERS = frozenset(
    {"when", "where", "who", "whom", "whose", "which", "what", "why", "until", "till", "since"}
)
# Words opening a question that asks which ones or who, in Ukrainian, Russian and English.
_WHICH_OPENERS = frozenset(
    fold(word)
    for word in (
        *("які", "яка", "який", "яке", "яких", "якої", "яку", "котрі", "котра", "котрий", "хто"),
        *("какие", "какая", "какой", "какое", "каких", "какую", "кто", "которые"),
        *("which", "what", "who", "whom", "whose"),
    )
)
_FOLLOW_UP_WORDS = frozenset({"а", "і", "й", "та", "и", "ну", "ще", "еще", "and", "so"})


def _opener(reading: Reading) -> str:
    """The question's first word after «а»/«і»/"and", folded."""
    words = [fold(token.text) for token in reading.tokens]
    return next((word for word in words if word not in _FOLLOW_UP_WORDS), "")


# Prepositions before a question word: «З якими містами…», «С какими…», "With which…".
_OPENING_PREPOSITIONS = frozenset(
    fold(word)
    for word in (
        "з",
        "із",
        "зі",
        "с",
        "со",
        "у",
        "в",
        "до",
        "від",
        "от",
        "для",
        "with",
        "from",
        "to",
        "in",
    )
)
# Question words as a preposition governs them: «з якими», «до якої», «с какими», "with which".
_GOVERNED_QUESTION_WORDS = _WHICH_OPENERS | frozenset(
    fold(word)
    for word in (
        *("якими", "яким", "якою", "якому", "якім", "котрими", "котрим", "ким", "кого"),
        *("какими", "каким", "какой", "каком", "которыми", "кем", "кого"),
    )
)
# "which" typed in haste; no English word is one letter from it but "witch".
_WHICH = "which"


def _asks_which(reading: Reading) -> bool:
    """Whether the question opens by asking which or who behind a preposition («З якими
    містами…», «С какими…», "With which…"), or with "Whihc…" or "Wich…" typed in haste (one
    letter off or swapped)."""
    words = [fold(token.text) for token in reading.tokens]
    while words and words[0] in _FOLLOW_UP_WORDS:
        words = words[1:]
    if not words:
        return False
    if (
        words[0] in _OPENING_PREPOSITIONS
        and len(words) > 1
        and words[1] in _GOVERNED_QUESTION_WORDS
    ):
        return True
    hasty = words[0] != _WHICH and words[0] != "witch"
    return hasty and (
        Levenshtein.distance(words[0], _WHICH) == 1 or sorted(words[0]) == sorted(_WHICH)
    )


# «партнери Лілля», «допомогу мені», «угоди мени», "aid to Mena": a list asked for by its
# name, not a yes or a no.
_LIST_OPENERS = frozenset(
    fold(word)
    for word in (
        *("партнери", "партнеры", "побратими", "побратимы", "partners", "twins"),
        *("допомога", "допомогу", "допомоги", "помощь", "помощи", "aid"),
        *("угоди", "угод", "договори", "соглашения", "договоры", "agreements"),
    )
)

_THERE_ARE = frozenset(fold(word) for word in ("є", "есть", "any", "чи", "ли"))


def _a_name_alone(reading: Reading) -> bool:
    """Whether the question is one place's name and nothing else: one mention spanning every
    token (a cue read from the name's own words, «Старый» as "oldest", does not count)."""
    if len(reading.mentions) != 1:
        return False
    (mention,) = reading.mentions
    return mention.first == 0 and mention.last == len(reading.tokens) - 1


def _is_yes_no(reading: Reading) -> bool:
    """Whether the question asks for a yes or a no rather than for a fact."""
    cues = reading.cues
    opener = _opener(reading)
    if opener in _HOW_OPENERS or opener in _WH_OPENERS:
        return False
    if asks_whose(reading) or is_noun_phrase(reading):
        # «домброва чия партнерка» asks for the hromada; «допомога харкову» for the facts.
        return False
    if _a_name_alone(reading):
        # «Старый Самбор», "Olaine": a place named alone asks what is known of it.
        return False
    if _asks_which(reading):
        # «З якими містами Мена має угоди?», "Whihc countries gave aid?" ask which ones.
        return False
    words = {fold(token.text) for token in reading.tokens}
    named_list = opener in _LIST_OPENERS and not any(map(is_verb, words))
    if named_list and Cue.YES_NO not in cues and not words & _THERE_ARE:
        # «партнери в Азії є?» still asks whether there are any, and «Допомогу Мена
        # отримувала?» whether it did.
        return False
    if is_english_name_phrase(reading):
        return False
    if Cue.YES_NO not in cues and opener in _WHAT_OPENERS:
        return False
    if Cue.ANYONE in cues and Cue.YES_NO in cues and not cues & {Cue.WHO, Cue.COUNT}:
        # "Is Kharkiv twinned with anyone?": "anyone" asks whether there is one, not who.
        return True
    if cues & {Cue.WHO, Cue.PERSON, Cue.WHEN, Cue.COUNT, Cue.WHERE} or reading.ordinal is not None:
        return Cue.YES_NO in cues and not cues & {Cue.WHO, Cue.PERSON}
    return True


# «хто такий …», «кто такая …», "who is …": the opening words of a question about a person.
_WHO_IS = frozenset(
    (fold(who), fold(word))
    for who, words in (
        ("хто", ("такий", "така", "такі")),
        ("кто", ("такой", "такая", "такие")),
        ("who", ("is", "was", "are")),
    )
    for word in words
)


def _asks_who_someone_is(reading: Reading) -> bool:
    """Whether the question asks who a person is: it opens with «хто такий» or "who is", says
    nothing of partnerships and names no place except by a guess at a misspelling."""
    words = [fold(token.text) for token in reading.tokens]
    while words and words[0] in _FOLLOW_UP_WORDS:
        words = words[1:]
    if len(words) < 3 or (words[0], words[1]) not in _WHO_IS:
        return False
    if reading.cues & (_DOMAIN_CUES | {Cue.OFF_TOPIC}):
        return False
    return all(mention.approximate for mention in reading.mentions)


def _inside_a_country_group(reading: Reading, mention: Mention) -> bool:
    """Whether every word of the mention belongs to the words of a question's group of
    countries («Близькому Сході», "Far East") rather than standing apart as a name."""
    if Cue.COUNTRY_GROUP not in reading.cues:
        return False
    return all(index in reading.cue_tokens for index in range(mention.first, mention.last + 1))


def _names_a_country(reading: Reading) -> bool:
    """Whether a country or a world region is named apart from a bloc's words ("Union" of
    "European Union" is not the Union of the Comoros; «Південна Африка» is a country; «Європа»
    and «ЄС» are regions the answer filters by)."""
    return any(
        ref.kind is EntityKind.COUNTRY
        and (mention.first not in reading.cue_tokens or is_world_region(ref.id))
        for mention in reading.mentions
        for ref in mention.refs
    )


# The intents a question for the agreements with no signing date is first read as.
_MAY_ASK_UNDATED = frozenset(
    {
        Intent.SIGNED,
        Intent.PARTNERS,
        Intent.NEED_CONTEXT,
        Intent.EXPIRY,
        Intent.REVERSE,
        Intent.COUNT,
        Intent.OUT_OF_DOMAIN,
    }
)


def resolve(reading: Reading, context: Context | None, snapshot: Snapshot) -> Meaning:
    """Work out what the question asks, carrying entities over from the conversation.

    This is where every intent is decided: the first reading of the question's names and
    cues, then the knowledge base as a whole or its events, the previous answer's focus, and
    the one side of a record asked about. The engine answers the result as it is.
    """
    about_event = _about_the_event(reading, context, snapshot)
    if about_event is not None:
        return about_event
    about_one = one_listed_asked(reading, context, snapshot)
    if about_one is not None:
        # «з якою громадою?», "which country?" after a list of one agreement.
        return Meaning(*about_one, rule="which hromada or country, of the one agreement listed")
    meaning = _first_meaning(reading, context, snapshot)
    meaning = _about_the_records(reading, meaning, snapshot)
    meaning = _in_focus(reading, meaning, context, snapshot)
    meaning = _narrowed(reading, meaning, context)
    meaning = _whether_it_lies_in(reading, meaning)
    if asks_undated(reading) and meaning.intent in _MAY_ASK_UNDATED:
        # «Які угоди Харкова без дати підписання?» lists those the sources leave undated.
        meaning = dataclasses.replace(
            meaning,
            intent=Intent.SIGNED,
            entities=meaning.entities.but(year=None, status=None),
            yes_no=False,
            narrow=Narrow(Aspect.UNDATED),
            rule="asks for the agreements with no signing date",
        )
    if _none_in_the_region(meaning, snapshot):
        # «партнери харкова в Південній Америці»: none there, said so with the countries its
        # partners are in, never a list that looks like an answer.
        meaning = dataclasses.replace(
            meaning,
            intent=Intent.NOT_RECORDED,
            declined=Declined.COUNTRY_GROUP,
            rule="no partner of the hromada in the world region asked",
        )
    if meaning.intent is Intent.PLACE and meaning.narrow is None and _asks_region(reading):
        # «В якому це регіоні?» is told the region is not recorded; «в якій країні олайне»
        # only the country.
        meaning = dataclasses.replace(meaning, narrow=Narrow(Aspect.REGION))
    if meaning.intent is Intent.EXPIRY and meaning.yes_no and asks_if_ended(reading):
        # «Чи закінчилась угода?» asks the opposite of «Чи ще діє?».
        meaning = dataclasses.replace(meaning, asks_ended=True)
    if meaning.picked and meaning.entities.place and asks_where(reading):
        # «а перший з них де?»: where the partner picked lies, not its agreement again.
        meaning = dataclasses.replace(meaning, intent=Intent.PLACE, yes_no=False)
    listed = listed_to_answer(meaning, context)
    if listed and meaning.pending is not None:
        # «а коли підписали?» after «Які громади мають меморандуми?»: each one listed.
        return Meaning(
            meaning.pending,
            meaning.entities,
            yes_no=meaning.yes_no,
            each=listed,
            rule="a follow-up about each agreement listed",
        )
    return meaning


# Cue words that ask about a partnership, aid or a record rather than where a town lies.
_ABOUT_RECORDS = frozenset(
    {
        Cue.PARTNER,
        Cue.TWIN,
        Cue.AGREEMENTS,
        Cue.KIND_COOPERATION,
        Cue.KIND_MEMORANDUM,
        Cue.KIND_FRIENDSHIP,
        Cue.KIND_PROTOCOL,
        Cue.AID,
        Cue.SIGNED,
        Cue.EXPIRY,
        Cue.COUNT,
        Cue.WHO,
    }
)


def _whether_it_lies_in(reading: Reading, meaning: Meaning) -> Meaning:
    """«Чи Олайне в Литві?», "Is Olaine in Lithuania?": a partner town and a country, and no
    word of partnerships, ask whether the town lies in that country; the answer says yes or
    no and where it is, never that it is no partner."""
    entities = meaning.entities
    if reading.is_follow_up or entities.place is None or entities.country is None:
        return meaning
    if meaning.intent not in (Intent.RELATION, Intent.REVERSE, Intent.PARTNERS):
        return meaning
    if len(reading.mentions) != 2 or reading.cues & _ABOUT_RECORDS:
        return meaning
    return Meaning(
        Intent.PLACE,
        entities.but(hromada=None),
        yes_no=True,
        rule="asks whether a partner town lies in a country",
    )


def _about_the_event(
    reading: Reading, context: Context | None, snapshot: Snapshot
) -> Meaning | None:
    """«а коли?», «а де?», «а хто їздив?» after an answer about an event (a conference, a
    visit, a count of meetings): that side of the event; «а де?» after a partner picked from
    a list: where the partner lies. None for any other question."""
    if context is None:
        return None
    detail = asked_detail(reading)
    if detail is None:
        return None
    events = events_in_focus(context, snapshot)
    if events:
        narrow = Narrow(Aspect.EVENTS, records=events, detail=detail)
        return Meaning(
            Intent.OVERVIEW,
            context.entities,
            narrow=narrow,
            rule="a follow-up about the event just answered",
        )
    previous = context.entities
    bare_where = detail is EventDetail.WHERE and Cue.WHERE not in reading.cues
    if bare_where and previous.place is not None and previous.place in snapshot.places:
        # «а де?» after «а останній?»: where the partner in focus lies, not its dates again.
        return Meaning(
            Intent.PLACE,
            Entities(hromada=previous.hromada, place=previous.place),
            rule="a bare «where?» about the partner in focus",
        )
    return None


def _none_in_the_region(meaning: Meaning, snapshot: Snapshot) -> bool:
    """Whether a list of a hromada's partners is asked in a world region (a continent, an M49
    sub-region, the EU) where none of its partners lies."""
    entities = meaning.entities
    region = entities.country
    if meaning.intent is not Intent.PARTNERS or meaning.yes_no or entities.hromada is None:
        return False
    if region is None or not is_world_region(region) or entities.place is not None:
        return False
    agreements = snapshot.agreements_by_hromada.get(entities.hromada, ())
    return not any(in_region(snapshot.places[a.place].country, region) for a in agreements)


# Word starts of a partner's region: «регіоні», «області», «штаті», "region", "state".
_REGION_WORDS = (
    *("регіон", "област", "облас", "штат", "провінц", "воєвод", "округ", "земл"),
    *("region", "state", "province", "county", "oblast"),
)


def _asks_region(reading: Reading) -> bool:
    """Whether a question about where a partner is asks for its region («В якому це регіоні?",
    "Which state is Cincinnati in?"), not only its country."""
    return any(fold(token.text).startswith(_REGION_WORDS) for token in reading.tokens)


def _first_meaning(reading: Reading, context: Context | None, snapshot: Snapshot) -> Meaning:
    """What the question's names and cues ask, carrying entities over from the conversation."""
    reading = _without_guessed_countries(reading)
    found = _collect(reading, snapshot)
    own = _own(reading, found, snapshot, context)
    previous = context.entities if context is not None else Entities()
    previous_intent = context.intent if context is not None else None
    names = bool(found.hromadas or found.places or found.countries or found.regions)
    outright = _beyond_the_records(reading, own, names, snapshot)
    if outright is not None:
        return outright
    if _names_occupied_land(reading) and not _names_besides_occupied_land(found):
        # «партнери Криму», "partners in the occupied territories": no hromada by that name.
        return Meaning(
            Intent.NOT_RECORDED,
            own.entities.but(hromada=None),
            declined=Declined.OCCUPIED,
            rule="asks about Crimea or the temporarily occupied territories",
        )
    cues, social = _social(
        reading, names or bool(own.entities.hromada), previous.hromada is not None
    )
    if social is not None:
        return social
    cues = _cues_meant(reading, cues)
    if cues != reading.cues:
        reading = Reading(**{**reading.__dict__, "cues": cues})
    compared = _comparison(cues, found, own, context)
    if compared is not None:
        return compared
    intent = _intent_from_cues(cues, own.entities)
    sender = _world_town(reading) if intent is Intent.AID else None
    if sender is not None and not (own.entities.place or own.entities.country):
        # «Хто отримував допомогу з Вроцлава?»: the records name the donor country, rarely the
        # town; the answer says so and shows the aid from the town's country.
        return Meaning(
            Intent.AID,
            own.entities.but(country=sender.country),
            world_town=sender,
            rule="aid from a foreign town the records name only by its country",
        )
    decided = _yes_or_no(reading, _decide(reading, own, intent, context, snapshot), context)
    settled = _settled(decided, own, snapshot, cues, previous_intent)
    abroad = _town_abroad(reading, settled, cues, names=names, ambiguous=bool(own.ambiguous))
    if abroad is not None:
        return abroad
    named = found.settlements.get(settled.entities.hromada or "")
    if named is not None:
        settled = dataclasses.replace(settled, settlement=named)
    return _several_partners(reading, found, own, settled, snapshot)


def _beyond_the_records(
    reading: Reading, own: _Own, names: bool, snapshot: Snapshot
) -> Meaning | None:
    """The meaning of a question about a person, a procedure, a continent or what a word
    means, which the records of agreements do not answer as such; None for any other."""
    signed = None if names else signed_by_person(reading.tokens, snapshot, reading.text)
    if signed is not None:
        # «хто такий тімоті келлер», "who is Ihor Terekhov?": the notes naming him as a
        # signatory say who he is and what he signed.
        return Meaning(
            Intent.SIGNATORIES,
            Entities(hromada=signed.hromada, place=signed.place, agreement=signed.key),
            rule="a person the notes name as a signatory",
        )
    if _asks_who_someone_is(reading):
        # «хто такий Іван Петренко», "who is Ivan Petrenko?": a person the notes do not name,
        # never a village or a country whose name is close to the surname.
        return Meaning(Intent.NOT_RECORDED, rule="asks who a person is; no signatory by that name")
    if Cue.HOW_TO in reading.cues and not (names and _looks_up(reading)):
        # «Як стати містом-побратимом?»: how to arrange one, not a fact of the records.
        return Meaning(
            Intent.NOT_RECORDED,
            own.entities,
            declined=Declined.HOW_TO,
            rule="asks how to do something",
        )
    if Cue.COUNTRY_GROUP in reading.cues and not _names_a_country(reading):
        # «партнери з ЄС», "in Asia": said plainly, never answered as if the filter held.
        asks_aid = bool(reading.cues & {Cue.AID, Cue.HELP_OR_AID})
        return Meaning(
            Intent.NOT_RECORDED,
            own.entities.but(country=None, topic=Topic.AID if asks_aid else own.entities.topic),
            declined=Declined.COUNTRY_GROUP,
            rule="asks by a continent or a bloc of countries",
        )
    defined = () if names else defined_kinds(reading.text, reading.cues)
    if defined:
        # «чим відрізняється меморандум від побратимства» asks what the words mean.
        return Meaning(Intent.DEFINITION, defined=defined, rule="asks what a kind means")
    return None


def _cues_meant(reading: Reading, cues: frozenset[Cue]) -> frozenset[Cue]:
    """The cues without those their context shows the question does not mean."""
    if Cue.PERSON in cues and Cue.SIGNED in cues and _asks_with_whom(reading):
        # «з ким підписали?», "with whom did they sign" ask for the partner, not for who
        # signed; «Колумбус з ким співпрацює?» still asks whose partner Columbus is.
        cues = cues - {Cue.PERSON}
    if cues & {Cue.END_OF_YEAR, Cue.START_OF_YEAR} and not _asks_expiry(reading, cues):
        # "What did Kharkiv sign at the end of 2023?", "and at the end of the year?": the end
        # of a year, not of an agreement's term.
        cues = cues - {Cue.EXPIRY}
    return cues


def _yes_or_no(reading: Reading, decided: Meaning, context: Context | None) -> Meaning:
    """The decided meaning, asking for a yes or a no only when the question's words do."""
    cues = reading.cues
    if decided.intent is Intent.SIGNED and decided.yes_no and cues & {Cue.WHEN, Cue.SINCE}:
        # "When was the Leeds pledge signed?" asks for a date, not whether it was signed.
        return dataclasses.replace(decided, yes_no=False)
    asked_before = context is not None and context.yes_no and context.intent is Intent.PARTNERS
    asked_again = asked_before and reading.is_follow_up and not cues - _BARE_FOLLOW_UP_CUES
    about = decided.entities.country or decided.entities.region or decided.entities.kind
    asks_what = cues & {Cue.WHO, Cue.PERSON, Cue.COUNT, Cue.WHEN, Cue.WHERE}
    if decided.intent is Intent.PARTNERS and about and (decided.yes_no or not asks_what):
        # "Партнери Куп'янська в США" lists them; "Чи є у Куп'янська партнер у США?" and
        # «у харькова есть побратимы в чехии?» say yes or no; «а в італії?» after «чи є в
        # харкова партнери в британії?» asks yes or no again.
        return dataclasses.replace(decided, yes_no=asked_again or _asks_existence(reading))
    if decided.intent is Intent.PARTNERS and decided.yes_no:
        # "Партнери Мени", «а мені?» list them; «Чи є у Мени партнери?», "Has Mena got any
        # partners?" ask whether there are any, and «а в Куп'янська?» after one asks again.
        if asked_before and reading.is_follow_up:
            return decided
        return dataclasses.replace(decided, yes_no=_asks_existence(reading))
    if decided.intent is Intent.REVERSE and decided.yes_no:
        # «партнери в Англії» lists them; «чи є партнери в Англії?» says yes or no, and so
        # does «а в італії?» after «чи є в харкова партнери в британії?».
        return dataclasses.replace(decided, yes_no=asked_again or _asks_existence(reading))
    return decided


def _town_abroad(
    reading: Reading, settled: Meaning, cues: frozenset[Cue], *, names: bool, ambiguous: bool
) -> Meaning | None:
    """A "no" for a foreign town of the world gazetteer no record names, when the question
    asks about it; None when it names none or asks otherwise."""
    paired = settled.entities
    if (
        settled.intent in (Intent.PARTNERS, Intent.RELATION)
        and paired.hromada is not None
        and not paired.place_filters
        and not settled.unknown_partner
        and cues & {Cue.TWIN, Cue.PARTNER}
        and _asks_existence(reading)
    ):
        town = _world_town(reading)
        if town is not None:
            # «чи є у харкова партнер у вроцлаві?»: no record names Wrocław, so a "no".
            written = town.name
            if reading.lang == "uk" and town.name_uk:
                # The answer says «з Вроцлавом»: the name after «з» is in the instrumental.
                written = town.name_uk[:1] + inflect(town.name_uk, "ablt")[1:]
            return _no_partnership(
                paired.hromada,
                paired.kind,
                written,
                "a yes-or-no question naming a town abroad the records do not know",
            )
    if not names and not ambiguous and _asks_partners_of_anyone(settled, cues):
        town = _world_town(reading)
        if town is not None:
            # «побратими вроцлава», "who is twinned with Wroclaw?": no hromada has it as a
            # partner, which is the answer, not "which hromada?" nor every twin city.
            return Meaning(
                Intent.REVERSE,
                Entities(kind=settled.entities.kind),
                yes_no=settled.yes_no,
                world_town=town,
                rule="a foreign town no hromada partners with",
            )
    return None


# Questions about a pair a question may ask of several partners at once.
_OF_SEVERAL_PARTNERS = frozenset(
    {Intent.RELATION, Intent.SIGNED, Intent.EXPIRY, Intent.SIGNATORIES, Intent.AREAS}
)
_BARE_FOLLOW_UP_CUES = frozenset(
    {Cue.FOLLOW_UP, Cue.WHO, Cue.YES_NO, Cue.PARTNER, Cue.TWIN, Cue.AGREEMENTS}
)


def _several_partners(
    reading: Reading, found: _Found, own: _Own, meaning: Meaning, snapshot: Snapshot
) -> Meaning:
    """«а Брно і Лілль?», «чи має харків угоди з брно та ліллем?»: the same asked of each partner
    named; in a bare follow-up, the towns abroad no record names as well («а брно і рим?»)."""
    entities = meaning.entities
    if (
        meaning.intent not in _OF_SEVERAL_PARTNERS
        or entities.hromada is None
        or entities.place is None
        or own.entities.place != entities.place
    ):
        return meaning
    places = [
        _likeliest_place(candidates, entities.hromada, snapshot) for candidates in found.places
    ]
    also = tuple(dict.fromkeys(key for key in places if key != entities.place))
    unknown: tuple[str, ...] = ()
    bare = not reading.cues - _BARE_FOLLOW_UP_CUES
    if meaning.intent is Intent.RELATION and reading.is_follow_up and bare:
        unknown = tuple(_written_town(reading, town) for town in _world_towns(reading))
    if not also and not unknown:
        return meaning
    return dataclasses.replace(meaning, also=also, also_unknown=unknown)


def _comparison(
    cues: frozenset[Cue], found: _Found, own: _Own, context: Context | None
) -> Meaning | None:
    """«у кого більше партнерів, харків чи мена?», «скільки партнерів у харкова і скільки у
    купянська», "compare Kharkiv and Kupiansk": both counts, side by side; "which has more?"
    after them compares the same two again."""
    codes = list(
        dict.fromkeys(next(iter(c)) for c, _text, _usual in found.hromadas if len(c) == 1)
    )
    entities = own.entities
    kind = entities.kind
    topic: Topic | None
    if len(codes) >= 2 and cues & {Cue.COMPARE, Cue.COUNT}:
        first, second = codes[0], codes[1]
        rule = "compares two hromadas"
        topic = _count_topic(cues)
    elif (
        len(codes) >= 2
        and context is not None
        and context.entities.compared is not None
        and _intent_from_cues(cues, entities) is None
    ):
        # «а Мена чи Куп'янськ?» after a comparison compares the two named the same way.
        first, second = codes[0], codes[1]
        rule = "compares two hromadas as the comparison before"
        topic = context.entities.topic
        kind = kind or context.entities.kind
    elif (
        context is not None
        and context.entities.compared is not None
        and context.entities.hromada is not None
        and not codes
        and Cue.COMPARE in cues
    ):
        first, second = context.entities.hromada, context.entities.compared
        rule = "compares the two hromadas compared before"
        topic = _count_topic(cues) if cues - {Cue.COMPARE, Cue.WHO} else context.entities.topic
        kind = kind or context.entities.kind
    elif (
        context is not None
        and context.intent is Intent.COUNT
        and len(context.counted) == 2
        and not codes
        and Cue.COMPARE in cues
    ):
        # "How many partners does Kharkiv have?", "and Mena?", then "which has more?".
        first, second = context.counted
        rule = "compares the two hromadas counted before"
        named_topic = cues & {Cue.AGREEMENTS, Cue.TWIN, Cue.PARTNER}
        topic = _count_topic(cues) if named_topic else context.entities.topic
        kind = kind or context.entities.kind
    else:
        return None
    if topic not in (Topic.PARTNERS, Topic.AGREEMENTS):
        topic = Topic.PARTNERS
    return Meaning(
        Intent.COUNT,
        Entities(hromada=first, compared=second, kind=kind, topic=topic),
        rule=rule,
    )


def _asks_partners_of_anyone(meaning: Meaning, cues: frozenset[Cue]) -> bool:
    """Whether a question naming no hromada asks about partners: "which hromada?" or whose."""
    if not cues & {Cue.TWIN, Cue.PARTNER}:
        return False
    entities = meaning.entities
    if meaning.intent is Intent.NEED_HROMADA:
        return entities.hromada is None
    return meaning.intent is Intent.REVERSE and not entities.place_filters


# Case endings residents add to a partner's name that Ukrainian does not decline (Олайне,
# Кошице): «з Олайном», «в Олайні», «до Олайни».
_CASE_ENDINGS = (
    "ами",
    "ями",
    "ом",
    "ем",
    "єм",
    "ою",
    "ею",
    "ої",
    "ій",
    "а",
    "я",
    "у",
    "ю",
    "і",
    "и",
    "е",
    "о",
)
# The shortest stem that still tells one partner's name from another's.
_SHORTEST_STEM = 4


def _stem(word: str) -> str:
    """A folded word without its case ending, when what is left is long enough to compare."""
    for ending in _CASE_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _SHORTEST_STEM:
            return word[: -len(ending)]
    return word


def _declined_partner(written: str, hromada: str, snapshot: Snapshot) -> str | None:
    """The key of the hromada's one partner whose name, declined, is `written`, else None.

    Only the hromada's own partners are compared, and only a one-word name of the same stem,
    so that «з Олайном» finds Olaine for Mena and no other town.
    """
    words = written.split()
    if len(words) != 1:
        return None
    stem = _stem(fold(words[0]))
    if len(stem) < _SHORTEST_STEM:
        return None
    found = {
        agreement.place
        for agreement in snapshot.agreements_by_hromada.get(hromada, ())
        if any(
            _stem(fold(name)) == stem
            for place in (snapshot.places[agreement.place],)
            for name in (place.name.uk, place.name.en, place.name_local)
            if " " not in name
        )
    }
    return found.pop() if len(found) == 1 else None


def _no_partnership(hromada: str, kind: AgreementKind | None, partner: str, rule: str) -> Meaning:
    """A yes-or-no question about the hromada and a partner no record names: a "no" about
    `partner` as written (the answer quotes it)."""
    return Meaning(
        Intent.RELATION,
        Entities(hromada=hromada, kind=kind),
        yes_no=True,
        unknown_partner=partner,
        rule=rule,
    )


# A shorter word that happens to name a town abroad ("Is", «Бар») is too often a word; a
# three-letter one counts only for a city this large (Rome, «а Рим?»).
_SHORTEST_TOWN = 4
_SHORT_TOWN = 3
_SHORT_TOWN_POPULATION = 1_000_000
# An everyday Ukrainian word typed in lower case («у базі», «з баром») names a town abroad only
# when the town is this large («у римі», «з ліллем»): a word the dictionary knows, given to a
# small town (Baza, Bar), is far likelier the word. Word frequencies (the wordfreq package)
# would tell common words better, but its Ukrainian list takes ten seconds and 70 MB to load.
_COMMON_WORD_TOWN_POPULATION = 100_000


# The most words a foreign town's name runs to in a question: «Нью-Йорка», "Los Angeles".
_LONGEST_TOWN_NAME = 3


def _world_towns(reading: Reading) -> list[WorldPlace]:
    """The foreign towns (GeoNames) the words of the question name, that no known name covers,
    in the question's order, the largest of each name's: «вроцлава», «у вроцлаві» and
    "Wroclaw" all give Wrocław, «а Париж і Лондон?» Paris and London, and a run of words
    its town: «Нью-Йорка» is New York, not York."""
    named = {
        index for mention in reading.mentions for index in range(mention.first, mention.last + 1)
    }
    tokens = reading.tokens

    def usable(index: int) -> bool:
        token = tokens[index]
        return not (
            token.is_number
            or index in named
            or index in reading.cue_tokens
            or not _written_as_a_name(reading, index)
        )

    by_start: dict[int, WorldPlace] = {}
    covered: set[int] = set()
    for size in range(_LONGEST_TOWN_NAME, 0, -1):
        for start in range(len(tokens) - size + 1):
            span = range(start, start + size)
            if covered.intersection(span) or not all(usable(index) for index in span):
                continue
            words = [fold(tokens[index].text) for index in span]
            if size == 1 and len(words[0]) < _SHORT_TOWN:
                continue
            latin = all(tokens[index].is_latin for index in span)
            found = _towns_named(words, latin=latin, several=size > 1)
            if size == 1 and len(words[0]) < _SHORTEST_TOWN:
                found = [town for town in found if town.population >= _SHORT_TOWN_POPULATION]
            if size == 1 and _an_everyday_word_in_lower_case(reading, start):
                found = [town for town in found if town.population >= _COMMON_WORD_TOWN_POPULATION]
            largest = max(found, key=lambda town: town.population, default=None)
            if largest is not None:
                by_start[start] = largest
                # «Нью-Йорка» is New York: its words name no other town («Йорк»).
                covered.update(span)
    towns: list[WorldPlace] = []
    for start in sorted(by_start):
        if by_start[start] not in towns:
            towns.append(by_start[start])
    return towns


def _an_everyday_word_in_lower_case(reading: Reading, index: int) -> bool:
    """Whether the word at `index` is written in lower case (or capitalised only because it
    opens a sentence) and the Ukrainian dictionary knows it as an ordinary word («базі»,
    «бару»), not only as a name, or the Russian one only as an ordinary word («базе»)."""
    token = reading.tokens[index]
    if token.is_latin or _capitalised_as_a_name(reading, index):
        return False
    return is_dictionary_word(token.text) or is_russian_common_word(token.text)


_SENTENCE_ENDS = frozenset(".!?…")


def _capitalised_as_a_name(reading: Reading, index: int) -> bool:
    """Whether the word at `index` starts with a capital letter that does not merely open a
    sentence: «Усі» first in a question is written as every sentence is, «з Усі» as a name."""
    token = reading.tokens[index]
    if not reading.text[token.start : token.start + 1].isupper():
        return False
    before = reading.text[: token.start].rstrip(" \t\n«»\"'“”„(-—–")
    return bool(before) and before[-1] not in _SENTENCE_ENDS


def _towns_named(words: list[str], *, latin: bool, several: bool) -> list[WorldPlace]:
    """The towns the words name, the last word in any of its forms («Нью-Йорка»)."""
    found: list[WorldPlace] = []
    for last in sorted({words[-1]} | lemmas(words[-1])):
        form = " ".join([*words[:-1], last])
        key = place_key(form)
        for town in world_places_named(form).values():
            # Only a town's own or Ukrainian name: other names GeoNames lists are too often
            # words («стадії» is Helsinki's slang name "Stadi", "never" a form of Nevers).
            # A Latin word is compared with the town's own name, a Cyrillic one with its
            # Ukrainian name: "never" would otherwise be «Невер» (Nevers). Several words
            # together are no everyday word: "New York" is New York City's other name.
            names = [town.name if latin else town.name_uk or ""]
            if several:
                names += [town.name, town.name_uk or "", *town.other_names]
            if any(key == place_key(name) for name in names if name):
                found.append(town)
    return found


def _without_guessed_countries(reading: Reading) -> Reading:
    """The reading without a country guessed from a misspelling where the word is a foreign
    town's own name: "a partner in Nice" is Nice, France, not Niue."""
    kept = tuple(
        mention for mention in reading.mentions if not _a_town_not_a_country(reading, mention)
    )
    if len(kept) == len(reading.mentions):
        return reading
    return dataclasses.replace(reading, mentions=kept)


def _a_town_not_a_country(reading: Reading, mention: Mention) -> bool:
    if not mention.approximate or mention.first != mention.last:
        return False
    if not any(ref.kind is EntityKind.COUNTRY for ref in mention.refs):
        return False
    if not _written_as_a_name(reading, mention.first):
        return False
    token = reading.tokens[mention.first]
    return bool(_towns_named([fold(token.text)], latin=token.is_latin, several=False))


def _world_town(reading: Reading) -> WorldPlace | None:
    """The largest foreign town (GeoNames) a word of the question names, that no known name
    covers."""
    return max(_world_towns(reading), key=lambda town: town.population, default=None)


def _written_town(reading: Reading, town: WorldPlace) -> str:
    """The town's name as an answer quotes it after «з» (instrumental) or "with"."""
    if reading.lang != "en" and town.name_uk:
        return town.name_uk[:1] + inflect(town.name_uk, "ablt")[1:]
    return town.name


_WHOM = frozenset({"ким", "кем", "whom", "who"})


def _asks_with_whom(reading: Reading) -> bool:
    """Whether "who" in the question is «з ким» / "with whom", and no other "who"."""
    words = [fold(token.text) for token in reading.tokens]
    asked = [index for index, word in enumerate(words) if word in _WHOM]
    return bool(asked) and all(index > 0 and words[index - 1] in _WITH for index in asked)


# Folded as the question's words are («есть» loses its soft sign).
_EXISTENCE_WORDS = frozenset(
    fold(word) for word in ("є", "має", "мають", "есть", "имеет", "имеют", "have", "has")
)


_ENGLISH_ANY = frozenset({"any", "anyone", "anybody"})


def _asks_existence(reading: Reading) -> bool:
    """Whether a question asks if something exists: «чи», "does", or «є»/"has" and a "?".

    A question opening with "which" or "who" («Які громади мають партнерів у Японії?",
    "Which hromadas have partners in Japan?") asks for a list, never for a yes or a no."""
    if _opener(reading) in _WHICH_OPENERS or _asks_which(reading):
        return False
    if Cue.YES_NO in reading.cues or _opener(reading) in _ENGLISH_ANY:
        # "Any partners in Africa?" is "are there any", with or without its question mark.
        return True
    asks = reading.text.rstrip().endswith("?")
    if asks and Cue.ANYONE in reading.cues:
        # «Тампа побратим какого-нибудь города?»: "any" asks whether there is one.
        return True
    return asks and any(fold(token.text) in _EXISTENCE_WORDS for token in reading.tokens)


def _decide(
    reading: Reading,
    own: _Own,
    intent: Intent | None,
    context: Context | None,
    snapshot: Snapshot,
) -> Meaning:
    """The meaning before the checks that turn it into a polite non-answer."""
    previous = context.entities if context is not None else Entities()
    yes_no = _is_yes_no(reading)
    picked = _picked_from_list(reading, intent, context, snapshot, yes_no=yes_no)
    if picked is not None:
        return picked
    counted = _what_was_counted(reading, context)
    if counted is not None:
        return counted
    listed = _when_one_listed_was_signed(reading, own, intent, context, snapshot)
    if listed is not None:
        return listed
    nation_wide = _nation_wide_meaning(reading, own, intent, previous)
    if nation_wide is not None:
        return nation_wide
    elliptical = _elliptical(reading, own, intent)
    if not elliptical:
        return _fresh(reading, own, intent, previous, snapshot, yes_no)
    if context is None:
        return _with_nothing_before(reading, own, intent, snapshot, yes_no=yes_no)
    unknown = _unknown_partner_follow_up(reading, own, context)
    if unknown is not None:
        return unknown
    abroad = _town_abroad_follow_up(reading, own, context, snapshot)
    if abroad is not None:
        return abroad
    if not _carries_anything(reading):
        # "asdkjh qwe", "lorem ipsum": no word of it continues the conversation.
        return Meaning(Intent.OUT_OF_DOMAIN, rule="no cue, name or number to continue with")
    return _inherited(reading, own, intent, context, snapshot, yes_no)


def _picked_from_list(
    reading: Reading,
    intent: Intent | None,
    context: Context | None,
    snapshot: Snapshot,
    *,
    yes_no: bool,
) -> Meaning | None:
    """ "The second one": the pair of the item picked from the previous answer's list, or None
    when the question picks none."""
    picked = _listed_pick(reading, context, snapshot)
    if picked is None:
        return None
    agreement = snapshot.agreements[picked]
    previous_intent = context.intent if context is not None else None
    continued = _follow_up_intent(reading, previous_intent, intent)
    if continued in (None, Intent.PARTNERS, Intent.REVERSE, Intent.EXPIRING, Intent.OVERVIEW):
        continued = Intent.RELATION
    picked_entities = Entities(hromada=agreement.hromada, place=agreement.place)
    return Meaning(
        continued,
        picked_entities,
        picked=True,
        yes_no=yes_no and Cue.YES_NO in reading.cues,
        rule=f"item {reading.ordinal} of the partners the previous answer listed",
    )


def _what_was_counted(reading: Reading, context: Context | None) -> Meaning | None:
    """«а які?» after a count: the list of what it counted, or None for any other question."""
    if context is None or context.intent is not Intent.COUNT:
        return None
    previous = context.entities
    asks_which = Cue.LIST in reading.cues or (
        reading.is_follow_up and not reading.cues - {Cue.WHO} and Cue.WHO in reading.cues
    )
    if not (asks_which and previous.hromada):
        return None
    listing = Intent.AID if previous.topic is Topic.AID else Intent.PARTNERS
    if previous.topic is Topic.MEETINGS:
        listing = Intent.OVERVIEW
    return Meaning(
        listing,
        Entities(
            hromada=previous.hromada,
            topic=previous.topic,
            kind=previous.kind,
            country=previous.country,
        ),
        rule="lists what the count counted",
    )


def _turned_to_ukraine(reading: Reading, own: _Own, previous: Entities) -> _Own:
    """A follow-up that turns to the whole country («а по всей Украине?», "and nationwide?")
    keeps the previous question's year, kind and status, and never its hromada or partner."""
    entities = own.entities
    if not reading.is_follow_up or Cue.UKRAINE not in reading.cues:
        return own
    if entities.hromada or entities.place or own.ambiguous:
        return own
    kept = dataclasses.replace(
        entities,
        year=entities.year or previous.year,
        kind=entities.kind or previous.kind,
        status=entities.status or previous.status,
    )
    return dataclasses.replace(own, entities=kept)


def _nation_wide_meaning(
    reading: Reading, own: _Own, intent: Intent | None, previous: Entities
) -> Meaning | None:
    """A question about every hromada at once, or None when it is about one (its own, or the
    one the conversation is about)."""
    own = _turned_to_ukraine(reading, own, previous)
    entities = own.entities
    nation_wide = _nation_wide(reading, own, intent)
    cues = reading.cues
    hromadas_asked = bool(cues & {Cue.UKRAINE, Cue.COMMUNITIES, Cue.ANYONE})
    # "when was the protocol signed?" and «хто підписав меморандум?» after Kupiansk ask about
    # Kupiansk's; "which hromadas signed a protocol, and when?" still asks the whole country.
    about_its_agreement = (
        Cue.WHEN in cues and not cues & {Cue.WHO, Cue.PERSON} and not hromadas_asked
    ) or (intent is Intent.SIGNATORIES and not hromadas_asked)
    if nation_wide is Intent.REVERSE and previous.hromada and about_its_agreement:
        return None
    if (
        nation_wide is Intent.COUNT
        and previous.hromada
        and _counts_all_agreements(reading, entities)
        and not _names_the_base(reading)
    ):
        # «скільки всього угод?» after Kharkiv counts Kharkiv's; «… у базі?» the whole base.
        return None
    if nation_wide is None:
        return None
    # «чи є побратими в Італії?» and "Are there partners in Poland?" want a yes or a no.
    # «Чи отримував хтось допомогу з Японії?» too.
    asks = nation_wide in (Intent.REVERSE, Intent.AID) and _asks_existence(reading)
    counted = nation_wide is Intent.COUNT and _counts_hromadas(reading)
    totals = nation_wide is Intent.COUNT and _counts_all_agreements(reading, entities)
    narrow = Narrow(Aspect.WITH_PARTNERS) if counted else None
    return Meaning(
        nation_wide,
        entities,
        yes_no=asks and not totals,
        narrow=Narrow(Aspect.TOTALS) if totals else narrow,
        rule="a nation-wide question",
    )


def _with_nothing_before(
    reading: Reading, own: _Own, intent: Intent | None, snapshot: Snapshot, *, yes_no: bool
) -> Meaning:
    """An elliptical question that opens a conversation: asked back for what it refers to,
    answered about a town abroad, or read as it is."""
    entities = own.entities
    leaning = reading.is_follow_up or reading.ordinal is not None or Cue.PRONOUN in reading.cues
    unanswerable = intent in _ABOUT_ONE_AGREEMENT and not entities.hromada
    # "а друга угода?", "What are its twin cities?" with nothing before them.
    refers_back = reading.ordinal is not None or Cue.PRONOUN in reading.cues
    # «а шо там у Мени з Італією?» names its own subject: nothing before it is needed.
    names_own = entities.hromada is not None
    town = _world_town(reading) if unanswerable and not refers_back else None
    if town is not None:
        # «Коли підписали угоду з Нью-Йорком?»: no hromada partners with New York, which
        # is the answer, not "which hromada?".
        return Meaning(
            Intent.REVERSE,
            Entities(kind=entities.kind),
            world_town=town,
            rule="an agreement with a foreign town no hromada partners with",
        )
    if (leaning and ((intent is None and not names_own) or refers_back)) or unanswerable:
        return Meaning(
            Intent.NEED_CONTEXT, entities, rule="an elliptical question with nothing before it"
        )
    return _fresh(reading, own, intent, Entities(), snapshot, yes_no)


def _unknown_partner_follow_up(reading: Reading, own: _Own, context: Context) -> Meaning | None:
    """ "а з Варшавою?" after a question about Kharkiv (its partners, or Košice) asks about
    Kharkiv and Warsaw.

    No record names Warsaw, so the answer is a "no" about it, never the partner before.
    """
    unknown = _unknown_partner(reading)
    previous = context.entities
    entities = own.entities
    if (
        not unknown
        or previous.hromada is None
        or entities.hromada
        or own.ambiguous
        or entities.place
        or entities.country
    ):
        return None
    return _no_partnership(
        previous.hromada,
        entities.kind,
        unknown,
        "a pair follow-up naming a partner the records do not know",
    )


# What a bare town abroad follows up on: a question about the hromada's partners or ties.
_ABOUT_PARTNERS = frozenset(
    {
        Intent.PARTNERS,
        Intent.RELATION,
        Intent.SIGNED,
        Intent.EXPIRY,
        Intent.COUNT,
        Intent.OVERVIEW,
        Intent.SIGNATORIES,
        Intent.AREAS,
    }
)


def _town_abroad_follow_up(
    reading: Reading, own: _Own, context: Context, snapshot: Snapshot
) -> Meaning | None:
    """«а вроцлав?», "and Lublin?" after a question about Kharkiv's partners ask whether
    Kharkiv has a tie with that town; no record names it, so the answer is a "no" about it,
    never the partners listed again. After a hromada with no records at all («Які партнери у
    Львова?» → «а у Вроцлава?») the question turns to the town itself: no hromada has it as a
    partner, never the first hromada's «no records» again."""
    previous = context.entities
    entities = own.entities
    if (
        previous.hromada is None
        or context.intent not in _ABOUT_PARTNERS
        or entities.hromada
        or own.ambiguous
        or entities.place_filters
        or reading.cues
        - {Cue.FOLLOW_UP, Cue.WHO, Cue.YES_NO, Cue.PARTNER, Cue.TWIN, Cue.AGREEMENTS, Cue.CITIES}
    ):
        return None
    towns = _world_towns(reading)
    if not towns:
        return None
    if not snapshot.has_records(previous.hromada):
        return Meaning(
            Intent.REVERSE,
            Entities(kind=entities.kind),
            world_town=towns[0],
            rule="a follow-up naming a town abroad after a hromada with no records",
        )
    first, *others = (_written_town(reading, town) for town in towns)
    meaning = _no_partnership(
        previous.hromada,
        entities.kind,
        first,
        "a follow-up naming a town abroad the records do not know",
    )
    return dataclasses.replace(meaning, also_unknown=tuple(others))


def _carries_anything(reading: Reading) -> bool:
    """Whether a follow-up holds something to go on: a cue or question word, a name, a number."""
    return bool(
        reading.cues
        or reading.mentions
        or reading.years
        or reading.months_ahead is not None
        or reading.ordinal is not None
    )


def _asks_who(reading: Reading) -> bool:
    """Whether the question asks which hromadas: "who", "which communities", "in Ukraine"."""
    return bool(reading.cues & {Cue.PERSON, Cue.UKRAINE, Cue.COMMUNITIES})


def _fresh(
    reading: Reading,
    own: _Own,
    intent: Intent | None,
    previous: Entities,
    snapshot: Snapshot,
    yes_no: bool,
) -> Meaning:
    """A question that names its own subject: nothing is carried from before."""
    entities = own.entities
    rule = "cue words; the question names its subject"
    unknown = _unknown_partner(reading)
    if (
        unknown
        and entities.hromada
        and not (entities.place or entities.country or entities.region)
        and intent in (None, Intent.PARTNERS, Intent.RELATION)
        and _asks_existence(reading)
    ):
        declined = _declined_partner(unknown, entities.hromada, snapshot)
        if declined is not None:
            # «Чи є у Мени угода з Олайном?»: Olaine is not declined, but residents decline it.
            return Meaning(
                Intent.RELATION,
                entities.but(place=declined),
                yes_no=True,
                rule="a partner's name declined as residents decline it",
            )
        # "Харків має угоду з Варшавою?": no record names Warsaw, so the answer is a "no".
        return _no_partnership(
            entities.hromada,
            entities.kind,
            unknown,
            "a yes-or-no question naming a partner the records do not know",
        )
    if Cue.PRONOUN in reading.cues and entities.hromada and not entities.place and previous.place:
        # "З якого року діє його угода з Харковом?" after a question about a partner.
        entities = entities.but(place=previous.place)
    if entities.place and not entities.hromada:
        hromada, _shared = _partnered_hromada(entities.place, snapshot, previous.hromada)
        generic = intent in (None, Intent.PARTNERS, Intent.RELATION)
        if hromada is None or (generic and _asks_who(reading)):
            return Meaning(Intent.REVERSE, entities, yes_no=yes_no, rule="a partner's hromadas")
        if intent is None and not reading.cues:
            # «Брно» alone asks nothing to say yes to: what is known of the partner (its
            # hromadas and agreements), as "Brno — partners in Ukraine".
            return Meaning(Intent.REVERSE, entities, rule="a partner's name alone")
        entities = entities.but(hromada=hromada)
        rule = "the partner named resolves to its hromada"
    if intent is None:
        rule = "names without cue words"
        intent = _by_names(entities, ambiguous=bool(own.ambiguous))
    return Meaning(
        _shaped(intent, entities),
        _one_agreement(entities, intent, snapshot),
        yes_no=yes_no,
        rule=rule,
    )


def _one_agreement(entities: Entities, intent: Intent | None, snapshot: Snapshot) -> Entities:
    """The partner of the only agreement of the kind asked, for a question about one agreement.

    "Kupiansk: when was the memorandum signed?" is about its memorandum with Columbus.
    """
    if intent not in _ABOUT_ONE_AGREEMENT or not entities.hromada or entities.place:
        return entities
    if entities.kind is None:
        return entities
    # Kharkiv's «Меморандум про встановлення побратимських відносин» is a memorandum too.
    matching = [
        a
        for a in snapshot.agreements_by_hromada.get(entities.hromada, ())
        if is_of_kind(a, entities.kind)
    ]
    if len({a.place for a in matching}) != 1:
        return entities
    return entities.but(place=matching[0].place)


def _nation_wide_follow_up(
    own: _Own, continued: Intent | None, context: Context
) -> Meaning | None:
    """ "а з Японії?" after "who received aid from Finland?" stays nation-wide."""
    entities = own.entities
    previous = context.entities
    if (
        previous.hromada is not None
        or previous.place is not None
        or context.intent not in _NATION_WIDE
        or entities.hromada
        or entities.place
        or not (continued in _NATION_WIDE or continued in (None, Intent.PARTNERS, Intent.RELATION))
    ):
        return None
    dated = entities.year is not None or entities.months is not None or entities.until is not None
    carried = Entities(
        country=entities.country or (None if entities.kind else previous.country),
        region=entities.region,
        oblast=entities.oblast,
        kind=entities.kind or (None if entities.status else previous.kind),
        status=entities.status or (None if entities.kind else previous.status),
        unsigned=entities.unsigned if entities.status else previous.unsigned,
        year=entities.year if dated else previous.year,
        months=entities.months if dated else previous.months,
        until=entities.until if dated else previous.until,
        topic=entities.topic or previous.topic,
    )
    intent = continued if continued in _NATION_WIDE else context.intent
    if intent is Intent.EXPIRING and not (carried.year or carried.months or carried.until):
        return None
    return Meaning(intent or Intent.REVERSE, carried, rule="a nation-wide follow-up")


@dataclass(frozen=True)
class _FollowUp:
    """An elliptical question with what the conversation gives it."""

    reading: Reading
    own: _Own
    intent: Intent | None
    continued: Intent | None
    context: Context
    # The previous question asked about a pair ("Is Kharkiv twinned with Lille?").
    pair: bool
    # The kind of agreement the follow-up asks about: its own, or the one asked before.
    kind: AgreementKind | None
    yes_no: bool

    @property
    def previous(self) -> Entities:
        return self.context.entities

    @property
    def rule(self) -> str:
        if self.continued is self.intent:
            return "follow-up"
        return f"follow-up continuing {self.continued}"


def _follow_up(
    reading: Reading, own: _Own, intent: Intent | None, context: Context, yes_no: bool
) -> _FollowUp:
    previous = context.entities
    # A pair question's follow-up ("а партнери?", "what about Brno?") keeps the pair's terms;
    # "What other twin cities does it have?" leaves the pair for the rest.
    pair = (
        context.intent is Intent.RELATION
        and previous.place is not None
        and Cue.OTHER not in reading.cues
    )
    bare = not reading.cues - {Cue.WHO, Cue.FOLLOW_UP, Cue.YES_NO, Cue.PRONOUN}
    words_say_kind = bool(reading.cues & {Cue.PARTNER, Cue.TWIN})
    # "А Куп'янськ має меморандум?" names its subject and a kind: a whole question of its own.
    complete = (
        own.entities.hromada is not None
        and own.entities.kind is not None
        and intent in (Intent.PARTNERS, Intent.RELATION)
        and _asks_existence(reading)
    )
    continued = intent if complete else _follow_up_intent(reading, context.intent, intent)
    if continued is Intent.OVERVIEW and intent is None and own.entities.place is not None:
        # «а Фрідберг?» after «Мена» (an overview) asks about that pair, not the overview again.
        continued = Intent.RELATION
    if _asks_where_a_new_partner_lies(reading, own, intent, previous):
        # «а де Домброва?» after «а Кастельтерміні?» (when signed) asks where Dąbrowa lies.
        continued = Intent.PLACE
    return _FollowUp(
        reading=reading,
        own=own,
        intent=intent,
        continued=continued,
        context=context,
        pair=pair,
        kind=own.entities.kind if words_say_kind else own.entities.kind or previous.kind,
        yes_no=_follow_up_yes_no(reading, intent, continued, context, yes_no)
        or (pair and bare and context.yes_no),
    )


def _asks_where_a_new_partner_lies(
    reading: Reading, own: _Own, intent: Intent | None, previous: Entities
) -> bool:
    """Whether a follow-up asks where a partner it names itself lies («а де Домброва?», «а где
    Брно?»), rather than continuing the previous question about another partner."""
    place = own.entities.place
    if intent not in (None, Intent.PLACE) or place is None or place == previous.place:
        return False
    return asks_where(reading) and not reading.cues & {Cue.SIGNED, Cue.AID, Cue.EXPIRY}


# «а в Мені?», "and in Brno?": where the same is asked, as a name alone asks it.
_IN_WORDS = frozenset({"в", "у", "во", "in", "at"})


def _only_names(reading: Reading) -> bool:
    """Whether every word of a question is a name, «а»/"and" or «в»/"in" («а Лілль?», "and
    Brno?", «а в Мені?»), not a word besides («а від Польщі?», "and from Poland?")."""
    named = {i for mention in reading.mentions for i in range(mention.first, mention.last + 1)}
    return all(
        index in named
        or fold(token.text) in _FOLLOW_UP_WORDS | _IN_WORDS
        or not token.text[:1].isalnum()
        for index, token in enumerate(reading.tokens)
    )


def _follow_up_yes_no(
    reading: Reading,
    intent: Intent | None,
    continued: Intent | None,
    context: Context,
    yes_no: bool,
) -> bool:
    """Whether a follow-up asks for a yes or a no: "and the protocol?" after "when was the
    memorandum signed?" asks the same, for a date, as the question it continues."""
    if (
        context.yes_no
        and context.intent is Intent.RELATION
        and not reading.mentions
        and _opener(reading) in _LIST_OPENERS
    ):
        # «а партнери?» after «Мена і Олайне — побратими?» asks whether they are partners.
        return True
    if not reading.cues and _only_names(reading):
        # A name alone («Брно», «а Лілль?») asks for a yes or a no only when the question
        # before it did («Чи Харків і Кошице партнери?»); after a list it asks what is known.
        # «а від Польщі?», "and from Poland?" ask whether aid came from there.
        return yes_no and context.yes_no
    carried_over = (
        continued is not intent
        and continued is context.intent
        and continued in _ABOUT_ONE_AGREEMENT - {Intent.RELATION}
    )
    if carried_over and Cue.YES_NO not in reading.cues:
        return context.yes_no
    return yes_no


def _inherited(
    reading: Reading,
    own: _Own,
    intent: Intent | None,
    context: Context,
    snapshot: Snapshot,
    yes_no: bool,
) -> Meaning:
    """An elliptical question: it takes the previous question's subject, and its own words."""
    follow_up = _follow_up(reading, own, intent, context, yes_no)
    nation_wide = _nation_wide_follow_up(own, follow_up.continued, context)
    if nation_wide is not None:
        return nation_wide
    entities = own.entities
    if entities.place and not entities.hromada and _asks_who(reading):
        # "А Колумбус з ким співпрацює?" asks for the partner's hromadas.
        return Meaning(Intent.REVERSE, entities, rule="a partner's hromadas")
    if entities.hromada or own.ambiguous:
        return _another_hromada(follow_up)
    if _switches_kind(reading, own, context, snapshot):
        # «а побратими?» after «Коли спливає меморандум з Цинциннаті?»: Kharkiv's twin cities,
        # not whether Cincinnati is one.
        return Meaning(
            Intent.PARTNERS,
            Entities(hromada=context.entities.hromada, kind=entities.kind),
            rule="a bare kind after one agreement's question asks for the hromada's of it",
        )
    return _same_subject(follow_up, snapshot)


# The cues a bare «а побратими?», "and memorandums?" may hold besides its kind.
_BARE_KIND_CUES = frozenset(
    {
        Cue.FOLLOW_UP,
        Cue.TWIN,
        Cue.PARTNER,
        Cue.AGREEMENTS,
        Cue.CITIES,
        Cue.COMMUNITIES,
        Cue.KIND_COOPERATION,
        Cue.KIND_MEMORANDUM,
        Cue.KIND_FRIENDSHIP,
        Cue.KIND_PROTOCOL,
    }
)


def _switches_kind(reading: Reading, own: _Own, context: Context, snapshot: Snapshot) -> bool:
    """Whether a follow-up is only another kind of agreement («а побратими?», "and the
    memorandums?") after a question about one agreement of another kind with one partner who
    has none of that kind with the hromada, while the hromada has several (after Albuquerque's
    protocol, «а меморандум?» is their memorandum, after Cincinnati's memorandum «а протокол?»
    Kharkiv's only protocol; after a pair question the follow-up asks the pair again)."""
    previous = context.entities
    kind = own.entities.kind
    if kind is None or previous.hromada is None or previous.place is None:
        return False
    if context.intent in (Intent.RELATION, None) or kind is previous.kind:
        return False
    if own.entities.place or own.entities.country or reading.cues - _BARE_KIND_CUES:
        return False
    pair = snapshot.agreements_by_place.get(previous.place, ())
    if any(a.hromada == previous.hromada and is_of_kind(a, kind) for a in pair):
        return False
    # With one partner of that kind, «а протокол?» asks the same about that agreement.
    of_kind = {
        a.place
        for a in snapshot.agreements_by_hromada.get(previous.hromada, ())
        if is_of_kind(a, kind)
    }
    return len(of_kind) > 1 and reading.is_follow_up


_WITH = frozenset({"з", "із", "зі", "с", "со", "with"})
# Nouns that follow «з» without naming a partner: «з року», «з початку», «з часом».
_NOT_PARTNERS = frozenset(
    {"року", "роком", "часу", "часом", "початку", "кінця", "приводу", "питанням", "метою"}
)


def _written_as_a_name(reading: Reading, index: int) -> bool:
    """Whether a word reads as a name: capitalised inside a sentence, or a word that may be one
    ("варшавою", "new york"), since residents rarely type capitals. The capital that opens a
    sentence says nothing: «Усі меморандуми…» is the pronoun, not Wuxi."""
    if _capitalised_as_a_name(reading, index):
        return True
    token = reading.tokens[index]
    word = fold(token.text)
    if token.is_latin:
        return word not in ENGLISH_COMMON_WORDS and len(word) > 2
    return word not in _NOT_PARTNERS and may_be_a_name(token.text)


def _unknown_partner(reading: Reading) -> str:
    """A name after "with" (з, with) that no known name covers, as written; else "".

    "а з Варшавою?" and "а з варшавою?" give the name as written, "and with new york?" gives
    "new york".
    """
    exact_hromada = any(
        not mention.approximate and any(ref.kind is EntityKind.HROMADA for ref in mention.refs)
        for mention in reading.mentions
    )
    named = {
        index
        for mention in reading.mentions
        # "Is Kharkiv twinned with Belgorod?": beside a hromada named exactly, a hromada only
        # guessed from a misspelling ("Belgorod" for Bilhorod) is the partner, unrecorded.
        if not (
            exact_hromada
            and mention.approximate
            and all(ref.kind is EntityKind.HROMADA for ref in mention.refs)
        )
        for index in range(mention.first, mention.last + 1)
    }
    tokens = reading.tokens

    def unknown_word(index: int) -> bool:
        token = tokens[index]
        return (
            not token.is_number
            and index not in named
            and index not in reading.cue_tokens
            and _written_as_a_name(reading, index)
        )

    guessed = [
        mention
        for mention in reading.mentions
        if exact_hromada
        and mention.approximate
        and all(ref.kind is EntityKind.HROMADA for ref in mention.refs)
    ]
    if guessed:
        # "Is Kharkiv a twin city of Belgorod?": the guessed name is the partner, with or
        # without "with" before it.
        first, last = guessed[0].first, guessed[0].last
        return reading.text[tokens[first].start : tokens[last].end].title()
    for index in range(1, len(tokens)):
        if fold(tokens[index - 1].text) not in _WITH or not unknown_word(index):
            continue
        last = index
        while last + 1 < len(tokens) and unknown_word(last + 1):
            last += 1
        written = reading.text[tokens[index].start : tokens[last].end]
        # Quoted back as a name is written: "з варшавою" is answered about «Варшавою».
        return " ".join(word[:1].upper() + word[1:] for word in written.split(" "))
    return ""


def _another_hromada(follow_up: _FollowUp) -> Meaning:
    """ "а Купянськ?", "and Mena?": another hromada, asked the same."""
    entities = follow_up.own.entities
    previous = follow_up.previous
    continued = follow_up.continued
    carried = entities
    own_filter = bool(entities.kind or entities.year or entities.country or entities.region)
    if continued is not None and continued is not follow_up.intent and not entities.place:
        carried = entities.but(
            country=entities.country or previous.country,
            kind=follow_up.kind,
            topic=entities.topic or previous.topic,
            year=entities.year or previous.year,
            place=previous.place if follow_up.pair and not entities.country else None,
            # «а Мена?» after «а Харків з ким веде переговори?» asks about Mena's talks too;
            # a filter of its own («а Мена у 2023?») replaces the status asked before.
            status=entities.status or (None if own_filter else previous.status),
            unsigned=entities.unsigned or (None if own_filter else previous.unsigned),
        )
    if continued is Intent.PLACE and carried.place is None:
        # «а Харків у 2023?» after «а де це?» (Olaine) cannot ask where Kharkiv's partner is:
        # it asks the question before it, of Kharkiv and of that year.
        continued = _by_names(carried, ambiguous=False)
        if carried.year is not None:
            continued = Intent.PARTNERS
    intent = _shaped(continued or Intent.OVERVIEW, carried)
    return Meaning(intent, carried, yes_no=follow_up.yes_no, rule=follow_up.rule)


def is_of_kind(agreement: Agreement, kind: AgreementKind) -> bool:
    """Whether an agreement is of the kind asked, by its kind or by its own title's first word:
    Kharkiv's «Меморандум про встановлення побратимських відносин» is a twinning agreement, and
    also the memorandum a resident asks about."""
    if agreement.kind is kind:
        return True
    if agreement.title is None or kind in (AgreementKind.TWINNING, AgreementKind.OTHER):
        return False
    head = AGREEMENT_KINDS_INLINE[kind].split(" ", 1)[0]
    return agreement.title.en.casefold().startswith(head)


# Words pointing back at the partner just talked about as where aid came from: «а звідти?»,
# «а від них?», "from there?", "and from them?". A bare "it" or «вони» is the hromada itself:
# "and what aid did it receive?" after Kharkiv and Košice asks about Kharkiv's aid.
_FROM_THERE = frozenset({"звідти", "звідтіля", "thence"})
_FROM = frozenset({"від", "з", "із", "зі", "from"})
_THEM = frozenset({"них", "неї", "нього", "цього", "цих", "them", "it", "this", "that", "there"})


def _aid_from_partner_before(follow_up: _FollowUp) -> bool:
    """Whether an aid follow-up is about aid from the partner the conversation is about: after
    an aid answer the partner stays ("and cars?" after aid from Dąbrowa), after any other answer
    only words pointing back at it as a sender carry it («а від них?», "from there?")."""
    if follow_up.context.intent is Intent.AID:
        return True
    words = [fold(token.text) for token in follow_up.reading.tokens]
    return any(word in _FROM_THERE for word in words) or any(
        first in _FROM and second in _THEM for first, second in pairwise(words)
    )


def _carried_pair(follow_up: _FollowUp, snapshot: Snapshot) -> tuple[str | None, str | None]:
    """The hromada and partner a follow-up about the same subject is about."""
    entities = follow_up.own.entities
    previous = follow_up.previous
    continued = follow_up.continued
    hromada, place = previous.hromada, entities.place
    if place is not None and hromada is not None and not follow_up.reading.is_follow_up:
        partners = {a.hromada for a in snapshot.agreements_by_place.get(place, ())}
        if hromada not in partners and partners:
            hromada, _shared = _partnered_hromada(place, snapshot, None)
    if place is None and hromada is None:
        place = previous.place
    if hromada is None and place is not None:
        hromada, _shared = _partnered_hromada(place, snapshot, None)
    if place is None and entities.country is not None and continued is Intent.PLACE:
        # "Which US state is it in?" after Kupiansk's one partner: the country only says
        # where to look for the state of the partner listed.
        only = _the_only_listed(follow_up.context, hromada, snapshot)
        if only is not None and snapshot.places[only].country == entities.country:
            return hromada, only
    if place is not None or entities.country is not None:
        return hromada, place
    if continued is Intent.AID and not _aid_from_partner_before(follow_up):
        # «а допомогу яку отримали?» after «коли підписали з Олайне?» asks about the
        # hromada's aid: the partner an agreement question was about is no donor to filter by.
        return hromada, None
    about_one = continued in _ABOUT_ONE_AGREEMENT or continued is Intent.AID
    if about_one or (follow_up.pair and continued in (None, Intent.PARTNERS)):
        place = previous.place
    if place is None and about_one:
        place = _the_only_listed(follow_up.context, hromada, snapshot)
    kind = entities.kind
    if place is not None and kind is not None and kind is not previous.kind:
        # "and the protocol of intent?" after Cincinnati's memorandum: Kharkiv's protocol is
        # with another partner, so the partner before is not carried.
        pair = snapshot.agreements_by_place.get(place, ())
        # «а коли меморандум?» after Kharkiv and Albuquerque is their twinning memorandum.
        if not any(a.hromada == hromada and is_of_kind(a, kind) for a in pair):
            place = None
    return hromada, place


def _same_subject(follow_up: _FollowUp, snapshot: Snapshot) -> Meaning:
    """A follow-up about the previous question's hromada or partner."""
    entities = follow_up.own.entities
    previous = follow_up.previous
    continued = follow_up.continued
    hromada, place = _carried_pair(follow_up, snapshot)
    only = _the_one_agreement_listed(follow_up, hromada, place, snapshot)
    if only is not None:
        # "а коли планують підписати?" after a nation-wide list of one agreement (Mena and
        # Friedberg's, under negotiation) asks about that agreement, whatever its status.
        return Meaning(
            continued or Intent.RELATION,
            Entities(hromada=only.hromada, place=only.place, agreement=only.key),
            yes_no=follow_up.yes_no,
            rule=follow_up.rule + "; the one agreement the previous answer listed",
        )
    carried = entities.but(hromada=hromada, place=place)
    if entities.part is not None and entities.year is None:
        # «а наприкінці року?» after Kharkiv's 2023 agreements: the end of 2023.
        carried = carried.but(year=previous.year)
    if (
        continued in _ABOUT_ONE_AGREEMENT - {Intent.RELATION, Intent.PLACE}
        and hromada is not None
        and entities.place is not None
        and entities.place == place
        and _partnered_elsewhere(hromada, place, snapshot)
    ):
        # «а клятву з лідсом підписували?» after Kupiansk: Leeds is Kharkiv's partner, not
        # Kupiansk's, so the answer says no and what ties Leeds to Ukraine.
        return Meaning(
            Intent.RELATION,
            Entities(hromada=hromada, place=place),
            yes_no=True,
            rule=follow_up.rule + "; the partner named is another hromada's",
        )
    if follow_up.pair and place is not None:
        carried = carried.but(kind=follow_up.kind)
    # The kind and country of a question about one agreement ("when was the Leeds pledge
    # signed?") describe that agreement, not a list: "and its partners?" lists them all.
    about_one = follow_up.context.intent in _ABOUT_ONE_AGREEMENT and previous.place is not None
    if continued in (None, Intent.PARTNERS, Intent.EXPIRING) and place is None and not about_one:
        carried = _keeping_exceptions(
            carried.but(
                country=entities.country or (previous.country if not entities.region else None),
                kind=entities.kind or previous.kind,
            ),
            previous,
        )
    # A list of partners, or of one hromada's agreements ("when were they signed?").
    listed = follow_up.context.intent in (Intent.PARTNERS, Intent.REVERSE) or (
        follow_up.context.intent in _ABOUT_ONE_AGREEMENT and previous.place is None
    )
    if continued in _ABOUT_ONE_AGREEMENT and place is None and listed:
        # "а коли підписали?" after Kharkiv's twin cities asks about the twin cities shown,
        # not about every agreement Kharkiv has.
        carried = _keeping_exceptions(
            carried.but(
                country=entities.country or (previous.country if not entities.region else None),
                kind=entities.kind or previous.kind,
            ),
            previous,
        )
    if continued is Intent.COUNT and place is None:
        carried = carried.but(
            country=entities.country or (previous.country if not entities.region else None)
        )
    if continued is Intent.COUNT:
        carried = carried.but(topic=carried.topic or previous.topic)
    if continued is Intent.COUNT and place is None and follow_up.context.intent in _LISTINGS:
        # «а скільки їх?» after Kharkiv's twin cities counts the twin cities just shown.
        carried = carried.but(
            kind=entities.kind or previous.kind,
            status=entities.status or previous.status,
            unsigned=entities.unsigned if entities.status else previous.unsigned,
            year=entities.year or previous.year,
        )
    if continued is Intent.OVERVIEW and carried.topic is None and follow_up.intent is None:
        carried = carried.but(topic=previous.topic)
    if place is None and _says_of_them(follow_up.reading):
        # «а які з них чинні?» after Kharkiv's agreements signed in 2023: those of 2023, of
        # the kind and country shown, that are in force; never every agreement in force.
        carried = carried.but(
            kind=entities.kind or previous.kind,
            country=entities.country or (previous.country if not entities.region else None),
            year=entities.year or previous.year,
            months=entities.months or previous.months,
        )
    if continued is None:
        continued = _by_names(carried, ambiguous=False)
    if continued is Intent.REVERSE and carried.hromada and previous.hromada:
        continued = Intent.PARTNERS
    if continued is not follow_up.context.intent:
        carried = without_hiding_filters(carried, entities, snapshot)
    return Meaning(
        _shaped(continued, carried),
        _one_agreement(carried, continued, snapshot),
        yes_no=follow_up.yes_no,
        rule=follow_up.rule + "; the subject comes from the conversation",
    )


def _keeping_exceptions(carried: Entities, previous: Entities) -> Entities:
    """The entities still leaving out what the previous list left out: «хто їх підписав?»
    after «партнери Харкова крім американських» asks about the partners shown."""
    if carried.excepts or carried.place is not None:
        return carried
    return carried.but(
        except_country=previous.except_country,
        except_place=previous.except_place,
        except_kind=previous.except_kind,
    )


def without_hiding_filters(carried: Entities, own: Entities, snapshot: Snapshot) -> Entities:
    """The entities without a kind, status or country taken from the conversation that no
    agreement of the hromada (with the partner, if one is named) has: «а коли підписали?»
    after «хто побратими купянська» (none; a memorandum with Columbus) asks about the
    memorandum, not about twin cities that do not exist. The question's own words stay."""
    if carried.hromada is None:
        return carried
    agreements = [
        a
        for a in snapshot.agreements_by_hromada.get(carried.hromada, ())
        if carried.place is None or a.place == carried.place
    ]
    if not agreements:
        return carried
    country = carried.country
    if own.country is None and not any(partner_in(snapshot, a, country or "") for a in agreements):
        carried = carried.but(country=None)
    there = [
        a
        for a in agreements
        if carried.country is None or partner_in(snapshot, a, carried.country)
    ]
    kind = carried.kind
    if own.kind is None and kind is not None and not any(is_of_kind(a, kind) for a in there):
        carried = carried.but(kind=None)
    if own.status is None and not any(carried.admits(a.status) for a in there):
        carried = carried.but(status=None)
    return carried


def _partnered_elsewhere(hromada: str, place: str, snapshot: Snapshot) -> bool:
    """Whether the partner has agreements with other hromadas but none with this one."""
    partners = {a.hromada for a in snapshot.agreements_by_place.get(place, ())}
    return bool(partners) and hromada not in partners


def _the_one_agreement_listed(
    follow_up: _FollowUp, hromada: str | None, place: str | None, snapshot: Snapshot
) -> Agreement | None:
    """The agreement a follow-up about one agreement means when the conversation names no
    hromada or partner and the previous answer listed exactly one agreement."""
    context = follow_up.context
    if hromada is not None or place is not None or follow_up.own.entities.place_filters:
        return None
    if follow_up.continued not in _ABOUT_ONE_AGREEMENT or len(context.listed_agreements) != 1:
        return None
    return snapshot.agreements.get(context.listed_agreements[0])


def _by_names(entities: Entities, *, ambiguous: bool) -> Intent | None:
    """The intent of a question that is nothing but names."""
    if entities.hromada and entities.place:
        return Intent.RELATION
    if entities.hromada:
        return Intent.PARTNERS if entities.country or entities.kind else Intent.OVERVIEW
    if entities.place_filters:
        return Intent.REVERSE
    return Intent.OVERVIEW if ambiguous else None


def _the_only_listed(context: Context, hromada: str | None, snapshot: Snapshot) -> str | None:
    """The partner of the one pair the previous answer listed, if it listed exactly one."""
    if len(context.listed_agreements) != 1:
        return None
    agreement = snapshot.agreements.get(context.listed_agreements[0])
    if agreement is None or agreement.hromada != hromada:
        return None
    return agreement.place


def _shaped(intent: Intent | None, entities: Entities) -> Intent:
    """The intent that fits the entities: a pair is a relation, a partner alone its hromadas."""
    if intent is None:
        return Intent.OUT_OF_DOMAIN
    if intent is Intent.RELATION and entities.place is None:
        return Intent.PARTNERS
    if intent is Intent.PARTNERS and entities.place and entities.hromada:
        return Intent.RELATION
    generic = intent in (Intent.PARTNERS, Intent.RELATION, Intent.OVERVIEW)
    if generic and not entities.hromada and entities.place_filters:
        return Intent.REVERSE
    return intent


def _settled(
    meaning: Meaning,
    own: _Own,
    snapshot: Snapshot,
    cues: frozenset[Cue],
    previous_intent: Intent | None,
) -> Meaning:
    """Turn a meaning that cannot be answered as asked into the right non-answer."""
    entities = meaning.entities
    intent = meaning.intent
    if own.ambiguous and entities.hromada is None:
        return Meaning(
            Intent.CLARIFY,
            entities,
            ambiguous=tuple(sorted(own.ambiguous)),
            ambiguous_text=own.ambiguous_text,
            pending=intent,
            rule="a name several hromadas share",
        )
    if intent is Intent.NEED_CONTEXT:
        return meaning
    if intent is Intent.PLACE and entities.place is None:
        if entities.hromada is not None and cues & {Cue.PARTNER, Cue.TWIN}:
            # «в якій країні побратими Харкова?»: the partner list says where each one is.
            return Meaning(Intent.PARTNERS, entities, rule="asks where a hromada's partners are")
        return Meaning(Intent.NEED_CONTEXT, entities, rule="asks where, naming no partner")
    if intent in _NEEDS_HROMADA and entities.hromada is None:
        if intent in (Intent.AID, Intent.COUNT) and entities.country:
            return Meaning(
                intent, entities, yes_no=meaning.yes_no, rule="asked of a country, nation-wide"
            )
        if intent is Intent.COUNT and entities.kind:
            return Meaning(intent, entities, rule="asked of a kind of agreement, nation-wide")
        if intent is Intent.COUNT and meaning.narrow in (
            Narrow(Aspect.WITH_PARTNERS),
            Narrow(Aspect.TOTALS),
        ):
            return meaning
        if intent is Intent.OUT_OF_DOMAIN:
            return meaning
        pending = intent
        return Meaning(
            Intent.NEED_HROMADA,
            entities,
            pending=pending,
            rule="asks about a hromada without naming one",
        )
    if (
        intent is Intent.OUT_OF_DOMAIN
        and cues & {Cue.OURS, Cue.COMMUNITIES}
        and cues
        & {
            Cue.OVERVIEW,
            Cue.OURS,
        }
    ):
        return Meaning(
            Intent.NEED_HROMADA,
            entities,
            pending=Intent.OVERVIEW,
            rule="asks about a hromada without naming one",
        )
    if (
        entities.hromada is not None
        and intent in _NEEDS_HROMADA | {Intent.NOT_RECORDED}
        and not snapshot.has_records(entities.hromada)
    ):
        # «Чи є у Львова побратими?» still opens with a no.
        return Meaning(
            Intent.NO_RECORDS,
            entities,
            pending=intent,
            yes_no=meaning.yes_no,
            rule="the hromada has no records",
        )
    del previous_intent
    return meaning


def one_reading_per_hromada(reading: Reading, snapshot: Snapshot) -> list[Reading]:
    """One reading per hromada when the question names several («які побратими у Львова і
    Харкова?», "twin cities of Lviv and Mena"), each keeping the other names of the question
    but no other hromada; none when it names fewer than two, or one ambiguously (which one is
    asked first)."""
    named: list[tuple[str, Mention]] = []
    district = _city_district(reading, snapshot)
    for mention in reading.mentions:
        hromadas = frozenset(ref.id for ref in mention.of_kind(EntityKind.HROMADA))
        if not hromadas or _followed_by_oblast_word(reading, mention):
            continue
        if district is not None and mention.first <= district[1] <= mention.last:
            # «Дніпровського району Києва»: a district of the city, not the hromada Dnipro.
            continue
        if mention.of_kind(EntityKind.COUNTRY) or mention.of_kind(EntityKind.PLACE):
            continue
        if len(hromadas) == 1:
            named.append((next(iter(hromadas)), mention))
        elif mention.usual is not None and _only_usual_known(hromadas, mention.usual, snapshot):
            named.append((mention.usual, mention))
        else:
            return []
    codes = list(dict.fromkeys(code for code, _ in named))
    if len(codes) < 2:
        return []
    countries = _country_per_hromada(reading, codes)
    return [
        dataclasses.replace(
            reading,
            mentions=tuple(
                mention
                for mention in reading.mentions
                if not any(mention is other and own != code for own, other in named)
                and not any(mention is other and own != code for own, other in countries)
            ),
        )
        for code in codes
    ]


def _country_per_hromada(reading: Reading, codes: Sequence[str]) -> list[tuple[str, Mention]]:
    """«Чи має Мена партнера в Італії, а Куп'янськ — у Франції?»: as many countries as
    hromadas, the first country goes with the first hromada and so on, so that each part is
    checked with its own country; none paired when the counts differ."""
    countries = [
        mention
        for mention in reading.mentions
        if mention.of_kind(EntityKind.COUNTRY) and not mention.of_kind(EntityKind.HROMADA)
    ]
    if len(countries) != len(codes):
        return []
    return list(zip(codes, countries, strict=True))


# -- the records as a whole, the previous answer's focus, the side of a record asked about

# A term question read as a count («на скільки» holds «скільки») or as a bare pair.
_TERM_MISREAD = frozenset({Intent.COUNT, Intent.RELATION})
# An extension question read as one about the agreement's dates, its end or the pair.
_EXTENSION_MISREAD = frozenset(
    {Intent.SIGNED, Intent.EXPIRY, Intent.EXPIRING, Intent.RELATION, Intent.PARTNERS}
)

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


def _filtered(entities: Entities) -> bool:
    """Whether the entities narrow the partners down (a country, kind, status, year...)."""
    return any(
        (
            entities.country,
            entities.region,
            entities.oblast,
            entities.kind,
            entities.status,
            entities.year,
            entities.months,
            entities.until,
            entities.except_country,
        )
    )


def _asks_who_holds_an_office(reading: Reading, meaning: Meaning) -> bool:
    """Whether an out-of-scope question asks who a hromada's officer is ("Who is the mayor of
    Kharkiv?", «хто мер Харкова?»): a hromada, no partner, and "who" with no word of events."""
    return (
        meaning.intent is Intent.NOT_RECORDED
        and meaning.entities.hromada is not None
        and meaning.entities.place is None
        and Cue.ACTIVITY not in reading.cues
        and any(
            first == "who" and second in _IS_WORDS
            for first, second in itertools.pairwise(fold(token.text) for token in reading.tokens)
        )
    )


_IS_WORDS = frozenset({"is", "was", "s", "are"})


def _asks_if_it_took_part(reading: Reading, meaning: Meaning) -> bool:
    """Whether a yes-or-no question asks if the hromada it names took part in an event
    ("Did Kupiansk take part in the US Conference of Mayors?"), with no partner named (a
    partner's events are answered by the overview of the pair)."""
    entities = meaning.entities
    return (
        meaning.intent is Intent.OVERVIEW
        and meaning.yes_no
        and entities.hromada is not None
        and entities.place is None
        and entities.topic is None
        and Cue.ACTIVITY in reading.cues
    )


def _about_the_records(reading: Reading, meaning: Meaning, snapshot: Snapshot) -> Meaning:
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
            return dataclasses.replace(meaning, intent=Intent.RELATION, entities=entities)
    if meaning.declined is Declined.OCCUPIED:
        return meaning
    took_part = _asks_if_it_took_part(reading, meaning)
    keys = events_asked(reading, snapshot, meaning.entities.hromada or "") if took_part else ()
    if keys:
        # "Did Kupiansk take part in the US Conference of Mayors?": a yes or a no about the
        # hromada named, then the event's records (its own or others'). An event no record
        # describes is left to the hromada's overview.
        narrow = Narrow(Aspect.EVENTS, records=keys, words=question_roots(reading))
        return dataclasses.replace(meaning, narrow=narrow)
    placed = meaning.intent not in _UNPLACED or meaning.entities.hromada is not None
    if placed and meaning.intent is not Intent.NOT_RECORDED:
        return meaning
    # «Які громади співпрацюють з Вроцлавом?» names a town abroad: whose partner it is, not
    # which hromadas the base covers.
    unnamed = (
        meaning.entities.hromada is None
        and meaning.entities.place is None
        and meaning.world_town is None
    )
    if unnamed and asks_hromadas_covered(reading):
        return dataclasses.replace(meaning, intent=Intent.OVERVIEW, narrow=Narrow(Aspect.HROMADAS))
    # «Чи є в базі громади з партнерами?» asks whether there are any: a yes, then the list.
    whether = Cue.WHO not in reading.cues and _asks_existence(reading)
    if unnamed and meaning.entities.country is None and asks_hromadas_with_aid(reading):
        narrow = Narrow(Aspect.AID_HROMADAS)
        return dataclasses.replace(meaning, intent=Intent.OVERVIEW, narrow=narrow, yes_no=whether)
    ranked_by = asks_most(reading) if unnamed else None
    if ranked_by is not None:
        return dataclasses.replace(meaning, intent=Intent.COUNT, narrow=Narrow(ranked_by))
    if unnamed and asks_whole_base_partners(reading) and not _filtered(meaning.entities):
        # «Які партнери у базі?»: every hromada with partners, never "which hromada?".
        narrow = Narrow(Aspect.HROMADAS)
        return dataclasses.replace(meaning, intent=Intent.OVERVIEW, narrow=narrow, yes_no=whether)
    asks_event = Cue.ACTIVITY in reading.cues or meaning.intent is Intent.NOT_RECORDED
    if _asks_who_holds_an_office(reading, meaning):
        # "Who is the mayor of Kharkiv?": no record names him as such; a meeting of "Kharkiv's
        # mayor" is no answer to who he is.
        return meaning
    if not asks_event:
        return meaning
    strict = Cue.ACTIVITY not in reading.cues
    keys = matching_activities(reading, snapshot, every_word=strict)
    if not keys:
        return meaning
    narrow = Narrow(Aspect.EVENTS, records=keys, words=question_roots(reading))
    return dataclasses.replace(meaning, intent=Intent.OVERVIEW, narrow=narrow)


def _narrowed(reading: Reading, meaning: Meaning, context: Context | None) -> Meaning:
    """The meaning with the side of the record it asks about (`Meaning.narrow`).

    "How much money did Kharkiv get from Germany?" and "how many cars did Mena get?" are aid
    questions, whatever count they seem to ask; a bare «скільки?» after an aid answer asks how
    much of that aid; "when was it signed and for how long?" asks for the term as well.
    """
    intent = meaning.intent
    entities = meaning.entities
    order = order_asked(reading)
    if order is not None and intent in _ORDER_MISREAD and entities.place is None:
        return _by_age(reading, meaning, context, order)
    if intent is Intent.COUNT and entities.hromada is None and counts_places(reading):
        return dataclasses.replace(meaning, narrow=Narrow(Aspect.PLACES))
    narrow = aspect_of(reading)
    if narrow is None:
        kept = side_kept(reading, meaning, context)
        if kept is not meaning:
            return kept
        if intent is Intent.AID and meaning.yes_no:
            # "Did Japan send generators to Kharkiv?" asks about the goods, not only the sender.
            named = aid_categories_named(reading)
            if named:
                return dataclasses.replace(meaning, narrow=Narrow(Aspect.SENT, named))
        return meaning
    about_aid = _about_aid(reading, meaning, context, narrow)
    if about_aid is not None:
        return about_aid
    return _about_dates(reading, meaning, narrow)


def _by_age(reading: Reading, meaning: Meaning, context: Context | None, order: Aspect) -> Meaning:
    """«найстаріший побратим Харкова», "the most recent partnership" (nation-wide without a
    hromada), «а найдавніша?» after a list of Mena's: the oldest or the newest partnerships."""
    entities = meaning.entities
    ordered = Entities(hromada=entities.hromada, kind=entities.kind, country=entities.country)
    previous = context.entities if context is not None else None
    if previous is not None and entities.hromada is None and reading.is_follow_up:
        ordered = ordered.but(hromada=previous.hromada, kind=ordered.kind or previous.kind)
    if reading.cues & {Cue.AGREEMENTS, Cue.PARTNER} and not reading.cues & _KIND_CUES:
        # «а найновіша угода?» after the oldest twin city asks about any agreement.
        ordered = ordered.but(kind=None)
    return dataclasses.replace(
        meaning, intent=Intent.PARTNERS, entities=ordered, narrow=Narrow(order)
    )


def _about_aid(
    reading: Reading, meaning: Meaning, context: Context | None, narrow: Narrow
) -> Meaning | None:
    """An aid question narrowed to the side asked (how much, how many, from whom), or None
    when the question is not about aid."""
    intent = meaning.intent
    counts_aid = intent is Intent.COUNT and meaning.entities.topic is Topic.AID
    if intent is Intent.AID or counts_aid:
        if counts_aid and narrow.aspect is not Aspect.MONEY and not narrow.categories:
            # "How many countries sent aid?" is a count of countries.
            return meaning
        return dataclasses.replace(meaning, intent=Intent.AID, narrow=narrow)
    if (
        context is not None
        and context.intent is Intent.AID
        and is_bare(reading)
        and narrow.aspect in {Aspect.QUANTITY, Aspect.MONEY, Aspect.DONORS}
    ):
        # A bare «скільки?» or «від кого?» after an aid answer is about that aid.
        return dataclasses.replace(
            meaning, intent=Intent.AID, entities=context.entities, narrow=narrow
        )
    return None


def _about_dates(reading: Reading, meaning: Meaning, narrow: Narrow) -> Meaning:
    """A question about an agreement's extension or term, read as about its signing or its
    end; any other meaning as it is."""
    intent = meaning.intent
    entities = meaning.entities
    if narrow.aspect is Aspect.EXTENSION and intent in _EXTENSION_MISREAD:
        # «а коли його продовжили?», "was the Cincinnati memorandum renewed?"
        return dataclasses.replace(
            meaning, intent=Intent.SIGNED, entities=entities.but(topic=None), narrow=narrow
        )
    if narrow.aspect is Aspect.TERM and entities.hromada and entities.place:
        # «коли підписали і на скільки» asks for the date and the term together.
        pair = entities.but(topic=None)
        if Cue.SIGNED in reading.cues and intent in _TERM_MISREAD | {Intent.SIGNED}:
            return dataclasses.replace(meaning, intent=Intent.SIGNED, entities=pair, narrow=narrow)
        if intent in _TERM_MISREAD:
            return dataclasses.replace(meaning, intent=Intent.EXPIRY, entities=pair, narrow=narrow)
    return meaning


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

_KIND_CUES = frozenset(
    {
        Cue.TWIN,
        Cue.KIND_COOPERATION,
        Cue.KIND_MEMORANDUM,
        Cue.KIND_FRIENDSHIP,
        Cue.KIND_PROTOCOL,
    }
)


# The answers that list a hromada's partners, after which «а з ким ще?» asks for the rest.
_LISTS_OF_PARTNERS = frozenset({Intent.PARTNERS, Intent.COUNT, Intent.SIGNED})


def _listed_place(context: Context, snapshot: Snapshot) -> str | None:
    """The partner of the one agreement the previous answer listed, if it listed one."""
    if len(context.listed_agreements) != 1:
        return None
    agreement = snapshot.agreements.get(context.listed_agreements[0])
    return agreement.place if agreement is not None else None


def _in_focus(
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
        return dataclasses.replace(meaning, intent=Intent.CLARIFY, narrow=narrow)
    place = context.entities.place or _listed_place(context, snapshot)
    if asks_kind(reading) and not reading.cues & {Cue.COUNT, Cue.LIST, Cue.COMMUNITIES}:
        in_focus = _partner_of_one(context, snapshot)
        if in_focus is not None:
            # "what kind of agreement is it?" with one partner in focus: that pair's agreements.
            entities = Entities(hromada=context.entities.hromada, place=in_focus)
            return dataclasses.replace(
                meaning, intent=Intent.RELATION, entities=entities, yes_no=False
            )
    pronoun = Cue.PRONOUN in reading.cues or reading.is_follow_up
    asks_twin = Cue.TWIN in reading.cues and not reading.cues & {Cue.COUNT, Cue.WHO, Cue.LIST}
    # «а побратими?» after one agreement of another kind, resolved to the hromada's twin
    # cities, is no question about the partner in focus; "is it a twin city?" is.
    kind_list = (
        meaning.intent is Intent.PARTNERS
        and meaning.entities.place is None
        and not reading.cues & {Cue.PRONOUN, Cue.YES_NO}
        and context.intent is not Intent.RELATION
    )
    if place is not None and pronoun and asks_twin and not kind_list:
        entities = context.entities.but(
            place=place, kind=AgreementKind.TWINNING, country=None, topic=None
        )
        return dataclasses.replace(meaning, intent=Intent.RELATION, entities=entities, yes_no=True)
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
        return dataclasses.replace(
            meaning, intent=Intent.PARTNERS, entities=entities, narrow=narrow
        )
    bare_when = Cue.WHEN in reading.cues and is_bare(reading)
    if bare_when and context.intent in {Intent.PARTNERS, Intent.COUNT, Intent.RELATION}:
        entities = context.entities.but(topic=None)
        if place is not None:
            entities = entities.but(place=place)
        # «а коли?» after «хто побратими купянська» (none; a memorandum with Columbus).
        entities = without_hiding_filters(entities, Entities(), snapshot)
        return dataclasses.replace(meaning, intent=Intent.SIGNED, entities=entities, narrow=None)
    return meaning
