"""`python -m bot ask … | head -1`: a reader that stops early ends the command quietly, as it
ends any command-line tool, instead of a BrokenPipeError traceback."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli import PROJECT_DIR

# The exit status a shell reports for a process SIGPIPE ended (128 + 13).
READER_GONE = 141


def _ask_into_a_closed_pipe(cwd: Path, *arguments: str) -> tuple[int, str]:
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_DIR)}
    for name in ("BOT_TOKEN", "DATABASE_URL", "REDIS_URL"):
        environment.pop(name, None)
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "ask", *arguments],
        cwd=cwd,
        env=environment,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    # The reader is gone before the answer is written, as `head -1` is after its line.
    process.stdout.close()
    _, errors = process.communicate(timeout=120)
    return process.returncode, errors


@pytest.mark.parametrize(
    "arguments",
    [
        ("Is Kharkiv twinned with Lille?",),
        # Longer than a pipe's buffer, so the write fails inside the command, not at exit.
        ("--explain", "Партнери Харкова " * 600),
    ],
)
def test_an_answer_into_a_closed_pipe_ends_quietly(
    tmp_path: Path, arguments: tuple[str, ...]
) -> None:
    status, errors = _ask_into_a_closed_pipe(tmp_path, *arguments)

    assert "Traceback" not in errors
    assert "BrokenPipeError" not in errors
    assert status == READER_GONE
