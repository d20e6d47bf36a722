"""Alembic environment: async engines, batch mode for SQLite, the URL from the settings."""

import asyncio

from alembic import context
from sqlalchemy import Connection

from knowledge.store.engines import create_engine
from knowledge.store.models import Base

config = context.config


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite can alter tables only by copying them.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_with_own_engine() -> None:
    # Imported here so that migrating through `python -m bot db` never reads settings twice.
    from bot.settings import Settings

    engine = create_engine(Settings().database_url.get_secret_value())
    async with engine.connect() as connection:
        await connection.run_sync(run_migrations)
    await engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Offline (SQL script) migrations are not supported; run them on a database.")

given_connection = config.attributes.get("connection")
if given_connection is not None:
    run_migrations(given_connection)
else:
    asyncio.run(run_with_own_engine())
