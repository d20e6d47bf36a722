"""The command menus Telegram shows, per language and per kind of chat."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from aiogram import Bot
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
)

from knowledge.labels import N_
from knowledge.qa.language import LANGUAGES, Language

# (name, description); descriptions are translated per language when registered.
PRIVATE_COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", N_("Start over, with example questions")),
    ("help", N_("What I know and how to ask")),
    ("language", N_("Choose the language")),
    ("about", N_("Where my knowledge comes from")),
    ("subscribe", N_("Follow a hromada's new partnerships")),
    ("unsubscribe", N_("Stop following a hromada")),
    ("subscriptions", N_("The hromadas you follow")),
)
GROUP_COMMANDS: tuple[tuple[str, str], ...] = (
    ("ask", N_("Ask a question")),
    ("help", N_("What I know and how to ask")),
    ("about", N_("Where my knowledge comes from")),
)
GROUP_ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    *GROUP_COMMANDS,
    ("language", N_("Choose the group's language")),
)
# The bot's own administrators (ADMIN_IDS) get these in their private chats as well.
ADMIN_COMMANDS: tuple[tuple[str, str], ...] = (
    ("new_agreement", N_("Add an agreement step by step")),
    ("add_agreement", N_("Add an agreement in one line")),
    ("new_place", N_("Add a partner place")),
    ("new_source", N_("Add a source")),
    ("new_aid", N_("Add an aid record")),
    ("edit", N_("Edit a record")),
    ("delete", N_("Delete a record")),
    ("history", N_("Recent changes")),
    ("undo", N_("Undo a change")),
    ("cancel", N_("Stop the current dialog")),
    ("admins", N_("Who may edit")),
    ("grant", N_("Let someone edit")),
    ("revoke", N_("Stop someone editing")),
)

# Editors granted with /grant see the editing commands, not the ones managing rights.
RIGHTS_COMMANDS = frozenset({"admins", "grant", "revoke"})
EDITOR_COMMANDS = tuple(
    (name, description) for name, description in ADMIN_COMMANDS if name not in RIGHTS_COMMANDS
)

USER_COMMANDS = tuple(
    dict.fromkeys(name for name, _ in (*PRIVATE_COMMANDS, *GROUP_ADMIN_COMMANDS))
)

# Files, backups, the log chat and the channel; kept as their own list and added to the menu.
ADMIN_OPS_COMMANDS: tuple[tuple[str, str], ...] = (
    ("export", N_("Download the knowledge base as a file")),
    ("import", N_("Import a file, with a preview first")),
    ("publish", N_("Post a hromada's card or news to the channel")),
    ("backup", N_("A backup of the database")),
    ("logchat", N_("Send the change log to a chat")),
    ("channel", N_("The channel /publish posts to")),
)
ADMIN_COMMANDS = (*ADMIN_COMMANDS, *ADMIN_OPS_COMMANDS)


def _menu(lang: Language, commands: Iterable[tuple[str, str]]) -> list[BotCommand]:
    return [
        BotCommand(command=name, description=lang.gettext(description))
        for name, description in commands
    ]


async def register_commands(
    bot: Bot, admin_ids: Sequence[int], admin_commands: Sequence[tuple[str, str]] = ADMIN_COMMANDS
) -> None:
    """setMyCommands for private chats, groups and group administrators, in each language.

    The default (no language_code) menu is Ukrainian, the residents' language.
    """
    for code in (None, *LANGUAGES):
        lang = Language(code or "uk")
        await bot.set_my_commands(
            _menu(lang, PRIVATE_COMMANDS),
            scope=BotCommandScopeAllPrivateChats(),
            language_code=code,
        )
        await bot.set_my_commands(
            _menu(lang, GROUP_COMMANDS), scope=BotCommandScopeAllGroupChats(), language_code=code
        )
        await bot.set_my_commands(
            _menu(lang, GROUP_ADMIN_COMMANDS),
            scope=BotCommandScopeAllChatAdministrators(),
            language_code=code,
        )
        if admin_commands:
            for admin_id in admin_ids:
                await bot.set_my_commands(
                    _menu(lang, (*PRIVATE_COMMANDS, *admin_commands)),
                    scope=BotCommandScopeChat(chat_id=admin_id),
                    language_code=code,
                )


async def set_editor_menu(bot: Bot, user_id: int, editor: bool) -> None:
    """Show an editor the editing commands in their private chat, or take them away."""
    for code in (None, *LANGUAGES):
        scope = BotCommandScopeChat(chat_id=user_id)
        if editor:
            lang = Language(code or "uk")
            menu = _menu(lang, (*PRIVATE_COMMANDS, *EDITOR_COMMANDS))
            await bot.set_my_commands(menu, scope=scope, language_code=code)
        else:
            await bot.delete_my_commands(scope=scope, language_code=code)
