"""Compact, immutable copies of the knowledge document's records, for the answering engine.

A national knowledge base as pydantic documents takes some 270 MB; as slotted dataclasses that
share repeated strings and equal small records, a fraction of it. Every record keeps the field
names of its document class (`AgreementDoc.signed_on` is `Agreement.signed_on`), so code that
reads one reads the other; lists become tuples.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Protocol, TypeVar

from pydantic import BaseModel

from knowledge.facts.dates import PartialDate
from knowledge.facts.documents import (
    ActivityDoc,
    AgreementDoc,
    AidDoc,
    AidItemDoc,
    Bilingual,
    CitationDoc,
    DonorDoc,
    ExtensionDoc,
    HromadaDoc,
    Notes,
    PlaceDoc,
    ProgrammeDoc,
    SourceDoc,
    SpendingDoc,
)
from knowledge.facts.vocabulary import (
    ActivityKind,
    AgreementKind,
    AgreementStatus,
    AidCategory,
    CooperationArea,
    DonorKind,
    HromadaKind,
    SourceKind,
)

Item = TypeVar("Item")
_HROMADA_KINDS = {kind.value: kind for kind in HromadaKind}


class HromadaValues(Protocol):
    """A hromada's values by name, as a `HromadaDoc` and a stored row's columns give them."""

    @property
    def code(self) -> str: ...
    @property
    def name_uk(self) -> str: ...
    @property
    def name_en(self) -> str: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def oblast_code(self) -> str | None: ...
    @property
    def oblast_uk(self) -> str | None: ...
    @property
    def oblast_en(self) -> str | None: ...
    @property
    def raion_code(self) -> str | None: ...
    @property
    def raion_uk(self) -> str | None: ...
    @property
    def raion_en(self) -> str | None: ...
    @property
    def center_uk(self) -> str | None: ...
    @property
    def center_en(self) -> str | None: ...
    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...
    @property
    def population(self) -> int | None: ...
    @property
    def aliases(self) -> Iterable[str]: ...


@dataclass(frozen=True, slots=True)
class Text:
    """The same text in Ukrainian and in English (`Bilingual`)."""

    uk: str
    en: str


@dataclass(frozen=True, slots=True)
class Cited:
    """A fact's link to a source (`CitationDoc`)."""

    source: str
    quote: str | None


@dataclass(frozen=True, slots=True)
class Source:
    """A document the facts come from (`SourceDoc`)."""

    key: str
    kind: SourceKind
    title: Text
    issuer: Text
    document_number: str | None
    issued_on: PartialDate | None
    url: str | None
    language: str
    notes: str | None


@dataclass(frozen=True, slots=True)
class Hromada:
    """A Ukrainian hromada (`HromadaDoc`)."""

    code: str
    name_uk: str
    name_en: str
    kind: HromadaKind | None
    oblast_code: str | None
    oblast_uk: str | None
    oblast_en: str | None
    raion_code: str | None
    raion_uk: str | None
    raion_en: str | None
    center_uk: str | None
    center_en: str | None
    latitude: float | None
    longitude: float | None
    population: int | None
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Place:
    """A partner municipality (`PlaceDoc`)."""

    key: str
    name: Text
    name_local: str
    country: str
    region: Text | None
    latitude: float | None
    longitude: float | None
    geonames_id: int | None
    aliases: tuple[str, ...]
    notes: Text | None


@dataclass(frozen=True, slots=True)
class Extension:
    """An agreement's extension (`ExtensionDoc`)."""

    extended_on: PartialDate
    term_years: int | None
    valid_until: PartialDate | None
    source: str
    notes: Text | None


@dataclass(frozen=True, slots=True)
class Agreement:
    """A partnership agreement (`AgreementDoc`)."""

    key: str
    hromada: str
    place: str
    kind: AgreementKind
    status: AgreementStatus
    title: Text | None
    signed_on: PartialDate | None
    planned_on: PartialDate | None
    valid_until: PartialDate | None
    term_years: int | None
    extensions: tuple[Extension, ...]
    areas: tuple[CooperationArea, ...]
    notes: Text | None
    sources: tuple[Cited, ...]


