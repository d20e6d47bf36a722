"""Every admin command and button, tried by someone without the right: refused, nothing changes."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.callbacks import AdminConfirm, DialogMove, Move, RecordPick, StepPick
from bot.commands import ADMIN_COMMANDS as MENU_COMMANDS
from knowledge.qa.engine import Engine
from tests.admin_support import audit_count
from tests.adminbot_support import (
    EDITOR,
    KHARKIV,
    REFUSAL,
    STRANGER,
    SUPER_ADMIN,
    admin_harness,
    admin_services,
    alerts,
    button,
    grant_editor,
    stored,
)
from tests.bot_support import Harness, sent_texts

ADMIN_COMMANDS = [
    "/admins",
    "/grant 555",
    "/revoke 200",
    "/add_agreement Харків | Бидгощ | PL | twinning | active | 2023 | Лист",
    "/new_agreement",
    "/new_place",
    "/new_source",
    "/new_aid",
    "/edit kharkiv-kosice-cooperation-2023",
    "/delete kharkiv-kosice-cooperation-2023",
    "/history",
    "/undo",
    "/cancel",
]


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("command", ADMIN_COMMANDS)
async def test_a_stranger_is_refused_and_nothing_changes(
    admin: Harness, seeded_engine: AsyncEngine, command: str, lang: str
) -> None:
    expected = await stored(seeded_engine)
    audited = await audit_count(seeded_engine)

    calls = await admin.send(command, chat_id=STRANGER, user_id=STRANGER, language_code=lang)

    (text,) = sent_texts(calls)
    assert text.startswith(REFUSAL[lang])
    assert await stored(seeded_engine) == expected
    assert await audit_count(seeded_engine) == audited


@pytest.mark.parametrize("command", ["/admins", "/grant 555", "/revoke 200"])
async def test_an_editor_may_not_manage_rights(
    admin: Harness, seeded_engine: AsyncEngine, command: str
) -> None:
    await grant_editor(seeded_engine, EDITOR)
    audited = await audit_count(seeded_engine)

    calls = await admin.send(command, chat_id=EDITOR, user_id=EDITOR)

    assert sent_texts(calls)[0].startswith(REFUSAL["en"])
    assert await audit_count(seeded_engine) == audited


@pytest.mark.parametrize(
    "data",
    [
        AdminConfirm(ok=True).pack(),
        AdminConfirm(ok=False).pack(),
        StepPick(step=3, index=0).pack(),
        RecordPick(index=0).pack(),
        DialogMove(move=Move.BACK, step=1).pack(),
    ],
)
async def test_a_strangers_button_press_is_refused(
    admin: Harness, seeded_engine: AsyncEngine, data: str
) -> None:
    expected = await stored(seeded_engine)

    calls = await admin.click(data, chat_id=STRANGER, user_id=STRANGER)

    assert alerts(calls) == [REFUSAL["en"] + " Ask me a question instead, or send /help."]
    assert await stored(seeded_engine) == expected


async def test_a_revoked_editor_is_stopped_at_the_next_step(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, EDITOR)
    await admin.send(
        "/add_agreement Харків | Кошице | SK | memorandum | active | 2025 | test",
        chat_id=EDITOR,
        user_id=EDITOR,
    )
    calls = await admin.send(
        "/delete kharkiv-kosice-cooperation-2023", chat_id=EDITOR, user_id=EDITOR
    )
    confirm = button(calls, "Confirm")
    await admin.send(f"/revoke {EDITOR}", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)
    expected = await stored(seeded_engine)

    calls = await admin.click(confirm, chat_id=EDITOR, user_id=EDITOR)

    assert alerts(calls) == [REFUSAL["en"] + " Ask me a question instead, or send /help."]
    assert await stored(seeded_engine) == expected


async def test_a_group_message_is_not_an_admin_command(admin: Harness) -> None:
    calls = await admin.send("/history", chat_id=-100500, user_id=SUPER_ADMIN)

    assert not any(text.startswith("#") for text in sent_texts(calls))


@pytest.mark.parametrize(
    ("lang", "heading", "order"),
    [
        ("en", "For editors:", "hromada | partner place | country | kind | status | signed"),
        ("uk", "Для редакторів:", "громада | місто-партнер | країна | вид | статус | підписано"),
    ],
)
async def test_help_shows_the_one_line_form_to_editors_only(
    admin: Harness, lang: str, heading: str, order: str
) -> None:
    (editor_help,) = sent_texts(
        await admin.send("/help", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang)
    )
    (resident_help,) = sent_texts(
        await admin.send("/help", chat_id=STRANGER, user_id=STRANGER, language_code=lang)
    )

    assert heading in editor_help
    assert order in editor_help
    assert editor_help.startswith(resident_help)
    assert heading not in resident_help


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_help_lists_every_command_an_editor_may_use(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)

    (super_help,) = sent_texts(
        await admin.send("/help", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang)
    )
    (editor_help,) = sent_texts(
        await admin.send("/help", chat_id=EDITOR, user_id=EDITOR, language_code=lang)
    )

    for name, _description in MENU_COMMANDS:
        assert f"/{name}:" in super_help
    for name in ("new_agreement", "edit", "undo", "unanswered", "import", "export", "extract"):
        assert f"/{name}:" in editor_help
    for name in ("grant", "revoke", "admins", "backup"):
        assert f"/{name}:" not in editor_help
    assert ".xlsx" in editor_help
