"""Which hromada a written name means: by KATOTTH code, or by the name of any unit of the codifier.

Every hromada, city, town, settlement, village and city district of the codifier is known,
under its Ukrainian name, the official transliteration, and the other names GeoNames gives
(older, Russian-based and foreign spellings, and the former names of renamed towns), each
resolved to the hromada it belongs to. A village or a district names its hromada and is kept
in the answer (`Resolved.settlement`).

Names are compared in tiers, the first tier with a match deciding: the hromadas' official
names and centres, their other names (GeoNames', short forms such as «Франківськ»), then
settlements and districts; first as written (`name_key`), then across romanisations
(`latin_key`). Several hromadas left over are narrowed by a qualifier ("Novoselivka (Poltava
oblast)", an oblast column, "Pecherskyi (Kyiv)") or a kind word ("міська громада"), then by two
rules: a city named so over village and settlement hromadas, and of cities only the oblast
centre; then by what the caller knows (coordinates, the partner recorded for one of them).
Anything still ambiguous is reported with the candidates and their oblasts, never guessed; a
raion or an oblast is refused as such, with what to write instead.
"""

from __future__ import annotations

import functools
import math
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Protocol

from knowledge.facts.documents import HromadaDoc
from knowledge.facts.messages import N_, Name, Problem
from knowledge.facts.vocabulary import HromadaKind
from knowledge.places.raion_forms import adjective_stems, national_stems, town_stems
from knowledge.places.reference import (
    HistoricalLand,
    Settlement,
    SettlementKind,
    historical_lands,
    other_names,
    settlements,
)
from knowledge.places.transcription import ukrainian_transcription
from knowledge.store.curated import read_hromadas
from knowledge.text.morphology import lemmas
from knowledge.text.normalize import latin_key, name_key, romanisation_readings
from knowledge.text.transliteration import transliterate

_CODE = re.compile(r"^UA\d{17}$")
_KIND_WORDS: dict[str, HromadaKind] = {
    name_key(word): kind
    for word, kind in {
        "міська": HromadaKind.URBAN,
        "мтг": HromadaKind.URBAN,
        "urban": HromadaKind.URBAN,
        "miska": HromadaKind.URBAN,
        "селищна": HromadaKind.SETTLEMENT,
        "стг": HromadaKind.SETTLEMENT,
        "selyshchna": HromadaKind.SETTLEMENT,
        "сільська": HromadaKind.RURAL,
        "rural": HromadaKind.RURAL,
        "silska": HromadaKind.RURAL,
    }.items()
}
# What the place itself is, as a sheet says "city of Horodok", «смт Дубове», "Bene village":
# it narrows same-named places to those of that category in the codifier.
_UNIT_WORDS: dict[str, SettlementKind] = {
    name_key(word): kind
    for word, kind in {
        "city": SettlementKind.CITY,
        "місто": SettlementKind.CITY,
        "м": SettlementKind.CITY,
        "misto": SettlementKind.CITY,
        "смт": SettlementKind.SETTLEMENT,
        "селище": SettlementKind.SETTLEMENT,
        "smt": SettlementKind.SETTLEMENT,
        "selyshche": SettlementKind.SETTLEMENT,
        "settlement": SettlementKind.SETTLEMENT,
        "urban-type": SettlementKind.SETTLEMENT,
        "village": SettlementKind.VILLAGE,
        "село": SettlementKind.VILLAGE,
        "с": SettlementKind.VILLAGE,
        "selo": SettlementKind.VILLAGE,
    }.items()
}
# The hromada kind a unit's category says, for a name that is a hromada's, not a unit's.
_UNIT_HROMADA_KIND = {
    SettlementKind.CITY: HromadaKind.URBAN,
    SettlementKind.SETTLEMENT: HromadaKind.SETTLEMENT,
    SettlementKind.VILLAGE: HromadaKind.RURAL,
}
_NOISE_WORDS = frozenset(
    name_key(word)
    for word in (
        "територіальна",
        "територіальної",
        "громада",
        "тг",
        "отг",
        "рада",
        "hromada",
        "territorial",
        "community",
        "council",
        "municipality",
        "rada",
        "town",
        "of",
        "the",
        "ukraine",
        "україна",
        "ua",
        # "Lutsk amalgamated hromada", "Lutsk UTC", «Луцька ОТГ»: the hromadas formed
        # by merging councils, as English texts of the reform call them.
        "amalgamated",
        "united",
        "atc",
        "utc",
        "otg",
        "об’єднана",
        # The word for a municipality in the partner's language: "Solone Gemeinde",
        # «Gmina Hołowno», «comuna Ciudei», «Hnivan comune».
        "gemeinde",
        "gmina",
        "gminy",
        "gminą",
        "comuna",
        "comunei",
        "commune",
        "comune",
        "község",
        "obec",
        # A city's district in the partner's language: «(arrondissement de Kyïv)».
        "arrondissement",
        "dzielnica",
        "bezirk",
        "stadtbezirk",
    )
)
_OBLAST_WORDS = frozenset(
    name_key(word)
    for word in (
        "oblast",
        "oblasti",
        "область",
        "області",
        "обласна",
        "обласної",
        "областю",
        "области",
        "обл",
        "region",
        "регіон",
        "регіону",
        "province",
        "obl",
        "oblast'",
        # "Volyn Regional Council", «Волинська ОДА»: the oblast's own bodies are the oblast.
        "regional",
        "ода",
        # The word as the partner's language writes it: Polish «obwód lwowski», Romanian
        # «regiunea Cernăuți», French «région de Kherson», German «Gebiet Odessa»,
        # Hungarian «Kárpátaljai terület», Czech and Slovak «oblast», «oblasť».
        "obwód",
        "obwodu",
        "obwodzie",
        "obwodem",
        "obw",
        "ob",
        "regiunea",
        "regiune",
        "regiunii",
        "région",
        "regione",
        "regio",
        "gebiet",
        "terület",
        "megye",
        "oblasť",
        "oblasti",
        "oblastí",
    )
)
# The words that join the oblast word to its name in the languages that put the word first:
# «région de Kherson», «oblast di Dnipropetrovsk», «Oblast de Louhansk».
_OBLAST_LINKS = frozenset(
    name_key(word)
    for word in ("de", "di", "du", "d", "del", "des", "w", "we", "in", "im", "в", "у")
)
# "Autonomous Republic of Crimea", «АР Крим», «Республика Крым»: words of the name that the
# sheets leave out as often as they write them.
_AUTONOMY_WORDS = frozenset(
    name_key(word)
    for word in (
        "autonomous",
        "republic",
        "avtonomna",
        "respublika",
        "of",
        "ar",
        "arc",
        "автономна",
        "республіка",
        "ар",
        "арк",
        "автономная",
        "республика",
    )
)
# A city with special status as a sheet writes it: "Kyiv City", «м. Київ», "city of Sevastopol".
_CITY_WORDS = frozenset(
    name_key(word) for word in ("city", "of", "the", "м", "місто", "г", "город")
)
_RAION_WORDS = frozenset(
    name_key(word)
    for word in (
        "raion",
        "rayon",
        "район",
        "району",
        "р-н",
        "р-ну",
        "district",
        # «Ковельська районна рада», «Ковельська РДА»: the raion's own bodies are the raion.
        "районна",
        "районної",
        "рда",
        # The word as the partner's language writes it: Polish «rejon lubomelski», Romanian
        # «raionul Tomashpol», German «Rajon», Hungarian «Beregszászi járás», Czech «okres».
        "rejon",
        "rejonu",
        "rejonie",
        "raionul",
        "raionului",
        "rajon",
        "járás",
        "járásban",
        "okres",
    )
)
# The words of a body's title that name no place: "Lviv Regional State Administration",
# «Волинська обласна державна адміністрація».
_ADMINISTRATION_WORDS = frozenset(
    name_key(word)
    for word in ("state", "administration", "державна", "адміністрація", "адміністрації")
)
# Tiers of the index: official names, other names, settlements, each as written (0, 1, 2)
# and across romanisations (3, 4, 5); then the quarters city districts are named after (6, 7).
_LATIN_TIERS = frozenset({3, 4, 5, 7})
# The tiers of the quarters city districts are named after (Поділ for Подільський).
_QUARTER_TIERS = (6, 7)
# The tiers a settlement category is looked for in together: names as written, then across
# romanisations, then districts' stems.
_CATEGORY_TIER_GROUPS = ((0, 1, 2), (3, 4, 5), (6, 7))
_CRIMEA_PREFIX = "UA01"
# Adjective endings on the romanisation key, Russian «-ская» ("skaia") before Ukrainian «-ська».
# Polish, Czech and German adjectives too: «obwodu lwowskiego», «wołyńskim», «Lwiwer Gebiet».
_OBLAST_STEMS = (
    *("skaia", "kaia", "skoi", "koi", "skieho", "skiei", "skim", "ski", "kieho", "kim", "ki"),
    *("ska", "ka", "ia", "er", "a", "i"),
)
# An oblast's everyday name from its adjective: «-зька» is «-жчина» (Запоріжчина), «-цька»
# «-ччина» (Вінниччина, Донеччина), «-ська» «-щина» (Харківщина, Одещина). The one table of
# them: questions make the names from it (`oblast_everyday_name`), and the resolver reads them.
_EVERYDAY_OBLAST_ENDINGS = (("зька", "жчина"), ("цька", "ччина"), ("ська", "щина"))


def oblast_everyday_name(adjective: str) -> str | None:
    """The everyday name of an oblast from its adjective: «Харківська» → «Харківщина».

    None for a name that is no such adjective («Автономна Республіка Крим»).
    """
    for ending, everyday in _EVERYDAY_OBLAST_ENDINGS:
        if adjective.endswith(ending) and " " not in adjective:
            return adjective.removesuffix(ending) + everyday
    return None


