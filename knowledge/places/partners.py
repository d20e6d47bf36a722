"""A new partner place as an editor names it, completed from what the shipped data knows.

Every way a new place is made (an import, a dialog, the one-line form, a document's draft)
comes here, so each gets GeoNames' coordinates and the Ukrainian name the same way.
"""

from __future__ import annotations

from knowledge.facts.documents import Bilingual, PlaceDoc
from knowledge.facts.messages import N_, Name, Problem
from knowledge.places.countries import HOME_COUNTRY
from knowledge.places.hromadas import Resolved, shipped_index
from knowledge.places.subdivisions import find_subdivision
from knowledge.places.transcription import ukrainian_transcription
from knowledge.places.world import agreed_ukrainian_name, find_world_place
from knowledge.text.normalize import is_cyrillic, is_ukrainian_spelling
from knowledge.text.transliteration import transliterate

OWN_PARTNER = N_(
    "{name} is in the same hromada as {hromada}: a hromada is not its own partner; write"
    " another hromada or a town abroad"
)


def own_partner_problem(hromada_code: str, partner: str, country: str) -> Problem | None:
    """Why a Ukrainian partner `partner` (as written, in any spelling or by a settlement of
    it) cannot be a partner of the hromada `hromada_code`: it is that hromada; None otherwise
    (a foreign partner, or a name the shipped hromadas do not tell)."""
    if country != HOME_COUNTRY:
        return None
    index = shipped_index()
    found = index.resolve(partner)
    if not isinstance(found, Resolved) or found.code != hromada_code:
        return None
    hromada = index.by_code[hromada_code]
    # Named by its centre, as residents and editors name a hromada ("Kharkiv").
    centre = Name(hromada.center_en or hromada.name_en, hromada.center_uk or hromada.name_uk)
    return Problem(OWN_PARTNER, {"name": partner.strip(), "hromada": centre})


def derived_name_length(city: str) -> int:
    """The length, in characters, of the longest name `new_foreign_place` may derive from
    `city` as typed: its Latin transliteration when it is Cyrillic («Щ» becomes "Shch"),
    else the name itself. A caller refuses a name whose derived form would not fit its field.
    """
    typed = city.strip()
    if any(map(is_cyrillic, typed)):
        return max(len(typed), len(transliterate(typed)))
    return len(typed)


def new_foreign_place(
    key: str,
    city: str,
    country: str,
    region: tuple[str, str | None] | None = None,
    name_uk: str | None = None,
    location: tuple[float, float] | None = None,
) -> PlaceDoc:
    """A new partner abroad as written, completed from GeoNames: coordinates, Ukrainian name.

    `name_uk` and `location` (latitude, longitude) are the editor's and win over GeoNames';
    without a Ukrainian name from either, a name in a language whose spelling says how it sounds
    (Polish, Czech, Slovak, Hungarian, the Baltic and South Slavic languages, Romanian,
    Georgian; Bulgarian from its romanisation) is transcribed by the Ukrainian rules, and any
    other is written as it is in both languages. A Cyrillic name spelt otherwise than in Ukrainian
    (Russian «Быдгощ», «Минск», Belarusian, Bulgarian) is no Ukrainian name: GeoNames' Ukrainian
    name stands for it, else the Latin name in both languages. A region of its country
    ("Bayern") takes the Ukrainian name pycountry's catalogue gives it (Баварія).
    """
    found = find_world_place(city, country, near=location)
    cyrillic = any(map(is_cyrillic, city))
    if name_uk is None and found is None and not cyrillic:
        # A region, not a town ("Bayern", "Lubelskie Voivodeship"): its Ukrainian name.
        region_named = find_subdivision(city, country)
        name_uk = region_named.name_uk if region_named else None
    name_en = (found.name if found else transliterate(city)) if cyrillic else city
    if name_uk is None and cyrillic and found is not None and found.name_uk:
        # «Белосток», «Минск»: GeoNames' Ukrainian name over its other Cyrillic ones.
        name_uk = found.name_uk
    if name_uk is None and cyrillic and not is_ukrainian_spelling(city):
        # «Михаловцы»: a Russian (or other Cyrillic) spelling is no Ukrainian name; without
        # GeoNames' Ukrainian one, the Latin name stands in both languages.
        name_uk = (found and ukrainian_transcription(found.name, country)) or name_en
    if name_uk is None:
        # Several towns so named, all with one Ukrainian name (Albany, Олбані): that name,
        # though which town is meant, and so its coordinates, stays unknown.
        from_geonames = found.name_uk if found else agreed_ukrainian_name(city, country)
        name_uk = (
            city
            if cyrillic
            else from_geonames or ukrainian_transcription(found.name if found else city, country)
        ) or city
    if name_uk == city and not cyrillic:
        # "Gmina Oława", "Bács-Kiskun County": no Ukrainian name of the unit is known, but
        # the name without the word for the unit has one (Олава, Бач-Кішкун), or is at least
        # no English or Polish word in a Ukrainian answer.
        name_uk = _without_unit_words(city, country) or name_uk
    if location is None and found is not None:
        location = (found.latitude, found.longitude)
    aliases: set[str] = set()
    if found is not None:
        aliases = {found.name, *(found.name_uk or "",), *found.other_names}
    aliases |= _plural_forms(name_uk, country)
    return PlaceDoc(
        key=key,
        name=Bilingual(uk=name_uk, en=name_en),
        name_local=city,
        country=country,
        region=Bilingual(uk=region[1] or region[0], en=region[0]) if region else None,
        latitude=location[0] if location else None,
        longitude=location[1] if location else None,
        geonames_id=found.geonames_id if found else None,
        aliases=sorted(aliases - {"", name_uk, name_en, city}),
    )


# Words that name a unit rather than a town ("Arlington County", "Gmina Miedźna").
_UNIT_WORDS = frozenset(
    {"county", "gmina", "powiat", "municipality", "district", "township", "commune", "megye"}
)


def _without_unit_words(city: str, country: str) -> str | None:
    """The Ukrainian name of a unit's name without its unit words (from GeoNames, else by
    the transcription rules), or those words left out of the Latin name; None if it has none.
    """
    words = city.split()
    kept = [word for word in words if word.lower() not in _UNIT_WORDS]
    if not kept or len(kept) == len(words):
        return None
    name = " ".join(kept)
    found = find_world_place(name, country)
    return (found.name_uk if found else None) or ukrainian_transcription(name, country) or name


# West Slavic countries whose towns in -ice Ukrainian also names as plurals in -иці.
_PLURAL_ICE = frozenset({"PL", "CZ", "SK"})


def _plural_forms(name_uk: str, country: str) -> set[str]:
    """The plural a resident declines a West Slavic town in -ice by («у Кошицях», «з
    Катовицями»): Кошице → Кошиці, Катовіце → Катовиці; empty for any other name."""
    if country not in _PLURAL_ICE or not name_uk.endswith(("ице", "іце")):
        return set()
    return {name_uk[:-3] + "иці"}
