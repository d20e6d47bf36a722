"""From what a question says to what it means: entities, intent, and the conversation so far."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import AgreementKind
from knowledge.places.gazetteer import EntityKind, Mention
from knowledge.qa.answer import Context, EntityValue
from knowledge.qa.cues import Cue
from knowledge.qa.intents import Intent
from knowledge.qa.understanding import Reading
from knowledge.text.normalize import fold

_OBLAST_WORDS = ("област", "обл", "oblast", "region", "province")
_DOMAIN_CUES = frozenset(
    {Cue.PARTNER, Cue.TWIN, Cue.SIGNED, Cue.EXPIRY, Cue.AID, Cue.COUNT, Cue.SOURCES}
)
_SOCIAL = {Cue.GREETING: Intent.GREETING, Cue.THANKS: Intent.THANKS, Cue.HELP: Intent.HELP}
_KINDS = {
    Cue.TWIN: AgreementKind.TWINNING,
    Cue.KIND_COOPERATION: AgreementKind.COOPERATION_AGREEMENT,
    Cue.KIND_MEMORANDUM: AgreementKind.MEMORANDUM,
    Cue.KIND_FRIENDSHIP: AgreementKind.FRIENDSHIP_PLEDGE,
    Cue.KIND_PROTOCOL: AgreementKind.PROTOCOL_OF_INTENT,
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
    }
)
_ABOUT_ONE_AGREEMENT = frozenset({Intent.SIGNED, Intent.EXPIRY, Intent.RELATION, Intent.SOURCES})
_PLACE_FILTERS = ("place", "country", "region", "oblast")


@dataclass
class Meaning:
    """A question's intent and entities, after names and context are resolved."""

    intent: Intent
    entities: dict[str, EntityValue] = field(default_factory=dict)
    ambiguous: tuple[str, ...] = ()
    ambiguous_text: str = ""
    agreement: str | None = None
    pending: Intent | None = None
    rule: str = ""


@dataclass
class _Found:
    hromadas: list[tuple[frozenset[str], str]] = field(default_factory=list)
    places: list[frozenset[str]] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    oblasts: list[str] = field(default_factory=list)

    @property
    def any_name(self) -> bool:
        return bool(self.hromadas or self.places or self.countries or self.regions)


def _followed_by_oblast_word(reading: Reading, mention: Mention) -> bool:
    following = mention.last + 1
    if following >= len(reading.tokens):
        return False
    return fold(reading.tokens[following].text).startswith(_OBLAST_WORDS)


def _collect(reading: Reading, snapshot: Snapshot) -> _Found:
    found = _Found()
    for mention in reading.mentions:
        tokens = reading.tokens
        text = reading.text[tokens[mention.first].start : tokens[mention.last].end]
        hromadas = mention.of_kind(EntityKind.HROMADA)
        if _followed_by_oblast_word(reading, mention):
            oblasts = {ref.id for ref in mention.of_kind(EntityKind.OBLAST)} or {
                snapshot.hromadas[ref.id].oblast_code or "" for ref in hromadas
            }
            found.oblasts.extend(sorted(code for code in oblasts if code))
            continue
        countries = mention.of_kind(EntityKind.COUNTRY)
        places = mention.of_kind(EntityKind.PLACE)
        regions = mention.of_kind(EntityKind.REGION)
        if len(countries) == 1:
            found.countries.append(next(iter(countries)).id)
        elif places:
            found.places.append(frozenset(ref.id for ref in places))
        elif hromadas:
            found.hromadas.append((frozenset(ref.id for ref in hromadas), text))
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


def _likeliest_place(
    candidates: frozenset[str], hromada: EntityValue | None, snapshot: Snapshot
) -> str:
    """Of the places sharing a name, the one partnered with the hromada, else with anyone."""

    def rank(key: str) -> tuple[bool, bool, str]:
        partners = {a.hromada for a in snapshot.agreements_by_place.get(key, ())}
        return (hromada not in partners, not partners, key)

    return min(candidates, key=rank)


