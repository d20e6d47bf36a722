"""Proposals as JSON-safe data and back: kept in a conversation between a card and its buttons.

Dates are ISO strings with their precision ("2025", "2025-05", "2025-05-15"), money a decimal
string, enums their values; `proposal_from_data(proposal_data(p)) == p`.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from knowledge.extraction.proposals import (
    AgreementProposal,
    AidItemProposal,
    AidProposal,
    Comparison,
    Evidence,
    ExtensionProposal,
    Proposal,
    SourceProposal,
)
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import (
    AgreementKind,
    AgreementStatus,
    AidCategory,
    CooperationArea,
    SourceKind,
)


def _date(value: PartialDate | None) -> str | None:
    return None if value is None else value.isoformat()


def _read_date(value: Any) -> PartialDate | None:
    return None if value is None else PartialDate.parse(str(value))


def _evidence(evidence: tuple[Evidence, ...]) -> list[list[str]]:
    return [[item.role, item.words, item.value] for item in evidence]


def _read_evidence(data: Any) -> tuple[Evidence, ...]:
    return tuple(Evidence(str(role), str(words), str(value)) for role, words, value in data)


def proposal_data(proposal: Proposal) -> dict[str, Any]:
    """A proposal as a JSON-safe dict (with "fact": "agreement" or "aid")."""
    if isinstance(proposal, AgreementProposal):
        extended = proposal.extended
        return {
            "fact": "agreement",
            "hromada": proposal.hromada,
            "hromada_name": proposal.hromada_name,
            "partner": proposal.partner,
            "partner_place": proposal.partner_place,
            "partner_country": proposal.partner_country,
            "partner_region": proposal.partner_region,
            "kind": proposal.kind.value,
            "status": proposal.status.value,
            "date": _date(proposal.date),
            "extended": None
            if extended is None
            else {"date": _date(extended.date), "term_years": extended.term_years},
            "valid_until": _date(proposal.valid_until),
            "term_years": proposal.term_years,
            "areas": [area.value for area in proposal.areas],
            "quote": proposal.quote,
            "evidence": _evidence(proposal.evidence),
        }
    return {
        "fact": "aid",
        "hromada": proposal.hromada,
        "hromada_name": proposal.hromada_name,
        "donor_countries": list(proposal.donor_countries),
        "donor_cities": list(proposal.donor_cities),
        "donor_places": list(proposal.donor_places),
        "donor_organisations": list(proposal.donor_organisations),
        "items": [
            [item.category.value, item.description, item.quantity] for item in proposal.items
        ],
        "amount": None if proposal.amount is None else f"{proposal.amount:f}",
        "currency": proposal.currency,
        "date": _date(proposal.date),
        "quote": proposal.quote,
        "evidence": _evidence(proposal.evidence),
    }


def proposal_from_data(data: Mapping[str, Any]) -> Proposal:
    """The proposal `proposal_data` wrote; KeyError or ValueError for anything else."""
    if data["fact"] == "agreement":
        extended = data["extended"]
        return AgreementProposal(
            hromada=data["hromada"],
            hromada_name=str(data["hromada_name"]),
            partner=str(data["partner"]),
            partner_place=data["partner_place"],
            partner_country=data["partner_country"],
            partner_region=data["partner_region"],
            kind=AgreementKind(data["kind"]),
            status=AgreementStatus(data["status"]),
            date=_read_date(data["date"]),
            extended=None
            if extended is None
            else ExtensionProposal(_read_date(extended["date"]), extended["term_years"]),
            valid_until=_read_date(data["valid_until"]),
            term_years=data["term_years"],
            areas=tuple(CooperationArea(area) for area in data["areas"]),
            quote=str(data["quote"]),
            evidence=_read_evidence(data["evidence"]),
        )
    if data["fact"] != "aid":
        raise ValueError(f"not a proposal: {data['fact']!r}")
    amount = data["amount"]
    return AidProposal(
        hromada=data["hromada"],
        hromada_name=str(data["hromada_name"]),
        donor_countries=tuple(data["donor_countries"]),
        donor_cities=tuple(data["donor_cities"]),
        donor_places=tuple(data["donor_places"]),
        donor_organisations=tuple(data["donor_organisations"]),
        items=tuple(
            AidItemProposal(AidCategory(category), str(description), quantity)
            for category, description, quantity in data["items"]
        ),
        amount=None if amount is None else Decimal(amount),
        currency=data["currency"],
        date=_read_date(data["date"]),
        quote=str(data["quote"]),
        evidence=_read_evidence(data["evidence"]),
    )


def source_data(source: SourceProposal) -> dict[str, Any]:
    """The document as a source, as a JSON-safe dict."""
    return {
        "kind": source.kind.value,
        "title": source.title,
        "issuer": source.issuer,
        "date": _date(source.date),
        "number": source.number,
        "url": source.url,
        "language": source.language,
    }


def source_from_data(data: Mapping[str, Any]) -> SourceProposal:
    """The source `source_data` wrote."""
    return SourceProposal(
        kind=SourceKind(data["kind"]),
        title=data["title"],
        issuer=data["issuer"],
        date=_read_date(data["date"]),
        number=data["number"],
        url=data["url"],
        language=str(data["language"]),
    )


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """How a proposal stood against the knowledge base, as a JSON-safe dict."""
    return {
        "record": comparison.record,
        "changes": {field: [old, new] for field, (old, new) in comparison.changes.items()},
    }


def comparison_from_data(data: Mapping[str, Any]) -> Comparison:
    """The comparison `comparison_data` wrote."""
    changes = {str(field): (old, new) for field, (old, new) in data["changes"].items()}
    return Comparison(data["record"], changes)
