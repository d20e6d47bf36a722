"""A sentence as the extractors read it: folded words, names, and the towns it may name.

A town the gazetteer does not know yet is still recognised where the text marks it as one:
after «містом», "the city of", or followed by its country («Вроцлав (Польща)», "Kraków,
Poland"). Such a name carries the country the text gives and no record.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace

import pycountry

from knowledge.extraction.keywords import (
    PARTNER_WORDS,
    PERSON_WORDS,
    SLOT_WORDS,
    TWIN_WORDS,
    VENUE_WORDS,
    starts,
)
from knowledge.extraction.names import (
    HOME_COUNTRY,
    NameKind,
    NameMention,
    PlaceInfo,
    PlaceNames,
    is_english_country_adjective,
)
from knowledge.extraction.sentences import Sentence
from knowledge.facts.dates import MONTH_WORDS
from knowledge.places.subdivisions import find_subdivision
from knowledge.places.world import is_world_place_name
from knowledge.text.given_names import is_latin_given_name
from knowledge.text.morphology import (
    is_dictionary_word,
    is_first_name,
    is_person_name,
    lemmas,
)
from knowledge.text.normalize import fold

# Prepositions after which a name is the side of a deal: «з містом», «між ... та», "with".
# "signed an agreement with Brandon", «підписали меморандум з Ґрафенвьортом».
DOCUMENT_WORDS = ("agreement", "memorandum", "mou", "угод", "меморандум", "договір", "договор")
_WITH_WORDS = ("з", "із", "зі", "між", "with", "between", "and", "та", "і", "й")
_CONJUNCTIONS = ("та", "і", "й", "and", ",")


@dataclass(frozen=True, slots=True)
class Town:
    """A town a sentence names, as a possible partner (or donor)."""

    first: int
    last: int
    written: str
    name: str
    place: str | None  # the knowledge base's place key
    hromada: str | None  # a Ukrainian hromada's code, for a domestic partner
    country: str | None
    region: str | None
    venue: bool  # «у місті Тампа», "in Tampa"
    person: bool  # «мера міста Колумбус», "the mayor of Columbus"


@dataclass
class SentenceView:
    """A sentence with its folded words, the names in it and the towns among them."""

    sentence: Sentence
    words: list[str]
    mentions: list[NameMention]
    towns: list[Town]

    @property
    def text(self) -> str:
        """The sentence as written."""
        return self.sentence.text

    def phrase_at(self, position: int, size: int) -> str:
        """`size` folded words from `position`, joined by spaces."""
        return " ".join(self.words[position : position + size])

    def countries(self, first: int = 0, last: int | None = None) -> list[tuple[int, str]]:
        """(position, ISO code) of every foreign country named between two tokens."""
        end = len(self.words) - 1 if last is None else last
        found: list[tuple[int, str]] = []
        for mention in self.mentions:
            if first <= mention.first <= end and mention.is_only(NameKind.COUNTRY):
                code = mention.ids(NameKind.COUNTRY)[0]
                if code != HOME_COUNTRY:
                    found.append((mention.first, code))
        return found

    def char_position(self, position: int) -> int:
        """Where token `position` starts in the sentence."""
        if position >= len(self.sentence.tokens):
            return len(self.sentence.text)
        return self.sentence.tokens[position].start


def _preceding(words: list[str], position: int, skip: tuple[str, ...]) -> list[str]:
    """Up to three words before `position`, skipping words that start with `skip`."""
    before: list[str] = []
    index = position - 1
    while index >= 0 and len(before) < 3:
        word = words[index]
        if not starts(word, skip):
            before.append(word)
        index -= 1
    return before


def is_venue(words: list[str], position: int) -> bool:
    """Whether the name at `position` is where something happened («у місті Тампа»)."""
    before = _preceding(words, position, SLOT_WORDS)
    adjectives = [word for word in before if word.endswith(("ому", "ій", "ім", "кому"))]
    first = before[len(adjectives)] if len(before) > len(adjectives) else ""
    return first in VENUE_WORDS


def _inflected(word: str, named: dict[str, Town]) -> Town | None:
    """The town whose Ukrainian name this word inflects («Гамбурга», «Гамбургом»)."""
    if not _is_cyrillic(word):
        return None
    for key, town in named.items():
        stem = key[: max(3, len(key) - 1)]
        # «Гамбурга» adds letters to «Гамбург»; «Ополя» changes the last one of «Ополе», «Ниси»
        # of «Ниса» (a name that short only changes its last letter).
        longest = 3 if len(stem) > 3 else 0
        if (
            _is_cyrillic(key)
            and word != key
            and word.startswith(stem)
            and 0 <= len(word) - len(key) <= longest
        ):
            return town
    return None


def _as_named(town: Town, named: dict[str, Town]) -> Town:
    """An unknown one-word town put in the name and country a sentence marked it with."""
    if town.place is not None or town.hromada is not None or town.first != town.last:
        return town
    word = fold(town.written)
    # Of «Шяуляєм» and «Шяуляй», both marked, the shorter is the name the other inflects.
    marked = _inflected(word, {key: other for key, other in named.items() if key != word})
    marked = marked or named.get(word)
    if marked is None or marked.name == town.name:
        return town
    # «Ниси» read alone as Niš, Serbia, is Nysa where the text named «Ниса» in Poland.
    return replace(town, name=marked.name, country=marked.country or town.country)


_TWIN_VERBS = ("is=", "became", "twinned", "has=", "was=")
_MAYORS = ("mayor", "burgomaster", "lord=")
_LIST_OPENERS = frozenset("-–—:,")


def _gap(view: SentenceView, before: int, after: int) -> str:
    """The text between two tokens."""
    tokens = view.sentence.tokens
    return view.text[tokens[before].end : tokens[after].start]


def _gap_after(view: SentenceView, position: int) -> str:
    """The text between a token and the next one, stripped."""
    tokens = view.sentence.tokens
    if position + 1 >= len(tokens):
        return ""
    return view.text[tokens[position].end : tokens[position + 1].start].strip()


# Words a partner or donor town follows: «з Жешувом», «рада та Жешув», "with Ostrołęka", "and
# Memmingen", «від Любліна», "from Lublin".
_TOWN_JOINERS = frozenset(
    {"з", "із", "зі", "та", "і", "й", "між", "with", "and", "between", "від", "from"}
)


# A town's name before "Mayor", or in the genitive after «мер»: the mayor's town.
_MAYOR_AFTER = frozenset({"mayor", "burgomaster", "lord"})
_DELEGATION_WORDS = ("делегаці",)
_MAYOR_BEFORE = frozenset(
    fold(word)
    for word in (
        *("мер", "мера", "меру", "мером", "бургомістр", "бургомістра"),
        *("бурмістр", "бурмістра", "бурмістром"),
    )
)


_SPEECH_WORDS = (
    *("said=", "says=", "told=", "added=", "noted=", "stated="),
    *("сказав", "сказала", "заявив", "заявила", "зазначив", "зазначила", "наголосив"),
    *("наголосила", "повідоми"),
)


# "Agata Wojda signed": what a person named after a town does.
_SIGNING_WORDS = ("signed=", "signs=", "підписав", "підписала", "підписує")

# «Дрогобицька міська рада та Жешув», "the council and ...": a hromada's body before a list.
_BODY_WORDS = ("рада", "громада", "council", "municipality")

# "Lublin delivered 12 generators to Kharkiv", «Люблін передав Харкову 12 генераторів»: what
# a town opening a sentence does as a donor. A verb that receives ("received", «отримав») is
# not one of them: a town abroad receiving goods is no donor.
_GIVING_WORDS = (
    *("delivered", "sent", "donated", "handed", "gave", "gifted", "transferred", "supplied"),
    *("передав", "передала", "передало", "надіслав", "надіслала", "надіслало", "доставив"),
    *("доставила", "доставило", "подарував", "подарувала", "подарувало", "пожертвував"),
    *("пожертвувала", "пожертвувало", "привіз", "привезла", "привезло", "вручив", "вручила"),
    *("вручило", "надав", "надала", "надало"),
)
_PERFECT_WORDS = ("has", "have")


def _gives(view: SentenceView, position: int) -> bool:
    """Whether a verb of giving aid stands at this position, right after the name before it
    ("Lublin delivered", "Lublin has sent", «Люблін передав»)."""
    words = view.words
    if position < len(words) and words[position] in _PERFECT_WORDS:
        if _gap_after(view, position - 1):
            return False
        position += 1
    return (
        0 < position < len(words)
        and words[position] in _GIVING_WORDS
        and not _gap_after(view, position - 1)
    )


def _bracket_after(view: SentenceView, last: int) -> bool:
    """Whether a bracket follows the name: it carries its own country, known or not."""
    return view.text[view.sentence.tokens[last].end :].lstrip().startswith("(")


def _slot_right_before(view: SentenceView, index: int) -> bool:
    """Whether the slot word before `index` leads straight to it: «містами: Брно», "city of"
    rather than "our new sister city,” Zalivskyi said" or "our city's Patron Saint"."""
    tokens = view.sentence.tokens
    between = view.text[tokens[index - 1].end : tokens[index].start]
    slot = view.text[tokens[index - 1].start : tokens[index - 1].end]
    possessive = slot.endswith(("'s", "’s", "'", "’"))
    abbreviated = slot in ("м", "М") and between.strip() == "."  # «м. Ченстохова»
    return abbreviated or (not possessive and between.strip() in ("", ":", ",", "–", "—"))


def _region_after_a_town(view: SentenceView, first: int, last: int, towns: set[int]) -> str | None:
    """The country of a region written after a comma that follows a town of no known
    country ("Santa Clara, California", «Девіс, Каліфорнія»): the one country with a region
    of that name. The towns are those of no country yet: after a town the gazetteer places
    ("Paris, Bremen and Madrid") a name is listed, not a region; and a region that GeoNames
    knows as a town too (Hamburg, Salzburg) may be listed as one."""
    tokens = view.sentence.tokens
    if first == 0 or first - 1 not in towns:
        return None
    if view.text[tokens[first - 1].end : tokens[first].start].strip() != ",":
        return None
    name = view.sentence.written(first, last)
    if is_world_place_name(name):
        return None
    return _country_with_region(name)


@functools.lru_cache(maxsize=4096)
def _country_with_region(name: str) -> str | None:
    """The one country (ISO alpha-2) that has a region of this name, or None."""
    found = {
        country.alpha_2
        for country in pycountry.countries
        if (region := find_subdivision(name, country.alpha_2)) is not None and region.is_region
    }
    return found.pop() if len(found) == 1 else None


def _in_a_title(view: SentenceView, slot: int) -> bool:
    """Whether an English slot word is written in a title with the capitalised word before
    it: "a Sister City Relationship", "the Partner Town Programme" name a tie or a body,
    and so does a town's own body after its name ("the Druzhkivka City Military
    Administration", "Burlington City Council"), where "the City of Brno" names a town."""
    sentence = view.sentence
    if not (
        slot > 0
        and view.words[slot].isascii()
        and sentence.is_capitalised(slot)
        and sentence.is_capitalised(slot - 1)
    ):
        return False
    if view.words[slot - 1] in ("sister", "twin", "partner", "friendship"):
        return True
    following = slot + 1
    return (
        view.words[slot] in ("city", "town")
        and following < len(view.words)
        and sentence.is_capitalised(following)
        and view.text[sentence.tokens[slot].end : sentence.tokens[following].start] == " "
    )


