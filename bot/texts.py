"""Telegram HTML from plain text: escaped, and cut into messages Telegram accepts."""

from __future__ import annotations

import html
import re

from aiogram.utils.i18n import get_i18n
from aiogram.utils.i18n import gettext as _

from knowledge.facts.messages import Problem
from knowledge.render.cards import Card

MESSAGE_LIMIT = 4096


def escaped(text: str) -> str:
    """Text from users or the knowledge base, safe inside HTML."""
    return html.escape(text, quote=False)


def problem_text(problem: Problem) -> str:
    """The reason for a refusal in the update's language, names in it too (plain text)."""
    return problem.render(_, get_i18n().current_locale)


def problem_reply(problem: Problem) -> str:
    """The reason for a refusal as a reply of its own, in the update's language: as
    `problem_text`, opening with a capital where its wording opens a sentence."""
    return problem.render_alone(_, get_i18n().current_locale)


ELLIPSIS = "…"
# A card's title never takes more than this; its lines get the rest.
TITLE_LIMIT = 1024
_WORDS = re.compile(r"\S+|\s+")


def cut_escaped(text: str, room: int) -> str:
    """`text` escaped, at most `room` characters: whole when it fits, else cut after a word
    with "…" (inside a word only when its first word is too long), never inside an entity such
    as &amp;; "" when not even "…" fits."""
    whole = escaped(text)
    if len(whole) <= room:
        return whole
    if room < len(ELLIPSIS):
        return ""
    kept: list[str] = []
    used = len(ELLIPSIS)
    for token in _WORDS.findall(text):
        piece = escaped(token)
        if used + len(piece) > room:
            if not kept:
                # One long word: cut it by characters, each escaped whole.
                for char in token:
                    one = escaped(char)
                    if used + len(one) > room:
                        break
                    kept.append(one)
                    used += len(one)
            break
        kept.append(piece)
        used += len(piece)
    return "".join(kept).rstrip() + ELLIPSIS


def card_html(card: Card, limit: int = MESSAGE_LIMIT) -> str:
    """A card: its title in bold, its lines escaped, in at most `limit` characters.

    A card longer than that (a 2,000-character note, thirty partners with long names) ends
    with the line that reaches the limit cut after a word, and "…"; later lines are left out,
    so the card always goes out as one message that its buttons can sit under.
    """
    title = f"<b>{cut_escaped(card.title, min(TITLE_LIMIT, limit) - len('<b></b>'))}</b>"
    lines = [title]
    used = len(title)
    for line in card.lines:
        room = limit - used - 1
        if room < len(ELLIPSIS):
            break
        piece = cut_escaped(line, room)
        lines.append(piece)
        used += 1 + len(piece)
        if piece != escaped(line):
            break
    return "\n".join(lines)


def card_with_notes(
    card: Card, notes: list[str], status: str | None, limit: int = MESSAGE_LIMIT
) -> str:
    """A card (see `card_html`, in at most `limit` characters) with plain-text notes under it
    and a status line in bold, each escaped here; `limit` leaves them their room."""
    lines = [card_html(card, limit), *(escaped(note) for note in notes)]
    if status:
        lines.append(f"<b>{escaped(status)}</b>")
    return "\n".join(lines)


def _cut_long_line(line: str, limit: int) -> list[str]:
    pieces = []
    while len(line) > limit:
        cut = line.rfind(" ", 0, limit)
        if cut <= 0:
            cut = limit
            # Never cut inside an HTML entity such as &amp;.
            amp = line.rfind("&", max(0, cut - 8), cut)
            if amp != -1 and ";" not in line[amp:cut]:
                cut = amp
        pieces.append(line[:cut])
        line = line[cut:].lstrip(" ")
    pieces.append(line)
    return pieces


def split_message(text: str, limit: int = MESSAGE_LIMIT) -> list[str]:
    """Messages of at most `limit` characters, cut at line boundaries where possible.

    The text must not hold tags that span lines; escaped text and one-line tags are fine.
    """
    messages: list[str] = []
    current = ""
    for line in text.split("\n"):
        for piece in _cut_long_line(line, limit):
            candidate = f"{current}\n{piece}" if current else piece
            if len(candidate) <= limit:
                current = candidate
                continue
            if current.strip():
                messages.append(current)
            current = piece
    if current.strip():
        messages.append(current)
    return messages or [""]
