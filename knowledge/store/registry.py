"""Stored records found by code, key, name or address, read as typed records (keys, names,
documents), never ORM rows.

The admin dialogs' lookups, the residents' subscriptions and the drafts made from documents
build on them.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.dates import PartialDate
from knowledge.facts.documents import AidDoc
from knowledge.facts.records import Text
from knowledge.store import mapping, models


@dataclass(frozen=True)
class StoredHromada:
    """A stored hromada's code, names and where it is (its centre and oblast, if known)."""

    code: str
    name_uk: str
    name_en: str
    center_uk: str | None
    oblast_uk: str | None


@dataclass(frozen=True)
class StoredPlaceNames:
    """A stored partner place's key, its names in Ukrainian, English and its own language,
    and its country (ISO 3166 alpha-2)."""

    key: str
    name_uk: str
    name_en: str
    name_local: str
    country_code: str


async def hromada_exists(session: AsyncSession, code: str) -> bool:
    """Whether a hromada with this code is stored."""
    return await session.get(models.HromadaRow, code) is not None


async def hromadas_by_codes(session: AsyncSession, codes: Collection[str]) -> list[StoredHromada]:
    """The stored hromadas among `codes`, in code order; unknown codes left out."""
    rows = await session.scalars(
        select(models.HromadaRow)
        .where(models.HromadaRow.code.in_(codes))
        .order_by(models.HromadaRow.code)
    )
    return [
        StoredHromada(row.code, row.name_uk, row.name_en, row.center_uk, row.oblast_uk)
        for row in rows
    ]


async def place_names(
    session: AsyncSession, country: str | None = None, keys: Collection[str] | None = None
) -> list[StoredPlaceNames]:
    """The stored places' names, in key order: every place's, or with `country` (ISO
    alpha-2) its places' only, with `keys` those places' only."""
    query = select(models.PlaceRow).order_by(models.PlaceRow.key)
    if country is not None:
        query = query.where(models.PlaceRow.country_code == country)
    if keys is not None:
        query = query.where(models.PlaceRow.key.in_(keys))
    rows = await session.scalars(query)
    return [
        StoredPlaceNames(row.key, row.name_uk, row.name_en, row.name_local, row.country_code)
        for row in rows
    ]


async def stored_hromada(session: AsyncSession, code: str) -> StoredHromada | None:
    """The stored hromada with this code, None when there is none."""
    row = await session.get(models.HromadaRow, code)
    if row is None:
        return None
    return StoredHromada(row.code, row.name_uk, row.name_en, row.center_uk, row.oblast_uk)


async def names_of(session: AsyncSession, keys: Collection[str]) -> dict[str, Text]:
    """The names of the stored places and titles of the stored sources with these keys, by key;
    keys of neither left out."""
    places = await session.execute(
        select(models.PlaceRow.key, models.PlaceRow.name_uk, models.PlaceRow.name_en).where(
            models.PlaceRow.key.in_(keys)
        )
    )
    sources = await session.execute(
        select(models.SourceRow.key, models.SourceRow.title_uk, models.SourceRow.title_en).where(
            models.SourceRow.key.in_(keys)
        )
    )
    return {key: Text(name_uk, name_en) for key, name_uk, name_en in [*places, *sources]}


async def aid_of(session: AsyncSession, hromada_code: str) -> list[AidDoc]:
    """Every stored aid record of the hromada, as documents."""
    rows = await session.scalars(
        select(models.AidRow).where(models.AidRow.hromada_code == hromada_code)
    )
    return [mapping.aid_doc(row) for row in rows]


async def keys_of(session: AsyncSession, entity: str) -> set[str]:
    """Every stored key of one kind of record ("source", "place", "agreement", "aid"…);
    KeyError for a kind the store does not know."""
    row_type = mapping.mapping_of(entity).row_type
    return set((await session.scalars(select(row_type.key))).all())


async def source_key(
    session: AsyncSession, *, key: str | None = None, url: str | None = None
) -> str | None:
    """The key of the stored source with this key, or with this address; None when none is."""
    query = select(models.SourceRow.key)
    if key is not None:
        query = query.where(models.SourceRow.key == key)
    if url is not None:
        query = query.where(models.SourceRow.url == url)
    return await session.scalar(query)


async def sources_titled(
    session: AsyncSession, title: str
) -> list[tuple[str, PartialDate | None]]:
    """The stored sources titled `title` in Ukrainian or English: each key and issue date."""
    rows = await session.execute(
        select(models.SourceRow.key, models.SourceRow.issued_on).where(
            (models.SourceRow.title_uk == title) | (models.SourceRow.title_en == title)
        )
    )
    return [(key, issued_on) for key, issued_on in rows]


async def place_key(session: AsyncSession, key: str) -> str | None:
    """`key` when a place is stored under it, else None."""
    return await session.scalar(select(models.PlaceRow.key).where(models.PlaceRow.key == key))


async def agreements_between(
    session: AsyncSession,
    hromada_codes: Collection[str],
    place_keys: Collection[str],
    kind: str | None = None,
) -> list[str]:
    """The keys, in order, of the stored agreements of these hromadas with these partner
    places (of this kind, when given)."""
    query = (
        select(models.AgreementRow.key)
        .join(models.AgreementRow.place)
        .where(
            models.AgreementRow.hromada_code.in_(hromada_codes),
            models.PlaceRow.key.in_(place_keys),
        )
        .order_by(models.AgreementRow.key)
    )
    if kind is not None:
        query = query.where(models.AgreementRow.kind == kind)
    return list((await session.scalars(query)).all())
