"""Compact, immutable copies of the knowledge document's records, for the answering engine.

A national knowledge base as pydantic documents takes some 270 MB; as slotted dataclasses that
share repeated strings and equal small records, a fraction of it. Every record keeps the field
names of its document class (`AgreementDoc.signed_on` is `Agreement.signed_on`), so code that
reads one reads the other; lists become tuples.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any, TypeVar

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


class Compactor:
    """Turns document records into compact ones, sharing equal strings and small records.

    Both ways records are built, from documents here and from database rows in
    knowledge.store.snapshot_reader, share its constructors of the small records (texts,
    citations, donors, aid items, dates), so equal values become one object whichever way
    they came. Written out field by field: a generic walk over the fields takes seconds at
    national scale.

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

    def _optional(self, value: str | None) -> str | None:
        return None if value is None else self._str(value)

    def _strings_of(self, values: list[str]) -> tuple[str, ...]:
        return tuple(self._str(value) for value in values)

    def _date(self, value: PartialDate) -> PartialDate:
        key = (value.year, value.month, value.day)
        found = self._dates.get(key)
        if found is None:
            found = self._dates[key] = PartialDate(_copied(value.year), value.month, value.day)
        return found

    def _optional_date(self, value: PartialDate | None) -> PartialDate | None:
        return None if value is None else self._date(value)

    def _optional_text(self, value: Bilingual | None) -> Text | None:
        return None if value is None else self.text(value.uk, value.en)

    def _optional_note(self, value: Notes | None) -> Text | None:
        return None if value is None else self.optional_note(value.uk, value.en)

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

    def strings(self, values: list[str]) -> tuple[str, ...]:
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

    def source(self, doc: SourceDoc) -> Source:
        """A source."""
        return Source(
            self._str(doc.key),
            doc.kind,
            self.text(doc.title.uk, doc.title.en),
            self.text(doc.issuer.uk, doc.issuer.en),
            self._optional(doc.document_number),
            self._optional_date(doc.issued_on),
            self._optional(doc.url),
            self._str(doc.language),
            self._optional(doc.notes),
        )

    def hromada(self, doc: HromadaDoc) -> Hromada:
        """A hromada."""
        optional = self._optional
        return Hromada(
            self._str(doc.code),
            self._str(doc.name_uk),
            self._str(doc.name_en),
            doc.kind,
            optional(doc.oblast_code),
            optional(doc.oblast_uk),
            optional(doc.oblast_en),
            optional(doc.raion_code),
            optional(doc.raion_uk),
            optional(doc.raion_en),
            self._optional(doc.center_uk),
            self._optional(doc.center_en),
            _optional_float(doc.latitude),
            _optional_float(doc.longitude),
            _optional_number(doc.population),
            self._strings_of(doc.aliases),
        )

    def place(self, doc: PlaceDoc) -> Place:
        """A partner place."""
        return Place(
            self._str(doc.key),
            self.text(doc.name.uk, doc.name.en),
            self._str(doc.name_local),
            self._str(doc.country),
            self._optional_text(doc.region),
            _optional_float(doc.latitude),
            _optional_float(doc.longitude),
            _optional_number(doc.geonames_id),
            self._strings_of(doc.aliases),
            self._optional_note(doc.notes),
        )

    def _extension(self, doc: ExtensionDoc) -> Extension:
        return Extension(
            self._date(doc.extended_on),
            doc.term_years,
            self._optional_date(doc.valid_until),
            self._str(doc.source),
            self._optional_note(doc.notes),
        )

    def agreement(self, doc: AgreementDoc) -> Agreement:
        """An agreement."""
        return Agreement(
            self._str(doc.key),
            self._str(doc.hromada),
            self._str(doc.place),
            doc.kind,
            doc.status,
            self._optional_text(doc.title),
            self._optional_date(doc.signed_on),
            self._optional_date(doc.planned_on),
            self._optional_date(doc.valid_until),
            doc.term_years,
            tuple(self._extension(extension) for extension in doc.extensions),
            tuple(doc.areas),
            self._optional_note(doc.notes),
            self._sources(doc.sources),
        )

    def aid(self, doc: AidDoc) -> Aid:
        """An aid record."""
        return Aid(
            self._str(doc.key),
            self._str(doc.hromada),
            self._optional_date(doc.received_on),
            tuple(self.donor(d.kind._value_, d.country, d.place, d.name) for d in doc.donors),
            tuple(self.aid_item(item.category._value_, item.quantity) for item in doc.items),
            _optional_amount(doc.amount),
            self._optional(doc.currency),
            self._optional_text(doc.description),
            self._optional_note(doc.notes),
            self._sources(doc.sources),
        )

    def activity(self, doc: ActivityDoc) -> Activity:
        """An activity."""
        return Activity(
            self._str(doc.key),
            self._str(doc.hromada),
            doc.kind,
            self._optional_date(doc.started_on),
            self._optional_date(doc.ended_on),
            self._optional(doc.place),
            _optional_number(doc.count),
            doc.count_is_lower_bound,
            self.text(doc.summary.uk, doc.summary.en),
            self._sources(doc.sources),
        )

    def programme(self, doc: ProgrammeDoc) -> Programme:
        """A programme with its spending."""
        return Programme(
            self._str(doc.key),
            self._str(doc.hromada),
            self.text(doc.title.uk, doc.title.en),
            _optional_number(doc.first_year),
            _optional_number(doc.last_year),
            self._optional_text(doc.approved_by),
            tuple(
                Spending(
                    self._date(spending.period),
                    Decimal(str(spending.amount)),
                    self._str(spending.currency),
                    self._optional_text(spending.purpose),
                )
                for spending in doc.spending
            ),
            self._sources(doc.sources),
        )