# The same endings on the romanisation key, each in the cases a sentence puts it in: «-щина»
# ("sina") is «-ська» ("ska"), «-ччина» ("hina") «-цька» ("cka"), «-жчина» ("zhina") «-зька»
# ("zka"); the everyday name is keyed as its adjective is, less the "ka" put back after it.
_COLLOQUIAL = tuple(
    (latin_key(everyday)[:-1] + case, latin_key(adjective)[:-2])
    for adjective, everyday in _EVERYDAY_OBLAST_ENDINGS
    for case in ("oiu", "i", "a", "u")
)
_COLLOQUIAL_ENDINGS = (*(ending for ending, _ in _COLLOQUIAL), "atia", "izia")
# Historical lands that are one oblast each, by the key of their names: Bukovyna is Chernivtsi
# oblast, Prykarpattia Ivano-Frankivsk's, Transcarpathia Zakarpattia's, Volhynia Volyn's.
# Units whose centre is not named like them, whose population the tables do not give.
_CENTRES_NAMED_OTHERWISE = {"Автономна Республіка Крим": "Сімферополь"}
# How Crimea's status is written beside its name («АР Крим», "Autonomous Republic of Crimea").
_CRIMEA_STATUS_WORDS = frozenset(
    name_key(word)
    for word in (
        *("АР", "АРК", "автономна", "республіка", "автономная", "республика"),
        *("autonomous", "republic", "of", "the", "AR", "ARC"),
    )
)
# Crimea's names, each with the oblast name the index knows it by.
_CRIMEA_NAMES = {
    name_key(word): name_key("Крим") for word in ("Крим", "Криму", "Крым", "Crimea", "Krym")
}
_REGION_NAMES = {
    latin_key(name_key(name)): latin_key(name_key(oblast))
    for names, oblast in (
        (("Буковина", "Буковини", "Bukovyna", "Bukovina"), "Чернівецька"),
        (("Прикарпаття", "Prykarpattia"), "Івано-Франківська"),
        (
            (
                *("Transcarpathia", "Закарпаття", "Zakarpattia", "Kárpátalja", "Kárpátaljai"),
                *("Zakarpacie", "Transcarpatia", "Transcarpathie", "Transkarpatien"),
            ),
            "Закарпатська",
        ),
        (("Bukowina", "Bucovina", "Bukovine"), "Чернівецька"),
        (("Волинь", "Волині", "Volhynia", "Volyn", "Volhynian"), "Волинська"),
        (("Transcarpathian", "Закарпатті"), "Закарпатська"),
        # Russian adjectives not made the way the city's Russian name would make them.
        (("Ровенская", "Ровенской", "Rovenskaya"), "Рівненська"),
        # Polish adjectives made from the Polish names of the cities, Równe and Czerniowce.
        (("Rówieński", "Rówieńskiego", "Rówieńskim", "Rówieńska"), "Рівненська"),
        (("Czerniowiecki", "Czerniowieckiego", "Czerniowieckim"), "Чернівецька"),
        (
            (
                *("Crimea", "Crimean", "Krym", "Крим", "Криму", "Крым", "Крыму"),
                *("Crimée", "Crimeea", "Krim", "Krím", "Krymu", "Crimeia", "Krimea"),
            ),
            "Крим",
        ),
    )
    for name in names
}
# The letters that say which language spells a name (`HromadaIndex._by_foreign_spelling`).
_SPELLING_LETTERS = (
    ("RO", "ășțşţ"),
    ("CZ", "čďěňřšťůž"),
    ("HU", "őű"),
    ("PL", "ąćęłńśźż"),
)
# How much nearer than the next candidate coordinates must put one before they decide.
_NEARER = 3.0
_NEAR_KM = 60.0
_EARTH_RADIUS_KM = 6371.0
# Parts of hyphenated city names that are not names by themselves («Івано-», «Сен-»).
_MIN_SHORT_FORM = 5
# The shortest quarter a district is named after (Поділ).
_MIN_QUARTER = 4
_ADJECTIVE_ENDINGS = ("ський", "цький", "зький", "ий", "ій")


@dataclass(frozen=True)
class Resolved:
    """The hromada a name means, and the settlement or district it named, if not the centre."""

    code: str
    settlement: Settlement | None = None


@dataclass(frozen=True)
class Ambiguous(Problem):
    """A name several hromadas share, with what each candidate would resolve to, so that a
    caller who learns more later (an importer that has read the whole sheet) can settle it."""

    # The candidates as found; turned into `Resolved` only when one is settled on, since a
    # name such as Ivanivka has a hundred of them.
    entries: tuple[_Entry, ...] = ()

    def settled(self, hints: Hints) -> Resolved | None:
        """The one candidate what the caller learnt later points to (the partner recorded for
        it, coordinates), by the rule `HromadaIndex.resolve` applies; None if still open."""
        decided = _decided_by(list(self.entries), hints)
        return _resolved(decided) if decided is not None else None


@dataclass(frozen=True)
class Hints:
    """What else a row says that may tell same-named hromadas apart.

    `near`: coordinates (latitude, longitude) of the place meant, which decide when one
    candidate is near them; `partnered`: hromadas that already record the partner named
    beside it, which decide when one candidate is among them; `partner_near`: where the
    partner is, which only keeps a name open when it lies much nearer another candidate than
    the one the usual reading would take.
    """

    near: tuple[float, float] | None = None
    partnered: frozenset[str] = frozenset()
    partner_near: tuple[float, float] | None = None


@dataclass(frozen=True)
class _Entry:
    hromada: HromadaDoc
    settlement: Settlement | None = None
    by_centre: bool = False


class HromadaLike(Protocol):
    """What the reading rules need of a hromada: a document or the engine's compact record."""

    @property
    def code(self) -> str: ...

    @property
    def kind(self) -> HromadaKind | None: ...

    @property
    def center_uk(self) -> str | None: ...

    @property
    def oblast_uk(self) -> str | None: ...

    @property
    def aliases(self) -> Sequence[str]: ...


def usual_reading(candidates: Sequence[HromadaLike]) -> str | None:
    """Of hromadas whose centres share a name, the code of the one the name usually means.

    The rules the importer applies too: the only city among village and settlement hromadas
    (Рівне, not the village in Crimea), and of cities only the oblast centre (Миколаїв);
    otherwise None, the name stays ambiguous.
    """
    cities = [hromada for hromada in candidates if _is_city_like(hromada)]
    if len(cities) == 1:
        return cities[0].code
    if cities and len(cities) == len(candidates):
        centres = [hromada for hromada in cities if _is_oblast_centre(hromada)]
        if len(centres) == 1:
            return centres[0].code
    return None


def _is_city_like(hromada: HromadaLike) -> bool:
    if hromada.kind in (HromadaKind.URBAN, HromadaKind.SPECIAL):
        return True
    # The occupied territories have no kind in the reference table; GeoNames lists only
    # towns of some size, so its other names mark a city there.
    return hromada.kind is None and bool(hromada.aliases)


def _common_prefix(first: str, second: str) -> int:
    length = 0
    for a, b in zip(first, second, strict=False):
        if a != b:
            break
        length += 1
    return length


def _oblast_key(text: str) -> str:
    words = name_key(text).split()
    kept = [
        word
        for word in words
        if word not in _OBLAST_WORDS
        and word not in _AUTONOMY_WORDS
        and word not in _ADMINISTRATION_WORDS
        and word not in _NOISE_WORDS
        and word not in _OBLAST_LINKS
    ]
    key = latin_key(" ".join(kept or words)).replace(" ", "")
    key = _REGION_NAMES.get(key, key)
    for ending, written in _COLLOQUIAL:
        # Київщина, Черкащини, Вінниччина: the oblast's everyday name, in any case, keyed as
        # its adjective (Київська) is.
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            key = key[: -len(ending)] + written + "ka"
            break
    for ending in _OBLAST_STEMS:
        if key.endswith(ending) and len(key) - len(ending) >= 4:
            return key[: -len(ending)]
    return key


def _city_key(text: str) -> str:
    # "Sevastopol region" is the city's own territory, its villages included.
    words = [
        word
        for word in name_key(text).split()
        if word not in _CITY_WORDS and word not in _OBLAST_WORDS
    ]
    return latin_key(" ".join(words)).replace(" ", "")


def _is_oblast_centre(hromada: HromadaLike) -> bool:
    named_otherwise = _CENTRES_NAMED_OTHERWISE.get(hromada.oblast_uk or "")
    if named_otherwise is not None:
        return hromada.center_uk == named_otherwise
    # Mykolaiv is the oblast centre and also a town in Lviv oblast: a name shared by cities
    # alone means the oblast centre, the way "Mykolaiv" is read everywhere outside Lviv oblast.
    if not hromada.center_uk or not hromada.oblast_uk:
        return False
    centre, oblast = _oblast_key(hromada.center_uk), _oblast_key(hromada.oblast_uk)
    shortest = min(len(centre), len(oblast))
    return shortest >= 4 and _common_prefix(centre, oblast) >= shortest - 1


def _better_centre(hromada: HromadaDoc, known: HromadaDoc | None) -> bool:
    """Whether a hromada is likelier its oblast's centre than the one found so far.

    Every oblast's centre is its largest city (Луцьк, Ужгород, Кропивницький), which the
    name alone does not tell; where populations are unknown, a city named like its oblast is.
    """
    if hromada.population is None:
        return known is None and _is_oblast_centre(hromada)
    return known is None or known.population is None or hromada.population > known.population


def _short_forms(name: str) -> list[str]:
    """The parts of a hyphenated city name residents use alone: «Франківськ», «Кам’янець»."""
    parts = name.split("-")
    if len(parts) < 2:
        return []
    return [
        part
        for part in parts
        if len(part) >= _MIN_SHORT_FORM
        and not part.endswith(_ADJECTIVE_ENDINGS)
        and not part.endswith("о")
    ]


def short_names(hromadas: Iterable[HromadaLike]) -> dict[str, str]:
    """Short forms of city names residents use alone («Франківськ») and the other names of
    `other_names.csv` («Франик», «Проскурів») → the hromada's code.

    A short form two cities would share («Кам’янець») names neither.
    """
    owners: dict[str, set[str]] = defaultdict(set)
    for hromada in hromadas:
        if hromada.center_uk and _is_city_like(hromada):
            for form in _short_forms(hromada.center_uk):
                owners[form].add(hromada.code)
            # «з ким побратим Франик?», «побратими Проскурова»: `other_names.csv`.
            for other in other_names().get((hromada.center_uk, hromada.oblast_uk or ""), ()):
                owners[other].add(hromada.code)
    return {form: next(iter(codes)) for form, codes in owners.items() if len(codes) == 1}


