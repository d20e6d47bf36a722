"""One stored record of any editable kind, read, written or removed as its document, never
as an ORM row; and the records that refer to it.

The admin services (save, delete, undo, expiry) decide whether a write may happen; this
module makes it so.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from knowledge.store import mapping, models

# The kinds of record that refer to a hromada, by their audit names.
_HROMADA_RECORDS = ("agreement", "aid", "activity", "programme")


async def _row(session: AsyncSession, entity: str, key: str, *, lock: bool) -> Any | None:
    kind = mapping.mapping_of(entity)
    column = getattr(kind.row_type, kind.key_field)
    query = select(kind.row_type).where(column == key)
    if lock:
        # On PostgreSQL a concurrent writer waits here, so the check-then-write cannot race;
        # SQLite writers are serialised anyway. Only the record's own row is locked.
        query = query.with_for_update(of=kind.row_type)
    result = await session.scalars(query.execution_options(populate_existing=True))
    return result.unique().one_or_none()


async def stored_record(
    session: AsyncSession, entity: str, key: str, *, lock: bool = False
) -> BaseModel | None:
    """The record of kind `entity` (its audit name) stored under `key`, as its document; None
    if absent. With `lock`, its row stays locked until the transaction ends. KeyError for a
    kind the store does not know."""
    row = await _row(session, entity, key, lock=lock)
    return None if row is None else mapping.mapping_of(entity).to_doc(row)


async def remove_record(session: AsyncSession, entity: str, key: str) -> None:
    """Remove the stored record (nothing when absent), flushed, not committed."""
    row = await _row(session, entity, key, lock=True)
    if row is None:
        return
    await session.delete(row)
    await session.flush()


async def put_record(
    session: AsyncSession,
    entity: str,
    key: str,
    doc: BaseModel,
    ids: mapping.Ids,
    *,
    new: bool,
) -> None:
    """Make the stored record under `key` equal to the document, its child rows replaced
    wholesale; flushed, not committed. `ids` are the row ids of the places and sources it
    refers to (`mapping.record_ids`).

    `new` says what the caller found when it checked the record: a new record is inserted
    without looking again, so a concurrent writer that added the same key first makes the
    flush raise IntegrityError instead of this write silently updating that writer's record.
    """
    kind = mapping.mapping_of(entity)
    row = None if new else await _row(session, entity, key, lock=True)
    if row is None:
        row = kind.row_type()
        kind.apply(doc, row, ids)
        session.add(row)
    else:
        # Child rows are replaced wholesale, the old ones flushed away first.
        mapping.clear_children(row)
        await session.flush()
        kind.apply(doc, row, ids)
    await session.flush()


def _citing(
    user_key: InstrumentedAttribute[str], source_id: InstrumentedAttribute[int], key: str
) -> Select[str]:
    # The keys of the records whose link table (the one holding `source_id`) cites the source.
    return (
        select(user_key)
        .join(source_id.class_)
        .join(models.SourceRow, models.SourceRow.id == source_id)
        .where(models.SourceRow.key == key)
    )


async def users_of(session: AsyncSession, entity: str, key: str) -> list[tuple[str, str]]:
    """The records that refer to a place, a source or a hromada, as sorted (entity, key) pairs
    (audit names); empty for other kinds."""
    queries: list[tuple[str, Any]] = []
    if entity == "place":
        place = models.PlaceRow.key == key
        queries = [
            (
                "agreement",
                select(models.AgreementRow.key).join(models.AgreementRow.place).where(place),
            ),
            (
                "aid",
                select(models.AidRow.key)
                .join(models.AidDonorRow, models.AidDonorRow.aid_id == models.AidRow.id)
                .join(models.PlaceRow, models.PlaceRow.id == models.AidDonorRow.place_id)
                .where(place),
            ),
            (
                "activity",
                select(models.ActivityRow.key)
                .join(models.PlaceRow, models.PlaceRow.id == models.ActivityRow.place_id)
                .where(place),
            ),
        ]
    elif entity == "source":
        queries = [
            (user_entity, _citing(user_key, source_id, key))
            for user_entity, user_key, source_id in (
                ("agreement", models.AgreementRow.key, models.AgreementSourceRow.source_id),
                ("agreement", models.AgreementRow.key, models.AgreementExtensionRow.source_id),
                ("aid", models.AidRow.key, models.AidSourceRow.source_id),
                ("activity", models.ActivityRow.key, models.ActivitySourceRow.source_id),
                ("programme", models.ProgrammeRow.key, models.ProgrammeSourceRow.source_id),
            )
        ]
    elif entity == "hromada":
        queries = [
            (
                kind,
                select(mapping.mapping_of(kind).row_type.key).where(
                    mapping.mapping_of(kind).row_type.hromada_code == key
                ),
            )
            for kind in _HROMADA_RECORDS
        ]
    used: set[tuple[str, str]] = set()
    for user_entity, query in queries:
        used |= {(user_entity, user_key) for user_key in (await session.scalars(query))}
    return sorted(used)
