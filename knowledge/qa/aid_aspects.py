"""Narrow answers about aid: how much money, how many of a kind, from whom, when.

Each function returns the lines of the answer (without sources: the caller cites the records).
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.facts.records import Aid
from knowledge.facts.vocabulary import AidCategory, DonorKind
from knowledge.qa.meaning import Aspect, Narrow
from knowledge.render.labels import AID_CATEGORIES
from knowledge.render.lang import Language
from knowledge.render.phrases import BULLET, counted_item
from knowledge.text.collation import sort_key


def _first_upper(text: str) -> str:
    """The text with its first letter upper-case and the rest as it was ("Received in
    March 2023", where `str.capitalize` would give "march")."""
    return text[:1].upper() + text[1:]


def _when(lang: Language, record: Aid) -> str:
    if record.received_on is None:
        return lang.gettext("date not given")
    return lang.gettext("received {when}").format(when=lang.when(record.received_on))


def _money(lang: Language, name: str, records: Sequence[Aid], sender: str | None) -> list[str]:
    summed = [
        (record, record.amount, record.currency)
        for record in records
        if record.amount is not None and record.currency is not None
    ]
    if summed:
        lines = [lang.gettext("{hromada} — sums of money recorded:").format(hromada=name)]
        for record, amount, currency in summed:
            money = lang.money(amount, currency)
            lines.append(f"{BULLET}{money} ({_when(lang, record)})")
        return lines
    dated = sorted({lang.when(r.received_on) for r in records if r.received_on is not None})
    when = ", ".join(dated)
    if sender is not None and dated:
        template = lang.gettext(
            "{hromada}: aid from {sender} is recorded {when}, but the sources do not say how"
            " much money it was."
        )
    elif sender is not None:
        template = lang.gettext(
            "{hromada}: the sources do not say how much money came from {sender}."
        )
    else:
        template = lang.gettext(
            "{hromada}: the sources give no sums of money for the aid received."
        )
    return [template.format(hromada=name, sender=sender, when=when)]


def _shared(lang: Language, records: Sequence[Aid], sender: str | None) -> list[str]:
    """With a sender asked about, the note that a record of several donors does not say
    which of them gave what: "Germany sent 14 vehicles" would claim more than the source."""
    donors = max((len(record.donors) for record in records), default=0)
    if sender is None or donors < 2:
        return []
    return [
        lang.ngettext(
            "{sender} is one of {count} donors of this aid; the sources do not say which"
            " donor gave what.",
            "{sender} is one of {count} donors of this aid; the sources do not say which"
            " donor gave what.",
            donors,
        ).format(sender=sender, count=lang.number(donors))
    ]


def _quantity(
    lang: Language,
    name: str,
    records: Sequence[Aid],
    categories: frozenset[AidCategory],
    sender: str | None,
) -> list[str]:
    """How many of each kind of aid asked about (`categories`; none: every kind) arrived."""
    counted = [
        (record, item, item.quantity)
        for record in records
        for item in record.items
        if item.quantity is not None and (not categories or item.category in categories)
    ]
    present = {i.category for r in records for i in r.items} & categories
    uncounted = sorted(present - {item.category for _, item, _ in counted})
    lines: list[str] = []
    if counted:
        lines.append(lang.gettext("{hromada}:").format(hromada=name))
        for record, item, quantity in counted:
            what = counted_item(lang, item.category, quantity)
            lines.append(f"{BULLET}{what} ({_when(lang, record)})")
    for category in uncounted:
        lines.append(
            lang.gettext(
                "{hromada}: {items} are recorded, but the sources do not say how many."
            ).format(hromada=name, items=lang.gettext(AID_CATEGORIES[category]))
        )
    if lines:
        return lines + _shared(lang, [record for record, _, _ in counted], sender)
    if categories:
        labels = ", ".join(lang.gettext(AID_CATEGORIES[c]) for c in sorted(categories))
        return [
            lang.gettext("{hromada}: no {items} are recorded among the aid received.").format(
                hromada=name, items=labels
            )
        ]
    return [
        lang.gettext(
            "{hromada}: the sources give neither quantities nor sums of money for this aid."
        ).format(hromada=name)
    ]


def _donors(lang: Language, name: str, records: Sequence[Aid]) -> list[str]:
    lines = [lang.gettext("{hromada} — who sent the aid:").format(hromada=name)]
    for record in records:
        countries = sorted(
            (lang.country(donor.country) for donor in record.donors if donor.country),
            key=sort_key,
        )
        names = [donor.name for donor in record.donors if donor.name]
        senders = ", ".join([*countries, *names]) or lang.gettext("senders not given")
        when = _first_upper(_when(lang, record))
        if countries and all(d.kind is DonorKind.ORGANISATION for d in record.donors):
            # Mena's records name organisations from eight countries, not the countries.
            lines.append(
                BULLET
                + lang.gettext("{when}: from organisations in {countries}").format(
                    when=when, countries=senders
                )
            )
        else:
            lines.append(f"{BULLET}{when}: {senders}")
        notes = lang.note(record.notes)
        if notes is not None:
            lines.append(f"  {notes}")
    return lines


def _dates(lang: Language, name: str, records: Sequence[Aid], sender: str | None) -> list[str]:
    lines = [lang.gettext("{hromada} — when the aid arrived:").format(hromada=name)]
    for record in records:
        what = ", ".join(
            [
                counted_item(lang, item.category, item.quantity)
                if item.quantity is not None
                else lang.gettext(AID_CATEGORIES[item.category])
                for item in record.items
            ]
        )
        when = _first_upper(_when(lang, record))
        lines.append(f"{BULLET}{when}: {what}" if what else f"{BULLET}{when}")
    return lines + _shared(lang, records, sender)


def _sent(
    lang: Language,
    name: str,
    records: Sequence[Aid],
    categories: frozenset[AidCategory],
    sender: str | None,
) -> list[str]:
    """Whether the sender's aid (`records`, already the sender's) held the goods named: a
    yes only where the sender is the record's one donor, since a record of several countries
    does not say who sent what."""
    labels = ", ".join(lang.gettext(AID_CATEGORIES[c]) for c in sorted(categories))
    held = [r for r in records if categories & {item.category for item in r.items}]
    if not held and sender is not None:
        return [
            lang.gettext("No, no {items} from {sender} are recorded for {hromada}.").format(
                items=labels, sender=sender, hromada=name
            )
        ]
    if not held:
        return [
            lang.gettext("No, no {items} are recorded among the aid {hromada} received.").format(
                items=labels, hromada=name
            )
        ]
    if sender is None:
        return [
            lang.gettext("Yes, {items} are recorded among the aid {hromada} received.").format(
                items=labels, hromada=name
            )
        ]
    if any(len({d.country or d.place or d.name for d in r.donors}) == 1 for r in held):
        return [
            lang.gettext("Yes, {sender} sent {items} to {hromada}.").format(
                sender=sender, items=labels, hromada=name
            )
        ]
    return [
        lang.gettext(
            "The sources do not say: the aid {hromada} received included {items}, and {sender} "
            "is among the senders, but the record does not say what each sender sent."
        ).format(items=labels, hromada=name, sender=sender)
    ]


def narrow_aid_lines(
    lang: Language, name: str, records: Sequence[Aid], narrow: Narrow, sender: str | None
) -> list[str]:
    """The lines answering one side of the hromada's aid records (`records`, never empty).

    `name` is the hromada as the answer heads it; `sender` the country or partner the question
    named, if any. A side with nothing recorded gets an honest "the sources do not say".
    """
    if narrow.aspect is Aspect.MONEY:
        return _money(lang, name, records, sender)
    if narrow.aspect is Aspect.QUANTITY:
        return _quantity(lang, name, records, narrow.categories, sender)
    if narrow.aspect is Aspect.DONORS:
        return _donors(lang, name, records)
    if narrow.aspect is Aspect.SENT:
        return _sent(lang, name, records, narrow.categories, sender)
    return _dates(lang, name, records, sender)
