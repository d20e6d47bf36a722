"""Editing a field, concurrent edits, deleting, history and undo, and managing rights."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.methods import DeleteMyCommands, SetMyCommands
from aiogram.types import BotCommandScopeChat
from redis.asyncio import Redis
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.qa.engine import Engine
from tests.admin_support import audit_count
from tests.adminbot_support import (
    EDITOR,
    KHARKIV,
    OTHER_EDITOR,
    REFUSAL,
    SUPER_ADMIN,
    admin_harness,
    admin_services,
    button,
    grant_editor,
    last_buttons,
    stored,
)
from tests.bot_support import Harness, calls_of, sent_texts
from tests.local_api_support import redis_prefix

KOSICE = "kharkiv-kosice-cooperation-2023"
CONFIRM = {"en": "Confirm", "uk": "Підтвердити"}
ME = SUPER_ADMIN
STATUS = {"en": "Status", "uk": "Статус"}
RESTORED_STATUS = {"en": "• Status: (empty) → Active", "uk": "• Статус: (порожньо) → Чинна"}
UNDO_DELETE = {
    "en": f"The agreement {KOSICE} it deleted will be restored:",
    "uk": f"Видалене нею (угода) {KOSICE} буде відновлено:",
}
UNDONE_DELETE = {"en": "Undone: 1 record restored.", "uk": "Скасовано: відновлено 1 запис."}
WILL_BE_REMOVED = {"en": "place {key} will be removed", "uk": "місце {key} буде вилучено"}
UNDONE_ADD = {"en": "Undone: 3 records removed.", "uk": "Скасовано: вилучено 3 записи."}


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _status(engine: AsyncEngine, key: str = KOSICE) -> str:
    document = await stored(engine)
    (agreement,) = [a for a in document.agreements if a.key == key]
    return agreement.status.value


async def _edit_status(admin: Harness, user: int, status: str, lang: str = "en") -> str:
    """Walk /edit to the preview of a new status; the Confirm button's data."""
    calls = await admin.send(f"/edit {KOSICE}", chat_id=user, user_id=user, language_code=lang)
    calls = await admin.click(button(calls, STATUS[lang]), chat_id=user, user_id=user)
    calls = await admin.send(status, chat_id=user, user_id=user, language_code=lang)
    return button(calls, CONFIRM[lang])


@pytest.mark.parametrize(
    ("lang", "wrong", "error", "word", "line"),
    [
        (
            "en",
            "sleeping",
            "“sleeping” is not a status.",
            "suspended",
            "• Status: Active → Suspended",
        ),
        ("uk", "спить", "«спить» — не статус.", "призупинена", "• Статус: Чинна → Призупинена"),
    ],
)
async def test_editing_a_field_checks_the_value_and_previews_the_change(
    admin: Harness,
    seeded_engine: AsyncEngine,
    lang: str,
    wrong: str,
    error: str,
    word: str,
    line: str,
) -> None:
    user = SUPER_ADMIN
    calls = await admin.send(f"/edit {KOSICE}", chat_id=user, user_id=user, language_code=lang)
    calls = await admin.click(button(calls, STATUS[lang]), chat_id=user, user_id=user)
    (reply,) = sent_texts(await admin.send(wrong, chat_id=user, user_id=user, language_code=lang))
    assert error in reply

    calls = await admin.send(word, chat_id=user, user_id=user, language_code=lang)
    assert line in sent_texts(calls)[0]
    assert await _status(seeded_engine) == "active"
    await admin.click(button(calls, CONFIRM[lang]), chat_id=user, user_id=user)

    assert await _status(seeded_engine) == "suspended"


async def test_the_record_can_be_named_by_hromada_and_partner(admin: Harness) -> None:
    calls = await admin.send("/edit Харків Кошице", chat_id=ME, user_id=ME)

    assert sent_texts(calls)[0].startswith(f"Editing agreement {KOSICE}.")


async def test_the_second_of_two_concurrent_edits_sees_what_changed(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)
    first = await _edit_status(admin, SUPER_ADMIN, "suspended")
    second = await _edit_status(admin, EDITOR, "terminated")
    await admin.click(first, chat_id=ME, user_id=ME)

    calls = await admin.click(second, chat_id=EDITOR, user_id=EDITOR)

    (reply,) = sent_texts(calls)
    assert reply.startswith("Someone changed this record (agreement kharkiv-kosice-cooperation")
    assert "• Status: Active → Suspended" in reply
    assert await _status(seeded_engine) == "suspended"


