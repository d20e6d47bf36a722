"""`run`, `webhook` and `chat`: the bot on Telegram, or in the terminal."""

from __future__ import annotations

import argparse
import logging
import sys
from typing import Any

from bot.cli.context import CommandContext
from knowledge.store.bootstrap import prepare_database
from knowledge.store.engines import create_engine

logger = logging.getLogger(__name__)


def register(commands: Any) -> None:
    """Add the `run`, `webhook` and `chat` commands."""
    run = commands.add_parser(
        "run",
        help="run the bot with Telegram long polling (without BOT_TOKEN: the local chat)",
    )
    run.set_defaults(handler=run_polling)
    webhook = commands.add_parser("webhook", help="run the bot behind a webhook (aiohttp)")
    webhook.set_defaults(handler=run_webhook)
    chat = commands.add_parser(
        "chat", help="talk to the bot in the terminal, through a local Telegram Bot API"
    )
    chat.add_argument(
        "--admin",
        action="store_true",
        help="make the local user a super-admin of the bot, to try the editors' commands",
    )
    chat.set_defaults(handler=run_chat)


async def _prepare(context: CommandContext) -> None:
    _ = context.gettext
    engine = create_engine(context.settings.database_url.get_secret_value())
    try:
        report = await prepare_database(engine)
    finally:
        await engine.dispose()
    if report is not None:
        context.say(_("The knowledge base was empty and has been loaded with the curated data."))


def _explain_missing_token(context: CommandContext) -> None:
    _ = context.gettext
    context.complain(
        _(
            "BOT_TOKEN is not set, so the bot cannot connect to Telegram.\n"
            "To get a token, message @BotFather on Telegram, send /newbot and follow the steps,"
            " then put BOT_TOKEN=<token> in a .env file here or in the environment.\n"
            "Without a token you can talk to the bot in this terminal: python -m bot chat"
            " (or make run in a terminal), and ask the knowledge base: python -m bot kb stats"
        )
    )


async def _serve(context: CommandContext, webhook: bool) -> int:
    # aiogram takes seconds to import; the other commands (kb, db, ask) never pay for it.
    from aiogram.exceptions import TelegramAPIError

    from bot import app

    _ = context.gettext
    settings = context.settings
    app.configure_logging(settings)
    try:
        if webhook:
            await app.run_webhook(settings)
        else:
            await app.run_polling(settings)
    except TelegramAPIError as error:
        # The session already keeps the token out of its errors.
        context.complain(_("Telegram refused the bot: {error}").format(error=error))
        return 1
    return 0


async def run_polling(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Long polling; without a token, the local chat in a terminal."""
    if context.settings.bot_token is None:
        await _prepare(context)
        if sys.stdin.isatty():
            return await run_chat(context, arguments)
        # Not a failure: it is how a newcomer's first run ends, with the next step spelt out.
        _explain_missing_token(context)
        return 0
    return await _serve(context, webhook=False)


async def run_webhook(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Webhook server."""
    _ = context.gettext
    if context.settings.bot_token is None:
        await _prepare(context)
        _explain_missing_token(context)
        return 1
    if context.settings.webhook_base_url is None:
        context.complain(
            _("WEBHOOK_BASE_URL is not set: the address where Telegram reaches this server.")
        )
        return 2
    return await _serve(context, webhook=True)


async def run_chat(context: CommandContext, arguments: argparse.Namespace) -> int:
    """The local chat in the terminal."""
    from bot import terminal_chat  # imports aiogram: see _serve

    await terminal_chat.run_chat(
        context.settings,
        context.translations,
        language_code=context.locale,
        source=sys.stdin,
        output=sys.stdout,
        admin=bool(getattr(arguments, "admin", False)),
    )
    return 0
