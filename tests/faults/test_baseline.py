"""The harness itself: with no fault, every question is answered and every change stored."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.local_api import LocalTelegram
from tests.e2e_support import SECRET, telegram_environment
from tests.faults.fleet import webhook_fleet
from tests.faults.load import ADMIN, FaultReport
from tests.faults.scenario import Scenario
from tests.faults.services import PrivateRedis


async def test_without_a_fault_nothing_is_lost(
    local_telegram: LocalTelegram,
    bot_home: Path,
    fault_database: str,
    fault_redis: PrivateRedis,
    fault_report: list[FaultReport],
) -> None:
    environment = telegram_environment(
        bot_home,
        local_telegram,
        DATABASE_URL=fault_database,
        REDIS_URL=fault_redis.url,
        ADMIN_IDS=str(ADMIN),
        WEBHOOK_SECRET=SECRET,
    )
    async with webhook_fleet(bot_home, environment, replicas=2):

        async def no_fault() -> None:
            await asyncio.sleep(2)

        report = await Scenario(local_telegram, fault_database).run("none (2 replicas)", no_fault)
    fault_report.append(report)

    assert report.sent > 10
    assert report.lost == 0
    assert report.apologised == 0
    assert report.admin_confirmed
    assert report.admin_missing == []
