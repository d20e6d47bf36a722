"""Derive the shipped table of foreign towns from GeoNames' `cities15000.txt`.

Every town outside Ukraine with 15,000 inhabitants or more becomes one line of
`world_places.csv`: its GeoNames id, name (with its native diacritics), country, first-level
division code, coordinates and population; its Ukrainian name; the other Latin names people
write it under (Cracow, Krakau, Breslau); and the Cyrillic names a Ukrainian may write.

GeoNames' alternate names carry no language, so the Ukrainian name is chosen among the Cyrillic
ones: names with letters Ukrainian lacks (ы, э, ё, ъ, ў, ј, љ, њ …) are dropped, then the one
pymorphy3's Ukrainian dictionary knows is preferred (Вроцлав, Жешув, Кутаїсі), then one that
the Russian dictionary does not claim, then one with Ukrainian letters (Краків over Краков),
then the one whose official romanisation is closest to the town's name. Russian endings
(-ский, -ов for Polish -ów) are dropped, and a dictionary word that sounds nothing like the town
(Манастир for Bitola) does not count as known. Where no candidate is known to the dictionary or
written with Ukrainian letters, the Ukrainian transcription of the town's own name wins
(Celle → Целле, not Целе). A known name that sounds unlike the town's of today (Смирна, a
historical name of İzmir) competes with the Ukrainian spelling of its Russian one (Измир →
Ізмір). For a language without rules, a Russian-looking spelling (Герцлия, Ист Брансвик) is
written by the Ukrainian rules for foreign names (Герцлія, Іст-Брансвік). Nothing left: no
Ukrainian name (the town's own name is shown).

GeoNames data © GeoNames (https://www.geonames.org/), CC BY 4.0; see
`knowledge/data/reference/SOURCES.md`.

    python -m tools.world_places_derive --geonames ../shared/data/cities15000.txt \
        --out knowledge/data/reference
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import astuple, dataclass, fields
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz

from knowledge.places.transcription import ukrainian_transcription
from knowledge.places.world import world_place_keys
from knowledge.store.curated import REFERENCE_DIR
from knowledge.text.normalize import latin_key
from knowledge.text.transliteration import transliterate

WORLD_PLACES_FILE = "world_places.csv"
# Traditional Ukrainian names no data set gives, by hand, each with its source.
WORLD_NAMES_UK = REFERENCE_DIR / "world_names_uk.csv"
HOME_COUNTRY = "UA"
# Letters of Russian, Belarusian and the South Slavic alphabets that Ukrainian does not use.
_NOT_UKRAINIAN = frozenset("ыэёъўјљњћђѓќѕџӣӯ")
_UKRAINIAN_ONLY = frozenset("іїєґ")
# Russian adjective endings; Ukrainian writes -ський, -цький (Острув-Велькопольський).
_RUSSIAN_ADJECTIVE = re.compile(r"(?<![ь])(?:ск|цк)(?:ий|ая|ое|ой)(?:$|[\s-])")
_FEW_RULES = frozenset({"KR", "US", "GB", "CA", "AU", "NZ", "IE"})
# Below this similarity (0–100) of sound, a dictionary word is not the town's name.
_UNRELATED_BELOW = 20
_CYRILLIC_NAME = re.compile(r"^[\u0400-\u04ff][\u0400-\u04ff’'\- ]*$")
_LATIN_NAME = re.compile(r"^[A-ZÀ-ÞĀ-ſ][A-Za-zÀ-ÿĀ-ſ’'\-. ]*$")
# Cap on other Latin names per town: the most used exonyms come first in GeoNames' lists less
# often than not, so the shortest distinct ones are kept.
_MAX_LATIN_NAMES = 16


@dataclass(frozen=True)
class WorldPlaceLine:
    """One line of world_places.csv; the field order is the column order."""

    geonames_id: int
    name: str
    country_code: str
    admin1_code: str
    latitude: str
    longitude: str
    population: int
    name_uk: str
    latin_names: str
    cyrillic_names: str
    keys: str


@cache
def _analyzers() -> tuple[object, object]:
    import pymorphy3  # type: ignore[import-untyped]

    return pymorphy3.MorphAnalyzer(lang="uk"), pymorphy3.MorphAnalyzer(lang="ru")


def _known(analyzer: object, name: str) -> bool:
    """Whether a dictionary knows every part of a name as a word's nominative (not a case form)."""
    if " " in name.strip():
        return False
    words = [word.replace("’", "'") for word in name.lower().split("-") if word]
    return bool(words) and all(
        any(
            parse.normal_form == word and "nomn" in parse.tag
            for parse in analyzer.parse(word)  # type: ignore[attr-defined]
            if parse.is_known
        )
        for word in words
    )


