"""Settings from the environment and an optional .env file."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import (
    AnyHttpUrl,
    Field,
    SecretStr,
    ValidationError,
    field_validator,
)
from pydantic_core import PydanticCustomError
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from knowledge.facts.messages import N_, Problem
from knowledge.facts.unreadable import issue_problem
from knowledge.store.engines import SUPPORTED_DRIVERS, sqlite_file

DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///var/pobratym.sqlite3"
_DEFAULT_SQLITE_FILE = Path(make_url(DEFAULT_DATABASE_URL).database or "")
DEFAULT_REDIS_PREFIX = "pobratym:"
LOCALES = ("uk", "en")


class Settings(BaseSettings):
    """Everything the bot reads from its environment."""

    model_config = SettingsConfigDict(
        env_file=".env", env_file_encoding="utf-8", extra="ignore", frozen=True
    )

    bot_token: SecretStr | None = None
    # URLs may carry passwords: secrets, never printed.
    database_url: SecretStr = SecretStr(DEFAULT_DATABASE_URL)
    admin_ids: Annotated[tuple[int, ...], NoDecode] = ()
    default_locale: Literal["uk", "en"] = "uk"
    redis_url: SecretStr | None = None
    # What the bot's keys in Redis begin with: two bots may share one Redis under two prefixes.
    redis_prefix: str = Field(default=DEFAULT_REDIS_PREFIX, pattern=r"^[A-Za-z0-9_.:-]{1,64}$")
    telegram_api_base: AnyHttpUrl | None = None
    webhook_base_url: AnyHttpUrl | None = None
    webhook_path: str = Field(default="/telegram/webhook", pattern=r"^/[A-Za-z0-9/_-]*$")
    webhook_secret: SecretStr | None = None
    webhook_host: str = "127.0.0.1"
    webhook_port: int = Field(default=8080, ge=1, le=65535)
    reminder_days: Annotated[tuple[int, ...], NoDecode] = (90, 30, 7)
    # Reminders and announcements wait for these hours of the day (start included, end not).
    sending_hours: Annotated[tuple[dt.time, dt.time], NoDecode] = (dt.time(9), dt.time(20))
    sending_timezone: str = "Europe/Kyiv"

    @field_validator("bot_token", "webhook_secret", "redis_url", mode="before")
    @classmethod
    def _blank_is_unset(cls, value: object) -> object:
        return None if isinstance(value, str) and not value.strip() else value

    @field_validator("bot_token")
    @classmethod
    def _token_shape(cls, value: SecretStr | None) -> SecretStr | None:
        # Checked here so a pasted-wrong token fails at start-up; the value is never echoed.
        if value is not None:
            bot_id, _, secret = value.get_secret_value().partition(":")
            if not bot_id.isdigit() or len(secret) < 30:
                raise _wrong(N_("{field}: expected the form 123456789:ABC… given by @BotFather"))
        return value

    @field_validator("database_url")
    @classmethod
    def _supported_database(cls, value: SecretStr) -> SecretStr:
        try:
            url = make_url(value.get_secret_value())
        except ArgumentError:
            raise _wrong(N_("{field}: not a database URL")) from None
        if url.drivername not in SUPPORTED_DRIVERS:
            raise _wrong(
                N_("{field}: use one of the drivers {drivers}"),
                drivers=", ".join(SUPPORTED_DRIVERS),
            )
        # Only the default file's folder is made on first run, however its path is written
        # (relative, or absolute from the working folder): a mistyped folder would otherwise
        # become a new, freshly seeded database beside the real one.
        path = sqlite_file(url)
        if (
            path is not None
            and path.resolve() != _DEFAULT_SQLITE_FILE.resolve()
            and not path.parent.is_dir()
        ):
            raise _wrong(
                N_("{field}: the folder {folder} does not exist; create it or correct the path"),
                folder=str(path.parent),
            )
        return value

    @field_validator("redis_url")
    @classmethod
    def _redis_scheme(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not value.get_secret_value().startswith(
            ("redis://", "rediss://", "unix://")
        ):
            raise _wrong(N_("{field}: expected redis://host:port/db"))
        return value

    @field_validator("admin_ids", mode="before")
    @classmethod
    def _comma_separated_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not all(part.lstrip("-").isdigit() for part in parts):
                raise _wrong(N_("{field}: expected Telegram user ids separated by commas"))
            return tuple(int(part) for part in parts)
        if isinstance(value, int):
            return (value,)
        return value

    @field_validator("reminder_days", mode="before")
    @classmethod
    def _comma_separated_days(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.split(",") if part.strip()]
            if not parts or not all(part.isdigit() and int(part) > 0 for part in parts):
                raise _wrong(N_("{field}: expected positive numbers of days separated by commas"))
            return tuple(sorted({int(part) for part in parts}, reverse=True))
        if isinstance(value, int):
            return (value,)
        return value

    @field_validator("sending_hours", mode="before")
    @classmethod
    def _hours_range(cls, value: object) -> object:
        if isinstance(value, str):
            match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*-\s*(\d{1,2}):(\d{2})\s*", value)
            if match is None:
                raise _wrong(N_("{field}: expected a range of hours such as 09:00-20:00"))
            start_hour, start_minute, end_hour, end_minute = (int(part) for part in match.groups())
            if end_hour == 24 and end_minute == 0:
                end_hour, end_minute = 23, 59
            try:
                return (dt.time(start_hour, start_minute), dt.time(end_hour, end_minute))
            except ValueError:
                raise _wrong(
                    N_("{field}: expected a range of hours such as 09:00-20:00")
                ) from None
        return value

    @field_validator("sending_timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise _wrong(N_("{field}: expected a time zone such as Europe/Kyiv")) from None
        return value


class SettingsError(Exception):
    """Settings with wrong values: `problems` holds one Problem per setting, each naming the
    variable ({field}) and never showing its value. `str()` is the English text; `render`
    words it in a catalog's language."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(self.render(lambda message: message))

    def render(self, gettext: Callable[[str], str], lang: str = "en") -> str:
        """Every problem in `gettext`'s language, joined by "; "."""
        return "; ".join(problem.render(gettext, lang) for problem in self.problems)


