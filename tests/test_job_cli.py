"""`kb jobs` lists the imports and undos left unfinished, and `kb resume` finishes those no
live process holds, as an admin runs them when no bot is running."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import socket
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import update
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.interchange.import_job import start_import
from knowledge.store import models
from knowledge.store.durable_jobs import LEASE, get_job
from knowledge.store.engines import session_factory
from tests.cli import run_bot
from tests.test_write_jobs import CrashError, Recorder, _jobstadt, _run, sheet

# A job's runs in all, then those counted towards giving it up (after 5 in a row without
# progress), as `kb jobs` words them.
NEW_EN = "0 runs in all, 0 of 5 counted towards giving up"
NEW_UK = "0 запусків загалом, зараховано до відмови: 0 з 5"


async def _stored_job(engine: AsyncEngine, owner: str, at: dt.datetime, name: str) -> int:
    async with session_factory(engine)() as session:
        job = await start_import(
            session, sheet(30), name, actor="test:import", user_id=None, now=at, owner=owner
        )
    return job.id


@contextlib.asynccontextmanager
async def _renewing(engine: AsyncEngine, job_id: int, owner: str) -> AsyncIterator[None]:
    """Renews `owner`'s lease on the job every second, as a live replica's heartbeat does."""

    async def heartbeat() -> None:
        table = models.WriteJobRow
        while True:
            async with session_factory(engine)() as session, session.begin():
                await session.execute(
                    update(table)
                    .where(table.id == job_id, table.lease_owner == owner)
                    .values(lease_until=dt.datetime.now(dt.UTC) + LEASE)
                )
            await asyncio.sleep(1)

    task = asyncio.create_task(heartbeat())
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


@pytest.mark.parametrize(
    ("lang", "dead", "held", "none_left"),
    [
        (
            "en",
            "import dead.csv: not planned yet, 0 of ? records, " + NEW_EN + ";"
            " no process holds it: kb resume {id} finishes it",
            "import live.csv: not planned yet, 0 of ? records, "
            + NEW_EN
            + "; held by live-replica",
            "import dead.csv: done, 61 of 61 records, 1 run in all,"
            " 1 of 5 counted towards giving up",
        ),
        (
            "uk",
            "імпорт dead.csv: ще не сплановано, записів: 0 з ?, " + NEW_UK + ";"
            " жоден процес його не виконує: kb resume {id} завершить його",
            "імпорт live.csv: ще не сплановано, записів: 0 з ?, " + NEW_UK + ";"
            " його виконує live-replica",
            "імпорт dead.csv: завершено, записів: 61 з 61, 1 запуск загалом,"
            " зараховано до відмови: 1 з 5",
        ),
    ],
)
async def test_jobs_lists_a_stuck_import_and_resume_finishes_it_but_not_a_live_one(
    seeded_engine: AsyncEngine, tmp_path: Path, lang: str, dead: str, held: str, none_left: str
) -> None:
    now = dt.datetime.now(dt.UTC)
    # One left by a replica that died two leases ago, one a live replica runs now.
    dead_id = await _stored_job(seeded_engine, "dead-replica", now - 2 * LEASE, "dead.csv")
    live_id = await _stored_job(seeded_engine, "live-replica", now, "live.csv")
    env = {"DATABASE_URL": seeded_engine.url.render_as_string(hide_password=False)}

    async def bot(*args: str) -> subprocess.CompletedProcess[str]:
        return await asyncio.to_thread(run_bot, "--lang", lang, *args, cwd=tmp_path, env=env)

    # The live replica renews its lease as a running one does, however slowly the commands
    # start on a busy machine.
    async with _renewing(seeded_engine, live_id, "live-replica"):
        listed = await bot("kb", "jobs")
        refused = await bot("kb", "resume", str(live_id))
        resumed = await bot("kb", "resume")
        after = await bot("kb", "jobs")

    assert listed.returncode == 0, listed.stderr
    assert f"#{dead_id} {dead.format(id=dead_id)}" in listed.stdout
    assert f"#{live_id} {held}" in listed.stdout
    assert refused.returncode == 1
    assert f"#{live_id}: " in refused.stderr
    assert resumed.returncode == 0, resumed.stderr
    assert resumed.stdout.strip() == f"#{dead_id} {none_left}"
    assert f"#{dead_id} " not in after.stdout
    assert f"#{live_id} " in after.stdout
    keys, _ = await _jobstadt(seeded_engine)
    assert len(keys) == 30


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "#999: there is no such import or undo (see kb jobs)."),
        ("uk", "#999: такого імпорту чи скасування немає (див. kb jobs)."),
    ],
)
def test_resume_of_a_job_that_does_not_exist_says_there_is_none(
    seeded_engine: AsyncEngine, tmp_path: Path, lang: str, expected: str
) -> None:
    env = {"DATABASE_URL": seeded_engine.url.render_as_string(hide_password=False)}

    refused = run_bot("--lang", lang, "kb", "resume", "999", cwd=tmp_path, env=env)

    assert refused.returncode == 1
    assert refused.stderr.strip() == expected


@pytest.mark.parametrize("number", ["0", "-5", "99999999999999999999"])
def test_resume_of_a_number_no_job_can_have_says_there_is_none(
    seeded_engine: AsyncEngine, tmp_path: Path, number: str
) -> None:
    env = {"DATABASE_URL": seeded_engine.url.render_as_string(hide_password=False)}

    refused = run_bot("--lang", "en", "kb", "resume", "--", number, cwd=tmp_path, env=env)

    assert refused.returncode == 1
    assert refused.stderr.strip() == f"#{number}: there is no such import or undo (see kb jobs)."


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        # Two runs, the last of them moving the job on: one counted towards giving up.
        (
            "en",
            "import taken.csv: running, {done} of 901 records, 2 runs in all,"
            " 1 of 5 counted towards giving up;",
        ),
        (
            "uk",
            "імпорт taken.csv: виконується, записів: {done} з 901, 2 запуски загалом,"
            " зараховано до відмови: 1 з 5;",
        ),
    ],
)
async def test_jobs_counts_the_run_of_a_killed_replica_after_another_took_the_job_over(
    seeded_engine: AsyncEngine, tmp_path: Path, lang: str, expected: str
) -> None:
    started = dt.datetime.now(dt.UTC) - 3 * LEASE
    async with session_factory(seeded_engine)() as session:
        job = await start_import(
            session, sheet(), "taken.csv", actor="test:import", user_id=None, now=started
        )
    # Replica A dies after its first chunk; B takes the job over once A's lease has passed,
    # writes on, and dies too.
    with pytest.raises(CrashError):
        await _run(seeded_engine, job.id, "replica-a", Recorder(crash_after=1), started)
    with pytest.raises(CrashError):
        await _run(
            seeded_engine, job.id, "replica-b", Recorder(crash_after=3), started + LEASE * 1.5
        )
    async with session_factory(seeded_engine)() as session:
        stored = await get_job(session, job.id)
    assert stored is not None
    env = {"DATABASE_URL": seeded_engine.url.render_as_string(hide_password=False)}

    listed = run_bot("--lang", lang, "kb", "jobs", cwd=tmp_path, env=env)

    assert listed.returncode == 0, listed.stderr
    assert f"#{job.id} {expected.format(done=stored.records_done)}" in listed.stdout


async def test_jobs_tells_a_holder_whose_process_has_ended_from_a_live_one(
    seeded_engine: AsyncEngine, tmp_path: Path
) -> None:
    # A command-line import on this machine killed before its lease ran out.
    ended = await asyncio.create_subprocess_exec("sleep", "60")
    ended.kill()
    await ended.wait()
    owner = f"cli:{socket.gethostname()[:40]}:{ended.pid}"
    job_id = await _stored_job(seeded_engine, owner, dt.datetime.now(dt.UTC), "killed.csv")
    async with session_factory(seeded_engine)() as session, session.begin():
        # Its lease runs long after the command below, however slowly it starts.
        await session.execute(
            update(models.WriteJobRow)
            .where(models.WriteJobRow.id == job_id)
            .values(lease_until=dt.datetime.now(dt.UTC) + 10 * LEASE)
        )
    env = {"DATABASE_URL": seeded_engine.url.render_as_string(hide_password=False)}

    listed = await asyncio.to_thread(run_bot, "--lang", "en", "kb", "jobs", cwd=tmp_path, env=env)

    assert listed.returncode == 0, listed.stderr
    assert f"held by {owner} until " in listed.stdout
    assert f"but that process has ended: kb resume {job_id} finishes it" in listed.stdout
