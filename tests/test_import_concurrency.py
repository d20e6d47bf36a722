"""Two `kb import --apply` started at once on one database: what both sheets say is stored, or
the one that came second is told why not; never two records of one pair, one row lost, an
orphan source or a job whose counts differ from what it stored. On SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, union

from knowledge.store import models
from knowledge.store.bootstrap import prepare_database
from knowledge.store.engines import create_engine, session_factory
from tests.cli import PROJECT_DIR

HEADER = "key,hromada,partner_city,partner_country,kind,status,signed_on,source_title,notes"
# Rows of towns of each sheet's own, so that both imports run long enough to overlap.
FILLER = 60


def _sheet(path: Path, name: str, *rows: str) -> Path:
    filler = [
        f",Bila Tserkva,{name}stadt {number},Germany,cooperation,active,2019,Decision {name},"
        for number in range(FILLER)
    ]
    path.write_text("\n".join([HEADER, *rows, *filler]) + "\n", encoding="utf-8")
    return path


def _both_at_once(
    url: str, first: Path, second: Path, *options: str
) -> list[subprocess.CompletedProcess[str]]:
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment |= {"PYTHONPATH": str(PROJECT_DIR), "DATABASE_URL": url}
    processes = [
        subprocess.Popen(
            [
                *(sys.executable, "-m", "bot", "--lang", "en", "kb", "import", str(sheet)),
                *("--apply", *options),
            ],
            cwd=sheet.parent,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for sheet in (first, second)
    ]
    results = []
    for process in processes:
        stdout, stderr = process.communicate(timeout=300)
        results.append(
            subprocess.CompletedProcess(process.args, process.returncode, stdout, stderr)
        )
    return results


async def _prepared(url: str) -> None:
    engine = create_engine(url)
    try:
        await prepare_database(engine)
    finally:
        await engine.dispose()


async def _agreements(url: str, town: str) -> dict[str, str | None]:
    """The stored agreements with the partner `town`: key → English notes."""
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            rows = await session.execute(
                select(models.AgreementRow.key, models.AgreementRow.notes_en)
                .join(models.PlaceRow, models.AgreementRow.place_id == models.PlaceRow.id)
                .where(models.PlaceRow.name_en == town)
            )
            return dict(rows.all())
    finally:
        await engine.dispose()


async def _truth(url: str) -> tuple[int, list[tuple[str, int, int]]]:
    """Sources nothing cites, and each import job's state, records created, and records its
    batch's audit entries say it created, in the order the jobs were stored."""
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            cited = union(
                select(models.AgreementSourceRow.source_id),
                select(models.AidSourceRow.source_id),
                select(models.ActivitySourceRow.source_id),
                select(models.ProgrammeSourceRow.source_id),
                select(models.AgreementExtensionRow.source_id),
            )
            orphans = await session.scalar(
                select(func.count())
                .select_from(models.SourceRow)
                .where(models.SourceRow.key.like("import-%"), models.SourceRow.id.not_in(cited))
            )
            jobs = []
            for job in await session.scalars(select(models.WriteJobRow).order_by("id")):
                audited = await session.scalar(
                    select(func.count())
                    .select_from(models.AuditEntryRow)
                    .where(
                        models.AuditEntryRow.batch == job.batch,
                        models.AuditEntryRow.action == "create",
                    )
                )
                jobs.append((job.state, job.created, audited or 0))
            return orphans or 0, jobs
    finally:
        await engine.dispose()


def _run(
    url: str, tmp_path: Path, first: str, second: str, *options: str
) -> list[subprocess.CompletedProcess[str]]:
    asyncio.run(_prepared(url))
    return _both_at_once(
        url,
        _sheet(tmp_path / "first.csv", "Erst", first),
        _sheet(tmp_path / "second.csv", "Zweit", second),
        *options,
    )


def test_one_pair_under_two_keys_is_stored_once_and_the_second_import_told(
    database_url: str, tmp_path: Path
) -> None:
    results = _run(
        database_url,
        tmp_path,
        "race-first,Bila Tserkva,Jelgava,Latvia,twinning,active,2019,Decision Erst,",
        "race-second,Bila Tserkva,Jelgava,Latvia,twinning,active,2019,Decision Zweit,",
    )

    stored = asyncio.run(_agreements(database_url, "Jelgava"))
    orphans, jobs = asyncio.run(_truth(database_url))
    assert len(stored) == 1, [result.stderr for result in results]
    (kept,) = stored
    outcomes = sorted(result.returncode for result in results)
    assert outcomes == [0, 1], [result.stderr for result in results]
    refused = next(result for result in results if result.returncode == 1)
    assert (
        f"is stored already under key {kept}, and this row gives it the new key" in refused.stderr
    )
    assert orphans == 0
    # Refused by its job, or by its preview when the other import had ended by then.
    assert sorted(state for state, _, _ in jobs) in (["done"], ["done", "failed"])
    assert all(created == audited for _, created, audited in jobs), jobs


