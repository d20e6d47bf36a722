"""Derive the shipped reference tables from the raw public data sets.

Inputs (see knowledge/data/reference/SOURCES.md for their origin):

* ``kodifikator-02-07-2025.csv``: the official KATOTTH codifier, the authority for which
  hromadas exist, their codes and the oblast/raion above them;
* ``full_dataset.csv``: the Kyiv School of Economics hromada table, which adds the kind of
  hromada, its administrative centre, the centre's coordinates and the 2022 population;
* ``cities15000.txt``: the GeoNames dump of cities with 15,000+ inhabitants, for foreign
  partner cities, for the coordinates of Kyiv and Sevastopol and for the other names
  (aliases) of Ukrainian hromadas' centres.

Run ``python -m tools.reference_derive --help`` for the command line.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import logging
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path

from knowledge.places.nearest import distance_km
from knowledge.text.normalize import fold, is_cyrillic, is_latin, latin_key, normalize
from knowledge.text.transliteration import APOSTROPHES, transliterate

CODIFIER_FILE = "kodifikator-02-07-2025.csv"
KSE_FILE = "full_dataset.csv"
GEONAMES_FILE = "cities15000.txt"

HROMADAS_FILE = "hromadas.csv"
GEONAMES_PLACES_FILE = "geonames_places.csv"
SOURCES_FILE = "SOURCES.md"

# The codifier stores Kyiv and Sevastopol as category-K rows with no coordinates; these are
# their GeoNames records.
SPECIAL_CITY_GEONAMES_IDS: dict[str, int] = {
    "UA80000000000093317": 703448,
    "UA85000000000065278": 694423,
}

KIND_BY_KSE_TYPE: dict[str, str] = {
    "міська": "urban",
    "селищна": "settlement",
    "сільська": "rural",
}
SPECIAL_CITY_KIND = "special"

UKRAINIAN_APOSTROPHE = "\u2019"

COORDINATE_DECIMALS = 5

_CODIFIER_COLUMN_COUNT = 7
_CODIFIER_CATEGORY_HEADER = "Категорія об’єкта"
_SETTLEMENT_CATEGORIES = frozenset({"M", "X", "C"})

_GEONAMES_COLUMN_COUNT = 19
_CYRILLIC = re.compile("[\u0400-\u052f]")

GEONAMES_UKRAINE = "UA"
GEONAMES_POPULATED_PLACE = "P"
MAX_ALIAS_DISTANCE_KM = 15.0
ALIAS_SEPARATOR = "|"
_EARTH_RADIUS_KM = 6371.0088
_MIN_ALIAS_LENGTH = 3
_ALIAS_PUNCTUATION = frozenset(" -") | APOSTROPHES

_log = logging.getLogger(__name__)

# The great-circle distance in kilometres, shared with the bot's nearest-hromada lookup.
haversine_km = distance_km


@dataclasses.dataclass(frozen=True)
class HromadaLine:
    """One line of hromadas.csv; the field order is the column order."""

    code: str
    name_uk: str
    name_en: str
    kind: str
    oblast_code: str
    oblast_uk: str
    oblast_en: str
    raion_code: str
    raion_uk: str
    raion_en: str
    center_uk: str
    center_en: str
    latitude: str
    longitude: str
    population_2022: str
    aliases: str = ""


@dataclasses.dataclass(frozen=True)
class GeoNamesCity:
    """One line of geonames_places.csv; the field order is the column order."""

    geonames_id: int
    name: str
    ascii_name: str
    country_code: str
    admin1_code: str
    latitude: str
    longitude: str
    population: str
    cyrillic_names: str


@dataclasses.dataclass(frozen=True)
class CodifierEntry:
    """One row of the codifier; names are stripped and their apostrophes normalised."""

    level1: str
    level2: str
    level3: str
    level4: str
    extra_level: str
    category: str
    name: str


@dataclasses.dataclass(frozen=True)
class _Centre:
    name_uk: str
    latitude: str = ""
    longitude: str = ""


HROMADA_COLUMNS: tuple[str, ...] = tuple(field.name for field in dataclasses.fields(HromadaLine))
GEONAMES_PLACE_COLUMNS: tuple[str, ...] = tuple(
    field.name for field in dataclasses.fields(GeoNamesCity)
)


def normalize_apostrophes(name: str) -> str:
    """Write every apostrophe variant in a Ukrainian name as U+2019, the codifier's form."""
    return "".join(UKRAINIAN_APOSTROPHE if char in APOSTROPHES else char for char in name)


def _clean_name(raw: str) -> str:
    return normalize_apostrophes(raw.strip())


def format_coordinate(raw: str) -> str:
    """Round a decimal coordinate to at most five decimals (about a metre); empty stays empty."""
    text = raw.strip()
    if not text or text.upper() == "NA":
        return ""
    rounded = f"{float(text):.{COORDINATE_DECIMALS}f}".rstrip("0").rstrip(".")
    return "0" if rounded in {"-0", ""} else rounded


