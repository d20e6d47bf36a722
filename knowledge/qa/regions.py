"""Partners and aid by a country or by a world region asked in its place («партнери в Європі»,
"aid from the EU"): a region's code (M49 "150", or "EU") stands where a country's would, and
the records of each country in it answer."""

from __future__ import annotations

from knowledge.facts.records import Agreement, Aid
from knowledge.facts.snapshot import Snapshot
from knowledge.places.world_regions import in_region, is_world_region, region_members
from knowledge.render.lang import Language
from knowledge.text.collation import sort_key


def agreements_in(snapshot: Snapshot, code: str) -> tuple[Agreement, ...]:
    """The agreements with partners in the country (ISO alpha-2) or the region (M49 code, or
    "EU"), hromadas in code order and each hromada's in the document's order."""
    members = region_members().get(code)
    if members is None:
        return snapshot.agreements_by_country.get(code, ())
    found = [
        agreement
        for country in members
        for agreement in snapshot.agreements_by_country.get(country, ())
    ]
    order = {key: index for index, key in enumerate(snapshot.agreements)}
    return tuple(sorted(found, key=lambda item: (item.hromada, order[item.key])))


def aid_from(snapshot: Snapshot, code: str) -> tuple[Aid, ...]:
    """The aid records naming a donor in the country or the region, hromadas in code order."""
    members = region_members().get(code)
    if members is None:
        return snapshot.aid_by_country.get(code, ())
    found = {
        id(record): record
        for country in members
        for record in snapshot.aid_by_country.get(country, ())
    }
    return tuple(sorted(found.values(), key=lambda item: item.hromada))


def partner_in(snapshot: Snapshot, agreement: Agreement, code: str) -> bool:
    """Whether the agreement's partner lies in the country or the region asked about."""
    return in_region(snapshot.country_of(agreement), code)


def no_aid_from(lang: Language, code: str, *, yes_no: bool = False) -> str:
    """The line saying no aid from the country or the region is recorded; with `yes_no`
    («Чи отримував хтось допомогу з Японії?») opened by a no."""
    _ = lang.gettext
    if is_world_region(code):
        region = (
            _("No, no aid from the countries of {region} to Ukrainian hromadas is recorded.")
            if yes_no
            else _("No aid from the countries of {region} to Ukrainian hromadas is recorded.")
        )
        return region.format(region=lang.country(code))
    nothing = (
        _("No, no aid from {country} to Ukrainian hromadas is recorded.")
        if yes_no
        else _("No aid from {country} to Ukrainian hromadas is recorded.")
    )
    return nothing.format(country=lang.country(code))


def aid_from_heading(lang: Language, code: str, *, yes_no: bool = False) -> str:
    """The heading of the hromadas that received aid from the country or the region; with
    `yes_no` opened by a yes."""
    _ = lang.gettext
    if is_world_region(code):
        region = (
            _("Yes, aid from the countries of {region} is recorded for:")
            if yes_no
            else _("Aid from the countries of {region} is recorded for:")
        )
        return region.format(region=lang.country(code))
    found = (
        _("Yes, aid from {country} is recorded for:")
        if yes_no
        else _("Aid from {country} is recorded for:")
    )
    return found.format(country=lang.country(code))


def aid_by_group_lines(lang: Language, snapshot: Snapshot, hromada: str | None) -> list[str]:
    """What «допомога з Далекого Сходу» is told: aid is recorded by each donor's country, never
    by a group of countries no region code names; then the countries aid came from, to the
    hromada (ISO code `hromada`) or, when none is named, to any hromada."""
    _ = lang.gettext
    records = (
        snapshot.aid_by_hromada.get(hromada, ())
        if hromada is not None
        else tuple(record for found in snapshot.aid_by_hromada.values() for record in found)
    )
    names = sorted(
        {lang.country(d.country) for record in records for d in record.donors if d.country},
        key=sort_key,
    )
    lines = [
        _(
            "I cannot pick aid by that group of countries: the knowledge base records each"
            " donor's country, and groups countries only by continent, by UN sub-region (such"
            " as Western Asia or Northern Europe) or as the EU."
        )
    ]
    if names:
        lines.append(_("Aid came from: {countries}.").format(countries=", ".join(names)))
    lines.append(
        _("Ask about one of them, for example: {question}").format(
            question=_("Who received aid from Japan?")
        )
    )
    return lines
