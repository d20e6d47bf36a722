"""Moving a deployment's whole database to another server (SQLite to PostgreSQL, typically).

Every table of the schema is copied row by row in one transaction on the target: facts,
sources, the audit log, chat preferences, subscriptions, rights, everything. The copy is then
verified by exporting both databases in full (every row of every table, in primary-key order)
and comparing the exports; a difference is reported, never silently accepted.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, select, text
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from knowledge.store.engines import shown_url
from knowledge.store.models import Base

# Rows go to the target in batches of this many, each one INSERT with many VALUES.
BATCH = 1_000


class TargetNotEmptyError(RuntimeError):
    """Raised when the target database already holds records; nothing was copied."""


class TransferMismatchError(RuntimeError):
    """Raised when the target's full export differs from the source's; `differences` name the
    tables and rows (the target's transaction is rolled back)."""

    def __init__(self, differences: list[str]) -> None:
        super().__init__("; ".join(differences[:5]))
        self.differences = differences


@dataclass(frozen=True)
class TransferReport:
    """How many rows each table held, as copied and verified."""

    rows: dict[str, int]

    @property
    def total(self) -> int:
        """Rows copied in all."""
        return sum(self.rows.values())


def _tables() -> Iterator[Table]:
    # Parents before children, so every foreign key finds its row.
    yield from Base.metadata.sorted_tables


def _comparable(value: Any) -> Any:
    """The same value as either server returns it: SQLite gives naive datetimes in UTC,
    PostgreSQL aware ones."""
    if isinstance(value, dt.datetime) and value.tzinfo is not None:
        return value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


async def export_rows(connection: AsyncConnection, table: Table) -> list[tuple[Any, ...]]:
    """Every row of the table in primary-key order, values made comparable across servers."""
    order = list(table.primary_key.columns) or list(table.columns)
    result = await connection.execute(select(table).order_by(*order))
    return [tuple(_comparable(value) for value in row) for row in result]


async def _count_records(connection: AsyncConnection) -> int:
    total = 0
    for table in _tables():
        total += int(await connection.scalar(select(func.count()).select_from(table)) or 0)
    return total


async def _reset_sequences(connection: AsyncConnection) -> None:
    """On PostgreSQL, move each serial column's sequence past the copied ids, so the next
    record gets a new one."""
    if connection.dialect.name != "postgresql":
        return
    for table in _tables():
        for column in table.primary_key.columns:
            if column.autoincrement is not True and not (
                column.autoincrement == "auto" and column.type.python_type is int
            ):
                continue
            sequence = await connection.scalar(
                text("SELECT pg_get_serial_sequence(:table, :column)"),
                {"table": table.name, "column": column.name},
            )
            if sequence is None:
                continue
            await connection.execute(
                text(
                    f"SELECT setval(:sequence, COALESCE((SELECT MAX({column.name}) FROM"  # noqa: S608 - names from the schema
                    f" {table.name}), 0) + 1, false)"
                ),
                {"sequence": sequence},
            )


async def compare(source: AsyncConnection, target: AsyncConnection) -> list[str]:
    """The differences between two databases' full exports, table by table; [] when equal."""
    differences = []
    for table in _tables():
        theirs = await export_rows(source, table)
        ours = await export_rows(target, table)
        if theirs == ours:
            continue
        missing = len(set(theirs) - set(ours))
        extra = len(set(ours) - set(theirs))
        differences.append(
            f"{table.name}: {len(theirs)} rows in the source, {len(ours)} in the target"
            f" ({missing} missing, {extra} different or extra)"
        )
    return differences


async def copy_database(source: AsyncEngine, target: AsyncEngine) -> TransferReport:
    """Copy every row of `source` into `target` (already migrated to the same schema, and
    empty), then verify the two full exports are equal.

    Raises TargetNotEmptyError when the target holds any record, TransferMismatchError when
    the exports differ; in both cases the target is left as it was.
    """
    rows: dict[str, int] = {}
    async with source.connect() as reading, target.begin() as writing:
        if await _count_records(writing):
            raise TargetNotEmptyError(shown_url(target.url))
        for table in _tables():
            exported = await reading.execute(select(table))
            copied = 0
            while batch := exported.fetchmany(BATCH):
                await writing.execute(table.insert(), [dict(row._mapping) for row in batch])
                copied += len(batch)
            rows[table.name] = copied
        await _reset_sequences(writing)
        differences = await compare(reading, writing)
        if differences:
            raise TransferMismatchError(differences)
    return TransferReport(rows)
