"""The one door from extraction to the gazetteer: place names in a sentence, and their records.

Everything extraction knows about names goes through `PlaceNames`, so that moving to another
gazetteer changes this module only. Today it asks the question engine's gazetteer
(`knowledge.places.gazetteer`), which knows every hromada, the knowledge base's partner places,
their regions, the oblasts and every country, with their inflected forms.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from knowledge.extraction.sentences import Sentence
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import HromadaKind
from knowledge.places.countries import adjectives_for_questions, country_name, country_table
from knowledge.places.gazetteer import EntityKind, Gazetteer
from knowledge.places.world import (
    WorldPlace,
    place_key,
    world_places_named,
    world_towns_named,
)
from knowledge.places.world_regions import is_world_region
from knowledge.qa.engine import Engine
from knowledge.text.morphology import is_dictionary_word, lemmas
from knowledge.text.normalize import fold, is_cyrillic

HOME_COUNTRY = "UA"
# A town elsewhere this many times larger is what a name means when the text does not say.
_CLEARLY = 5


@functools.cache
def _all_countries() -> tuple[str, ...]:
    """Every country code of the project's country table."""
    return tuple(sorted({country.code for country in country_table()} - {HOME_COUNTRY}))


@functools.cache
def _english_adjectives() -> frozenset[str]:
    return frozenset(
        adjective.casefold()
        for adjectives in adjectives_for_questions().values()
        for adjective in adjectives
        if adjective.isascii()
    )


def is_english_country_adjective(word: str) -> bool:
    """Whether a folded English word is a country's adjective ("polish", "russian")."""
    return word in _english_adjectives()


_POSSESSIVES = ("’s", "'s")


# Case endings of a town's name the dictionary does not know: «Жешувом», «Тарнобжегу».
_CASE_ENDINGS = ("ові", "еві", "ом", "ем", "ою", "ею", "у", "ю", "а", "я", "і")


# How a name is a town's: its own name in the text's script, its own name in the other
# script, or only one of its other names.
_OWN_NAME, _TRANSCRIBED, _OTHER_NAME = 2, 1, 0


def _towns_named(name: str) -> dict[str, tuple[int, WorldPlace]]:
    """Per foreign country, the town GeoNames knows by this name, with how it is its name.

    "Sparta" is Sparta's own name (Greece, the United States) and one of Isparta's other
    names (Turkey); «Спарта» is the own Ukrainian name of the Greek one only.
    """
    key = place_key(name)
    cyrillic = is_cyrillic(name[-1:])
    found: dict[str, tuple[int, WorldPlace]] = {}
    for code, places in world_towns_named(name).items():
        if code not in _all_countries():
            continue
        # Towns of a size in one country stand for it by the largest: the name is that
        # country's as much as another's ("Burlington": Canada's one, or the United States'
        # five), which is what tells whether the name alone places the town.
        place = places[0]
        native = place.name_uk if cyrillic else place.name
        other = place.name if cyrillic else place.name_uk
        if native and place_key(native) == key:
            found[code] = (_OWN_NAME, place)
        elif other and place_key(other) == key:
            found[code] = (_TRANSCRIBED, place)
        else:
            found[code] = (_OTHER_NAME, place)
    return found


def _nominatives(written: str) -> list[str]:
    """The written name, then, for a Cyrillic one, the forms it may inflect.

    A hyphenated name declines part by part («Томашува-Любельського»: Томашув-Любельський);
    as GeoNames often gives a Ukrainian name the Russian adjective ending
    («Томашув-Любельский»), that spelling of each part is tried too.
    """
    found = [written]
    parts = written.split("-")
    if len(parts) == _HYPHENATED_PARTS and all(map(is_cyrillic, (part[-1:] for part in parts))):
        options = [_part_forms(part) for part in parts]
        found += ["-".join(combination) for combination in itertools.product(*options)]
    if is_cyrillic(written[-1:]):
        found += [
            written[: -len(ending)]
            for ending in _CASE_ENDINGS
            if written.endswith(ending) and len(written) - len(ending) >= 4
        ]
        found += [form[:1].upper() + form[1:] for form in sorted(lemmas(written.casefold()))]
    return list(dict.fromkeys(found))