@dataclass(frozen=True, slots=True)
class Donor:
    """Who sent an aid delivery (`DonorDoc`)."""

    kind: DonorKind
    country: str | None
    place: str | None
    name: str | None


@dataclass(frozen=True, slots=True)
class AidItem:
    """One category of goods in a delivery (`AidItemDoc`)."""

    category: AidCategory
    quantity: int | None


@dataclass(frozen=True, slots=True)
class Aid:
    """Aid that arrived for a hromada (`AidDoc`)."""

    key: str
    hromada: str
    received_on: PartialDate | None
    donors: tuple[Donor, ...]
    items: tuple[AidItem, ...]
    amount: Decimal | None
    currency: str | None
    description: Text | None
    notes: Text | None
    sources: tuple[Cited, ...]


@dataclass(frozen=True, slots=True)
class Activity:
    """A meeting, visit, project or other work (`ActivityDoc`)."""

    key: str
    hromada: str
    kind: ActivityKind
    started_on: PartialDate | None
    ended_on: PartialDate | None
    place: str | None
    count: int | None
    count_is_lower_bound: bool
    summary: Text
    sources: tuple[Cited, ...]


@dataclass(frozen=True, slots=True)
class Spending:
    """Money a programme spent in a period (`SpendingDoc`)."""

    period: PartialDate
    amount: Decimal
    currency: str
    purpose: Text | None


@dataclass(frozen=True, slots=True)
class Programme:
    """A hromada's programme for international cooperation (`ProgrammeDoc`)."""

    key: str
    hromada: str
    title: Text
    first_year: int | None
    last_year: int | None
    approved_by: Text | None
    spending: tuple[Spending, ...]
    sources: tuple[Cited, ...]


# Each document class and the record it becomes.
RECORD_OF: dict[type[BaseModel], type[Any]] = {
    Bilingual: Text,
    CitationDoc: Cited,
    SourceDoc: Source,
    HromadaDoc: Hromada,
    PlaceDoc: Place,
    ExtensionDoc: Extension,
    AgreementDoc: Agreement,
    DonorDoc: Donor,
    AidItemDoc: AidItem,
    AidDoc: Aid,
    ActivityDoc: Activity,
    SpendingDoc: Spending,
    ProgrammeDoc: Programme,
}


def _copied(value: int) -> int:
    # Numbers above 256 are objects of their own: a new one, as for strings (see Compactor).
    return value + 0


def _optional_number(value: int | None) -> int | None:
    return None if value is None else value + 0


def _optional_float(value: float | None) -> float | None:
    return None if value is None else value * 1.0


def _optional_amount(value: Decimal | None) -> Decimal | None:
    return None if value is None else Decimal(str(value))


def _pair(text: Bilingual | Notes | None) -> tuple[str | None, str | None]:
    # A document's text as the database stores it: the Ukrainian and the English column.
    return (None, None) if text is None else (text.uk, text.en)