def foreign_unit_before(words: list[str], position: int) -> bool:
    """Whether a foreign unit's word stands right before a name: «Гміною Нове», "Gmina"."""
    return position > 0 and starts(words[position - 1], _FOREIGN_UNITS)


_FOREIGN_UNITS = ("гмін", "gmina", "комун", "commune", "муніципалітет")


def _speaker(view: SentenceView, town: Town) -> bool:
    """A first name that is a town's too, right before a word of speech: "with Kraków,
    Florence added", «Вікторія зазначила» is a person speaking, not a town."""
    following = town.last + 1
    if town.first != town.last or following >= len(view.words):
        return False
    word = view.words[town.first]
    return (is_first_name(word) or is_latin_given_name(word)) and starts(
        view.words[following], _SPEECH_WORDS
    )


def _first_name_and_surname(view: SentenceView, first: int, last: int) -> bool:
    """Whether two capitalised words no town bears are a first name and a surname: «війти
    гмін Ян Ковальський», "signed by Jan Kowalski" name people, where «Санта Клара" and
    "San Jose" are towns (GeoNames has them)."""
    if last != first + 1:
        return False
    sentence = view.sentence
    if view.text[sentence.tokens[first].end : sentence.tokens[last].start] != " ":
        return False
    word = view.words[first]
    if not (is_first_name(word) or is_latin_given_name(word)):
        return False
    return not is_world_place_name(sentence.written(first, last))