def _district_stems(settlement: Settlement) -> list[str]:
    """The name of the quarter a city district is named after ("Pechersk" for Pecherskyi)."""
    if settlement.kind is not SettlementKind.DISTRICT or not settlement.name_uk.endswith("ий"):
        return []
    stems = [settlement.name_uk[:-2]]
    # «Подільський» is named after Поділ, «Святошинський» after Святошин: the quarter's name
    # is the adjective without «-ський».
    quarter = settlement.name_uk.removesuffix("ський").removesuffix("ь")
    if quarter != settlement.name_uk and len(quarter) >= _MIN_QUARTER:
        stems.append(quarter)
    # «Дарницький» is named after Дарниця: -цький from a quarter in -ця.
    if settlement.name_uk.endswith("цький") and len(settlement.name_uk) > len("цький") + 2:
        stems.append(settlement.name_uk.removesuffix("цький") + "ця")
    return [form for stem in stems for form in (stem, transliterate(stem))]


class HromadaIndex:
    """Looks up hromadas by every name of every unit of the codifier (built once, ~0.5 s)."""

    def __init__(self, hromadas: Iterable[HromadaDoc], units: Iterable[Settlement] = ()) -> None:
        self.by_code: dict[str, HromadaDoc] = {}
        self.settlements: dict[str, Settlement] = {}
        # The category of each hromada's centre: city, settlement or village.
        self.centre_kinds: dict[str, SettlementKind] = {}
        # Tiers: official, other, settlements; each as written, then across romanisations.
        self.tiers: list[dict[str, dict[str, _Entry]]] = [defaultdict(dict) for _ in range(8)]
        # Hromadas by their centres' names on the key Russian-based spellings meet on.
        self.by_sound: dict[str, dict[str, _Entry]] = defaultdict(dict)
        self._known_keys: dict[str, tuple[str, str]] = {}
        for hromada in hromadas:
            self.by_code[hromada.code] = hromada
        for hromada in self.by_code.values():
            official = [(form, False) for form in (hromada.name_uk, hromada.name_en)]
            centre = [hromada.center_uk, hromada.center_en]
            if hromada.center_uk:
                centre.append(transliterate(hromada.center_uk))
            official += [(form, True) for form in centre if form]
            other = [(alias, True) for alias in hromada.aliases]
            self._add_forms(0, official, hromada)
            self._add_forms(1, other, hromada)
            if hromada.center_uk:
                # «Златопільська міська рада»: a hromada is called after its centre, also
                # where the codifier still gives it the name the centre bore (Первомайська).
                for adjective in _hromada_adjectives(latin_key(name_key(hromada.center_uk))):
                    self._add(self.tiers[4], adjective, _Entry(hromada))
        for form, code in short_names(self.by_code.values()).items():
            self._add_forms(1, [(form, True), (transliterate(form), True)], self.by_code[code])
        self._index_units(units)
        self._known_keys.clear()
        self.oblasts: dict[str, str] = {}
        self.special_cities: dict[str, str] = {}
        self.oblast_centres: dict[str, HromadaDoc] = {}
        self.raions: dict[str, list[HromadaDoc]] = defaultdict(list)
        self.raion_stems: dict[str, set[str]] = defaultdict(set)
        self._index_oblasts_and_raions()
        self.lands = self._lands()
        # Each land by the exact key of each of its names ("Sloboda Ukraine", never "Sloboda").
        self.land_names = {
            latin_key(name_key(name)): land for land in historical_lands() for name in land.names
        }
        self._add_city_names()

    def _index_units(self, units: Iterable[Settlement]) -> None:
        """Index the settlements and city districts of the codifier by their names, a
        neighbour's or former name, and a district's quarter; a hromada's centre adds its
        other names to the hromada's."""
        # «Київський» district of Kharkiv is no quarter called Київ: a stem that names a
        # hromada's centre stays that centre's name ("Kyiv, Kharkiv Oblast" is Kyiv).
        centre_keys = {
            key
            for hromada in self.by_code.values()
            for centre in (hromada.center_uk, hromada.center_en)
            if centre
            for key in self._keys(centre)
        }
        for unit in units:
            owner = self.by_code.get(unit.hromada)
            if owner is None:
                continue
            self.settlements[unit.code] = unit
            # A neighbour's or a former name of a village or town (Hungarian «Nagymuzsaly»
            # for Мужієво, Polish «Emilczyn» for Ємільчине): `other_names.csv`, by the
            # settlement's and its oblast's Ukrainian names.
            others = other_names().get((unit.name_uk, owner.oblast_uk or ""), ())
            if unit.name_uk == owner.center_uk and unit.kind is not SettlementKind.DISTRICT:
                self.centre_kinds[owner.code] = unit.kind
                # GeoNames' names may have gone to the centre's own row (Луганськ, which KSE
                # gives no coordinates: «Ворошиловград», "Voroshilovgrad").
                names = (*unit.aliases, *others)
                self._add_forms(1, [(name, True) for name in names], owner)
                continue
            entry = _Entry(owner, unit)
            for form in (unit.name_uk, unit.name_en, *unit.aliases, *others):
                key, latin = self._keys(form)
                self._add(self.tiers[2], key, entry)
                self._add(self.tiers[5], latin, entry)
            # "Pechersk" for the Pecherskyi district: only when nothing else has the name.
            for form in _district_stems(unit):
                key, latin = self._keys(form)
                if key in centre_keys or latin in centre_keys:
                    continue
                self._add(self.tiers[6], key, entry)
                self._add(self.tiers[7], latin, entry)

    def _index_oblasts_and_raions(self) -> None:
        """Fill the oblasts by their names, each oblast's centre, the hromadas of each raion
        and the raions by the stems of their names."""
        for hromada in self.by_code.values():
            if hromada.oblast_code and hromada.oblast_en and hromada.oblast_uk:
                for name in (hromada.oblast_en, hromada.oblast_uk):
                    self.oblasts[_oblast_key(name)] = hromada.oblast_code
                if _better_centre(hromada, self.oblast_centres.get(hromada.oblast_code)):
                    self.oblast_centres[hromada.oblast_code] = hromada
            if hromada.raion_uk:
                self.raions[hromada.raion_code or ""].append(hromada)
            if hromada.raion_code:
                for raion in (hromada.raion_uk, hromada.raion_en):
                    if raion:
                        self.raion_stems[_raion_stem(name_key(raion))].add(hromada.raion_code)

    def _lands(self) -> dict[str, tuple[HistoricalLand, frozenset[str]]]:
        """The historical lands by the key of each of their names, with the codes of the
        oblasts each lies in ("Podolia": Vinnytsia, Khmelnytskyi, Ternopil, Odesa)."""
        codes = {
            hromada.oblast_uk: hromada.oblast_code
            for hromada in self.by_code.values()
            if hromada.oblast_uk and hromada.oblast_code
        }
        found: dict[str, tuple[HistoricalLand, frozenset[str]]] = {}
        for land in historical_lands():
            oblasts = frozenset(codes[name] for name in land.oblasts_uk if name in codes)
            if oblasts:
                for name in land.names:
                    found.setdefault(_land_key(name), (land, oblasts))
        return found

    def _add_city_names(self) -> None:
        """Know an oblast by its centre's names too, the older and Russian ones GeoNames gives
        ("Nikolaev", "Kharkov", «Ровно», so «Николаевская область»), and the cities with
        special status, which belong to no oblast, by theirs.

        An official name keeps its oblast: a centre's other name never takes it over.
        """
        for hromada in self.by_code.values():
            if hromada.oblast_code is None and hromada.center_uk:
                for name in (hromada.center_uk, hromada.name_en):
                    self.special_cities.setdefault(_city_key(name), hromada.code)
                for name in hromada.aliases:
                    key = _city_key(name)
                    if len(key) >= 4:  # not GeoNames' "Civ" for Kyiv
                        self.special_cities.setdefault(key, hromada.code)
        cities = [(code, centre) for code, centre in self.oblast_centres.items()] + [
            (found, self.by_code[city])
            for city in set(self.special_cities.values())
            if (found := self.oblast_code(self.by_code[city].center_uk or "")) is not None
        ]
        for code, centre in cities:
            for name in (centre.center_uk or "", *centre.aliases):
                key = _oblast_key(name)
                if len(key) >= 4:
                    self.oblasts.setdefault(key, code)

    def special_city(self, text: str) -> str | None:
        """The city with special status (Kyiv, Sevastopol) that "Kyiv City", «м. Київ» or
        "Sevastopol" names as a place's region, by its hromada's code."""
        return self.special_cities.get(_city_key(text))

    def _add_forms(self, tier: int, forms: list[tuple[str, bool]], hromada: HromadaDoc) -> None:
        for form, by_centre in forms:
            entry = _Entry(hromada, None, by_centre)
            key, latin = self._keys(form)
            self._add(self.tiers[tier], key, entry)
            self._add(self.tiers[tier + 3], latin, entry)
            if by_centre:
                self._add(self.by_sound, _sound_key(latin), entry)

    def _keys(self, form: str) -> tuple[str, str]:
        # Settlements share names by the hundred (Новоселівка): each spelling is keyed once.
        keys = self._known_keys.get(form)
        if keys is None:
            key = name_key(form)
            keys = self._known_keys[form] = (key, " ".join(map(latin_key, key.split())))
        return keys

    @staticmethod
    def _add(table: dict[str, dict[str, _Entry]], key: str, entry: _Entry) -> None:
        if not key:
            return
        entries = table[key]
        known = entries.get(entry.hromada.code)
        if known is None or (entry.by_centre and not known.by_centre):
            entries[entry.hromada.code] = entry

    def oblast_code(self, text: str) -> str | None:
        """The oblast a qualifier such as "Poltava oblast" or "Полтавська обл." names."""
        key = _oblast_key(text)
        if key in self.oblasts:
            return self.oblasts[key]
        # French "Oblast de Louhansk", German "Oblast Tschernihiw": the name read back from
        # another language's romanisation, when it names one oblast exactly.
        read = {
            code
            for reading in romanisation_readings(name_key(text))
            if (code := self.oblasts.get(_oblast_key(reading))) is not None
        }
        if len(read) == 1:
            return read.pop()
        # "Kyiv Oblast" is keyed "kiv", the stem of «Київська» "kivs": a short key names the
        # one oblast whose stem starts with it.
        starting = {code for known, code in self.oblasts.items() if known.startswith(key)}
        if len(key) >= 3 and len(starting) == 1:
            return starting.pop()
        if len(key) < 4:
            return None
        scored = sorted(
            ((_common_prefix(key, known), code) for known, code in self.oblasts.items()),
            reverse=True,
        )
        best = [code for score, code in scored if score == scored[0][0]]
        if scored[0][0] >= 5 and len(set(best)) == 1:
            return best[0]
        return None

    def resolve(
        self, text: str, oblast: str = "", hints: Hints | None = None
    ) -> Resolved | Problem:
        """The hromada the text names, or the reason it cannot be told.

        Besides the name, the text may say where the place is ("Horodok, Khmelnytskyi
        Oblast", "Ivanivka (Odesa oblast)", «Дубове Тячівського району», "Dniprovskyi
        (Kyiv)") and what it is ("city of Horodok", «смт Дубове»); `oblast` is a separate
        oblast column. Each narrows the same-named places; none is ever guessed. A category
        keeps every unit of it so named, hromada centres and other settlements alike: «смт
        Дубове» is refused as ambiguous (Zakarpattia, Donetsk, Luhansk oblasts) unless an
        oblast or raion leaves one.
        """
        text = text.strip()
        if _CODE.match(text.upper()):
            return self._by_code(text.upper())
        if "/" in text:
            alternatives = self._alternatives(text, oblast, hints)
            if alternatives is not None:
                return alternatives
        name, qualifiers = _split_qualifier(text)
        words = name_key(name).split()
        if any(word in _OBLAST_WORDS for word in words):
            return self._oblast_problem(text, words)
        if not qualifiers and not oblast.strip():
            # A region's exact name is the region, though a village be named after it
            # (Буковина near Ходорів, Кримське for «Крим»).
            region = self.region_problem(text)
            if region is not None:
                return region
        raion = any(word in _RAION_WORDS for word in words)
        kinds = _Kinds.of(words)
        words = [word for word in words if not _is_descriptive(word)]
        if not words:
            return Problem(N_("no hromada named"))
        key = " ".join(words)
        places: list[str] = []
        for qualifier in qualifiers:
            found = self._within_qualifier(key, qualifier, kinds)
            if found:
                return self._choose(text, found, hints)
            places.append(qualifier)
        if raion:
            return self._raion_problem(text, key)
        if oblast.strip():
            places.insert(0, oblast.strip())
        where = self._where(places)
        if isinstance(where, Problem):
            return where
        found = self._find(key, name, where, kinds)
        if found:
            return self._choose(text, found, hints)
        return self._not_found(text, key, words, kinds, where, qualified=bool(qualifiers))

    def _not_found(
        self,
        text: str,
        key: str,
        words: list[str],
        kinds: _Kinds,
        where: _Where,
        *,
        qualified: bool,
    ) -> Problem:
        """Why no unit named `key` (the words of `text`) is found `where`: the place lies
        elsewhere, the name is an oblast's everyday name, or it is unknown."""
        if where != _ANYWHERE:
            elsewhere = self._elsewhere(text, key, kinds, where.land)
            if elsewhere is not None:
                return elsewhere
        if not qualified and _is_region_word(key) and self.oblast_code(key) is not None:
            # "Transcarpathia", «Київщина»: an oblast by its everyday name, no place's name.
            return self._oblast_problem(text, words)
        return Problem(N_("unknown hromada {name}; write its KATOTTH code"), {"name": text})

    def _within_qualifier(self, key: str, qualifier: str, kinds: _Kinds) -> list[_Entry]:
        """The units `key` names within the hromada a qualifier such as "(Kyiv)" names, for a
        district of that city; empty when the qualifier names no hromada."""
        within = self._within(qualifier)
        if within is None:
            return []
        return self._lookup(key, _Within(within), kinds) or (
            self._unit_by_russian_spelling(key, _Within(within), kinds)
        )

    def _find(self, key: str, name: str, where: _Where, kinds: _Kinds) -> list[_Entry]:
        """The units `key` (`name` as written) names within `where`, by the official and
        other names, a former centre, a Russian, foreign or romanised spelling, or a
        council's adjective; empty when none."""
        found = (
            self._lookup(key, where, kinds)
            or self._by_former_centre(key, where)
            or self._by_russian_spelling(key, where, kinds)
            or self._by_foreign_spelling(name, where, kinds)
            or self._by_romanisation(key, where, kinds)
        )
        if not found and (where.raions or where.city):
            found = self._unit_by_russian_spelling(key, where, kinds)
        if not found and (where.raions or where.city or where.oblast):
            found = self._by_council_adjective(key, where)
        if not found and kinds.units:
            # "village" is written loosely of a settlement too: where the place says which
            # one is meant, a category the codifier gives it otherwise does not refuse it.
            found = self._lookup(key, where, replace(kinds, units=frozenset()))
            found = found if where.oblast or where.city or where.raions or where.lands else []
        return found

    def _elsewhere(
        self, text: str, key: str, kinds: _Kinds, land: HistoricalLand | None = None
    ) -> Problem | None:
        """Why a name the oblast or raion written beside it does not fit is refused: "Kyiv,
        Kharkiv Oblast" names the one Kyiv, which is no place of Kharkiv oblast, so the sheet
        contradicts itself and the editor is told where that place is (None if no place
        anywhere has the name, which is then simply unknown)."""
        found = (
            self._lookup(key, _ANYWHERE, kinds)
            or self._by_former_centre(key, _ANYWHERE)
            or self._by_russian_spelling(key, _ANYWHERE, kinds)
        )
        codes = sorted({entry.hromada.code for entry in found})
        if not codes:
            return None
        if land is not None:
            return _outside_land(text, land, found)
        if len(codes) > 1:
            return Problem(
                N_(
                    "{name}: no place of that name is where the row says; places so named:"
                    " {candidates}; correct the oblast or write the KATOTTH code"
                ),
                {
                    "name": text,
                    "candidates": ", ".join(
                        f"{_label(entry)} ({_oblast_label(entry.hromada)})"
                        for entry in sorted(found, key=lambda entry: entry.hromada.code)[:6]
                    ),
                },
            )
        place = self.by_code[codes[0]]
        example = Name(place.center_en or place.name_en, place.center_uk or place.name_uk)
        if place.oblast_code is None:
            return Problem(
                N_(
                    "{name}: {example} is a city with special status, in no oblast, and no"
                    " place of that name is where the row says; correct the oblast or the place"
                ),
                {"name": text, "example": example},
            )
        return Problem(
            N_(
                "{name}: the only {example} is in {oblast}, not where the row says; correct"
                " the oblast or the place"
            ),
            {
                "name": text,
                "example": example,
                "oblast": Name(_oblast_label(place), _in_oblast(place)),
            },
        )

    def _alternatives(self, text: str, oblast: str, hints: Hints | None) -> Resolved | None:
        """ "Lviv/Lwów", «Ужгород / Ungvár»: one place under two names, when every name that
        resolves names the same hromada and none is ambiguous."""
        found = [self.resolve(part, oblast, hints) for part in text.split("/") if part.strip()]
        resolved = [result for result in found if isinstance(result, Resolved)]
        if not resolved or any(isinstance(result, Ambiguous) for result in found):
            return None
        return resolved[0] if len(set(resolved)) == 1 else None

    def _where(self, places: list[str]) -> _Where | Problem:
        """The oblast and raion the qualifiers name, or the one no oblast or raion is."""
        where = _ANYWHERE
        for place in places:
            words = name_key(place).split()
            if all(word in _NOISE_WORDS or word in _UNIT_WORDS for word in words):
                continue  # "…, Ukraine", "Lviv (city)"
            land = self.lands.get(_land_key(place))
            if land is not None:
                # "Izmail, Bessarabia": a historical land narrows the place to its oblasts.
                where = replace(where, lands=land[1], land=land[0])
                continue
            if any(word in _RAION_WORDS for word in words):
                raions = self.raion_codes(place)
                if not raions and (where.oblast is not None or where.city is not None):
                    # «Villa, raionul Tomashpol, regiunea Vinnitsa»: a raion spelt past
                    # knowing, where the oblast is known, only narrows less.
                    continue
                if not raions:
                    return Problem(N_("unknown raion {raion}"), {"raion": place})
                where = replace(where, raions=raions)
                continue
            city = self.special_city(place)
            code = self.oblast_code(place)
            if code is None and city is None:
                code = self._city_oblast(place)
            if code is None and city is None:
                if where.oblast is not None or where.city is not None or where.lands:
                    continue  # the oblast column said it; the rest is the sheet's own remark
                near = self._place_oblasts(place)
                if near:
                    # "Nagydobrony (Velyka Dobron)", "Koson (Vylok)": the place's other name or
                    # a place near it, beside the name, puts it in that place's oblasts.
                    where = replace(where, lands=near)
                    continue
                return Problem(N_("unknown oblast {oblast}"), {"oblast": place})
            named = {code, city} - {None}
            earlier = {where.oblast, where.city} - {None}
            if earlier and not earlier & named:
                # "Horodok (Lviv oblast)" beside a Khmelnytskyi oblast column: either may be the
                # slip, so neither is believed.
                return Problem(
                    N_("{first} and {second} are different oblasts; write the place's one oblast"),
                    {"first": places[0], "second": place},
                )
            # A bare "Kyiv" is the oblast or the city itself, which lies in no oblast.
            where = replace(where, oblast=code, city=city)
        return where

    def _place_oblasts(self, text: str) -> frozenset[str]:
        """The oblasts of the places a qualifier names that is no oblast, raion or city: a
        village, a town, the place's other name (empty if it names no place)."""
        words = [word for word in name_key(text).split() if not _is_descriptive(word)]
        if not words:
            return frozenset()
        name = " ".join(words)
        found = (
            self._lookup(name, _ANYWHERE, _Kinds())
            or self._by_russian_spelling(name, _ANYWHERE, _Kinds())
            or self._by_foreign_spelling(text, _ANYWHERE, _Kinds())
        )
        return frozenset(entry.hromada.oblast_code for entry in found if entry.hromada.oblast_code)

    def _city_oblast(self, text: str) -> str | None:
        """The oblast of the city a qualifier names: "Bene (Berehove)" is in Berehove's."""
        city = self._within(text)
        return self.by_code[city].oblast_code if city is not None else None

    def raion_codes(self, text: str) -> frozenset[str]:
        """The raions "Tiachiv Raion", «Тячівський район» or «Тячівського р-ну» may name.

        A raion of today by its name; else, a raion is named after its centre ("Berehove
        Raion" for Берегівський, or one abolished in 2020 such as "Tarashcha Raion"), so the
        raion of today that centre lies in.
        """
        words = [word for word in name_key(text).split() if word not in _RAION_WORDS]
        if not words:
            return frozenset()
        stem = _raion_stem(" ".join(words))
        named = self.raion_stems.get(stem)
        if named:
            return frozenset(named)
        name = " ".join(words)
        centres = self._lookup(
            name, lambda entry: entry.by_centre, _Kinds()
        ) or self._by_russian_spelling(name, lambda entry: entry.by_centre, _Kinds())
        if not centres:
            # «raionul Shyrokivski», "Shyrokivskyi raion": abolished, named by its adjective;
            # the raions of every town so named (Широке of Crimea and of Dnipropetrovsk
            # Oblast), for the row's oblast to choose from.
            towns = {
                code
                for stem in self._adjective_stems(text)
                for code in self._towns_by_stem.get(stem, ())
            }
            return frozenset(code for town in towns if (code := self.by_code[town].raion_code))
        return frozenset(entry.hromada.raion_code for entry in centres if entry.hromada.raion_code)

    def _by_former_centre(self, key: str, keep: Callable[[_Entry], bool]) -> list[_Entry]:
        """The hromada still named after its centre's former name: "Nikolske" for the
        Нікольська hromada, whose centre is now Микільське; "Yuzhne" for Южненська; the
        town a former name lengthened ("Pereiaslav-Khmelnytskyi" for Pereiaslav); or the
        hromada called by its centre's adjective in the feminine ("Zarichna" for Зарічне).

        Asked only of a name no unit of the codifier has now, so it never overrides one.
        """
        words = key.split()
        if not words:
            return []
        latin = [latin_key(word) for word in words]
        found: dict[str, _Entry] = {}
        for adjective in _hromada_adjectives(latin[-1]):
            name = " ".join([*latin[:-1], adjective])
            for entry in self.tiers[3].get(name, {}).values():
                if not entry.by_centre and entry.settlement is None and keep(entry):
                    found.setdefault(entry.hromada.code, entry)
        shorter = _FORMER_ADJECTIVE.match(key) if len(words) == 1 else None
        if not found and shorter:
            return [
                entry
                for entry in self._lookup(shorter.group(1), keep, _Kinds())
                if entry.by_centre
            ]
        if not found and latin[-1].endswith("a"):
            # "Zarichna community": the hromada named by its centre's adjective, made to agree
            # with «громада» (Зарічне → Зарічна громада, Рокитне → Рокитна).
            neuter = " ".join([*latin[:-1], latin[-1][:-1] + "e"])
            for entry in self.tiers[3].get(neuter, {}).values():
                if (
                    entry.by_centre
                    and (entry.hromada.center_uk or "").endswith("е")
                    and keep(entry)
                ):
                    found.setdefault(entry.hromada.code, entry)
        return list(found.values())

    def _by_russian_spelling(
        self, key: str, keep: Callable[[_Entry], bool], kinds: _Kinds
    ) -> list[_Entry]:
        """The hromada whose centre a Russian-based spelling names ("Yavorov", "Kosov",
        "Glybokaya", "Vizhnitsa" for Яворів, Косів, Глибока, Вижниця), where GeoNames gives
        none: on `_sound_key`, and only where every centre so found has one name (the three
        Yampils stay ambiguous; two different names never make one).

        Asked only of a name no unit of the codifier has, so it never overrides one.
        """
        latin = " ".join(latin_key(word) for word in key.split())
        if len(latin.replace(" ", "")) < _MIN_SOUND_KEY:
            return []  # "Rome", "Bela": short names meet too many others on this key
        entries = [
            entry for entry in self.by_sound.get(_sound_key(latin), {}).values() if keep(entry)
        ]
        if kinds:
            entries = kinds.fitting(entries, self.centre_kinds)
        names = {latin_key(entry.hromada.center_uk or "") for entry in entries}
        return entries if len(names) == 1 else []

    @functools.cached_property
    def _units_by_sound(self) -> dict[str, dict[str, _Entry]]:
        """The settlements and districts that are no hromada's centre, by their names on the
        key Russian-based spellings meet on (`_sound_key`); built on first use."""
        found: dict[str, dict[str, _Entry]] = defaultdict(dict)
        for unit in self.settlements.values():
            owner = self.by_code[unit.hromada]
            if unit.name_uk == owner.center_uk and unit.kind is not SettlementKind.DISTRICT:
                continue
            latin = self._keys(unit.name_uk)[1]
            found[_sound_key(latin)].setdefault(unit.code, _Entry(owner, unit))
        return found

    @functools.cached_property
    def _units_by_adjective(self) -> dict[str, dict[str, _Entry]]:
        """The settlements that are no hromada's centre, by the adjective a council named
        after each was called (Олександрівка → "oleksandrivska"); built on first use."""
        found: dict[str, dict[str, _Entry]] = defaultdict(dict)
        for unit in self.settlements.values():
            owner = self.by_code[unit.hromada]
            if unit.kind is SettlementKind.DISTRICT or unit.name_uk == owner.center_uk:
                continue
            latin = self._keys(unit.name_uk)[1]
            words = latin.split()
            if not words:
                continue
            last = words[-1]
            # Олександрівка → Олександрівська (the council), besides the hromadas' own rules.
            council = [last[:-2] + "ska"] if last.endswith("ka") and len(last) > 4 else []
            for adjective in council or _hromada_adjectives(last):
                key = " ".join([*words[:-1], adjective])
                found[key].setdefault(unit.code, _Entry(owner, unit))
        return found

    def _by_council_adjective(self, key: str, keep: Callable[[_Entry], bool]) -> list[_Entry]:
        """The villages a former village council's name stands for ("Oleksandrivska,
        raionul Shyrokivski": the council of Олександрівка there), asked only where the row
        narrows the place to a raion, a city or an oblast and no hromada there has the name;
        every village so named there is kept, so two leave the name ambiguous, never guessed."""
        latin = " ".join(latin_key(word) for word in key.split())
        return [entry for entry in self._units_by_adjective.get(latin, {}).values() if keep(entry)]

    def _unit_by_russian_spelling(
        self, key: str, keep: Callable[[_Entry], bool], kinds: _Kinds
    ) -> list[_Entry]:
        """The village or district a Russian-based spelling names ("Lipovka" for Липівка,
        "Dnieprovskyi" for Дніпровський), asked only where the row narrows the place to a raion
        or a city: the one unit there whose name meets it on `_sound_key`, and only where every
        unit so found has one Ukrainian name (two different names never make one)."""
        latin = " ".join(latin_key(word) for word in key.split())
        if len(latin.replace(" ", "")) < _MIN_SOUND_KEY:
            return []
        entries = [
            entry
            for entry in self._units_by_sound.get(_sound_key(latin), {}).values()
            if keep(entry)
        ]
        if kinds:
            entries = kinds.fitting(entries, self.centre_kinds)
        names = {entry.settlement.name_uk for entry in entries if entry.settlement is not None}
        return entries if len(names) == 1 else []

    def _by_foreign_spelling(
        self, name: str, keep: Callable[[_Entry], bool], kinds: _Kinds
    ) -> list[_Entry]:
        """The place a neighbour's spelling names: «Vașkivți», «Horișni Șerivți» (Romanian),
        «Ťačiv» (Czech), «Zbaraż» (Polish), read back into Ukrainian by the rules of practical
        transcription (`ukrainian_transcription`) and looked up as written in Ukrainian.

        Asked only of a name no unit of the codifier has, and only where its letters say which
        language spells it (ș, ț: Romanian; č, ř, ť: Czech or Slovak; ő, ű: Hungarian; ł, ż:
        Polish), so an English spelling is never read as another language's.
        """
        words = [word for word in name.split() if not _is_descriptive(name_key(word))]
        written = " ".join(words).lower()
        language = next(
            (code for code, letters in _SPELLING_LETTERS if any(c in letters for c in written)),
            None,
        )
        if language is None:
            return []
        ukrainian = ukrainian_transcription(" ".join(words), language)
        if not ukrainian:
            return []
        if language == "RO" and written.endswith("i") and not ukrainian.endswith("і"):
            # A Ukrainian name spelt in Romanian keeps its last vowel: Vașkivți is Вашківці
            # (a Romanian word's final i is silent, a Ukrainian one's is not).
            ukrainian += "і"
        if language == "RO":
            # Romanian writes the Ukrainian ending -иця without its softening: Ostrița is
            # Остриця, Vijnița Вижниця.
            ukrainian = _ROMANIAN_TSIA.sub("ця", ukrainian)
        return self._lookup(name_key(ukrainian), keep, kinds)

    def _by_romanisation(
        self, key: str, keep: Callable[[_Entry], bool], kinds: _Kinds
    ) -> list[_Entry]:
        """The places a name spelt by another language's romanisation names: German
        "Tschyhyryn", French "Tchoulakiv", Polish "Czortkow", Romanian "Ciudei", each read
        back into the national romanisation (`romanisation_readings`) and looked up so.

        Asked only of a name nothing else found. Every reading's places are kept, so two
        readings naming different places leave the name ambiguous, never guessed.
        """
        found: dict[str, _Entry] = {}
        for reading in romanisation_readings(key):
            # French "Tchoulakiv" reads "Chulakiv", the town its hromada, Чулаківська, is
            # named after, as "Yuzhne" names Южненська (`_by_former_centre`).
            named = self._lookup(reading, keep, kinds) or self._by_former_centre(reading, keep)
            for entry in named:
                found.setdefault(entry.hromada.code, entry)
        return list(found.values())

    def candidates(self, text: str) -> list[str]:
        """Codes of every hromada the text may name, for an editor to choose from (sorted).

        The same names as `resolve` reads (any unit of the codifier, any spelling), but
        nothing is chosen among same-named ones: «Золочів» gives both Zolochivs.
        """
        text = text.strip()
        if _CODE.match(text.upper()):
            found = self._by_code(text.upper())
            return [found.code] if isinstance(found, Resolved) else []
        name, qualifiers = _split_qualifier(text)
        keys = name_key(name).split()
        kinds = _Kinds.of(keys)
        words = [word for word in keys if not _is_descriptive(word)]
        if not words:
            return []
        withins = {self._within(qualifier) for qualifier in qualifiers} - {None}
        where = self._where([q for q in qualifiers if self._within(q) is None])

        def keep(entry: _Entry) -> bool:
            if withins and entry.hromada.code not in withins:
                return False
            return not isinstance(where, _Where) or where(entry)

        entries = (
            self._lookup(" ".join(words), keep, kinds)
            or self._lookup_inflected(words, keep, kinds)
            or self._by_romanisation(" ".join(words), keep, kinds)
        )
        return sorted({entry.hromada.code for entry in entries})

    def _lookup_inflected(
        self, words: list[str], keep: Callable[[_Entry], bool], kinds: _Kinds
    ) -> list[_Entry]:
        """A one-word name typed in another case («Полтаві», «Харкова»): the hromadas whose
        centre's name is one of its dictionary forms."""
        if len(words) != 1:
            return []
        found: dict[str, _Entry] = {}
        for lemma in sorted(lemmas(words[0]) - {words[0]}):
            for entry in self._lookup(name_key(lemma), lambda e: e.by_centre and keep(e), kinds):
                found.setdefault(entry.hromada.code, entry)
        return list(found.values())

    def _by_code(self, code: str) -> Resolved | Problem:
        if code in self.by_code:
            return Resolved(code)
        unit = self.settlements.get(code)
        if unit is not None:
            return Resolved(unit.hromada, unit)
        return Problem(N_("unknown KATOTTH code {code}"), {"code": code})

    def _within(self, qualifier: str) -> str | None:
        """The hromada a qualifier such as "(Kyiv)" names, for a district of that city."""
        # «(arrondissement de Kyïv)»: the word for a city's district and its link are no name.
        words = [
            word
            for word in name_key(qualifier).split()
            if word not in _NOISE_WORDS and word not in _OBLAST_LINKS
        ]
        found = self._lookup(
            " ".join(words), lambda entry: entry.by_centre, _Kinds()
        ) or self._lookup_inflected(words, lambda entry: True, _Kinds())
        cities = {entry.hromada.code for entry in found if _is_city_like(entry.hromada)}
        return next(iter(cities)) if len(cities) == 1 else None

    def _lookup(self, key: str, keep: Callable[[_Entry], bool], kinds: _Kinds) -> list[_Entry]:
        latin = " ".join(latin_key(word) for word in key.split())
        if kinds.units:
            # «с. Городок» is any village so named, a hromada's centre or not: the category
            # narrows all of them at once, so a centre's tier never hides the other villages.
            for group in _CATEGORY_TIER_GROUPS:
                found: dict[str, _Entry] = {}
                for tier in group:
                    named = self.tiers[tier].get(latin if tier in _LATIN_TIERS else key, {})
                    for entry in named.values():
                        if keep(entry):
                            found.setdefault(entry.hromada.code, entry)
                entries = kinds.fitting(list(found.values()), self.centre_kinds)
                if entries:
                    return entries
            return []
        for tier, table in enumerate(self.tiers):
            entries = [
                entry
                for entry in table.get(latin if tier in _LATIN_TIERS else key, {}).values()
                if keep(entry)
            ]
            if kinds:
                entries = kinds.fitting(entries, self.centre_kinds)
            if entries:
                if tier < _QUARTER_TIERS[0] and not any(map(_is_city, entries)):
                    entries += self._quarters(key, latin, keep, entries)
                return entries
        return []

    def _quarters(
        self, key: str, latin: str, keep: Callable[[_Entry], bool], found: list[_Entry]
    ) -> list[_Entry]:
        """The city districts named after a quarter of a village's name: "Darnytsia" is the
        village Дарниця and Kyiv's Darnytskyi district, and "Podil" four villages and Kyiv's
        Podilskyi, so none is taken without a word of where (a hromada's centre keeps its
        name: `HromadaIndex.__init__`)."""
        codes = {entry.hromada.code for entry in found}
        quarters: dict[str, _Entry] = {}
        for tier in _QUARTER_TIERS:
            named = self.tiers[tier].get(latin if tier in _LATIN_TIERS else key, {})
            for entry in named.values():
                if keep(entry) and entry.hromada.code not in codes:
                    quarters.setdefault(entry.hromada.code, entry)
        return list(quarters.values())

    def _choose(self, text: str, entries: list[_Entry], hints: Hints | None) -> Resolved | Problem:
        hints = hints or Hints()
        if len(entries) == 1:
            return _resolved(entries[0])
        decided = _decided_by(entries, hints)
        if decided is not None:
            return _resolved(decided)
        cities = [entry for entry in entries if _is_city(entry)]
        chosen = None
        if len(cities) == 1:
            chosen = cities[0]
        elif len(cities) == len(entries):
            centres = [entry for entry in cities if _is_oblast_centre(entry.hromada)]
            chosen = centres[0] if len(centres) == 1 else None
        if chosen is not None and not _farther_than_another(chosen, entries, hints):
            return _resolved(chosen)
        candidates = ", ".join(
            f"{_label(e)} ({_oblast_label(e.hromada)}, "
            f"{e.settlement.code if e.settlement else e.hromada.code})"
            for e in sorted(entries, key=_listing_order)[:6]
        )
        return Ambiguous(
            N_("ambiguous hromada {name}: {candidates}; write the KATOTTH code or the oblast"),
            {"name": text, "candidates": candidates},
            entries=tuple(entries),
        )

    def region_problem(self, text: str) -> Problem | None:
        """Why a region's exact name is refused as a hromada: Crimea (however its status is
        written) and the lands that are one oblast each as oblasts, a historical land of
        several oblasts as a land; None for any other name. Every reader of a hromada's name
        asks this first, so that no village named after a region stands for it."""
        words = name_key(_split_qualifier(text)[0]).split()
        kept = [word for word in words if word not in _CRIMEA_STATUS_WORDS]
        if kept and all(word in _CRIMEA_NAMES for word in kept):
            return self._oblast_problem(text, [_CRIMEA_NAMES[kept[0]]])
        key = latin_key(" ".join(words))
        if key in _REGION_NAMES and self.oblast_code(key) is not None:
            return self._oblast_problem(text, words)
        land = self.land_names.get(key)
        if land is None:
            return None
        return Problem(
            N_(
                "{name} is a historical land, not a hromada; write one of its hromadas, such"
                " as {example}"
            ),
            {"name": text, "example": self._land_example(land)},
        )

    def _land_example(self, land: HistoricalLand) -> Name:
        """The centre of a land's first oblast, as a hromada to write instead."""
        for hromada in self.oblast_centres.values():
            if hromada.oblast_uk in land.oblasts_uk[:1]:
                return Name(hromada.center_en or hromada.name_en, hromada.center_uk or "")
        return Name(land.name_en, land.name_uk)

    def _oblast_problem(self, text: str, words: list[str]) -> Problem:
        code = self.oblast_code(" ".join(words))
        centre = self.oblast_centres.get(code or "")
        if centre is None:
            return Problem(
                N_("{name} is an oblast, not a hromada; write one of its hromadas instead"),
                {"name": text},
            )
        return Problem(
            N_("{name} is an oblast, not a hromada; write one of its hromadas, such as {example}"),
            {
                "name": text,
                "example": Name(
                    centre.center_en or centre.name_en, centre.center_uk or centre.name_uk
                ),
            },
        )

    def _raion_problem(self, text: str, key: str) -> Problem:
        """Why a raion is refused and what to write instead.

        Only hromadas' partnerships are kept, so a raion council's is left out; one a hromada
        made is written under that hromada, which the sheet must say, not the importer guess.
        The raion's centre is named to help find it; a raion abolished in 2020 ("Tarashcha
        Raion") is said to be so, with the raion its centre is in now.
        """

        def by_centre(entry: _Entry) -> bool:
            return entry.by_centre

        # A raion may be written the Russian-based way ("Podhaitsi Raion" for Підгаєцький).
        found = self._lookup(key, by_centre, _Kinds()) or self._by_russian_spelling(
            key, by_centre, _Kinds()
        )
        towns = [entry for entry in found if entry.hromada.kind is not HromadaKind.RURAL]
        if len(found) > 1 and len({entry.hromada.code for entry in towns}) == 1:
            # A raion was named after its centre, a town: "Kozova Raion" is the town Козова's
            # (Ternopil Oblast), not that of the village Козова (Lviv Oblast).
            found = towns[:1]
        foreign = self._raion_by_foreign_adjective(text)
        if foreign is not None and not self._same_name(found, key):
            # «rejon szacki» is Шацький (Volyn), not Saky, whose key "saki" it folds to.
            found = []
        chosen: Resolved | Problem | None = foreign
        if found:
            chosen = self._choose(text, found, None)
        elif chosen is None:
            chosen = self._raion_centre(key) or self._raion_by_foreign_adjective(
                text, national=True
            )
        if not isinstance(chosen, Resolved) or chosen.settlement is not None:
            return Problem(
                N_(
                    "{name} is a raion, not a hromada, and only hromadas' partnerships are"
                    " kept: leave out a raion council's partnership; if a hromada made it,"
                    " write that hromada"
                ),
                {"name": text},
            )
        centre = self.by_code[chosen.code]
        example = Name(centre.center_en or centre.name_en, centre.center_uk or centre.name_uk)
        if self._is_raion_centre(centre) or not (centre.raion_en and centre.raion_uk):
            return Problem(
                N_(
                    "{name} is a raion, not a hromada, and only hromadas' partnerships are"
                    " kept: leave out a raion council's partnership; if a hromada made it,"
                    " write that hromada (the raion's centre is {example})"
                ),
                {"name": text, "example": example},
            )
        return Problem(
            N_(
                "{name} is a raion abolished in 2020 (its centre {example} is in {raion} raion"
                " now), not a hromada, and only hromadas' partnerships are kept: leave out a"
                " raion council's partnership; if a hromada made it, write that hromada"
            ),
            {
                "name": text,
                "example": example,
                "raion": Name(centre.raion_en, _in(centre.raion_uk)),
            },
        )

    def _raion_by_foreign_adjective(self, text: str, *, national: bool = False) -> Resolved | None:
        """The centre of the raion a Polish, Romanian or Russian adjective names («Rejon
        Razdzielnianski», «Раздельнянский район»: Роздільна), by `raion_forms`: a raion of
        today whose stem is the only one to meet it, else the one town it meets. With
        `national`, an adjective in the national romanisation too ("Shyrokivskyi": Широке,
        whose raion was abolished in 2020)."""
        stems = self._adjective_stems(text, national=national)
        if not stems:
            return None
        raions = {code for stem in stems for code in self._raions_by_stem.get(stem, ())}
        towns = {code for stem in stems for code in self._towns_by_stem.get(stem, ())}
        if len(raions) == 1:
            raion = next(iter(raions))
            centres = [h.code for h in self.raions[raion] if self._is_raion_centre(h)]
            # Тячівський's centre is the town it is named after, though a larger one be there.
            towns = (
                set(centres) if len(centres) == 1 else towns & {h.code for h in self.raions[raion]}
            )
        elif raions:
            return None
        return Resolved(next(iter(towns))) if len(towns) == 1 else None

    @staticmethod
    def _adjective_stems(text: str, *, national: bool = True) -> set[str]:
        """The stems (`raion_forms`) of the raion's adjective in `text`, its raion words left
        out: read back from Polish, Romanian or Russian, or with `national` as written."""
        words = [
            word
            for word in text.split()
            if name_key(word) not in _RAION_WORDS and not _is_descriptive(name_key(word))
        ]
        name = " ".join(words)
        return adjective_stems(name) or (
            national_stems(latin_key(name_key(name))) if national else set()
        )

    def _same_name(self, found: list[_Entry], key: str) -> bool:
        """Whether a centre found is written as `key` is, in English or Ukrainian: "Saky"
        for "saky", not for "szacki", which only folds to it."""
        return any(
            key
            in (name_key(entry.hromada.center_en or ""), name_key(entry.hromada.center_uk or ""))
            for entry in found
        )

    @functools.cached_property
    def _raions_by_stem(self) -> dict[str, set[str]]:
        """Today's raions by the stems of their adjectives (`raion_forms.national_stems`)."""
        found: dict[str, set[str]] = defaultdict(set)
        for code, hromadas in self.raions.items():
            for stem in national_stems(latin_key(hromadas[0].raion_uk or "")):
                found[stem].add(code)
        return found

    @functools.cached_property
    def _towns_by_stem(self) -> dict[str, set[str]]:
        """The hromadas whose centre is a town or settlement, by the stems of the adjective a
        raion named after it had (`raion_forms.town_stems`): older raions were named so."""
        found: dict[str, set[str]] = defaultdict(set)
        for hromada in self.by_code.values():
            if hromada.kind is HromadaKind.RURAL or not hromada.center_uk:
                continue
            for stem in town_stems(latin_key(hromada.center_uk)):
                found[stem].add(hromada.code)
        return found

    def _raion_centre(self, key: str) -> Resolved | None:
        """The centre of the one raion of today an adjective names ("Kovelskyi",
        «Ковельська» of «Ковельська районна рада»), if any."""
        raions = self.raion_stems.get(_raion_stem(key), set())
        if len(raions) != 1:
            return None
        centres = [h for h in self.raions.get(next(iter(raions)), []) if self._is_raion_centre(h)]
        return Resolved(centres[0].code) if len(centres) == 1 else None

    def _is_raion_centre(self, hromada: HromadaDoc) -> bool:
        """Whether the hromada's centre is its raion's: the raion is named after it
        (Berehove, Берегівський), or it is the raion's largest town (Bila Tserkva)."""
        stem = _raion_stem(name_key(hromada.raion_en or ""))
        centre = latin_key(hromada.center_en or hromada.name_en).replace(" ", "")
        shortest = min(len(stem), len(centre))
        if shortest >= _MIN_FORMER_NAME and _common_prefix(stem, centre) >= shortest - 2:
            return True
        if hromada.population is None:
            return False
        return all(
            (other.population or 0) <= hromada.population
            for other in self.raions.get(hromada.raion_code or "", [])
        )


