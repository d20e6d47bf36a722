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

from bot.callbacks import DialogMove, Move, StepPick, TitleUse
from bot.filters.admin import IsAdmin
from bot.handlers.admin_editing.keyboards import step_keyboard
from bot.handlers.admin_editing.preview import leave_open_dialog, preview_new, titled
from bot.handlers.admin_editing.record_wording import form_problem_text
from bot.handlers.admin_editing.states import RecordForm, SourceTitle
from bot.replies import pressed_message, say
from bot.routing import Handlers
from bot.services import BotServices
from knowledge.admin import dialogs, forms

router = Handlers(__name__)


@router.message(Command("add_agreement"), IsAdmin())
async def cmd_add_agreement(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    services: BotServices,
    lang: str,
) -> None:
    """hromada | place | country | kind | status | signed | source, then a preview (a dialog
    left open is dropped then, and the admin told)."""
    parts = [part.strip() for part in (command.args or "").split("|")]
    try:
        doc, extra = await services.work(dialogs.agreement_from_line, parts)
    except forms.FormError as error:
        await say(message, form_problem_text(error))
        return
    await leave_open_dialog(message, state)
    await preview_new(
        message, state, lang, "agreement", doc.model_dump(mode="json"), extra, work=services.work
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
    message: Message, state: FSMContext, services: BotServices, lang: str
) -> None:
    """One typed answer: read by its step; then the next question, the buttons to choose
    among, or the preview."""
    dialog = dialogs.DialogState.from_data(await state.get_data())
    if dialog is None:
        await state.clear()
        await say(message, _("This button is no longer valid. Please start again."))
        return
    step = dialog.current
    try:
        answer = await services.work(dialogs.read_answer, step, message.text or "", dialog.answers)
    except forms.FormError as error:
        await say(
            message, form_problem_text(error), step_keyboard(dialog, _step_options(step, lang))
        )
        return
    await _take(message, state, services, lang, dialog, answer)


async def _take(
    message: Message,
    state: FSMContext,
    services: BotServices,
    lang: str,
    dialog: dialogs.DialogState,
    answer: dialogs.StepAnswer,
) -> None:
    """The answer read for the current step: the buttons to choose among when it fits
    several, else its remarks and what follows it."""
    value = answer.value
    if isinstance(value, dialogs.Candidates):
        offered = replace(dialog, choices=[choice for _label, choice in value.options])
        await state.update_data(offered.to_data())
        await say(message, _(value.question), step_keyboard(offered, value.options))
        return
    for remark in answer.remarks:
        await say(message, _(remark))
    given = value.fields if isinstance(value, dialogs.Several) else {dialog.current.name: value}
    await _answered(message, state, services, lang, dialog, {**dialog.answers, **given})


async def _answered(
    message: Message,
    state: FSMContext,
    services: BotServices,
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
        doc, extra = await services.work(table.record, answers)
    except forms.FormError as error:
        await say(message, form_problem_text(error))
        return
    await preview_new(
        message, state, lang, table.entity, doc, extra, ask_title=True, work=services.work
    )


@router.callback_query(StepPick.filter(), StateFilter(RecordForm.step), IsAdmin())
async def on_step_pick(
    query: CallbackQuery,
    callback_data: StepPick,
    state: FSMContext,
    services: BotServices,
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
    await _answered(message, state, services, lang, dialog, answers)


@router.callback_query(DialogMove.filter(), StateFilter(RecordForm.step), IsAdmin())
async def on_step_move(
    query: CallbackQuery,
    callback_data: DialogMove,
    state: FSMContext,
    services: BotServices,
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
    answer = await services.work(dialogs.read_answer, step, dialogs.SKIPPED, dialog.answers)
    await _take(message, state, services, lang, dialog, answer)


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
    query: CallbackQuery, state: FSMContext, services: BotServices, lang: str
) -> None:
    """The suggested title of a new source, taken; then the preview."""
    await query.answer()
    if isinstance(query.message, Message):
        await titled(query.message, state, lang, None, services.work)
