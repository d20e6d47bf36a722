"""Buttons under an answer: readings of an ambiguous name, suggested questions, browsing."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _

from bot.callbacks import (
    AnswerPage,
    AskQuestion,
    OfferedQuestion,
    PartnersOpen,
    SuggestCorrection,
)
from bot.deeplinks import question_payload

# Telegram shows long labels cut anyway; a shorter one reads better on a phone.
LABEL_LIMIT = 60


def _label(text: str) -> str:
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1] + "…"


# Callback data holds 64 bytes; "q:" takes two of them.
_PAYLOAD_LIMIT = 62


# The same questions are offered again and again (the greeting's examples, the usual next
# questions): their packed data is kept rather than encoded and validated for every button.
@functools.lru_cache(maxsize=4096)
def _offer(index: int, question: str | None) -> str:
    """The button's data: the question itself when it fits, else its index in the offer."""
    payload = None if question is None else question_payload(question)
    if payload is not None and len(payload) <= _PAYLOAD_LIMIT:
        return AskQuestion(payload=payload).pack()
    return OfferedQuestion(index=index).pack()


def offered_keyboard(
    labels: Sequence[str],
    browse_hromada: str | None = None,
    correction: str | None = None,
    questions: Sequence[str] | None = None,
    next_page: AnswerPage | None = None,
    lang: str = "",
) -> InlineKeyboardMarkup | None:
    """One button per offered question, then "browse partners", then "suggest a correction"
    when `correction` is given (the hromada's code, or "").

    A button carries its question (`questions[i]`, or the label) when it fits in the button's
    data, so it asks the same whoever presses it and whenever; a longer one falls back to its
    index in the chat's latest offer. `lang` ("uk", "en", "" for the chat's) is the language
    the browsing and correction buttons open in: the answer's.
    """
    # One button a row, built directly: aiogram's keyboard builder deep-copies every button
    # when it exports, which costs more than the rest of a /start.
    buttons: list[tuple[str, str]] = []
    if next_page is not None:
        buttons.append((_("Next page ▸"), next_page.pack()))
    for index, label in enumerate(labels):
        question = questions[index] if questions is not None else label
        buttons.append((_label(label), _offer(index, question)))
    if browse_hromada is not None:
        buttons.append((_("Browse partners"), _browse(browse_hromada, lang)))
    if correction is not None:
        buttons.append((_("✏️ Suggest a correction"), _correct(correction, lang)))
    if not buttons:
        return None
    return _markup(tuple(buttons))


# An answer's buttons repeat with its question (the same hromada, the same next questions, in
# the reader's language): the packed data and the markup are kept rather than validated anew
# for every reply. A kept markup is shared by the replies that carry it: aiogram only reads it
# to send it, and nothing in the bot changes a markup once built.
@functools.lru_cache(maxsize=4096)
def _browse(code: str, lang: str) -> str:
    return PartnersOpen(code=code, page=1, lang=lang).pack()


@functools.lru_cache(maxsize=4096)
def _correct(hromada: str, lang: str) -> str:
    return SuggestCorrection(hromada=hromada, lang=lang).pack()


@functools.lru_cache(maxsize=4096)
def _markup(buttons: tuple[tuple[str, str], ...]) -> InlineKeyboardMarkup:
    """One button a row, (label, callback data) each."""
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=text, callback_data=data)] for text, data in buttons
        ]
    )
