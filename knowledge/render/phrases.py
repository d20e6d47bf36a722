"""Answer text: every sentence from the catalogs, every name in the answer's language."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from knowledge.facts.dates import today_in_ukraine
from knowledge.facts.documents import UNSTATED_ISSUER
from knowledge.facts.messages import N_
from knowledge.facts.records import Agreement, Aid, Hromada, Place, Source, Text
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.terms import expiry
from knowledge.facts.vocabulary import AgreementStatus, AidCategory, DonorKind
from knowledge.places.hromadas import is_crimea
from knowledge.render.labels import (
    AGREEMENT_KINDS_INLINE,
    AGREEMENT_STATUSES_INLINE,
    AID_CATEGORIES,
)
from knowledge.render.lang import Language
from knowledge.text.collation import sort_key

BULLET = "• "
# Longer lists are cut, saying how many more there are; the bot pages through the rest.
LIST_LIMIT = 25
# A caveat shared by this many lines of a list (and most of them) is said once.
SHARED_FACTS_AT = 3
SOURCES_LIMIT = 10
NO_END_DATE = N_("the sources give no end date")


@dataclass(frozen=True)
class Citation:
    """A source an answer rests on, ready to show."""

    key: str
    issuer: str
    title: str
    document_number: str | None
    issued_on: str | None
    # Where the document can be read, for a link.
    url: str | None = None


def counted_item(lang: Language, category: AidCategory, quantity: int) -> str:
    """A quantity with its noun in the right plural form."""
    number = lang.number(quantity)
    if category is AidCategory.VEHICLES:
        return lang.ngettext("{count} vehicle", "{count} vehicles", quantity).format(count=number)
    if category is AidCategory.BUSES:
        return lang.ngettext("{count} bus", "{count} buses", quantity).format(count=number)
    if category is AidCategory.GENERATORS:
        return lang.ngettext("{count} generator", "{count} generators", quantity).format(
            count=number
        )
    return f"{lang.gettext(AID_CATEGORIES[category])}: {number}"


def hromada_label(lang: Language, hromada: Hromada) -> str:
    """The hromada's everyday name with its oblast when it has one: "Золочів (Харківська обл.)"."""
    if hromada.oblast_uk is None:
        return lang.hromada(hromada)
    oblast = hromada.oblast_uk if lang.code == "uk" else (hromada.oblast_en or hromada.oblast_uk)
    if is_crimea(hromada):
        # The Autonomous Republic of Crimea is named as it is, never as an oblast.
        return f"{lang.hromada(hromada)} ({oblast})"
    return lang.gettext("{hromada} ({oblast} oblast)").format(
        hromada=lang.hromada(hromada), oblast=oblast
    )


def place_label(lang: Language, place: Place) -> str:
    """A partner's name with its country: "Košice, Slovakia"."""
    return f"{lang.place(place)}, {lang.country(place.country)}"


def partner_label(lang: Language, place: Place) -> str:
    """A partner with its region where it tells more: "Columbus, Ohio, United States".

    A region named after the place ("Košice, Košice Region") adds nothing and is left out.
    """
    if place.region is None:
        return place_label(lang, place)
    name, region = lang.place(place), lang.text(place.region)
    if name.casefold()[:4] in region.casefold():
        return place_label(lang, place)
    return f"{name}, {region}, {lang.country(place.country)}"


def agreement_title(lang: Language, agreement: Agreement) -> str:
    """The document's own title, or its kind."""
    if agreement.title is not None:
        return lang.text(agreement.title)
    text = lang.gettext(AGREEMENT_KINDS_INLINE[agreement.kind])
    return text[:1].upper() + text[1:]


def signing(lang: Language, agreement: Agreement) -> str:
    """When the agreement was signed, or why no date is given."""
    _ = lang.gettext
    if agreement.signed_on is not None:
        return _("signed {when}").format(when=lang.when(agreement.signed_on))
    if agreement.status is AgreementStatus.PLANNED:
        planned = agreement.planned_on
        if planned is not None and planned.latest() < today_in_ukraine():
            # A plan long past that no source followed up is not "planned" any more.
            return _("planned {when}; no later source confirms the signing").format(
                when=lang.when(planned)
            )
        if planned is not None:
            return _("not signed yet, planned {when}").format(when=lang.when(planned))
        return _("not signed yet")
    if agreement.status is AgreementStatus.IN_NEGOTIATION:
        return _("not signed yet, talks under way")
    return _("the sources do not give the signing date")