_HYPHENATED_PARTS = 2


def _part_forms(part: str) -> list[str]:
    """One part of a hyphenated Cyrillic name in the forms its nominative may take."""
    forms = [part, *(form[:1].upper() + form[1:] for form in sorted(lemmas(part.casefold())))]
    forms += [
        part[: -len(ending)]
        for ending in _CASE_ENDINGS
        if part.endswith(ending) and len(part) - len(ending) >= 4
    ]
    forms += [
        form[: -len(ending)] + russian
        for form in list(forms)
        for ending, russian in _RUSSIAN_ADJECTIVE_ENDINGS
        if form.endswith(ending)
    ]
    return list(dict.fromkeys(forms))


# GeoNames' Ukrainian names keep the Russian adjective ending: Любельський as Любельский.
_RUSSIAN_ADJECTIVE_ENDINGS = (("ський", "ский"), ("цький", "цкий"))


def ukrainian_spelling(name: str, written: str) -> str:
    """A name GeoNames spells with a Russian adjective ending, as the Ukrainian text spells it
    («Томашув-Любельский» for «Томашува-Любельського»)."""
    if "ськ" not in written and "цьк" not in written:
        return name
    for ending, russian in _RUSSIAN_ADJECTIVE_ENDINGS:
        name = re.sub(f"{russian}(?=$|-)", ending, name)
    return name


# A Ukrainian country adjective is built with -ськ-/-цьк-/-зьк- (польський, німецький,
# турецький): a lower-case word without it is an ordinary word that a country's name spells
# too («окрім того» is no Togo).
_ADJECTIVE_STEM = re.compile("[сцз]ьк")


class NameKind(StrEnum):
    """What a name in a text refers to."""

    HROMADA = "hromada"
    PLACE = "place"
    COUNTRY = "country"
    REGION = "region"
    OBLAST = "oblast"


_KINDS = {
    EntityKind.HROMADA: NameKind.HROMADA,
    EntityKind.PLACE: NameKind.PLACE,
    EntityKind.COUNTRY: NameKind.COUNTRY,
    EntityKind.REGION: NameKind.REGION,
    EntityKind.OBLAST: NameKind.OBLAST,
}


@dataclass(frozen=True, slots=True)
class NameMention:
    """Tokens `first`..`last` of a sentence name one or more records (several: ambiguous)."""

    first: int
    last: int
    written: str
    candidates: dict[NameKind, tuple[str, ...]]
    usual: str | None = None  # of several hromadas, the one the name usually means

    def ids(self, kind: NameKind) -> tuple[str, ...]:
        """The candidate records of one kind (KATOTTH codes, place keys, ISO codes...)."""
        return self.candidates.get(kind, ())

    def is_only(self, kind: NameKind) -> bool:
        """Whether every candidate is of this kind."""
        return set(self.candidates) == {kind}


@dataclass(frozen=True, slots=True)
class HromadaInfo:
    """A Ukrainian hromada as extraction needs it."""

    code: str
    name_uk: str
    name_en: str
    center_uk: str | None
    center_en: str | None
    kind: HromadaKind | None
    oblast_code: str | None
    aliases: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """Every name of the hromada, its centre's first, then former names and its own."""
        named = (self.center_uk, self.center_en, *self.aliases, self.name_uk, self.name_en)
        return tuple(name for name in named if name)


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """A partner place of the knowledge base as extraction needs it."""

    key: str
    name_uk: str
    name_en: str
    country: str
    region_uk: str | None
    region_en: str | None


