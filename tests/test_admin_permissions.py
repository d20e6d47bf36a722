"""Super-admins grant and revoke editors; every action re-checks the right as it acts."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin import permissions
from knowledge.admin.editing import load_for_edit, save_record
from knowledge.admin.history import recent_changes
from knowledge.admin.permissions import PermissionDeniedError, Refusal, UnknownHromadaError
from knowledge.facts.documents import AgreementDoc
from knowledge.facts.vocabulary import AgreementStatus
from tests import factories
from tests.admin_support import (
    EDITOR,
    OTHER_HROMADA,
    STRANGER,
    SUPER_ADMIN,
    SUPER_ADMINS,
    audit_count,
    exported,
    person,
    seed,
    sessions,
)


@pytest.fixture
async def admin_engine(sqlite_engine: AsyncEngine) -> AsyncEngine:
    await seed(sqlite_engine)
    return sqlite_engine


async def test_a_grant_limited_to_a_hromada_allows_only_that_hromada(
    admin_engine: AsyncEngine,
) -> None:
    async with sessions(admin_engine)() as session:
        granted = await permissions.grant(
            session, person(SUPER_ADMIN), EDITOR, factories.HROMADA_CODE
        )

        assert granted
        assert await permissions.can_edit(session, EDITOR, factories.HROMADA_CODE, SUPER_ADMINS)
        assert not await permissions.can_edit(session, EDITOR, OTHER_HROMADA, SUPER_ADMINS)
        assert not await permissions.can_edit(session, STRANGER, None, SUPER_ADMINS)
        admins = await permissions.list_admins(session, SUPER_ADMINS)
        assert admins.super_admins == SUPER_ADMINS
        assert [(e.user_id, e.hromada_code, e.hromada_name_en) for e in admins.editors] == [
            (EDITOR, factories.HROMADA_CODE, "Kharkivska")
        ]
        [change] = await recent_changes(session, entity="editor", limit=5)
        assert (change.action, change.actor, change.key) == (
            "grant",
            f"telegram:{SUPER_ADMIN}",
            f"{EDITOR}:{factories.HROMADA_CODE}",
        )


async def test_granting_twice_changes_nothing_the_second_time(admin_engine: AsyncEngine) -> None:
    async with sessions(admin_engine)() as session:
        assert await permissions.grant(session, person(SUPER_ADMIN), EDITOR)
        before = await audit_count(admin_engine)
        assert not await permissions.grant(session, person(SUPER_ADMIN), EDITOR)

    assert await audit_count(admin_engine) == before


async def test_an_unrestricted_editor_may_edit_every_hromada(admin_engine: AsyncEngine) -> None:
    async with sessions(admin_engine)() as session:
        await permissions.grant(session, person(SUPER_ADMIN), EDITOR)

        assert await permissions.can_edit(session, EDITOR, OTHER_HROMADA, SUPER_ADMINS)
        assert await permissions.can_edit(session, EDITOR, None, SUPER_ADMINS)


async def test_an_editor_cannot_grant_and_nothing_changes(admin_engine: AsyncEngine) -> None:
    async with sessions(admin_engine)() as session:
        await permissions.grant(session, person(SUPER_ADMIN), EDITOR)
        before = await audit_count(admin_engine)

        with pytest.raises(PermissionDeniedError) as refused:
            await permissions.grant(session, person(EDITOR), STRANGER)

        assert refused.value.refusal is Refusal.NOT_A_SUPER_ADMIN
        assert not await permissions.can_edit(session, STRANGER, None, SUPER_ADMINS)
    assert await audit_count(admin_engine) == before


async def test_granting_an_unknown_hromada_is_refused(admin_engine: AsyncEngine) -> None:
    async with sessions(admin_engine)() as session:
        with pytest.raises(UnknownHromadaError):
            await permissions.grant(session, person(SUPER_ADMIN), EDITOR, "UA00000000000000000")

        assert (await permissions.list_admins(session, SUPER_ADMINS)).editors == []


async def test_a_revoked_editor_is_refused_at_the_next_edit(admin_engine: AsyncEngine) -> None:
    async with sessions(admin_engine)() as session:
        await permissions.grant(session, person(SUPER_ADMIN), EDITOR, factories.HROMADA_CODE)
        seen = await load_for_edit(session, "agreement", "test-agreement")
        assert isinstance(seen, AgreementDoc)

        assert await permissions.revoke(session, person(SUPER_ADMIN), EDITOR) == 1
        with pytest.raises(PermissionDeniedError) as refused:
            await save_record(
                session,
                seen.model_copy(update={"status": AgreementStatus.SUSPENDED}),
                person(EDITOR),
                seen,
            )

        assert refused.value.refusal is Refusal.NOT_AN_EDITOR
        [change] = await recent_changes(session, entity="editor", limit=1)
        assert change.action == "revoke"
    stored = (await exported(admin_engine)).agreements[0]
    assert stored.status is AgreementStatus.ACTIVE


async def test_an_editor_of_another_hromada_is_refused_and_nothing_changes(
    admin_engine: AsyncEngine,
) -> None:
    before = await exported(admin_engine)
    async with sessions(admin_engine)() as session:
        await permissions.grant(session, person(SUPER_ADMIN), EDITOR, OTHER_HROMADA)
        entries = await audit_count(admin_engine)
        seen = await load_for_edit(session, "agreement", "test-agreement")
        assert isinstance(seen, AgreementDoc)

        with pytest.raises(PermissionDeniedError) as refused:
            await save_record(
                session, seen.model_copy(update={"term_years": 5}), person(EDITOR), seen
            )

    assert refused.value.refusal is Refusal.NOT_FOR_THIS_HROMADA
    assert await exported(admin_engine) == before
    assert await audit_count(admin_engine) == entries