def _claimed(analyzer: object, name: str) -> bool:
    """Whether a dictionary knows every word of a name in any form."""
    words = [word for word in re.split(r"[\s\-]+", name.lower()) if word]
    return bool(words) and all(
        analyzer.word_is_known(word.replace("’", "'"))  # type: ignore[attr-defined]
        for word in words
    )


def ukrainian_name(name: str, cyrillic: list[str], country: str = "") -> str:
    """The Ukrainian name of a town: a fitting Cyrillic alternate name, a transcription, or "".

    `name` is GeoNames' (native, Latin) name, `cyrillic` its Cyrillic alternate names and
    `country` its ISO alpha-2 code. A candidate the Ukrainian dictionary does not confirm loses
    to the Ukrainian transcription of the native name where the language has rules
    (`knowledge.places.transcription`): GeoNames' Cyrillic names without a language are as often
    Russian or Belarusian (Фильдерштадт, Аполе, Панявежис) as Ukrainian.
    """
    transcription = ukrainian_transcription(name, country)
    candidates = [
        candidate.replace("'", "’")
        for candidate in cyrillic
        if not (_NOT_UKRAINIAN & set(candidate.lower()))
        and not (transcription and _russian_marks(name, candidate))
    ]
    if country == "BG":
        # Bulgarian ъ is и in Ukrainian (Велико Търново → Велико-Тирново).
        candidates += [_from_bulgarian(candidate) for candidate in cyrillic]
    uk, ru = _analyzers()
    target = _plain(name)

    def confirmed(candidate: str) -> bool:
        # A dictionary word that sounds nothing like the town is another thing of that name
        # (Манастир, an old name of Bitola, is also "monastery").
        similarity = fuzz.ratio(_plain(transliterate(candidate)), target)
        return _known(uk, candidate) and similarity >= _UNRELATED_BELOW

    def sounds_like(candidate: str) -> bool:
        return fuzz.ratio(_plain(transliterate(candidate)), target) >= _SOUNDS_LIKE

    any_confirmed = any(map(confirmed, candidates))
    if not any(map(confirmed, candidates)) or (
        # Where no rules transcribe the town's own name (Turkish, Hebrew, English) only.
        not transcription
        and not any(confirmed(candidate) and sounds_like(candidate) for candidate in candidates)
    ):
        # GeoNames often has only the Russian spelling (Кишинев, Измир); the Ukrainian one
        # the dictionary knows (Кишинів, Ізмір) is made from it by the regular
        # correspondences. A known name that sounds unlike the town's (Смирна for İzmir)
        # may be a historical one: the Ukrainian name of today competes with it, made from
        # a spelling the dictionary does not know (a known word, Алжир, is not respelt).
        candidates += sorted(
            {
                variant
                for candidate in cyrillic
                if not (any_confirmed and _known(uk, candidate))
                for variant in _ukrainian_variants(candidate)
                # Beside a known name, and with every и respelt, only one that sounds like
                # the town's of today: not another old one (Антіохія for Antakya).
                if _known(uk, variant)
                and (
                    sounds_like(variant)
                    or not (
                        any_confirmed or variant.lower() == candidate.lower().replace("и", "і")
                    )
                )
            }
        )
    ukrainian = [c for c in candidates if confirmed(c) or _UKRAINIAN_ONLY & set(c.lower())]
    # Korean and English towns' Cyrillic names are mostly Ukrainian and Russian alike
    # (Самчхок), and their rules read few Latin names (an older romanisation, English
    # spelling): GeoNames' names are kept.
    if transcription and not ukrainian and not (country in _FEW_RULES and candidates):
        return transcription
    if not candidates:
        # Only Russian spellings of a name from another alphabet (Кармиэль): written by the
        # Ukrainian rules for foreign names (Кармієль). A Slavic name's и is not і (Мирный).
        if country in _CYRILLIC_COUNTRIES:
            return ""
        russian = [
            _from_russian(candidate)
            for candidate in cyrillic
            if set(candidate.lower()) <= _RUSSIAN_LETTERS and "ъ" not in candidate.lower()
        ]
        scored = [
            (fuzz.ratio(_plain(transliterate(candidate)), target), candidate)
            for candidate in russian
        ]
        best = max(scored, default=(0.0, ""))
        # A name that sounds unlike the town is a translation (Северный Голливуд), not its name.
        return best[1] if best[0] >= _SOUNDS_LIKE else ""
    several_words = " " in name.strip()

    def score(candidate: str) -> tuple[bool, bool, bool, bool, int, bool, bool, float]:
        known_uk = confirmed(candidate)
        similarity = fuzz.ratio(_plain(transliterate(candidate)), target)
        return (
            known_uk,
            # A plural-only noun the dictionary knows is a town's name (Сороки, Бендери), not
            # the plural of a common word.
            known_uk and _plural_only(uk, candidate),
            known_uk or not _claimed(ru, candidate),
            # Ukrainian joins the words of a foreign town's name with hyphens (Буенос-Айрес).
            several_words and "-" in candidate,
            # Old names (Ряшів for Rzeszów) sound further from the town's own name.
            round(similarity / 20),
            # Where the dictionary knows both, the traditional name (Замостя) is the one
            # Ukrainian writes, not the letter-by-letter transcription (Замосць).
            not known_uk or candidate != transcription,
            bool(_UKRAINIAN_ONLY & set(candidate.lower())),
            similarity,
        )

    chosen = max(candidates, key=score)
    if (
        not transcription
        and country not in _CYRILLIC_COUNTRIES
        and not confirmed(chosen)
        and not _UKRAINIAN_ONLY & set(chosen.lower())
        and _RUSSIAN_LOOKING.search(chosen.lower())
        and sounds_like(chosen)
    ):
        # Only a Russian spelling of a name from another alphabet (Герцлия, Ист Брансвик):
        # written by the Ukrainian rules for foreign names (Герцлія, Іст-Брансвік).
        # A word Ukrainian has too (Велика of Велика Нойда) is kept as it is.
        words = re.split(r"[\s-]+", chosen)
        return _keep_case(
            chosen,
            " ".join(word if _claimed(uk, word) else _from_russian(word) for word in words),
        )
    return chosen


