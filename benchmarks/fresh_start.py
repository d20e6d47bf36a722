"""A process that starts the engine as the bot does, answers, and reports its start-up and memory.

    python -m benchmarks.fresh_start DATABASE FORMS_CACHE

prints one JSON object (see FreshProcess). It imports only what the bot needs to answer (not
the national generator or the benchmark), so its memory is what a bot's engine holds.
"""

from __future__ import annotations

import asyncio
import ctypes
import dataclasses
import gc
import json
import resource
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from knowledge.qa.engine import Engine
from knowledge.qa.evaluation import DEFAULT_PATH, Turn, load_items
from knowledge.qa.startup import engine_from_database
from knowledge.store.engines import create_engine
from knowledge.text import morphology

MEGABYTE = 1024 * 1024
_PROC_STATUS = Path("/proc/self/status")


def _status_megabytes(field_name: str) -> float | None:
    try:
        lines = _PROC_STATUS.read_text(encoding="ascii").splitlines()
    except OSError:
        return None
    for line in lines:
        if line.startswith(f"{field_name}:"):
            return int(line.split()[1]) * 1024 / MEGABYTE
    return None


def rss_megabytes() -> float:
    """The resident set size now, or the peak so far where /proc is not available."""
    current = _status_megabytes("VmRSS")
    if current is not None:
        return current
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MEGABYTE


def peak_rss_megabytes() -> float:
    """The highest resident set size of the process so far."""
    peak = _status_megabytes("VmHWM")
    if peak is not None:
        return peak
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MEGABYTE


def release_memory() -> None:
    """Collect garbage and hand freed heap pages back to the system, so RSS counts live data.

    Without the trim, glibc keeps freed pages, and what one phase freed would count as the
    next phase's memory.
    """
    gc.collect()
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    trim = getattr(libc, "malloc_trim", None)
    if trim is not None:
        trim(0)


@dataclass(frozen=True)
class FreshProcess:
    """A process that starts as the bot does: from the database, then answers questions."""

    startup_wall: float
    startup_cpu: float
    rss_dictionaries: float
    rss_engine: float
    rss_answering: float
    peak: float


def measure_fresh(database_path: Path, forms_cache: Path) -> FreshProcess:
    """Start the engine from the database as the bot does, answer, and read the memory."""
    morphology.preload()
    release_memory()
    dictionaries = rss_megabytes()
    wall, cpu = time.perf_counter(), time.process_time()
    engine = asyncio.run(_engine_from_file(database_path, forms_cache))
    startup_wall, startup_cpu = time.perf_counter() - wall, time.process_time() - cpu
    release_memory()
    ready = rss_megabytes()
    for item in load_items(DEFAULT_PATH):
        if isinstance(item, Turn):
            engine.answer(item.question)
    release_memory()
    return FreshProcess(
        startup_wall,
        startup_cpu,
        dictionaries,
        ready,
        rss_megabytes(),
        peak_rss_megabytes(),
    )


async def _engine_from_file(database_path: Path, forms_cache: Path) -> Engine:
    database = create_engine(f"sqlite+aiosqlite:///{database_path}")
    try:
        return await engine_from_database(database, forms_cache)
    finally:
        await database.dispose()


def main(argv: list[str]) -> int:
    """Measure one start-up from the database file with the forms cache file; print JSON."""
    database_path, forms_cache = (Path(argument) for argument in argv)
    figures = measure_fresh(database_path, forms_cache)
    sys.stdout.write(json.dumps(dataclasses.asdict(figures)) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