def _format_count(raw: str) -> str:
    text = raw.strip()
    if not text or text.upper() == "NA":
        return ""
    return str(round(float(text)))


# ---------------------------------------------------------------------------------------------
# Reading the raw files


def read_codifier(path: Path) -> list[CodifierEntry]:
    """Read the KATOTTH codifier (UTF-8 with BOM, ';'-separated, CRLF)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        header = next(reader)
        if len(header) != _CODIFIER_COLUMN_COUNT or header[5] != _CODIFIER_CATEGORY_HEADER:
            raise ValueError(f"{path}: unexpected codifier header {header!r}")
        entries = []
        for line_number, row in enumerate(reader, start=2):
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != _CODIFIER_COLUMN_COUNT:
                raise ValueError(f"{path}:{line_number}: expected 7 columns, got {len(row)}")
            level1, level2, level3, level4, extra_level, category, name = (
                cell.strip() for cell in row
            )
            entries.append(
                CodifierEntry(
                    level1, level2, level3, level4, extra_level, category, _clean_name(name)
                )
            )
    return entries


def read_kse_hromadas(path: Path) -> dict[str, dict[str, str]]:
    """Read the KSE hromada table, keyed by KATOTTH hromada code."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return {row["hromada_code"].strip(): row for row in csv.DictReader(handle)}


