"""Proposals as the JSON lines of `kb extract --json`, one object a fact."""

from __future__ import annotations

from typing import Any

from knowledge.extraction.proposals import AgreementProposal, Comparison, Proposal


def fact_json(proposal: Proposal, comparison: Comparison) -> dict[str, Any]:
    """One fact as a JSON object, with "known": true or "changes" against the knowledge base."""
    data: dict[str, Any]
    if isinstance(proposal, AgreementProposal):
        data = {
            "fact": "agreement",
            "hromada": proposal.hromada,
            "hromada_name": proposal.hromada_name,
            "partner": proposal.partner,
            "partner_country": proposal.partner_country,
            "partner_region": proposal.partner_region,
            "kind": proposal.kind.value,
            "status": proposal.status.value,
            "date": _iso(proposal.date),
            "extended": None
            if proposal.extended is None
            else {
                "date": _iso(proposal.extended.date),
                "term_years": proposal.extended.term_years,
            },
            "valid_until": _iso(proposal.valid_until),
            "areas": [area.value for area in proposal.areas],
            "quote": proposal.quote,
        }
    else:
        data = {
            "fact": "aid",
            "hromada": proposal.hromada,
            "hromada_name": proposal.hromada_name,
            "donor_countries": list(proposal.donor_countries),
            "donor_cities": list(proposal.donor_cities),
            "donor_organisations": list(proposal.donor_organisations),
            "items": [
                {
                    "category": item.category.value,
                    "description": item.description,
                    "quantity": item.quantity,
                }
                for item in proposal.items
            ],
            "amount": None if proposal.amount is None else f"{proposal.amount:f}",
            "currency": proposal.currency,
            "date": _iso(proposal.date),
            "quote": proposal.quote,
        }
    if comparison.known:
        data["known"] = True
    elif comparison.changes:
        data["changes"] = {
            field: {"from": old, "to": new} for field, (old, new) in comparison.changes.items()
        }
    return data


def _iso(date: object) -> str | None:
    return None if date is None else str(date)
