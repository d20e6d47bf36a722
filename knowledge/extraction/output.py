"""Proposals as the JSON lines of `kb extract --json`, one object a fact."""

from __future__ import annotations

from typing import Any

from knowledge.extraction.codec import proposal_data
from knowledge.extraction.proposals import Comparison, Proposal

# What a conversation keeps of a proposal for its buttons but `kb extract --json` leaves out.
_KEPT_FOR_BUTTONS = frozenset({"partner_place", "term_years", "donor_places", "evidence"})


def fact_json(proposal: Proposal, comparison: Comparison) -> dict[str, Any]:
    """One fact as a JSON object, with "known": true or "changes" against the knowledge base.

    The fields are those of `proposal_data` (dates ISO text, enums their values), less what
    only the conversation needs.
    """
    data = {
        name: value
        for name, value in proposal_data(proposal).items()
        if name not in _KEPT_FOR_BUTTONS
    }
    if comparison.known:
        data["known"] = True
    elif comparison.changes:
        data["changes"] = {
            field: {"from": old, "to": new} for field, (old, new) in comparison.changes.items()
        }
    return data
