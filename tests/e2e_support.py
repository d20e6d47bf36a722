"""Running the real bot process (`python -m bot run | webhook | chat`) against the local API."""

from __future__ import annotations

import asyncio
import contextlib
import os
import shutil
import signal
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.local_api import Call, LocalTelegram
from knowledge.qa.engine import Engine
from tests.cli import _SETTINGS, PROJECT_DIR

START_TIMEOUT = 60.0
SECRET = "e2e-Secret_token"


@pytest.fixture(scope="session")
def prepared_var(
    seeded_template: Path,
    qa_engine: Engine,
    forms_cache_file: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> Path:
    """A `var/` folder as a second start finds it: the seeded database and the name forms
    (those `qa_engine` computed on the same knowledge)."""
    assert forms_cache_file.is_file(), "qa_engine keeps the name forms it computed"
    var = tmp_path_factory.mktemp("e2e") / "var"
    (var / "cache").mkdir(parents=True)
    shutil.copyfile(seeded_template, var / "pobratym.sqlite3")
    shutil.copyfile(forms_cache_file, var / "cache" / "name-forms.json")
    return var


@pytest.fixture
def bot_home(prepared_var: Path, tmp_path: Path) -> Path:
    """A working folder of the bot's own, with a copy of the prepared `var/`."""
    shutil.copytree(prepared_var, tmp_path / "var")
    return tmp_path


def database_url(var: Path) -> str:
    """The SQLite database inside a `var/` folder."""
    return f"sqlite+aiosqlite:///{var / 'pobratym.sqlite3'}"


def bot_environment(home: Path, **settings: str) -> dict[str, str]:
    """The environment of a bot process: only the given settings, never the developer's."""
    environment = {key: value for key, value in os.environ.items() if key not in _SETTINGS}
    environment["PYTHONPATH"] = str(PROJECT_DIR)
    environment["DATABASE_URL"] = database_url(home / "var")
    environment.update(settings)
    return environment


def telegram_environment(home: Path, telegram: LocalTelegram, **settings: str) -> dict[str, str]:
    """A bot process with a well-formed token talking to the local API."""
    return bot_environment(
        home, BOT_TOKEN=telegram.token, TELEGRAM_API_BASE=telegram.base_url, **settings
    )


class BotProcess:
    """`python -m bot ARGUMENTS` running in the background, its output kept."""

    def __init__(self, process: asyncio.subprocess.Process) -> None:
        self.process = process

    async def stop(self, within: float = 30.0) -> tuple[int, str]:
        """SIGTERM, then waits for the exit; the exit code and everything the bot printed."""
        if self.process.returncode is None:
            self.process.send_signal(signal.SIGTERM)
        return await self.wait(within)

    async def wait(self, within: float = 30.0) -> tuple[int, str]:
        """Waits for the exit; the exit code and everything the bot printed."""
        output, _ = await asyncio.wait_for(self.process.communicate(), within)
        assert self.process.returncode is not None
        return self.process.returncode, output.decode(errors="replace")


@contextlib.asynccontextmanager
async def bot_process(
    home: Path, environment: dict[str, str], *arguments: str
) -> AsyncIterator[BotProcess]:
    """Starts the bot; kills it on leaving if the test did not stop it."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *arguments,
        cwd=home,
        env=environment,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        yield BotProcess(process)
    except BaseException:
        # A failing test shows what the bot printed up to the failure.
        if process.returncode is None:
            process.kill()
            output, _ = await process.communicate()
            sys.stderr.write(output.decode(errors="replace"))
        raise
    finally:
        if process.returncode is None:
            process.kill()
            await process.communicate()


async def wait_started(telegram: LocalTelegram, method: str, process: BotProcess) -> Call:
    """Waits for the call that shows the bot is up, failing with its output if it died."""
    waiting = asyncio.ensure_future(telegram.next_call(method, within=START_TIMEOUT))
    exited = asyncio.ensure_future(process.process.wait())
    await asyncio.wait({waiting, exited}, return_when=asyncio.FIRST_COMPLETED)
    if not waiting.done():
        waiting.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await waiting
        _, output = await process.wait()
        pytest.fail(f"the bot exited before {method}:\n{output}")
    exited.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await exited
    return waiting.result()


def rejected_calls(telegram: LocalTelegram) -> list[str]:
    """Calls Telegram would have refused (injected faults aside), with the reason."""
    return [
        f"{call.method}: {call.response.get('description')}"
        for call in telegram.calls
        if not call.ok and call.fault is None
    ]
