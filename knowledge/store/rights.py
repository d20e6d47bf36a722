"""Who may write a record, decided on the record as stored as well as on what is written.

Every write (a loaded document, an admin's save or delete, an undo) passes its `Writer` and
asks `require_write` for each record it would create, change, move or remove, inside its
write transaction and after reading the stored record there (locked), so no caller can
forget the check or make it on stale data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from pydantic import BaseModel
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models

# Records that belong to no hromada and are cited by the records of any.
SHARED_ENTITIES = ("place", "source")


class Writer(Protocol):
    """Who writes: the audit log's name for them, and their right, checked as they write."""

    @property
    def actor(self) -> str:
        """How the audit log names the writer, such as "telegram:42" or "cli"."""
        ...

    async def require(self, session: AsyncSession, hromada_code: str | None) -> None:
        """Raise unless the writer may write the hromada's records (None: a shared record
        no hromada's record cites). The exception is the writer's own, for its caller to show.
        """
        ...

    async def may(self, session: AsyncSession, hromada_code: str | None) -> bool:
        """Whether `require` would allow it: for a preview, which writes nothing."""
        ...


@dataclass(frozen=True)
class SystemWriter:
    """The command line, the first seeding and tests: every right, under its audit name."""

    actor: str

    async def require(self, session: AsyncSession, hromada_code: str | None) -> None:
        """Always allowed: the system holds every right."""

    async def may(self, session: AsyncSession, hromada_code: str | None) -> bool:
        """Always: the system holds every right."""
        return True


def owning_hromada(entity: str, doc: BaseModel | None) -> str | None:
    """The hromada a record belongs to: its `hromada`, a hromada's own code; None if shared."""
    if doc is None:
        return None
    if entity == "hromada":
        code = getattr(doc, "code", None)
        return code if isinstance(code, str) else None
    hromada = getattr(doc, "hromada", None)
    return hromada if isinstance(hromada, str) else None


def _citing_place(key: str) -> list[Select[Any]]:
    place = select(models.PlaceRow.id).where(models.PlaceRow.key == key).scalar_subquery()
    return [
        select(models.AgreementRow.hromada_code).where(models.AgreementRow.place_id == place),
        select(models.AidRow.hromada_code)
        .join(models.AidDonorRow, models.AidDonorRow.aid_id == models.AidRow.id)
        .where(models.AidDonorRow.place_id == place),
        select(models.ActivityRow.hromada_code).where(models.ActivityRow.place_id == place),
    ]


def _citing_source(key: str) -> list[Select[Any]]:
    source = select(models.SourceRow.id).where(models.SourceRow.key == key).scalar_subquery()
    links: list[tuple[Any, Any, Any]] = [
        (models.AgreementRow, models.AgreementSourceRow, models.AgreementSourceRow.agreement_id),
        (
            models.AgreementRow,
            models.AgreementExtensionRow,
            models.AgreementExtensionRow.agreement_id,
        ),
        (models.AidRow, models.AidSourceRow, models.AidSourceRow.aid_id),
        (models.ActivityRow, models.ActivitySourceRow, models.ActivitySourceRow.activity_id),
        (models.ProgrammeRow, models.ProgrammeSourceRow, models.ProgrammeSourceRow.programme_id),
    ]
    return [
        select(row.hromada_code).join(link, owner == row.id).where(link.source_id == source)
        for row, link, owner in links
    ]


async def citing_hromadas(session: AsyncSession, entity: str, key: str) -> set[str]:
    """The hromadas whose records cite a place or a source (empty for other records)."""
    if entity == "place":
        queries = _citing_place(key)
    elif entity == "source":
        queries = _citing_source(key)
    else:
        return set()
    found: set[str] = set()
    for query in queries:
        found |= set((await session.scalars(query)).all())
    return found


async def required_hromadas(
    session: AsyncSession, entity: str, key: str, stored: BaseModel | None, new: BaseModel | None
) -> list[str | None]:
    """The hromadas whose right turning `stored` into `new` takes (None: any editor's).

    Both the stored and the new hromada, so a record is neither changed nor moved away from a
    hromada the writer does not hold; for a place or source already stored, every hromada
    whose records cite it.
    """
    hromadas = {owning_hromada(entity, doc) for doc in (stored, new) if doc is not None}
    if entity in SHARED_ENTITIES and stored is not None:
        hromadas |= await citing_hromadas(session, entity, key)
    named = sorted(code for code in hromadas if code is not None)
    return [*named] if named else [None]


async def require_write(
    session: AsyncSession,
    writer: Writer,
    entity: str,
    key: str,
    stored: BaseModel | None,
    new: BaseModel | None,
) -> None:
    """Raise (the writer's refusal) unless it may turn the stored record into the new one.

    Both the stored and the new hromada are required, so a record is neither changed nor
    moved away from a hromada the writer does not hold. A place or source already stored is
    required for every hromada whose records cite it: it is read-only to anyone who does not
    hold all of them. `stored` must have been read in the writer's transaction.
    """
    for code in await required_hromadas(session, entity, key, stored, new):
        await writer.require(session, code)
