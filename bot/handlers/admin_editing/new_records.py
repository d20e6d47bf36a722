"""A new record: the one-line /add_agreement form, and the guided /new_… dialogs walked from
their table of steps (`knowledge.admin.dialogs`)."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from aiogram import F
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks import DialogMove, Move, StepPick, TitleUse
from bot.filters.admin import IsAdmin
from bot.handlers.admin_editing.keyboards import step_keyboard
from bot.handlers.admin_editing.preview import leave_open_dialog, preview_new, titled
from bot.handlers.admin_editing.record_wording import form_problem_text
from bot.handlers.admin_editing.states import RecordForm, SourceTitle
from bot.replies import pressed_message, say
from bot.routing import Handlers
from knowledge.admin import dialogs, forms
from knowledge.admin.editing import Entity
from knowledge.places.lookup import find_places

router = Handlers(__name__)


@router.message(Command("add_agreement"), IsAdmin())
async def cmd_add_agreement(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
) -> None:
    """hromada | place | country | kind | status | signed | source, then a preview (a dialog
    left open is dropped then, and the admin told)."""
    parts = [part.strip() for part in (command.args or "").split("|")]
    try:
        if len(parts) == len(forms.LINE_FIELDS) - 1:
            # Without the status: a signed agreement is in force, an unsigned one negotiated.
            signed_text = parts[4]
            status_word = "negotiation" if forms.is_empty(signed_text) else "active"
            parts.insert(4, status_word)
        if len(parts) != len(forms.LINE_FIELDS) or not all(parts):
            raise forms.FormError("line")
        hromada_text, place_text, country_text, kind, status, signed, source = parts
        hromada = await forms.resolve_hromada(session, hromada_text)
        country = forms.parse_country(country_text)
        fields: dict[str, Any] = {
            "hromada": hromada.code,
            "kind": forms.parse_kind(kind).value,
            "status": forms.parse_status(status).value,
            "signed_on": None if forms.is_empty(signed) else forms.parse_date(signed).isoformat(),
            "country": country,
        }
        places = await find_places(session, place_text, country)
        extra: list[tuple[str, dict[str, Any]]] = []
        if places:
            fields["place"] = places[0]
        else:
            taken = await forms.taken_keys(session, Entity.PLACE)
            place = forms.new_place(place_text, country, taken)
            fields["place"] = place.key
            extra.append(("place", place.model_dump(mode="json")))
        source_key, new_source = await forms.source_for(session, source)
        if new_source is not None:
            extra.insert(0, ("source", new_source.model_dump(mode="json")))
        fields["sources"] = [{"source": source_key}]
        doc = await dialogs.new_agreement(session, fields, hromada)
    except forms.FormError as error:
        await say(message, form_problem_text(error))
        return
    await leave_open_dialog(message, state)
    await preview_new(
        message, state, lang, "agreement", doc.model_dump(mode="json"), extra, session=session
    )


@router.message(Command("new_agreement", "new_place", "new_source", "new_aid"), IsAdmin())
async def cmd_new_record(
    message: Message, command: CommandObject, state: FSMContext, lang: str
) -> None:
    """Start the dialog for a new agreement, place, source or aid record; one left open is
    dropped, and the admin told."""
    await leave_open_dialog(message, state)
    form = command.command.removeprefix("new_")
    await ask(message, state, dialogs.DialogState(form), lang, opening=True)


async def ask(
    message: Message,
    state: FSMContext,
    dialog: dialogs.DialogState,
    lang: str,
    *,
    opening: bool = False,
) -> None:
    """Ask the dialog's current step, with its buttons (choices, Back, Skip) if it has any."""
    step = dialog.current
    options = _step_options(step, lang)
    prompt = dialogs.prompt_text(step, dialog.answers, _)
    if opening:
        prompt += " " + _("/cancel stops.")
    asked = replace(dialog, choices=[value for _label, value in options])
    await state.set_state(RecordForm.step)
    await state.update_data(asked.to_data())
    await say(message, prompt, step_keyboard(asked, options))


def _step_options(step: dialogs.Step, lang: str) -> list[tuple[str, Any]]:
    return step.options(lang) if step.options is not None else []


