"""Cards the bot shows when browsing: a hromada, its partners page by page, an agreement.

Plain text in the reader's language; the bot escapes it for Telegram's HTML.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.facts.dates import PartialDate
from knowledge.facts.records import Agreement, Aid, Place
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import AgreementKind
from knowledge.render.labels import (
    AGREEMENT_KIND_GROUPS,
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    COOPERATION_AREAS,
)
from knowledge.render.lang import Language
from knowledge.render.phrases import (
    BULLET,
    NO_END_DATE,
    agreement_title,
    aid_lines,
    citation,
    citation_text,
    ending,
    hromada_label,
    place_label,
    signing,
)
from knowledge.store.stats import KnowledgeStats
from knowledge.text.collation import sort_key

PAGE_SIZE = 5
KIND_ORDER = tuple(AgreementKind)


class UnknownRecordError(LookupError):
    """Raised for a hromada or agreement the knowledge base does not hold."""


@dataclass(frozen=True)
class Card:
    """A title and the lines under it."""

    title: str
    lines: tuple[str, ...]


@dataclass(frozen=True)
class PartnersPage:
    """One page of a hromada's agreements, grouped by kind."""

    card: Card
    agreements: tuple[Agreement, ...]
    page: int
    pages: int


def _hromada_or_fail(snapshot: Snapshot, code: str) -> None:
    if code not in snapshot.hromadas:
        raise UnknownRecordError(code)


def agreement_or_fail(snapshot: Snapshot, key: str) -> Agreement:
    """The agreement with the key."""
    agreement = snapshot.agreements.get(key)
    if agreement is None:
        raise UnknownRecordError(key)
    return agreement


def hromada_card(lang: Language, snapshot: Snapshot, code: str) -> Card:
    """What is known about a hromada, counted: partners by kind, aid records."""
    _hromada_or_fail(snapshot, code)
    hromada = snapshot.hromadas[code]
    agreements = snapshot.agreements_by_hromada.get(code, ())
    aid = snapshot.aid_by_hromada.get(code, ())
    title = hromada_label(lang, hromada)
    if not agreements and not aid:
        return Card(title, (lang.gettext("There are no records about this hromada yet."),))
    places = {agreement.place for agreement in agreements}
    countries = {snapshot.places[place].country for place in places}
    lines = [
        lang.ngettext("{count} partner", "{count} partners", len(places)).format(
            count=lang.number(len(places))
        )
        + ", "
        + lang.ngettext("in {count} country", "in {count} countries", len(countries)).format(
            count=lang.number(len(countries))
        )
    ]
    for kind in KIND_ORDER:
        count = sum(1 for agreement in agreements if agreement.kind is kind)
        if count:
            lines.append(
                f"{BULLET}{lang.gettext(AGREEMENT_KIND_GROUPS[kind])}: {lang.number(count)}"
            )
    if aid:
        lines.append(
            lang.ngettext(
                "{count} record of aid received", "{count} records of aid received", len(aid)
            ).format(count=lang.number(len(aid)))
        )
    return Card(title, tuple(lines))


def _ordered(lang: Language, snapshot: Snapshot, code: str) -> list[Agreement]:
    agreements = snapshot.agreements_by_hromada.get(code, ())
    return sorted(
        agreements,
        key=lambda agreement: (
            KIND_ORDER.index(agreement.kind),
            sort_key(lang.place(snapshot.places[agreement.place])),
            agreement.key,
        ),
    )