def _person_named(view: SentenceView, first: int) -> bool:
    """Whether the one word at `first` and the surname after it name a person: «голову
    Володимира Москаленка», «з Володимиром Бойком». The dictionary knows the word as a
    first name and the next one as a surname; a first name after it («голова Володимира
    Ігор Пальонка») makes it the town of the person named next."""
    following = first + 1
    words, sentence = view.words, view.sentence
    if following >= len(words) or not _is_cyrillic(words[first]):
        return False
    if view.text[sentence.tokens[first].end : sentence.tokens[following].start] != " ":
        return False
    surname = words[following]
    if is_first_name(surname) or is_world_place_name(sentence.written(first, following)):
        return False
    return is_first_name(words[first]) and is_person_name(surname)


def _is_person(words: list[str], position: int) -> bool:
    return any(starts(word, PERSON_WORDS) for word in words[max(0, position - 4) : position])


class ViewBuilder:
    """Builds sentence views with one gazetteer."""

    def __init__(self, names: PlaceNames) -> None:
        self.names = names

    def view(self, sentence: Sentence) -> SentenceView:
        """Read one sentence's names and towns."""
        words = [sentence.folded(index) for index in range(len(sentence.tokens))]
        view = SentenceView(sentence, words, self.names.mentions(sentence), [])
        # «голова громади Андрій Богдан»: a surname that is a village's name too.
        view.mentions = [
            mention
            for mention in view.mentions
            if not (
                mention.first > 0
                and mention.first == mention.last
                and not mention.is_only(NameKind.COUNTRY)
                and sentence.is_capitalised(mention.first - 1)
                and _first_name_and_surname(view, mention.first - 1, mention.last)
            )
        ]
        # «голову Володимира Москаленка»: a first name that is a hromada's too (Володимир),
        # followed by a surname, is a person; «голова Володимира Ігор Пальонка» is the town's
        # mayor (a first name follows it).
        spans = {
            position for mention in view.mentions for position in (mention.first, mention.last)
        }
        view.mentions = [
            mention
            for mention in view.mentions
            if not (
                mention.first == mention.last
                and mention.ids(NameKind.HROMADA)
                and mention.last + 1 not in spans
                and not (mention.first > 0 and starts(words[mention.first - 1], SLOT_WORDS))
                and mention.last + 1 < len(words)
                and sentence.is_capitalised(mention.last + 1)
                and _person_named(view, mention.first)
            )
        ]
        # «Того ж дня»: a pronoun, not Togo.
        view.mentions = [
            mention
            for mention in view.mentions
            if not (
                mention.is_only(NameKind.COUNTRY)
                and mention.first == mention.last
                and words[mention.first] == "того"
                and words[mention.first + 1 : mention.first + 2] in (["ж"], ["же"], ["самого"])
            )
        ]
        view.towns = [town for town in self._towns(view) if not _speaker(view, town)]
        return view

    def with_named_towns(self, view: SentenceView, named: dict[str, Town]) -> None:
        """Add the towns the document marked elsewhere («Гамбург (Німеччина)») where this
        sentence names them again without a mark ("aid from Hamburg"), with their country.

        `named` maps a town's folded one-word name to the town as first marked.
        """
        # «з Шяуляєм» read as a town before: the name is the town «Шяуляй» named elsewhere.
        view.towns = [_as_named(town, named) for town in view.towns]
        spans = [(item.first, item.last) for item in view.mentions]
        spans += [(town.first, town.last) for town in view.towns]
        taken = {position for first, last in spans for position in range(first, last + 1)}
        added: list[Town] = []
        for index, word in enumerate(view.words):
            if index in taken or not view.sentence.is_capitalised(index):
                continue
            town = named.get(word) or _inflected(word, named)
            if town is None:
                continue
            added.append(
                replace(
                    town,
                    first=index,
                    last=index,
                    written=view.sentence.written(index, index),
                    venue=is_venue(view.words, index),
                    person=_is_person(view.words, index),
                )
            )
        if added:
            view.towns = sorted([*view.towns, *added], key=lambda town: town.first)

    def _towns(self, view: SentenceView) -> list[Town]:
        foreign = dict(view.countries())
        towns: list[Town] = []
        covered: set[int] = set()
        words = view.words
        for mention in view.mentions:
            covered.update(range(mention.first, mention.last + 1))
            places = mention.ids(NameKind.PLACE)
            hromadas = mention.ids(NameKind.HROMADA)
            if len(places) == 1:
                place = self.names.place(places[0])
                if place is None:
                    continue
                namesake = self._namesake_placed_apart(view, mention, place, foreign)
                if namesake is not None:
                    towns.append(namesake)
                    continue
                towns.append(
                    Town(
                        mention.first,
                        mention.last,
                        mention.written,
                        place.name_uk if _is_cyrillic(mention.written) else place.name_en,
                        place.key,
                        None,
                        place.country,
                        self._region_after(view, mention.last),
                        is_venue(words, mention.first),
                        _is_person(words, mention.first),
                    )
                )
            elif hromadas and (
                (country := self._country_after(view, mention.last, foreign)) is not None
                or (country := self._foreign_slot_before(view, mention)) is not None
                or foreign_unit_before(words, mention.first)
            ):
                # «з Гміною Нове», «МІСТО НОВЕ РЕСПУБЛІКИ ПОЛЬЩА»: a foreign town's name that a
                # hromada shares.
                towns.append(
                    foreign_town(words, mention, country, person=_is_person(words, mention.first))
                )
            elif len(hromadas) == 1 and not mention.ids(NameKind.OBLAST):
                hromada = self.names.hromada(hromadas[0])
                if hromada is None:
                    continue
                towns.append(
                    Town(
                        mention.first,
                        mention.last,
                        mention.written,
                        hromada.center_uk or hromada.name_uk,
                        None,
                        hromada.code,
                        HOME_COUNTRY,
                        None,
                        is_venue(words, mention.first),
                        _is_person(words, mention.first),
                    )
                )
        towns += self._unknown_towns(view, covered)
        return sorted(towns, key=lambda town: town.first)

    def _namesake_placed_apart(
        self, view: SentenceView, mention: NameMention, place: PlaceInfo, countries: dict[int, str]
    ) -> Town | None:
        """The town a mention names where the text places it elsewhere than the knowledge
        base's place of that name: "Lille, Belgium" is not Lille, France; "Columbus,
        Georgia", «Колумбус (штат Джорджія, США)» is not Columbus, Ohio. None where the text
        says nothing against the place."""
        country = self._country_after(view, mention.last, countries)
        region = _region_word_after(view, mention.last)
        subdivision = None if region is None else find_subdivision(region[0], place.country)
        if subdivision is not None and subdivision.is_region:
            known = [
                find_subdivision(name, place.country)
                for name in (place.region_en, place.region_uk)
                if name
            ]
            if subdivision in known:
                return None
            # "Columbus, Georgia": the US state, not the country it shares a name with.
            country = place.country
        elif country is None or country == place.country:
            return None
        town = foreign_town(
            view.words, mention, country, person=_is_person(view.words, mention.first)
        )
        return replace(town, region=None if subdivision is None else region[0] if region else None)

    def _unknown_town_name(
        self,
        written: str,
        *,
        single: bool,
        after_slot: bool,
        listed: bool,
        adjective: bool,
        abroad: tuple[str, str | None] | None,
    ) -> str:
        """The name of an unknown town as written: `single` when it is one word, `abroad`
        what GeoNames found for it, `adjective` when its country's adjective comes before."""
        name = written if after_slot or not single else nominative(written)
        if abroad is not None and _is_cyrillic(written):
            return abroad[0]  # «з Тарнобжегом»: Тарнобжег
        if (
            (after_slot or listed)
            and single
            and _is_cyrillic(written)
            and written.casefold() not in lemmas(written.casefold())
        ):
            # «з польським Мальборком», «делегаціями Мальборка, Гданська», «місто-побратим
            # Гдині»: an inflected name GeoNames knows is put in its own nominative; one
            # written as a nominative stays as written («з містом Санок», «Ланьцут»), an
            # unknown one after its country's adjective or in a list takes its case.
            placed = self.names.town_abroad(written, marked=True)
            if placed is not None:
                return placed[0]
            if adjective or listed:
                return nominative(written)
        return name

    def _unknown_towns(self, view: SentenceView, covered: set[int]) -> list[Town]:
        """Capitalised names the text marks as towns, which the gazetteer does not know.

        A name is marked by a slot word right before it («містами: Ромійї-сюр-Сен», "the
        city of Brno"), by its country right after it («Девіс (США, Каліфорнія)»), or by
        being listed after such a name («Ланьцут, Гнєзно, Курнік (Польща)»): a listed name
        with no country of its own takes the country written after the list's next names.
        """
        sentence, words = view.sentence, view.words
        countries = dict(view.countries())
        found: list[Town] = []
        run: list[Town] = []  # the names of the current list, waiting for their country
        in_lists = self._twin_lists(view, covered)
        index = 0
        listing = False
        # «з німецькими містами Фрідберг, Нойштадт і Бедфорд», "the German towns of X and
        # Y": the country an adjective gives the list's first town is every listed town's.
        list_country: str | None = None
        while index < len(words):
            if (
                index in covered
                or not sentence.is_capitalised(index)
                or (
                    index == 0 and index not in in_lists and self._abroad(view, 0, covered) is None
                )
            ):
                listing = listing and (
                    index in covered
                    or words[index] in _CONJUNCTIONS
                    or self._continues_list(view, index)
                )
                head = self._list_head_country(view, index, covered)
                listing = listing or head is not None
                list_country = (head or list_country) if listing else None
                index += 1
                continue
            word = words[index]
            if word in MONTH_WORDS or sentence.tokens[index].is_number or starts(word, SLOT_WORDS):
                index += 1
                continue
            before = view.text[: sentence.tokens[index].start]
            if before.count("(") > before.count(")"):
                # «Девіс (США, Каліфорнія)»: what is in brackets tells where the town is.
                index += 1
                continue
            after_slot = _after_a_slot(view, index)
            # «з литовським Шяуляєм», «російським Курськом»: a country's adjective right
            # before a name marks it as a town of that country.
            adjective = (
                countries.get(index - 1)
                if index > 0 and not sentence.is_capitalised(index - 1)
                else None
            )
            after_slot = after_slot or adjective is not None
            last = self._name_end(view, index, covered)
            if _first_name_and_surname(view, index, last):
                listing = False
                index = last + 1
                continue
            unplaced = [town for town in (*found, *run) if town.country is None]
            state = _region_after_a_town(view, index, last, {town.last for town in unplaced})
            if state is not None:
                # "Santa Clara, California": the state of the town before, not a town.
                region = sentence.written(index, last)
                found = [
                    replace(town, country=state, region=region)
                    if town.last == index - 1 and town.country is None
                    else town
                    for town in (*found, *run)
                ]
                run = []
                listing = False
                index = last + 1
                continue
            next_word = words[last + 1] if last + 1 < len(words) else ""
            if word.isascii() and next_word in ("city", "cities", "town", "towns"):
                # "partnership agreements with Russian cities": a kind of town, not one.
                index = last + 1
                continue
            if word.isascii() and len(word) <= 3 and last == index and not after_slot:
                # "Brandon, Man.", "Salem, Ore.": a state or province abbreviated.
                index += 1
                continue
            country = self._country_after(view, last, countries)
            listed = listing and self._continues_list(view, index)
            # After «містом», or listed after a town («Ланьцут, Гнєзно»), a capital starts
            # a name even when the dictionary has the word (Острава).
            marked = after_slot or listed
            places = covered | {town.last for town in (*found, *run)}
            # «Томашува-Любельського»: a name of hyphen-joined words is looked up whole.
            whole = all(_gap(view, gap, gap + 1) == "-" for gap in range(index, last))
            abroad = self._abroad(view, index, places, last) if whole else None
            if _is_common(word) and not ((marked or abroad) and _is_cyrillic(word)):
                listing = False
                index += 1
                continue
            if not (after_slot or country or listed or index in in_lists or abroad):
                listing = False
                index += 1
                continue
            written = sentence.written(index, last)
            name = self._unknown_town_name(
                written,
                single=last == index,
                after_slot=after_slot,
                listed=listed,
                adjective=adjective is not None,
                abroad=abroad,
            )
            town = Town(
                index,
                last,
                written,
                name,
                None,
                None,
                country
                or adjective
                or (
                    self._slot_country(view, index)
                    if after_slot and not _apposed(view, index - 1)
                    else None
                )
                or (list_country if listed else None),
                self._region_after(view, last),
                is_venue(words, index),
                _is_person(words, index),
            )
            if not listed:
                found += run
                run = []
                list_country = self._slot_country(view, index) if after_slot else None
                list_country = None if list_country == HOME_COUNTRY else list_country
            if town.country is None and not _bracket_after(view, last):
                run.append(town)
            elif town.country is None:
                found.append(town)
            else:
                found += [replace(waiting, country=town.country) for waiting in run]
                run = []
                if town.country != HOME_COUNTRY:
                    found.append(town)
            listing = True
            index = last + 1
        found += run
        return sorted(found, key=lambda town: town.first)

    def _list_head_country(self, view: SentenceView, index: int, covered: set[int]) -> str | None:
        """The foreign country of a known town a country's adjective and a slot word mark
        («німецькими містами Фрідберг»), which opens a list of towns of that country."""
        if index not in covered or index - 1 in covered or not _after_a_slot(view, index):
            return None
        country = self._slot_country(view, index)
        return None if country == HOME_COUNTRY else country

    def _abroad(
        self, view: SentenceView, index: int, places: set[int], last: int | None = None
    ) -> tuple[str, str | None] | None:
        """A one-word name (or hyphen-joined words, up to `last`) GeoNames knows as a town
        abroad, where a town stands: after «з»,
        «та», "with", "and" («Дрогобицька міська рада та Жешув», "Chernihiv and Memmingen"),
        or opening the sentence before an apposition that calls it a town ("Klagenfurt, the
        capital of Carinthia, ..."): a first word before a bare comma or "and" is as often a
        person ("Charlotte, the project coordinator, said ...", "Austin and the team in
        Kharkiv"). A person's name («з Кучмою», «Тарас») is no town. After «та», "and"
        the name joins a list of places only where a place (`places`: token positions) or a
        council stands right before: "specifically Moscow and Voronezh" lists no place, and
        ", and Poprád offered" opens a clause. Returns (name, country or None).
        """
        words, sentence = view.words, view.sentence
        word = words[index]
        if (
            sentence.tokens[index].is_number
            or is_first_name(word)
            or is_person_name(word)
            or (word.isascii() and _is_common(word))
            or (index > 0 and is_first_name(words[index - 1]))
        ):
            return None
        opening = (index == 0 and _gap_after(view, 0) == "," and _town_apposition(words[1:4])) or (
            # "Lublin donated ...", "On 5 December 2023 Wroclaw handed over ...".
            (index == 0 or sentence.tokens[index - 1].is_number)
            and _gives(view, (last or index) + 1)
            and not is_latin_given_name(word)
        )
        # "Memmingen Mayor Jan Rothenbacher", «мер Мемінгена Ян Ротенбахер»: a mayor's town.
        # Not "Timothy Keller, Mayor of ..." (a person, then his office), nor the town of a
        # mayor quoted ("Brandon Mayor Jeff Fawcett said"): a speaker's town is no party.
        mayors = (
            index + 1 < len(words)
            and words[index + 1] in _MAYOR_AFTER
            and _gap_after(view, index) == ""
            and not (index > 0 and is_latin_given_name(words[index - 1]))
        ) or (index > 0 and words[index - 1] in _MAYOR_BEFORE and _is_cyrillic(word))
        # «з делегаціями Мальборка, Гданська та Ельблонга»: the towns the delegations come
        # from are named in the genitive right after the word.
        mayors = mayors or (
            index > 0 and starts(words[index - 1], _DELEGATION_WORDS) and _is_cyrillic(word)
        )
        if mayors and (
            not any(starts(other, _SPEECH_WORDS) for other in words) or _owns_a_twin(words)
        ):
            # «Мер Вроцлава заявив, що ... своє місто-побратима Львів»: a speaker's town is no
            # party, unless what is said is of the town's own twin.
            return self.names.town_abroad(sentence.written(index, last or index))
        placed = self._placed_in_country(view, index)
        if placed is not None:
            return placed
        if _paired_with_a_hromada(view, last or index):
            # "Kaunas and Poltava marked ...", «між Каунасом і Полтавою»: a name joined to a
            # hromada's is the hromada's partner, opening the sentence or not.
            return self.names.town_abroad(sentence.written(index, last or index))
        if not opening and (index == 0 or words[index - 1] not in _TOWN_JOINERS):
            return None
        if not opening and words[index - 1] in _CONJUNCTIONS:
            joined = index - 2
            if (
                joined < 0
                or _gap_after(view, joined)
                or not (joined in places or starts(words[joined], _BODY_WORDS))
            ):
                return None
        return self.names.town_abroad(sentence.written(index, last or index))

    def _placed_in_country(self, view: SentenceView, index: int) -> tuple[str, str] | None:
        """A name written with its country after "in" («у»), where GeoNames has a town of
        that name in that country: "Kristiansand in Norway", «Каунас у Литві». Returns (name,
        country) or None."""
        words = view.words
        at = index + 1
        # "the Ukmergė District Municipality in Lithuania": the body's words come between.
        while at < len(words) and at - index <= 2 and words[at] in _UNIT_WORDS:
            at += 1
        if at + 1 >= len(words) or words[at] not in ("in", "у", "в"):
            return None
        countries = dict(view.countries(at + 1, at + 1))
        country = countries.get(at + 1)
        if country is None or not view.sentence.is_capitalised(at + 1):
            return None
        found = self.names.town_abroad(view.sentence.written(index, index), marked=True)
        if found is None:
            return None
        if found[1] != country and self.names.country_of_town(found[0], [country]) != country:
            return None
        return found[0], country

    def _twin_lists(self, view: SentenceView, covered: set[int]) -> set[int]:
        """Where a sentence about twin towns lists two or more names: "Paris, Hamburg and
        Madrid became Kyiv's new sister cities", "Gdynia and Pardubice are now sister cities".
        """
        words, sentence = view.words, view.sentence
        if not any(
            starts(word, (*TWIN_WORDS, *PARTNER_WORDS)) or word in ("sister", "partner")
            for word in words
        ):
            return set()
        marked: set[int] = set()
        countries = {position for position, _code in view.countries()}
        if (
            words
            and 0 not in covered
            and not _is_common(words[0])
            and words[0].isascii()
            and self._name_end(view, 0, covered) == 0
            and any(starts(word, _TWIN_VERBS) for word in words[1:3])
        ):
            # "Winnipeg is a sister city to Lviv", "Bourges twinned with Korosten".
            marked.add(0)
        index = 0
        while index < len(words):
            names: list[int] = []
            joined = False  # a list ends "... and Metz"; commas alone are an apposition
            position = index
            while (
                position < len(words)
                and position not in covered
                and sentence.is_capitalised(position)
                and not sentence.tokens[position].is_number
                # Listed after a name, a capitalised Ukrainian word is a name («та Саарбрюкен»).
                and not (
                    _is_common(words[position]) and not (names and _is_cyrillic(words[position]))
                )
                and not starts(words[position], SLOT_WORDS)
            ):
                last = self._name_end(view, position, covered)
                if last - position > 1:
                    # "CKSCP Pesident Bob Herring": a town's name is one or two words.
                    names = []
                    break
                names.append(position)
                following = last + 1
                if (
                    following + 1 < len(words)
                    and words[following] in ("in", "у", "в")
                    and following + 1 in countries
                ):
                    # "Saint Helier in Jersey, Kristiansand in Norway": each town its country.
                    last, following = following + 1, following + 2
                if following >= len(words):
                    break
                between = view.text[sentence.tokens[last].end : sentence.tokens[following].start]
                if between.strip() == ",":
                    position = following
                elif words[following] in ("and", "та", "і", "й") and not joined:
                    joined = True
                    position = following + 1
                else:
                    break
            # A list stands between ordinary words: "Pesident Bob Herring and Kharkiv-Cincinnati
            # Sister City President" is people and bodies.
            opened = (
                not names
                or names[0] == 0
                or not sentence.is_capitalised(names[0] - 1)
                or bool(_LIST_OPENERS & set(_gap(view, names[0] - 1, names[0])))
            )
            closing = self._name_end(view, names[-1], covered) + 1 if names else 0
            closed = closing >= len(words) or not sentence.is_capitalised(closing)
            if len(names) >= 2 and joined and opened and closed:
                marked.update(names)
            index = max(index + 1, position + 1) if names else index + 1
        return marked

    def _name_end(self, view: SentenceView, index: int, covered: set[int]) -> int:
        """The last word of a name of several capitalised words ("Federal Way", «Нацерет
        Іліт»), written with a space or a hyphen between them."""
        sentence = view.sentence
        last = index
        hyphenated = (
            index + 1 < len(view.words)
            and view.text[sentence.tokens[index].end : sentence.tokens[index + 1].start] == "-"
        )
        if _is_person(view.words, index) and not hyphenated:
            # «мер міста Прущ-Ґданськ Януш Врубель»: the mayor's own name follows the town's
            # («бурмістр Томашува-Любельського» is one name, joined by its hyphen).
            return last
        while (
            last + 1 < len(view.words)
            and (
                not is_first_name(view.words[last + 1])
                or is_world_place_name(sentence.written(index, last + 1))
            )
            and not self._person_after(view, index, last)
            and last + 1 not in covered
            and sentence.is_capitalised(last + 1)
            and not sentence.tokens[last + 1].is_number
            and view.words[last + 1] not in MONTH_WORDS
            and view.text[sentence.tokens[last].end : sentence.tokens[last + 1].start]
            in (" ", "-")
            and not _is_common(view.words[last + 1])
        ):
            last += 1
        return last

    def _person_after(self, view: SentenceView, index: int, last: int) -> bool:
        """Whether a person's first name in Latin letters follows a town's name: "the city of
        Lublin Krzysztof Żuk said" is Lublin, then its mayor; "Santa Maria" is one name."""
        words = view.words
        sentence = view.sentence
        following = words[last + 1]
        if not is_latin_given_name(following):
            return False
        # "Agata Wojda said", "Krzysztof Żuk, the mayor": a surname, then speech or a title.
        # "San Giorgio, Italy", "San Pietro in Italy" are a town's name and its country.
        surname = last + 2
        # «з містом Санок Tomasz Matuszewski»: a Latin word never continues a Cyrillic name.
        written_apart = _is_cyrillic(words[last])
        if not written_apart and (
            surname >= len(words)
            or not sentence.is_capitalised(surname)
            or sentence.tokens[surname].is_number
            or view.text[sentence.tokens[last + 1].end : sentence.tokens[surname].start] != " "
            or not any(
                starts(word, _SPEECH_WORDS)
                or starts(word, PERSON_WORDS)
                or starts(word, _SIGNING_WORDS)
                for word in words[surname + 1 : surname + 5]
            )
        ):
            return False
        known = self.names.town_abroad(sentence.written(index, last), marked=True) is not None
        return known and (
            written_apart
            or (
                not is_world_place_name(sentence.written(index, last + 1))
                and not is_world_place_name(sentence.written(index, surname))
            )
        )

    @staticmethod
    def _continues_list(view: SentenceView, index: int) -> bool:
        """Whether the word at `index` follows a comma or a conjunction: the next list item."""
        tokens = view.sentence.tokens
        between = view.text[tokens[index - 1].end : tokens[index].start]
        return "," in between or view.words[index - 1] in _CONJUNCTIONS

    def _country_after(
        self, view: SentenceView, position: int, countries: dict[int, str]
    ) -> str | None:
        """The country written right after a name: «Вроцлав (Польща)», "Kraków, Poland"."""
        text = view.text
        end = view.sentence.tokens[position].end
        for offset in (1, 2, 3):
            candidate = position + offset
            if candidate in countries and (
                not view.sentence.is_capitalised(candidate)
                or is_english_country_adjective(view.words[candidate])
            ):
                if _from_a_region_of(view.words, position, candidate):
                    # «міста Віндзор із канадської провінції Онтаріо»: where the town is.
                    return countries[candidate]
                # «Холм, литовським містом Шяуляй», "Kharkiv, Russian troops": an adjective
                # tells of what follows it, not of the town before it.
                return None
            if candidate in countries:
                between = text[end : view.char_position(candidate)]
                opened = between.strip().startswith("(") and ")" not in between
                # «Нове Республіки Польща»: the town of the republic.
                republic = between.strip().casefold() in ("республіки", "republic of")
                if between.strip() in {"(", ",", "", "(м.", ", м."} or opened or republic:
                    return countries[candidate]
                return None
        return None

    def _foreign_slot_before(self, view: SentenceView, mention: NameMention) -> str | None:
        """The foreign country of a slot word right before a name: «з російськими містами-
        побратимами Подольськом», «з польським містом Хелм» name towns of that country even
        where a Ukrainian hromada's name is alike (Подільськ, Холм). A hromada the sentence
        names elsewhere is that hromada («міста-побратима Чорткова ... Чортківську громаду»).
        """
        position = mention.first
        if position < 2 or not starts(view.words[position - 1], SLOT_WORDS):
            return None
        hromadas = set(mention.ids(NameKind.HROMADA))
        if any(
            other is not mention and hromadas & set(other.ids(NameKind.HROMADA))
            for other in view.mentions
        ):
            return None
        country = self._slot_country(view, position - 1)
        if country is not None and _apposed(view, position - 1):
            # «від Монгайма-на-Рейні, німецького міста-побратима Мальборка»: the adjective
            # places the town the phrase is apposed to; the name after it is the twin's.
            return None
        return country if country != HOME_COUNTRY else None

    def _slot_country(self, view: SentenceView, position: int) -> str | None:
        """The country an adjective before the slot word gives: «німецьким містом»."""
        for mention in view.mentions:
            if position - 3 <= mention.first < position and mention.is_only(NameKind.COUNTRY):
                return mention.ids(NameKind.COUNTRY)[0]
        for word in view.words[max(0, position - 3) : position]:
            # «з англійським містом Бедфорд», "the Scottish town of": a constituent country's
            # adjective, which alone (English, «англійською») would name a language.
            if starts(word, _CONSTITUENT_ADJECTIVES):
                return "GB"
        return None

    def _region_after(self, view: SentenceView, last: int) -> str | None:
        """A region written in brackets after a town: «Колумбус (Огайо, США)»."""
        text = view.text
        after = text[view.sentence.tokens[last].end :]
        if not after.lstrip().startswith("("):
            return None
        for mention in view.mentions:
            if last < mention.first <= last + 4 and mention.ids(NameKind.REGION):
                return mention.written
        return None


