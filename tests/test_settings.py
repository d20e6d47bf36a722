"""A wrong setting stops start-up with one clear line naming it, and never shows a secret."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import pytest

from bot.app import RedactingFormatter, secrets_of
from bot.settings import DEFAULT_DATABASE_URL, Settings, SettingsError, load_settings
from knowledge.render.translations import translation
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
    actual = run_bot("--lang", "en", "kb", "stats", cwd=tmp_path, env={variable: value})

    assert actual.returncode == 2
    assert actual.stdout == ""
    assert actual.stderr.startswith(f"Configuration error: {variable}:")
    assert len(actual.stderr.strip().splitlines()) == 1
    assert "Traceback" not in actual.stderr
    assert "my-secret-value" not in actual.stderr
    assert not (tmp_path / "var").exists()


@pytest.mark.parametrize(
    ("variable", "value", "reason"),
    [
        ("WEBHOOK_PORT", "http", "очікується ціле число"),
        ("ADMIN_IDS", "12,abc", "очікуються ідентифікатори користувачів Telegram через кому"),
        ("DATABASE_URL", "mysql://root@localhost/db", "використайте один із драйверів"),
        ("DEFAULT_LOCALE", "ru", "очікується одне зі значень: uk, en"),
    ],
)
def test_a_wrong_value_is_told_in_ukrainian_by_default(
    tmp_path: Path, variable: str, value: str, reason: str
) -> None:
    actual = run_bot("kb", "stats", cwd=tmp_path, env={variable: value})

    assert actual.returncode == 2
    assert actual.stderr.startswith(f"Помилка налаштувань: {variable}: {reason}")
    assert "expected" not in actual.stderr


def test_a_wrong_value_is_told_in_the_language_the_dot_env_file_chooses(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("DEFAULT_LOCALE=en\nWEBHOOK_PORT=http\n", encoding="utf-8")

    actual = run_bot("kb", "stats", cwd=tmp_path)

    assert actual.stderr == "Configuration error: WEBHOOK_PORT: expected a whole number\n"


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
    assert actual.database_url.get_secret_value() == DEFAULT_DATABASE_URL
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


def test_database_and_redis_urls_are_secrets_never_printed(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql+asyncpg://bot:Pg-Pa55word@db:5432/pobratym")
    monkeypatch.setenv("REDIS_URL", "redis://:Redis-Pa55word@cache:6379/0")

    settings = load_settings()
    printed = f"{settings!r} {settings} {settings.model_dump()}"

    assert "Pg-Pa55word" not in printed
    assert "Redis-Pa55word" not in printed
    assert settings.database_url.get_secret_value().endswith("@db:5432/pobratym")
    assert settings.redis_url is not None
    assert settings.redis_url.get_secret_value() == "redis://:Redis-Pa55word@cache:6379/0"


def test_a_wrong_redis_url_is_named_without_its_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", "http://:Redis-Pa55word@cache")

    with pytest.raises(SettingsError) as refused:
        load_settings()

    assert str(refused.value) == "REDIS_URL: expected redis://host:port/db"


def test_a_traceback_in_the_log_has_every_secret_masked(monkeypatch: pytest.MonkeyPatch) -> None:
    token = "123456789:AAFakeTokenThatMustNeverBeLogged0000"
    settings = Settings(
        _env_file=None,
        bot_token=token,
        webhook_secret="Hook-Secret_1",
        database_url="postgresql+asyncpg://bot:Pg-Pa55word@db:5432/pobratym",
    )
    formatter = RedactingFormatter(logging.Formatter("%(message)s"), secrets_of(settings))
    try:
        raise ConnectionError(f"GET https://api.telegram.org/file/bot{token}/doc failed")
    except ConnectionError:
        record = logging.LogRecord(
            "bot",
            logging.ERROR,
            __file__,
            1,
            "with %s and %s",
            ("Hook-Secret_1", "Pg-Pa55word"),
            sys.exc_info(),
        )
    text = formatter.format(record)

    assert "Traceback" in text
    for secret in (token, token.partition(":")[2], "Hook-Secret_1", "Pg-Pa55word"):
        assert secret not in text


@pytest.mark.parametrize(
    ("value", "lang", "expected"),
    [
        ("70000", "en", "WEBHOOK_PORT: may not exceed 65,535"),
        ("70000", "uk", "WEBHOOK_PORT: не може перевищувати 65\u00a0535"),
        ("0", "en", "WEBHOOK_PORT: may not be less than 1"),
        ("0", "uk", "WEBHOOK_PORT: не може бути меншим за 1"),
    ],
)
def test_a_setting_out_of_bounds_is_told_as_a_field_of_a_file_is(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, value: str, lang: str, expected: str
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WEBHOOK_PORT", value)

    with pytest.raises(SettingsError) as raised:
        load_settings()
    actual = raised.value.render(translation(lang).gettext, lang)

    assert actual == expected