def _keep_case(written: str, converted: str) -> str:
    """`converted` with each word begun in the case `written`'s is (Зумпанго-дель-Ріо), and
    its words joined with hyphens, as Ukrainian writes a foreign town's (Іст-Брансвік)."""
    originals = re.split(r"[\s-]+", written)
    words = re.split(r"[\s-]+", converted)
    if len(originals) != len(words):
        return "-".join(words)
    return "-".join(
        word if original[:1].isupper() else word[:1].lower() + word[1:]
        for original, word in zip(originals, words, strict=True)
    )


# Russian spellings no Ukrainian name of a foreign town has: -ия and -ие (Ukrainian -ія, -іє),
# и at a word's start (Ukrainian і: Ізмір, Іст-), и after a vowel (Ukrainian ї) or after
# б, в, п, м, ф, г, к, х, л, н (Ukrainian і: Брансвік, Кліфтон).
_RUSSIAN_LOOKING = re.compile(r"(?:^|[\s-])и|[аеиоуюя]и|и[яеюо]|[бвпмфгкхлн]и")


def _russian_marks(name: str, candidate: str) -> bool:
    """Whether a Cyrillic name is spelled the Russian way: -ский, or -ов for Polish -ów."""
    lower = candidate.lower()
    return bool(_RUSSIAN_ADJECTIVE.search(lower)) or (
        name.lower().endswith("ów") and lower.endswith("ов")
    )


