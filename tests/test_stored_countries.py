"""Every country a record may be stored with is read back from a sheet: Kosovo's XK as well."""

from __future__ import annotations

import pytest
from babel import Locale
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.facts.documents import PlaceDoc
from knowledge.interchange import apply_import, export_agreements_csv, preview_import, read_import
from knowledge.places.countries import read_country
from knowledge.store.engines import session_factory
from knowledge.store.rights import SystemWriter

HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)


def _place(country: str) -> PlaceDoc:
    return PlaceDoc.model_validate(
        {
            "key": "x-town",
            "name": {"uk": "Місто", "en": "Town"},
            "name_local": "Town",
            "country": country,
        }
    )


def test_every_code_a_place_may_be_stored_with_is_read_as_a_country() -> None:
    storable = []
    for code in sorted(Locale("en").territories):
        try:
            storable.append(_place(code).country)
        except ValidationError:
            continue

    unread = [code for code in storable if getattr(read_country(code), "code", None) != code]
    assert "XK" in storable
    assert unread == []


@pytest.mark.parametrize("code", ["EU", "UN", "ZZ"])
def test_a_union_of_countries_is_not_a_partners_country(code: str) -> None:
    with pytest.raises(ValidationError):
        _place(code)


async def test_a_kosovo_partner_exported_imports_back_unchanged(
    seeded_engine: AsyncEngine,
) -> None:
    sheet = f"{HEADER}\nKharkiv,Prizren,Kosovo,twinning,active,2020,,Letter,,,\n"
    async with session_factory(seeded_engine)() as session:
        written = await apply_import(
            session, read_import(sheet.encode(), "a.csv"), writer=SystemWriter("admin:42")
        )
    assert written.preview.rejected == []
    assert written.preview.new
    async with session_factory(seeded_engine)() as session:
        exported = await export_agreements_csv(session)
        actual = await preview_import(session, read_import(exported.encode(), "a.csv"))

    assert ",XK," in exported
    assert actual.rejected == []
    assert actual.new == {}
    assert actual.changed == {}


def test_every_country_s_three_letter_code_and_official_name_are_read() -> None:
    import pycountry

    unread = {
        (country.alpha_2, name)
        for country in pycountry.countries
        for name in (country.alpha_3, getattr(country, "official_name", None))
        if name is not None
        and _storable(country.alpha_2)
        and getattr(read_country(name), "code", None) != country.alpha_2
    }
    assert unread == set()


def _storable(code: str) -> bool:
    try:
        _place(code)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize(
    "name", ["Republic of Kosovo", "RKS", "XKX", "Республіка Косово", "Republika e Kosovës"]
)
def test_kosovo_s_codes_and_official_names_are_read(name: str) -> None:
    assert getattr(read_country(name), "code", None) == "XK"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Curaçao", "CW"),
        ("Curacao", "CW"),
        ("Кюрасао", "CW"),
        ("Sint Maarten", "SX"),
        ("Sint Maarten (Dutch part)", "SX"),
        ("Aruba", "AW"),
    ],
)
def test_a_constituent_country_of_the_netherlands_is_its_own_country_by_its_name(
    name: str, expected: str
) -> None:
    # Curaçao is a country with its ISO code and a constituent country of the Netherlands in
    # ISO 3166-2: one land, read by its own code.
    assert getattr(read_country(name), "code", None) == expected


def test_a_constituent_country_written_with_the_netherlands_is_that_region_of_it() -> None:
    found = read_country("Curaçao, Netherlands")

    assert found is not None
    assert (found.code, found.region_en, found.region_uk) == ("NL", "Curaçao", "Кюрасао")
