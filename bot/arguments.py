"""The numbers admin commands take, read only when they can name something: a Telegram user
or chat id (a signed 64-bit integer, a user's above zero) or a change number (the database's
integer key). Anything else is None, for the command to answer with its usage."""

from __future__ import annotations

import re

# Telegram's ids fit a signed 64-bit integer.
TELEGRAM_ID_MAX = 2**63 - 1
# The widest integer key every supported database holds (PostgreSQL's INTEGER is 32-bit).
RECORD_NUMBER_MAX = 2**31 - 1
_NUMBER = re.compile(r"[+-]?[0-9]+")


def looks_numeric(text: str) -> bool:
    """Whether the word is written as a whole number (ASCII digits, perhaps signed)."""
    return bool(_NUMBER.fullmatch(text.strip()))


def _number(text: str) -> int | None:
    text = text.strip()
    return int(text) if _NUMBER.fullmatch(text) else None


def user_id(text: str) -> int | None:
    """A Telegram user's id (1 … 2⁶³−1), or None: a group's negative id or 0 is no user."""
    number = _number(text)
    return number if number is not None and 0 < number <= TELEGRAM_ID_MAX else None


def telegram_id(text: str) -> int | None:
    """A Telegram user or chat id (non-zero, within a signed 64-bit integer), or None."""
    number = _number(text)
    return number if number is not None and 0 < abs(number) <= TELEGRAM_ID_MAX else None


def record_number(text: str) -> int | None:
    """A stored row's number (1 … 2³¹−1), such as a change's for /undo, or None."""
    number = _number(text)
    return number if number is not None and 0 < number <= RECORD_NUMBER_MAX else None
