"""/edit and /delete: the record found, the field chosen, its new value typed or pressed;
and a draft (a record not written yet) edited the same way."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from aiogram import F
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _
from pydantic import BaseModel

from bot.callbacks import DialogMove, FieldPick, Move, RecordPick, ValuePick
from bot.filters.admin import IsAdmin
from bot.handlers.admin_editing.keyboards import moves_keyboard, pick_keyboard
from bot.handlers.admin_editing.preview import leave_open_dialog, preview_change
from bot.handlers.admin_editing.record_wording import areas_hint, entity_label, form_problem_text
from bot.handlers.admin_editing.states import EditForm
from bot.replies import pressed_message, say
from bot.routing import Handlers
from bot.services import BotServices
from knowledge.admin import dialogs, forms
from knowledge.admin.editing import entered_doc, load_for_edit
from knowledge.admin.editing_state import EditedRecord, Operation, RecordChoice
from knowledge.admin.fields import field_value
from knowledge.store.work import UnitOfWork

router = Handlers(__name__)


@router.callback_query(RecordPick.filter(), IsAdmin())
async def on_record_pick(
    query: CallbackQuery,
    callback_data: RecordPick,
    state: FSMContext,
    services: BotServices,
    lang: str,
) -> None:
    """One of the records found for /edit or /delete: its fields, or its deletion."""
    message = await pressed_message(query)
    if message is None:
        return
    found = RecordChoice.from_data(await state.get_data())
    if found is None or callback_data.index >= len(found.records):
        await say(message, _("This button is no longer valid. Please start again."))
        return
    entity, key = found.records[callback_data.index]
    await _start_edit(message, state, services, lang, entity, key, found.deleting)


@router.callback_query(FieldPick.filter(), StateFilter(EditForm.field), IsAdmin())
async def on_field_pick(
    query: CallbackQuery,
    callback_data: FieldPick,
    state: FSMContext,
    services: BotServices,
    lang: str,
) -> None:
    """A field of the record being edited, or (one past the last) a draft saved as it is."""
    pressed = await _pressed_on_record(query, state)
    if pressed is None:
        return
    message, edited = pressed
    fields = dialogs.edit_fields(edited.entity)
    if callback_data.index < len(fields):
        await ask_value(message, state, fields[callback_data.index], lang)
    elif callback_data.index == len(fields) and edited.draft is not None:
        await _preview_draft(message, state, lang, edited, edited.draft, services.work)
    else:
        await say(message, _("This button is no longer valid. Please start again."))


@router.callback_query(ValuePick.filter(), StateFilter(EditForm.value), IsAdmin())
async def on_value_pick(
    query: CallbackQuery,
    callback_data: ValuePick,
    state: FSMContext,
    services: BotServices,
    lang: str,
) -> None:
    """A value offered for the edited field (a kind, a status): then the preview."""
    pressed = await _pressed_on_record(query, state)
    if pressed is None:
        return
    message, edited = pressed
    step = dialogs.edit_step(edited.entity, edited.field or "")
    fields = dialogs.edit_fields(edited.entity)
    asked = step is not None and fields.index(step) == callback_data.field
    options = [] if step is None or step.options is None or not asked else step.options(lang)
    if callback_data.index >= len(options):
        await say(message, _("This button is no longer valid. Please start again."))
        return
    await _edit_value(message, state, services, lang, str(options[callback_data.index][1]))


@router.message(Command("edit", "delete"), IsAdmin())
async def cmd_edit(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    services: BotServices,
    lang: str,
) -> None:
    """Find the record (by key, or "hromada partner"), then choose a field or confirm; a
    dialog left open is dropped, and the admin told."""
    await leave_open_dialog(message, state)
    deleting = command.command == "delete"
    text = (command.args or "").strip()
    if not text:
        usage = (
            _("Which record? /delete <key>, or /delete Kharkiv Košice")
            if deleting
            else _("Which record? /edit <key>, or /edit Kharkiv Košice")
        )
        await say(message, usage)
        return
    found = await services.work(forms.find_record, text)
    if not found:
        await say(message, form_problem_text(forms.FormError("record", text)))
        return
    if len(found) > 1:
        await state.update_data(RecordChoice(records=found, deleting=deleting).to_data())
        labels = [f"{entity_label(entity)} {key}" for entity, key in found]
        await say(
            message,
            _("Several records match. Which one?"),
            pick_keyboard(lambda index: RecordPick(index=index), labels),
        )
        return
    entity, key = found[0]
    await _start_edit(message, state, services, lang, entity, key, deleting)


async def _start_edit(
    message: Message,
    state: FSMContext,
    services: BotServices,
    lang: str,
    entity: str,
    key: str,
    deleting: bool,
) -> None:
    doc = await services.work(load_for_edit, entity, key)
    if doc is None:
        await say(message, form_problem_text(forms.FormError("record", key)))
        return
    expected = doc.model_dump(mode="json")
    if deleting:
        await preview_change(
            message,
            state,
            lang,
            operation=Operation.DELETE,
            entity=entity,
            key=key,
            doc=None,
            expected=expected,
            work=services.work,
        )
        return
    edited = EditedRecord(entity=entity, key=key, expected=expected)
    await state.update_data(edited.to_data())
    await ask_field(message, state, edited)


async def ask_field(message: Message, state: FSMContext, edited: EditedRecord) -> None:
    """Which field of the record to change; a draft may also be saved as it is."""
    await state.set_state(EditForm.field)
    labels = [_(step.label) for step in dialogs.edit_fields(edited.entity)]
    if edited.draft is not None:
        labels.append(_("✅ Save as it is"))
    await say(
        message,
        _("Editing {entity} {key}. Which field?").format(
            entity=entity_label(edited.entity), key=edited.key
        ),
        pick_keyboard(lambda index: FieldPick(index=index), labels),
    )


async def edited_record(message: Message, state: FSMContext) -> EditedRecord | None:
    """The record being edited; None, the dialog ended and the admin told, if it is lost."""
    edited = EditedRecord.from_data(await state.get_data())
    if edited is None:
        await state.clear()
        await say(message, _("This button is no longer valid. Please start again."))
    return edited


async def _pressed_on_record(
    query: CallbackQuery, state: FSMContext
) -> tuple[Message, EditedRecord] | None:
    """A press under the record being edited: its message and the record; None when either is
    lost (the admin told when it is the record)."""
    message = await pressed_message(query)
    if message is None:
        return None
    edited = await edited_record(message, state)
    return None if edited is None else (message, edited)


async def ask_value(message: Message, state: FSMContext, step: dialogs.Step, lang: str) -> None:
    """The new value of the field `step` of the record being edited, its value now shown,
    with its buttons and Back (to the choice of the field)."""
    edited = await edited_record(message, state)
    if edited is None:
        return
    edited = edited.model_copy(update={"field": step.name})
    field = dialogs.edit_fields(edited.entity).index(step)
    await state.update_data(edited.to_data())
    await state.set_state(EditForm.value)
    current = _field_value(edited.entity, edited.base, step, lang)
    prompt = dialogs.prompt_text(step, edited.base, _, field=_(step.label), value=current)
    if step.lists_areas:
        prompt += "\n" + areas_hint()
    options = step.options(lang) if step.options is not None else []
    await say(
        message,
        prompt,
        moves_keyboard(
            lambda index: ValuePick(field=field, index=index),
            [label for label, _value in options],
            step=field,
            back=True,
        ),
    )


@router.callback_query(
    DialogMove.filter(F.move == Move.BACK), StateFilter(EditForm.value), IsAdmin()
)
async def on_value_back(query: CallbackQuery, state: FSMContext) -> None:
    """Back from a field's new value: the choice of the field again."""
    pressed = await _pressed_on_record(query, state)
    if pressed is not None:
        message, edited = pressed
        await ask_field(message, state, edited)


