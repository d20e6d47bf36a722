"""`db upgrade | downgrade | current`: the schema's migrations."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cli.context import CommandContext
from knowledge.store.engines import create_engine


def register(commands: Any) -> None:
    """Add the `db` command and its subcommands."""
    parser = commands.add_parser("db", help="migrate the database schema")
    actions = parser.add_subparsers(dest="db_command", required=True, metavar="ACTION")
    upgrade = actions.add_parser("upgrade", help="upgrade to a revision (default: newest)")
    upgrade.add_argument("revision", nargs="?", default="head")
    upgrade.set_defaults(handler=upgrade_database)
    downgrade = actions.add_parser("downgrade", help="downgrade to a revision (default: -1)")
    downgrade.add_argument("revision", nargs="?", default="-1", help="a revision, -1, or base")
    downgrade.set_defaults(handler=downgrade_database)
    current = actions.add_parser("current", help="show the database's revision")
    current.set_defaults(handler=show_revision)


async def _migrate_and_report(
    context: CommandContext, migrate: Callable[[AsyncEngine], Awaitable[None]]
) -> int:
    from knowledge.store import migrations

    _ = context.gettext
    engine = create_engine(context.settings.database_url)
    try:
        await migrate(engine)
        revision = await migrations.current_revision(engine)
    finally:
        await engine.dispose()
    if revision is None:
        context.say(_("The database has no schema now."))
    else:
        context.say(_("The database is at revision {revision}.").format(revision=revision))
    return 0


async def _nothing(engine: AsyncEngine) -> None:
    return None


async def upgrade_database(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Upgrade the schema."""
    from knowledge.store import migrations

    return await _migrate_and_report(
        context, lambda engine: migrations.upgrade(engine, arguments.revision)
    )


async def downgrade_database(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Downgrade the schema."""
    from knowledge.store import migrations

    return await _migrate_and_report(
        context, lambda engine: migrations.downgrade(engine, arguments.revision)
    )


async def show_revision(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Print the schema's revision."""
    return await _migrate_and_report(context, _nothing)
