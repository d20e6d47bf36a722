"""The command menus registered with Telegram."""

from __future__ import annotations

from aiogram.methods import SetMyCommands
from aiogram.types import (
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
)

from bot.commands import USER_COMMANDS, register_commands
from bot.local_api import LocalTelegram
from tests.bot_support import Harness, calls_of
from tests.local_api_support import local_bot


async def test_menus_for_each_scope_and_language(harness: Harness) -> None:
    await register_commands(harness.bot, admin_ids=(42,))

    calls: list[SetMyCommands] = calls_of(harness.session.requests, SetMyCommands)
    menus = {(type(call.scope).__name__, call.language_code): call.commands for call in calls}
    private_uk = {
        command.command: command.description
        for command in menus[("BotCommandScopeAllPrivateChats", "uk")]
    }
    private_en = {
        command.command: command.description
        for command in menus[("BotCommandScopeAllPrivateChats", "en")]
    }
    admins = [command.command for command in menus[("BotCommandScopeAllChatAdministrators", "en")]]
    groups = [command.command for command in menus[("BotCommandScopeAllGroupChats", None)]]

    admin_uk = {
        command.command: command.description for command in menus[("BotCommandScopeChat", "uk")]
    }

    assert len(calls) == 12
    assert {type(call.scope) for call in calls} == {
        BotCommandScopeAllPrivateChats,
        BotCommandScopeAllGroupChats,
        BotCommandScopeAllChatAdministrators,
        BotCommandScopeChat,
    }
    assert admin_uk["undo"] == "Скасувати зміну"
    assert "undo" not in private_en
    assert private_en["language"] == "Choose the language"
    assert private_uk["language"] == "Вибрати мову"
    assert "language" in admins
    assert "language" not in groups
    assert "ask" in groups
    assert set(USER_COMMANDS) == {
        "start",
        "help",
        "language",
        "about",
        "ask",
        "nearby",
        "subscribe",
        "unsubscribe",
        "subscriptions",
    }


async def test_admin_commands_go_to_each_admins_private_chat(harness: Harness) -> None:
    await register_commands(harness.bot, admin_ids=(42, 43), admin_commands=(("stats", "Counts"),))

    calls: list[SetMyCommands] = calls_of(harness.session.requests, SetMyCommands)
    personal = [call for call in calls if isinstance(call.scope, BotCommandScopeChat)]
    scopes = [call.scope for call in personal if isinstance(call.scope, BotCommandScopeChat)]

    assert {scope.chat_id for scope in scopes} == {42, 43}
    assert all("stats" in [command.command for command in call.commands] for call in personal)


async def test_a_super_admin_who_never_opened_the_bot_is_skipped_not_fatal(
    local_telegram: LocalTelegram,
) -> None:
    local_telegram.send_message("/start", user_id=42)
    bot = local_bot(local_telegram)
    try:
        pending = await register_commands(bot, admin_ids=(42, 777))
    finally:
        await bot.session.close()

    refused = [call for call in local_telegram.calls_of("setMyCommands") if not call.ok]
    chats = {call.params["scope"]["chat_id"] for call in refused}
    assert pending == [777]
    assert chats == {777}
    assert ('{"chat_id": 42, "type": "chat"}', "en") in local_telegram.commands
    assert ('{"type": "all_private_chats"}', "uk") in local_telegram.commands
