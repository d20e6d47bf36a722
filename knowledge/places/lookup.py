"""Hromadas and partner places found in the database by what an admin typed: a code or a name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models
from knowledge.text.folding import loose_key


@dataclass(frozen=True)
class HromadaChoice:
    """A hromada found by name or code."""

    code: str
    name_uk: str
    name_en: str


async def find_hromadas(session: AsyncSession, text: str) -> list[HromadaChoice]:
    """The hromadas whose code, name or centre is the text (any case, either language)."""
    wanted = loose_key(text)
    rows = await session.scalars(select(models.HromadaRow).order_by(models.HromadaRow.code))
    found = []
    for row in rows:
        names = {row.code.casefold(), row.name_uk, row.name_en, row.center_uk, row.center_en}
        if wanted in {loose_key(name) for name in names if name}:
            found.append(HromadaChoice(row.code, row.name_uk, row.name_en))
    return found


async def find_places(session: AsyncSession, text: str, country: str | None = None) -> list[str]:
    """Keys of the places with this name (in any language), optionally in one country."""
    wanted = loose_key(text)
    query = select(models.PlaceRow).order_by(models.PlaceRow.key)
    if country is not None:
        query = query.where(models.PlaceRow.country_code == country)
    rows = await session.scalars(query)
    return [
        row.key
        for row in rows
        if wanted
        in {
            loose_key(row.key),
            loose_key(row.name_uk),
            loose_key(row.name_en),
            loose_key(row.name_local),
        }
    ]
