"""Buttons under an answer: readings of an ambiguous name, suggested questions, browsing."""

from __future__ import annotations

from collections.abc import Sequence

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import OfferedQuestion, PartnersOpen, SuggestCorrection

# Telegram shows long labels cut anyway; a shorter one reads better on a phone.
LABEL_LIMIT = 60


def _label(text: str) -> str:
    return text if len(text) <= LABEL_LIMIT else text[: LABEL_LIMIT - 1] + "…"


def offered_keyboard(
    labels: Sequence[str], browse_hromada: str | None = None, correction: str | None = None
) -> InlineKeyboardMarkup | None:
    """One button per offered question (its index in the chat's offer), then "browse partners",
    then "suggest a correction" when `correction` is given (the hromada's code, or "")."""
    builder = InlineKeyboardBuilder()
    for index, label in enumerate(labels):
        builder.button(text=_label(label), callback_data=OfferedQuestion(index=index))
    if browse_hromada is not None:
        builder.button(
            text=_("Browse partners"), callback_data=PartnersOpen(code=browse_hromada, page=1)
        )
    if correction is not None:
        builder.button(
            text=_("✏️ Suggest a correction"), callback_data=SuggestCorrection(hromada=correction)
        )
    if not labels and browse_hromada is None and correction is None:
        return None
    builder.adjust(1)
    return builder.as_markup()
