"""The buttons under the editing dialogs' questions and previews."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from aiogram.filters.callback_data import CallbackData
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import ADMIN_DIALOG_BUTTONS, AdminConfirm, DialogMove, Move, StepPick
from bot.routing import CallbackPrefix
from knowledge.admin import dialogs

# The data of the button offering the choice at an index.
Pick = Callable[[int], CallbackData]


# Any button under an editing dialog's question.
DIALOG_BUTTONS = CallbackPrefix(*(button.__prefix__ for button in ADMIN_DIALOG_BUTTONS))


def pick_keyboard(pick: Pick, labels: Sequence[str]) -> InlineKeyboardMarkup:
    """A button for each label, two in a row; a press gives the label's index."""
    builder = InlineKeyboardBuilder()
    for index, label in enumerate(labels):
        builder.button(text=label, callback_data=pick(index))
    builder.adjust(2)
    return builder.as_markup()


def moves_keyboard(
    pick: Pick, labels: Sequence[str], *, step: int, back: bool, skip: bool = False
) -> InlineKeyboardMarkup | None:
    """The buttons under a dialog's question: its choices (`labels`, a press gives the
    index), then Back (to the question asked before) and Skip (for an optional answer) in
    one row; None when there are none."""
    builder = InlineKeyboardBuilder()
    if labels:
        builder.attach(InlineKeyboardBuilder.from_markup(pick_keyboard(pick, labels)))
    moves = []
    if back:
        moves.append((_("◀ Back"), Move.BACK))
    if skip:
        moves.append((_("Skip ▶"), Move.SKIP))
    if moves:
        builder.row(
            *(
                InlineKeyboardButton(
                    text=text, callback_data=DialogMove(move=move, step=step).pack()
                )
                for text, move in moves
            )
        )
    return builder.as_markup() if labels or moves else None


def step_keyboard(
    dialog: dialogs.DialogState, options: Sequence[tuple[str, Any]]
) -> InlineKeyboardMarkup | None:
    """The buttons under the question of a new-record dialog's current step."""
    return moves_keyboard(
        lambda index: StepPick(step=dialog.step, index=index),
        [label for label, _value in options],
        step=dialog.step,
        back=bool(dialog.earlier),
        skip=dialog.current.optional,
    )


def confirm_keyboard() -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=_("✅ Confirm"), callback_data=AdminConfirm(ok=True))
    builder.button(text=_("✖ Cancel"), callback_data=AdminConfirm(ok=False))
    return builder.as_markup()