def read_geonames(path: Path, wanted_ids: Iterable[int]) -> dict[int, list[str]]:
    """Return the raw GeoNames records (19 tab-separated fields) for the wanted ids."""
    wanted = set(wanted_ids)
    found: dict[int, list[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) != _GEONAMES_COLUMN_COUNT or not fields[0].isdigit():
                continue
            geonames_id = int(fields[0])
            if geonames_id in wanted:
                found[geonames_id] = fields
    missing = sorted(wanted - found.keys())
    if missing:
        raise ValueError(f"{path}: no GeoNames record for id(s) {missing}")
    return found


# ---------------------------------------------------------------------------------------------
# Finding the centre of a hromada that the KSE table does not cover
#
# A hromada is named by an adjective made from its centre's name: Андріївка -> Андріївська,
# Армянськ -> Армянська, Судак -> Судацька, Ялта -> Ялтинська, Саки -> Сакська, Старий
# Крим -> Старокримська, Садове -> Садова. The rule below reduces the hromada name to a
# stem and generates, for every settlement of the hromada, the stems its adjective can
# have; a settlement matches when one of them equals the hromada's stem.
#
# * Hromada stem: lower case without apostrophes, soft signs, spaces or hyphens; "-ська",
#   "-цька", "-зька" lose only "ка", so the stem keeps the suffix consonant (андріївс,
#   судац); other names lose their final vowel (Садова -> садов).
# * Settlement stems: the last word without an ending (-а, -я, -е, -є, -и, -і, -о, -ї,
#   -ка, -ки, -ко, -ке, -ий, -ій, -на, -не, -ня, -ні, -нє, -ці; a doubled consonant before
#   "-я" is halved: Чорнопілля -> чорнопіл), followed by one of the linking infixes
#   (-, -ів-, -ин-, -ен-, -ян-, -ан-, -ін-, -н-, -в-, -їв-) and "с"; or with its last
#   consonant softened the way Ukrainian does before "-ськ-" (к/ч/ц -> ц, г/ж/з -> з,
#   х/ш/с -> с); names already ending in "-ськ(ий/е/а)" keep their stem. Earlier words
#   of a compound enter either as they are (Усть-) or as the adjective stem plus "о"
#   (Старий -> старо-).
# * Ukrainian alternates і with о/е/є/ї in the last syllable of a stem (Курахове ->
#   Курахівська, Глухівці -> Глуховецька), so stems are compared with those vowels
#   treated as equal.
# * When several settlements match (a village named after the hromada, Дебальцівське,
#   next to its centre Дебальцеве), the one listed first wins: the codifier numbers the
#   centre of a hromada first. Every hromada that the KSE table covers bears this out.
#
# Checked against the 1,469 hromadas whose centre the KSE table names, the rule finds a
# centre for 1,400 and names the KSE centre for 1,396; the other four centres were renamed
# or moved to a settlement with an unrelated name.

_HROMADA_ADJECTIVE_SUFFIXES = ("ска", "цка", "зка")
_WORD_ENDINGS = (
    "а",
    "я",
    "е",
    "є",
    "и",
    "і",
    "о",
    "ї",
    "ка",
    "ки",
    "ко",
    "ке",
    "ий",
    "ій",
    "на",
    "не",
    "ня",
    "ні",
    "нє",
    "ці",
)
_COMPOUND_PREFIX_ENDINGS = ("ий", "ій", "а", "я", "е", "є", "і", "ї", "о")
_LINKING_INFIXES = ("", "ів", "ин", "ен", "ян", "ан", "ін", "н", "в", "їв")
_SOFTENED_BEFORE_SK = {
    "к": "ц",
    "ч": "ц",
    "ц": "ц",
    "г": "з",
    "ж": "з",
    "з": "з",
    "х": "с",
    "ш": "с",
    "с": "с",
}
_MIN_STEM_LENGTH = 2
_ALTERNATING_VOWELS = re.compile("[іоеєї]")
_ALREADY_ADJECTIVE = re.compile("(.+[сцз])к(?:ий|е|а|и)?")
_SILENT_IN_STEMS = re.compile(f"[ь{''.join(APOSTROPHES)}]")


def _simplify(name: str) -> str:
    return _SILENT_IN_STEMS.sub("", name.strip().lower())


def _hromada_stem(hromada_name: str) -> str:
    simplified = re.sub(r"[\s-]", "", _simplify(hromada_name))
    if simplified.endswith(_HROMADA_ADJECTIVE_SUFFIXES):
        return simplified[:-2]
    return simplified[:-1]


def _word_without_ending(word: str) -> set[str]:
    stems = {word}
    for ending in _WORD_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM_LENGTH:
            stems.add(word[: -len(ending)])
    doubled_consonant_stem = word[:-2]
    if (
        len(doubled_consonant_stem) >= _MIN_STEM_LENGTH
        and word.endswith("я")
        and word[-2] == word[-3]
    ):
        stems.add(doubled_consonant_stem)
    return stems


def _last_word_stems(word: str) -> set[str]:
    stems: set[str] = set()
    already_adjective = _ALREADY_ADJECTIVE.fullmatch(word)
    if already_adjective:
        stems.add(already_adjective.group(1))
    for base in _word_without_ending(word):
        stems.update(base + infix + "с" for infix in _LINKING_INFIXES)
        if base[-1] in _SOFTENED_BEFORE_SK:
            stems.add(base[:-1] + _SOFTENED_BEFORE_SK[base[-1]])
        if base.endswith("ц"):
            stems.add(base[:-1] + "ец")
        if base.endswith("і"):
            stems.add(base + "йс")
        # Hromadas named like adjectives without "-ськ-" (Садова, Цілинна).
        stems.add(base)
    return stems


def _compound_prefix_as_adjective(words: Sequence[str]) -> str:
    parts = []
    for word in words:
        stem = word
        for ending in _COMPOUND_PREFIX_ENDINGS:
            if word.endswith(ending) and len(word) - len(ending) >= _MIN_STEM_LENGTH:
                stem = word[: -len(ending)]
                break
        parts.append(stem + "о")
    return "".join(parts)


def _settlement_stems(settlement_name: str) -> set[str]:
    words = [word for word in re.split(r"[\s-]+", _simplify(settlement_name)) if word]
    if not words:
        return set()
    prefixes = {"".join(words[:-1]), _compound_prefix_as_adjective(words[:-1])}
    return {prefix + stem for prefix in prefixes for stem in _last_word_stems(words[-1])}


def _loosen(stem: str) -> str:
    return _ALTERNATING_VOWELS.sub("*", stem)


def find_centre_by_name(hromada_name: str, settlement_names: Sequence[str]) -> str | None:
    """Pick the settlement a hromada is named after, from its settlements in codifier order."""
    wanted = _loosen(_hromada_stem(hromada_name))
    for settlement_name in settlement_names:
        if wanted in {_loosen(stem) for stem in _settlement_stems(settlement_name)}:
            return settlement_name
    return None


# ---------------------------------------------------------------------------------------------
# Building the tables


def _kse_centre(
    kse_row: dict[str, str], settlement_names_by_code: dict[str, str]
) -> _Centre | None:
    """The KSE centre, under its current name: KSE's names date from 2022, the codifier's 2025."""
    centre_code = kse_row.get("hromada_center_code", "").strip()
    name = settlement_names_by_code.get(centre_code) or _clean_name(
        kse_row.get("hromada_center", "")
    )
    if not name or name.upper() == "NA":
        return None
    return _Centre(
        name_uk=name,
        latitude=format_coordinate(kse_row.get("lat_center", "")),
        longitude=format_coordinate(kse_row.get("lon_center", "")),
    )


def build_hromada_rows(
    codifier: Sequence[CodifierEntry],
    kse_by_code: dict[str, dict[str, str]],
    geonames_by_id: dict[int, list[str]],
) -> list[HromadaLine]:
    """Combine the codifier, the KSE table and GeoNames into the rows of hromadas.csv."""
    oblast_names = {entry.level1: entry.name for entry in codifier if entry.category == "O"}
    raion_names = {entry.level2: entry.name for entry in codifier if entry.category == "P"}
    settlements_by_hromada: dict[str, list[CodifierEntry]] = defaultdict(list)
    for entry in codifier:
        if entry.category in _SETTLEMENT_CATEGORIES and entry.level4 and not entry.extra_level:
            settlements_by_hromada[entry.level3].append(entry)

    rows: list[HromadaLine] = []
    for entry in codifier:
        if entry.category == "H":
            rows.append(
                _hromada_row(
                    entry,
                    kse_by_code.get(entry.level3),
                    settlements_by_hromada[entry.level3],
                    oblast_names,
                    raion_names,
                )
            )
        elif entry.category == "K":
            rows.append(_special_city_row(entry, geonames_by_id))
    rows.sort(key=lambda row: row.code)
    return rows


def _hromada_row(
    entry: CodifierEntry,
    kse_row: dict[str, str] | None,
    settlements: Sequence[CodifierEntry],
    oblast_names: dict[str, str],
    raion_names: dict[str, str],
) -> HromadaLine:
    centre: _Centre | None = None
    kind = population = ""
    if kse_row is not None:
        settlement_names_by_code = {
            settlement.level4: settlement.name for settlement in settlements
        }
        centre = _kse_centre(kse_row, settlement_names_by_code)
        kind = KIND_BY_KSE_TYPE.get(kse_row.get("type", "").strip(), "")
        population = _format_count(kse_row.get("total_popultaion_2022", ""))
    if centre is None:
        centre_name = find_centre_by_name(
            entry.name, [settlement.name for settlement in settlements]
        )
        centre = _Centre(centre_name) if centre_name else _Centre("")
    oblast_uk = oblast_names.get(entry.level1, "")
    raion_uk = raion_names.get(entry.level2, "")
    return HromadaLine(
        code=entry.level3,
        name_uk=entry.name,
        name_en=transliterate(entry.name),
        kind=kind,
        oblast_code=entry.level1,
        oblast_uk=oblast_uk,
        oblast_en=transliterate(oblast_uk),
        raion_code=entry.level2,
        raion_uk=raion_uk,
        raion_en=transliterate(raion_uk),
        center_uk=centre.name_uk,
        center_en=transliterate(centre.name_uk),
        latitude=centre.latitude,
        longitude=centre.longitude,
        population_2022=population,
    )


def _special_city_row(entry: CodifierEntry, geonames_by_id: dict[int, list[str]]) -> HromadaLine:
    latitude = longitude = ""
    geonames_id = SPECIAL_CITY_GEONAMES_IDS.get(entry.level1)
    if geonames_id is not None:
        record = geonames_by_id[geonames_id]
        latitude, longitude = format_coordinate(record[4]), format_coordinate(record[5])
    name_en = transliterate(entry.name)
    return HromadaLine(
        code=entry.level1,
        name_uk=entry.name,
        name_en=name_en,
        kind=SPECIAL_CITY_KIND,
        oblast_code="",
        oblast_uk="",
        oblast_en="",
        raion_code="",
        raion_uk="",
        raion_en="",
        center_uk=entry.name,
        center_en=name_en,
        latitude=latitude,
        longitude=longitude,
        population_2022="",
    )


def cyrillic_alternate_names(alternate_names: str) -> list[str]:
    """The comma-separated GeoNames alternate names that contain Cyrillic, first spelling kept."""
    names: list[str] = []
    for name in alternate_names.split(","):
        stripped = name.strip()
        if stripped and _CYRILLIC.search(stripped) and stripped not in names:
            names.append(stripped)
    return names


def build_geonames_places(
    geonames_by_id: dict[int, list[str]], geonames_ids: Iterable[int]
) -> list[GeoNamesCity]:
    """Turn the GeoNames records of the given ids into rows of geonames_places.csv, by id."""
    places = []
    for geonames_id in sorted(set(geonames_ids)):
        record = geonames_by_id[geonames_id]
        places.append(
            GeoNamesCity(
                geonames_id=geonames_id,
                name=record[1],
                ascii_name=record[2],
                country_code=record[8],
                admin1_code=record[10],
                latitude=format_coordinate(record[4]),
                longitude=format_coordinate(record[5]),
                population=_format_count(record[14]),
                cyrillic_names="|".join(cyrillic_alternate_names(record[3])),
            )
        )
    return places


# ---------------------------------------------------------------------------------------------
# Aliases: the other names of a hromada's centre
#
# GeoNames lists, for each Ukrainian city of 15,000+ inhabitants, its names in other
# languages and romanisations (Харьков, Kharkov, Charkiw). A GeoNames row belongs to the
# hromada whose centre it names: one of its names equals the centre's Ukrainian or English
# name after folding, and it lies within MAX_ALIAS_DISTANCE_KM of the centre's coordinates
# when the hromada has them. When several hromadas qualify, the nearest wins; a row goes to
# one hromada only. Kyiv and Sevastopol take their GeoNames rows by id.


@dataclasses.dataclass(frozen=True)
class AliasAssignment:
    """Which GeoNames rows went to which hromada, the aliases taken from them, and the rest.

    ``unplaced`` rows name no hromada's centre near them; ``ambiguous`` rows name the
    centres of several hromadas that have no coordinates to tell them apart.
    """

    aliases_by_code: dict[str, list[str]]
    geonames_ids_by_code: dict[str, list[int]]
    unplaced: list[list[str]]
    ambiguous: list[list[str]]


def read_geonames_country(path: Path, country_code: str, feature_class: str) -> list[list[str]]:
    """Return the raw GeoNames records of one country and feature class, in file order."""
    records = []
    with path.open(encoding="utf-8", newline="") as handle:
        for line in handle:
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) != _GEONAMES_COLUMN_COUNT or not fields[0].isdigit():
                continue
            if fields[8] == country_code and fields[6] == feature_class:
                records.append(fields)
    return records