def _apposed(view: SentenceView, slot: int) -> bool:
    """Whether the adjective and slot word ending at `slot` follow a name and a comma, as an
    apposition to that name («Монгайма-на-Рейні, німецького міста-побратима»)."""
    start = slot - 1
    while start > 0 and not view.sentence.is_capitalised(start - 1):
        if start < slot - 2:
            return False
        start -= 1
    if start == 0:
        return False
    tokens = view.sentence.tokens
    return view.text[tokens[start - 1].end : tokens[start].start].strip() == ","


_TIE_WORDS = (
    *TWIN_WORDS,
    *PARTNER_WORDS,
    "sister",
    "partner",
    "twin",
    "побратим",
    "угод",
    "договір",
    "договор",
    "меморандум",
    "agreement",
    "memorand",
    "річниц",
    "anniversar",
)
_OWN_TWIN = ("своє", "свого", "своїм", "своєму", "свої", "своїх", "its=", "their=")


def _owns_a_twin(words: list[str]) -> bool:
    """Whether the sentence speaks of its subject's own twin or partner town («своє
    місто-побратима», "its sister city", "its partner city")."""
    return any(
        starts(word, _OWN_TWIN)
        and any(
            starts(part, (*TWIN_WORDS, *PARTNER_WORDS)) or part in ("sister", "partner", "twin")
            for following in words[index + 1 : index + 3]
            for part in following.split("-")
        )
        for index, word in enumerate(words)
    )