_CYRILLIC_VOWELS = "аеєиіїоуюяэыё"
_RUSSIAN_LETTERS = frozenset("абвгдеёжзийклмнопрстуфхцчшщъыьэюя -’'")
# From this similarity (0–100) of sound on, a converted Russian spelling is the town's name.
_SOUNDS_LIKE = 60
# Countries whose own names are written in Cyrillic.
_CYRILLIC_COUNTRIES = frozenset({"RU", "BY", "BG", "RS", "MK", "ME", "BA", "KZ", "KG", "TJ", "MN"})
# Ukrainian writes и, not і, after these letters before a consonant in foreign names.
_NINE = "дтзсцчшжр"


def _from_russian(name: str) -> str:
    """A Russian Cyrillic name by Ukrainian spelling: ы → и, э → е (є after и), ё → ьо,
    и → і but for и after д, т, з, с, ц, ч, ш, ж, р before a consonant and after ж, ч, ш,
    щ, ц anywhere (Кармиэль → Кармієль, Шиянь), ї after a vowel; a name's first и is і."""
    out: list[str] = []
    lower = name.lower()
    for index, letter in enumerate(lower):
        previous = lower[index - 1] if index else ""
        following = lower[index + 1] if index + 1 < len(lower) else ""
        after_vowel = not previous or previous in _CYRILLIC_VOWELS or previous in "ь’'- "
        if letter == "и":
            # After ж, ч, ш, щ, ц Ukrainian writes и before a vowel too (Шиянь).
            hushing = bool(previous) and previous in "жчшщц"
            nine = (
                bool(previous)
                and previous in _NINE
                and following.isalpha()
                and following not in _CYRILLIC_VOWELS
            )
            after = previous and previous in _CYRILLIC_VOWELS
            out.append("и" if nine or hushing else ("ї" if after else "і"))
        elif letter == "ы":
            out.append("и")
        elif letter == "э":
            # Ukrainian writes є after і (Кармієль), е elsewhere (Пуебла, Ессен).
            out.append("є" if previous and previous in "иі" else "е")
        elif letter == "ё":
            out.append("йо" if after_vowel else "ьо")
        elif letter == "ъ" or (letter == "ь" and previous in "бпвмфр" and following in "яю"):
            # Ukrainian writes an apostrophe after a labial or р before я, ю (Кір’ят-Гат).
            out.append("’")
        else:
            out.append(letter)
    words = re.split(r"([\s-])", "".join(out))
    return "".join(word[:1].upper() + word[1:] for word in words)


def _plural_only(analyzer: object, name: str) -> bool:
    """Whether a dictionary knows a one-word name as a plural-only noun's nominative."""
    word = name.lower().replace("’", "'")
    return any(
        parse.is_known and parse.normal_form == word and {"Pltm", "nomn"} <= parse.tag.grammemes
        for parse in analyzer.parse(word)  # type: ignore[attr-defined]
    )


def _from_bulgarian(name: str) -> str:
    """A Bulgarian Cyrillic name by Ukrainian spelling: ъ → и, words hyphenated."""
    return "-".join(name.replace("ъ", "и").replace("Ъ", "И").split())


def _plain(name: str) -> str:
    """Lower-case Latin letters of a name, Polish nasal vowels as they sound (ą → on)."""
    name = name.lower().replace("ą", "on").replace("ę", "en")
    decomposed = unicodedata.normalize("NFKD", name.replace("ł", "l"))
    return " ".join(
        re.sub(
            r"[^a-z]+", " ", "".join(c for c in decomposed if not unicodedata.combining(c))
        ).split()
    )


