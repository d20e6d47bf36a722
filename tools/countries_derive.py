"""Derive the shipped table of country names from Babel's CLDR data and pycountry.

Every way a country is written that these libraries know goes into `country_names.csv`:

* ISO 3166-1 alpha-2 and alpha-3 codes (pycountry);
* the name of every territory in every CLDR locale that Babel ships (about 1,100), with the
  locales it comes from, so the resolver can prefer the reader's languages and the country's
  own when two countries share a spelling;
* pycountry's short, common and official names, in English and in the Ukrainian and Russian
  translations of the iso-codes project;
* names made from those: the parts of an official name around "of" and "and" ("Federal
  Republic of Germany" gives "Germany", "Bosnia and Herzegovina" gives "Bosnia"), and the
  initials of a name of several words (USA, UK, UAE, США, ФРН, ОАЕ);
* everyday names that neither library gives (Britain, Британія);
* the adjectives of countries (polish, польський), which questions use;
* the constituent countries of a country without codes of their own (England, Scotland,
  Wales, Northern Ireland: ISO 3166-2 subdivisions at the top of GB), as regions of it.

Ranks order the spellings: a lower rank wins when two countries share a key. Loading every
CLDR locale takes Babel some twenty seconds, which is why this runs here and not at start-up.

    python -m tools.countries_derive --out knowledge/data/reference
"""

from __future__ import annotations

import argparse
import csv
import gettext
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import astuple, dataclass, fields
from pathlib import Path

import pycountry
from babel import Locale, UnknownLocaleError, localedata

COUNTRY_NAMES_FILE = "country_names.csv"
# Names from every other CLDR locale, kept apart: questions never read them.
OTHER_COUNTRY_NAMES_FILE = "country_names_other.csv"
# The reader's languages, the ISO names and codes.
RANK_PRIMARY = 0
# The country's own languages (the CLDR locales of that territory).
RANK_NATIVE = 1
# Every other CLDR locale.
RANK_OTHER = 2
# Names made from other names: parts of official names and initials.
RANK_DERIVED = 3
PRIMARY_LOCALES = ("en", "uk", "ru")
# CLDR territories that are groupings or placeholders, not countries.
NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "XA", "XB", "ZZ"})
# ISO 3166-2 subdivision types that are countries within a country.
CONSTITUENT_TYPES = frozenset({"Country", "Nation"})
# Northern Ireland is a "province" of GB in ISO 3166-2 but one of its four nations.
CONSTITUENT_PARENTLESS = frozenset({"GB"})
# Countries ISO 3166 leaves out, under the two-letter code it lets its users assign (which
# CLDR names): their three-letter codes and official names, which pycountry cannot give.
# Kosovo: XKX is the code of the European Union's and Switzerland's documents, RKS its own.
USER_ASSIGNED_COUNTRIES: dict[str, tuple[str, ...]] = {
    "XK": (
        "XKX",
        "RKS",
        "Republic of Kosovo",
        "Республіка Косово",
        "Республика Косово",
        "Republika e Kosovës",
        "Republika Kosovo",
        "Република Косово",
    ),
}
_SPLIT_WORDS = re.compile(r",\s+|\s+(?:of|and|&|of the)\s+", re.IGNORECASE)
_BRACKETED = re.compile(r"\s*\[.*?\]|\s*\(.*?\)")
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_SMALL_WORDS = frozenset({"of", "the", "and", "&"})


@dataclass(frozen=True, order=True)
class CountryName:
    """One row of country_names.csv; the field order is the column order."""

    code: str
    name: str
    rank: int
    origin: str
    region_en: str = ""
    region_uk: str = ""


COLUMNS = tuple(field.name for field in fields(CountryName))


def _is_country(code: str) -> bool:
    return len(code) == 2 and code.isalpha() and code.isupper() and code not in NOT_COUNTRIES


def _clean(name: str) -> str:
    # ISO writes "the State of Eritrea"; the resolver reads a name past its article.
    unbracketed = _BRACKETED.sub("", unicodedata.normalize("NFC", name))
    return " ".join(_ARTICLE.sub("", unbracketed.strip()).split())


def cldr_names() -> Iterator[CountryName]:
    """Every CLDR locale's name of every country, ranked by whose language it is."""
    seen: set[tuple[str, str, int]] = set()
    for identifier in sorted(localedata.locale_identifiers()):
        try:
            locale = Locale.parse(identifier)
        except (UnknownLocaleError, ValueError):
            continue
        for code, name in locale.territories.items():
            if not _is_country(code):
                continue
            if identifier in PRIMARY_LOCALES:
                rank = RANK_PRIMARY
            elif locale.territory == code:
                rank = RANK_NATIVE
            else:
                rank = RANK_OTHER
            cleaned = _clean(name)
            if cleaned and (code, cleaned, rank) not in seen:
                seen.add((code, cleaned, rank))
                yield CountryName(code, cleaned, rank, f"cldr:{identifier}")


