"""A long import on SQLite while residents ask and an admin edits: no reader fails."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.local_api import LocalTelegram
from tests.e2e_support import database_url, telegram_environment
from tests.faults.conftest import bot_log, long_faults
from tests.faults.fleet import polling_bot
from tests.faults.load import ADMIN, FaultReport, until
from tests.faults.scenario import Scenario

ROWS = 8000 if long_faults() else 1200
HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)


def big_sheet(path: Path, rows: int) -> Path:
    """A CSV of `rows` new agreements of Bila Tserkva with towns of its own."""
    lines = [HEADER] + [
        f"Bila Tserkva,Importstadt {number},Germany,cooperation,active,2019,,"
        f"Council decision {number},,2019-05-12,"
        for number in range(rows)
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


async def test_a_long_sqlite_import_fails_no_reader(
    local_telegram: LocalTelegram, bot_home: Path, fault_report: list[FaultReport]
) -> None:
    environment = telegram_environment(bot_home, local_telegram, ADMIN_IDS=str(ADMIN))
    sheet = big_sheet(bot_home / "big.csv", ROWS)
    outcome: dict[str, object] = {}

    async def long_import() -> None:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "--lang",
            "en",
            "kb",
            "import",
            str(sheet),
            "--apply",
            cwd=bot_home,
            env=environment,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output, _ = await process.communicate()
        outcome["code"] = process.returncode
        outcome["output"] = output.decode(errors="replace")

    async with polling_bot(bot_home, environment):
        assert await until(lambda: bool(local_telegram.calls_of("deleteWebhook")), 90)
        report = await Scenario(
            local_telegram, database_url(bot_home / "var"), warmup=2.0, cooldown=2.0
        ).run(f"SQLite import of {ROWS} rows (polling)", long_import)
    fault_report.append(report)

    assert outcome["code"] == 0, outcome["output"]
    assert "database is locked" not in bot_log(bot_home)
    assert report.sent > 10
    assert report.lost == 0, (report.line(), report.notes)
    assert report.apologised == 0, (report.line(), report.notes)
    assert report.admin_missing == []
