"""The command menus Telegram shows, per language and per kind of chat."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllChatAdministrators,
    BotCommandScopeAllGroupChats,
    BotCommandScopeAllPrivateChats,
    BotCommandScopeChat,
)

from knowledge.facts.messages import N_
from knowledge.render.lang import LANGUAGES, Language

logger = logging.getLogger(__name__)

# (name, description); descriptions are translated per language when registered.
PRIVATE_COMMANDS: tuple[tuple[str, str], ...] = (
    ("start", N_("Start over, with example questions")),
    ("help", N_("What I know and how to ask")),
    ("language", N_("Choose the language")),
    ("about", N_("Where my knowledge comes from")),
    ("nearby", N_("Partnerships of the hromada where you are")),
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
    ("extract", N_("Facts from a document, a post or a text")),
    ("edit", N_("Edit a record")),
    ("delete", N_("Delete a record")),
    ("history", N_("Recent changes")),
    ("undo", N_("Undo a change")),
    ("unanswered", N_("Questions I could not answer")),
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
) -> list[int]:
    """setMyCommands for private chats, groups and group administrators, in each language, and
    each super-admin's own menu; the super-admins whose menu could not be set yet.

    The default (no language_code) menu is Ukrainian, the residents' language. No failure is
    fatal: a super-admin who never opened the bot has no chat Telegram could show a menu in.
    """
    scopes = (
        (BotCommandScopeAllPrivateChats(), PRIVATE_COMMANDS),
        (BotCommandScopeAllGroupChats(), GROUP_COMMANDS),
        (BotCommandScopeAllChatAdministrators(), GROUP_ADMIN_COMMANDS),
    )
    try:
        for code in (None, *LANGUAGES):
            lang = Language(code or "uk")
            for scope, commands in scopes:
                await bot.set_my_commands(_menu(lang, commands), scope=scope, language_code=code)
    except TelegramAPIError as error:
        logger.warning("The command menus could not be set: %s", type(error).__name__)
    if not admin_commands:
        return []
    return [
        admin_id
        for admin_id in admin_ids
        if not await set_chat_menu(bot, admin_id, (*PRIVATE_COMMANDS, *admin_commands))
    ]


async def set_chat_menu(bot: Bot, chat_id: int, commands: Sequence[tuple[str, str]]) -> bool:
    """A private chat's own menu in every language; False when Telegram refused it (a user who
    never opened the bot, or blocked it, has no chat to show it in), logged and skipped."""
    scope = BotCommandScopeChat(chat_id=chat_id)
    try:
        for code in (None, *LANGUAGES):
            menu = _menu(Language(code or "uk"), commands)
            await bot.set_my_commands(menu, scope=scope, language_code=code)
    except TelegramAPIError as error:
        logger.info("No menu for chat %s yet: %s", chat_id, type(error).__name__)
        return False
    return True


async def set_editor_menu(bot: Bot, user_id: int, editor: bool) -> bool:
    """Show an editor the editing commands in their private chat, or take them away; False
    when Telegram refused (the user never opened the bot), logged and skipped."""
    if editor:
        return await set_chat_menu(bot, user_id, (*PRIVATE_COMMANDS, *EDITOR_COMMANDS))
    scope = BotCommandScopeChat(chat_id=user_id)
    try:
        for code in (None, *LANGUAGES):
            await bot.delete_my_commands(scope=scope, language_code=code)
    except TelegramAPIError as error:
        logger.info("No menu to take away in chat %s: %s", user_id, type(error).__name__)
        return False
    return True
