"""Start-up of the serving process: the first answer's needs loaded, Alembic left out when the
schema is current."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import BotServices
from knowledge.facts.snapshot import Snapshot
from knowledge.qa.engine import Engine
from knowledge.store import migrations
from knowledge.store.schema_head import head_revision, schema_is_current

_START = """
import asyncio, json, sys, threading
import bot.app
import bot.cli
from bot.factory import create_dispatcher
from bot.services import create_services
from bot.transport.session import create_session
from bot.transport.storage import create_storage
from bot.settings import Settings
from knowledge.places import world
from knowledge.text import morphology

read_world_places = world._read_table
world_places_threads = []

def recording_the_thread():
    world_places_threads.append(threading.current_thread() is threading.main_thread())
    return read_world_places()

world._read_table = recording_the_thread

async def start():
    settings = Settings(_env_file=None, database_url=sys.argv[1])
    services = await create_services(settings, None)
    create_dispatcher(services, storage=create_storage(settings))
    await create_session(settings).close()
    await services.close()

asyncio.run(start())
# Read beside the start-up: the bot was ready without waiting for it.
for thread in threading.enumerate():
    if thread.name == "world-places":
        thread.join()
print(json.dumps({
    "alembic": "alembic" in sys.modules,
    "dictionary": morphology._analyzer.cache_info().currsize,
    "world places read on the main thread": world_places_threads,
    "clients loaded": sorted({"redis", "asyncpg"} & set(sys.modules)),
    "editing code loaded": sorted(
        {"knowledge.interchange", "knowledge.extraction", "openpyxl", "pycountry"}
        & set(sys.modules)
    ),
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


def test_a_start_loads_the_dictionary_and_no_alembic_clients_or_editing_code_it_does_not_use(
    tmp_path: Path,
) -> None:
    database = tmp_path / "serving.sqlite3"

    first = _start(database)
    later = _start(database)

    # The first start creates the schema through the migrations; a later one needs none.
    # The foreign towns' table is read once, by a worker thread, before the first request.
    assert first == {
        "alembic": True,
        "dictionary": 1,
        "world places read on the main thread": [False],
        "clients loaded": [],
        "editing code loaded": [],
    }
    assert later == {
        "alembic": False,
        "dictionary": 1,
        "world places read on the main thread": [False],
        "clients loaded": [],
        "editing code loaded": [],
    }


async def test_the_knowledge_reload_indexes_in_a_worker_thread(
    bot_services: BotServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    build = Engine.from_snapshot
    on_main_thread: list[bool] = []

    def recording_the_thread(snapshot: Snapshot, forms_cache: Path | None = None) -> Engine:
        on_main_thread.append(threading.current_thread() is threading.main_thread())
        return build(snapshot, forms_cache)

    monkeypatch.setattr(Engine, "from_snapshot", recording_the_thread)
    before = bot_services.engine
    await bot_services.reload_knowledge()

    # The event loop keeps answering from the old engine while the new one is indexed.
    assert on_main_thread == [False]
    assert bot_services.engine is not before
    assert bot_services.engine.snapshot == before.snapshot


async def test_the_start_ups_peak_is_handed_back_once_the_tables_beside_it_are_read(
    bot_services: BotServices, monkeypatch: pytest.MonkeyPatch
) -> None:
    loop = asyncio.get_running_loop()
    releases: list[str] = []
    released = asyncio.Event()

    def release() -> None:
        releases.append(threading.current_thread().name)
        loop.call_soon_threadsafe(released.set)

    monkeypatch.setattr("bot.services.release_freed_memory", release)
    read = threading.Event()

    def slow_table() -> None:
        read.wait(timeout=60)

    bot_services.prepare_beside(slow_table, "slow-table")
    bot_services.settle_when_prepared()
    await asyncio.sleep(0.2)
    while_reading = list(releases)
    read.set()
    await asyncio.wait_for(released.wait(), timeout=60)
    after_start = list(releases)

    # A reload peaks too (two engines at once) and is handed back the same way.
    released.clear()
    await bot_services.reload_knowledge()
    await asyncio.wait_for(released.wait(), timeout=60)

    assert while_reading == []
    assert len(after_start) == 1
    assert len(releases) == 2
    # Collected and trimmed off the event loop's thread.
    assert threading.main_thread().name not in releases