# How a town's name becomes its hromada's (an adjective), on the romanisation key: Nikolske →
# Nikolska, Pervomaisk → Pervomaiska, Yuzhne → Yuzhnenska, Chervonohrad → Chervonohradska;
# Russian-based endings too (Nikolskoye, Yuzhnoye).
_ADJECTIVE_RULES = (
    ("skoie", "ska"),
    ("noie", "nenska"),
    ("ske", "ska"),
    ("ne", "nenska"),
    ("ni", "nenska"),
    ("ski", "ska"),
    ("sk", "ska"),
)
# The adjective a former name added to a town's name: Pereiaslav-Khmelnytskyi is Pereiaslav.
_FORMER_ADJECTIVE = re.compile(r"^(.{4,})-\S+(?:yi|ii|iy|ий|ій|ki|ka|ка)$")
_MIN_FORMER_NAME = 4


def _sound_key(latin: str) -> str:
    """The key a name's Ukrainian and Russian-based romanisations meet on, from its romanisation
    key: Ukrainian writes і where Russian writes о or е (Яворів, Яворов), и where Russian writes
    и or ы, я where Russian writes е (Кам'янка, Каменка), and Russian adjectives end in -aya,
    -oye (Glybokaya for Глибока). So о, е, і and и are one vowel after the first letter, «ia»
    after a consonant is «a», and a Russian ending is cut to its first vowel."""
    words = []
    for word in latin.split():
        word = _SOFTENED_A.sub("a", word)
        word = _RUSSIAN_ENDING.sub(lambda match: match.group()[0], word)
        # The first letter stays: "Ilesa" is not Олешки's "Oleshky".
        words.append(word[:1] + _REPEATED.sub(r"\1", _CLOSE_VOWELS.sub("e", word[1:])))
    return " ".join(words)