def _paired_with_a_hromada(view: SentenceView, last: int) -> bool:
    """Whether a conjunction and then a hromada's name follow the name ending at `last`
    ("Kaunas and Poltava", «Каунас і Полтава»)."""
    if last + 2 >= len(view.words) or view.words[last + 1] not in _CONJUNCTIONS:
        return False
    if _gap_after(view, last) or not any(starts(word, _TIE_WORDS) for word in view.words):
        # Only where the sentence speaks of a tie: "Lublin and Lutsk residents" is no pair.
        return False
    return any(
        mention.first == last + 2 and mention.ids(NameKind.HROMADA) for mention in view.mentions
    )


_FROM_WORDS = frozenset({"з", "із", "зі", "у", "в", "from", "in"})
_REGION_WORDS = ("провінці", "штат", "земл", "округ", "воєводств", "province", "state")


def _from_a_region_of(words: list[str], town: int, adjective: int) -> bool:
    """Whether a country's adjective after a town opens the region the town is in: «Віндзор
    із канадської провінції Онтаріо», "Windsor in the Canadian province of Ontario"."""
    between = [word for word in words[town + 1 : adjective] if word != "the"]
    return (
        len(between) == 1
        and between[0] in _FROM_WORDS
        and adjective + 1 < len(words)
        and starts(words[adjective + 1], _REGION_WORDS)
    )


