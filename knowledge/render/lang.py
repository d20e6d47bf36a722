"""Rendering in one language: catalog messages, and dates, numbers, money and names by Babel."""

from __future__ import annotations

import datetime as dt
import gettext
from dataclasses import dataclass
from decimal import Decimal
from functools import cache, lru_cache

from babel.dates import format_date, format_skeleton
from babel.numbers import format_currency, format_decimal

from knowledge.facts.dates import PartialDate, Precision
from knowledge.facts.records import Hromada, Place, Text
from knowledge.places.countries import country_name
from knowledge.render.translations import translation
from knowledge.text.morphology import inflect, phrase_in_case

LANGUAGES = ("uk", "en")
_VOWELS = frozenset("аеєиіїоуюя")
# CLDR's English names read with "the" after "in".
_ENGLISH_WITH_THE = ("United ", "Netherlands", "Philippines", "Czech Republic", "Bahamas")


@cache
def _catalog(lang: str) -> gettext.NullTranslations:
    return translation(lang)


# Answers repeat the same dates and counts (an agreement's signing, a hromada's partners), and
# Babel parses the locale and the pattern anew on every call: each formatted value is kept.
_KEPT_FORMATS = 8192


@lru_cache(maxsize=_KEPT_FORMATS)
def _count(value: int, lang: str) -> str:
    return format_decimal(value, locale=lang)


@lru_cache(maxsize=_KEPT_FORMATS)
def _long_date(day: dt.date, lang: str) -> str:
    return format_date(day, "long", locale=lang)


@lru_cache(maxsize=_KEPT_FORMATS)
def _month_and_year(day: dt.date, lang: str) -> str:
    return format_skeleton("yMMMM", day, locale=lang)


@lru_cache(maxsize=_KEPT_FORMATS)
def _in_month(day: dt.date, lang: str) -> str:
    month_and_year = _month_and_year(day, lang)
    if lang != "uk":
        return month_and_year
    # CLDR has the nominative ("травень 2025 р."); "у ..." needs the locative ("травні").
    month, _, rest = month_and_year.partition(" ")
    return f"{inflect(month, 'loct')} {rest}"


@dataclass(frozen=True)
class Language:
    """Everything needed to write an answer in one language."""

    code: str

    @property
    def translations(self) -> gettext.NullTranslations:
        """The message catalog."""
        return _catalog(self.code)

    def gettext(self, message: str) -> str:
        """A message in this language."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The plural form of a message for the count."""
        return self.translations.ngettext(singular, plural, count)

    def number(self, value: int | Decimal) -> str:
        """A number with the language's grouping."""
        if isinstance(value, int):
            return _count(value, self.code)
        return format_decimal(value, locale=self.code)

    def money(self, amount: Decimal, currency: str) -> str:
        """An amount of money with its currency."""
        return format_currency(amount, currency, locale=self.code)

    def text(self, value: Text) -> str:
        """The text in this language."""
        return value.uk if self.code == "uk" else value.en

    def note(self, value: Text | None) -> str | None:
        """Notes in this language, or None when there are none in it (a note written in one
        language is not shown to readers of the other)."""
        if value is None:
            return None
        return self.text(value) or None

    def country(self, code: str) -> str:
        """A country's name (CLDR)."""
        return country_name(code, self.code)

    def in_country(self, code: str) -> str:
        """ "In" a country, after a word ending in a consonant: «у Німеччині», «в Італії»,
        "in Germany", "in the United States"; a Ukrainian name the dictionary cannot decline
        stays as written after «у країні» («у країні «Гонконг, ОАР Китаю»»)."""
        return self.in_named(self.country(code), self.gettext("in the country «{name}»"))

    def in_named(self, name: str, undeclined: str) -> str:
        """ "In" a named land (a country, Scotland) in this language, as `in_country` words
        it; `undeclined` ("in the country «{name}»", translated) when Ukrainian cannot
        decline the name."""
        if self.code != "uk":
            return f"in the {name}" if name.startswith(_ENGLISH_WITH_THE) else f"in {name}"
        declined = phrase_in_case(name, "loct")
        if declined is None:
            return undeclined.format(name=name)
        # «партнерів в Італії», «партнерів у Німеччині»: в before a vowel, у before a consonant.
        return f"в {declined}" if declined[:1].casefold() in _VOWELS else f"у {declined}"

    def place(self, place: Place) -> str:
        """A place's name."""
        return self.text(place.name)

    def hromada(self, hromada: Hromada) -> str:
        """What residents call the hromada: its centre's name, or the hromada's own."""
        if self.code == "uk":
            return hromada.center_uk or hromada.name_uk
        return hromada.center_en or hromada.name_en

    def when(self, date: PartialDate) -> str:
        """A date as a phrase: "in 2023", "in May 2025", "on 12 January 2024"."""
        _ = self.gettext
        if date.precision is Precision.YEAR:
            return _("in {year}").format(year=date.year)
        if date.precision is Precision.MONTH:
            return _("in {month_and_year}").format(month_and_year=self._month(date))
        return _("on {day}").format(day=_long_date(date.earliest(), self.code))

    @staticmethod
    def sentence(text: str) -> str:
        """A sentence whose closing full stop follows an abbreviation's («7 липня 2025 р.»):
        the one point ends both, as Ukrainian writes it, never «р..»."""
        return text[:-1] if text.endswith("..") else text

    def date(self, date: PartialDate) -> str:
        """A date on its own: "2023", "May 2025", "12 January 2024"."""
        if date.precision is Precision.YEAR:
            return self.gettext("{year}").format(year=date.year)
        if date.precision is Precision.MONTH:
            return _month_and_year(date.earliest(), self.code)
        return _long_date(date.earliest(), self.code)

    def date_range(self, start: PartialDate, end: PartialDate | None) -> str:
        """A span of days: «19–22 червня 2025 р.», "June 19–22, 2025"; one date when `end` is
        missing or the same; both dates in full when the month differs."""
        if end is None or end == start:
            return self.date(start)
        first, last = start.earliest(), end.earliest()
        same_month = (first.year, first.month) == (last.year, last.month) and first < last
        if same_month and start.precision is end.precision is Precision.DAY:
            if self.code == "uk":
                return f"{first.day}–{_long_date(last, self.code)}"
            month = format_date(first, "LLLL", locale=self.code)
            return f"{month} {first.day}–{last.day}, {first.year}"
        return f"{self.date(start)} – {self.date(end)}"

    def _month(self, date: PartialDate) -> str:
        return _in_month(date.earliest(), self.code)