def ending(lang: Language, agreement: Agreement) -> str | None:
    """Until when the agreement runs, marked as an estimate when worked out from a term."""
    _ = lang.gettext
    end = expiry(agreement)
    if end is None:
        return None
    if not end.estimated:
        return _("valid until {date}").format(date=lang.date(end.until))
    extension = agreement.extensions[-1] if agreement.extensions else None
    if extension is not None and extension.term_years is not None:
        return lang.ngettext(
            "extended {when} for {count} year, so until about {date}",
            "extended {when} for {count} years, so until about {date}",
            extension.term_years,
        ).format(
            when=lang.when(extension.extended_on),
            count=lang.number(extension.term_years),
            date=lang.date(end.until),
        )
    return _("until about {date}").format(date=lang.date(end.until))


def agreement_facts(lang: Language, agreement: Agreement) -> str:
    """Status, signing and term in one parenthesis-ready phrase."""
    said = signing(lang, agreement)
    parts = [said]
    # "not signed yet, planned …" and "talks under way" already say the status.
    if not _says_status(agreement):
        parts.insert(0, lang.gettext(AGREEMENT_STATUSES_INLINE[agreement.status]))
    end = ending(lang, agreement)
    if end is not None:
        parts.append(end)
    return ", ".join(parts)


def _says_status(agreement: Agreement) -> bool:
    return agreement.status is AgreementStatus.IN_NEGOTIATION or (
        agreement.status is AgreementStatus.PLANNED and agreement.planned_on is not None
    )


def agreement_line(lang: Language, agreement: Agreement) -> str:
    """One agreement: "Cooperation agreement (in force, signed in 2023)"."""
    return f"{agreement_title(lang, agreement)} ({agreement_facts(lang, agreement)})"


def grouped_by_place(
    snapshot: Snapshot, agreements: Iterable[Agreement]
) -> list[tuple[Place, list[Agreement]]]:
    """Agreements grouped by partner, in the order they first appear."""
    groups: dict[str, list[Agreement]] = {}
    for agreement in agreements:
        groups.setdefault(agreement.place, []).append(agreement)
    return [(snapshot.places[key], group) for key, group in groups.items()]


def more_lines(lang: Language, hidden: int) -> list[str]:
    """The line that says how many items a cut list leaves out, if any."""
    if hidden <= 0:
        return []
    return [
        lang.ngettext("…and {count} more", "…and {count} more", hidden).format(
            count=lang.number(hidden)
        )
    ]


def in_partner_order(
    lang: Language, snapshot: Snapshot, agreements: Iterable[Agreement]
) -> list[tuple[Place, list[Agreement]]]:
    """Agreements grouped by partner, partners in the reader's alphabetical order: the order
    `partner_lines` shows them in, which "the second one" counts."""
    return sorted(
        grouped_by_place(snapshot, agreements), key=lambda group: sort_key(lang.place(group[0]))
    )


def partner_lines(
    lang: Language, snapshot: Snapshot, agreements: Sequence[Agreement], page: int = 1
) -> list[str]:
    """A bullet per partner with its agreements, LIST_LIMIT of them from the `page`-th on,
    partners in the reader's alphabetical order."""
    every = in_partner_order(lang, snapshot, agreements)
    start = (page - 1) * LIST_LIMIT
    groups = every[start : start + LIST_LIMIT]
    shown = [agreement for _, group in groups for agreement in group]
    facts = {agreement.key: agreement_facts(lang, agreement) for agreement in shown}
    shared, times = Counter(facts.values()).most_common(1)[0] if facts else ("", 0)
    # A caveat most lines share ("in force, the sources do not give the signing date") is
    # said once, under the list.
    once = times >= SHARED_FACTS_AT and times * 2 > len(shown)
    lines = []
    for place, group in groups:
        details = "; ".join(
            agreement_title(lang, agreement)
            if once and facts[agreement.key] == shared
            else f"{agreement_title(lang, agreement)} ({facts[agreement.key]})"
            for agreement in group
        )
        lines.append(f"{BULLET}{partner_label(lang, place)} — {details}")
    lines.extend(more_lines(lang, len(every) - start - LIST_LIMIT))
    if once:
        # "…signed in 2023 р." already ends with the abbreviation's full stop.
        said = lang.gettext("Unless a line says otherwise: {facts}.").format(facts=shared)
        lines.append(said[:-1] if said.endswith("..") else said)
    return lines


