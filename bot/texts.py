"""Telegram HTML from plain text: escaped, and cut into messages Telegram accepts."""

from __future__ import annotations

import html

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


def card_html(card: Card) -> str:
    """A card: its title in bold, its lines escaped."""
    lines = [f"<b>{escaped(card.title)}</b>", *(escaped(line) for line in card.lines)]
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
