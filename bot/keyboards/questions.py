"""Buttons under an answer: readings of an ambiguous name, suggested questions, browsing."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

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


def _offer(index: int, question: str | None) -> AskQuestion | OfferedQuestion:
    """The button's data: the question itself when it fits, else its index in the offer."""
    payload = None if question is None else question_payload(question)
    if payload is not None and len(payload) <= _PAYLOAD_LIMIT:
        return AskQuestion(payload=payload)
    return OfferedQuestion(index=index)


def offered_keyboard(
    labels: Sequence[str],
    browse_hromada: str | None = None,
    correction: str | None = None,
    questions: Sequence[str] | None = None,
    next_page: AnswerPage | None = None,
) -> InlineKeyboardMarkup | None:
    """One button per offered question, then "browse partners", then "suggest a correction"
    when `correction` is given (the hromada's code, or "").

    A button carries its question (`questions[i]`, or the label) when it fits in the button's
    data, so it asks the same whoever presses it and whenever; a longer one falls back to its
    index in the chat's latest offer.
    """
    builder = InlineKeyboardBuilder()
    if next_page is not None:
        builder.button(text=_("Next page ▸"), callback_data=next_page)
    for index, label in enumerate(labels):
        question = questions[index] if questions is not None else label
        builder.button(text=_label(label), callback_data=_offer(index, question))
    if browse_hromada is not None:
        builder.button(
            text=_("Browse partners"), callback_data=PartnersOpen(code=browse_hromada, page=1)
        )
    if correction is not None:
        builder.button(
            text=_("✏️ Suggest a correction"), callback_data=SuggestCorrection(hromada=correction)
        )
    if not labels and browse_hromada is None and correction is None and next_page is None:
        return None
    builder.adjust(1)
    return builder.as_markup()