_ROMANIAN_TSIA = re.compile(r"(?<=[иі])ца\b")
# The shortest name (its romanisation key's letters) read by `_sound_key`.
_MIN_SOUND_KEY = 6
_SOFTENED_A = re.compile(r"(?<=[^aeiou])ia")
_RUSSIAN_ENDING = re.compile(r"(?:aia|oie|ie|ii|ai|oi)$")
_CLOSE_VOWELS = re.compile(r"[oei]")
_REPEATED = re.compile(r"(.)\1+")


def _hromada_adjectives(word: str) -> list[str]:
    """The romanisation keys a hromada named after a town `word` (a latin key) may have."""
    if len(word) < _MIN_FORMER_NAME:
        return []
    for ending, adjective in _ADJECTIVE_RULES:
        if word.endswith(ending):
            return [word[: -len(ending)] + adjective]
    if word[-1] not in "aeiou":
        return [word + "ska"]
    return []


def _in(adjective: str) -> str:
    """A raion's adjective in the case «у … районі» takes: Білоцерківський → Білоцерківському."""
    if adjective.endswith("ий"):
        return adjective[:-2] + "ому"
    if adjective.endswith("ій"):
        return adjective[:-2] + "ьому"
    return adjective


def _in_oblast(hromada: HromadaDoc) -> str:
    """A hromada's oblast in the case «у …» takes: «Львівській обл.», «Автономній Республіці
    Крим»."""
    if is_crimea(hromada):
        return "Автономній Республіці Крим"
    adjective = hromada.oblast_uk or ""
    return f"{adjective[:-1]}ій обл." if adjective.endswith("а") else adjective


