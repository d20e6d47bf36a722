"""Hromadas and partner places found in the database by what an admin typed: a code or a name."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.places.hromadas import shipped_index
from knowledge.store.registry import hromadas_by_codes, place_names
from knowledge.text.normalize import name_key


@dataclass(frozen=True)
class HromadaChoice:
    """A hromada found by name or code."""

    code: str
    name_uk: str
    name_en: str
    center_uk: str | None = None
    oblast_uk: str | None = None

    def label_uk(self) -> str:
        """The name residents know with where it is, for a choice among same-named ones:
        «Полтава (Полтавська обл.)», «Полтавська (Автономна Республіка Крим)»."""
        name = self.center_uk or self.name_uk
        if self.oblast_uk is None:
            return name
        if self.code.startswith("UA01"):
            return f"{name} ({self.oblast_uk})"
        return f"{name} ({self.oblast_uk} обл.)"


async def find_hromadas(session: AsyncSession, text: str) -> list[HromadaChoice]:
    """The hromadas the text may name: by code, or by any name of any unit of the codifier.

    Names are read by the one index of hromadas (`shipped_index`), so a dialog finds what an
    import finds («Франківськ», "Chervonohrad", a village), and lists same-named hromadas
    for the editor to choose from rather than choosing one.
    """
    codes = shipped_index().candidates(text)
    if not codes:
        return []
    return [
        HromadaChoice(row.code, row.name_uk, row.name_en, row.center_uk, row.oblast_uk)
        for row in await hromadas_by_codes(session, codes)
    ]


async def find_places(session: AsyncSession, text: str, country: str | None = None) -> list[str]:
    """Keys of the places with this name (in any language), optionally in one country."""
    wanted = name_key(text)
    return [
        row.key
        for row in await place_names(session, country)
        if wanted
        in {
            name_key(row.key),
            name_key(row.name_uk),
            name_key(row.name_en),
            name_key(row.name_local),
        }
    ]
