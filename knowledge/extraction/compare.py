"""How a proposal stands against the knowledge base: new, known, or a change to a record."""

from __future__ import annotations

from typing import Any

from knowledge.extraction.proposals import AgreementProposal, AidProposal, Comparison, Proposal
from knowledge.facts.dates import PartialDate
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import AgreementStatus


def compare(proposal: Proposal, snapshot: Snapshot) -> Comparison:
    """The stored record the proposal states, and what it would change there."""
    if isinstance(proposal, AgreementProposal):
        return _agreement(proposal, snapshot)
    return _aid(proposal, snapshot)


def _agreement(proposal: AgreementProposal, snapshot: Snapshot) -> Comparison:
    if proposal.hromada is None or proposal.partner_place is None:
        return Comparison()
    stored = [
        agreement
        for agreement in snapshot.agreements_by_hromada.get(proposal.hromada, ())
        if agreement.place == proposal.partner_place
    ]
    same_kind = [agreement for agreement in stored if agreement.kind == proposal.kind]
    if not same_kind:
        return Comparison()
    # Of several of one kind, the one that needs the fewest changes.
    best: tuple[int, Comparison] | None = None
    for agreement in same_kind:
        changes: dict[str, tuple[Any, Any]] = {}
        if agreement.status != proposal.status:
            changes["status"] = (agreement.status.value, proposal.status.value)
        field = date_field(proposal.status)
        if field is not None:
            stored_date: PartialDate | None = getattr(agreement, field)
            if more_precise(proposal.date, stored_date):
                changes[field] = (_iso(stored_date), _iso(proposal.date))
        if proposal.valid_until is not None and agreement.valid_until != proposal.valid_until:
            changes["valid_until"] = (_iso(agreement.valid_until), _iso(proposal.valid_until))
        if proposal.extended is not None and proposal.extended.date is not None:
            dates = {extension.extended_on for extension in agreement.extensions}
            if proposal.extended.date not in dates:
                changes["extensions"] = (
                    [_iso(date) for date in sorted(dates)],
                    [*(_iso(date) for date in sorted(dates)), _iso(proposal.extended.date)],
                )
        candidate = Comparison(agreement.key, changes)
        if best is None or len(changes) < best[0]:
            best = (len(changes), candidate)
    assert best is not None  # noqa: S101 - same_kind is not empty
    return best[1]


def date_field(status: AgreementStatus) -> str | None:
    """The field a proposal's date goes to: the signing of an agreement in force, the planned
    signing of a planned one; the date of talks, a pause or an ending has no field of its own."""
    return {AgreementStatus.ACTIVE: "signed_on", AgreementStatus.PLANNED: "planned_on"}.get(status)


def _aid(proposal: AidProposal, snapshot: Snapshot) -> Comparison:
    if proposal.hromada is None:
        return Comparison()
    for aid in snapshot.aid_by_hromada.get(proposal.hromada, ()):
        stored_countries = {donor.country for donor in aid.donors if donor.country}
        if aid.received_on != proposal.date or not stored_countries & set(
            proposal.donor_countries
        ):
            continue
        changes: dict[str, tuple[Any, Any]] = {}
        stored_items = {item.category.value for item in aid.items}
        proposed_items = {item.category.value for item in proposal.items}
        if not proposed_items <= stored_items:
            changes["items"] = (sorted(stored_items), sorted(stored_items | proposed_items))
        if not set(proposal.donor_countries) <= stored_countries:
            changes["donors"] = (
                sorted(stored_countries),
                sorted(stored_countries | set(proposal.donor_countries)),
            )
        if proposal.amount is not None and aid.amount != proposal.amount:
            changes["amount"] = (_text(aid.amount), _text(proposal.amount))
        return Comparison(aid.key, changes)
    return Comparison()


def more_precise(proposed: PartialDate | None, stored: PartialDate | None) -> bool:
    if proposed is None:
        return False
    if stored is None:
        return True
    if proposed.precision == stored.precision:
        return proposed != stored
    return len(proposed.isoformat()) > len(stored.isoformat()) and proposed.year == stored.year


def _iso(date: PartialDate | None) -> str | None:
    return None if date is None else date.isoformat()


def _text(value: object) -> str | None:
    return None if value is None else str(value)