def _translations(domain: str) -> dict[str, gettext.NullTranslations]:
    return {
        language: gettext.translation(
            domain, pycountry.LOCALES_DIR, languages=[language], fallback=True
        )
        for language in ("uk", "ru")
    }


def pycountry_names() -> Iterator[CountryName]:
    """Codes and the ISO names (short, common, official) in English, Ukrainian and Russian."""
    translations = _translations("iso3166-1")
    for country in pycountry.countries:
        code = country.alpha_2
        if not _is_country(code):
            continue
        yield CountryName(code, code, RANK_PRIMARY, "iso:alpha_2")
        yield CountryName(code, country.alpha_3, RANK_PRIMARY, "iso:alpha_3")
        for attribute in ("name", "common_name", "official_name"):
            english = getattr(country, attribute, None)
            if not english:
                continue
            yield CountryName(code, _clean(english), RANK_PRIMARY, f"iso:{attribute}")
            for language, translation in translations.items():
                translated = translation.gettext(english)
                if translated != english:
                    yield CountryName(
                        code, _clean(translated), RANK_PRIMARY, f"iso:{attribute}:{language}"
                    )


def user_assigned_names() -> Iterator[CountryName]:
    """The codes and official names of the countries ISO 3166 leaves to its users (Kosovo)."""
    for code, names in USER_ASSIGNED_COUNTRIES.items():
        for name in names:
            yield CountryName(code, name, RANK_PRIMARY, "user-assigned")


def constituent_countries() -> Iterator[CountryName]:
    """England, Scotland, Wales and Northern Ireland: regions of GB that are written alone."""
    translations = _translations("iso3166-2")
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code is not None:
            continue
        constituent = subdivision.type in CONSTITUENT_TYPES or (
            subdivision.country_code in CONSTITUENT_PARENTLESS
        )
        if not constituent:
            continue
        english = _clean(subdivision.name)
        ukrainian = _clean(translations["uk"].gettext(subdivision.name))
        names = {english, ukrainian, _clean(translations["ru"].gettext(subdivision.name))}
        for name in sorted(names):
            yield CountryName(
                subdivision.country_code,
                name,
                RANK_PRIMARY,
                f"iso3166-2:{subdivision.code}",
                english,
                ukrainian,
            )


def derived_names(names: list[CountryName]) -> Iterator[CountryName]:
    """Parts of long names around "of" and "and", and the initials of names of several words."""
    for row in names:
        if row.rank != RANK_PRIMARY or row.origin.startswith("iso:alpha") or row.region_en:
            continue
        parts = [part for part in _SPLIT_WORDS.split(row.name) if part]
        if len(parts) > 1:
            for part in parts:
                if " " in part or len(part) > 3:
                    yield CountryName(row.code, part, RANK_DERIVED, f"part:{row.origin}")
        words = [word for word in re.split(r"[\s-]+", row.name) if word]
        significant = [word for word in words if word.casefold() not in _SMALL_WORDS]
        if len(significant) >= 2 and all(word[:1].isalpha() for word in significant):
            initials = "".join(word[0] for word in significant).upper()
            yield CountryName(row.code, initials, RANK_DERIVED, f"initials:{row.origin}")


# Adjectives of countries ("польські партнери", "Latvian towns"): vocabulary that neither CLDR
# nor ISO carries, so written here; they become rows of the one country table, at the derived
# rank and with the origin "adjective", which questions read and inflect.
# ISO code -> (Ukrainian adjective, English adjective), the Ukrainian one in the masculine.
ADJECTIVES: dict[str, tuple[str, str]] = {
    "AL": ("албанський", "albanian"),
    "AT": ("австрійський", "austrian"),
    "BE": ("бельгійський", "belgian"),
    "BG": ("болгарський", "bulgarian"),
    "BY": ("білоруський", "belarusian"),
    "CA": ("канадський", "canadian"),
    "CH": ("швейцарський", "swiss"),
    "CN": ("китайський", "chinese"),
    "CZ": ("чеський", "czech"),
    "DE": ("німецький", "german"),
    "DK": ("данський", "danish"),
    "EE": ("естонський", "estonian"),
    "ES": ("іспанський", "spanish"),
    "FI": ("фінський", "finnish"),
    "FR": ("французький", "french"),
    "GB": ("британський", "british"),
    "GE": ("грузинський", "georgian"),
    "GR": ("грецький", "greek"),
    "HR": ("хорватський", "croatian"),
    "HU": ("угорський", "hungarian"),
    "IE": ("ірландський", "irish"),
    "IL": ("ізраїльський", "israeli"),
    "IT": ("італійський", "italian"),
    "JP": ("японський", "japanese"),
    "KR": ("корейський", "korean"),
    "LT": ("литовський", "lithuanian"),
    "LV": ("латвійський", "latvian"),
    "MD": ("молдовський", "moldovan"),
    "ME": ("чорногорський", "montenegrin"),
    "NL": ("нідерландський", "dutch"),
    "NO": ("норвезький", "norwegian"),
    "PL": ("польський", "polish"),
    "PT": ("португальський", "portuguese"),
    "RO": ("румунський", "romanian"),
    "RS": ("сербський", "serbian"),
    # Severed ties name them: «розірвала побратимські відносини з російським Курськом».
    "RU": ("російський", "russian"),
    "SE": ("шведський", "swedish"),
    "SI": ("словенський", "slovenian"),
    "SK": ("словацький", "slovak"),
    "TR": ("турецький", "turkish"),
    "US": ("американський", "american"),
}


