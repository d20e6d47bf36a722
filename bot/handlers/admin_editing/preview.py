"""The preview every change of a record waits under, and the Confirm that writes it.

Nothing is written before the admin presses Confirm under a preview. The preview's "before"
is kept in the conversation and passed to the save as `expected`, so an edit made meanwhile by
someone else is refused and shown instead of being overwritten.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from typing import Any

from aiogram import Bot, F
from aiogram.exceptions import TelegramBadRequest
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _
from pydantic import BaseModel

from bot.callbacks import AdminConfirm, TitleUse
from bot.filters.admin import IsAdmin
from bot.handlers.admin_editing.keyboards import confirm_keyboard, moves_keyboard
from bot.handlers.admin_editing.record_wording import entity_label, form_problem_text
from bot.handlers.admin_editing.states import Pending, SourceTitle
from bot.replies import say
from bot.routing import Handlers
from bot.services import BotServices
from bot.transport.redelivery import is_passing_failure
from bot.write_jobs import job_status_text, undo_import
from knowledge.admin import dialogs, forms
from knowledge.admin.common import Admin
from knowledge.admin.editing import delete_record, parse_doc, preview_changes, save_records
from knowledge.admin.editing_state import (
    EditedRecord,
    Extra,
    Operation,
    PendingChange,
    StartedUndo,
    UnsaidOutcome,
    UntitledSource,
)
from knowledge.admin.history import undo
from knowledge.admin.wording import change_preview, undo_text
from knowledge.facts.documents import AgreementDoc, AidDoc
from knowledge.facts.vocabulary import AgreementStatus
from knowledge.store.durable_jobs import is_import_batch
from knowledge.store.work import UnitOfWork

router = Handlers(__name__)


logger = logging.getLogger(__name__)


async def preview_change(
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
    work: UnitOfWork | None = None,
) -> None:
    """Show what would change and wait for Confirm; places and sources by their names."""
    before = parse_doc(entity, expected)
    after = parse_doc(entity, doc)
    known = await _known_names(work, lang, [doc, expected], extra or [])
    lines = []
    for extra_entity, extra_doc in extra or []:
        lines.append(
            _("A new {entity} will be added: {key}").format(
                entity=entity_label(extra_entity), key=extra_doc["key"]
            )
        )
    if operation is Operation.DELETE:
        lines.append(
            _("Delete {entity} {key}? You can undo it later with /undo.").format(
                entity=entity_label(entity), key=key
            )
        )
    else:
        lines.append(f"{entity_label(entity)} {key}")
    lines.append(change_preview(preview_changes(before, after), lang, entity, known))
    if _expires_with_its_end(before, after):
        lines.append(
            _(
                "The stated term has ended, so the agreement becomes expired in the same"
                " change, as the daily expiry check would mark it."
            )
        )
    if (
        work is not None
        and operation is Operation.SAVE
        and expected is None
        and isinstance(after, AidDoc)
    ):
        twins = await work(forms.same_aid, after)
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
    await await_confirm(state, pending)
    await say(message, "\n".join(lines), confirm_keyboard())


def _expires_with_its_end(before: BaseModel | None, after: BaseModel | None) -> bool:
    """Whether a change of an agreement in force moves its stated end into the past and so
    makes it expired as well (`dialogs.stated_term_ended`)."""
    return (
        isinstance(before, AgreementDoc)
        and isinstance(after, AgreementDoc)
        and before.status is AgreementStatus.ACTIVE
        and after.status is AgreementStatus.EXPIRED
        and (before.valid_until, before.extensions) != (after.valid_until, after.extensions)
    )


async def await_confirm(state: FSMContext, pending: PendingChange) -> None:
    """The dialog waits for Confirm of this change. An answer an earlier change left unsaid
    is dropped: it is not this one's."""
    await state.set_state(Pending.confirm)
    await state.update_data({**pending.to_data(), **UnsaidOutcome.cleared()})


