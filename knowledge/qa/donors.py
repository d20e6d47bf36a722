"""Who sent a hromada's aid, told apart by kind: countries as such, organisations (by the
countries they are from), and cities.

«Скільки донорських організацій допомагали Мені?» is not answered with a count of countries:
Mena's records name organisations from eight countries, Kharkiv's the countries themselves.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from knowledge.facts.records import Aid, Donor, Place
from knowledge.facts.vocabulary import DonorKind
from knowledge.render.lang import Language
from knowledge.text.collation import sort_key


def _countries(lang: Language, donors: Sequence[Donor], kind: DonorKind) -> list[str]:
    """The names of the countries the donors of that kind are (or are from), sorted."""
    codes = {donor.country for donor in donors if donor.kind is kind and donor.country}
    return sorted((lang.country(code) for code in codes), key=sort_key)


def donor_counts(
    lang: Language, name: str, records: Sequence[Aid], places: Mapping[str, Place]
) -> list[str]:
    """Lines counting the hromada's donors by kind; `name` heads each line, `places` holds
    the partner towns by key (a city donor names one). A hromada with no donor recorded gets
    the count of countries, nought."""
    donors = [donor for record in records for donor in record.donors]
    lines: list[str] = []
    countries = _countries(lang, donors, DonorKind.COUNTRY)
    from_organisations = _countries(lang, donors, DonorKind.ORGANISATION)
    named = sorted(
        {d.name for d in donors if d.kind is DonorKind.ORGANISATION and d.name}, key=sort_key
    )
    cities = sorted(
        {lang.place(places[d.place]) for d in donors if d.kind is DonorKind.CITY and d.place},
        key=sort_key,
    )
    if countries or not (from_organisations or named or cities):
        lines.append(
            lang.ngettext(
                "{hromada}: aid came from {count} country",
                "{hromada}: aid came from {count} countries",
                len(countries),
            ).format(hromada=name, count=lang.number(len(countries)))
            + (": " + ", ".join(countries) if countries else ".")
        )
    if from_organisations:
        lines.append(
            lang.ngettext(
                "{hromada}: aid came from organisations in {count} country: {countries}",
                "{hromada}: aid came from organisations in {count} countries: {countries}",
                len(from_organisations),
            ).format(
                hromada=name,
                count=lang.number(len(from_organisations)),
                countries=", ".join(from_organisations),
            )
        )
    if named:
        lines.append(lang.gettext("Organisations named: {names}.").format(names=", ".join(named)))
    elif from_organisations:
        lines.append(lang.gettext("The sources do not name the organisations."))
    if cities:
        lines.append(
            lang.ngettext(
                "{hromada}: aid came from {count} city: {cities}",
                "{hromada}: aid came from {count} cities: {cities}",
                len(cities),
            ).format(hromada=name, count=lang.number(len(cities)), cities=", ".join(cities))
        )
    return lines
