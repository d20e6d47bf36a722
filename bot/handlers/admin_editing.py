"""Editing from Telegram: guided dialogs, the one-line form, edit and delete, each confirmed.

Nothing is written before the admin presses Confirm under a preview. The preview's "before"
is kept in the conversation and passed to the save as `expected`, so an edit made meanwhile by
someone else is refused and shown instead of being overwritten.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from aiogram import F, Router
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from bot.callbacks import (
    ADMIN_DIALOG_BUTTONS,
    AdminConfirm,
    DialogMove,
    FieldPick,
    Move,
    RecordPick,
    StepPick,
    TitleUse,
    ValuePick,
)
from bot.filters.admin import IsAdmin, refuse
from bot.replies import say
from bot.routing import CallbackPrefix, DialogOrCommand, Handlers
from bot.services import BotServices
from bot.texts import problem_text
from bot.transport.redelivery import is_passing_failure
from knowledge.admin import dialogs, forms
from knowledge.admin.common import Admin
from knowledge.admin.drafts import (
    EditedRecord,
    Extra,
    Operation,
    PendingChange,
    RecordChoice,
    UntitledSource,
)
from knowledge.admin.edit_steps import EDIT_STEPS, EditStep, edit_step
from knowledge.admin.editing import (
    Entity,
    delete_record,
    load_for_edit,
    parse_doc,
    preview_changes,
    save_records,
)
from knowledge.admin.fields import field_value
from knowledge.admin.history import undo
from knowledge.admin.wording import change_preview, undo_text
from knowledge.facts.documents import AidDoc
from knowledge.facts.messages import N_
from knowledge.facts.vocabulary import CooperationArea
from knowledge.places.lookup import find_places
from knowledge.render.labels import (
    AGREEMENT_KINDS,
    AGREEMENT_STATUSES,
    COOPERATION_AREAS,
)

logger = logging.getLogger(__name__)
router = Handlers(__name__)
# The dialog data key of a confirmed change's answer, kept from its writing until it is said.
UNSAID_OUTCOME = "unsaid_outcome"
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


class EditForm(StatesGroup):
    """Changing one field of a record."""

    field = State()
    value = State()


class Pending(StatesGroup):
    """A previewed change waits for Confirm or Cancel."""

    confirm = State()


class SourceTitle(StatesGroup):
    """A new source made from a link waits for its title (data: `titled`, the preview's parts)."""

    title = State()


# The checks of a whole record, as the documents word them (in English, with field names).
INVALID_RECORDS = {
    "valid_until is before signed_on": N_(
        "The record is not valid: it would end before it was signed."
    ),
    "a source is cited twice": N_("The record is not valid: the same source is cited twice."),
    "a donor needs a country, a place or a name": N_(
        "The record is not valid: the donor needs a country, a place or a name."
    ),
    "an amount needs a currency and a currency an amount": N_(
        "The record is not valid: an amount needs a currency."
    ),
}


def _labels(labels: Iterable[str]) -> str:
    """Vocabulary labels in the reader's language, as a list to write from."""
    words = (_(label) for label in labels)
    return ", ".join(word[:1].lower() + word[1:] for word in words)


def _problem_text(error: forms.FormError) -> str:
    """What was wrong with the input, and what is expected instead."""
    if error.reason is not None:
        return problem_text(error.reason)
    if error.problem == "agreement":
        for check, text in INVALID_RECORDS.items():
            if check in error.value:
                return _(text)
        # Other checks: their first line, which names the field and what is wrong with it.
        return _("The record is not valid: {value}").format(value=_first_line(error.value))
    texts = {
        "hromada": _("I don't know a hromada called “{value}”. Send its name or KATOTTH code."),
        "country": _(
            "I don't know a country “{value}”. Send its name, such as Литва or Lithuania,"
            " or its code, such as LT."
        ),
        "kind": _("“{value}” is not a kind of agreement. Write one of: {choices}.").format(
            value="{value}", choices=_labels(AGREEMENT_KINDS.values())
        ),
        "status": _("“{value}” is not a status. Write one of: {choices}.").format(
            value="{value}", choices=_labels(AGREEMENT_STATUSES.values())
        ),
        "date": _(
            "“{value}” is not a date. Send 12.03.2024, 12 March 2024, 03.2024, March 2024 or"
            " 2024 (or 2024-03-12), or - for none."
        ),
        "until": _(
            "“{value}” is neither a date nor a term. Send a date (12.03.2029, 03.2029 or"
            " 2029), a number of years (such as 5), or - for none."
        ),
        "areas": _("“{value}” is not an area of cooperation. Use the names listed above."),
        "source": _("Send a source: the key of an existing one, a title or a link."),
        "agreement": _("The record is not valid: {value}"),
        "category": _("“{value}” is not one of the listed kinds of aid."),
        "quantity": _(
            "“{value}” is not a count. Send a number such as 3 (3 pcs or three work too),"
            " or - if unknown."
        ),
        "line": _(
            "The form needs 7 parts separated by |: hromada | partner place | country |"
            " kind | status | signed (12.03.2024, 03.2024, 2024 or 2024-03-12) | source."
            " Without the"
            " status (6 parts) a signed agreement is taken as active."
        ),
        "record": _("I found no record “{value}”. Send its key, or the hromada and the partner."),
        "field": _("This record has no field “{value}”."),
        "text": _("Please send some text, or - for none."),
    }
    return texts.get(error.problem, texts["text"]).format(value=error.value)


# The data of the button offering the choice at an index.
Pick = Callable[[int], CallbackData]
# Any button under an editing dialog's question.
DIALOG_BUTTONS = CallbackPrefix(*(button.__prefix__ for button in ADMIN_DIALOG_BUTTONS))


def _pick_keyboard(pick: Pick, labels: Sequence[str]) -> InlineKeyboardMarkup:
    """A button for each label, two in a row; a press gives the label's index."""
    builder = InlineKeyboardBuilder()
    for index, label in enumerate(labels):
        builder.button(text=label, callback_data=pick(index))
    builder.adjust(2)
    return builder.as_markup()


def _moves_keyboard(
    pick: Pick, labels: Sequence[str], *, step: int, back: bool, skip: bool = False
) -> InlineKeyboardMarkup | None:
    """The buttons under a dialog's question: its choices (`labels`, a press gives the
    index), then Back (to the question asked before) and Skip (for an optional answer) in
    one row; None when there are none."""
    builder = InlineKeyboardBuilder()
    if labels:
        builder.attach(InlineKeyboardBuilder.from_markup(_pick_keyboard(pick, labels)))
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


def _step_keyboard(
    dialog: dialogs.DialogState, options: Sequence[tuple[str, Any]]
) -> InlineKeyboardMarkup | None:
    """The buttons under the question of a new-record dialog's current step."""
    return _moves_keyboard(
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


def _codes_hint(labels: dict[Any, str]) -> str:
    """The names an admin may type, in the admin's language (the codes work too)."""
    return ", ".join(_(label) for label in labels.values())


def _areas_hint() -> str:
    return _codes_hint({area.value: COOPERATION_AREAS[area] for area in CooperationArea})


# ---- the preview and the confirmation, shared by every way of changing a record ----


async def _preview(
    message: Message,
    state: FSMContext,
    lang: str,
    *,
    operation: Operation,
    entity: str,
    key: str,
    doc: dict[str, Any] | None,
    expected: dict[str, Any] | None,
    extra: Extra | None = None,
    session: AsyncSession | None = None,
) -> None:
    """Show what would change and wait for Confirm; places and sources by their names."""
    before = parse_doc(entity, expected)
    after = parse_doc(entity, doc)
    known = await _known_names(session, lang, [doc, expected], extra or [])
    lines = []
    for extra_entity, extra_doc in extra or []:
        lines.append(
            _("A new {entity} will be added: {key}").format(
                entity=_entity_label(extra_entity), key=extra_doc["key"]
            )
        )
    if operation is Operation.DELETE:
        lines.append(
            _("Delete {entity} {key}? You can undo it later with /undo.").format(
                entity=_entity_label(entity), key=key
            )
        )
    else:
        lines.append(f"{_entity_label(entity)} {key}")
    lines.append(change_preview(preview_changes(before, after), lang, entity, known))
    if (
        session is not None
        and operation is Operation.SAVE
        and expected is None
        and isinstance(after, AidDoc)
    ):
        twins = await forms.same_aid(session, after)
        if twins:
            lines.append(
                _(
                    "⚠️ This looks like a record saved already: {keys} (the same hromada, date,"
                    " donors and goods). Confirm only if it is another delivery."
                ).format(keys=", ".join(twins))
            )
    pending = PendingChange(
        operation=operation, entity=entity, key=key, doc=doc, expected=expected, extra=extra or []
    )
    await state.set_state(Pending.confirm)
    await state.update_data(pending.to_data())
    await say(message, "\n".join(lines), confirm_keyboard())


async def _known_names(
    session: AsyncSession | None,
    lang: str,
    docs: list[dict[str, Any] | None],
    extra: list[tuple[str, dict[str, Any]]],
) -> dict[str, str]:
    """The names, in `lang`, of the places and sources the documents refer to by key: new
    ones from `extra`, stored ones from the database."""
    known: dict[str, str] = {}
    for entity, record in extra:
        names = record.get("name" if entity == "place" else "title")
        if isinstance(names, dict) and names.get(lang):
            known[str(record["key"])] = str(names[lang])
    wanted: set[str] = set()
    for doc in docs:
        if not doc:
            continue
        if isinstance(doc.get("place"), str):
            wanted.add(doc["place"])
        wanted |= {
            cited["source"]
            for cited in doc.get("sources") or []
            if isinstance(cited, dict) and isinstance(cited.get("source"), str)
        }
    wanted -= set(known)
    if session is not None and wanted:
        known |= await forms.record_names(session, wanted, lang)
    return known


async def _preview_new(
    message: Message,
    state: FSMContext,
    lang: str,
    entity: str,
    doc: dict[str, Any],
    extra: list[tuple[str, dict[str, Any]]],
    *,
    ask_title: bool = False,
    session: AsyncSession | None = None,
) -> None:
    """Show a new record (and the records it brings along) and wait for Confirm. In a guided
    dialog (`ask_title`) a new source made from a link first gets its title, as no page is
    fetched to read one; the one-line form keeps the title guessed from the link."""
    linked = [record for kind, record in extra if kind == "source" and record.get("url")]
    if linked and ask_title:
        suggestion = linked[0]["title"]["uk"]
        dialog = dialogs.DialogState.from_data(await state.get_data())
        await state.set_state(SourceTitle.title)
        await state.update_data(UntitledSource(entity=entity, doc=doc, extra=extra).to_data())
        await say(
            message,
            _(
                "The title of the source {url}? I do not open pages, so I could not read it there."
                " Send the title, or press the button to use: «{title}»"
            ).format(url=linked[0]["url"], title=suggestion),
            _moves_keyboard(
                lambda _index: TitleUse(step=-1 if dialog is None else dialog.step),
                [_("Use this title")],
                step=-1 if dialog is None else dialog.step,
                back=dialog is not None,
            ),
        )
        return
    await _show_new(message, state, lang, entity, doc, extra, session)


async def _titled(
    message: Message,
    state: FSMContext,
    lang: str,
    title: str | None,
    session: AsyncSession | None = None,
) -> None:
    """The title for the new source (None: the suggested one); then the preview."""
    titled = UntitledSource.from_data(await state.get_data())
    if titled is None:
        await state.clear()
        await say(message, _("This button is no longer valid. Please start again."))
        return
    extra: Extra = []
    for kind, record in titled.extra:
        if kind == "source" and record.get("url") and title is not None:
            record = {**record, "title": {"uk": title, "en": title}}
        extra.append((kind, record))
    await _show_new(message, state, lang, titled.entity, titled.doc, extra, session)


@router.message(SourceTitle.title, F.text, IsAdmin())
async def source_title(
    message: Message, state: FSMContext, session: AsyncSession, lang: str
) -> None:
    """The source's title, typed."""
    try:
        title = forms.required_text(message.text or "")
    except forms.FormError as error:
        await say(message, _problem_text(error))
        return
    await _titled(message, state, lang, title, session)


async def _show_new(
    message: Message,
    state: FSMContext,
    lang: str,
    entity: str,
    doc: dict[str, Any],
    extra: list[tuple[str, dict[str, Any]]],
    session: AsyncSession | None = None,
) -> None:
    await _preview(
        message,
        state,
        lang,
        operation=Operation.SAVE,
        entity=entity,
        key=str(doc["key"]),
        doc=doc,
        expected=None,
        extra=extra,
        session=session,
    )


def _entity_label(entity: str) -> str:
    labels = {
        "agreement": _("agreement"),
        "place": _("place"),
        "source": _("source"),
        "aid": _("aid record"),
    }
    return labels.get(entity, entity)


@router.message(Command("cancel"), IsAdmin())
async def cmd_cancel(message: Message, state: FSMContext) -> None:
    """Leave any dialog; nothing is written."""
    had = await state.get_state()
    await state.clear()
    if had is None:
        await say(message, _("There is nothing to cancel."))
    else:
        await say(message, _("Cancelled. Nothing was changed."))


@router.callback_query(AdminConfirm.filter(), StateFilter(Pending.confirm), IsAdmin())
async def on_confirm(
    query: CallbackQuery,
    callback_data: AdminConfirm,
    state: FSMContext,
    admin: Admin,
    services: BotServices,
    session: AsyncSession,
    lang: str,
) -> None:
    """Write the previewed change, checked against what the admin saw, or drop it."""
    pending = PendingChange.from_data(await state.get_data())
    # A Confirm delivered again (its first attempt failed because the database was away) finds
    # its query answered already; the preview still waits, as it is left only once written.
    with contextlib.suppress(TelegramBadRequest):
        await query.answer()
    if not isinstance(query.message, Message):
        await state.clear()
        return
    if not callback_data.ok:
        await state.clear()
        await say(query.message, _("Cancelled. Nothing was changed."))
        return
    if pending is None:
        await state.clear()
        await say(query.message, _("This preview is no longer waiting; nothing was changed."))
        return
    try:
        text = await _apply(pending, admin, session, lang)
    except Exception as error:
        # A refusal ends the dialog; a write that met the database away (or locked by a long
        # import) leaves the preview waiting for the Confirm that is delivered again.
        if not is_passing_failure(error):
            await state.clear()
        raise
    # Written: the preview is answered, and what to say is kept until it is said, so a
    # Confirm delivered again (this process died before saying it) tells it, not "nothing
    # was changed".
    await state.set_state(None)
    await state.set_data({UNSAID_OUTCOME: text})
    await say(query.message, text)
    await state.set_data({})
    try:
        await services.reload_knowledge()
    except Exception as error:
        # The change is stored and the admin told; it must not be tried again.
        if not is_passing_failure(error):
            raise
        logger.warning("Answers will show the change at the next reload: %s", type(error).__name__)


async def _apply(pending: PendingChange, admin: Admin, session: AsyncSession, lang: str) -> str:
    entity, key = pending.entity, pending.key
    if pending.operation is Operation.UNDO:
        if pending.batch:
            report = await undo(session, admin, batch=pending.batch)
        else:
            report = await undo(session, admin, change_id=pending.change_id)
        return undo_text(report, lang)
    expected = parse_doc(entity, pending.expected)
    if pending.operation is Operation.DELETE:
        result = await delete_record(session, entity, key, admin, expected)
        return _("Deleted {entity} {key} (change #{id}). /undo restores it.").format(
            entity=_entity_label(entity), key=key, id=result.change_id
        )
    # A record saved with the place and source it brought along is undone as one.
    # All of them are written in one transaction, or none is.
    batch = str(uuid.uuid4()) if pending.extra else None
    records: list[tuple[BaseModel, BaseModel | None]] = []
    for extra_entity, extra_doc in pending.extra:
        extra = parse_doc(extra_entity, extra_doc)
        if extra is not None:
            records.append((extra, None))
    doc = parse_doc(entity, pending.doc)
    if doc is None:
        return _("Nothing would change.")
    records.append((doc, expected))
    result = (await save_records(session, records, admin, batch=batch))[-1]
    if result.change_id is None:
        return _("Nothing would change.")
    return _("Saved {entity} {key} (change #{id}).").format(
        entity=_entity_label(entity), key=key, id=result.change_id
    )


@router.callback_query(AdminConfirm.filter(), IsAdmin())
async def on_stale_confirm(query: CallbackQuery, state: FSMContext) -> None:
    """Confirm under a preview that was already answered or cancelled: nothing happens. One
    whose change was written by an attempt that died before saying so is told it now."""
    unsaid = (await state.get_data()).get(UNSAID_OUTCOME)
    if isinstance(unsaid, str) and isinstance(query.message, Message):
        with contextlib.suppress(TelegramBadRequest):
            await query.answer()
        await say(query.message, unsaid)
        await state.set_data({})
        return
    note = _("This preview is no longer waiting; nothing was changed.")
    try:
        await query.answer(note, show_alert=True)
    except TelegramBadRequest:
        # Pressed long ago, or delivered again: the note goes to the chat instead.
        if isinstance(query.message, Message):
            await say(query.message, note)


# ---- the one-line form ----


@router.message(Command("add_agreement"), IsAdmin())
async def cmd_add_agreement(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
) -> None:
    """hromada | place | country | kind | status | signed | source, then a preview."""
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
        await say(message, _problem_text(error))
        return
    await _preview_new(
        message, state, lang, "agreement", doc.model_dump(mode="json"), extra, session=session
    )


# ---- the guided dialogs for a new record, walked from their table of steps ----


class RecordForm(StatesGroup):
    """A new record, one question after another (data: `dialogs.DialogState`)."""

    step = State()


@router.message(Command("new_agreement", "new_place", "new_source", "new_aid"), IsAdmin())
async def cmd_new_record(
    message: Message, command: CommandObject, state: FSMContext, lang: str
) -> None:
    """Start the dialog for a new agreement, place, source or aid record."""
    await state.clear()
    form = command.command.removeprefix("new_")
    await _ask(message, state, dialogs.DialogState(form), lang, opening=True)


async def _ask(
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
    await say(message, prompt, _step_keyboard(asked, options))


def _step_options(step: dialogs.Step, lang: str) -> list[tuple[str, Any]]:
    return step.options(lang) if step.options is not None else []


@router.message(RecordForm.step, F.text, IsAdmin())
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
        await say(message, _problem_text(error), _step_keyboard(dialog, _step_options(step, lang)))
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
        await say(message, _(value.question), _step_keyboard(offered, value.options))
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
        await _ask(message, state, following, lang)
        return
    table = dialogs.DIALOGS[dialog.form]
    try:
        doc, extra = await table.finish(session, answers)
    except forms.FormError as error:
        await say(message, _problem_text(error))
        return
    await _preview_new(
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
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
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
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
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
        await _ask(message, state, earlier, lang)
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
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return
    dialog = dialogs.DialogState.from_data(await state.get_data())
    if dialog is None:
        await say(message, _("This button is no longer valid. Please start again."))
        return
    await _ask(message, state, dialog, lang)


# ---- editing and deleting a record ----


@router.callback_query(TitleUse.filter(), StateFilter(SourceTitle.title), IsAdmin())
async def on_title_use(
    query: CallbackQuery, state: FSMContext, session: AsyncSession, lang: str
) -> None:
    """The suggested title of a new source, taken; then the preview."""
    await query.answer()
    if isinstance(query.message, Message):
        await _titled(query.message, state, lang, None, session)


@router.callback_query(RecordPick.filter(), IsAdmin())
async def on_record_pick(
    query: CallbackQuery,
    callback_data: RecordPick,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
) -> None:
    """One of the records found for /edit or /delete: its fields, or its deletion."""
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return
    found = RecordChoice.from_data(await state.get_data())
    if found is None or callback_data.index >= len(found.records):
        await say(message, _("This button is no longer valid. Please start again."))
        return
    entity, key = found.records[callback_data.index]
    await _start_edit(message, state, session, lang, entity, key, found.deleting)


@router.callback_query(FieldPick.filter(), StateFilter(EditForm.field), IsAdmin())
async def on_field_pick(
    query: CallbackQuery,
    callback_data: FieldPick,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
) -> None:
    """A field of the record being edited, or (one past the last) a draft saved as it is."""
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return
    edited = await _edited(message, state)
    if edited is None:
        return
    fields = EDIT_STEPS.get(edited.entity, ())
    if callback_data.index < len(fields):
        await _ask_value(message, state, fields[callback_data.index], lang)
    elif callback_data.index == len(fields) and edited.draft is not None:
        await _preview_draft(message, state, lang, edited, edited.draft, session)
    else:
        await say(message, _("This button is no longer valid. Please start again."))


@router.callback_query(ValuePick.filter(), StateFilter(EditForm.value), IsAdmin())
async def on_value_pick(
    query: CallbackQuery,
    callback_data: ValuePick,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
) -> None:
    """A value offered for the edited field (a kind, a status): then the preview."""
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return
    edited = await _edited(message, state)
    if edited is None:
        return
    step = edit_step(edited.entity, edited.field or "")
    asked = step is not None and EDIT_STEPS[edited.entity].index(step) == callback_data.field
    options = [] if step is None or step.options is None or not asked else step.options(lang)
    if callback_data.index >= len(options):
        await say(message, _("This button is no longer valid. Please start again."))
        return
    await _edit_value(message, state, session, lang, str(options[callback_data.index][1]))


@router.message(Command("edit", "delete"), IsAdmin())
async def cmd_edit(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
) -> None:
    """Find the record (by key, or "hromada partner"), then choose a field or confirm."""
    await state.clear()
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
    found = await forms.find_record(session, text)
    if not found:
        await say(message, _problem_text(forms.FormError("record", text)))
        return
    if len(found) > 1:
        await state.update_data(RecordChoice(records=found, deleting=deleting).to_data())
        labels = [f"{_entity_label(entity)} {key}" for entity, key in found]
        await say(
            message,
            _("Several records match. Which one?"),
            _pick_keyboard(lambda index: RecordPick(index=index), labels),
        )
        return
    entity, key = found[0]
    await _start_edit(message, state, session, lang, entity, key, deleting)


async def _start_edit(
    message: Message,
    state: FSMContext,
    session: AsyncSession,
    lang: str,
    entity: str,
    key: str,
    deleting: bool,
) -> None:
    doc = await load_for_edit(session, entity, key)
    if doc is None:
        await say(message, _problem_text(forms.FormError("record", key)))
        return
    expected = doc.model_dump(mode="json")
    if deleting:
        await _preview(
            message,
            state,
            lang,
            operation=Operation.DELETE,
            entity=entity,
            key=key,
            doc=None,
            expected=expected,
            session=session,
        )
        return
    edited = EditedRecord(entity=entity, key=key, expected=expected)
    await state.update_data(edited.to_data())
    await _ask_field(message, state, edited)


async def _ask_field(message: Message, state: FSMContext, edited: EditedRecord) -> None:
    """Which field of the record to change; a draft may also be saved as it is."""
    await state.set_state(EditForm.field)
    labels = [_(step.label) for step in EDIT_STEPS[edited.entity]]
    if edited.draft is not None:
        labels.append(_("✅ Save as it is"))
    await say(
        message,
        _("Editing {entity} {key}. Which field?").format(
            entity=_entity_label(edited.entity), key=edited.key
        ),
        _pick_keyboard(lambda index: FieldPick(index=index), labels),
    )


async def _edited(message: Message, state: FSMContext) -> EditedRecord | None:
    """The record being edited; None, the dialog ended and the admin told, if it is lost."""
    edited = EditedRecord.from_data(await state.get_data())
    if edited is None:
        await state.clear()
        await say(message, _("This button is no longer valid. Please start again."))
    return edited


async def _ask_value(message: Message, state: FSMContext, step: EditStep, lang: str) -> None:
    edited = await _edited(message, state)
    if edited is None:
        return
    edited = edited.model_copy(update={"field": step.name})
    field = EDIT_STEPS[edited.entity].index(step)
    await state.update_data(edited.to_data())
    await state.set_state(EditForm.value)
    current = _field_value(edited.entity, edited.base, step, lang)
    prompt = _("The new value of {field}? Now: {value}").format(field=_(step.label), value=current)
    if step.lists_areas:
        prompt += "\n" + _areas_hint()
    options = step.options(lang) if step.options is not None else []
    await say(
        message,
        prompt,
        _moves_keyboard(
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
    await query.answer()
    message = query.message
    if not isinstance(message, Message):
        return
    edited = await _edited(message, state)
    if edited is not None:
        await _ask_field(message, state, edited)


def _field_value(entity: str, doc: dict[str, Any], step: EditStep, lang: str) -> str:
    path = step.stored
    if "." in path:
        outer, inner = path.split(".")
        value = (doc.get(outer) or {}).get(inner)
    else:
        value = doc.get(path)
    if isinstance(value, dict):
        # Notes are stored in both languages; the admin sees theirs.
        value = value.get(lang)
    return field_value(entity, path, value, lang)


@router.message(EditForm.value, F.text, IsAdmin())
async def edit_value(
    message: Message, state: FSMContext, session: AsyncSession, lang: str
) -> None:
    """The new value: validated here, then the preview."""
    await _edit_value(message, state, session, lang, message.text or "")


async def _edit_value(
    message: Message, state: FSMContext, session: AsyncSession, lang: str, text: str
) -> None:
    edited = await _edited(message, state)
    if edited is None:
        return
    # A draft (a record not written yet) is edited like a stored one, from its own fields.
    base = edited.base
    try:
        step = edit_step(edited.entity, edited.field or "")
        if step is None:
            raise forms.FormError("field", str(edited.field))
        changed = base | step.change(base, text.strip())
        doc = parse_doc(edited.entity, changed)
    except forms.FormError as error:
        await say(message, _problem_text(error))
        return
    except ValueError as error:
        await say(message, _problem_text(forms.invalid_record(error)))
        return
    await _preview_draft(
        message, state, lang, edited, None if doc is None else doc.model_dump(mode="json"), session
    )


async def _preview_draft(
    message: Message,
    state: FSMContext,
    lang: str,
    edited: EditedRecord,
    doc: dict[str, Any] | None,
    session: AsyncSession | None = None,
) -> None:
    """The preview of an edited record, with the new records a draft brings along."""
    await _preview(
        message,
        state,
        lang,
        operation=Operation.SAVE,
        entity=edited.entity,
        key=edited.key,
        doc=doc,
        expected=edited.expected,
        extra=list(edited.extra),
        session=session,
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
    await _ask_field(message, state, edited)


def _first_line(error: str) -> str:
    lines = error.splitlines()
    return lines[2].strip() if len(lines) > 2 else lines[0]


@router.message(EditForm.field, F.text, IsAdmin())
async def edit_field_typed(message: Message, state: FSMContext, lang: str) -> None:
    """A field typed instead of pressed: its name or its label."""
    edited = await _edited(message, state)
    if edited is None:
        return
    typed = (message.text or "").strip()
    steps = EDIT_STEPS[edited.entity]
    named = {step.name.casefold(): step for step in steps}
    named |= {_(step.label).casefold(): step for step in steps}
    step = named.get(typed.casefold())
    if step is None:
        await say(message, _problem_text(forms.FormError("field", typed)))
        return
    await _ask_value(message, state, step, lang)


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


# ---- everyone else ----


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


def get_router() -> Router:
    """This feature's handlers as a new router, skipped unless a command, one of its dialogs
    or one of its buttons."""
    return router.build(
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
