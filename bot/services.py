"""What the handlers share: settings, the database and the question-answering engine."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.chat_languages import ChatLanguages
from bot.deeplinks import agreement_ids
from bot.editor_rights import EditorRights
from bot.settings import Settings
from knowledge.facts.dates import today_in_ukraine
from knowledge.places.world import load_world_places
from knowledge.qa.engine import Engine
from knowledge.qa.startup import engine_from_database, in_background, release_freed_memory
from knowledge.store.audit_log import last_change_at
from knowledge.store.bootstrap import prepare_database
from knowledge.store.engines import create_engine, session_factory
from knowledge.store.stats import KnowledgeStats, collect_stats
from knowledge.store.work import UnitOfWork
from knowledge.text import morphology

if TYPE_CHECKING:
    from redis.asyncio import Redis

FORMS_CACHE = Path("var/cache/name-forms.json")
logger = logging.getLogger(__name__)


@dataclass
class BotServices:
    """Everything a handler needs besides the update; built once in `main`."""

    settings: Settings
    database: AsyncEngine
    engine: Engine
    today: Callable[[], dt.date] = today_in_ukraine
    now: Callable[[], dt.datetime] = lambda: dt.datetime.now(dt.UTC)
    forms_cache: Path | None = None
    # What the handlers, jobs and caches run the services with: the one place sessions are
    # opened, so none of them ever holds a session itself.
    work: UnitOfWork = field(init=False)
    chat_languages: ChatLanguages = field(init=False)
    editor_rights: EditorRights = field(init=False)
    _agreement_keys: dict[str, str] = field(init=False, repr=False)
    # One reload at a time: with the indexing in a worker thread, two overlapping ones could
    # otherwise finish out of order and leave the older snapshot in place.
    _reloading: asyncio.Lock = field(init=False, repr=False, default_factory=asyncio.Lock)
    # What is read beside the start-up or a reload and a question may need: a question
    # awaits it (`ready_to_answer`) instead of blocking the event loop until it is read.
    _preparing: list[asyncio.Future[None]] = field(init=False, repr=False, default_factory=list)
    # Returns the memory of a start-up's or a reload's peak once its tables are read.
    _settling: asyncio.Task[None] | None = field(init=False, repr=False, default=None)

    def __post_init__(self) -> None:
        self.work = UnitOfWork(session_factory(self.database))
        self.chat_languages = ChatLanguages(self.work)
        self.editor_rights = EditorRights(self.work)
        self._agreement_keys = agreement_ids(self.engine.snapshot.agreements)

    async def reload_knowledge(self) -> None:
        """Re-index the knowledge base after a change, so answers reflect it at once.

        The new engine is built aside and swapped in with one assignment: a question being
        answered meanwhile uses the old snapshot whole, never a half-built one.
        """
        async with self._reloading:
            engine = await engine_from_database(self.database, self.forms_cache, warm=False)
            self.prepare_beside(engine.gazetteer.warm, "gazetteer-warm")
            self.engine = engine
            self._agreement_keys = agreement_ids(engine.snapshot.agreements)
        self.settle_when_prepared()

    def prepare_beside(self, work: Callable[[], None], name: str) -> None:
        """Run `work` in a thread called `name`; questions asked meanwhile wait for it."""
        self._preparing.append(in_background(work, name))

    async def ready_to_answer(self) -> None:
        """Wait until what is read beside the start-up (the foreign towns, the villages'
        names, the misspelling indexes) is read; other updates are handled meanwhile.

        A load that failed is logged and left to the engine, which reads what it needs itself
        on the question that needs it.
        """
        if not self._preparing:
            return
        pending = [work for work in self._preparing if not work.done()]
        if pending:
            await asyncio.wait(pending)
        for work in self._preparing:
            error = work.exception() if work.done() and not work.cancelled() else None
            if error is not None:
                logger.error("Reading a table beside the start-up failed", exc_info=error)
        self._preparing = [work for work in self._preparing if not work.done()]

    def settle_when_prepared(self) -> None:
        """Once what is read beside the start-up or a reload is read, collect what its peak
        left behind and return the freed heap to the system, in a worker thread: the
        process then holds what it keeps, not the most it ever needed."""
        if self._settling is not None and not self._settling.done():
            self._settling.cancel()
        self._settling = asyncio.get_running_loop().create_task(self._settle())

    async def _settle(self) -> None:
        await self.ready_to_answer()
        await asyncio.to_thread(release_freed_memory)

    def agreement_key(self, short_id: str) -> str | None:
        """The agreement a deep link or button names by its short id."""
        return self._agreement_keys.get(short_id)

    async def knowledge_stats(self) -> tuple[KnowledgeStats, dt.datetime | None]:
        """What the knowledge base holds, counted now, and when the audit log last recorded
        a change (None before the first)."""
        return await self.work(collect_stats), await self.work(last_change_at)

    def share_through(self, redis: Redis, prefix: str = "pobratym:") -> None:
        """Keep what every update reads in Redis, so replicas see each other's changes."""
        self.chat_languages = ChatLanguages(self.work, redis=redis, prefix=f"{prefix}lang:")
        self.editor_rights = EditorRights(self.work, redis=redis, prefix=f"{prefix}rights:")

    async def close(self) -> None:
        """Release the database connections."""
        if self._settling is not None and not self._settling.done():
            self._settling.cancel()
        await self.database.dispose()