def _geonames_alternate_names(record: Sequence[str]) -> list[str]:
    return [name.strip() for name in record[3].split(",") if name.strip()]


def _match_keys(names: Iterable[str]) -> set[tuple[str, str]]:
    """Keys on which two spellings of a name meet: fold() and, for romanisations, latin_key()."""
    keys: set[tuple[str, str]] = set()
    for name in names:
        folded = fold(name)
        if folded:
            keys.add(("fold", folded))
        romanised = latin_key(name)
        if romanised:
            keys.add(("latin", romanised))
    return keys


def is_alias_spelling(name: str) -> bool:
    """Whether a GeoNames alternate name can serve as an alias.

    It must be written in Latin or in Cyrillic letters (with spaces, hyphens and
    apostrophes) and be at least three characters long. All-caps abbreviations such as the
    IATA code "HRK" are left out, and so are names without a capital letter: GeoNames'
    lower-case Latin names are machine romanisations of other scripts ("ha er ke fu",
    "kharkwf") and, now and then, names of languages ("hindi").
    """
    if len(name) < _MIN_ALIAS_LENGTH or name.isupper() or name.islower():
        return False
    letters = [char for char in name if char not in _ALIAS_PUNCTUATION]
    if not letters:
        return False
    return all(map(is_latin, letters)) or all(map(is_cyrillic, letters))


