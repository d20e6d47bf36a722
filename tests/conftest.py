"""Shared fixtures: migrated databases on SQLite files and on a real PostgreSQL server."""

from __future__ import annotations

import asyncio
import os
import shutil
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import pytest
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import BotServices
from knowledge.extraction import Extractor, PlaceNames
from knowledge.qa.engine import Engine
from knowledge.qa.startup import engine_from_database
from knowledge.store import migrations
from knowledge.store.bootstrap import prepare_database
from knowledge.store.curated import curated_document
from knowledge.store.engines import create_engine
from tests.bot_support import TODAY, Harness, build_harness, settings_for

POSTGRES_URL_VARIABLE = "POBRATYM_TEST_POSTGRES_URL"
DEFAULT_POSTGRES_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the tests that need PostgreSQL, so `-m "not postgres"` can leave them out."""
    for item in items:
        if "postgres" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.postgres)


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    """The URL of a SQLite file that does not exist yet."""
    return f"sqlite+aiosqlite:///{tmp_path / 'knowledge.sqlite3'}"


async def _create_postgres_database() -> tuple[str, str]:
    server_url = make_url(os.environ.get(POSTGRES_URL_VARIABLE, DEFAULT_POSTGRES_URL))
    name = f"pobratym_test_{uuid.uuid4().hex[:12]}"
    try:
        connection = await asyncpg.connect(
            host=server_url.host,
            port=server_url.port,
            user=server_url.username,
            password=server_url.password,
            database=server_url.database,
        )
    except (OSError, asyncpg.PostgresError) as error:
        # A missing server fails the run loudly: these tests are never skipped in silence.
        pytest.fail(
            f"PostgreSQL is not reachable at {server_url.render_as_string(hide_password=True)}"
            f" ({error}). Start it, or point {POSTGRES_URL_VARIABLE} at one, or deselect"
            ' these tests with -m "not postgres".'
        )
    try:
        await connection.execute(f'CREATE DATABASE "{name}"')
    finally:
        await connection.close()
    return server_url.set(database=name).render_as_string(hide_password=False), name


async def _drop_postgres_database(name: str) -> None:
    server_url = make_url(os.environ.get(POSTGRES_URL_VARIABLE, DEFAULT_POSTGRES_URL))
    connection = await asyncpg.connect(
        host=server_url.host,
        port=server_url.port,
        user=server_url.username,
        password=server_url.password,
        database=server_url.database,
    )
    try:
        await connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await connection.close()


@pytest.fixture
async def postgres() -> AsyncIterator[str]:
    """The URL of a new, empty PostgreSQL database, dropped after the test."""
    url, name = await _create_postgres_database()
    try:
        yield url
    finally:
        await _drop_postgres_database(name)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, sqlite_url: str) -> AsyncIterator[str]:
    """An empty database of each supported kind."""
    if request.param == "sqlite":
        yield sqlite_url
        return
    url, name = await _create_postgres_database()
    try:
        yield url
    finally:
        await _drop_postgres_database(name)


@pytest.fixture
async def empty_engine(database_url: str) -> AsyncIterator[AsyncEngine]:
    """An engine on an empty database of each supported kind."""
    engine = create_engine(database_url)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture
async def engine(empty_engine: AsyncEngine) -> AsyncEngine:
    """An engine on a database migrated to the newest schema, with no data."""
    await migrations.upgrade(empty_engine)
    return empty_engine


@pytest.fixture
async def sqlite_engine(sqlite_url: str) -> AsyncIterator[AsyncEngine]:
    """A migrated SQLite database with no data, for tests about behaviour, not portability."""
    engine = create_engine(sqlite_url)
    await migrations.upgrade(engine)
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def seeded_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A SQLite file migrated and seeded once per run; tests get their own copies."""
    path = tmp_path_factory.mktemp("template") / "seeded.sqlite3"

    async def build() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        try:
            await prepare_database(engine)
        finally:
            await engine.dispose()

    asyncio.run(build())
    return path


@pytest.fixture
async def seeded_engine(seeded_template: Path, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    """A SQLite database holding the shipped knowledge, as a fresh install has it."""
    path = tmp_path / "seeded.sqlite3"
    shutil.copyfile(seeded_template, path)
    engine = create_engine(f"sqlite+aiosqlite:///{path}")
    try:
        yield engine
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
def forms_cache_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Where `qa_engine` keeps the name forms it computed, for bot processes to start from."""
    return tmp_path_factory.mktemp("forms") / "name-forms.json"


@pytest.fixture(scope="session")
def qa_engine(seeded_template: Path, forms_cache_file: Path) -> Engine:
    """The question-answering engine on the shipped knowledge, built once per run."""

    async def build() -> Engine:
        engine = create_engine(f"sqlite+aiosqlite:///{seeded_template}")
        try:
            return await engine_from_database(engine, forms_cache_file)
        finally:
            await engine.dispose()

    return asyncio.run(build())


@pytest.fixture(scope="module")
def curated_engine() -> Engine:
    """The question-answering engine on the curated document alone, built once per module."""
    return Engine.from_document(curated_document())


@pytest.fixture
async def bot_services(seeded_engine: AsyncEngine, qa_engine: Engine) -> BotServices:
    """The bot's services on a copy of the seeded database, with a fixed today."""
    settings = settings_for(seeded_engine.url.render_as_string(hide_password=False))
    return BotServices(settings, seeded_engine, qa_engine, today=lambda: TODAY)


@pytest.fixture
async def harness(bot_services: BotServices) -> AsyncIterator[Harness]:
    """The real bot and dispatcher over a recording session; fails on HTML Telegram rejects."""
    driven = build_harness(bot_services)
    yield driven
    assert driven.session.problems == []


# The local Telegram Bot API and Redis, shared by the transport tests and the end-to-end ones.
from tests.e2e_support import bot_home, prepared_var  # noqa: E402, F401
from tests.local_api_support import local_telegram, redis_client  # noqa: E402, F401
from tests.telegram_support import mode  # noqa: E402, F401


@pytest.fixture(scope="module")
def extractor(qa_engine: Engine) -> Extractor:
    """The document extractor over the seeded base's place names, built once per module."""
    return Extractor(PlaceNames.from_engine(qa_engine))