# Everyday names that neither CLDR nor ISO gives ("Britain" for the United Kingdom), in the
# readers' languages: ISO code -> names. «Великобританія» is how Ukrainian usually writes what
# CLDR spells «Велика Британія»; Macedonia and Korea are what people still call North
# Macedonia and South Korea; «Белоруссия» is the Soviet-era Russian name older lists keep.
# «Штати», «Америка», "the States" are how people speak of the United States.
EVERYDAY_NAMES: dict[str, tuple[str, ...]] = {
    "US": ("Штати", "Штаты", "Америка", "the States"),
    "GB": ("Британія", "Великобританія", "Britain"),
    "MK": ("Македонія", "Македония", "Macedonia", "Republic of Macedonia"),
    "KR": ("Корея", "Korea", "Republic of Korea"),
    "BY": ("Белоруссия", "Білорусія", "Byelorussia", "Belorussia"),
}


def everyday_names() -> Iterator[CountryName]:
    """The everyday names as rows of the table, ranked with the readers' names."""
    for code, names in EVERYDAY_NAMES.items():
        for name in names:
            yield CountryName(code, name, RANK_PRIMARY, "everyday")


def adjectives() -> Iterator[CountryName]:
    """The country adjectives as rows of the table."""
    for code, (ukrainian, english) in ADJECTIVES.items():
        yield CountryName(code, ukrainian, RANK_DERIVED, "adjective")
        yield CountryName(code, english, RANK_DERIVED, "adjective")


def _unambiguous(derived: list[CountryName], known: list[CountryName]) -> list[CountryName]:
    """The derived names that only one country gives and no other country is called."""
    codes: dict[str, set[str]] = {}
    for row in [*derived, *known]:
        codes.setdefault(row.name.casefold(), set()).add(row.code)
    return [row for row in derived if len(codes[row.name.casefold()]) == 1]


def country_names() -> list[CountryName]:
    """Every row of country_names.csv, sorted and without repeats."""
    names = [
        *pycountry_names(),
        *user_assigned_names(),
        *constituent_countries(),
        *cldr_names(),
        *everyday_names(),
    ]
    names += _unambiguous(list(derived_names(names)), names)
    names += adjectives()
    ranks: dict[tuple[str, str, str, str], int] = {}
    origins: dict[tuple[str, str, str, str], set[str]] = {}
    for row in names:
        key = (row.code, row.name, row.region_en, row.region_uk)
        ranks[key] = min(ranks.get(key, row.rank), row.rank)
        # One locale stands for all of them: which ones say it matters less than that one does.
        origins.setdefault(key, set()).add(row.origin.split(":")[0])
    return sorted(
        CountryName(code, name, ranks[key], "|".join(sorted(origins[key])), region_en, region_uk)
        for key in ranks
        for code, name, region_en, region_uk in [key]
    )


def _derived(row: CountryName) -> bool:
    """Whether the row is made from a name in the readers' languages (a part or initials)."""
    return bool({"part", "initials"} & set(row.origin.split("|")))


def write_country_names(out_dir: Path) -> int:
    """Write country_names.csv and country_names_other.csv into out_dir; return the row count."""
    rows = country_names()
    # A name the readers' own names give ("UK" from "United Kingdom") stays where questions
    # read it, even when some other locale happens to spell the country so too.
    elsewhere = [row for row in rows if row.rank == RANK_OTHER and not _derived(row)]
    kept_apart = set(elsewhere)
    files = {
        COUNTRY_NAMES_FILE: [row for row in rows if row not in kept_apart],
        OTHER_COUNTRY_NAMES_FILE: elsewhere,
    }
    for name, selected in files.items():
        with (out_dir / name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(COLUMNS)
            writer.writerows(astuple(row) for row in selected)
    return len(rows)


def main(argv: list[str] | None = None) -> None:
    """Command line: write country_names.csv."""
    parser = argparse.ArgumentParser(
        prog="python -m tools.countries_derive",
        description=f"Derive {COUNTRY_NAMES_FILE} from Babel's CLDR data and pycountry.",
    )
    parser.add_argument("--out", type=Path, required=True, help="directory to write to")
    arguments = parser.parse_args(argv)
    arguments.out.mkdir(parents=True, exist_ok=True)
    count = write_country_names(arguments.out)
    print(f"Wrote {count} country names to {arguments.out / COUNTRY_NAMES_FILE}")


if __name__ == "__main__":
    main()