_CONSTITUENT_ADJECTIVES = (
    "англійськ",
    "шотландськ",
    "валлійськ",
    "уельськ",
    "english=",
    "scottish=",
    "welsh=",
)


def _region_word_after(view: SentenceView, last: int) -> tuple[str, int] | None:
    """The first capitalised word after a name that a comma or a bracket sets after it, within
    three words ("Columbus, Georgia", «Колумбус (штат Джорджія, США)»), with its position."""
    tokens = view.sentence.tokens
    if last + 1 >= len(tokens):
        return None
    if not view.text[tokens[last].end : tokens[last + 1].start].strip().startswith((",", "(")):
        return None
    for position in range(last + 1, min(len(tokens), last + 4)):
        if view.sentence.is_capitalised(position) and not tokens[position].is_number:
            return view.sentence.written(position, position), position
    return None


_POSSESSIVE = re.compile(r"['’]s?$")


def _is_cyrillic(text: str) -> bool:
    return any("\u0400" <= char <= "\u04ff" for char in text)


_TOWN_NOUNS = ("capital", "city", "town", "столиц", "місто", "містечк")


def _town_apposition(words: list[str]) -> bool:
    """Whether the words after an opening name call it a town: "the capital of", «місто»."""
    return any(starts(word, _TOWN_NOUNS) for word in words)


