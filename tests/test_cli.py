"""The command line as a newcomer and an admin meet it."""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest

from bot.cli import build_parser, lang_first, main
from knowledge.store import migrations
from tests.cli import run_bot


def test_kb_stats_on_a_fresh_machine_creates_and_seeds_the_default_database(
    tmp_path: Path,
) -> None:
    actual = run_bot("--lang", "en", "kb", "stats", cwd=tmp_path)

    assert actual.returncode == 0, actual.stderr
    assert (tmp_path / "var" / "pobratym.sqlite3").is_file()
    lines = actual.stdout.splitlines()
    assert "1,774 hromadas" in lines
    assert "  with partnership records: 4" in lines
    assert "14 agreements" in lines
    assert "4 sources" in lines
    assert (
        "Partner countries (9): Czechia, France, Germany, Italy, Latvia, Poland, Slovakia,"
        " United Kingdom, United States"
    ) in lines


def test_kb_stats_speaks_ukrainian_by_default_with_real_plural_forms(tmp_path: Path) -> None:
    actual = run_bot("kb", "stats", cwd=tmp_path)

    assert actual.returncode == 0, actual.stderr
    lines = actual.stdout.splitlines()
    assert "1\N{NO-BREAK SPACE}774 громади" in lines
    assert "14 угод" in lines
    assert "2 записи про допомогу" in lines
    assert "1 програма" in lines
    assert "4 джерела" in lines


def test_export_then_load_into_an_empty_database_round_trips(tmp_path: Path) -> None:
    exported = tmp_path / "export.json"
    empty = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}"}

    assert run_bot("kb", "export", str(exported), cwd=tmp_path).returncode == 0
    loaded = run_bot("--lang", "en", "kb", "load", str(exported), cwd=tmp_path, env=empty)
    again = run_bot("--lang", "en", "kb", "load", str(exported), cwd=tmp_path, env=empty)
    reexported = run_bot("kb", "export", "--format", "json", cwd=tmp_path, env=empty)

    assert loaded.returncode == 0, loaded.stderr
    assert "agreement: 14 new, 0 changed, 0 unchanged" in loaded.stdout
    assert again.stdout.splitlines()[-1] == "Nothing changed."
    assert json.loads(reexported.stdout) == json.loads(exported.read_text(encoding="utf-8"))


def test_a_load_in_ukrainian_names_the_kinds_of_records_in_ukrainian(tmp_path: Path) -> None:
    document = tmp_path / "source.yaml"
    document.write_text(
        "sources:\n  - key: council-letter\n    kind: official_letter\n"
        "    title: {uk: Лист ради, en: Council letter}\n"
        "    issuer: {uk: Рада, en: Council}\n",
        encoding="utf-8",
    )
    empty = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}"}

    loaded = run_bot("--lang", "uk", "kb", "load", str(document), cwd=tmp_path, env=empty)

    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.startswith("джерело: нових 1,")
    assert "source:" not in loaded.stdout


def test_a_load_refused_in_ukrainian_says_each_problem_in_ukrainian(tmp_path: Path) -> None:
    document = tmp_path / "refused.yaml"
    letter = (
        "  - key: council-letter\n    kind: official_letter\n"
        "    title: {uk: Лист ради, en: Council letter}\n"
        "    issuer: {uk: Рада, en: Council}\n"
    )
    document.write_text(
        "sources:\n" + letter + letter + "agreements:\n  - key: x-y\n"
        "    hromada: UA63120270000028556\n    place: nowhere\n"
        "    kind: twinning\n    status: active\n    sources: [{source: no-such-letter}]\n",
        encoding="utf-8",
    )
    empty = {"DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'empty.sqlite3'}"}

    refused = run_bot("--lang", "uk", "kb", "load", str(document), cwd=tmp_path, env=empty)

    assert refused.returncode == 1
    lines = refused.stderr.splitlines()
    assert "  - council-letter трапляється у файлі двічі" in lines, lines
    assert "  - x-y: немає місця з ключем nowhere" in lines, lines
    assert "  - x-y: немає джерела з ключем no-such-letter" in lines, lines
    assert not any(word in refused.stderr for word in ("unknown", "twice", "Traceback"))


def test_a_broken_file_is_refused_with_its_reason_and_nothing_is_written(
    tmp_path: Path,
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "agreements:\n  - key: x-y\n    hromada: UA63120270000028556\n    place: sk-kosice\n"
        "    kind: twinning\n    status: active\n",
        encoding="utf-8",
    )

    actual = run_bot("--lang", "en", "kb", "load", str(broken), cwd=tmp_path)

    assert actual.returncode == 1
    assert f"Cannot load {broken}:" in actual.stderr
    assert "  - agreements.0.sources: the field is missing" in actual.stderr
    assert "Traceback" not in actual.stderr