def partners_page(
    lang: Language, snapshot: Snapshot, code: str, page: int, page_size: int = PAGE_SIZE
) -> PartnersPage:
    """Page `page` (from 1) of the hromada's agreements, grouped by kind; clamped to the range."""
    _hromada_or_fail(snapshot, code)
    ordered = _ordered(lang, snapshot, code)
    pages = max(1, -(-len(ordered) // page_size))
    page = min(max(page, 1), pages)
    shown = ordered[(page - 1) * page_size : page * page_size]
    title = lang.gettext("Partners of {hromada}").format(
        hromada=hromada_label(lang, snapshot.hromadas[code])
    )
    lines: list[str] = []
    if not shown:
        lines.append(lang.gettext("There are no records about this hromada's partners yet."))
    current: AgreementKind | None = None
    for agreement in shown:
        if agreement.kind is not current:
            current = agreement.kind
            lines.append(lang.gettext(AGREEMENT_KIND_GROUPS[current]) + ":")
        place = snapshot.places[agreement.place]
        status = lang.gettext(AGREEMENT_STATUSES[agreement.status])
        lines.append(f"{BULLET}{place_label(lang, place)} ({status.lower()})")
    if pages > 1:
        lines.append(
            lang.gettext("Page {page} of {pages}").format(
                page=lang.number(page), pages=lang.number(pages)
            )
        )
    return PartnersPage(Card(title, tuple(lines)), tuple(shown), page, pages)


def partner_button(lang: Language, snapshot: Snapshot, agreement: Agreement) -> str:
    """A short label for an agreement: the partner and the kind."""
    place = snapshot.places[agreement.place]
    kind = lang.gettext(AGREEMENT_KINDS[agreement.kind])
    return f"{lang.place(place)} — {kind.lower()}"


def agreement_card(lang: Language, snapshot: Snapshot, key: str) -> Card:
    """Everything known about one agreement, with dates as precise as the sources."""
    _ = lang.gettext
    agreement = agreement_or_fail(snapshot, key)
    place = snapshot.places[agreement.place]
    hromada = snapshot.hromadas[agreement.hromada]
    lines = [
        _("Between {hromada} and {partner}").format(
            hromada=hromada_label(lang, hromada), partner=place_label(lang, place)
        ),
        _("Kind: {kind}").format(kind=_(AGREEMENT_KINDS[agreement.kind])),
        _("Status: {status}").format(status=_(AGREEMENT_STATUSES[agreement.status])),
        _capitalised(signing(lang, agreement)),
    ]
    end = ending(lang, agreement)
    lines.append(_("Term: {term}").format(term=end if end is not None else _(NO_END_DATE)))
    if agreement.areas:
        areas = ", ".join(_(COOPERATION_AREAS[area]) for area in agreement.areas)
        lines.append(_("Areas: {areas}").format(areas=areas))
    notes = lang.note(agreement.notes)
    if notes is not None:
        lines.append(notes)
    keys = [item.source for item in agreement.sources]
    keys += [item.source for item in agreement.extensions if item.source not in keys]
    cited = [citation(lang, snapshot.sources[key]) for key in keys if key in snapshot.sources]
    if cited:
        lines.append(lang.ngettext("Source:", "Sources:", len(cited)))
        lines.extend(f"{BULLET}{citation_text(lang, item)}" for item in cited)
    return Card(agreement_title(lang, agreement), tuple(lines))


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def place_coordinates(place: Place) -> tuple[float, float] | None:
    """Latitude and longitude, when the knowledge base has them."""
    if place.latitude is None or place.longitude is None:
        return None
    return place.latitude, place.longitude


def _from_country(record: Aid, country: str, place: str) -> bool:
    return any(donor.country == country or donor.place == place for donor in record.donors)


def aid_from_country(lang: Language, snapshot: Snapshot, key: str) -> Card:
    """The aid the agreement's hromada received from the partner's country or city."""
    agreement = agreement_or_fail(snapshot, key)
    place = snapshot.places[agreement.place]
    country = lang.country(place.country)
    records: Sequence[Aid] = [
        record
        for record in snapshot.aid_by_hromada.get(agreement.hromada, ())
        if _from_country(record, place.country, place.key)
    ]
    hromada = lang.hromada(snapshot.hromadas[agreement.hromada])
    title = lang.gettext("Aid to {hromada} from {country}").format(
        hromada=hromada, country=country
    )
    if not records:
        return Card(title, (lang.gettext("The sources record no aid from this country."),))
    lines: list[str] = []
    for record in records:
        lines.extend(aid_lines(lang, snapshot, record))
    return Card(title, tuple(lines))


def latest_source_date(snapshot: Snapshot) -> dt.date | None:
    """The newest date a source was issued on."""
    dates = [source.issued_on for source in snapshot.sources.values() if source.issued_on]
    return max(dates).latest() if dates else None


def about_card(
    lang: Language,
    stats: KnowledgeStats,
    latest_source: dt.date | None,
    last_change: dt.datetime | None,
) -> Card:
    """What the bot knows, how fresh it is and where it comes from."""
    _ = lang.gettext
    number = lang.number
    lines = [
        _("I know the international partnerships of Ukrainian hromadas.")
        + " "
        + lang.ngettext(
            "Facts are recorded for {count} hromada",
            "Facts are recorded for {count} hromadas",
            stats.hromadas_with_facts,
        ).format(count=number(stats.hromadas_with_facts))
        + ": "
        + lang.ngettext("{count} agreement", "{count} agreements", stats.agreements).format(
            count=number(stats.agreements)
        )
        + ", "
        + lang.ngettext("{count} partner city", "{count} partner cities", stats.places).format(
            count=number(stats.places)
        )
        + ", "
        + lang.ngettext(
            "{count} record of aid", "{count} records of aid", stats.aid_records
        ).format(count=number(stats.aid_records))
        + ", "
        + lang.ngettext("{count} source", "{count} sources", stats.sources).format(
            count=number(stats.sources)
        )
        + ".",
    ]
    if latest_source is not None:
        lines.append(
            lang.sentence(
                _("The newest source is dated {date}.").format(
                    date=lang.date(_as_partial(latest_source))
                )
            )
        )
    if last_change is not None:
        lines.append(
            lang.sentence(
                _("The knowledge base last changed on {date}.").format(
                    date=lang.date(_as_partial(last_change.date()))
                )
            )
        )
    lines += [
        "",
        _(
            "Where it comes from: agreements, aid and activities are curated by hand from"
            " official documents of the hromadas and their partners, each fact with its source."
        ),
        _(
            "Hromadas come from the Codifier of administrative-territorial units (KATOTTH) of the"
            " Ministry for Development of Communities and Territories of Ukraine."
        ),
        _(
            "Place names and coordinates come from GeoNames (geonames.org), licensed under"
            " CC BY 4.0."
        ),
    ]
    return Card(_("About Pobratym"), tuple(lines))


def _as_partial(day: dt.date) -> PartialDate:
    return PartialDate.of_day(day)
