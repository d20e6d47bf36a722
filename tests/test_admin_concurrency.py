"""Two admins confirming edits of one record at once: one is saved, the other told it changed.

Run on SQLite and PostgreSQL alike, and the audit log stays a chain: each entry's `before` is
the state the previous entry left.
"""

from __future__ import annotations

import asyncio
import itertools
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin.editing import (
    EditConflictError,
    SaveResult,
    load_for_edit,
    save_record,
    with_changes,
)
from knowledge.facts.documents import AgreementDoc
from knowledge.store import models
from tests.admin_support import SUPER_ADMIN, person, seed, sessions

ROUNDS = 6


async def _agreement(engine: AsyncEngine) -> AgreementDoc:
    async with sessions(engine)() as session:
        doc = await load_for_edit(session, "agreement", "test-agreement")
    assert isinstance(doc, AgreementDoc)
    return doc


async def _chain(engine: AsyncEngine) -> list[tuple[Any, Any]]:
    async with sessions(engine)() as session:
        entries = await session.scalars(
            select(models.AuditEntryRow)
            .where(models.AuditEntryRow.entity_key == "test-agreement")
            .order_by(models.AuditEntryRow.id)
        )
        return [(entry.before, entry.after) for entry in entries]


async def test_simultaneous_confirms_save_one_and_refuse_the_other(engine: AsyncEngine) -> None:
    await seed(engine)
    for round_number in range(ROUNDS):
        seen = await _agreement(engine)

        async def save(seen: AgreementDoc = seen, **changes: Any) -> object:
            async with sessions(engine)() as session:
                return await save_record(
                    session, with_changes(seen, **changes), person(SUPER_ADMIN), seen
                )

        outcomes = await asyncio.gather(
            save(term_years=round_number + 1),
            save(notes={"uk": f"Правка {round_number}", "en": f"Edit {round_number}"}),
            return_exceptions=True,
        )

        saved = [item for item in outcomes if isinstance(item, SaveResult)]
        conflicts = [item for item in outcomes if isinstance(item, EditConflictError)]
        assert (len(saved), len(conflicts)) == (1, 1), outcomes
        assert conflicts[0].changes != []

    chain = await _chain(engine)
    assert len(chain) == 1 + ROUNDS
    for (_, previous_after), (before, _) in itertools.pairwise(chain):
        assert before == previous_after
    assert chain[-1][1] == (await _agreement(engine)).model_dump(mode="json")
