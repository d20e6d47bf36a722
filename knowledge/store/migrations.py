"""Runs the Alembic migrations, which are the only way the schema comes into being."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.store.schema_head import MIGRATIONS_DIR


class UnknownRevisionError(ValueError):
    """A revision Alembic cannot reach from the database's (unknown, or past either end);
    nothing was migrated. `revision` is the one asked for."""

    def __init__(self, revision: str) -> None:
        super().__init__(revision)
        self.revision = revision


def alembic_config(connection: Connection | None = None) -> Config:
    """An Alembic configuration for our scripts, bound to a connection when given one."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def revisions() -> list[str]:
    """Every revision, oldest first."""
    script = ScriptDirectory.from_config(alembic_config())
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    """Upgrade the database to the revision; UnknownRevisionError (nothing changed) for one
    Alembic cannot reach."""
    try:
        async with engine.begin() as connection:
            await connection.run_sync(lambda sync: command.upgrade(alembic_config(sync), revision))
    except CommandError as error:
        raise UnknownRevisionError(revision) from error


async def downgrade(engine: AsyncEngine, revision: str = "-1") -> None:
    """Downgrade the database to the revision (by default, one step); UnknownRevisionError
    (nothing changed) for one Alembic cannot reach."""
    try:
        async with engine.begin() as connection:
            await connection.run_sync(
                lambda sync: command.downgrade(alembic_config(sync), revision)
            )
    except CommandError as error:
        raise UnknownRevisionError(revision) from error


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at, or None for an empty database."""
    async with engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )
