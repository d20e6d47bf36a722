"""Start-up of the serving process: the first answer's needs loaded, Alembic left out when the
schema is current."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.store import migrations
from knowledge.store.schema_head import head_revision, schema_is_current

_START = """
import asyncio, json, sys
from bot.services import create_services
from bot.settings import Settings
from knowledge.text import morphology

async def start():
    settings = Settings(_env_file=None, database_url=sys.argv[1])
    services = await create_services(settings, None)
    await services.close()

asyncio.run(start())
print(json.dumps({
    "alembic": "alembic" in sys.modules,
    "dictionary": morphology._analyzer.cache_info().currsize,
}))
"""


def test_the_newest_revision_is_read_from_the_scripts_as_alembic_reads_it() -> None:
    assert head_revision() == migrations.revisions()[-1]


async def test_an_empty_database_is_not_current_and_a_migrated_one_is(
    empty_engine: AsyncEngine,
) -> None:
    before = await schema_is_current(empty_engine)
    await migrations.upgrade(empty_engine)

    assert (before, await schema_is_current(empty_engine)) == (False, True)


def _start(database: Path) -> dict[str, object]:
    completed = subprocess.run(
        [sys.executable, "-c", _START, f"sqlite+aiosqlite:///{database}"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    result: dict[str, object] = json.loads(completed.stdout.splitlines()[-1])
    return result


def test_a_start_on_a_current_database_loads_the_dictionary_and_not_alembic(
    tmp_path: Path,
) -> None:
    database = tmp_path / "serving.sqlite3"

    first = _start(database)
    later = _start(database)

    # The first start creates the schema through the migrations; a later one needs none.
    assert first == {"alembic": True, "dictionary": 1}
    assert later == {"alembic": False, "dictionary": 1}