def _intent_from_cues(reading: Reading, entities: dict[str, EntityValue]) -> Intent | None:
    cues = reading.cues
    has_place = "place" in entities
    if Cue.SOURCES in cues:
        return Intent.SOURCES
    if Cue.COUNT in cues and Cue.ITEMS in cues:
        return Intent.AID
    if Cue.COUNT in cues and Cue.EXPIRY in cues:
        # "скільки ще діятиме угода" asks how long, not how many.
        return Intent.EXPIRY
    if Cue.COUNT in cues and Cue.PROGRAMME not in cues:
        return Intent.COUNT
    if (Cue.ACTIVITY in cues or Cue.PROGRAMME in cues) and not (
        cues & {Cue.SIGNED, Cue.EXPIRY, Cue.TWIN}
    ):
        return Intent.OVERVIEW
    if Cue.EXPIRY in cues:
        if (reading.years or reading.months_ahead) and not has_place:
            return Intent.EXPIRING
        return Intent.EXPIRY
    if Cue.SIGNED in cues:
        if Cue.WHEN in cues or has_place or Cue.PARTNER not in cues:
            return Intent.SIGNED
        return Intent.PARTNERS
    if Cue.AID in cues:
        return Intent.AID
    if Cue.WHEN in cues and (has_place or Cue.PARTNER in cues):
        return Intent.SIGNED
    if Cue.OVERVIEW in cues and not has_place and "country" not in entities:
        return Intent.OVERVIEW
    if cues & {Cue.PARTNER, Cue.TWIN, Cue.KIND_COOPERATION, Cue.KIND_MEMORANDUM}:
        return Intent.RELATION if has_place and "hromada" in entities else Intent.PARTNERS
    return None


def _count_topic(reading: Reading) -> str:
    cues = reading.cues
    if Cue.COUNTRIES in cues:
        return "aid" if cues & {Cue.AID, Cue.HELP_OR_AID} else "countries"
    if Cue.AGREEMENTS in cues:
        return "agreements"
    if Cue.AID in cues:
        return "aid"
    return "partners"


def _entities(
    reading: Reading, found: _Found, snapshot: Snapshot, context: Context | None
) -> tuple[dict[str, EntityValue], frozenset[str], str]:
    entities: dict[str, EntityValue] = {}
    ambiguous: frozenset[str] = frozenset()
    ambiguous_text = ""
    for candidates, text in found.hromadas:
        narrowed = _narrow_by_oblast(candidates, found.oblasts, snapshot)
        if len(narrowed) == 1:
            entities.setdefault("hromada", next(iter(narrowed)))
        elif not ambiguous:
            ambiguous, ambiguous_text = narrowed, text
    if "hromada" not in entities and not ambiguous and found.oblasts and context is not None:
        # "Харківська область" answering "which Zolochiv?".
        pending = _narrow_by_oblast(frozenset(context.candidates), found.oblasts, snapshot)
        if context.candidates and len(pending) == 1:
            entities["hromada"] = next(iter(pending))
            found.oblasts.clear()
    if found.places:
        entities["place"] = _likeliest_place(found.places[0], entities.get("hromada"), snapshot)
    if found.countries:
        entities["country"] = found.countries[0]
    if found.regions and "country" not in entities:
        entities["region"] = found.regions[0]
    if found.oblasts and "hromada" not in entities and not ambiguous:
        entities["oblast"] = found.oblasts[0]
    for cue, kind in _KINDS.items():
        if cue in reading.cues:
            entities["kind"] = kind.value
            break
    if reading.years:
        entities["year"] = reading.years[0]
    if reading.months_ahead is not None:
        entities["months"] = reading.months_ahead
    if Cue.COUNT in reading.cues:
        entities["topic"] = _count_topic(reading)
    return entities, ambiguous, ambiguous_text


