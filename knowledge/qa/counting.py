"""How a hromada's agreements are counted: those signed, with the unsigned said apart."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from knowledge.facts.records import Agreement
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import AgreementStatus
from knowledge.render.lang import Language
from knowledge.render.phrases import BULLET
from knowledge.text.collation import sort_key

# Statuses an agreement reaches only once signed.
SIGNED_STATUSES = frozenset(
    {
        AgreementStatus.ACTIVE,
        AgreementStatus.SUSPENDED,
        AgreementStatus.TERMINATED,
        AgreementStatus.EXPIRED,
    }
)


def agreements_counted(lang: Language, name: str, agreements: Sequence[Agreement]) -> str:
    """One line counting the signed agreements, then those only planned or under negotiation.

    "Mena: 4 signed agreements are recorded; 1 more is under negotiation." An agreement the
    sources only say was planned, or whose text is still being agreed, is no agreement yet.
    """
    signed = [a for a in agreements if a.status in SIGNED_STATUSES]
    active = sum(1 for a in signed if a.status is AgreementStatus.ACTIVE)
    talks = sum(1 for a in agreements if a.status is AgreementStatus.IN_NEGOTIATION)
    planned = sum(1 for a in agreements if a.status is AgreementStatus.PLANNED)
    line = lang.ngettext(
        "{hromada}: {count} signed agreement is recorded",
        "{hromada}: {count} signed agreements are recorded",
        len(signed),
    ).format(hromada=name, count=lang.number(len(signed)))
    if active != len(signed):
        line += " " + lang.ngettext("({count} in force)", "({count} in force)", active).format(
            count=lang.number(active)
        )
    if talks:
        line += "; " + lang.ngettext(
            "{count} more is under negotiation, not signed",
            "{count} more are under negotiation, not signed",
            talks,
        ).format(count=lang.number(talks))
    if planned:
        line += "; " + lang.ngettext(
            "{count} more was planned, no source confirms its signing",
            "{count} more were planned, no source confirms their signing",
            planned,
        ).format(count=lang.number(planned))
    return line + "."


def partner_towns(agreements: Iterable[Agreement]) -> tuple[frozenset[str], frozenset[str]]:
    """The partner towns (place keys) of the agreements, as every answer counts them: a town
    is a partner once an agreement with it is signed; the second set holds the towns whose
    agreements are all planned or under negotiation, said apart as not signed yet."""
    listed = tuple(agreements)
    partners = frozenset(a.place for a in listed if a.status in SIGNED_STATUSES)
    return partners, frozenset(a.place for a in listed) - partners


def unsigned_towns_note(lang: Language, unsigned: int) -> str:
    """What follows a count of partners when `unsigned` more towns are not signed yet
    ("(1 more town not signed yet)", «(ще 1 місто — не підписано)»); "" when none."""
    if not unsigned:
        return ""
    return " " + lang.ngettext(
        "({count} more town not signed yet)", "({count} more towns not signed yet)", unsigned
    ).format(count=lang.number(unsigned))


def not_signed_line(lang: Language, places: Sequence[str], separator: str = ", ") -> str:
    """The line naming the towns whose agreements are only planned or under negotiation, after
    the partners ("Not signed yet: Friedberg.", «Ще не підписано: Фрідберг.»); `separator`
    joins the names ("; " between names that carry their country in brackets)."""
    return lang.gettext("Not signed yet: {places}.").format(places=separator.join(places))


def partner_country_lines(
    lang: Language, snapshot: Snapshot, agreements: Iterable[Agreement]
) -> tuple[list[str], list[str]]:
    """The countries of the signed partners, a line each with its towns («• Польща: Домброва,
    Жиракув»), sorted by country name; then, apart, the unsigned towns with their countries
    («Фрідберг (Німеччина)»). A town counts as `partner_towns` counts it."""
    partners, unsigned = partner_towns(agreements)
    by_country: dict[str, list[str]] = {}
    for key in partners:
        place = snapshot.places[key]
        by_country.setdefault(lang.country(place.country), []).append(lang.place(place))
    lines = [
        f"{BULLET}{country}: {', '.join(sorted(towns, key=sort_key))}"
        for country, towns in sorted(by_country.items(), key=lambda item: sort_key(item[0]))
    ]
    later = sorted(
        (
            f"{lang.place(snapshot.places[key])} ({lang.country(snapshot.places[key].country)})"
            for key in unsigned
        ),
        key=sort_key,
    )
    return lines, later