@functools.lru_cache(maxsize=8192)
def _is_common(word: str) -> bool:
    """A capitalised ordinary word at the start of a clause ("Місто", "The")."""
    if _is_cyrillic(word):
        return is_dictionary_word(word)
    return word in _ENGLISH_CAPITALISED


# Words naming a town's own body after its name: "Ukmergė District Municipality".
_UNIT_WORDS = frozenset(
    {"district", "municipality", "city", "town", "council", "county", "borough", "commune"}
)
_ENGLISH_CAPITALISED = frozenset(
    {
        "the",
        "a",
        "an",
        "city",
        "town",
        "mayor",
        "council",
        "in",
        "on",
        "at",
        "of",
        "and",
        "with",
        "ukraine",
        "ukrainian",
        "president",
        "minister",
        "embassy",
        # Words that follow "Sister City" in the names of programmes and bodies.
        "partnership",
        "partnerships",
        "program",
        "programme",
        "association",
        "committee",
        "commission",
        "agreement",
        "day",
        "week",
        "festival",
        "summit",
        "international",
        "initiative",
        "network",
        "council's",
        "sister",
        "twin",
        "mayor's",
        # Capitalised words that open a clause or a title rather than name a town.
        *("whole", "this", "that", "these", "those", "our", "his", "her", "their", "its"),
        *("we", "it", "they", "he", "she", "today", "yesterday", "also", "but", "as", "for"),
        *("by", "from", "to", "after", "before", "during", "since", "when", "while", "lord"),
        *("provost", "leader", "deputy", "vice", "governor", "state", "regional", "national"),
        *("news", "press", "release", "update", "updates", "photo", "video"),
        # Capitalised common nouns in the names of events, bodies and programmes ("Summit of
        # Cities and Regions", "Ukmergė District Municipality", "Cities4Cities Platform").
        *("cities", "towns", "regions", "region", "municipality", "municipalities"),
        *("community", "communities", "district", "districts", "county", "province", "oblast"),
        *("countries", "states", "forum", "conference", "congress", "assembly", "platform"),
        *("fund", "foundation", "union", "project", "campaign", "ministry", "government"),
        *("office", "department", "authorities", "agency", "service", "centre", "center"),
        *("university", "hospital", "society", "federation", "alliance", "league", "club"),
    }
)


