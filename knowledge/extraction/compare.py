"""How a proposal stands against the knowledge base: new, known, or a change to a record."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any

from knowledge.extraction.proposals import AgreementProposal, AidProposal, Comparison, Proposal
from knowledge.facts.dates import PartialDate
from knowledge.facts.plain import plain
from knowledge.facts.records import Extension
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
        changes = _changes(agreement, _stated_agreement(proposal), _AGREEMENT_RULES)
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
        stated = {
            "items": frozenset(item.category.value for item in proposal.items),
            "donors": frozenset(proposal.donor_countries),
            "amount": proposal.amount,
        }
        changes = _changes(aid, stated, _AID_RULES)
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


# ---- one walk over the fields a proposal states ----

Change = tuple[Any, Any]
# What a proposed value changes in a stored field: (stored, proposed) as shown, or None.
Rule = Callable[[Any, Any], Change | None]


def _changes(
    record: object, stated: Mapping[str, Any], rules: Mapping[str, Rule]
) -> dict[str, Change]:
    """The fields of the stored `record` the proposal changes: each field it states (a value
    other than None) compared with the stored one by the field's rule."""
    changes: dict[str, Change] = {}
    for name, proposed in stated.items():
        if proposed is None:
            continue
        change = rules[name](getattr(record, name), proposed)
        if change is not None:
            changes[name] = change
    return changes


def _stated_agreement(proposal: AgreementProposal) -> dict[str, Any]:
    """The agreement's fields the proposal states: its status, its date in the field the
    status gives it, the end of its term and the day it was extended."""
    stated: dict[str, Any] = {"status": proposal.status}
    field = date_field(proposal.status)
    if field is not None:
        stated[field] = proposal.date
    stated["valid_until"] = proposal.valid_until
    stated["extensions"] = None if proposal.extended is None else proposal.extended.date
    return stated


def _replaced(stored: Any, proposed: Any) -> Change | None:
    """A value other than the stored one replaces it."""
    return None if stored == proposed else (plain(stored), plain(proposed))


def _refined(stored: PartialDate | None, proposed: PartialDate) -> Change | None:
    """A date replaces the stored one when it says more (`more_precise`)."""
    return (plain(stored), plain(proposed)) if more_precise(proposed, stored) else None


def _extended(stored: tuple[Extension, ...], proposed: PartialDate) -> Change | None:
    """An extension on a day none of the stored ones was made is added after them."""
    days = {extension.extended_on for extension in stored}
    if proposed in days:
        return None
    dates = [plain(day) for day in sorted(days)]
    return dates, [*dates, plain(proposed)]


def _joined(values: Callable[[Any], set[str]]) -> Rule:
    """Values (`values` of the stored field) the stored field lacks are added to it."""

    def rule(stored: Any, proposed: frozenset[str]) -> Change | None:
        held = values(stored)
        return None if proposed <= held else (sorted(held), sorted(held | proposed))

    return rule


def _amount(stored: Decimal | None, proposed: Decimal) -> Change | None:
    """An amount other than the stored one replaces it, both as written."""
    return None if stored == proposed else (None if stored is None else str(stored), str(proposed))


_AGREEMENT_RULES: dict[str, Rule] = {
    "status": _replaced,
    "signed_on": _refined,
    "planned_on": _refined,
    "valid_until": _replaced,
    "extensions": _extended,
}
_AID_RULES: dict[str, Rule] = {
    "items": _joined(lambda items: {item.category.value for item in items}),
    "donors": _joined(lambda donors: {donor.country for donor in donors if donor.country}),
    "amount": _amount,
}