class PlaceNames:
    """Finds and describes the places a text names, through the gazetteer."""

    def __init__(self, snapshot: Snapshot, gazetteer: Gazetteer) -> None:
        self._snapshot = snapshot
        self._gazetteer = gazetteer

    @classmethod
    def from_engine(cls, engine: Engine) -> PlaceNames:
        """Names as the running question engine knows them (same snapshot, same index)."""
        return cls(engine.snapshot, engine.gazetteer)

    def mentions(self, sentence: Sentence) -> list[NameMention]:
        """The names in a sentence, longest first, each starting with a capital as written.

        Lower-case words are ordinary words here (a document, unlike a question, capitalises
        its names), except adjectives of countries («німецьким містом», "a Polish town").
        """
        # "Kyiv’s new sister cities": a possessive names the place.
        tokens = tuple(
            replace(token, text=token.text[:-2])
            if token.is_latin and token.text.endswith(_POSSESSIVES) and len(token.text) > 4
            else token
            for token in sentence.tokens
        )
        # «з литовським містом Каунас»: a Ukrainian country adjective is written in lower
        # case (an English one never is, and "as" is no American Samoa).
        ordinary = frozenset(
            index
            for index in range(len(tokens))
            if index > 0
            and not sentence.is_capitalised(index)
            and (
                tokens[index].is_latin
                or not self._gazetteer.only_countries(tokens[index].text)
                or not _ADJECTIVE_STEM.search(tokens[index].text.casefold())
            )
        )
        found: list[NameMention] = []
        for mention in self._gazetteer.find(sentence.text, tokens, ordinary):
            if mention.approximate:
                continue
            written = sentence.written(mention.first, mention.last)
            if any(map(is_cyrillic, written)) and not self._gazetteer.knows(written):
                # Found only as Russian would spell a name: a Ukrainian text spells its names
                # the Ukrainian way, and «бурмістра Чеслава Волінського» is a man, not Volyn.
                continue
            candidates: dict[NameKind, list[str]] = {}
            for ref in sorted(mention.refs):
                # A village or town inside a hromada («Бене») is read by questions; a document
                # names the hromada or its centre, and a village's name alone proposes nothing.
                # «інших країн ЄС», «в Європі»: a document names a group of countries no
                # partner or donor lies in as such; a question may filter by it, a text may not.
                if ref.kind in _KINDS and not (
                    ref.kind is EntityKind.COUNTRY and is_world_region(ref.id)
                ):
                    candidates.setdefault(_KINDS[ref.kind], []).append(ref.id)
            if not candidates:
                continue
            if not sentence.is_capitalised(mention.first) and set(candidates) != {
                NameKind.COUNTRY
            }:
                continue
            if (
                set(candidates) == {NameKind.COUNTRY}
                and written.isascii()
                and len(written) <= 3
                and not written.isupper()
            ):
                # "As part of the cooperation": a short code is written in capitals ("US"),
                # a capitalised word opening a sentence is no American Samoa.
                continue
            found.append(
                NameMention(
                    mention.first,
                    mention.last,
                    sentence.written(mention.first, mention.last),
                    {kind: tuple(ids) for kind, ids in candidates.items()},
                    mention.usual,
                )
            )
        return found

    def hromada(self, code: str) -> HromadaInfo | None:
        """The hromada with this KATOTTH code."""
        found = self._snapshot.hromadas.get(code)
        if found is None:
            return None
        return HromadaInfo(
            found.code,
            found.name_uk,
            found.name_en,
            found.center_uk,
            found.center_en,
            found.kind,
            found.oblast_code,
            found.aliases,
        )

    def place(self, key: str) -> PlaceInfo | None:
        """The knowledge base's place with this key."""
        found = self._snapshot.places.get(key)
        if found is None:
            return None
        region = found.region
        return PlaceInfo(
            found.key,
            found.name.uk,
            found.name.en,
            found.country,
            None if region is None else region.uk,
            None if region is None else region.en,
        )

    def settles(self, hromada: str | None, key: str) -> bool:
        """Whether a name the knowledge base's place `key` has means that place for this
        hromada: the hromada has a record with it, or the place is the one town GeoNames
        clearly knows by its name (Brno, Leeds). "Columbus", «Домброва», "Friedberg" are the
        names of several towns: only a hromada's own recorded partner settles which."""
        if hromada is not None and any(
            agreement.place == key
            for agreement in self._snapshot.agreements_by_hromada.get(hromada, ())
        ):
            return True
        place = self._snapshot.places.get(key)
        if place is None:
            return False
        named = world_places_named(place.name.en)
        if place.country not in named:
            return False
        largest = named[place.country].population
        return all(
            other.population * _CLEARLY <= largest
            for code, other in named.items()
            if code != place.country
        )

    def country_of_town(self, name: str, countries: Sequence[str]) -> str | None:
        """The one country among `countries` (ISO alpha-2, as the document names them) that
        has a town of this name in GeoNames' cities15000 («Ченстохова»: PL); None when no
        country or more than one has it.

        A town elsewhere that has the name only among its other names does not outweigh one
        called so: "Sparta" in a text that names Greece is Sparta, not Isparta in Turkey.
        """
        ranked = _towns_named(name)
        found = [(code, ranked[code]) for code in countries if code in ranked]
        if not found and len(countries) == 1:
            # «Гміна Нове» in a text about Poland alone: a town too small for the table.
            return None if ranked else countries[0]
        if len(found) != 1:
            return None
        code, (rank, place) = found[0]
        elsewhere = [
            other for other_code, (other_rank, other) in ranked.items()
            if other_code not in countries and other_rank >= rank
        ]  # fmt: skip
        if any(other.population >= _CLEARLY * place.population for other in elsewhere):
            # "Paris" in a text that names the United States is still Paris, France.
            return None
        return code

    def town_abroad(self, written: str, *, marked: bool = False) -> tuple[str, str | None] | None:
        """A town abroad GeoNames' cities15000 knows by this one word, in any case form
        («Тарнобжегом»: Тарнобжег, «з Ніццою»: Ніцца), as (its name in the nominative, its
        country or None).

        Of the forms a word may inflect, the one that is a town's own name wins over one found
        only among towns' other names («Ніцц» is another name of Nice; «Ніцца» its own), and
        a Ukrainian name is returned as GeoNames writes it. A word the dictionary knows as an
        ordinary one («Ліга», «Надія», «Дружба») is a town only by its own Ukrainian name:
        GeoNames lists such words among other names of towns in China or India, unless the
        text `marked` the word as a town («з містом Санок»).

        The country is given when one country has a town of that name, or one such town is
        clearly the largest ("Paris" is in France); towns found by a weaker kind of name are
        not counted ("Sparta" is in Greece or the United States, never Isparta, Turkey). A
        name a Ukrainian town has is no town abroad here (it is a hromada's, or a Ukrainian
        town spelt the Russian way); a Russian town's name is one, with its country («та
        Бєлгород»: RU).
        """
        best: tuple[int, str, dict[str, tuple[int, WorldPlace]]] | None = None
        for name in _nominatives(written):
            named = world_places_named(name)
            if HOME_COUNTRY in named:
                continue
            if not named:
                # Only towns of a size bear the name in each country that has it ("Kent"):
                # too unsure a name to make a word a town.
                continue
            ranked = _towns_named(name)
            rank = max(found_rank for found_rank, _place in ranked.values())
            if best is None or rank > best[0]:
                best = (rank, name, ranked)
        if best is None:
            return None
        rank, name, ranked = best
        cyrillic = is_cyrillic(written[-1:])
        if cyrillic and not marked and rank < _OWN_NAME and is_dictionary_word(fold(name)):
            return None
        places = sorted(
            (place for found_rank, place in ranked.values() if found_rank == rank),
            key=lambda place: place.population,
            reverse=True,
        )
        clear = len(places) == 1 or places[0].population >= _CLEARLY * places[1].population
        if cyrillic and rank == _OWN_NAME and len(places) == 1 and places[0].name_uk:
            name = ukrainian_spelling(places[0].name_uk, written)
        return name, places[0].country if clear else None

    def region_country(self, region: str) -> str | None:
        """The one country of the knowledge base's places in this region ("Ohio": US)."""
        countries = {
            place.country
            for place in self._snapshot.places.values()
            if place.region is not None and place.region.en == region
        }
        return countries.pop() if len(countries) == 1 else None

    def country_abroad(self, name: str) -> str | None:
        """The country of the town abroad of this name (as `town_abroad`, the text having
        marked it as a town), or None."""
        found = self.town_abroad(name, marked=True)
        return None if found is None else found[1]

    def country_name(self, code: str, lang: str) -> str:
        """The country's name in "uk" or "en"."""
        return country_name(code, lang)
