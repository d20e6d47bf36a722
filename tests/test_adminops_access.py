"""Who may use the file, backup, log and channel commands; /channel and /publish."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram.methods import SendDocument, SendMessage
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.commands import ADMIN_COMMANDS
from bot.deeplinks import hromada_payload
from bot.handlers.admin_ops import EDITOR_COMMANDS, SUPER_ADMIN_COMMANDS
from knowledge.qa.engine import Engine
from tests.adminops_support import (
    EDITOR,
    KHARKIV,
    STRANGER,
    SUPER_ADMIN,
    FileHarness,
    admin_services,
    admin_settings_rows,
    audit_count,
    file_harness,
    grant_editor,
    import_rows,
    stored,
)
from tests.bot_support import GROUP_ID, calls_of, keyboard_buttons, sent_texts

REFUSAL = {
    "en": "Sorry, this command is for the knowledge base editors only. Nothing was changed."
    " Ask me a question instead, or send /help.",
    "uk": "Вибачте, ця команда лише для редакторів бази знань. Нічого не змінено."
    " Натомість поставте мені запитання або надішліть /help.",
}
HOW_TO_BECOME_AN_EDITOR = {
    "en": "Your Telegram id is {id}. A super-admin can make you an editor with /grant {id};"
    " whoever runs the bot can make you a super-admin with ADMIN_IDS={id} in its settings.",
    "uk": "Ваш ідентифікатор у Telegram — {id}. Суперадміністратор може зробити вас редактором"
    " командою /grant {id}; той, хто запускає бота, може зробити вас суперадміністратором,"
    " додавши ADMIN_IDS={id} до його налаштувань.",
}
CHANNEL = "@pobratym_news"
GRANT_USAGE = (
    "Write the user's numeric id and, if the right is for one hromada only, its name or code:"
    " /grant 123456789 Kharkiv"
)
ARGUMENTS = {
    "export": "json",
    "import": "",
    "publish": "Kharkiv",
    "backup": "",
    "logchat": "-100777",
    "channel": CHANNEL,
}


@pytest.fixture
async def admins(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[FileHarness]:
    """The bot with SUPER_ADMIN configured; fails on HTML Telegram would reject."""
    driven = file_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _state(engine: AsyncEngine) -> tuple[object, ...]:
    return (await stored(engine), await audit_count(engine), await admin_settings_rows(engine))


def test_every_command_is_in_the_admins_menu() -> None:
    menu = {name for name, _ in ADMIN_COMMANDS}

    assert set(EDITOR_COMMANDS) | set(SUPER_ADMIN_COMMANDS) <= menu


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("command", [*EDITOR_COMMANDS, *SUPER_ADMIN_COMMANDS])
async def test_a_stranger_is_refused_every_command_and_nothing_changes(
    admins: FileHarness, seeded_engine: AsyncEngine, command: str, lang: str
) -> None:
    before = await _state(seeded_engine)

    text = f"/{command} {ARGUMENTS[command]}".strip()
    calls = await admins.send(text, chat_id=STRANGER, user_id=STRANGER, language_code=lang)

    how_to = HOW_TO_BECOME_AN_EDITOR[lang].format(id=STRANGER)
    assert sent_texts(calls) == [f"{REFUSAL[lang]}\n{how_to}"]
    assert calls_of(calls, SendDocument) == []
    assert await _state(seeded_engine) == before


@pytest.mark.parametrize("command", SUPER_ADMIN_COMMANDS)
async def test_an_editor_is_refused_the_super_admins_commands(
    admins: FileHarness, seeded_engine: AsyncEngine, command: str
) -> None:
    await grant_editor(seeded_engine, EDITOR)
    before = await _state(seeded_engine)

    text = f"/{command} {ARGUMENTS[command]}".strip()
    calls = await admins.send(text, chat_id=EDITOR, user_id=EDITOR)

    how_to = HOW_TO_BECOME_AN_EDITOR["en"].format(id=EDITOR)
    assert sent_texts(calls) == [f"{REFUSAL['en']}\n{how_to}"]
    assert await _state(seeded_engine) == before


async def test_a_strangers_file_is_not_imported(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    before = await _state(seeded_engine)

    calls = await admins.send_document(b"hromada,x\n", "p.csv", user_id=STRANGER)

    assert "Import of" not in " ".join(sent_texts(calls))
    assert admins.session.downloads == []
    assert await _state(seeded_engine) == before


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "/publish now posts to @pobratym_news. Make the bot an administrator there."),
        (
            "uk",
            "Тепер /publish публікує в @pobratym_news. Зробіть бота адміністратором цього каналу.",
        ),
    ],
)
async def test_publish_posts_the_card_to_the_channel_with_a_deep_link(
    admins: FileHarness, lang: str, expected: str
) -> None:
    set_channel = await admins.send(
        f"/channel {CHANNEL}", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )
    calls = await admins.send(
        "/publish Kharkiv", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    # A test post to the channel first: the bot may post there.
    test_post, confirmed = calls_of(set_channel, SendMessage)
    assert test_post.chat_id == CHANNEL
    assert confirmed.text == expected
    post, confirmation = calls_of(calls, SendMessage)
    assert post.chat_id == CHANNEL
    assert post.text.startswith("<b>Харків")  # the channel speaks the default language, uk
    assert keyboard_buttons(post.reply_markup) == [
        ("Запитати бота", f"https://t.me/pobratym_test_bot?start={hromada_payload(KHARKIV)}")
    ]
    assert confirmation.chat_id == SUPER_ADMIN


async def test_publish_a_digest_of_new_agreements(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await admins.send(f"/channel {CHANNEL}", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)
    nothing = await admins.send(
        "/publish Kharkiv digest", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN
    )
    await import_rows(seeded_engine, "Kharkiv,Jelgava,Latvia,twinning,active,2019-05,,Letter,,,")
    await admins.services.reload_knowledge()

    calls = await admins.send("/publish Kharkiv digest", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)

    assert sent_texts(nothing) == ["Nothing new in the last 30 days."]
    post, confirmation = calls_of(calls, SendMessage)
    assert post.chat_id == CHANNEL
    # What the first start loaded is not news: only the new agreement is listed.
    assert post.text == "<b>Харківська громада: що нового</b>\n• Елґава — побратимство"
    assert keyboard_buttons(post.reply_markup)[0][1] == (
        f"https://t.me/pobratym_test_bot?start={hromada_payload(KHARKIV)}"
    )
    assert confirmation.text == f"Posted to {CHANNEL}."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/publish Kharkiv", "No channel is set. A super-admin sets it with /channel."),
        ("/publish", "Name the hromada, such as /publish Kharkiv digest."),
        ("/channel", "No channel is set. Send /channel @name or /channel -100… to set one."),
        (
            "/channel news feed",
            "Send the channel as @name or as its numeric id, such as -1001234567890.",
        ),
        ("/logchat here", "Send a chat id, such as /logchat -1001234567890, or /logchat off."),
        # Numbers no chat, user or change can have are refused before they reach Telegram or
        # the database (whose integers they would overflow).
        ("/logchat 0", "Send a chat id, such as /logchat -1001234567890, or /logchat off."),
        (
            "/logchat -99999999999999999999999",
            "Send a chat id, such as /logchat -1001234567890, or /logchat off.",
        ),
        (
            "/channel 99999999999999999999999",
            "Send the channel as @name or as its numeric id, such as -1001234567890.",
        ),
        ("/grant -5", GRANT_USAGE),
        ("/grant 0 Kharkiv", GRANT_USAGE),
        ("/grant 99999999999999999999999 Харків", GRANT_USAGE),
        ("/grant ²", GRANT_USAGE),
        ("/revoke 99999999999999999999999", GRANT_USAGE.replace("/grant", "/revoke")),
        ("/undo 99999999999999999999", "Send the change number, such as /undo 42."),
        ("/undo 0", "Send the change number, such as /undo 42."),
    ],
)
async def test_wrong_or_missing_input_is_explained_and_nothing_stored(
    admins: FileHarness, seeded_engine: AsyncEngine, text: str, expected: str
) -> None:
    before = await _state(seeded_engine)

    calls = await admins.send(text, chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)

    assert sent_texts(calls) == [expected]
    assert await _state(seeded_engine) == before


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", GRANT_USAGE),
        (
            "uk",
            "Напишіть числовий ідентифікатор користувача і, якщо право лише для однієї громади,"
            " її назву чи код: /grant 123456789 Харків",
        ),
    ],
)
async def test_a_group_id_cannot_be_made_an_editor(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str, expected: str
) -> None:
    before = await _state(seeded_engine)

    calls = await admins.send(
        "/grant -1001234567890 Kharkiv",
        chat_id=SUPER_ADMIN,
        user_id=SUPER_ADMIN,
        language_code=lang,
    )

    assert sent_texts(calls) == [expected]
    assert await _state(seeded_engine) == before
    listed = await admins.send("/admins", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)
    assert "-1001234567890" not in sent_texts(listed)[0]


async def test_an_editor_of_another_hromada_may_not_publish_kharkiv(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await admins.send(f"/channel {CHANNEL}", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)
    await grant_editor(seeded_engine, EDITOR, "UA46060250000025047")  # Lviv

    calls = await admins.send("/publish Kharkiv", chat_id=EDITOR, user_id=EDITOR)

    assert sent_texts(calls) == ["You may not edit this hromada's records. Nothing was changed."]
    assert [call.chat_id for call in calls_of(calls, SendMessage)] == [EDITOR]


@pytest.mark.parametrize("command", ["export", "import", "publish Kharkiv", "backup", "channel"])
async def test_an_admin_in_a_group_is_sent_to_the_private_chat(
    admins: FileHarness, seeded_engine: AsyncEngine, command: str
) -> None:
    before = await _state(seeded_engine)

    calls = await admins.send(f"/{command}", chat_id=GROUP_ID, user_id=SUPER_ADMIN)

    assert sent_texts(calls) == ["Send this command in your private chat with me."]
    assert calls_of(calls, SendDocument) == []
    assert await _state(seeded_engine) == before