async def test_an_editor_of_another_hromada_cannot_save(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, OTHER_EDITOR, "UA74020030000069340")
    confirm = await _edit_status(admin, OTHER_EDITOR, "suspended")

    (reply,) = sent_texts(await admin.click(confirm, chat_id=OTHER_EDITOR, user_id=OTHER_EDITOR))

    assert reply == "You may not edit this hromada's records. Nothing was changed."
    assert await _status(seeded_engine) == "active"


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_delete_then_undo_restores_exactly(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    user = SUPER_ADMIN
    expected = await stored(seeded_engine)
    calls = await admin.send(f"/delete {KOSICE}", chat_id=user, user_id=user, language_code=lang)
    assert await stored(seeded_engine) == expected
    await admin.click(button(calls, CONFIRM[lang]), chat_id=user, user_id=user)
    assert KOSICE not in {a.key for a in (await stored(seeded_engine)).agreements}

    calls = await admin.send("/undo", chat_id=user, user_id=user, language_code=lang)
    (preview,) = sent_texts(calls)
    assert UNDO_DELETE[lang] in preview.splitlines()[0]
    assert RESTORED_STATUS[lang] in preview
    calls = await admin.click(
        button(calls, CONFIRM[lang]), chat_id=user, user_id=user, language_code=lang
    )

    assert sent_texts(calls)[0].startswith(UNDONE_DELETE[lang])
    assert await stored(seeded_engine) == expected


async def test_a_place_in_use_is_not_deleted(admin: Harness, seeded_engine: AsyncEngine) -> None:
    calls = await admin.send("/delete sk-kosice", chat_id=ME, user_id=ME)
    audited = await audit_count(seeded_engine)

    calls = await admin.click(button(calls, "Confirm"), chat_id=ME, user_id=ME)

    assert sent_texts(calls)[0].startswith("Cannot delete place sk-kosice: it is used by")
    assert await audit_count(seeded_engine) == audited


async def test_undo_of_a_change_overtaken_since_is_refused(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    await admin.click(
        await _edit_status(admin, SUPER_ADMIN, "suspended"),
        chat_id=SUPER_ADMIN,
        user_id=SUPER_ADMIN,
    )
    (history,) = sent_texts(await admin.send(f"/history {KOSICE}", chat_id=ME, user_id=ME))
    first_id = int(history.split()[0].lstrip("#"))
    await admin.click(
        await _edit_status(admin, SUPER_ADMIN, "terminated"),
        chat_id=SUPER_ADMIN,
        user_id=SUPER_ADMIN,
    )

    calls = await admin.send(f"/undo {first_id}", chat_id=ME, user_id=ME)

    # Refused at the preview, before any Confirm is offered.
    assert sent_texts(calls)[0].startswith(f"Change #{first_id} cannot be undone")
    assert last_buttons(calls) == []
    assert await _status(seeded_engine) == "terminated"


async def test_history_lists_the_changes_of_one_record(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    await admin.click(
        await _edit_status(admin, SUPER_ADMIN, "suspended"),
        chat_id=SUPER_ADMIN,
        user_id=SUPER_ADMIN,
    )

    (text,) = sent_texts(await admin.send(f"/history {KOSICE}", chat_id=ME, user_id=ME))

    first, *_ = text.splitlines()
    assert f"telegram:{SUPER_ADMIN} · changed: agreement {KOSICE} (1 field)" in first


@pytest.mark.parametrize(
    ("lang", "granted", "revoked"),
    [
        ("en", "User 200 may now edit.", "User 200 may no longer edit."),
        (
            "uk",
            "Користувач 200 тепер може редагувати.",
            "Користувач 200 більше не може редагувати.",
        ),
    ],
)
async def test_a_super_admin_grants_and_revokes_a_hromada_editor(
    admin: Harness, lang: str, granted: str, revoked: str
) -> None:

    async def boss(text: str) -> list[str]:
        return sent_texts(await admin.send(text, chat_id=ME, user_id=ME, language_code=lang))

    (before,) = sent_texts(await admin.send("/history", chat_id=EDITOR, user_id=EDITOR))
    assert before.startswith(REFUSAL["en"])

    assert await boss(f"/grant {EDITOR} Харків") == [granted]
    (listing,) = await boss("/admins")
    assert f"• {EDITOR}: Харківська" in listing or f"• {EDITOR}: Kharkivska" in listing
    assert sent_texts(await admin.send("/history", chat_id=EDITOR, user_id=EDITOR))[0].startswith(
        "#"
    )

    assert await boss(f"/revoke {EDITOR}") == [revoked]
    (refusal,) = sent_texts(await admin.send("/history", chat_id=EDITOR, user_id=EDITOR))
    assert refusal.startswith(REFUSAL["en"])


async def test_a_right_revoked_through_one_replica_is_gone_on_the_others(
    seeded_engine: AsyncEngine, qa_engine: Engine, redis_client: Redis
) -> None:
    """Replicas keep the editors' rights in Redis: what one takes away, the other refuses."""
    prefix = redis_prefix()
    replicas = []
    for _ in range(2):
        services = admin_services(seeded_engine, qa_engine)
        services.share_through(redis_client, prefix)
        replicas.append(admin_harness(services))
    first, second = replicas
    await first.send(f"/grant {EDITOR}", chat_id=ME, user_id=ME)
    (allowed,) = sent_texts(await second.send("/history", chat_id=EDITOR, user_id=EDITOR))

    await first.send(f"/revoke {EDITOR}", chat_id=ME, user_id=ME)
    (refused,) = sent_texts(await second.send("/history", chat_id=EDITOR, user_id=EDITOR))

    assert allowed.startswith("#")
    assert refused.startswith(REFUSAL["en"])


async def test_granting_for_an_unknown_hromada_changes_nothing(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    audited = await audit_count(seeded_engine)

    calls = await admin.send(
        f"/grant {EDITOR} Атлантида", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN
    )

    assert sent_texts(calls) == ["I don't know a hromada called “Атлантида”."]
    assert await audit_count(seeded_engine) == audited


async def test_a_granted_editor_gets_the_editing_menu_and_loses_it_on_revoke(
    admin: Harness,
) -> None:
    granted = await admin.send(f"/grant {EDITOR}", chat_id=ME, user_id=ME)
    revoked = await admin.send(f"/revoke {EDITOR}", chat_id=ME, user_id=ME)

    menus = [call for call in calls_of(granted, SetMyCommands) if call.language_code == "uk"]
    (menu,) = menus
    names = [command.command for command in menu.commands]
    assert isinstance(menu.scope, BotCommandScopeChat)
    assert menu.scope.chat_id == EDITOR
    assert "edit" in names
    assert "grant" not in names
    assert len(calls_of(revoked, DeleteMyCommands)) == 3


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_undo_of_a_one_line_add_removes_the_place_and_source_it_brought(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    expected = await stored(seeded_engine)
    calls = await admin.send(
        "/add_agreement Харків | Бидгощ | Польща | twinning | 06.2023 | Лист міського голови",
        chat_id=ME,
        user_id=ME,
        language_code=lang,
    )
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)
    assert "pl-bydhoshch" in {place.key for place in (await stored(seeded_engine)).places}

    calls = await admin.send("/undo", chat_id=ME, user_id=ME, language_code=lang)
    (preview,) = sent_texts(calls)
    assert WILL_BE_REMOVED[lang].format(key="pl-bydhoshch") in preview
    calls = await admin.click(
        button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang
    )

    (done,) = sent_texts(calls)
    assert done.startswith(UNDONE_ADD[lang])
    assert await stored(seeded_engine) == expected


NOTES_FIELD = {"en": "Notes", "uk": "Примітки"}
TYPED_NOTE = {"en": "Renewed at the forum in Lublin.", "uk": "Продовжено на форумі в Любліні."}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_an_edited_note_changes_its_own_language_only(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    (before,) = [a for a in (await stored(seeded_engine)).agreements if a.key == KOSICE]
    calls = await admin.send(f"/edit {KOSICE}", chat_id=ME, user_id=ME, language_code=lang)
    calls = await admin.click(button(calls, NOTES_FIELD[lang]), chat_id=ME, user_id=ME)
    calls = await admin.send(TYPED_NOTE[lang], chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME)

    (after,) = [a for a in (await stored(seeded_engine)).agreements if a.key == KOSICE]
    other = "uk" if lang == "en" else "en"
    assert after.notes is not None
    assert getattr(after.notes, lang) == TYPED_NOTE[lang]
    kept = None if before.notes is None else getattr(before.notes, other)
    assert getattr(after.notes, other) == kept
