"""PostgreSQL stopped under load: every question is answered once it is back, in both modes,
and every change confirmed to the admin is stored."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest

from bot.local_api import LocalTelegram
from tests.e2e_support import SECRET, telegram_environment
from tests.faults.conftest import long_faults
from tests.faults.fleet import polling_bot, webhook_fleet
from tests.faults.load import ADMIN, FaultReport, until
from tests.faults.scenario import Scenario
from tests.faults.services import PrivatePostgres, PrivateRedis

OUTAGE = 15.0 if long_faults() else 5.0


@pytest.mark.parametrize("mode", ["webhook", "polling"])
async def test_a_postgresql_restart_loses_no_question(
    local_telegram: LocalTelegram,
    bot_home: Path,
    fault_postgres: PrivatePostgres,
    fault_database: str,
    fault_redis: PrivateRedis,
    fault_report: list[FaultReport],
    mode: str,
) -> None:
    environment = telegram_environment(
        bot_home,
        local_telegram,
        DATABASE_URL=fault_database,
        REDIS_URL=fault_redis.url,
        ADMIN_IDS=str(ADMIN),
        WEBHOOK_SECRET=SECRET,
    )

    async def restart() -> None:
        await fault_postgres.astop()
        await asyncio.sleep(OUTAGE)
        await fault_postgres.astart()

    scenario = Scenario(local_telegram, fault_database)
    name = f"PostgreSQL down {OUTAGE:.0f} s ({mode})"
    if mode == "webhook":
        async with webhook_fleet(bot_home, environment, replicas=2):
            report = await scenario.run(name, restart)
    else:
        async with polling_bot(bot_home, environment):
            assert await until(lambda: bool(local_telegram.calls_of("deleteWebhook")), 90)
            report = await scenario.run(name, restart)
    fault_report.append(report)

    assert report.sent > 10
    assert report.lost == 0, (report.line(), report.notes)
    assert report.admin_missing == []