def test_skipping_refused_rows_the_second_import_names_the_pair_the_first_stored(
    database_url: str, tmp_path: Path
) -> None:
    results = _run(
        database_url,
        tmp_path,
        "race-first,Bila Tserkva,Jelgava,Latvia,twinning,active,2019,Decision Erst,",
        "race-second,Bila Tserkva,Jelgava,Latvia,twinning,active,2019,Decision Zweit,",
        "--skip-rejected",
    )

    stored = asyncio.run(_agreements(database_url, "Jelgava"))
    orphans, jobs = asyncio.run(_truth(database_url))
    assert [result.returncode for result in results] == [0, 0], [r.stderr for r in results]
    assert len(stored) == 1, stored
    (kept,) = stored
    told = [result.stderr for result in results if "1 row refused:" in result.stderr]
    assert len(told) == 1, [result.stderr for result in results]
    assert f"row 2: the pair Bila Tserkva – Jelgava is stored already under key {kept}" in told[0]
    for town in ("Erststadt 7", "Zweitstadt 7"):
        assert len(asyncio.run(_agreements(database_url, town))) == 1
    assert orphans == 0
    assert [state for state, _, _ in jobs] == ["done", "done"]
    assert all(created == audited for _, created, audited in jobs), jobs


def test_one_key_in_two_sheets_keeps_the_later_import_s_values(
    database_url: str, tmp_path: Path
) -> None:
    results = _run(
        database_url,
        tmp_path,
        "race-pair,Bila Tserkva,Jelgava,Latvia,twinning,active,2019,Decision Erst,First note",
        "race-pair,Bila Tserkva,Jelgava,Latvia,twinning,active,2019,Decision Zweit,Second note",
    )

    stored = asyncio.run(_agreements(database_url, "Jelgava"))
    orphans, jobs = asyncio.run(_truth(database_url))
    chain = asyncio.run(_chain(database_url, "race-pair"))
    assert [result.returncode for result in results] == [0, 0], [r.stderr for r in results]
    assert [state for state, _, _ in jobs] == ["done", "done"]
    assert all(created == audited for _, created, audited in jobs), jobs
    # Written one after the other: the later changed what the earlier stored, each audited
    # from what the other left.
    assert [action for action, _, _ in chain] == ["create", "update"]
    assert chain[1][1] == chain[0][2]
    assert stored == {"race-pair": chain[1][2]["notes"]["en"]}
    assert sum("1 changed" in result.stdout for result in results) == 1, results
    assert orphans == 0


async def _chain(url: str, key: str) -> list[tuple[str, Any, Any]]:
    """The audit entries of the agreement `key`, oldest first: action, before, after."""
    engine = create_engine(url)
    try:
        async with session_factory(engine)() as session:
            entries = await session.scalars(
                select(models.AuditEntryRow)
                .where(
                    models.AuditEntryRow.entity == "agreement",
                    models.AuditEntryRow.entity_key == key,
                )
                .order_by(models.AuditEntryRow.id)
            )
            return [(entry.action, entry.before, entry.after) for entry in entries]
    finally:
        await engine.dispose()


def test_disjoint_pairs_of_one_hromada_are_all_stored(database_url: str, tmp_path: Path) -> None:
    results = _run(
        database_url,
        tmp_path,
        ",Bila Tserkva,Jelgava,Latvia,twinning,active,2019,Decision Erst,",
        ",Bila Tserkva,Tartu,Estonia,twinning,active,2019,Decision Zweit,",
    )

    orphans, jobs = asyncio.run(_truth(database_url))
    assert [result.returncode for result in results] == [0, 0], [r.stderr for r in results]
    assert len(asyncio.run(_agreements(database_url, "Jelgava"))) == 1
    assert len(asyncio.run(_agreements(database_url, "Tartu"))) == 1
    for town in ("Erststadt 7", "Zweitstadt 7"):
        assert len(asyncio.run(_agreements(database_url, town))) == 1
    assert orphans == 0
    assert [state for state, _, _ in jobs] == ["done", "done"]
    # Each job created at least its towns and their agreements, and said so truly.
    assert all(created == audited >= 2 * FILLER for _, created, audited in jobs), jobs
