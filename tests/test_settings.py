"""A wrong setting stops start-up with one clear line naming it, and never shows a secret."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.settings import DEFAULT_DATABASE_URL, Settings, SettingsError, load_settings
from tests.cli import run_bot

A_VALID_LOOKING_TOKEN = "123456:" + "A" * 35


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("DATABASE_URL", "not a url"),
        ("DATABASE_URL", "mysql://root@localhost/db"),
        ("ADMIN_IDS", "12,abc"),
        ("DEFAULT_LOCALE", "ru"),
        ("TELEGRAM_API_BASE", "localhost:8081"),
        ("WEBHOOK_PORT", "http"),
        ("REDIS_URL", "127.0.0.1:6379"),
        ("BOT_TOKEN", "my-secret-value"),
    ],
)
def test_a_wrong_value_gives_one_line_naming_the_variable(
    tmp_path: Path, variable: str, value: str
) -> None:
    actual = run_bot("kb", "stats", cwd=tmp_path, env={variable: value})

    assert actual.returncode == 2
    assert actual.stdout == ""
    assert actual.stderr.startswith(f"Configuration error: {variable}:")
    assert len(actual.stderr.strip().splitlines()) == 1
    assert "Traceback" not in actual.stderr
    assert "my-secret-value" not in actual.stderr
    assert not (tmp_path / "var").exists()


def test_settings_are_read_from_a_dot_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text(
        f"BOT_TOKEN={A_VALID_LOOKING_TOKEN}\nADMIN_IDS=12, 34\nDEFAULT_LOCALE=en\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    for variable in ("BOT_TOKEN", "ADMIN_IDS", "DEFAULT_LOCALE", "DATABASE_URL"):
        monkeypatch.delenv(variable, raising=False)

    actual = load_settings()

    assert actual.bot_token is not None
    assert actual.bot_token.get_secret_value() == A_VALID_LOOKING_TOKEN
    assert actual.admin_ids == (12, 34)
    assert actual.default_locale == "en"
    assert actual.database_url == DEFAULT_DATABASE_URL
    assert A_VALID_LOOKING_TOKEN not in repr(actual)


def test_a_local_bot_api_server_is_accepted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TELEGRAM_API_BASE", "http://127.0.0.1:8081")

    assert str(Settings().telegram_api_base) == "http://127.0.0.1:8081/"


def test_several_wrong_values_are_all_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("ADMIN_IDS", "x")
    monkeypatch.setenv("WEBHOOK_PORT", "0")

    with pytest.raises(SettingsError) as raised:
        load_settings()

    assert "ADMIN_IDS:" in str(raised.value)
    assert "WEBHOOK_PORT:" in str(raised.value)
