"""Processes started at once on a database never migrated: each waits for the one migrating
and seeding it, and every one starts cleanly, with the shipped knowledge stored once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from sqlalchemy import func, select

from knowledge.store import models
from knowledge.store.engines import create_engine, session_factory
from tests.cli import PROJECT_DIR

STARTS = 2


def _start_at_once(url: str, folder: Path) -> list[subprocess.CompletedProcess[str]]:
    """`python -m bot kb jobs` (which migrates and seeds a new database) in STARTS processes."""
    environment = {key: value for key, value in os.environ.items() if key != "BOT_TOKEN"}
    environment.update({"PYTHONPATH": str(PROJECT_DIR), "DATABASE_URL": url})
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "bot", "--lang", "en", "kb", "jobs"],
            cwd=folder,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(STARTS)
    ]
    ended = []
    for process in started:
        stdout, stderr = process.communicate(timeout=180)
        ended.append(subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr))
    return ended


async def _audited(url: str) -> tuple[int, int]:
    """Audit entries stored, and the records they are about (each seeded record once)."""
    engine = create_engine(url)
    table = models.AuditEntryRow
    try:
        async with session_factory(engine)() as session:
            entries = await session.scalar(select(func.count()).select_from(table))
            records = await session.scalar(
                select(func.count()).select_from(
                    select(table.entity, table.entity_key).distinct().subquery()
                )
            )
    finally:
        await engine.dispose()
    return entries or 0, records or 0


async def test_processes_started_at_once_on_a_new_sqlite_file_all_start(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'knowledge.sqlite3'}"

    ended = _start_at_once(url, tmp_path)

    for each in ended:
        assert each.returncode == 0, each.stderr
        assert each.stdout.strip() == "No import or undo is unfinished."
    entries, records = await _audited(url)
    assert entries == records > 0


async def test_processes_started_at_once_on_a_new_postgresql_database_all_start(
    tmp_path: Path, postgres: str
) -> None:
    ended = _start_at_once(postgres, tmp_path)

    for each in ended:
        assert each.returncode == 0, each.stderr
        assert each.stdout.strip() == "No import or undo is unfinished."
    entries, records = await _audited(postgres)
    assert entries == records > 0
