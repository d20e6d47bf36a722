"""A proposed fact as an editor reads it: a card with the fact, how it stands against the
knowledge base, the sentence it came from and the words that decided it, in uk or en."""

from __future__ import annotations

from knowledge.admin.common import FieldChange
from knowledge.admin.fields import change_line, field_label
from knowledge.extraction.compare import date_field
from knowledge.extraction.proposals import (
    AgreementProposal,
    AidProposal,
    Comparison,
    Proposal,
    SourceProposal,
)
from knowledge.facts.messages import N_
from knowledge.facts.snapshot import Snapshot
from knowledge.render.cards import Card
from knowledge.render.labels import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    AID_CATEGORIES,
    COOPERATION_AREAS,
    SOURCE_KINDS,
)
from knowledge.render.lang import Language
from knowledge.render.phrases import hromada_label, place_label

QUOTE_LENGTH = 700
_EVIDENCE_ROLES = {
    "hromada": N_("hromada"),
    "partner": N_("partner"),
    "kind": N_("kind"),
    "status": N_("status"),
    "date": N_("date"),
    "delivery": N_("delivery"),
    "donor": N_("donors"),
    "item": N_("goods"),
    "amount": N_("money"),
}


def _quoted(text: str, limit: int = QUOTE_LENGTH) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return f"«{text}»"


def _hromada(lang: Language, snapshot: Snapshot, proposal: Proposal) -> str:
    hromada = None if proposal.hromada is None else snapshot.hromadas.get(proposal.hromada)
    if hromada is None:
        return lang.gettext("{name} (not recognised)").format(name=proposal.hromada_name)
    return hromada_label(lang, hromada)


def _partner(lang: Language, snapshot: Snapshot, proposal: AgreementProposal) -> str:
    place = None if proposal.partner_place is None else snapshot.places.get(proposal.partner_place)
    if place is not None:
        return place_label(lang, place)
    parts = [proposal.partner]
    if proposal.partner_region is not None:
        parts.append(proposal.partner_region)
    if proposal.partner_country is not None:
        parts.append(lang.country(proposal.partner_country))
    else:
        parts.append(lang.gettext("country unknown"))
    return lang.gettext("{place} (a new place)").format(place=", ".join(parts))


def _line(lang: Language, field: str, value: str) -> str:
    return f"{field_label(field, lang.code)}: {value}"


def _agreement_lines(lang: Language, snapshot: Snapshot, proposal: AgreementProposal) -> list[str]:
    _ = lang.gettext
    lines = [
        _line(lang, "hromada", _hromada(lang, snapshot, proposal)),
        _("Partner: {partner}").format(partner=_partner(lang, snapshot, proposal)),
        _line(lang, "kind", _(AGREEMENT_KINDS[proposal.kind])),
        _line(lang, "status", _(AGREEMENT_STATUSES[proposal.status])),
    ]
    if proposal.date is not None:
        field = date_field(proposal.status)
        date = lang.date(proposal.date)
        lines.append(_line(lang, field, date) if field else _("Date: {date}").format(date=date))
    extended = proposal.extended
    if extended is not None:
        when = "—" if extended.date is None else lang.date(extended.date)
        if extended.term_years is None:
            lines.append(_("Extended: {when}").format(when=when))
        else:
            lines.append(
                lang.ngettext(
                    "Extended: {when}, for {count} year",
                    "Extended: {when}, for {count} years",
                    extended.term_years,
                ).format(when=when, count=lang.number(extended.term_years))
            )
    if proposal.valid_until is not None:
        lines.append(_line(lang, "valid_until", lang.date(proposal.valid_until)))
    if proposal.areas:
        areas = ", ".join(_(COOPERATION_AREAS[area]) for area in proposal.areas)
        lines.append(_line(lang, "areas", areas))
    return lines


def _aid_lines(lang: Language, snapshot: Snapshot, proposal: AidProposal) -> list[str]:
    _ = lang.gettext
    donors = [lang.country(code) for code in proposal.donor_countries]
    donors += [*proposal.donor_cities, *proposal.donor_organisations]
    lines = [
        _("Recipient: {hromada}").format(hromada=_hromada(lang, snapshot, proposal)),
        _("Donors: {donors}").format(donors=", ".join(donors) or "—"),
    ]
    goods = []
    for item in proposal.items:
        label = _(AID_CATEGORIES[item.category])
        goods.append(label if item.quantity is None else f"{label}: {lang.number(item.quantity)}")
    if goods:
        lines.append(_("Goods: {goods}").format(goods="; ".join(goods)))
    if proposal.amount is not None and proposal.currency is not None:
        money = lang.money(proposal.amount, proposal.currency)
        lines.append(_("Money: {amount}").format(amount=money))
    if proposal.date is not None:
        lines.append(_("Received: {date}").format(date=lang.date(proposal.date)))
    return lines


def _state_line(lang: Language, proposal: Proposal, comparison: Comparison) -> list[str]:
    _ = lang.gettext
    if comparison.known:
        return [_("Already in the knowledge base ({key}).").format(key=comparison.record)]
    if comparison.record is None:
        return []
    entity = "agreement" if isinstance(proposal, AgreementProposal) else "aid"
    changes = [
        change_line(entity, FieldChange(field, before, after), lang.code)
        for field, (before, after) in comparison.changes.items()
    ]
    return [_("Changes the stored record {key}:").format(key=comparison.record), *changes]


def _evidence_line(lang: Language, proposal: Proposal) -> str | None:
    _ = lang.gettext
    parts = []
    for evidence in proposal.evidence:
        label = _EVIDENCE_ROLES.get(evidence.role)
        if label is None or not evidence.words:
            continue
        parts.append(f"{_(label)} {_quoted(evidence.words, 80)}")
    if not parts:
        return None
    return _("Decided by: {words}").format(words="; ".join(parts))


def fact_card(
    lang: Language,
    snapshot: Snapshot,
    proposal: Proposal,
    comparison: Comparison,
    *,
    number: int,
    total: int,
) -> Card:
    """The card of the `number`-th of `total` proposed facts."""
    _ = lang.gettext
    if isinstance(proposal, AgreementProposal):
        title = _("Agreement {number} of {total}").format(number=number, total=total)
        lines = _agreement_lines(lang, snapshot, proposal)
    else:
        title = _("Aid {number} of {total}").format(number=number, total=total)
        lines = _aid_lines(lang, snapshot, proposal)
    lines += _state_line(lang, proposal, comparison)
    lines.append(_quoted(proposal.quote))
    evidence = _evidence_line(lang, proposal)
    if evidence is not None:
        lines.append(evidence)
    return Card(title, tuple(lines))


def source_card(lang: Language, source: SourceProposal, stored_key: str | None) -> Card:
    """The document as the source every added fact cites."""
    _ = lang.gettext
    lines = [
        _line(lang, "title", source.title or "—"),
        _line(lang, "kind", _(SOURCE_KINDS[source.kind])),
    ]
    if source.issuer:
        lines.append(_line(lang, "issuer", source.issuer))
    if source.date is not None:
        lines.append(_line(lang, "issued_on", lang.date(source.date)))
    if source.number:
        lines.append(_line(lang, "document_number", source.number))
    if source.url:
        lines.append(_line(lang, "url", source.url))
    if stored_key is not None:
        lines.append(_("Already a source of the knowledge base ({key}).").format(key=stored_key))
    return Card(_("The document, cited by every fact you add"), tuple(lines))
