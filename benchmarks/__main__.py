"""`python -m benchmarks`: every measure of the bot beside bare aiogram, in one run.

    python -m benchmarks [--rounds N] [--full]

`--full` broadcasts 10,000 announcements (about six minutes) instead of 1,000, and runs two
webhook replicas on PostgreSQL and Redis beside one (`benchmarks.replicas`: both servers must
be running; POSTGRES_URL and REDIS_URL say where). The question
engine's own start-up, latency and memory: `python -m benchmarks.qa_benchmark`.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
from collections.abc import Sequence

from benchmarks import dispatcher, limits, replicas, startup, webhook


def _machine() -> str:
    cores = len(os.sched_getaffinity(0))
    with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
        model = next(
            (line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")),
            platform.processor(),
        )
    return f"{model}, {cores} cores, Python {platform.python_version()}, {platform.platform()}"


def main(argv: Sequence[str] | None = None) -> int:
    """Run every benchmark and print its table; always exits 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--full", action="store_true", help="broadcast 10,000, not 1,000; two replicas too"
    )
    args = parser.parse_args(argv)
    sys.stdout.write(f"Machine: {_machine()}\n")
    rounds = str(args.rounds)
    dispatcher.main(["--rounds", rounds])
    startup.main(["--rounds", rounds])
    webhook.main(["--rounds", str(min(args.rounds, 5))])
    broadcast = "10000" if args.full else "1000"
    limits.main(["--rounds", str(min(args.rounds, 3)), "--broadcast", broadcast])
    if args.full:
        replicas.main(["--rounds", str(min(args.rounds, 3)), "--broadcast", broadcast])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