def foreign_town(
    words: list[str], mention: NameMention, country: str | None, *, person: bool = False
) -> Town:
    """A town abroad that a mention names although a hromada shares its name: no place or
    hromada of the knowledge base, the country if the text gives it."""
    return Town(
        mention.first,
        mention.last,
        mention.written,
        nominative(mention.written),
        None,
        None,
        country,
        None,
        is_venue(words, mention.first),
        person,
    )


def nominative(written: str) -> str:
    """A name put back in the nominative where the dictionary can tell it ("Lviv's": "Lviv")."""
    if not _is_cyrillic(written):
        return _POSSESSIVE.sub("", written)
    if " " in written:
        return written
    forms = lemmas(written.casefold())
    if len(forms) != 1:
        return written
    (form,) = forms
    return form[:1].upper() + form[1:]


def _after_a_slot(view: SentenceView, index: int) -> bool:
    """Whether the word at `index` follows a slot word that marks a town: «містом Брно»,
    "the city of Brno", "Mayor Onay of Hannover", «угоду з Брно»."""
    words = view.words
    if index == 0:
        return False
    previous = words[index - 1]
    if (
        starts(previous, SLOT_WORDS)
        and _slot_right_before(view, index)
        and not _in_a_title(view, index - 1)
    ):
        return True
    if index < 2:
        return False
    if previous == "of" and any(
        starts(word, _MAYORS) for word in words[max(0, index - 3) : index - 1]
    ):
        # "Mayor Onay of Hannover": a mayor's town.
        return True
    return (
        starts(words[index - 2], (*SLOT_WORDS, *TWIN_WORDS, *DOCUMENT_WORDS))
        and previous in (*_WITH_WORDS, "of")
        and _slot_right_before(view, index - 1)
    )