# pydantic's own checks on a setting, worded for a variable rather than a file's field.
_SETTING_REASONS = {
    "int_parsing": N_("{field}: expected a whole number"),
    "int_type": N_("{field}: expected a whole number"),
    "literal_error": N_("{field}: expected one of: {expected}"),
    "url_parsing": N_("{field}: expected an address such as https://example.org"),
    "url_scheme": N_("{field}: expected an address such as https://example.org"),
}
# A validator's own error: its message id and parameters travel in the error's context.
_OWN_REASON = "setting"


def _wrong(message: str, **params: str) -> PydanticCustomError:
    """The error a validator raises: `message` is an N_ id with {field} and `params`."""
    return PydanticCustomError(_OWN_REASON, message, {"message_id": message, **params})


def _problem(issue: Any) -> Problem:
    """One pydantic error about a setting as a Problem naming its variable."""
    name = str(issue["loc"][0]).upper() if issue["loc"] else "settings"
    context = issue.get("ctx") or {}
    params: dict[str, str | int] = {"field": name}
    if issue["type"] == _OWN_REASON:
        params.update({key: str(value) for key, value in context.items() if key != "message_id"})
        return Problem(str(context["message_id"]), params)
    return issue_problem(issue, name, _SETTING_REASONS)


class _LocaleOnly(BaseSettings):
    """DEFAULT_LOCALE alone, read from the same places as Settings, as any text."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    default_locale: str = "uk"


def locale_despite_errors() -> str:
    """The language ("uk" or "en") for a message about settings that failed to load:
    DEFAULT_LOCALE when it names a language the bot speaks, otherwise "uk"."""
    written = _LocaleOnly().default_locale.strip().lower()
    return written if written in LOCALES else "uk"


def load_settings() -> Settings:
    """Read the settings. Raises SettingsError naming every wrong setting."""
    try:
        return Settings()
    except ValidationError as error:
        issues = error.errors(include_input=False, include_url=False)
        raise SettingsError([_problem(issue) for issue in issues]) from None
