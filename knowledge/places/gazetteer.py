"""Every way a name in the knowledge base can be written, precomputed for dictionary lookups."""

from __future__ import annotations

import functools
import re
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property

from knowledge.facts.snapshot import Snapshot
from knowledge.places.countries import (
    HOME_COUNTRY,
    adjectives_for_questions,
    constituent_countries,
    home_country_names,
    names_for_questions,
)
from knowledge.places.hromadas import oblast_everyday_name, short_names, usual_reading
from knowledge.places.reference import each_settlement_forms
from knowledge.places.world_regions import region_adjectives, region_names
from knowledge.text.compact_index import CompactIndex, CompactIndexBuilder, CompactMapping
from knowledge.text.forms_cache import FormsCache
from knowledge.text.fuzzy import FuzzyVocabulary
from knowledge.text.morphology import (
    adjective_lemmas,
    is_dictionary_word,
    is_russian_common_word,
    is_russian_function_word,
)
from knowledge.text.normalize import (
    Token,
    cyrillic_key,
    fold,
    is_cyrillic,
    latin_key,
    name_key,
    normalize,
    romanisation_readings,
)

MAX_NAME_TOKENS = 5
_SHORTEST_ROMANISED = 3
# Pronouns and other everyday words that are also a form of some name ("мені" is "to me" and
# "in Mena"): they count as that name only when capitalised or after a preposition.
_EVERYDAY_WORDS = frozenset(
    {
        "мені",
        "мене",
        "мною",
        "ми",
        "ви",
        "він",
        "вона",
        "вони",
        "нас",
        "вас",
        "нам",
        "вам",
        "та",
        "те",
        "ті",
        "то",
        "це",
        "ці",
        "так",
        "як",
        "де",
        "коли",
        "але",
        "або",
        "чи",
        "що",
        "хто",
    }
)
_PREPOSITIONS = frozenset({"у", "в", "до", "з", "із", "зі", "для", "від", "по", "на"})
# A name's last syllable closed by consonants, its vowel о or е: Ukrainian writes і there in
# the nominative («Самбір», «Бичків») where Russian keeps the vowel («Самбор», «Бычков»).
_UNALTERNATED_LAST_SYLLABLE = re.compile(r"(\w*?)[ое]([бвгґджзклмнпрстфхцчшщ]+)$")
# "to me" and Mena's dative are one word, «мені». After the aid it names («допомогу мені»,
# «яку допомогу мені надали») it is the hromada that received it; a request or a feeling
# («допоможіть мені», «мені цікаво», «підкажіть мені») makes it "to me".
_FORMS_OF_ME = frozenset({"мені"})
# The words a bare follow-up opens with («а мені?», «ну а мені?», «і мені теж?»).
_FOLLOW_UP_WORDS = frozenset({"а", "і", "й", "та", "ну", "ще", "теж", "також", "тоді", "як"})
_AID_WORDS = frozenset(
    {"допомогу", "допомога", "допомоги", "допомозі", "гуманітарку", "гуманітарка", "гуманітарки"}
)
_ABOUT_ONESELF = frozenset(
    {
        "допоможіть",
        "допоможи",
        "допоможете",
        "підкажіть",
        "підкажи",
        "скажіть",
        "скажи",
        "розкажіть",
        "розкажи",
        "покажіть",
        "покажи",
        "поясніть",
        "поясни",
        "дайте",
        "дай",
        "надайте",
        "надішліть",
        "можете",
        "можеш",
        "можна",
        "потрібна",
        "потрібно",
        "потрібен",
        "треба",
        "цікаво",
        "хочу",
        "хочеться",
        "б",
        "би",
        "здається",
    }
)


class EntityKind(StrEnum):
    """What a name refers to."""

    HROMADA = "hromada"
    PLACE = "place"
    COUNTRY = "country"
    REGION = "region"
    OBLAST = "oblast"
    # A village or town of a hromada, not its centre: the id is the settlement's KATOTTH code.
    SETTLEMENT = "settlement"


