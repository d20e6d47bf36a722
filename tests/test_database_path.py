"""A DATABASE_URL whose SQLite file lies in a folder that does not exist is refused with one
line naming the folder, whichever command is run, and nothing is created; the default file is
still created on first run."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli import run_bot

COMMANDS = [
    ("kb", "stats"),
    ("ask", "Побратими Мени"),
    ("chat",),
    ("run",),
    ("kb", "export", "out.yaml"),
]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_database_in_a_missing_folder_is_refused_by_every_command(
    tmp_path: Path, command: tuple[str, ...]
) -> None:
    missing = tmp_path / "vra" / "nested"
    url = f"sqlite+aiosqlite:///{missing / 'pobratym.sqlite3'}"

    actual = run_bot(*command, cwd=tmp_path, env={"DATABASE_URL": url})

    assert actual.returncode == 2
    assert actual.stdout == ""
    lines = actual.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("Помилка налаштувань: DATABASE_URL: ")
    assert str(missing) in lines[0]
    assert "folder" not in lines[0]
    assert not (tmp_path / "vra").exists()
    assert not (tmp_path / "var").exists()


def test_a_mistyped_relative_folder_is_named_in_english(tmp_path: Path) -> None:
    (tmp_path / "var").mkdir()
    url = "sqlite+aiosqlite:///vra/pobratym.sqlite3"

    actual = run_bot("--lang", "en", "kb", "stats", cwd=tmp_path, env={"DATABASE_URL": url})

    assert actual.returncode == 2
    assert actual.stderr.startswith("Configuration error: DATABASE_URL: the folder vra ")
    assert not (tmp_path / "vra").exists()
    assert list((tmp_path / "var").iterdir()) == []


def test_a_database_in_an_existing_folder_is_created(tmp_path: Path) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'own.sqlite3'}"

    actual = run_bot("kb", "stats", cwd=tmp_path, env={"DATABASE_URL": url})

    assert actual.returncode == 0, actual.stderr
    assert (tmp_path / "own.sqlite3").is_file()


def test_the_default_database_is_still_created_with_its_folder(tmp_path: Path) -> None:
    actual = run_bot("kb", "stats", cwd=tmp_path)

    assert actual.returncode == 0, actual.stderr
    assert (tmp_path / "var" / "pobratym.sqlite3").is_file()


def test_the_default_database_written_as_an_absolute_path_is_created_on_first_run(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'var' / 'pobratym.sqlite3'}"

    ran = run_bot("kb", "stats", cwd=tmp_path, env={"DATABASE_URL": url})

    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "var" / "pobratym.sqlite3").is_file()
