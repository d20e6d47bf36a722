"""Counts that tell an admin what the knowledge base holds."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select, union
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.store import models
from knowledge.store.audit_log import entry_count


@dataclass(frozen=True)
class KnowledgeStats:
    """What the knowledge base holds."""

    hromadas: int
    hromadas_with_facts: int
    places: int
    partner_countries: tuple[str, ...]
    agreements_by_kind: dict[str, int]
    agreements_by_status: dict[str, int]
    aid_records: int
    donor_countries: tuple[str, ...]
    activities: int
    programmes: int
    sources: int
    audit_entries: int

    @property
    def agreements(self) -> int:
        """All agreements, whatever their kind."""
        return sum(self.agreements_by_kind.values())


async def _count(session: AsyncSession, model: type[models.Base]) -> int:
    return await session.scalar(select(func.count()).select_from(model)) or 0


async def _grouped(session: AsyncSession, column: object) -> dict[str, int]:
    rows = await session.execute(
        select(column, func.count()).group_by(column).order_by(column)  # type: ignore[call-overload]
    )
    return {str(value): count for value, count in rows.all()}


async def collect_stats(session: AsyncSession) -> KnowledgeStats:
    """Count what the knowledge base holds."""
    with_facts = union(
        select(models.AgreementRow.hromada_code),
        select(models.AidRow.hromada_code),
        select(models.ActivityRow.hromada_code),
        select(models.ProgrammeRow.hromada_code),
    ).subquery()
    partner_countries = (
        select(models.PlaceRow.country_code)
        .distinct()
        .where(models.PlaceRow.id.in_(select(models.AgreementRow.place_id)))
        .order_by(models.PlaceRow.country_code)
    )
    donor_countries = (
        select(models.AidDonorRow.country_code)
        .distinct()
        .where(models.AidDonorRow.country_code.is_not(None))
        .order_by(models.AidDonorRow.country_code)
    )
    return KnowledgeStats(
        hromadas=await _count(session, models.HromadaRow),
        hromadas_with_facts=await session.scalar(select(func.count()).select_from(with_facts))
        or 0,
        places=await _count(session, models.PlaceRow),
        partner_countries=tuple((await session.scalars(partner_countries)).all()),
        agreements_by_kind=await _grouped(session, models.AgreementRow.kind),
        agreements_by_status=await _grouped(session, models.AgreementRow.status),
        aid_records=await _count(session, models.AidRow),
        donor_countries=tuple(
            code for code in (await session.scalars(donor_countries)).all() if code
        ),
        activities=await _count(session, models.ActivityRow),
        programmes=await _count(session, models.ProgrammeRow),
        sources=await _count(session, models.SourceRow),
        audit_entries=await entry_count(session),
    )