async def create_services(
    settings: Settings, forms_cache: Path | None = FORMS_CACHE
) -> BotServices:
    """Migrate (and on first start seed) the database, then index the knowledge base and load
    the morphological dictionary, so the first question waits for neither. The foreign towns'
    table, which only a question naming a town outside the knowledge base needs, is read
    beside the start-up in a thread of its own ("world-places"), as the villages' names are:
    the bot is ready without it, and a question asked before it is read awaits that thread
    (`BotServices.ready_to_answer`) while the event loop handles other updates."""
    world_places = in_background(load_world_places, "world-places")
    database = create_engine(settings.database_url.get_secret_value())
    await prepare_database(database)
    engine = await engine_from_database(database, forms_cache, warm=False)
    morphology.preload()
    services = BotServices(
        settings=settings, database=database, engine=engine, forms_cache=forms_cache
    )
    services._preparing.append(world_places)
    services.prepare_beside(engine.gazetteer.warm, "gazetteer-warm")
    services.settle_when_prepared()
    return services


@asynccontextmanager
async def _command_database(settings: Settings, *, seeded: bool) -> AsyncIterator[AsyncEngine]:
    """The settings' database migrated to the newest schema (and, when `seeded`, seeded if
    empty) for one command-line command; its connections are released when the block ends."""
    database = create_engine(settings.database_url.get_secret_value())
    try:
        if seeded:
            await prepare_database(database)
        else:
            # Imported here: a serving process on a current schema never loads Alembic.
            from knowledge.store import migrations

            await migrations.upgrade(database)
        yield database
    finally:
        await database.dispose()


@asynccontextmanager
async def database_work(settings: Settings, *, seeded: bool = True) -> AsyncIterator[UnitOfWork]:
    """The unit of work a command-line command runs its services with, over the settings'
    database migrated to the newest schema (and, when `seeded`, seeded if empty); its
    connections are released when the block ends."""
    async with _command_database(settings, seeded=seeded) as database:
        yield UnitOfWork(session_factory(database))


async def command_engine(settings: Settings, forms_cache: Path | None = FORMS_CACHE) -> Engine:
    """The question engine over the knowledge base in the settings' database (migrated and,
    if empty, seeded first), for a command-line command; the database's connections are
    released once it is read."""
    async with _command_database(settings, seeded=True) as database:
        return await engine_from_database(database, forms_cache)