def select_aliases(row: HromadaLine, alternate_names: Iterable[str]) -> list[str]:
    """The alternate names worth keeping for a hromada, in the order given.

    A name that folds to one of the hromada's own names adds nothing and is left out. Two
    alternate names count as one only when they differ in case or apostrophe alone: names
    that fold() would merge can still be different spellings people look for, such as the
    Russian "Харьков" next to the Bulgarian "Харков", or "Kupyansk" next to "Kupyans'k".
    """
    own_names = {
        fold(name) for name in (row.center_uk, row.center_en, row.name_uk, row.name_en) if name
    }
    seen: set[str] = set()
    aliases: list[str] = []
    for name in alternate_names:
        if not is_alias_spelling(name) or fold(name) in own_names:
            continue
        key = normalize(name)
        if key in seen:
            continue
        seen.add(key)
        aliases.append(name)
    return aliases


def _coordinates(latitude: str, longitude: str) -> tuple[float, float] | None:
    if not latitude or not longitude:
        return None
    return float(latitude), float(longitude)


def assign_aliases(
    rows: Sequence[HromadaLine],
    ukrainian_places: Iterable[Sequence[str]],
    geonames_by_id: dict[int, list[str]],
) -> AliasAssignment:
    """Attach each Ukrainian GeoNames populated place to the hromada it is the centre of."""
    special_ids = set(SPECIAL_CITY_GEONAMES_IDS.values())
    records_by_code: dict[str, list[tuple[float, list[str]]]] = defaultdict(list)
    for code, geonames_id in SPECIAL_CITY_GEONAMES_IDS.items():
        if geonames_id in geonames_by_id:
            records_by_code[code].append((0.0, geonames_by_id[geonames_id]))

    candidates = [row for row in rows if row.kind != SPECIAL_CITY_KIND and row.center_uk]
    rows_by_key: dict[tuple[str, str], list[HromadaLine]] = defaultdict(list)
    for row in candidates:
        for key in _match_keys([row.center_uk, row.center_en]):
            rows_by_key[key].append(row)

    unplaced: list[list[str]] = []
    ambiguous: list[list[str]] = []
    for record in ukrainian_places:
        fields = list(record)
        if int(fields[0]) in special_ids:
            continue
        names = [fields[1], fields[2], *_geonames_alternate_names(fields)]
        matching = {
            row.code: row for key in _match_keys(names) for row in rows_by_key.get(key, [])
        }
        point = (float(fields[4]), float(fields[5]))
        located: list[tuple[float, str]] = []
        unlocated: list[str] = []
        for code, row in matching.items():
            centre = _coordinates(row.latitude, row.longitude)
            if centre is None:
                unlocated.append(code)
                continue
            distance = distance_km(*point, *centre)
            if distance <= MAX_ALIAS_DISTANCE_KM:
                located.append((distance, code))
        if located:
            distance, code = min(located)
            records_by_code[code].append((distance, fields))
        elif len(unlocated) == 1:
            records_by_code[unlocated[0]].append((math.inf, fields))
        elif unlocated:
            ambiguous.append(fields)
        else:
            unplaced.append(fields)

    aliases_by_code: dict[str, list[str]] = {}
    geonames_ids_by_code: dict[str, list[int]] = {}
    for row in rows:
        records = sorted(records_by_code.get(row.code, []), key=lambda item: item[0])
        if not records:
            continue
        geonames_ids_by_code[row.code] = [int(record[0]) for _, record in records]
        names = [name for _, record in records for name in _geonames_alternate_names(record)]
        aliases_by_code[row.code] = select_aliases(row, names)
    return AliasAssignment(aliases_by_code, geonames_ids_by_code, unplaced, ambiguous)


