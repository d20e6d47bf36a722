"""One fault under load: residents ask and an admin edits while the fault is injected, then
the outcome of every update is tallied and every confirmed change looked up in the database."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from sqlalchemy import select

from bot.handlers.errors import APOLOGIES
from bot.local_api import LocalTelegram
from knowledge.render.translations import translation
from knowledge.store import models
from knowledge.store.engines import create_engine
from tests.faults.load import AdminDialog, FaultReport, Residents

Fault = Callable[[], Awaitable[None]]


def apology_texts() -> set[str]:
    """Every apology, as the bot sends it in each language."""
    return {
        translation(language).gettext(apology)
        for apology in APOLOGIES
        for language in ("uk", "en")
    }


async def missing_agreements(database_url: str, keys: list[str]) -> list[str]:
    """The keys among `keys` that no stored agreement has."""
    if not keys:
        return []
    engine = create_engine(database_url)
    try:
        async with engine.connect() as connection:
            found = await connection.scalars(
                select(models.AgreementRow.key).where(models.AgreementRow.key.in_(keys))
            )
            stored = set(found.all())
    finally:
        await engine.dispose()
    return sorted(set(keys) - stored)


@dataclass
class Scenario:
    """The load and its timing around one fault."""

    telegram: LocalTelegram
    database_url: str
    rate: float = 3.0
    warmup: float = 3.0
    cooldown: float = 4.0
    settle: float = 60.0
    admin: bool = True

    async def run(self, name: str, fault: Fault) -> FaultReport:
        """Loads the bot, injects the fault, keeps loading a while, then tallies."""
        apologies = apology_texts()
        residents = Residents(self.telegram, apologies, rate=self.rate)
        dialog = AdminDialog(self.telegram, apologies)
        stop = asyncio.Event()
        tasks = [asyncio.create_task(residents.ask(stop))]
        if self.admin:
            tasks.append(asyncio.create_task(dialog.run(stop)))
        try:
            await asyncio.sleep(self.warmup)
            await fault()
            await asyncio.sleep(self.cooldown)
        finally:
            stop.set()
            await asyncio.wait(tasks, timeout=dialog.patience * 2 + 5)
            for task in tasks:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        await residents.settle(self.settle)
        report = FaultReport(name)
        residents.tally(report)
        dialog.tally(report)
        report.admin_missing = await missing_agreements(self.database_url, dialog.confirmed)
        return report