def is_crimea(hromada: HromadaLike) -> bool:
    """Whether the hromada is in the Autonomous Republic of Crimea, which is no oblast
    (KATOTTH codes UA01…)."""
    return hromada.code.startswith(_CRIMEA_PREFIX)


def _listing_order(entry: _Entry) -> tuple[bool, str]:
    # Kyiv's and Sevastopol's places first: "Podil" lists Kyiv's Podilskyi before the villages
    # so named. Other towns' hromadas keep the codifier's order, so a village inside a town's
    # hromada does not push the hromadas' own centres off a short list.
    return entry.hromada.kind is not HromadaKind.SPECIAL, entry.hromada.code


def _land_key(text: str) -> str:
    """The key of a land's name: "Sloboda Ukraine", «Слобідська Україна» without the words
    that name no land."""
    words = name_key(text).split()
    kept = [word for word in words if word not in _NOISE_WORDS and word not in _OBLAST_WORDS]
    return latin_key(" ".join(kept or words)).replace(" ", "")


def _outside_land(text: str, land: HistoricalLand, found: list[_Entry]) -> Problem:
    """Why "Drohobych, Podolia" is refused: no place of that name lies in the land's
    oblasts, and where the places so named lie."""
    ordered = sorted(found, key=_listing_order)[:6]
    return Problem(
        N_(
            "{name}: no place of that name lies in {land}; places so named: {candidates};"
            " correct the land or the place"
        ),
        {
            "name": text,
            "land": Name(land.name_en, land.name_uk),
            "candidates": Name(
                ", ".join(
                    f"{_label(entry)} ({_oblast_label(entry.hromada)})" for entry in ordered
                ),
                ", ".join(
                    f"{_label_uk(entry)} ({_oblast_label_uk(entry.hromada)})" for entry in ordered
                ),
            ),
        },
    )


