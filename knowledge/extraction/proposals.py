"""What extraction proposes: agreements, aid and the document itself, each with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import (
    AgreementKind,
    AgreementStatus,
    AidCategory,
    CooperationArea,
    SourceKind,
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Words of the text that decided one part of a proposal, and what they decided."""

    role: str  # hromada, partner, country, kind, status, date, extension, donor, item, amount
    words: str
    value: str


@dataclass(frozen=True, slots=True)
class ExtensionProposal:
    """An extension the text states: when, and for how many years."""

    date: PartialDate | None
    term_years: int | None


@dataclass(frozen=True, slots=True)
class AgreementProposal:
    """An agreement between a Ukrainian hromada and a partner place, as the text states it.

    `partner_place` is the knowledge base's place when the gazetteer knows it; otherwise the
    partner is only a name (`partner`) with the country and region the text gives.
    """

    hromada: str | None
    hromada_name: str
    partner: str
    partner_place: str | None
    partner_country: str | None
    partner_region: str | None
    kind: AgreementKind
    status: AgreementStatus
    date: PartialDate | None
    extended: ExtensionProposal | None
    valid_until: PartialDate | None
    term_years: int | None
    areas: tuple[CooperationArea, ...]
    quote: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True, slots=True)
class AidItemProposal:
    """One category of goods with the words naming it and their number, if stated."""

    category: AidCategory
    description: str
    quantity: int | None


@dataclass(frozen=True, slots=True)
class AidProposal:
    """Aid the text says a hromada received."""

    hromada: str | None
    hromada_name: str
    donor_countries: tuple[str, ...]
    donor_cities: tuple[str, ...]
    donor_places: tuple[str, ...]
    donor_organisations: tuple[str, ...]
    items: tuple[AidItemProposal, ...]
    amount: Decimal | None
    currency: str | None
    date: PartialDate | None
    quote: str
    evidence: tuple[Evidence, ...]


Proposal = AgreementProposal | AidProposal


@dataclass(frozen=True, slots=True)
class SourceProposal:
    """The document as a source: what its text says about itself."""

    kind: SourceKind
    title: str | None
    issuer: str | None
    date: PartialDate | None
    number: str | None
    url: str | None
    language: str


@dataclass(frozen=True, slots=True)
class Comparison:
    """How a proposal stands against the knowledge base.

    `record` is the stored record it matches (None: new); `changes` maps a field to its
    stored and proposed values; known means stored with nothing to change.
    """

    record: str | None = None
    changes: dict[str, tuple[Any, Any]] = field(default_factory=dict)

    @property
    def known(self) -> bool:
        """Whether the knowledge base already holds the fact as stated."""
        return self.record is not None and not self.changes


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything one document proposes, in the order of the text."""

    source: SourceProposal
    facts: tuple[Proposal, ...]
    language: str