def resolve(reading: Reading, context: Context | None, snapshot: Snapshot) -> Meaning:
    """Work out what the question asks, carrying entities over from the conversation."""
    found = _collect(reading, snapshot)
    entities, ambiguous, ambiguous_text = _entities(reading, found, snapshot, context)
    cues = reading.cues
    names = found.any_name or "hromada" in entities
    in_conversation = context is not None and "hromada" in context.entities

    if Cue.HELP_OR_AID in cues:
        # "help" is the bot's help alone, and aid when someone is named or already discussed.
        if names or (in_conversation and not cues & {Cue.THANKS, Cue.GREETING}):
            cues = cues | {Cue.AID}
        else:
            cues = (cues - {Cue.AID}) | ({Cue.HELP} if Cue.THANKS not in cues else set())
    domain_cues = cues & _DOMAIN_CUES
    if Cue.OFF_TOPIC in cues and not cues & {Cue.PARTNER, Cue.TWIN, Cue.AID}:
        return Meaning(Intent.OUT_OF_DOMAIN, rule="an off-topic word and no partnership words")
    social = [intent for cue, intent in _SOCIAL.items() if cue in cues]
    if social and not domain_cues and not names:
        return Meaning(social[0], rule="a social phrase and no names")

    reading = _with_cues(reading, cues)
    intent = _intent_from_cues(reading, entities)
    meaning = _with_context(reading, snapshot, context, entities, intent, names, bool(ambiguous))
    if ambiguous and "hromada" not in meaning.entities:
        meaning.ambiguous = tuple(sorted(ambiguous))
        meaning.ambiguous_text = ambiguous_text
    elif (
        meaning.intent in (Intent.OVERVIEW, Intent.PARTNERS, Intent.OUT_OF_DOMAIN)
        and "hromada" not in meaning.entities
        and not meaning.entities.keys() & set(_PLACE_FILTERS)
        and cues & {Cue.OURS, Cue.COMMUNITIES, Cue.PARTNER, Cue.TWIN}
        and cues & {Cue.OVERVIEW, Cue.OURS, Cue.PARTNER, Cue.TWIN}
    ):
        pending = meaning.intent
        meaning.intent = Intent.NEED_HROMADA
        meaning.rule = "asks about a hromada without naming one"
        meaning.pending = Intent.OVERVIEW if pending is Intent.OUT_OF_DOMAIN else pending
    return meaning


def _with_cues(reading: Reading, cues: frozenset[Cue]) -> Reading:
    if cues == reading.cues:
        return reading
    return Reading(**{**reading.__dict__, "cues": cues})


def _follow_up_intent(
    reading: Reading, previous: Intent | None, intent: Intent | None
) -> Intent | None:
    """The intent a follow-up continues, when its own words do not settle it."""
    if previous is Intent.COUNT and Cue.LIST in reading.cues:
        return Intent.AID if Cue.AID in reading.cues else None
    if intent is None:
        if previous in _CONTINUABLE and (reading.is_follow_up or not reading.cues - {Cue.WHO}):
            return previous
        return None
    generic = {Intent.PARTNERS, Intent.RELATION}
    if reading.is_follow_up and intent in generic and previous in (Intent.SIGNED, Intent.EXPIRY):
        # "а угода з Олайне?" after "when does it expire?" asks the same about another one.
        return previous
    return intent


