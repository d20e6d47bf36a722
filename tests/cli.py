"""Runs `python -m bot` as a separate process, the way an admin or a script would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
# Settings a developer may have exported must not leak into the process under test.
_SETTINGS = (
    "BOT_TOKEN",
    "DATABASE_URL",
    "ADMIN_IDS",
    "DEFAULT_LOCALE",
    "REDIS_URL",
    "TELEGRAM_API_BASE",
    "WEBHOOK_BASE_URL",
    "WEBHOOK_PATH",
    "WEBHOOK_SECRET",
    "WEBHOOK_HOST",
    "WEBHOOK_PORT",
)


def run_bot(
    *arguments: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run `python -m bot ARGUMENTS` in a folder with only the given settings."""
    environment = {key: value for key, value in os.environ.items() if key not in _SETTINGS}
    environment["PYTHONPATH"] = str(PROJECT_DIR)
    environment.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "bot", *arguments],
        cwd=cwd,
        env=environment,
        capture_output=True,
        # Not a terminal: without a token, `run` explains instead of opening the chat.
        stdin=subprocess.DEVNULL,
        text=True,
        timeout=120,
        check=False,
    )
