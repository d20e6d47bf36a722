"""Deep-link payloads for /start: a hromada, an agreement or a question, in 64 safe characters.

Formats: `h_<KATOTTH code>`, `a_<11-character id of the agreement key>`, and
`q_<the question's UTF-8 bytes in unpadded base64url>`, or for a Cyrillic question that would
not fit, `k_<its Windows-1251 bytes, likewise>` (one byte a letter, so ~46 letters fit).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass

MAX_PAYLOAD = 64
# The inline results' "Ask in a private chat" button starts the bot with this: a greeting.
INLINE_START = "inline"
_SAFE = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
_KATOTTH = re.compile(r"^UA\d{17}$")
_AGREEMENT_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
AGREEMENT_ID_LENGTH = 11
CYRILLIC_CODEC = "cp1251"
_CODECS = {"q": "utf-8", "k": CYRILLIC_CODEC}


class BadPayloadError(ValueError):
    """Raised for a payload that is not one this bot writes."""


@dataclass(frozen=True)
class HromadaLink:
    """Opens a hromada's card."""

    code: str


@dataclass(frozen=True)
class AgreementLink:
    """Opens an agreement's card; `agreement_id` is resolved through the snapshot."""

    agreement_id: str


@dataclass(frozen=True)
class QuestionLink:
    """Asks a question."""

    question: str


Link = HromadaLink | AgreementLink | QuestionLink


def agreement_id(key: str) -> str:
    """A short, stable id for an agreement key (keys may be up to 100 characters)."""
    digest = hashlib.sha256(key.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode()[:AGREEMENT_ID_LENGTH]


def agreement_ids(keys: Iterable[str]) -> dict[str, str]:
    """Short id → agreement key, for resolving links and buttons."""
    return {agreement_id(key): key for key in keys}


def hromada_payload(code: str) -> str:
    """The payload that opens a hromada."""
    return f"h_{code}"


def agreement_payload(key: str) -> str:
    """The payload that opens an agreement."""
    return f"a_{agreement_id(key)}"


def _base64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def question_payload(question: str) -> str | None:
    """The payload that asks the question, or None when it is too long to fit."""
    text = question.strip()
    if not text:
        return None
    payload = f"q_{_base64(text.encode())}"
    if len(payload) > MAX_PAYLOAD:
        try:
            payload = f"k_{_base64(text.encode(CYRILLIC_CODEC))}"
        except UnicodeEncodeError:
            return None
    return payload if len(payload) <= MAX_PAYLOAD else None


def decode_payload(payload: str) -> Link:
    """Read a payload this bot wrote; anything else raises BadPayloadError."""
    if not _SAFE.match(payload):
        raise BadPayloadError(payload)
    kind, _, value = payload.partition("_")
    if kind == "h" and _KATOTTH.match(value):
        return HromadaLink(value)
    if kind == "a" and _AGREEMENT_ID.match(value):
        return AgreementLink(value)
    if kind in _CODECS and value:
        try:
            raw = base64.urlsafe_b64decode(value + "=" * (-len(value) % 4))
            question = raw.decode(_CODECS[kind])
        except (binascii.Error, UnicodeDecodeError, ValueError):
            raise BadPayloadError(payload) from None
        if question.strip() and question.isprintable():
            return QuestionLink(question.strip())
    raise BadPayloadError(payload)
