"""Proposals as JSON-safe data and back: kept in a conversation between a card and its buttons.

The fields are the records' own, mapped by `knowledge.facts.plain`: dates ISO strings with their
precision ("2025", "2025-05", "2025-05-15"), money a decimal string, enums their values, nested
records objects of their fields; `proposal_from_data(proposal_data(p)) == p`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from knowledge.extraction.proposals import (
    AgreementProposal,
    AidProposal,
    Comparison,
    Proposal,
    SourceProposal,
)
from knowledge.facts.plain import from_plain, plain

_FACTS: dict[str, type[AgreementProposal] | type[AidProposal]] = {
    "agreement": AgreementProposal,
    "aid": AidProposal,
}


def proposal_data(proposal: Proposal) -> dict[str, Any]:
    """A proposal as a JSON-safe dict (with "fact": "agreement" or "aid")."""
    fact = "agreement" if isinstance(proposal, AgreementProposal) else "aid"
    data: dict[str, Any] = plain(proposal)
    return {"fact": fact, **data}


def proposal_from_data(data: Mapping[str, Any]) -> Proposal:
    """The proposal `proposal_data` wrote; KeyError or ValueError for anything else."""
    kind = _FACTS.get(data["fact"])
    if kind is None:
        raise ValueError(f"not a proposal: {data['fact']!r}")
    return from_plain(kind, data)


def source_data(source: SourceProposal) -> dict[str, Any]:
    """The document as a source, as a JSON-safe dict."""
    data: dict[str, Any] = plain(source)
    return data


def source_from_data(data: Mapping[str, Any]) -> SourceProposal:
    """The source `source_data` wrote."""
    return from_plain(SourceProposal, data)


def comparison_data(comparison: Comparison) -> dict[str, Any]:
    """How a proposal stood against the knowledge base, as a JSON-safe dict."""
    data: dict[str, Any] = plain(comparison)
    return data


def comparison_from_data(data: Mapping[str, Any]) -> Comparison:
    """The comparison `comparison_data` wrote."""
    return from_plain(Comparison, data)