def _oblast_label(hromada: HromadaDoc) -> str:
    if hromada.oblast_code is None:
        return "city with special status"
    region = hromada.oblast_en or hromada.name_en
    return region if is_crimea(hromada) else f"{region} oblast"


def _label(entry: _Entry) -> str:
    if entry.settlement is not None:
        return f"{entry.settlement.name_en}, {entry.hromada.name_en} hromada"
    return entry.hromada.center_en or entry.hromada.name_en


def _label_uk(entry: _Entry) -> str:
    if entry.settlement is not None:
        return f"{entry.settlement.name_uk}, {entry.hromada.name_uk} громада"
    return entry.hromada.center_uk or entry.hromada.name_uk


def _oblast_label_uk(hromada: HromadaDoc) -> str:
    if hromada.oblast_code is None:
        return "місто зі спеціальним статусом"
    if is_crimea(hromada):
        return "Автономна Республіка Крим"
    return f"{hromada.oblast_uk} обл."


def _resolved(entry: _Entry) -> Resolved:
    return Resolved(entry.hromada.code, entry.settlement)


def _is_city(entry: _Entry) -> bool:
    if entry.settlement is not None:
        return entry.settlement.kind is SettlementKind.CITY
    return entry.by_centre and _is_city_like(entry.hromada)


