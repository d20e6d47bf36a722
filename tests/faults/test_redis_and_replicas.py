"""Redis restarted, and a replica killed, under load: no question lost, every change confirmed
to the admin stored."""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.local_api import LocalTelegram
from tests.e2e_support import SECRET, telegram_environment
from tests.faults.conftest import long_faults
from tests.faults.fleet import webhook_fleet
from tests.faults.load import ADMIN, FaultReport
from tests.faults.scenario import Scenario
from tests.faults.services import PrivateRedis

OUTAGE = 15.0 if long_faults() else 5.0
KILLS = 3 if long_faults() else 1


def _environment(
    home: Path, telegram: LocalTelegram, database_url: str, redis: PrivateRedis
) -> dict[str, str]:
    return telegram_environment(
        home,
        telegram,
        DATABASE_URL=database_url,
        REDIS_URL=redis.url,
        ADMIN_IDS=str(ADMIN),
        WEBHOOK_SECRET=SECRET,
    )


async def test_a_redis_restart_loses_no_question(
    local_telegram: LocalTelegram,
    bot_home: Path,
    fault_database: str,
    fault_redis: PrivateRedis,
    fault_report: list[FaultReport],
) -> None:
    environment = _environment(bot_home, local_telegram, fault_database, fault_redis)

    async def restart() -> None:
        await fault_redis.kill()
        await asyncio.sleep(OUTAGE)
        await fault_redis.start()

    async with webhook_fleet(bot_home, environment, replicas=2):
        report = await Scenario(local_telegram, fault_database).run(
            f"Redis down {OUTAGE:.0f} s (webhook)", restart
        )
    fault_report.append(report)

    assert report.sent > 10
    assert report.lost == 0, (report.line(), report.notes)
    assert report.apologised == 0, (report.line(), report.notes)
    assert report.admin_missing == []


async def test_a_replica_killed_mid_dialog_loses_no_question(
    local_telegram: LocalTelegram,
    bot_home: Path,
    fault_database: str,
    fault_redis: PrivateRedis,
    fault_report: list[FaultReport],
) -> None:
    environment = _environment(bot_home, local_telegram, fault_database, fault_redis)
    async with webhook_fleet(bot_home, environment, replicas=2) as (_, replicas):

        async def kill() -> None:
            for round_ in range(KILLS):
                victim = replicas[round_ % len(replicas)]
                victim.kill()
                await victim.wait_exit()
                await asyncio.sleep(2)
                # Back while the load goes on; meanwhile the balancer sends to the others.
                await victim.start()
                if round_ + 1 < KILLS:
                    # The next kill takes another replica: this one serves again first, else
                    # no replica would be left (an outage of the whole bot, not one replica
                    # lost) for as long as a start takes, a minute on a busy machine.
                    await victim.wait_healthy()

        report = await Scenario(local_telegram, fault_database).run(
            f"replica SIGKILL x{KILLS} (webhook)", kill
        )
    fault_report.append(report)

    assert report.sent > 10
    assert report.lost == 0, (report.line(), report.notes)
    assert report.admin_missing == []
