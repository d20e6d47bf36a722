"""Proposals as JSON-safe data and back: kept in a conversation between a card and its buttons.

The fields are the records' own, mapped by `knowledge.facts.plain`: dates ISO strings with their
precision ("2025", "2025-05", "2025-05-15"), money a decimal string, enums their values, nested
records objects of their fields; `proposal_from_data(proposal_data(p)) == p`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass
from enum import StrEnum
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


class CardState(StrEnum):
    """Where a proposed fact's card stands: open to Add, Edit or Skip, or done one way."""

    OPEN = "open"
    ADDED = "added"
    SKIPPED = "skipped"
    EDITING = "editing"


@dataclass(frozen=True)
class AddedRecord:
    """What adding a fact wrote: the record (its kind's audit name and key) and the change."""

    entity: str
    key: str
    change: int


@dataclass
class FactCard:
    """One proposed fact as its card shows it: the fact, how it stood against the knowledge
    base, whether the editor may add it, where the card stands, the card's message id and
    what adding it wrote (None while nothing was)."""

    proposal: Proposal
    comparison: Comparison
    editable: bool
    state: CardState = CardState.OPEN
    message: int | None = None
    result: AddedRecord | None = None

    def to_data(self) -> dict[str, Any]:
        """The card as JSON-safe data."""
        return {
            "proposal": proposal_data(self.proposal),
            "comparison": comparison_data(self.comparison),
            "editable": self.editable,
            "state": self.state.value,
            "message": self.message,
            "result": None if self.result is None else asdict(self.result),
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> FactCard:
        """The card `to_data` wrote; KeyError, TypeError or ValueError for anything else."""
        result = data.get("result")
        message = data.get("message")
        return cls(
            proposal=proposal_from_data(data["proposal"]),
            comparison=comparison_from_data(data["comparison"]),
            editable=data["editable"] is True,
            state=CardState(data["state"]),
            message=None if message is None else int(message),
            result=None
            if not result
            else AddedRecord(str(result["entity"]), str(result["key"]), int(result["change"])),
        )


@dataclass
class ProposedDocument:
    """A document read for facts: the document as a source, its title and a card per fact."""

    source: SourceProposal
    title: str
    facts: list[FactCard]

    def to_data(self) -> dict[str, Any]:
        """The document and its cards as JSON-safe data."""
        return {
            "source": source_data(self.source),
            "title": self.title,
            "facts": [card.to_data() for card in self.facts],
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> ProposedDocument | None:
        """The document `to_data` wrote; None for anything else (data of an older form)."""
        try:
            return cls(
                source=source_from_data(data["source"]),
                title=str(data["title"]),
                facts=[FactCard.from_data(card) for card in data["facts"]],
            )
        except (KeyError, TypeError, ValueError):
            return None
