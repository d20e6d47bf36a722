"""Fixtures of the fault-injection suite: private PostgreSQL and Redis servers it may stop,
kill and restart (never the shared ones), and the table of what each fault did."""

from __future__ import annotations

import asyncio
import os
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from _pytest.terminal import TerminalReporter

from knowledge.store.bootstrap import prepare_database
from knowledge.store.engines import create_engine
from tests.faults.load import FaultReport
from tests.faults.services import PrivatePostgres, PrivateRedis, private_postgres, private_redis

TEMPLATE = "pobratym_template"
LONG_VARIABLE = "POBRATYM_LONG_FAULTS"
_REPORTS: list[FaultReport] = []


def long_faults() -> bool:
    """Whether to run the long variants (outages of 15 s, repeated kills)."""
    return os.environ.get(LONG_VARIABLE, "") not in ("", "0")


@pytest.fixture(scope="session")
def fault_postgres() -> Iterator[PrivatePostgres]:
    """A private PostgreSQL with a migrated, seeded template database."""
    with private_postgres() as server:

        async def seed() -> None:
            await server.execute(f'CREATE DATABASE "{TEMPLATE}"')
            engine = create_engine(server.url(TEMPLATE))
            try:
                await prepare_database(engine)
            finally:
                await engine.dispose()

        asyncio.run(seed())
        yield server


@pytest.fixture
async def fault_database(fault_postgres: PrivatePostgres) -> AsyncIterator[str]:
    """The URL of a database of its own on the private PostgreSQL, a copy of the template."""
    name = f"fault_{uuid.uuid4().hex[:12]}"
    await fault_postgres.execute(f'CREATE DATABASE "{name}" TEMPLATE "{TEMPLATE}"')
    yield fault_postgres.url(name)
    await fault_postgres.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
async def fault_redis() -> AsyncIterator[PrivateRedis]:
    """A private Redis the test may kill and start again."""
    async with private_redis() as server:
        yield server


@pytest.fixture
def fault_report() -> Iterator[list[FaultReport]]:
    """Reports the test adds here appear in the fault table at the end of the run."""
    reports: list[FaultReport] = []
    yield reports
    _REPORTS.extend(reports)


def pytest_terminal_summary(terminalreporter: TerminalReporter) -> None:
    """The fault table: per fault, what became of the updates sent."""
    if not _REPORTS:
        return
    terminalreporter.section("faults under load")
    for report in _REPORTS:
        terminalreporter.write_line(report.line())


def bot_log(home: Path) -> str:
    """Everything the bot processes in `home` logged."""
    return "\n".join(path.read_text(errors="replace") for path in sorted(home.glob("*.log")))