@dataclass(frozen=True, order=True, slots=True)
class EntityRef:
    """One entity a name may refer to."""

    kind: EntityKind
    id: str


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of the question that names one or more entities (more than one: ambiguous)."""

    refs: frozenset[EntityRef]
    first: int
    last: int
    approximate: bool = False
    # Of several hromadas, the one the name usually means (the city, the oblast centre):
    # taken when nothing else in the question tells them apart.
    usual: str | None = None

    def of_kind(self, kind: EntityKind) -> frozenset[EntityRef]:
        """The candidates of one kind."""
        return frozenset(ref for ref in self.refs if ref.kind is kind)


class _IndexBuilder:
    def __init__(self, forms: FormsCache) -> None:
        self.exact: dict[str, set[EntityRef]] = defaultdict(set)
        self.latin: dict[str, set[EntityRef]] = defaultdict(set)
        self.forms = forms

    def add(self, phrase: str, ref: EntityRef) -> None:
        self.add_key(name_key(phrase), ref)

    def add_key(self, key: str, ref: EntityRef) -> None:
        if not key:
            return
        self.exact[key].add(ref)
        # The words and the spaces between them: ASCII exactly when every word is.
        if key.isascii():
            self.latin[" ".join(latin_key(word) for word in key.split(" "))].add(ref)

    def add_ukrainian_noun(self, name: str, ref: EntityRef) -> None:
        self.add(name, ref)
        for key in self.forms.nouns(normalize(name)):
            self.add_key(key, ref)

    def add_name(self, name: str, ref: EntityRef) -> None:
        """A name in either script: Cyrillic ones are inflected, Latin ones taken as written."""
        if any(map(is_cyrillic, name)):
            self.add_ukrainian_noun(name, ref)
        else:
            self.add(name, ref)

    def add_ukrainian_adjective(self, adjective: str, ref: EntityRef) -> None:
        for key in self.forms.adjectives(normalize(adjective)):
            self.add_key(key, ref)


@functools.lru_cache(maxsize=65536)
def _reading_keys(phrase: str) -> tuple[str, ...]:
    """The romanisation keys of a phrase's readings by other romanisations (cached: questions
    repeat their words)."""
    return tuple(
        " ".join(map(latin_key, reading.split(" "))) for reading in romanisation_readings(phrase)
    )


class Gazetteer:
    """Finds the names of hromadas, places, countries, regions and oblasts in a question."""

    def __init__(
        self,
        exact: Mapping[str, frozenset[EntityRef]],
        latin: Mapping[str, frozenset[EntityRef]],
        usual: dict[frozenset[EntityRef], str] | None = None,
        ordinary: frozenset[str] = frozenset(),
        hromadas: frozenset[str] = frozenset(),
    ) -> None:
        self._ordinary = ordinary
        # The hromadas whose villages and towns questions may name.
        self._hromadas = hromadas
        self._exact = exact
        self._latin = latin
        self._usual = usual or {}

    @classmethod
    def build(cls, snapshot: Snapshot, forms: FormsCache | None = None) -> Gazetteer:
        """Index every name in the snapshot and every country."""
        forms = forms or FormsCache(name_key)
        builder = _IndexBuilder(forms)
        _index_hromadas(builder, snapshot)
        domestic = _index_places(builder, snapshot)
        home = _home_country_keys(forms)
        _index_countries(builder)
        _index_colloquial_forms(builder, snapshot)
        forms.save()
        _hromadas_over_domestic_places(builder.exact, domestic)
        _hromadas_over_domestic_places(builder.latin, domestic)
        # Most names mean one entity, and all forms of a name the same ones: one set each.
        shared: dict[frozenset[EntityRef], frozenset[EntityRef]] = {}
        # Kept compact: the keys of some fifty thousand forms took 7 MB as a `dict`. Each
        # entry of the builder is let go as it is packed, so the two are never whole together.
        exact = CompactMapping(_drained(builder.exact, shared))
        latin = CompactMapping(_drained(builder.latin, shared))
        return cls(
            exact=exact,
            latin=latin,
            usual=_usual_readings(shared, snapshot),
            ordinary=home,
            hromadas=frozenset(snapshot.hromadas),
        )

    @cached_property
    def _settlements(self) -> _Settlements:
        """The settlements a question may name and the keys that name them; read on the
        first question that needs them, not at start-up."""
        codes: list[str] = []
        ordinary = bytearray()
        by_key = CompactIndexBuilder()
        exact, home = self._exact, self._ordinary
        for forms in each_settlement_forms():
            if forms.hromada not in self._hromadas:
                continue
            number = len(codes)
            codes.append(forms.code)
            ordinary.append(forms.ordinary)
            for key in forms.keys:
                # A name of the knowledge base or a country keeps its meaning.
                if key not in exact and key not in home:
                    by_key.add(key, number)
        return _Settlements(tuple(codes), bytes(ordinary), by_key.build())

    # The indexes below serve only a name not found as written: each is built on the first
    # question that needs it, or beside the start-up by `warm`, so the bot starts answering
    # without waiting for them (a question that needs one first waits for it).

    @cached_property
    def _cyrillic(self) -> _Spellings:
        """Russian and Bulgarian spellings of the Cyrillic names («Изерния» for «Ізернія»)."""
        numbers: dict[frozenset[EntityRef], int] = {}
        by_key = CompactIndexBuilder()
        for key, refs in self._exact.items():
            if not key.isascii():
                by_key.add(cyrillic_key(key), numbers.setdefault(refs, len(numbers)))
        return _Spellings(tuple(numbers), by_key.build())

    def _cyrillic_spelling(self, key: str) -> frozenset[EntityRef] | None:
        """What the names spelt `key` the Russian or Bulgarian way name, or None."""
        spellings = self._cyrillic
        found = spellings.by_key.get(key)
        if not found:
            return None
        if len(found) == 1:
            return spellings.refs[found[0]]
        return frozenset().union(*(spellings.refs[number] for number in found))

    @cached_property
    def _fuzzy(self) -> FuzzyVocabulary:
        """The one-word names, for a misspelt word."""
        return FuzzyVocabulary(key for key in self._exact if " " not in key)

    def warm(self) -> None:
        """Build the misspelling indexes and read the villages and towns now rather than on
        the first question that needs them: the bot calls it beside its
        start-up, not before it."""
        _ = self._fuzzy
        _ = self._cyrillic
        _ = self._settlements

    def knows(self, text: str) -> bool:
        """Whether the text is a whole name in the index."""
        return name_key(text) in self._exact

    def only_countries(self, text: str) -> bool:
        """Whether the text, as a whole, names countries and nothing else: a country's name
        or adjective in any case form («литовським», "Polish")."""
        refs = self._exact.get(name_key(text), frozenset())
        return bool(refs) and all(ref.kind is EntityKind.COUNTRY for ref in refs)

    def find(self, original: str, tokens: Sequence[Token], skip: frozenset[int]) -> list[Mention]:
        """The names in the tokens, longest first; tokens in `skip` are ordinary words."""
        mentions: list[Mention] = []
        keys = [fold(token.text) for token in tokens]
        position = 0
        while position < len(tokens):
            found = self._longest_at(original, tokens, keys, position, skip)
            if found is None:
                position += 1
                continue
            mentions.append(found)
            position = found.last + 1
        return mentions

    def _longest_at(
        self,
        original: str,
        tokens: Sequence[Token],
        keys: Sequence[str],
        start: int,
        skip: frozenset[int],
    ) -> Mention | None:
        longest = min(MAX_NAME_TOKENS, len(tokens) - start)
        for size in range(longest, 0, -1):
            words = keys[start : start + size]
            phrase = " ".join(words)
            refs = self._exact.get(phrase)
            span = tokens[start : start + size]
            if refs is None and all(token.is_latin for token in span):
                refs = self._latin.get(" ".join(latin_key(word) for word in words))
                # A word of three letters read by another romanisation is more often an
                # English one opening a sentence ("How" as «Хів») than a name.
                if (
                    refs is None
                    and (size > 1 or len(span[0].text) > _SHORTEST_ROMANISED)
                    and all(original[token.start : token.start + 1].isupper() for token in span)
                ):
                    refs = self._romanised(phrase)
            elif refs is None and not (size == 1 and _everyday_word(span[0].text)):
                # A word of Ukrainian, or a Russian «была», is never another language's
                # spelling of a name.
                refs = self._cyrillic_spelling(cyrillic_key(phrase))
            if refs is None and size > 1:
                refs = self._russian_nominative(phrase)
            if refs is None:
                refs = self._settlement_at(original, span, phrase)
            if refs is None:
                continue
            if size == 1 and not _plausible_single(original, tokens, skip, start):
                continue
            if size == 1 and self._everyday_adjective(original, span[0]):
                continue
            return Mention(refs, start, start + size - 1, usual=self._usual.get(refs))
        token = tokens[start]
        if (
            start in skip
            or token.is_number
            or len(keys[start]) < 4
            or keys[start] in self._ordinary
        ):
            return None
        if _everyday_word(token.text) or is_russian_common_word(token.text):
            # An ordinary word ("вечора", "саме", «для», Russian «базе») is not a misspelt name.
            return None
        # Several forms of one name may be equally close ("цинциннаті", "цинцинаці"); that is
        # still one name. Forms of different names equally close are a guess, so no match.
        nearest = self._fuzzy.nearest(keys[start])
        refs = frozenset(ref for key in nearest for ref in self._exact[key])
        if len({(ref.kind, ref.id) for ref in refs}) != 1:
            return None
        return Mention(refs, start, start, approximate=True)

    def _romanised(self, phrase: str) -> frozenset[EntityRef] | None:
        """What a capitalised Latin name spelt by another language's romanisation names
        ("Tscherniwzi", "Velykyi Kuciuriv"): each reading (`romanisation_readings`) looked up
        across romanisations; None unless the readings found agree on what they name."""
        found = {
            refs for key in _reading_keys(phrase) if (refs := self._latin.get(key)) is not None
        }
        return found.pop() if len(found) == 1 else None

    @cached_property
    def _first_words(self) -> frozenset[str]:
        """The first words of the names of several words, in every form."""
        return frozenset(key.split(" ", 1)[0] for key in self._exact if " " in key)

    def _russian_nominative(self, phrase: str) -> frozenset[EntityRef] | None:
        """What a name of several words names when written in Russian: its last syllable's
        vowel unalternated («Старый Самбор» is Старий Самбір, «Великий Бычков» Великий
        Бичків), or an adjective with a Russian ending («у Новой Водолаги» is Нова Водолага's).

        Only names of several words: one word alone so changed is too often another word."""
        words = phrase.split(" ")
        *leading, last = words
        options = [_ukrainian_adjective_endings(word) for word in leading]
        if not self._first_words.intersection(options[0]):
            # No name of several words opens so: most spans of a question are no name.
            return None
        lasts = {last, _UNALTERNATED_LAST_SYLLABLE.sub(r"\1і\2", last)}
        variants = {" ".join([*firsts, end]) for firsts in _product(options) for end in lasts}
        variants.discard(phrase)
        for variant in sorted(variants):
            found = self._exact.get(variant) or self._cyrillic_spelling(cyrillic_key(variant))
            if found:
                return found
        return None

    def _everyday_adjective(self, original: str, token: Token) -> bool:
        """Whether a word written in lower case is an everyday adjective («Що нового?») that
        no place's adjective is («харківські», «польські» are): then it is not the village of
        that name («Нове»), which a question names with a capital."""
        if original[token.start : token.end][:1].isupper():
            return False
        found = adjective_lemmas(token.text)
        return bool(found) and not any(name_key(lemma) in self._exact for lemma in found)

    def _settlement_at(
        self, original: str, span: Sequence[Token], phrase: str
    ) -> frozenset[EntityRef] | None:
        """The village or town a span names, if any: a name that is also an everyday word only
        when capitalised inside the question («партнери Вільшанки», not «вільшанка співає»)."""
        settlements = self._settlements
        numbers = settlements.by_key.get(phrase)
        if not numbers:
            return None
        first = span[0]
        capital = first.start > 0 and original[first.start : first.end][:1].isupper()
        if not capital and any(settlements.ordinary[number] for number in numbers):
            return None
        return frozenset(
            EntityRef(EntityKind.SETTLEMENT, settlements.codes[number]) for number in numbers
        )


@dataclass(frozen=True, slots=True)
class _Settlements:
    """The villages and towns a question may name: their KATOTTH codes, whether each name
    is also an everyday word (1) or not (0), and the settlements (by number) each key names.

    As a `dict` of keys to sets this took some 20 MB of the serving process; a key of a
    settlement whose name is an everyday word names it only when capitalised.
    """

    codes: tuple[str, ...]
    ordinary: bytes
    by_key: CompactIndex


@dataclass(frozen=True, slots=True)
class _Spellings:
    """The other Cyrillic spellings of the names: each distinct set of entities a name
    means, and the keys of the spellings → the numbers of those sets (a key two names share
    means both). As a `dict` of keys to sets this took some 6 MB of the serving process."""

    refs: tuple[frozenset[EntityRef], ...]
    by_key: CompactIndex


# A Russian adjective's ending and the Ukrainian endings it stands for: «Новой» is «Нової»,
# «Новій» or «Новою» as the case asks; «Новая» is «Нова», «Новое» «Нове».
_RUSSIAN_ADJECTIVE_ENDINGS = (
    ("ой", ("ої", "ій", "ою")),
    ("ая", ("а",)),
    ("ое", ("е",)),
    ("ую", ("у",)),
)


def _ukrainian_adjective_endings(word: str) -> tuple[str, ...]:
    """The word as written, and as Ukrainian writes it if it ends as a Russian adjective."""
    for russian, ukrainian in _RUSSIAN_ADJECTIVE_ENDINGS:
        if word.endswith(russian) and len(word) > len(russian) + 1:
            stem = word[: -len(russian)]
            return (word, *(stem + ending for ending in ukrainian))
    return (word,)


def _product(options: Sequence[tuple[str, ...]]) -> list[list[str]]:
    """Every choice of one item from each of the options, in order."""
    chosen: list[list[str]] = [[]]
    for option in options:
        chosen = [[*before, item] for before in chosen for item in option]
    return chosen


def _everyday_word(word: str) -> bool:
    """A Ukrainian dictionary word, or a Russian function word («была», «от»)."""
    return is_dictionary_word(word) or is_russian_function_word(word)


def _hromadas_over_domestic_places(
    index: dict[str, set[EntityRef]], domestic: set[EntityRef]
) -> None:
    """A partner in Ukraine named as a hromada is that hromada: «Ковель» asks about Kovel's own
    partnerships, not about the one where another hromada names Kovel as its partner."""
    if not domestic:
        return
    for refs in index.values():
        if refs & domestic and any(ref.kind is EntityKind.HROMADA for ref in refs):
            refs -= domestic


def _drained(
    built: dict[str, set[EntityRef]],
    shared: dict[frozenset[EntityRef], frozenset[EntityRef]],
) -> Iterator[tuple[str, frozenset[EntityRef]]]:
    """Every key and its entities, one set for equal ones, taken out of `built` meanwhile."""
    while built:
        key, refs = built.popitem()
        yield key, _shared(shared, refs)


def _shared(
    shared: dict[frozenset[EntityRef], frozenset[EntityRef]], refs: set[EntityRef]
) -> frozenset[EntityRef]:
    frozen = frozenset(refs)
    return shared.setdefault(frozen, frozen)


def _plausible_single(
    original: str, tokens: Sequence[Token], skip: frozenset[int], index: int
) -> bool:
    token = tokens[index]
    if token.text not in _EVERYDAY_WORDS and index not in skip:
        return True
    written = original[token.start : token.end]
    if "." in written or " " in written:
        # Initials ("u.s.", "U S A") are an abbreviation, not the everyday word "us".
        return True
    if token.text in _FORMS_OF_ME:
        return _names_mena(original, tokens, index)
    if written[:1].isupper() and (index > 0 or index not in skip):
        # A capital at the start of the question says nothing: "Доброго вечора" is a greeting.
        return True
    # "у мені" can only be the place; "мені" alone is "to me".
    return token.text in _EVERYDAY_WORDS and index > 0 and tokens[index - 1].text in _PREPOSITIONS


def _names_mena(original: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether «мені» at `index` is the hromada Mena rather than "to me": capitalised inside
    the question, after a preposition («у мені»), or next to the aid it received («допомогу
    мені», «яку допомогу мені надали»), unless the question asks something for the asker
    («допоможіть мені», «Мені цікаво…», «підкажіть мені, яку допомогу…»)."""
    words = [token.text for token in tokens]
    if any(word in _ABOUT_ONESELF for word in words):
        return False
    token = tokens[index]
    if index > 0 and original[token.start : token.end][:1].isupper():
        return True
    if index > 0 and words[index - 1] in _PREPOSITIONS:
        return True
    if all(word in _FOLLOW_UP_WORDS for i, word in enumerate(words) if i != index):
        # «а мені?» alone asks the previous question again of Mena: "and to me?" asks nothing.
        return True
    near = words[max(0, index - 2) : index + 3]
    return any(word in _AID_WORDS for word in near)


def _index_hromadas(builder: _IndexBuilder, snapshot: Snapshot) -> None:
    """Index the hromadas of the snapshot by their centres, names, aliases and short names,
    and their oblasts by the codifier's adjective and the everyday name."""
    oblasts: dict[str, str] = {}
    for hromada in snapshot.hromadas.values():
        ref = EntityRef(EntityKind.HROMADA, hromada.code)
        if hromada.center_uk:
            builder.add_ukrainian_noun(hromada.center_uk, ref)
        if hromada.center_en:
            builder.add(hromada.center_en, ref)
        # The codifier names a hromada by its feminine adjective ("Харківська").
        builder.add_ukrainian_adjective(hromada.name_uk, ref)
        builder.add(hromada.name_en, ref)
        for alias in hromada.aliases:
            builder.add_name(alias, ref)
        if hromada.oblast_code and hromada.oblast_uk:
            oblasts[hromada.oblast_code] = hromada.oblast_uk
    for form, code in short_names(snapshot.hromadas.values()).items():
        builder.add_ukrainian_noun(form, EntityRef(EntityKind.HROMADA, code))
    for code, oblast_uk in oblasts.items():
        builder.add_ukrainian_adjective(oblast_uk, EntityRef(EntityKind.OBLAST, code))
        everyday = oblast_everyday_name(oblast_uk)
        if everyday is not None:
            builder.add_ukrainian_noun(everyday, EntityRef(EntityKind.OBLAST, code))


def _index_places(builder: _IndexBuilder, snapshot: Snapshot) -> set[EntityRef]:
    """Index the partner places of the snapshot and their regions; return the places that
    lie in the home country."""
    regions: dict[str, tuple[str, str]] = {}
    domestic: set[EntityRef] = set()
    for place in snapshot.places.values():
        ref = EntityRef(EntityKind.PLACE, place.key)
        if place.country == HOME_COUNTRY:
            domestic.add(ref)
        builder.add_ukrainian_noun(place.name.uk, ref)
        builder.add(place.name.en, ref)
        builder.add(place.name_local, ref)
        for alias in place.aliases:
            builder.add_name(alias, ref)
        if place.region is not None:
            regions[place.region.en] = (place.region.uk, place.region.en)
    for region_id, (region_uk, region_en) in regions.items():
        ref = EntityRef(EntityKind.REGION, region_id)
        builder.add_ukrainian_noun(region_uk, ref)
        builder.add(region_en, ref)
    return domestic


def _index_colloquial_forms(builder: _IndexBuilder, snapshot: Snapshot) -> None:
    """Index the forms residents give foreign partners' names the standard leaves undeclined
    («з Брном», «у Кошицях»), after every other name, and only where a form names nothing else:
    a guessed form never takes a name or a form from another place, hromada or country."""
    guessed: dict[str, set[EntityRef]] = defaultdict(set)
    for place in snapshot.places.values():
        if place.country == HOME_COUNTRY:
            continue
        ref = EntityRef(EntityKind.PLACE, place.key)
        names = {
            place.name.uk,
            *(alias for alias in place.aliases if any(map(is_cyrillic, alias))),
        }
        for name in sorted(names):
            for key in builder.forms.colloquial(normalize(name)):
                guessed[key].add(ref)
    for key, refs in guessed.items():
        # Two places guessed to the same form: it names neither of them.
        if key not in builder.exact and len(refs) == 1:
            builder.add_key(key, next(iter(refs)))


def _home_country_keys(forms: FormsCache) -> frozenset[str]:
    """The keys of the home country's names and their Ukrainian forms.

    Ukraine is where every hromada is: its name is an ordinary word of a question, and not a
    misspelt name («Украины» is not Українка)."""
    home: set[str] = set()
    for name in home_country_names():
        home.add(name_key(name))
        if any(map(is_cyrillic, name)):
            home.update(forms.nouns(normalize(name)))
    return frozenset(home)


def _index_countries(builder: _IndexBuilder) -> None:
    """Index every country by its names and adjectives, the constituent countries, and the
    world regions (continents, M49 sub-regions, the EU) by theirs."""
    for code, names in names_for_questions().items():
        ref = EntityRef(EntityKind.COUNTRY, code)
        for name in names:
            builder.add_name(name, ref)
    # «Європа», «в Азії», "European": a world region stands where a country would.
    for code, region in region_names().items():
        for name in region:
            builder.add_name(name, EntityRef(EntityKind.COUNTRY, code))
    for code, said in region_adjectives().items():
        for adjective in said:
            if any(map(is_cyrillic, adjective)):
                builder.add_ukrainian_adjective(adjective, EntityRef(EntityKind.COUNTRY, code))
            else:
                builder.add(adjective, EntityRef(EntityKind.COUNTRY, code))
    # «Шотландія», "Wales": a constituent country is its country and a region of it, as
    # England is when a partner lies there; a partner in England is none in Scotland.
    for region_en, (_, region_uk) in constituent_countries().items():
        for name in (region_en, region_uk):
            builder.add_name(name, EntityRef(EntityKind.REGION, region_en))
    for code, adjectives in adjectives_for_questions().items():
        ref = EntityRef(EntityKind.COUNTRY, code)
        for adjective in adjectives:
            if any(map(is_cyrillic, adjective)):
                builder.add_ukrainian_adjective(adjective, ref)
            else:
                builder.add(adjective, ref)


def _usual_readings(
    shared: Mapping[frozenset[EntityRef], object], snapshot: Snapshot
) -> dict[frozenset[EntityRef], str]:
    """For each set of several hromadas one name means, the reading usually meant."""
    usual: dict[frozenset[EntityRef], str] = {}
    for refs in shared:
        codes = [ref.id for ref in refs if ref.kind is EntityKind.HROMADA]
        if len(codes) > 1:
            chosen = usual_reading([snapshot.hromadas[code] for code in sorted(codes)])
            if chosen is not None:
                usual[refs] = chosen
    return usual