class Compactor:
    """Turns document records into compact ones, sharing equal strings and small records.

    A record is built one way, by its `*_record` constructor of the values as the database
    stores them (texts as their Ukrainian and English columns); a document's records
    (`agreement(doc)` ...) and the database rows (knowledge.store.snapshot_reader) both go
    through it, so equal values become one object whichever way they came. Written out field
    by field: a generic walk over the fields takes seconds at national scale.

    Strings, numbers and dates are copied rather than referenced: one string of the document
    kept alive keeps its whole block of the heap from being returned to the system, so
    records pointing into the document would keep most of its memory after it is freed.
    """

    def __init__(self) -> None:
        self._strings: dict[str, str] = {}
        # Keyed by plain tuples: a dataclass or an enum member hashes in Python, slowly.
        self._dates: dict[tuple[int, int | None, int | None], PartialDate] = {}
        self._texts: dict[tuple[str, str], Text] = {}
        self._citations: dict[tuple[str, str | None], Cited] = {}
        self._donors: dict[tuple[str, str | None, str | None, str | None], Donor] = {}
        self._items: dict[tuple[str, int | None], AidItem] = {}
        self._iso_dates: dict[str, PartialDate] = {}
        self._tuples: dict[tuple[Any, ...], tuple[Any, ...]] = {}

    def _str(self, value: str) -> str:
        found = self._strings.get(value)
        if found is None:
            # Slicing a longer string makes a new one; `value[:]` would return the same object.
            found = self._strings[value] = (value + " ")[:-1]
        return found

    def _date(self, value: PartialDate) -> PartialDate:
        key = (value.year, value.month, value.day)
        found = self._dates.get(key)
        if found is None:
            found = self._dates[key] = PartialDate(_copied(value.year), value.month, value.day)
        return found

    def _optional_date(self, value: PartialDate | None) -> PartialDate | None:
        return None if value is None else self._date(value)

    def _sources(self, citations: list[CitationDoc]) -> tuple[Cited, ...]:
        citation = self.citation
        return tuple(citation(cited.source, cited.quote) for cited in citations)

    # The small records from plain values, as the database rows hold them.

    def string(self, value: str) -> str:
        """One shared copy of the string."""
        return self._str(value)

    def optional_string(self, value: str | None) -> str | None:
        """One shared copy of the string, or None."""
        return None if value is None else self._str(value)

    def strings(self, values: Iterable[str]) -> tuple[str, ...]:
        """Shared copies of the strings."""
        return tuple(self._str(value) for value in values)

    def text(self, uk: str, en: str) -> Text:
        """One shared Text of the two languages."""
        key = (uk, en)
        found = self._texts.get(key)
        if found is None:
            found = self._texts[key] = Text(self._str(uk), self._str(en))
        return found

    def optional_note(self, uk: str | None, en: str | None) -> Text | None:
        """Notes as stored, in one language or both; the missing one is empty (shown to no
        one), or None when there are none."""
        return None if uk is None and en is None else self.text(uk or "", en or "")

    def optional_text(self, uk: str | None, en: str | None) -> Text | None:
        """A Text where both languages are stored, as the document reads them, else None."""
        return None if uk is None or en is None else self.text(uk, en)

    def shared(self, values: tuple[Item, ...]) -> tuple[Item, ...]:
        """One shared copy of equal tuples of shared records (most aid cites the same source)."""
        found: tuple[Item, ...] = self._tuples.setdefault(values, values)
        return found

    def iso_date(self, value: str) -> PartialDate:
        """One shared PartialDate of its stored ISO text (YYYY, YYYY-MM or YYYY-MM-DD)."""
        found = self._iso_dates.get(value)
        if found is None:
            found = self._iso_dates[value] = self._date(PartialDate.parse(value))
        return found

    def optional_iso_date(self, value: str | None) -> PartialDate | None:
        """One shared PartialDate of its stored ISO text, or None."""
        return None if value is None else self.iso_date(value)

    def citation(self, source: str, quote: str | None) -> Cited:
        """One shared citation of a source by key."""
        key = (source, quote)
        found = self._citations.get(key)
        if found is None:
            found = self._citations[key] = Cited(self._str(source), self.optional_string(quote))
        return found

    def donor(self, kind: str, country: str | None, place: str | None, name: str | None) -> Donor:
        """One shared donor of its stored values."""
        key = (kind, country, place, name)
        found = self._donors.get(key)
        if found is None:
            found = self._donors[key] = Donor(
                DonorKind(kind),
                self.optional_string(country),
                self.optional_string(place),
                self.optional_string(name),
            )
        return found

    def aid_item(self, category: str, quantity: int | None) -> AidItem:
        """One shared aid item of its stored values."""
        key = (category, quantity)
        found = self._items.get(key)
        if found is None:
            found = self._items[key] = AidItem(AidCategory(category), _optional_number(quantity))
        return found

    def source_record(
        self,
        key: str,
        kind: SourceKind,
        title_uk: str,
        title_en: str,
        issuer_uk: str,
        issuer_en: str,
        document_number: str | None,
        issued_on: PartialDate | None,
        url: str | None,
        language: str,
        notes: str | None,
    ) -> Source:
        """A source of its stored values (dates already shared, as `iso_date` gives them)."""
        optional = self.optional_string
        return Source(
            self._str(key),
            kind,
            self.text(title_uk, title_en),
            self.text(issuer_uk, issuer_en),
            optional(document_number),
            issued_on,
            optional(url),
            self._str(language),
            optional(notes),
        )

    def hromada(self, values: HromadaValues) -> Hromada:
        """A hromada of its document or of its stored row alike (the same names), the kind
        by its code."""
        optional = self.optional_string
        kind = values.kind
        return Hromada(
            self._str(values.code),
            self._str(values.name_uk),
            self._str(values.name_en),
            None if kind is None else _HROMADA_KINDS[kind],
            optional(values.oblast_code),
            optional(values.oblast_uk),
            optional(values.oblast_en),
            optional(values.raion_code),
            optional(values.raion_uk),
            optional(values.raion_en),
            optional(values.center_uk),
            optional(values.center_en),
            _optional_float(values.latitude),
            _optional_float(values.longitude),
            _optional_number(values.population),
            self.strings(values.aliases),
        )

    def place_record(
        self,
        key: str,
        name: tuple[str, str],
        name_local: str,
        country: str,
        region: tuple[str | None, str | None],
        latitude: float | None,
        longitude: float | None,
        geonames_id: int | None,
        aliases: Iterable[str],
        notes: tuple[str | None, str | None],
    ) -> Place:
        """A partner place of its stored values; texts as (uk, en)."""
        return Place(
            self._str(key),
            self.text(*name),
            self._str(name_local),
            self._str(country),
            self.optional_text(*region),
            _optional_float(latitude),
            _optional_float(longitude),
            _optional_number(geonames_id),
            self.strings(aliases),
            self.optional_note(*notes),
        )

    def extension_record(
        self,
        extended_on: PartialDate,
        term_years: int | None,
        valid_until: PartialDate | None,
        source: str,
        notes: tuple[str | None, str | None],
    ) -> Extension:
        """An agreement's extension of its stored values (dates already shared)."""
        return Extension(
            extended_on, term_years, valid_until, self._str(source), self.optional_note(*notes)
        )

    def agreement_record(
        self,
        key: str,
        hromada: str,
        place: str,
        kind: AgreementKind,
        status: AgreementStatus,
        title: tuple[str | None, str | None],
        dates: tuple[PartialDate | None, PartialDate | None, PartialDate | None],
        term_years: int | None,
        extensions: Iterable[Extension],
        areas: Iterable[CooperationArea],
        notes: tuple[str | None, str | None],
        sources: Iterable[Cited],
    ) -> Agreement:
        """An agreement of its stored values: texts as (uk, en), dates (signed, planned, valid
        until) already shared, the place by key."""
        signed_on, planned_on, valid_until = dates
        return Agreement(
            self._str(key),
            self._str(hromada),
            self._str(place),
            kind,
            status,
            self.optional_text(*title),
            signed_on,
            planned_on,
            valid_until,
            term_years,
            tuple(extensions),
            self.shared(tuple(areas)),
            self.optional_note(*notes),
            self.shared(tuple(sources)),
        )

    def aid_record(
        self,
        key: str,
        hromada: str,
        received_on: PartialDate | None,
        donors: Iterable[Donor],
        items: Iterable[AidItem],
        amount: Decimal | None,
        currency: str | None,
        description: tuple[str | None, str | None],
        notes: tuple[str | None, str | None],
        sources: Iterable[Cited],
    ) -> Aid:
        """An aid record of its stored values: texts as (uk, en), the date already shared."""
        shared = self.shared
        return Aid(
            self._str(key),
            self._str(hromada),
            received_on,
            shared(tuple(donors)),
            shared(tuple(items)),
            _optional_amount(amount),
            self.optional_string(currency),
            self.optional_text(*description),
            self.optional_note(*notes),
            shared(tuple(sources)),
        )

    def activity_record(
        self,
        key: str,
        hromada: str,
        kind: ActivityKind,
        started_on: PartialDate | None,
        ended_on: PartialDate | None,
        place: str | None,
        count: int | None,
        count_is_lower_bound: bool,
        summary: tuple[str, str],
        sources: Iterable[Cited],
    ) -> Activity:
        """An activity of its stored values: the summary as (uk, en), dates already shared."""
        return Activity(
            self._str(key),
            self._str(hromada),
            kind,
            started_on,
            ended_on,
            self.optional_string(place),
            _optional_number(count),
            bool(count_is_lower_bound),
            self.text(*summary),
            self.shared(tuple(sources)),
        )

    def spending_record(
        self,
        period: PartialDate,
        amount: Decimal,
        currency: str,
        purpose: tuple[str | None, str | None],
    ) -> Spending:
        """A programme's spending in a period of its stored values (the period already
        shared)."""
        return Spending(
            period, Decimal(str(amount)), self._str(currency), self.optional_text(*purpose)
        )

    def programme_record(
        self,
        key: str,
        hromada: str,
        title: tuple[str, str],
        first_year: int | None,
        last_year: int | None,
        approved_by: tuple[str | None, str | None],
        spending: Iterable[Spending],
        sources: Iterable[Cited],
    ) -> Programme:
        """A programme of its stored values: texts as (uk, en)."""
        return Programme(
            self._str(key),
            self._str(hromada),
            self.text(*title),
            _optional_number(first_year),
            _optional_number(last_year),
            self.optional_text(*approved_by),
            tuple(spending),
            self.shared(tuple(sources)),
        )

    # The records of a document's: its values, through the constructors above.

    def source(self, doc: SourceDoc) -> Source:
        """A source."""
        return self.source_record(
            doc.key,
            doc.kind,
            doc.title.uk,
            doc.title.en,
            doc.issuer.uk,
            doc.issuer.en,
            doc.document_number,
            self._optional_date(doc.issued_on),
            doc.url,
            doc.language,
            doc.notes,
        )

    def place(self, doc: PlaceDoc) -> Place:
        """A partner place."""
        return self.place_record(
            doc.key,
            (doc.name.uk, doc.name.en),
            doc.name_local,
            doc.country,
            _pair(doc.region),
            doc.latitude,
            doc.longitude,
            doc.geonames_id,
            doc.aliases,
            _pair(doc.notes),
        )

    def _extension(self, doc: ExtensionDoc) -> Extension:
        return self.extension_record(
            self._date(doc.extended_on),
            doc.term_years,
            self._optional_date(doc.valid_until),
            doc.source,
            _pair(doc.notes),
        )

    def agreement(self, doc: AgreementDoc) -> Agreement:
        """An agreement."""
        date = self._optional_date
        return self.agreement_record(
            doc.key,
            doc.hromada,
            doc.place,
            doc.kind,
            doc.status,
            _pair(doc.title),
            (date(doc.signed_on), date(doc.planned_on), date(doc.valid_until)),
            doc.term_years,
            [self._extension(extension) for extension in doc.extensions],
            doc.areas,
            _pair(doc.notes),
            self._sources(doc.sources),
        )

    def aid(self, doc: AidDoc) -> Aid:
        """An aid record."""
        return self.aid_record(
            doc.key,
            doc.hromada,
            self._optional_date(doc.received_on),
            [self.donor(d.kind._value_, d.country, d.place, d.name) for d in doc.donors],
            [self.aid_item(item.category._value_, item.quantity) for item in doc.items],
            doc.amount,
            doc.currency,
            _pair(doc.description),
            _pair(doc.notes),
            self._sources(doc.sources),
        )

    def activity(self, doc: ActivityDoc) -> Activity:
        """An activity."""
        date = self._optional_date
        return self.activity_record(
            doc.key,
            doc.hromada,
            doc.kind,
            date(doc.started_on),
            date(doc.ended_on),
            doc.place,
            doc.count,
            doc.count_is_lower_bound,
            (doc.summary.uk, doc.summary.en),
            self._sources(doc.sources),
        )

    def programme(self, doc: ProgrammeDoc) -> Programme:
        """A programme with its spending."""
        return self.programme_record(
            doc.key,
            doc.hromada,
            (doc.title.uk, doc.title.en),
            doc.first_year,
            doc.last_year,
            _pair(doc.approved_by),
            [
                self.spending_record(
                    self._date(spending.period),
                    spending.amount,
                    spending.currency,
                    _pair(spending.purpose),
                )
                for spending in doc.spending
            ],
            self._sources(doc.sources),
        )