async def _known_names(
    work: UnitOfWork | None,
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
        # A city that sent aid is a place too.
        wanted |= {
            donor["place"]
            for donor in doc.get("donors") or []
            if isinstance(donor, dict) and isinstance(donor.get("place"), str)
        }
    wanted -= set(known)
    if work is not None and wanted:
        known |= await work(forms.record_names, wanted, lang)
    return known


async def preview_new(
    message: Message,
    state: FSMContext,
    lang: str,
    entity: str,
    doc: dict[str, Any],
    extra: list[tuple[str, dict[str, Any]]],
    *,
    ask_title: bool = False,
    work: UnitOfWork | None = None,
) -> None:
    """Show a new record (and the records it brings along) and wait for Confirm. In a guided
    dialog (`ask_title`) a new source made from a link first gets its title, as no page is
    fetched to read one; the one-line form keeps the title guessed from the link."""
    linked = [record for kind, record in extra if kind == "source" and record.get("url")]
    if linked and ask_title:
        await state.set_state(SourceTitle.title)
        await state.update_data(UntitledSource(entity=entity, doc=doc, extra=extra).to_data())
        await ask_for_title(message, state)
        return
    await _show_new(message, state, lang, entity, doc, extra, work)


async def ask_for_title(message: Message, state: FSMContext) -> None:
    """Ask for the title of the new source made from a link, the one guessed from the link
    offered as a button (and Back, in a guided dialog)."""
    data = await state.get_data()
    untitled = UntitledSource.from_data(data)
    if untitled is None:
        return
    linked = [record for kind, record in untitled.extra if kind == "source" and record.get("url")]
    dialog = dialogs.DialogState.from_data(data)
    step = -1 if dialog is None else dialog.step
    await say(
        message,
        dialogs.prompt_text(
            dialogs.SOURCE_TITLE,
            {},
            _,
            url=linked[0]["url"],
            title=linked[0]["title"]["uk"],
        ),
        moves_keyboard(
            lambda _index: TitleUse(step=step),
            [_("Use this title")],
            step=step,
            back=dialog is not None,
        ),
    )


async def titled(
    message: Message,
    state: FSMContext,
    lang: str,
    title: str | None,
    work: UnitOfWork | None = None,
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
    await _show_new(message, state, lang, titled.entity, titled.doc, extra, work)


@router.message(Command("cancel"), IsAdmin())
async def cmd_cancel(message: Message, state: FSMContext) -> None:
    """Leave any dialog; nothing is written. (Before the title of a new source is read, so
    that /cancel there leaves rather than naming the source.)"""
    had = await state.get_state()
    await state.clear()
    if had is None:
        await say(message, _("There is nothing to cancel."))
    else:
        await say(message, _("Cancelled. Nothing was changed."))


@router.message(SourceTitle.title, F.text, ~F.text.startswith("/"), IsAdmin())
async def source_title(
    message: Message, state: FSMContext, services: BotServices, lang: str
) -> None:
    """The source's title, typed; one longer than a title holds is refused here, and the
    title asked again."""
    try:
        title = await services.work(
            dialogs.read_answer, dialogs.SOURCE_TITLE, message.text or "", {}
        )
    except forms.FormError as error:
        await say(message, form_problem_text(error))
        return
    await titled(message, state, lang, str(title.value), services.work)


async def _show_new(
    message: Message,
    state: FSMContext,
    lang: str,
    entity: str,
    doc: dict[str, Any],
    extra: list[tuple[str, dict[str, Any]]],
    work: UnitOfWork | None = None,
) -> None:
    await preview_change(
        message,
        state,
        lang,
        operation=Operation.SAVE,
        entity=entity,
        key=str(doc["key"]),
        doc=doc,
        expected=None,
        extra=extra,
        work=work,
    )


def _open_entity(data: dict[str, Any]) -> str | None:
    """The kind of record the dialog kept in the conversation data adds or changes."""
    dialog = dialogs.DialogState.from_data(data)
    if dialog is not None:
        return dialogs.DIALOGS[dialog.form].entity
    for part in (PendingChange, UntitledSource, EditedRecord):
        kept = part.from_data(data)
        if kept is not None:
            return kept.entity
    return None


async def leave_open_dialog(message: Message, state: FSMContext) -> None:
    """End the editing dialog open in the conversation, if any, telling the admin that what
    it held is dropped unsaved (a new dialog or /edit begins in its place)."""
    opened = await state.get_state() is not None
    entity = _open_entity(await state.get_data()) if opened else None
    await state.clear()
    if entity is not None:
        await say(
            message,
            _("The unfinished {entity} is dropped; nothing of it was saved.").format(
                entity=entity_label(entity)
            ),
        )


@router.callback_query(AdminConfirm.filter(), StateFilter(Pending.confirm), IsAdmin())
async def on_confirm(
    query: CallbackQuery,
    callback_data: AdminConfirm,
    bot: Bot,
    state: FSMContext,
    admin: Admin,
    services: BotServices,
    lang: str,
) -> None:
    """Write the previewed change, checked against what the admin saw, or drop it."""
    data = await state.get_data()
    if await _said_unsaid(query, state, data):
        return
    pending = PendingChange.from_data(data)
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
    if pending.operation is Operation.UNDO and await services.work(is_import_batch, pending.batch):
        # An import is undone as a job of its own, in chunks, with its progress shown. The
        # preview waits until the job is stored; then the job's id is kept, so that a Confirm
        # delivered again tells how the undo goes rather than "nothing was changed".
        job_id = await undo_import(query.message, bot, services, admin, lang, str(pending.batch))
        await state.set_state(None)
        await state.set_data(StartedUndo(job_id=job_id).to_data())
        return
    try:
        text = await _apply(pending, admin, services.work, lang)
    except Exception as error:
        # A refusal ends the dialog; a write that met the database away (or locked by a long
        # import) leaves the preview waiting for the Confirm that is delivered again.
        if not is_passing_failure(error):
            await state.clear()
        raise
    # Written: what to say is kept until it is said, then the preview is answered; a Confirm
    # delivered again (this process died before saying it) tells it, not "nothing was
    # changed", and writes nothing again.
    await state.update_data(UnsaidOutcome(text=text).to_data())
    await state.set_state(None)
    await say(query.message, text)
    await state.set_data({})
    try:
        await services.reload_knowledge()
    except Exception as error:
        # The change is stored and the admin told; it must not be tried again.
        if not is_passing_failure(error):
            raise
        logger.warning("Answers will show the change at the next reload: %s", type(error).__name__)


async def _said_unsaid(query: CallbackQuery, state: FSMContext, data: dict[str, Any]) -> bool:
    """Says the answer of a change written by an attempt that died before saying it, and
    ends the dialog; False when there is none."""
    unsaid = UnsaidOutcome.from_data(data)
    if unsaid is None or not isinstance(query.message, Message):
        return False
    with contextlib.suppress(TelegramBadRequest):
        await query.answer()
    await say(query.message, unsaid.text)
    await state.clear()
    return True


async def _apply(pending: PendingChange, admin: Admin, work: UnitOfWork, lang: str) -> str:
    entity, key = pending.entity, pending.key
    if pending.operation is Operation.UNDO:
        if pending.batch:
            report = await work(undo, admin, batch=pending.batch)
        else:
            report = await work(undo, admin, change_id=pending.change_id)
        return undo_text(report, lang)
    expected = parse_doc(entity, pending.expected)
    if pending.operation is Operation.DELETE:
        result = await work(delete_record, entity, key, admin, expected)
        return _("Deleted {entity} {key} (change #{id}). /undo restores it.").format(
            entity=entity_label(entity), key=key, id=result.change_id
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
    result = (await work(save_records, records, admin, batch=batch))[-1]
    if result.change_id is None:
        return _("Nothing would change.")
    return _("Saved {entity} {key} (change #{id}).").format(
        entity=entity_label(entity), key=key, id=result.change_id
    )


@router.callback_query(AdminConfirm.filter(), IsAdmin())
async def on_stale_confirm(query: CallbackQuery, state: FSMContext, services: BotServices) -> None:
    """Confirm under a preview that was already answered or cancelled: nothing happens. One
    whose change was written by an attempt that died before saying so is told it now; one
    that started the undo of an import is told how the undo goes."""
    data = await state.get_data()
    if await _said_unsaid(query, state, data):
        return
    undo_job = StartedUndo.from_data(data)
    if undo_job is not None and isinstance(query.message, Message):
        status = await job_status_text(services, undo_job.job_id)
        if status is not None:
            with contextlib.suppress(TelegramBadRequest):
                await query.answer()
            await say(query.message, status)
            return
    note = _("This preview is no longer waiting; nothing was changed.")
    try:
        await query.answer(note, show_alert=True)
    except TelegramBadRequest:
        # Pressed long ago, or delivered again: the note goes to the chat instead.
        if isinstance(query.message, Message):
            await say(query.message, note)