def _ukrainian_variants(name: str) -> set[str]:
    """Spellings of a Russian-based name by Ukrainian rules: Кишинев → Кишинів."""
    lower = name.lower()
    variants = set()
    for ending, replacement in (("ев", "ів"), ("ов", "ів"), ("ий", "ій"), ("ье", "ля")):
        if lower.endswith(ending):
            variants.add(lower[: -len(ending)] + replacement)
    # Every и as і too (Измир → Ізмір), besides each one alone.
    if "и" in lower:
        variants.add(lower.replace("и", "і"))
    for index, letter in enumerate(lower):
        if letter == "и":
            variants.add(lower[:index] + "і" + lower[index + 1 :])
        elif letter == "ы":
            variants.add(lower[:index] + "и" + lower[index + 1 :])
        elif letter == "э":
            variants.add(lower[:index] + "е" + lower[index + 1 :])
    return {
        "-".join(part[:1].upper() + part[1:] for part in variant.split("-"))
        for variant in variants
        if not (_NOT_UKRAINIAN & set(variant))
    }


def _names_uk() -> dict[int, str]:
    """The Ukrainian names of `world_names_uk.csv` by GeoNames id: a town's traditional name
    (Бєльці) that neither GeoNames nor the dictionary gives, each with its source there."""
    with WORLD_NAMES_UK.open(encoding="utf-8", newline="") as file:
        return {int(row["geonames_id"]): row["name_uk"] for row in csv.DictReader(file)}


def _lines(path: Path) -> Iterator[WorldPlaceLine]:
    names_uk = _names_uk()
    with path.open(encoding="utf-8") as file:
        for raw in file:
            parts = raw.rstrip("\n").split("\t")
            if len(parts) < 15 or parts[8] == HOME_COUNTRY:
                continue
            name = parts[1]
            alternates = [alt.strip() for alt in parts[3].split(",") if alt.strip()]
            cyrillic = sorted({alt for alt in alternates if _CYRILLIC_NAME.match(alt)})
            seen = {latin_key(name)}
            latin: list[str] = []
            for alt in sorted({parts[2], *alternates}, key=lambda text: (len(text), text)):
                key = latin_key(alt)
                # Airport and other codes (KRK, BUE) are not names.
                is_code = alt.isupper() and len(alt) <= 4
                if _LATIN_NAME.match(alt) and key and key not in seen and not is_code:
                    seen.add(key)
                    latin.append(alt)
            name_uk = names_uk.get(int(parts[0])) or ukrainian_name(name, cyrillic, parts[8])
            cyrillic_names = [alt for alt in cyrillic if not (_NOT_UKRAINIAN & set(alt.lower()))]
            yield WorldPlaceLine(
                geonames_id=int(parts[0]),
                name=name,
                country_code=parts[8],
                admin1_code=parts[10],
                latitude=f"{float(parts[4]):.5f}",
                longitude=f"{float(parts[5]):.5f}",
                population=int(parts[14] or 0),
                name_uk=name_uk,
                latin_names="|".join(latin[:_MAX_LATIN_NAMES]),
                cyrillic_names="|".join(cyrillic_names),
                keys="|".join(
                    world_place_keys([name, *latin[:_MAX_LATIN_NAMES], *cyrillic_names, name_uk])
                ),
            )


def main() -> None:
    """Write world_places.csv from a GeoNames cities file."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--geonames", type=Path, required=True)
    parser.add_argument("--out", type=Path, required=True)
    arguments = parser.parse_args()
    columns = [field.name for field in fields(WorldPlaceLine)]
    with (arguments.out / WORLD_PLACES_FILE).open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, lineterminator="\n")
        writer.writerow(columns)
        for line in sorted(_lines(arguments.geonames), key=lambda line: line.geonames_id):
            writer.writerow(astuple(line))


if __name__ == "__main__":
    main()