def _unstated(issuer: Text) -> bool:
    """Whether nobody stated the issuer: the placeholder, or a dash older records kept."""
    return issuer.uk in {UNSTATED_ISSUER.uk, "—", "-"} and issuer.en in {
        UNSTATED_ISSUER.en,
        "—",
        "-",
    }


def citation(lang: Language, source: Source) -> Citation:
    """A source ready to show."""
    return Citation(
        key=source.key,
        issuer="" if _unstated(source.issuer) else lang.text(source.issuer),
        title=lang.text(source.title),
        document_number=source.document_number,
        issued_on=None if source.issued_on is None else lang.date(source.issued_on),
        url=source.url,
    )


def citation_text(lang: Language, cited: Citation) -> str:
    """A source in one line: issuer, title, number, date."""
    parts = [cited.issuer, f"«{cited.title}»"] if cited.issuer else [f"«{cited.title}»"]
    if cited.document_number:
        parts.append(lang.gettext("No. {number}").format(number=cited.document_number))
    if cited.issued_on:
        parts.append(cited.issued_on)
    return ", ".join(parts)


def sources_footer(lang: Language, cited: Sequence[Citation]) -> list[str]:
    """The closing lines of a factual answer."""
    if not cited:
        return []
    heading = lang.ngettext("Source:", "Sources:", len(cited))
    shown = [f"{BULLET}{citation_text(lang, item)}" for item in cited[:SOURCES_LIMIT]]
    return ["", heading, *shown, *more_lines(lang, len(cited) - SOURCES_LIMIT)]


# Words that join the items a description lists and tell nothing of them.
_JOINING_WORDS = frozenset({"та", "і", "й", "а", "and", "a", "an", "the", "of", "plus"})
# Word starts compared: «генератори» and «генераторів», "vehicle" and "vehicles" are one item.
_ITEM_STEM = 5


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _adds_to(described: str, listed: str) -> bool:
    """Whether the record's own description says more than the items listed: «14
    автомобілів, автобус, генератори та інша гуманітарна допомога» only repeats «14
    автомобілів, 1 автобус, генератори, інша гуманітарна допомога»."""
    stems = {word[:_ITEM_STEM] for word in _words(listed)}
    return any(
        word[:_ITEM_STEM] not in stems
        for word in _words(described)
        if word not in _JOINING_WORDS and not word.isdigit()
    )


def aid_lines(lang: Language, snapshot: Snapshot, record: Aid) -> list[str]:
    """What one aid record says: when, what, from whom, how much."""
    _ = lang.gettext
    when = (
        _("Date not given")
        if record.received_on is None
        else _("Received {when}").format(when=lang.when(record.received_on))
    )
    lines = [f"{BULLET}{when}:"]
    counted = [
        counted_item(lang, item.category, item.quantity)
        for item in record.items
        if item.quantity is not None
    ]
    uncounted = [
        lang.gettext(AID_CATEGORIES[item.category])
        for item in record.items
        if item.quantity is None
    ]
    what = ", ".join([*counted, *uncounted])
    # The sheet's or the editor's own words for what arrived, unless they repeat the kinds.
    described = None if record.description is None else lang.text(record.description)
    if described and _adds_to(described, what):
        what = f"{what} ({described})" if what else described
    if what:
        lines.append("  " + _("What: {items}").format(items=what))
    countries = sorted(
        (lang.country(donor.country) for donor in record.donors if donor.country),
        key=sort_key,
    )
    places = [lang.place(snapshot.places[donor.place]) for donor in record.donors if donor.place]
    names = [donor.name for donor in record.donors if donor.name]
    if countries:
        if all(donor.kind is DonorKind.ORGANISATION for donor in record.donors):
            template = _("From organisations in: {countries}")
        else:
            template = _("From: {countries}")
        lines.append("  " + template.format(countries=", ".join(countries)))
    if places or names:
        lines.append("  " + _("Senders: {names}").format(names=", ".join([*places, *names])))
    if record.amount is not None and record.currency is not None:
        lines.append(
            "  " + _("Amount: {money}").format(money=lang.money(record.amount, record.currency))
        )
    notes = lang.note(record.notes)
    if notes is not None:
        lines.append("  " + notes)
    return lines
