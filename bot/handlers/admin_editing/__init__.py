"""Editing from Telegram: guided dialogs, the one-line form, edit and delete, each confirmed.

`get_router()` builds one router for them all, skipped unless a command, one of the dialogs or
one of their buttons: the preview and its Confirm, the new-record dialogs, /edit and /delete,
then what answers buttons no longer asked and anyone without the right.
"""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.callbacks import ADMIN_DIALOG_BUTTONS, AdminConfirm
from bot.filters.admin import IsAdmin, refuse
from bot.handlers.admin_editing import edit, new_records, preview
from bot.handlers.admin_editing.edit import edit_draft
from bot.handlers.admin_editing.keyboards import DIALOG_BUTTONS, confirm_keyboard
from bot.handlers.admin_editing.states import EditForm, Pending, RecordForm, SourceTitle
from bot.replies import say
from bot.routing import CallbackPrefix, DialogOrCommand, Handlers
from knowledge.admin import dialogs
from knowledge.admin.editing_state import EditedRecord

__all__ = [
    "COMMANDS",
    "EditForm",
    "Pending",
    "SourceTitle",
    "ask_again",
    "confirm_keyboard",
    "edit_draft",
    "get_router",
]

# Answered after every other editing handler: what no question waits for, and refusals.
router = Handlers(f"{__name__}.last")


COMMANDS = (
    "add_agreement",
    "new_agreement",
    "new_place",
    "new_source",
    "new_aid",
    "edit",
    "delete",
    "cancel",
)


@router.callback_query(DIALOG_BUTTONS, IsAdmin())
async def on_stale_move(query: CallbackQuery) -> None:
    """A choice, Back or Skip under a question no longer asked."""
    await query.answer()
    if isinstance(query.message, Message):
        await say(query.message, _("This button is no longer valid. Please start again."))


@router.message(Pending.confirm, F.text, IsAdmin())
async def pending_text(message: Message) -> None:
    """While a preview waits, only its buttons (or /cancel) answer it."""
    await say(message, _("Please press Confirm or Cancel under the preview, or send /cancel."))


@router.message(Command(*COMMANDS))
async def refuse_editing(message: Message) -> None:
    """A non-admin's command: refused, nothing changes."""
    await refuse(message)


@router.message(StateFilter(EditForm, Pending, RecordForm, SourceTitle))
async def refuse_in_dialog(message: Message, state: FSMContext) -> None:
    """Someone who lost the right in the middle of a dialog: refused, the dialog ends."""
    await state.clear()
    await refuse(message)


@router.callback_query(AdminConfirm.filter())
@router.callback_query(DIALOG_BUTTONS)
async def refuse_button(query: CallbackQuery) -> None:
    """A button of an admin dialog pressed by someone without the right."""
    await refuse(query)


async def ask_again(message: Message, state: FSMContext, lang: str) -> None:
    """The question the editing dialog open in the conversation waits on, asked again with
    its buttons (after /help, say); nothing when no dialog is open."""
    current = await state.get_state()
    data = await state.get_data()
    if current == RecordForm.step.state:
        dialog = dialogs.DialogState.from_data(data)
        if dialog is not None:
            await new_records.ask(message, state, dialog, lang)
    elif current == SourceTitle.title.state:
        await preview.ask_for_title(message, state)
    elif current == Pending.confirm.state:
        await say(message, _("Please press Confirm or Cancel under the preview, or send /cancel."))
    elif current in (EditForm.field.state, EditForm.value.state):
        edited = EditedRecord.from_data(data)
        if edited is None:
            return
        step = dialogs.edit_step(edited.entity, edited.field or "")
        if current == EditForm.value.state and step is not None:
            await edit.ask_value(message, state, step, lang)
        else:
            await edit.ask_field(message, state, edited)


def get_router() -> Router:
    """This feature's handlers as a new router, skipped unless a command, one of its dialogs
    or one of its buttons; inside, the preview's, the new records', the edits' and last the
    catch-alls' routers, in that order."""
    editing = Handlers(__name__).build(
        guards={
            "message": [DialogOrCommand(EditForm, Pending, RecordForm, SourceTitle)],
            "callback_query": [
                CallbackPrefix(
                    AdminConfirm.__prefix__,
                    *(button.__prefix__ for button in ADMIN_DIALOG_BUTTONS),
                )
            ],
        }
    )
    for part in (preview.router, new_records.router, edit.router, router):
        editing.include_router(part.build())
    return editing
