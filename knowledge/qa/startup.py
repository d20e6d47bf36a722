"""Builds the engine from the database the bot runs on."""

from __future__ import annotations

import asyncio
import ctypes
import ctypes.util
import gc
import logging
import threading
from collections.abc import Callable
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.qa.engine import Engine, collector_paused
from knowledge.store.snapshot_reader import read_snapshot

logger = logging.getLogger(__name__)


async def engine_from_database(
    database: AsyncEngine, forms_cache: Path | None = None, *, warm: bool = True
) -> Engine:
    """Read the whole knowledge base once and index it (in a worker thread) for answering.

    With `warm`, the misspelling indexes and the villages' names are then built in a thread
    of their own; without, the caller builds them (`in_background(engine.gazetteer.warm)`).
    """
    async with database.connect() as connection:
        with collector_paused():
            snapshot = await read_snapshot(connection)
    # Indexing is seconds of pure Python over the records read: in a worker thread, the bot
    # keeps answering from the engine it has (with the old snapshot) meanwhile.
    engine = await asyncio.to_thread(Engine.from_snapshot, snapshot, forms_cache)
    # The records and the name index live as long as the process: leave them out of the
    # collector's full passes, which would otherwise walk millions of them now and then.
    gc.freeze()
    if warm:
        # The villages' names are only needed by questions naming one: read beside the
        # start-up.
        threading.Thread(target=engine.gazetteer.warm, name="gazetteer-warm", daemon=True).start()
    return engine


def release_freed_memory() -> None:
    """Collect garbage and hand the heap's free pages back to the system.

    Reading and indexing the knowledge base and the tables beside it peaks well above what the
    engine keeps; glibc's allocator keeps what was freed for later use, so without this the
    process would hold its start-up peak for life (about 15 MB here). Does nothing more than
    collect where the C library has no `malloc_trim` (not glibc).
    """
    gc.collect()
    _trim_heap()


def _trim_heap() -> None:
    name = ctypes.util.find_library("c")
    if name is None:
        return
    try:
        trim = getattr(ctypes.CDLL(name), "malloc_trim", None)
    except OSError:
        return
    if trim is not None:
        # ctypes lets other threads run meanwhile: the event loop is not held up.
        trim(0)


def in_background(work: Callable[[], None], name: str) -> asyncio.Future[None]:
    """Run `work` in a daemon thread called `name`; the future (of the running event loop) is
    done when the work is, with its error if it failed.

    Awaiting the future lets other updates through meanwhile, where calling what needs the
    work's result would block the event loop until the thread finished.
    """
    loop = asyncio.get_running_loop()
    finished: asyncio.Future[None] = loop.create_future()

    def settle(error: BaseException | None) -> None:
        if finished.done():
            return
        if error is None:
            finished.set_result(None)
        else:
            finished.set_exception(error)

    def run() -> None:
        error: BaseException | None = None
        try:
            work()
        except Exception as failure:  # noqa: BLE001 - handed to whoever awaits the work
            error = failure
        try:
            loop.call_soon_threadsafe(settle, error)
        except RuntimeError:
            # The event loop closed first: nobody is waiting any more.
            if error is not None:
                logger.error("%s failed after the event loop closed", name, exc_info=error)

    threading.Thread(target=run, name=name, daemon=True).start()
    return finished