def _with_context(
    reading: Reading,
    snapshot: Snapshot,
    context: Context | None,
    entities: dict[str, EntityValue],
    intent: Intent | None,
    names: bool,
    ambiguous: bool,
) -> Meaning:
    previous = context.entities if context is not None else {}
    previous_intent = context.intent if context is not None else None
    reverse_cue = Cue.UKRAINE in reading.cues or (
        Cue.COMMUNITIES in reading.cues and Cue.WHO in reading.cues and "hromada" not in entities
    )

    if reading.ordinal is not None and context is not None and context.listed_agreements:
        listed = context.listed_agreements
        index = reading.ordinal - 1 if reading.ordinal > 0 else len(listed) - 1
        if 0 <= index < len(listed):
            return Meaning(
                intent or Intent.RELATION,
                dict(entities),
                agreement=listed[index],
                rule=f"item {reading.ordinal} of the previous answer's list",
            )

    if previous_intent is Intent.COUNT and Cue.LIST in reading.cues and "hromada" in previous:
        topic = previous.get("topic")
        listing = Intent.AID if topic == "aid" else Intent.PARTNERS
        return Meaning(
            listing, {"hromada": previous["hromada"]}, rule="lists what the count counted"
        )

    same_hromada = inherited = False
    if "hromada" not in entities and not ambiguous:
        inherit = (
            "hromada" in previous
            and not reverse_cue
            and (intent is not None or reading.is_follow_up or not names or "country" in entities)
        )
        if "place" in entities and intent in (None, Intent.PARTNERS) and not reading.is_follow_up:
            inherit = False
        if inherit:
            entities["hromada"] = previous["hromada"]
            same_hromada = inherited = True
    else:
        same_hromada = entities.get("hromada") == previous.get("hromada")

    # "Who are Kharkiv's partner cities?" names the hromada and says what it asks: a complete
    # question, so it must not inherit the previous question's country or kind of agreement.
    complete = (
        not inherited and intent is not None and not reading.is_follow_up and "hromada" in entities
    )
    if same_hromada and "hromada" in entities:
        carries_place = "place" not in entities and "country" not in entities
        if (
            carries_place
            and "place" in previous
            and intent in (Intent.SIGNED, Intent.EXPIRY, Intent.SOURCES, Intent.AID, None)
        ):
            entities["place"] = previous["place"]
        filters = not complete
        if filters and carries_place and "country" in previous and "place" not in entities:
            entities["country"] = previous["country"]
        if (
            filters
            and "kind" in previous
            and "kind" not in entities
            and intent in (None, Intent.PARTNERS)
        ):
            entities["kind"] = previous["kind"]
    elif "hromada" in entities and "hromada" in previous and intent is None:
        for carried in ("country", "kind", "region"):
            if carried in previous and carried not in entities:
                entities[carried] = previous[carried]
    elif (
        "hromada" not in entities
        and "place" not in entities
        and "place" in previous
        and intent in _ABOUT_ONE_AGREEMENT
    ):
        entities["place"] = previous["place"]

    agreement = None
    if (
        "hromada" not in entities
        and "place" not in entities
        and intent in _ABOUT_ONE_AGREEMENT
        and context is not None
        and len(context.listed_agreements) == 1
    ):
        agreement = context.listed_agreements[0]

    from_cues = intent
    intent = _follow_up_intent(reading, previous_intent, intent)
    rule = "cue words" if intent is not None and intent is from_cues else ""
    if intent is not None and intent is not from_cues:
        rule = f"follow-up continuing {intent.value}"
    if intent is None:
        rule = "names without cue words"
        if "hromada" in entities and "place" in entities:
            intent = Intent.RELATION
        elif "hromada" in entities:
            intent = Intent.PARTNERS if entities.keys() & {"country", "kind"} else Intent.OVERVIEW
        elif entities.keys() & set(_PLACE_FILTERS):
            intent = Intent.REVERSE
        elif ambiguous:
            intent = Intent.OVERVIEW
    elif intent is Intent.RELATION and "place" not in entities:
        intent = Intent.PARTNERS
    elif intent is Intent.PARTNERS and "place" in entities and "hromada" in entities:
        intent = Intent.RELATION

    if "hromada" not in entities and "place" in entities and not ambiguous:
        partners = {
            a.hromada for a in snapshot.agreements_by_place.get(str(entities["place"]), ())
        }
        if len(partners) == 1 and intent not in (None, Intent.PARTNERS, Intent.REVERSE):
            # Only one hromada has this partner, so "when does the Cincinnati memorandum
            # expire" can only mean that hromada's.
            entities["hromada"] = next(iter(partners))
    if (
        intent in (Intent.PARTNERS, Intent.RELATION, Intent.OVERVIEW)
        and "hromada" not in entities
        and entities.keys() & set(_PLACE_FILTERS)
        and not ambiguous
    ):
        intent = Intent.REVERSE
    if intent is None:
        intent, rule = Intent.OUT_OF_DOMAIN, "no names and no cue words"
    if inherited:
        rule += "; the hromada comes from the conversation"
    return Meaning(intent, entities, agreement=agreement, rule=rule)