def with_aliases(rows: Sequence[HromadaLine], assignment: AliasAssignment) -> list[HromadaLine]:
    """The rows with their `aliases` column filled in."""
    return [
        dataclasses.replace(
            row, aliases=ALIAS_SEPARATOR.join(assignment.aliases_by_code.get(row.code, []))
        )
        for row in rows
    ]


# ---------------------------------------------------------------------------------------------
# Writing


def _write_csv(path: Path, columns: Sequence[str], rows: Iterable[tuple[object, ...]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(columns)
        writer.writerows(rows)


_SOURCES_TEMPLATE = """\
# Reference data: sources and licences

The files in this directory are derived from public data sets by
`tools/reference_derive.py`. Regenerate them with:

```
python -m tools.reference_derive --raw <raw data directory> \\
    --out knowledge/data/reference \\
    {geonames_arguments}
```

where the raw data directory holds `{codifier_file}`, `{kse_file}` and
`{geonames_source_file}` as downloaded from the sources below.

English names (`*_en` columns) are not taken from any source: they are the Ukrainian
names transliterated by the official rules of Resolution No. 55 of the Cabinet of
Ministers of Ukraine of 27 January 2010 (`knowledge/text/transliteration.py`). Apostrophes in
Ukrainian names are written as U+2019 (’).

## Sources

### 1. Codifier of administrative-territorial units (KATOTTH)

- Кодифікатор адміністративно-територіальних одиниць та територій територіальних громад,
  published by the Ministry for Development of Communities and Territories of Ukraine,
  version of 02.07.2025. A state document; public data.
- Copied from the GitHub repository `bnotezz/ua-settlements` (MIT licence), file
  `assets/kodifikator/kodifikator-02-07-2025.csv`, last changed in commit
  `dae99a988d03ef2b5b584f671f3f5dfe88574ee6` (2025-07-22); repository snapshot
  `5dda015d4ce6cb7396abb336cd44323f0fd7caf4`.

### 2. KSE hromada table

- `full_dataset.csv` of the Kyiv School of Economics' KSE-Loc-Data-Hub (GitHub
  `kse-ua/KSE-Loc-Data-Hub`, MIT licence), file `data/derived/full_dataset.csv`, last
  changed in commit `2b976e10d1c42481ed00867ea330a49f7cd6488e` (2025-04-25); repository
  snapshot `46264883bf3b43e7b06e7699d0c14a1dcbad7a34`. Its own inputs are KATOTTH,
  decentralization.ua, the State Treasury and others; figures date from 2022.
- It covers the 1,469 hromadas outside Crimea; Kyiv, Sevastopol and the hromadas of
  Crimea are not in it.

### 3. GeoNames

- GeoNames `cities15000` (cities with at least 15,000 inhabitants), © GeoNames,
  <https://www.geonames.org/>, licensed under Creative Commons Attribution 4.0
  (CC BY 4.0).
- Copied from the GitHub repository `ali-hv/geobank-data`, which republishes the
  GeoNames dump: member `cities15000.txt` of `cities15000.zip`, last changed in commit
  `9917a9229aaa03a170bdd27e808d033dbf5998db` (2025-11-27); repository snapshot
  `87f4be9e0737543a6988c225a1348b6014b6fc6a`.

## Files

### `{hromadas_file}` ({hromada_count} rows)

One row per hromada of the codifier (category H) plus Kyiv and Sevastopol (category K,
`kind` = `special`), sorted by `code`.

- `code`: codifier, the hromada's KATOTTH code (level 3); level 1 for Kyiv and Sevastopol.
- `name_uk`: codifier, the hromada's name as listed there, e.g. "Харківська".
- `kind`: KSE `type` (міська → `urban`, селищна → `settlement`, сільська → `rural`);
  empty where KSE has no row.
- `oblast_code`, `oblast_uk`: codifier, level 1 and the name of its category-O row.
- `raion_code`, `raion_uk`: codifier, level 2 and the name of its category-P row.
- `center_uk`: the settlement KSE names as the centre (`hromada_center_code`), under its
  name in the codifier, which is newer than KSE's `hromada_center`; where KSE has no row,
  the settlement of the hromada that the hromada's name is formed from (the rule is
  described in `reference_derive.py`); the city itself for Kyiv and Sevastopol.
- `latitude`, `longitude`: KSE `lat_center`, `lon_center`; GeoNames for Kyiv (703448)
  and Sevastopol (694423); rounded to 5 decimals; empty where unknown.
- `population_2022`: KSE `total_popultaion_2022`.
- `name_en`, `oblast_en`, `raion_en`, `center_en`: transliteration of the `_uk` column.
- `aliases`: other names of the centre, `|`-separated, empty when none: GeoNames
  alternate names (© GeoNames, CC BY 4.0), such as "Kharkov", "Харьков" and "Charkiw"
  for Харків. They come from the `{geonames_source_file}` row of a Ukrainian populated
  place (country `UA`, feature class `P`) one of whose names equals the centre's
  `center_uk` or `center_en` after folding (`fold` or `latin_key` of
  `knowledge/text/normalize.py`) and which lies within {max_alias_distance} km of the
  centre's coordinates when the hromada has them; when several hromadas qualify, the
  nearest takes the row, and no row serves two hromadas. Kyiv and Sevastopol take their
  GeoNames rows (703448, 694423). Kept are names written in Latin or Cyrillic letters
  (with spaces, hyphens and apostrophes), at least three characters long, with a capital
  letter but not all in capitals (this leaves out codes such as "HRK" and GeoNames'
  lower-case machine romanisations such as "kharkwf"), in GeoNames' order; left out are
  names that fold to the hromada's `center_uk`, `center_en`, `name_uk` or `name_en`, and
  repeats differing from a kept name only in case or apostrophe.

Rows with a centre: {with_centre}; with coordinates: {with_coordinates}; with a `kind`:
{with_kind}; with `aliases`: {with_aliases}, from {alias_geonames_count} of the
{ukrainian_place_count} Ukrainian populated places of `{geonames_source_file}`. The hromadas
of Crimea have no KSE row, hence no kind, coordinates or population.

### `settlements.csv` ({settlement_count} rows)

Every city (`M`), settlement (`X`), village (`C`) and city district (`B`) of the codifier,
sorted by `code` (`tools/settlements_derive.py`): `code` (level 4, or the extra level for a
district), `category`, `name_uk`, `name_en` (transliterated), `hromada_code` (level 3: the
hromada it belongs to; Kyiv's own code for its districts) and `aliases`: the other names of a
Ukrainian GeoNames populated place that is no hromada's centre (© GeoNames, CC BY 4.0), given to
the one settlement of that name in its oblast (a city, where several share the name); which
GeoNames region is which oblast is learned from the places that went to hromada centres.

### `country_names.csv`, `country_names_other.csv`

Every way of writing a country that Babel's CLDR data (all its locales) and pycountry (ISO
3166, with the iso-codes project's translations; LGPL) know, derived by
`python -m tools.countries_derive --out knowledge/data/reference` (separately, as loading
every CLDR locale takes a while): `code`, `name`, `rank` (0: English, Ukrainian and Russian
CLDR names, ISO codes and names; 1: the country's own locales; 2: every other locale, in
`country_names_other.csv`; 3: parts of official names around "of", "and" and commas, and
initials, kept only when one country gives them), `origin` and, for the constituent countries
of GB (ISO 3166-2 subdivisions), `region_en` and `region_uk`.

### `{geonames_file}` ({geonames_count} rows)

Selected GeoNames records, by `geonames_id`: `name`, `ascii_name`, `country_code`,
`admin1_code`, `latitude`, `longitude`, `population` are GeoNames' fields;
`cyrillic_names` lists, `|`-separated and in GeoNames' order, those of its alternate
names that are written in Cyrillic.
"""


def _sources_markdown(
    settlement_count: int,
    hromada_rows: Sequence[HromadaLine],
    places: Sequence[GeoNamesCity],
    assignment: AliasAssignment,
    ukrainian_place_count: int,
) -> str:
    geonames_arguments = " \\\n    ".join(f"--geonames-id {place.geonames_id}" for place in places)
    return _SOURCES_TEMPLATE.format(
        settlement_count=f"{settlement_count:,}",
        geonames_arguments=geonames_arguments,
        codifier_file=CODIFIER_FILE,
        kse_file=KSE_FILE,
        geonames_source_file=GEONAMES_FILE,
        hromadas_file=HROMADAS_FILE,
        hromada_count=f"{len(hromada_rows):,}",
        with_centre=f"{sum(bool(row.center_uk) for row in hromada_rows):,}",
        with_coordinates=f"{sum(bool(row.latitude) for row in hromada_rows):,}",
        with_kind=f"{sum(bool(row.kind) for row in hromada_rows):,}",
        with_aliases=f"{sum(bool(row.aliases) for row in hromada_rows):,}",
        alias_geonames_count=sum(len(ids) for ids in assignment.geonames_ids_by_code.values()),
        ukrainian_place_count=ukrainian_place_count,
        max_alias_distance=f"{MAX_ALIAS_DISTANCE_KM:g}",
        geonames_file=GEONAMES_PLACES_FILE,
        geonames_count=len(places),
    )


def _log_alias_assignment(assignment: AliasAssignment) -> None:
    for record in assignment.ambiguous:
        _log.warning(
            "GeoNames %s %s names the centres of several hromadas without coordinates",
            record[0],
            record[1],
        )
    for record in assignment.unplaced:
        _log.info("GeoNames %s %s (%s) is no hromada's centre", record[0], record[1], record[7])


def derive_reference_data(raw_dir: Path, out_dir: Path, geonames_ids: Iterable[int]) -> None:
    """Write hromadas.csv, settlements.csv, geonames_places.csv and SOURCES.md to out_dir."""
    wanted_geonames_ids = sorted(set(geonames_ids))
    codifier = read_codifier(raw_dir / CODIFIER_FILE)
    kse_by_code = read_kse_hromadas(raw_dir / KSE_FILE)
    geonames_by_id = read_geonames(
        raw_dir / GEONAMES_FILE,
        [*wanted_geonames_ids, *SPECIAL_CITY_GEONAMES_IDS.values()],
    )

    hromada_rows = build_hromada_rows(codifier, kse_by_code, geonames_by_id)
    ukrainian_places = read_geonames_country(
        raw_dir / GEONAMES_FILE, GEONAMES_UKRAINE, GEONAMES_POPULATED_PLACE
    )
    assignment = assign_aliases(hromada_rows, ukrainian_places, geonames_by_id)
    hromada_rows = with_aliases(hromada_rows, assignment)
    _log_alias_assignment(assignment)
    places = build_geonames_places(geonames_by_id, wanted_geonames_ids)
    # Imported here: the settlements build on this module's readers and alias rules.
    from tools.settlements_derive import (
        SETTLEMENT_COLUMNS,
        SETTLEMENTS_FILE,
        build_settlement_rows,
        with_settlement_aliases,
    )

    settlements = with_settlement_aliases(
        build_settlement_rows(codifier), hromada_rows, ukrainian_places, assignment
    )

    out_dir.mkdir(parents=True, exist_ok=True)
    _write_csv(
        out_dir / SETTLEMENTS_FILE,
        SETTLEMENT_COLUMNS,
        (dataclasses.astuple(row) for row in settlements),
    )
    _write_csv(
        out_dir / HROMADAS_FILE,
        HROMADA_COLUMNS,
        (dataclasses.astuple(row) for row in hromada_rows),
    )
    _write_csv(
        out_dir / GEONAMES_PLACES_FILE,
        GEONAMES_PLACE_COLUMNS,
        (dataclasses.astuple(place) for place in places),
    )
    (out_dir / SOURCES_FILE).write_text(
        _sources_markdown(
            len(settlements), hromada_rows, places, assignment, len(ukrainian_places)
        ),
        encoding="utf-8",
    )
    _log.info(
        "Wrote %d hromadas (%d with a centre, %d with coordinates, %d with a kind, "
        "%d with aliases) and %d GeoNames places to %s",
        len(hromada_rows),
        sum(bool(row.center_uk) for row in hromada_rows),
        sum(bool(row.latitude) for row in hromada_rows),
        sum(bool(row.kind) for row in hromada_rows),
        sum(bool(row.aliases) for row in hromada_rows),
        len(places),
        out_dir,
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Command line: derive the reference tables from a directory of raw data files."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.reference_derive",
        description=f"Derive {HROMADAS_FILE}, {GEONAMES_PLACES_FILE} and {SOURCES_FILE} "
        f"from {CODIFIER_FILE}, {KSE_FILE} and {GEONAMES_FILE}.",
    )
    parser.add_argument("--raw", type=Path, required=True, help="directory of the raw files")
    parser.add_argument("--out", type=Path, required=True, help="directory to write to")
    parser.add_argument(
        "--geonames-id",
        type=int,
        action="append",
        default=[],
        dest="geonames_ids",
        help="GeoNames id of a place for geonames_places.csv (repeatable)",
    )
    arguments = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    derive_reference_data(arguments.raw, arguments.out, arguments.geonames_ids)


if __name__ == "__main__":
    main()
