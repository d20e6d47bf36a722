"""`db upgrade | downgrade | current`: the schema's migrations; `db migrate-to URL`: the whole
database moved to another server."""

from __future__ import annotations

import argparse
from collections.abc import Awaitable, Callable
from typing import Any

from babel.numbers import format_decimal
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.cli.context import CommandContext
from knowledge.store.engines import SUPPORTED_DRIVERS, create_engine, shown_url
from knowledge.store.first_start import preparing
from knowledge.store.schema_head import schema_is_current
from knowledge.store.transfer import TargetNotEmptyError, TransferMismatchError, copy_database


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
    move = actions.add_parser(
        "migrate-to", help="copy every record to another, empty database (e.g. PostgreSQL)"
    )
    move.add_argument("url", help="the target's URL, e.g. postgresql+asyncpg://user@host/db")
    move.set_defaults(handler=migrate_to)
    current = actions.add_parser("current", help="show the database's revision")
    current.set_defaults(handler=show_revision)


async def _migrate_and_report(
    context: CommandContext, migrate: Callable[[AsyncEngine], Awaitable[None]]
) -> int:
    from knowledge.store import migrations

    _ = context.gettext
    engine = create_engine(context.settings.database_url.get_secret_value())
    try:
        # A bot starting meanwhile waits for the migration rather than racing in it.
        async with preparing(engine):
            await migrate(engine)
        revision = await migrations.current_revision(engine)
    except migrations.UnknownRevisionError as error:
        context.complain(
            _(
                "There is no revision {revision} to migrate to from here; nothing was changed."
                " Where the database is now: python -m bot db current"
            ).format(revision=error.revision)
        )
        return 2
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


def target_url(text: str) -> URL:
    """The target's URL with the async driver the bot uses (`postgresql://` means asyncpg);
    ValueError for anything else."""
    try:
        url = make_url(text)
    except ArgumentError as error:
        raise ValueError(text) from error
    drivers = {"postgresql": "postgresql+asyncpg", "sqlite": "sqlite+aiosqlite"}
    url = url.set(drivername=drivers.get(url.drivername, url.drivername))
    if url.drivername not in SUPPORTED_DRIVERS:
        raise ValueError(url.drivername)
    return url


async def migrate_to(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Copy the whole database to the empty one at `arguments.url` and verify the copy."""
    from knowledge.store import migrations

    _ = context.gettext
    try:
        url = target_url(arguments.url)
    except ValueError:
        context.complain(_("That is not a database URL the bot can use."))
        return 2
    shown = shown_url(url)
    source = create_engine(context.settings.database_url.get_secret_value())
    target = create_engine(url)
    try:
        if not await schema_is_current(source):
            context.complain(_("Upgrade this database first: python -m bot db upgrade"))
            return 1
        await migrations.upgrade(target)
        report = await copy_database(source, target)
    except TargetNotEmptyError:
        context.complain(_("{url} already holds records; nothing was copied.").format(url=shown))
        return 1
    except TransferMismatchError as error:
        context.complain(
            _("The copy differs from the original, so nothing was kept: {differences}").format(
                differences="; ".join(error.differences)
            )
        )
        return 1
    except (OSError, DBAPIError) as error:
        context.complain(
            _("Cannot reach {url}: {problem}").format(url=shown, problem=type(error).__name__)
        )
        return 1
    finally:
        await source.dispose()
        await target.dispose()
    copied = context.ngettext(
        "Copied {rows} record to {url}; the full exports of both databases are equal.",
        "Copied {rows} records to {url}; the full exports of both databases are equal.",
        report.total,
    )
    context.say(copied.format(rows=format_decimal(report.total, locale=context.locale), url=shown))
    context.say(_("Set DATABASE_URL to the new database and restart the bot."))
    return 0