def _field_value(entity: str, doc: dict[str, Any], step: dialogs.Step, lang: str) -> str:
    path = step.stored or step.name
    value: Any = doc
    for part in path.split("."):
        if isinstance(value, list):
            value = value[int(part)] if int(part) < len(value) else None
        else:
            value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, dict):
        # Notes are stored in both languages; the admin sees theirs.
        value = value.get(lang)
    return field_value(entity, path, value, lang)


@router.message(EditForm.value, F.text, IsAdmin())
async def edit_value(
    message: Message, state: FSMContext, services: BotServices, lang: str
) -> None:
    """The new value: validated here, then the preview."""
    await _edit_value(message, state, services, lang, message.text or "")


async def _edit_value(
    message: Message, state: FSMContext, services: BotServices, lang: str, text: str
) -> None:
    edited = await edited_record(message, state)
    if edited is None:
        return
    # A draft (a record not written yet) is edited like a stored one, from its own fields.
    base = edited.base
    try:
        step = dialogs.edit_step(edited.entity, edited.field or "")
        if step is None:
            raise forms.FormError("field", str(edited.field))
        changed = await services.work(dialogs.read_change, step, text, base)
        doc = entered_doc(edited.entity, changed)
    except forms.FormError as error:
        await say(message, form_problem_text(error))
        return
    except ValueError as error:
        await say(message, form_problem_text(forms.invalid_record(error)))
        return
    await _preview_draft(
        message,
        state,
        lang,
        edited,
        None if doc is None else doc.model_dump(mode="json"),
        services.work,
    )


async def _preview_draft(
    message: Message,
    state: FSMContext,
    lang: str,
    edited: EditedRecord,
    doc: dict[str, Any] | None,
    work: UnitOfWork | None = None,
) -> None:
    """The preview of an edited record, with the new records a draft brings along."""
    await preview_change(
        message,
        state,
        lang,
        operation=Operation.SAVE,
        entity=edited.entity,
        key=edited.key,
        doc=doc,
        expected=edited.expected,
        extra=list(edited.extra),
        work=work,
    )


async def edit_draft(
    message: Message,
    state: FSMContext,
    *,
    entity: str,
    doc: BaseModel,
    expected: BaseModel | None,
    extra: Sequence[tuple[str, BaseModel]] = (),
) -> None:
    """Open the /edit dialog on a record not written yet: a new one (`expected` None) or a
    stored one with changes applied. The admin changes fields one at a time, or saves it as it
    is; Confirm writes it with the records it brings along (`extra`, such as a new place or
    source, as (entity, document)) in one transaction and one batch, undone together.
    """
    edited = EditedRecord(
        entity=entity,
        key=str(getattr(doc, "key", "")),
        expected=None if expected is None else expected.model_dump(mode="json"),
        draft=doc.model_dump(mode="json"),
        extra=[(name, record.model_dump(mode="json")) for name, record in extra],
    )
    await state.clear()
    await state.update_data(edited.to_data())
    await ask_field(message, state, edited)


@router.message(EditForm.field, F.text, IsAdmin())
async def edit_field_typed(message: Message, state: FSMContext, lang: str) -> None:
    """A field typed instead of pressed: its name or its label."""
    edited = await edited_record(message, state)
    if edited is None:
        return
    typed = (message.text or "").strip()
    steps = dialogs.edit_fields(edited.entity)
    named = {step.name.casefold(): step for step in steps}
    named |= {_(step.label).casefold(): step for step in steps}
    step = named.get(typed.casefold())
    if step is None:
        await say(message, form_problem_text(forms.FormError("field", typed)))
        return
    await ask_value(message, state, step, lang)