def _decided_by(entries: list[_Entry], hints: Hints) -> _Entry | None:
    """The one candidate another column points to: a recorded partner, or coordinates."""
    partnered = [entry for entry in entries if entry.hromada.code in hints.partnered]
    if len(partnered) == 1:
        return partnered[0]
    if hints.near is None:
        return None
    located = _by_distance(entries, hints.near)
    if not located or located[0][0] > _NEAR_KM:
        return None
    if len(located) > 1 and located[1][0] < _NEARER * located[0][0]:
        return None
    return entries[located[0][1]]


def _farther_than_another(chosen: _Entry, entries: list[_Entry], hints: Hints) -> bool:
    """Whether the partner lies much nearer another candidate than the one a rule would take.

    The city-over-village rule is how a name is usually read; a partner town across the
    border from a same-named village says that reading may be wrong, so the name stays open.
    """
    if hints.partner_near is None:
        return False
    located = _by_distance(entries, hints.partner_near)
    distances = {index: distance for distance, index in located}
    mine = distances.get(entries.index(chosen))
    if mine is None or not located:
        return False
    return mine > _NEARER * located[0][0]


def _by_distance(entries: list[_Entry], point: tuple[float, float]) -> list[tuple[float, int]]:
    return sorted(
        (_distance_km(point, entry.hromada), index)
        for index, entry in enumerate(entries)
        if entry.hromada.latitude is not None and entry.hromada.longitude is not None
    )


def _distance_km(point: tuple[float, float], hromada: HromadaDoc) -> float:
    latitude, longitude = hromada.latitude or 0.0, hromada.longitude or 0.0
    phi1, phi2 = math.radians(point[0]), math.radians(latitude)
    half = (
        math.sin((phi2 - phi1) / 2) ** 2
        + math.cos(phi1) * math.cos(phi2) * math.sin(math.radians(longitude - point[1]) / 2) ** 2
    )
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(half)))


def _kind_fits(hromada: HromadaDoc, kinds: set[HromadaKind]) -> bool:
    if HromadaKind.URBAN in kinds and hromada.kind is HromadaKind.SPECIAL:
        return True
    return hromada.kind is None or hromada.kind in kinds


def _is_descriptive(word: str) -> bool:
    """Whether a word of a place's cell says what the place is, not what it is called."""
    return (
        word in _KIND_WORDS
        or word in _UNIT_WORDS
        or word in _NOISE_WORDS
        or word in _RAION_WORDS
        or word in _ADMINISTRATION_WORDS
    )


@dataclass(frozen=True)
class _Kinds:
    """What a cell says the place is: a hromada's kind («міська громада») or a unit's category
    ("city of", «смт», "village")."""

    hromadas: frozenset[HromadaKind] = frozenset()
    units: frozenset[SettlementKind] = frozenset()

    @classmethod
    def of(cls, words: Iterable[str]) -> _Kinds:
        words = [word for word in words if word in _KIND_WORDS or word in _UNIT_WORDS]
        if not words:
            return _ANY_KIND
        return cls(
            frozenset(_KIND_WORDS[word] for word in words if word in _KIND_WORDS),
            frozenset(_UNIT_WORDS[word] for word in words if word in _UNIT_WORDS),
        )

    def __bool__(self) -> bool:
        return bool(self.hromadas or self.units)

    def fitting(
        self, entries: list[_Entry], centre_kinds: dict[str, SettlementKind]
    ) -> list[_Entry]:
        """The entries of the kinds asked for; a hromada known to be of the kind wins over one
        whose kind is unknown."""
        fitting = [entry for entry in entries if self._fits(entry, centre_kinds)]
        known = [entry for entry in fitting if self._known(entry, centre_kinds)]
        return known or fitting

    def _unit(
        self, entry: _Entry, centre_kinds: dict[str, SettlementKind]
    ) -> SettlementKind | None:
        if entry.settlement is not None:
            return entry.settlement.kind
        return centre_kinds.get(entry.hromada.code) if entry.by_centre else None

    def _known(self, entry: _Entry, centre_kinds: dict[str, SettlementKind]) -> bool:
        if self.units and self._unit(entry, centre_kinds) is not None:
            return True
        return entry.hromada.kind is not None

    def _fits(self, entry: _Entry, centre_kinds: dict[str, SettlementKind]) -> bool:
        if self.hromadas and not _kind_fits(entry.hromada, set(self.hromadas)):
            return False
        if not self.units:
            return True
        unit = self._unit(entry, centre_kinds)
        if unit is not None:
            return unit in self.units
        return _kind_fits(entry.hromada, {_UNIT_HROMADA_KIND[kind] for kind in self.units})


_ANY_KIND = _Kinds()


@dataclass(frozen=True)
class _Within:
    """Keeps the units of one hromada: the districts of the city a qualifier names."""

    code: str

    def __call__(self, entry: _Entry) -> bool:
        return entry.hromada.code == self.code


@dataclass(frozen=True)
class _Where:
    """The oblast and the raions the qualifiers of a cell name (KATOTTH codes), if any."""

    oblast: str | None = None
    raions: frozenset[str] = frozenset()
    city: str | None = None
    # The oblasts of a historical land written instead of an oblast ("Drohobych, Galicia").
    lands: frozenset[str] = frozenset()
    land: HistoricalLand | None = None

    def __call__(self, entry: _Entry) -> bool:
        hromada = entry.hromada
        if self.city is not None and hromada.code == self.city:
            return True
        if self.lands and hromada.oblast_code not in self.lands:
            return False
        if (self.oblast is not None or self.city is not None) and (
            hromada.oblast_code is None or hromada.oblast_code != self.oblast
        ):
            return False
        return not self.raions or hromada.raion_code in self.raions


_ANYWHERE = _Where()
# Endings of a raion's adjective on the romanisation key: Тячівський, Тячівського, Tiachivskyi,
# and the feminine of its council, «Тячівська районна рада».
_RAION_ENDINGS = (
    "skoho",
    "ckoho",
    "zkoho",
    "ski",
    "cki",
    "zki",
    "ska",
    "cka",
    "zka",
    "koho",
    "ki",
    "oho",
    "i",
)


def _raion_stem(text: str) -> str:
    key = latin_key(text).replace(" ", "")
    for ending in _RAION_ENDINGS:
        if key.endswith(ending) and len(key) - len(ending) >= 3:
            return key[: -len(ending)]
    return key


_DISTRICT_OF = re.compile(
    r"^(.+?\s(?:district|raion|rayon|район))\s+"
    r"(?:of\s+(?:the\s+)?(?:city\s+of\s+)?|міста\s+|м\.\s*)?(.+)$",
    re.IGNORECASE,
)


# "Horodok in Lviv Oblast": "in" before an oblast or raion (never part of a hromada's name).
_IN_PLACE = re.compile(
    r"^(.+?)\s+in\s+(?:the\s+)?(.+\s(?:oblast|region|raion|rayon|district))$", re.IGNORECASE
)


# «Городок Хмельницької області», «Дубове Тячівського р-ну»: the genitive says it is not
# part of the name (English "Bila Tserkva Raion" gives no such sign, so it needs a comma).
_TRAILING_PLACE = re.compile(
    r"^(.+?)\s+(?:(?:з|із|зі)\s+)?(\S+(?:ої|ого)\s+(?:області|обл\.?|району|р-ну))$",
    re.IGNORECASE,
)
# «Шумська громада Тернопільщини», «Смілянська громада з Черкащини»: an oblast by its
# everyday name, after the word громада or the preposition з (a town may be called so:
# «Нове Запоріжжя»).
_TRAILING_REGION = re.compile(
    r"^(.+?(?:громада|громади|рада|отг|тг)|.+?\s+(?:з|із|зі))\s+(\S+)$", re.IGNORECASE
)


def _split_qualifier(text: str) -> tuple[str, list[str]]:
    """ "Novoselivka (Poltava oblast)" and "Новоселівка, Полтавська обл." → name, qualifiers;
    "Dniprovskyi district of Kyiv" and «Дніпровський район міста Києва» → district, city;
    "Dubove, Tiachiv Raion, Zakarpattia Oblast, Ukraine" → name and three qualifiers."""
    match = re.match(r"^(.*?)\s*\((.*)\)\s*(?:,(.*))?$", text)
    if match:
        name, rest, after = match.group(1), match.group(2), match.group(3) or ""
        more = _split_qualifier(name)[1] if "," in name else []
        return name.partition(",")[0], [*more, *_parts(rest), *_parts(after)]
    match = _IN_PLACE.match(text)
    if match:
        return match.group(1), [match.group(2)]
    match = _DISTRICT_OF.match(text)
    if match:
        return match.group(1), [match.group(2)]
    if "," in text:
        name, _, rest = text.partition(",")
        inner, trailing = _split_trailing(name)
        return inner, [*trailing, *_parts(rest)]
    return _split_trailing(text)


def _split_trailing(text: str) -> tuple[str, list[str]]:
    found: list[str] = []
    if " " not in text.strip():
        return text, found
    while match := _TRAILING_PLACE.match(text.strip()):
        text = match.group(1)
        found.insert(0, match.group(2))
    region = _TRAILING_REGION.match(text.strip())
    if region and _is_region_word(region.group(2)):
        text = re.sub(r"\s+(?:з|із|зі)$", "", region.group(1), flags=re.IGNORECASE)
        found.insert(0, region.group(2))
    return text, found


def _is_region_word(word: str) -> bool:
    """Whether a word is an oblast's everyday name (Тернопільщина, Закарпаття, Буковина)."""
    key = latin_key(name_key(word))
    return key in _REGION_NAMES or key.endswith(_COLLOQUIAL_ENDINGS)


def _parts(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]


@cache
def shipped_index() -> HromadaIndex:
    """The index of every hromada and settlement in the shipped reference tables."""
    return HromadaIndex(read_hromadas(), settlements())