@router.message(RecordForm.step, F.text, ~F.text.startswith("/"), IsAdmin())
async def record_step(
    message: Message, state: FSMContext, session: AsyncSession, lang: str
) -> None:
    """One typed answer: read by its step; then the next question, the buttons to choose
    among, or the preview."""
    dialog = dialogs.DialogState.from_data(await state.get_data())
    if dialog is None:
        await state.clear()
        await say(message, _("This button is no longer valid. Please start again."))
        return
    step = dialog.current
    reading = dialogs.StepInput(session, dialog.answers)
    try:
        value = await step.read(message.text or "", reading)
    except forms.FormError as error:
        await say(
            message, form_problem_text(error), step_keyboard(dialog, _step_options(step, lang))
        )
        return
    await _take(message, state, session, lang, dialog, value, reading)


async def _take(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
    dialog: dialogs.DialogState,
    value: Any,
    reading: dialogs.StepInput,
) -> None:
    """The answer read for the current step: the buttons to choose among when it fits
    several, else its remarks and what follows it."""
    if isinstance(value, dialogs.Candidates):
        offered = replace(dialog, choices=[choice for _label, choice in value.options])
        await state.update_data(offered.to_data())
        await say(message, _(value.question), step_keyboard(offered, value.options))
        return
    for remark in reading.remarks:
        await say(message, _(remark))
    given = value if isinstance(value, dialogs.Several) else {dialog.current.name: value}
    await _answered(message, state, session, lang, dialog, {**dialog.answers, **given})


async def _answered(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
    dialog: dialogs.DialogState,
    answers: dict[str, Any],
) -> None:
    """The next question; after the last, the record and its preview."""
    following = dialog.answered(answers)
    if following is not None:
        await ask(message, state, following, lang)
        return
    table = dialogs.DIALOGS[dialog.form]
    try:
        doc, extra = await table.finish(session, answers)
    except forms.FormError as error:
        await say(message, form_problem_text(error))
        return
    await preview_new(
        message, state, lang, table.entity, doc, extra, ask_title=True, session=session
    )


@router.callback_query(StepPick.filter(), StateFilter(RecordForm.step), IsAdmin())
async def on_step_pick(
    query: CallbackQuery,
    callback_data: StepPick,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
) -> None:
    """A button under a dialog's question: the value it stands for answers the step."""
    message = await pressed_message(query)
    if message is None:
        return
    dialog = dialogs.DialogState.from_data(await state.get_data())
    if (
        dialog is None
        or callback_data.step != dialog.step
        or callback_data.index >= len(dialog.choices)
    ):
        await say(message, _("This button is no longer valid. Please start again."))
        return
    answers = {**dialog.answers, dialog.current.name: dialog.choices[callback_data.index]}
    await _answered(message, state, session, lang, dialog, answers)


@router.callback_query(DialogMove.filter(), StateFilter(RecordForm.step), IsAdmin())
async def on_step_move(
    query: CallbackQuery,
    callback_data: DialogMove,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
) -> None:
    """Back (the question asked before, its answer taken back) or Skip (an optional answer
    left empty, as "-" leaves it) under the question being asked."""
    message = await pressed_message(query)
    if message is None:
        return
    dialog = dialogs.DialogState.from_data(await state.get_data())
    if dialog is None or callback_data.step != dialog.step:
        await say(message, _("This button is no longer valid. Please start again."))
        return
    if callback_data.move is Move.BACK:
        earlier = dialog.back()
        if earlier is None:
            await say(message, _("This button is no longer valid. Please start again."))
            return
        await ask(message, state, earlier, lang)
        return
    step = dialog.current
    if not step.optional:
        await say(message, _("This button is no longer valid. Please start again."))
        return
    reading = dialogs.StepInput(session, dialog.answers)
    await _take(message, state, session, lang, dialog, await step.skip(reading), reading)


@router.callback_query(DialogMove.filter(), StateFilter(SourceTitle.title), IsAdmin())
async def on_title_back(query: CallbackQuery, state: FSMContext, lang: str) -> None:
    """Back from the new source's title: the dialog's source question again."""
    message = await pressed_message(query)
    if message is None:
        return
    dialog = dialogs.DialogState.from_data(await state.get_data())
    if dialog is None:
        await say(message, _("This button is no longer valid. Please start again."))
        return
    await ask(message, state, dialog, lang)


@router.callback_query(TitleUse.filter(), StateFilter(SourceTitle.title), IsAdmin())
async def on_title_use(
    query: CallbackQuery, state: FSMContext, session: AsyncSession, lang: str
) -> None:
    """The suggested title of a new source, taken; then the preview."""
    await query.answer()
    if isinstance(query.message, Message):
        await titled(query.message, state, lang, None, session)