def test_run_without_a_token_says_how_to_get_one(tmp_path: Path) -> None:
    actual = run_bot("--lang", "en", "run", cwd=tmp_path)

    assert actual.returncode == 0
    assert "@BotFather" in actual.stderr
    assert "python -m bot chat" in actual.stderr
    assert "python -m bot kb stats" in actual.stderr


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["run"],
        ["webhook"],
        ["chat"],
        ["db"],
        ["db", "upgrade"],
        ["db", "downgrade"],
        ["kb"],
        ["kb", "load"],
        ["kb", "import"],
        ["kb", "export"],
        ["kb", "stats"],
    ],
)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    # In process: the parser is the same, and a process each would only time the imports.
    with pytest.raises(SystemExit) as exited:
        main([*command, "--help"])

    assert exited.value.code == 0
    assert capsys.readouterr().out.startswith("usage: python -m bot")


def _closed_port() -> int:
    """A local port nothing listens on (bound, then let go)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


@pytest.mark.parametrize("command", [["db", "current"], ["kb", "stats"]])
def test_an_unreachable_database_is_one_translated_line_without_the_password(
    command: list[str], tmp_path: Path
) -> None:
    url = f"postgresql+asyncpg://pobratym:s3cret-word@127.0.0.1:{_closed_port()}/pobratym"

    actual = run_bot("--lang", "uk", *command, cwd=tmp_path, env={"DATABASE_URL": url})

    assert actual.returncode == 1
    assert actual.stderr.splitlines() == [
        f"Не вдається з’єднатися з {url.replace('s3cret-word', '***')}: ConnectionRefusedError"
    ]
    assert "s3cret-word" not in actual.stdout + actual.stderr


@pytest.mark.parametrize(
    "credentials",
    [
        "pobratym@127.0.0.1:{port}/pobratym?password=s3cret-zebra",
        "pobratym@127.0.0.1:{port}/pobratym?user=pobratym&password=s3cret-zebra",
        "pobratym:s3cret@zebra@127.0.0.1:{port}/pobratym",
        "pobratym:s3cret-zebra@127.0.0.1:99999/pobratym",
    ],
)
def test_a_password_given_any_way_in_the_url_is_never_printed(
    credentials: str, tmp_path: Path
) -> None:
    url = "postgresql+asyncpg://" + credentials.format(port=_closed_port())

    actual = run_bot("--lang", "uk", "kb", "stats", cwd=tmp_path, env={"DATABASE_URL": url})

    assert actual.returncode == 1
    assert actual.stderr.startswith("Не вдається з’єднатися з postgresql+asyncpg://pobratym")
    assert "s3cret" not in actual.stdout + actual.stderr
    assert "zebra" not in actual.stdout + actual.stderr


def test_db_downgrade_and_upgrade(tmp_path: Path) -> None:
    upgraded = run_bot("--lang", "en", "db", "upgrade", cwd=tmp_path)
    downgraded = run_bot("--lang", "en", "db", "downgrade", "base", cwd=tmp_path)

    newest = migrations.revisions()[-1]
    assert upgraded.stdout.strip() == f"The database is at revision {newest}."
    assert downgraded.stdout.strip() == "The database has no schema now."


@pytest.mark.parametrize("action", ["upgrade", "downgrade"])
def test_an_unknown_revision_is_one_translated_line_and_changes_nothing(
    tmp_path: Path, action: str
) -> None:
    run_bot("--lang", "en", "db", "upgrade", cwd=tmp_path)

    actual = run_bot("--lang", "uk", "db", action, "zzzz", cwd=tmp_path)
    after = run_bot("--lang", "en", "db", "current", cwd=tmp_path)

    assert actual.returncode == 2
    assert actual.stderr.strip() == (
        "Звідси немає переходу до ревізії zzzz; нічого не змінено."
        " Де база даних зараз: python -m bot db current"
    )
    newest = migrations.revisions()[-1]
    assert after.stdout.strip() == f"The database is at revision {newest}."


@pytest.mark.parametrize(
    "argv",
    [
        ["--lang", "en", "kb", "import", "x.csv"],
        ["kb", "import", "x.csv", "--lang", "en"],
        ["kb", "--lang=en", "import", "x.csv"],
    ],
)
def test_the_language_may_be_chosen_anywhere_on_the_line(argv: list[str]) -> None:
    arguments = build_parser().parse_args(lang_first(argv))

    assert (arguments.lang, str(arguments.path)) == ("en", "x.csv")


def test_a_language_the_bot_lacks_is_still_refused_after_the_command(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(lang_first(["kb", "stats", "--lang", "fr"]))

    assert "invalid choice: 'fr'" in capsys.readouterr().err
