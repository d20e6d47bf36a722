"""`run` and `webhook`: the bot on Telegram."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.context import CommandContext
from knowledge.bootstrap import prepare_database
from knowledge.database import create_engine


def register(commands: Any) -> None:
    """Add the `run` and `webhook` commands."""
    run = commands.add_parser("run", help="run the bot with Telegram long polling")
    run.set_defaults(handler=run_polling)
    webhook = commands.add_parser("webhook", help="run the bot behind a webhook (aiohttp)")
    webhook.set_defaults(handler=run_webhook)


async def _prepare(context: CommandContext) -> None:
    _ = context.gettext
    engine = create_engine(context.settings.database_url)
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
            "Without a token you can still ask the knowledge base from the terminal:"
            " python -m bot kb stats"
        )
    )


async def _start(context: CommandContext) -> int:
    _ = context.gettext
    await _prepare(context)
    if context.settings.bot_token is None:
        # Not a failure: it is how a newcomer's first run ends, with the next step spelt out.
        _explain_missing_token(context)
        return 0
    context.complain(
        _(
            "The knowledge base is ready, but this version cannot talk to Telegram yet."
            " Use the kb commands in the meantime."
        )
    )
    return 1


async def run_polling(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Long polling."""
    return await _start(context)


async def run_webhook(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Webhook server."""
    return await _start(context)
