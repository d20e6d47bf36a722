"""Facts from documents: an editor forwards a post, pastes a text or sends a file, and gets a
card per agreement or aid delivery it states, each with Add, Edit and Skip, and Add all.

Nothing is written before the editor presses Add (or confirms the edit dialog). Every write
goes through the audited admin services, cites the document as a source with the sentence the
fact came from, and is undone with /undo. The cards of hromadas the editor may not edit are
read-only. The router comes before the admin operations (whose document handler takes every
other file an admin sends) and before questions (a long text is a document, not a question).

The proposals wait in the chat's conversation storage under a key of their own, so the edit
dialogs, which clear the conversation, leave the cards of earlier documents working.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
)
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import DocumentFacts, FactAction, FactMove
from bot.filters.admin import IsAdmin, refuse
from bot.handlers.admin_editing import edit_draft
from bot.handlers.admin_ops import ImportStep
from bot.replies import say, send_text, show_instead_of
from bot.routing import Handlers
from bot.services import BotServices
from bot.texts import MESSAGE_LIMIT, card_html, card_with_notes, escaped
from bot.transport.files import FileTooLargeError, download_limited
from knowledge.admin import forms
from knowledge.admin.common import Admin
from knowledge.admin.editing import SaveResult
from knowledge.admin.editing_state import FactCountry
from knowledge.admin.permissions import can_edit
from knowledge.admin.wording import entity_label
from knowledge.facts.dates import KYIV, PartialDate
from knowledge.qa.engine import MAX_QUESTION_LENGTH
from knowledge.render.lang import Language

if TYPE_CHECKING:
    from knowledge.extraction import DocumentText
    from knowledge.extraction.codec import AddedRecord, FactCard, ProposedDocument
    from knowledge.extraction.drafts import Draft
    from knowledge.extraction.proposals import Comparison, Proposal

# The extraction's code (and pycountry's catalogue behind it) is imported by the first editor
# who sends a document, in each function that needs it, not by every process that answers.
logger = logging.getLogger(__name__)
router = Handlers(__name__)

# The storage key of the proposals, beside the conversation's own.
DESTINY = "document_facts"
# Cards sent for one document at most, and documents whose cards still answer.
MAX_CARDS = 20
STATUS_ROOM = 600
KEPT_DOCUMENTS = 5
# The text read from one document at most (about thirty pages).
MAX_TEXT = 100_000


class FactsStep(StatesGroup):
    """/extract waiting for a text or a file; Edit waiting for a new place's country."""

    waiting = State()
    country = State()


def _proposals(state: FSMContext) -> FSMContext:
    """The conversation storage of the chat's proposals, apart from its dialogs."""
    return FSMContext(storage=state.storage, key=replace(state.key, destiny=DESTINY))


async def _kept(state: FSMContext) -> dict[str, Any]:
    data = await _proposals(state).get_data()
    documents = data.get("documents")
    return documents if isinstance(documents, dict) else {}


async def _kept_document(state: FSMContext, token: str) -> ProposedDocument | None:
    """The document the cards of `token` were shown for, None when it is no longer kept."""
    from knowledge.extraction.codec import ProposedDocument

    kept = (await _kept(state)).get(token)
    return ProposedDocument.from_data(kept) if isinstance(kept, dict) else None


async def _keep(state: FSMContext, token: str, document: ProposedDocument) -> None:
    documents = await _kept(state)
    documents[token] = document.to_data()
    # The oldest documents' cards stop answering: a chat keeps a few, not every one ever sent.
    for old in list(documents)[:-KEPT_DOCUMENTS]:
        del documents[old]
    await _proposals(state).set_data({"documents": documents})


async def _update(state: FSMContext, token: str, document: ProposedDocument) -> None:
    documents = await _kept(state)
    if token in documents:
        documents[token] = document.to_data()
        await _proposals(state).set_data({"documents": documents})


# ---- reading what the editor sent ----


async def _readable_file(message: Message) -> bool:
    from knowledge.extraction import is_supported

    document = message.document
    return document is not None and is_supported(document.file_name or "")


def _unreadable_text(reason: str) -> str:
    from knowledge.extraction.reading import MAX_DOCUMENT_BYTES

    texts = {
        "format": _("I read .txt, .html, .pdf and .docx files. Nothing was written."),
        "too_large": _("The file is larger than {limit} MB; nothing was read.").format(
            limit=MAX_DOCUMENT_BYTES // (1024 * 1024)
        ),
        "empty": _("The file has no text to read. Nothing was written."),
        "encoding": _(
            "The file's text is neither UTF-8 nor Windows-1251; save it as UTF-8 and send it"
            " again. Nothing was written."
        ),
        "damaged": _("The file is damaged and does not open. Nothing was written."),
        "encrypted": _(
            "The PDF is protected by a password; send it without one. Nothing was written."
        ),
    }
    return texts.get(reason, texts["format"])


@router.message(
    F.document,
    F.chat.type == "private",
    ~StateFilter(ImportStep.waiting_file),
    # Before the file's kind: a resident's file never loads the document reading code.
    IsAdmin(),
    _readable_file,
)
async def on_file(
    message: Message,
    bot: Bot,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
) -> None:
    """A .txt, .html, .pdf or .docx file: read it and propose its facts."""
    from knowledge.extraction.reading import (
        MAX_DOCUMENT_BYTES,
        UnreadableDocumentError,
        read_document,
    )

    document = message.document
    if document is None:  # the filter guarantees one; mypy cannot know
        return
    if await state.get_state() == FactsStep.waiting.state:
        await state.clear()
    if document.file_size is not None and document.file_size > MAX_DOCUMENT_BYTES:
        await say(message, _unreadable_text("too_large"))
        return
    name = document.file_name or "document"
    try:
        data = await download_limited(bot, document.file_id, MAX_DOCUMENT_BYTES)
        read = read_document(data, name)
    except FileTooLargeError:
        await say(message, _unreadable_text("too_large"))
        return
    except UnreadableDocumentError as error:
        await say(message, _unreadable_text(error.reason))
        return
    await _propose(message, state, services, admin, lang, read, name)


def _origin(message: Message) -> tuple[str | None, PartialDate | None, str]:
    """A forwarded post's address (a public channel's), day and a title to fall back on."""
    origin = message.forward_origin
    if origin is None:
        return None, None, _("Forwarded message")
    day = PartialDate.of_day(origin.date.astimezone(KYIV).date())
    if isinstance(origin, MessageOriginChannel):
        url = None
        if origin.chat.username:
            url = f"https://t.me/{origin.chat.username}/{origin.message_id}"
        return url, day, _("Post in {channel}").format(channel=origin.chat.title or "—")
    if isinstance(origin, MessageOriginChat):
        return None, day, _("Message in {chat}").format(chat=origin.sender_chat.title or "—")
    if isinstance(origin, MessageOriginUser):
        name = origin.sender_user.full_name
        return None, day, _("Message from {name}").format(name=name)
    if isinstance(origin, MessageOriginHiddenUser):
        return None, day, _("Message from {name}").format(name=origin.sender_user_name)
    return None, day, _("Forwarded message")


@router.message(F.forward_origin, F.chat.type == "private", IsAdmin())
async def on_forward(
    message: Message,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
) -> None:
    """A forwarded post or message: its text (or a file's caption) is the document."""
    from knowledge.extraction import DocumentText

    text = message.text or message.caption
    if not text or not text.strip():
        await say(
            message, _("This forwarded message has no text for me to read. Nothing was written.")
        )
        return
    url, day, fallback = _origin(message)
    document = DocumentText(text, url=url, date=day)
    await _propose(message, state, services, admin, lang, document, fallback)


@router.message(
    F.text.len() > MAX_QUESTION_LENGTH,
    ~F.text.startswith("/"),
    F.chat.type == "private",
    StateFilter(None),
    IsAdmin(),
)
async def on_long_text(
    message: Message,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
) -> None:
    """A text longer than any question: a pasted news item or letter."""
    await _propose_text(message, state, services, admin, lang, message.text or "")


@router.message(Command("extract"), F.chat.type == "private", IsAdmin())
async def cmd_extract(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
) -> None:
    """/extract TEXT reads the text; /extract alone waits for a text, a post or a file."""
    await state.clear()
    if command.args and command.args.strip():
        await _propose_text(message, state, services, admin, lang, command.args)
        return
    await state.set_state(FactsStep.waiting)
    await say(
        message,
        _(
            "Send the text, forward the post, or send the file (.txt, .html, .pdf or"
            " .docx): I will propose the agreements and aid it states. /cancel stops."
        ),
    )


@router.message(FactsStep.waiting, F.text, ~F.text.startswith("/"), IsAdmin())
async def on_waited_text(
    message: Message,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
) -> None:
    """The text /extract waited for."""
    await state.clear()
    await _propose_text(message, state, services, admin, lang, message.text or "")


async def _propose_text(
    message: Message,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
    text: str,
) -> None:
    from knowledge.extraction import DocumentText

    first_line = text.strip().splitlines()[0] if text.strip() else ""
    fallback = first_line[:120] or _("Pasted text")
    # A pasted text's own date is unknown: relative dates are read against today.
    await _propose(message, state, services, admin, lang, DocumentText(text), fallback)


# ---- the cards ----


async def _propose(
    message: Message,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
    document: DocumentText,
    fallback_title: str,
) -> None:
    """Read the document, keep its proposals and send a card for each."""
    from knowledge.extraction import Extractor, PlaceNames, compare
    from knowledge.extraction.codec import FactCard, ProposedDocument
    from knowledge.extraction.drafts import source_record
    from knowledge.extraction.fact_cards import source_card

    cut = len(document.text) > MAX_TEXT
    if cut:
        document = replace(document, text=document.text[:MAX_TEXT])
    engine = services.engine
    extractor = Extractor(PlaceNames.from_engine(engine))
    today = PartialDate.of_day(services.today())
    # Reading a long PDF takes a while: the bot goes on answering others meanwhile.
    extraction = await asyncio.to_thread(extractor.extract, document, today=today)
    source = extraction.source
    if not source.title:
        source = replace(source, title=fallback_title)
    title = source.title or fallback_title
    notes = [_("I read only its first {count} characters.").format(count=MAX_TEXT)] if cut else []
    if not extraction.facts:
        await say(
            message,
            "\n".join(
                [
                    _(
                        "I read «{title}» and found no agreement or aid it states."
                        " Nothing was written."
                    ).format(title=title),
                    *notes,
                ]
            ),
        )
        return
    facts = extraction.facts[:MAX_CARDS]
    if len(extraction.facts) > MAX_CARDS:
        notes.append(
            _("Only the first {shown} of {count} facts are shown.").format(
                shown=MAX_CARDS, count=len(extraction.facts)
            )
        )
    entries = []
    for proposal in facts:
        editable = await services.work(
            can_edit, admin.user_id, proposal.hromada, admin.super_admins
        )
        entries.append(FactCard(proposal, compare(proposal, engine.snapshot), editable))
    token = secrets.token_urlsafe(6)
    kept = ProposedDocument(source, title, entries)
    stored_key, new_source = await services.work(source_record, source, title)
    language = Language(lang)
    header = [
        ngettext(
            "I read «{title}»: {count} fact. Nothing is written until you press Add.",
            "I read «{title}»: {count} facts. Nothing is written until you press Add.",
            len(extraction.facts),
        ).format(title=title, count=len(extraction.facts)),
        *notes,
    ]
    summary = source_card(language, source, stored_key if new_source is None else None)
    said = "\n".join([escaped(line) for line in header] + [""])
    await send_text(
        message, f"{said}\n{card_html(summary, MESSAGE_LIMIT - len(said) - 1)}", previews=True
    )
    for index, entry in enumerate(entries):
        sent = await send_text(
            message,
            _card_text(language, services, entry, index, len(entries)),
            _card_keyboard(token, index, entry),
            previews=True,
        )
        entry.message = sent.message_id
    await _keep(state, token, kept)
    addable = [entry for entry in entries if _addable(entry)]
    if len(addable) > 1:
        builder = InlineKeyboardBuilder()
        builder.button(
            text=_("➕ Add all ({count})").format(count=len(addable)),
            callback_data=DocumentFacts(document=token, action=FactMove.ADD),
        )
        builder.button(
            text=_("✖ Skip all"), callback_data=DocumentFacts(document=token, action=FactMove.SKIP)
        )
        await say(
            message,
            _("Add every fact above that you may add, in one change?"),
            reply_markup=builder.as_markup(),
        )


def _addable(entry: FactCard) -> bool:
    from knowledge.extraction.codec import CardState
    from knowledge.extraction.drafts import needs_country

    if entry.state is not CardState.OPEN or not entry.editable:
        return False
    return not needs_country(entry.proposal)


def _card_text(
    language: Language,
    services: BotServices,
    entry: FactCard,
    index: int,
    total: int,
    note: str | None = None,
) -> str:
    from knowledge.extraction.codec import CardState
    from knowledge.extraction.drafts import needs_country
    from knowledge.extraction.fact_cards import fact_card

    proposal, comparison = entry.proposal, entry.comparison
    card = fact_card(
        language,
        services.engine.snapshot,
        proposal,
        comparison,
        number=index + 1,
        total=total,
    )
    notes = []
    if not entry.editable:
        notes.append(_("Read only: only an editor of this hromada may add it."))
    elif entry.state is CardState.OPEN and needs_country(proposal):
        notes.append(_("The text gives no country for this new place: press Edit to give it."))
    status = note or _state_note(entry, language.code)
    # The card leaves room for the status lines below it, each under a few hundred characters.
    return card_with_notes(card, notes, status, MESSAGE_LIMIT - STATUS_ROOM)


def _state_note(entry: FactCard, lang: str) -> str | None:
    from knowledge.extraction.codec import CardState

    state, result = entry.state, entry.result
    if state is CardState.ADDED and result is not None:
        return _("✅ Added: {entity} {key} (change #{id}). /undo takes it back.").format(
            entity=entity_label(result.entity, lang), key=result.key, id=result.change
        )
    if state is CardState.ADDED:
        return _("✅ Nothing new to add: the knowledge base holds it, citing this document.")
    if state is CardState.SKIPPED:
        return _("✖ Skipped.")
    if state is CardState.EDITING:
        return _("✏️ Being edited in the dialog below.")
    return None


def _card_keyboard(token: str, index: int, entry: FactCard) -> InlineKeyboardMarkup | None:
    from knowledge.extraction.codec import CardState
    from knowledge.extraction.drafts import needs_country

    if entry.state is not CardState.OPEN or not entry.editable:
        return None
    comparison, proposal = entry.comparison, entry.proposal
    builder = InlineKeyboardBuilder()

    def button(text: str, action: FactMove) -> None:
        builder.button(
            text=text, callback_data=FactAction(document=token, index=index, action=action)
        )

    if comparison.known:
        button(_("➕ Cite the document"), FactMove.ADD)
    elif not needs_country(proposal):
        button(_("✅ Update") if comparison.record else _("➕ Add"), FactMove.ADD)
    if not comparison.known:
        button(_("✏️ Edit"), FactMove.EDIT)
    button(_("✖ Skip"), FactMove.SKIP)
    return builder.as_markup()


async def _show(
    bot: Bot,
    chat_id: int,
    services: BotServices,
    lang: str,
    token: str,
    document: ProposedDocument,
    index: int,
    note: str | None = None,
) -> None:
    """The card as it stands now: its state, and buttons only while it is open."""
    entry = document.facts[index]
    if entry.message is None:
        return
    text = _card_text(Language(lang), services, entry, index, len(document.facts), note)
    # A card the editor deleted, or already showing this: the state is kept anyway.
    with contextlib.suppress(TelegramAPIError):
        await show_instead_of(
            bot, chat_id, entry.message, text, _card_keyboard(token, index, entry)
        )


# ---- Add, Edit, Skip ----


def _result(draft: Draft, saved: SaveResult | None) -> AddedRecord | None:
    from knowledge.extraction.codec import AddedRecord

    if saved is None or saved.change_id is None:
        return None
    return AddedRecord(draft.entity, draft.key, saved.change_id)


async def _add(
    query: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
    token: str,
    document: ProposedDocument,
    indices: list[int],
) -> None:
    """Write the facts at `indices` in one change, if the knowledge base still stands as their
    cards showed; otherwise show the cards again as they stand now."""
    from knowledge.extraction import compare
    from knowledge.extraction.codec import CardState, comparison_data
    from knowledge.extraction.drafts import (
        HromadaNotStoredError,
        UnknownCountryError,
        add_drafts,
        drafts_for,
        source_record,
    )

    chat_id = query.message.chat.id if query.message is not None else admin.user_id
    entries = [document.facts[index] for index in indices]
    proposals = [entry.proposal for entry in entries]
    fresh = [compare(proposal, services.engine.snapshot) for proposal in proposals]
    moved = [
        index
        for index, entry, comparison in zip(indices, entries, fresh, strict=True)
        if comparison_data(comparison) != comparison_data(entry.comparison)
    ]
    if moved:
        for index in moved:
            document.facts[index].comparison = fresh[indices.index(index)]
            await _show(bot, chat_id, services, lang, token, document, index)
        await _update(state, token, document)
        await query.answer(
            _("The knowledge base changed since the card was shown: check it again."),
            show_alert=True,
        )
        return
    source = document.source
    try:
        source_key, new_source = await services.work(source_record, source, document.title)
        drafts = await services.work(
            drafts_for, list(zip(proposals, fresh, strict=True)), source_key, new_source
        )
        results = await services.work(add_drafts, drafts, admin)
    except UnknownCountryError as error:
        await query.answer(
            _("The text gives no country for «{place}»: press Edit to give it.").format(
                place=error.partner
            ),
            show_alert=True,
        )
        return
    except HromadaNotStoredError:
        await query.answer(_("This hromada is not in the knowledge base."), show_alert=True)
        return
    except forms.FormError:
        await query.answer(
            _("This fact cannot be added as it is: press Edit to correct it."), show_alert=True
        )
        return
    await query.answer()
    for index, draft, saved in zip(indices, drafts, results, strict=True):
        entry = document.facts[index]
        entry.state = CardState.ADDED
        entry.result = _result(draft, saved)
        await _show(bot, chat_id, services, lang, token, document, index)
    await _update(state, token, document)
    written = [saved for saved in results if saved is not None and saved.change_id is not None]
    if written:
        await services.reload_knowledge()
    if len(indices) > 1 and isinstance(query.message, Message):
        await say(
            query.message,
            ngettext(
                "Added {count} fact in one change; /undo takes it back.",
                "Added {count} facts in one change; /undo takes them all back.",
                len(written),
            ).format(count=len(written))
            if written
            else _("Nothing new to add: the knowledge base holds all of them."),
        )


async def _open(query: CallbackQuery, state: FSMContext, token: str) -> ProposedDocument | None:
    document = await _kept_document(state, token)
    if document is None:
        await query.answer(
            _("These cards are out of date; send the document again."), show_alert=True
        )
    return document


@router.callback_query(FactAction.filter(), IsAdmin())
async def on_fact(
    query: CallbackQuery,
    callback_data: FactAction,
    bot: Bot,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
) -> None:
    """Add, Edit or Skip under one card."""
    from knowledge.extraction.codec import CardState

    token, index = callback_data.document, callback_data.index
    document = await _open(query, state, token)
    if document is None:
        return
    if not 0 <= index < len(document.facts):
        await query.answer(_("This button is no longer valid."), show_alert=True)
        return
    entry = document.facts[index]
    if not entry.editable:
        await query.answer(
            _("Read only: only an editor of this hromada may add it."), show_alert=True
        )
        return
    if entry.state is not CardState.OPEN:
        await query.answer(_state_note(entry, lang) or "", show_alert=True)
        return
    chat_id = query.message.chat.id if query.message is not None else admin.user_id
    if callback_data.action is FactMove.SKIP:
        entry.state = CardState.SKIPPED
        await _update(state, token, document)
        await query.answer(_("Skipped."))
        await _show(bot, chat_id, services, lang, token, document, index)
        return
    if callback_data.action is FactMove.ADD:
        await _add(query, bot, state, services, admin, lang, token, document, [index])
        return
    if callback_data.action is FactMove.EDIT:
        await _edit(query, bot, state, services, admin, lang, token, document, index)
        return
    await query.answer(_("This button is no longer valid."), show_alert=True)


@router.callback_query(DocumentFacts.filter(), IsAdmin())
async def on_document_facts(
    query: CallbackQuery,
    callback_data: DocumentFacts,
    bot: Bot,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
) -> None:
    """Add all or Skip all: every open card the editor may add."""
    from knowledge.extraction.codec import CardState

    token = callback_data.document
    document = await _open(query, state, token)
    if document is None:
        return
    indices = [index for index, entry in enumerate(document.facts) if _addable(entry)]
    if not indices:
        await query.answer(_("Nothing is left to add."), show_alert=True)
        return
    if callback_data.action is FactMove.SKIP:
        chat_id = query.message.chat.id if query.message is not None else admin.user_id
        for index in indices:
            document.facts[index].state = CardState.SKIPPED
            await _show(bot, chat_id, services, lang, token, document, index)
        await _update(state, token, document)
        await query.answer(_("Skipped."))
        return
    await _add(query, bot, state, services, admin, lang, token, document, indices)


async def _edit(
    query: CallbackQuery,
    bot: Bot,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
    token: str,
    document: ProposedDocument,
    index: int,
) -> None:
    """Open the edit dialog on the fact as it would be added (first asking a missing country)."""
    from knowledge.extraction.drafts import needs_country
    from knowledge.extraction.proposals import AgreementProposal

    message = query.message
    if not isinstance(message, Message):
        await query.answer()
        return
    proposal = document.facts[index].proposal
    await query.answer()
    if needs_country(proposal) and isinstance(proposal, AgreementProposal):
        await state.clear()
        await state.set_state(FactsStep.country)
        await state.update_data(FactCountry(document=token, index=index).to_data())
        await say(
            message,
            _(
                "Which country is «{place}» in? Send its name or code, such as Poland or PL."
            ).format(place=proposal.partner),
        )
        return
    await _open_dialog(message, bot, state, services, admin, lang, token, document, index, None)


async def _open_dialog(
    message: Message,
    bot: Bot,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
    token: str,
    document: ProposedDocument,
    index: int,
    country: str | None,
) -> None:
    from knowledge.extraction import compare
    from knowledge.extraction.codec import CardState
    from knowledge.extraction.drafts import brought_along, drafts_for, source_record

    entry = document.facts[index]
    proposal: Proposal = entry.proposal
    comparison: Comparison = compare(proposal, services.engine.snapshot)
    source = document.source
    try:
        source_key, new_source = await services.work(source_record, source, document.title)
        (draft,) = await services.work(
            drafts_for,
            [(proposal, comparison)],
            source_key,
            new_source,
            countries={0: country} if country else None,
        )
    except forms.FormError:
        await say(message, _("This fact cannot be added as it is: press Edit to correct it."))
        return
    except ValueError as error:
        # A record the fact would make fails validation; its wording is the validator's
        # (English), so the editor is told in their language and the reason is logged.
        logger.info("fact %d of a document cannot be drafted: %s", index, error)
        await say(message, _("This fact cannot be added as it is: press Edit to correct it."))
        return
    if draft.doc is None:
        await say(
            message,
            _(
                "The knowledge base holds it already, citing this document; /edit {key}"
                " changes it."
            ).format(key=draft.key),
        )
        return
    entry.state = CardState.EDITING
    await _update(state, token, document)
    await _show(bot, message.chat.id, services, lang, token, document, index)
    await edit_draft(
        message,
        state,
        entity=draft.entity,
        doc=draft.doc,
        expected=draft.expected,
        extra=brought_along(draft),
    )


@router.message(FactsStep.country, F.text, ~F.text.startswith("/"), IsAdmin())
async def on_country(
    message: Message,
    bot: Bot,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
) -> None:
    """The country of a new partner place, then the edit dialog."""
    try:
        country = forms.parse_country(message.text or "")
    except forms.FormError:
        await say(
            message,
            _(
                "I don't know a country “{value}”. Send its name, such as Литва or"
                " Lithuania, or its code, such as LT."
            ).format(value=message.text or ""),
        )
        return
    asked = FactCountry.from_data(await state.get_data())
    await state.clear()
    document = None if asked is None else await _kept_document(state, asked.document)
    if asked is None or document is None or not 0 <= asked.index < len(document.facts):
        await say(message, _("These cards are out of date; send the document again."))
        return
    await _open_dialog(
        message, bot, state, services, admin, lang, asked.document, document, asked.index, country
    )


# ---- everyone else ----


@router.message(Command("extract"))
async def refuse_extract(message: Message) -> None:
    """A non-admin's /extract: refused, nothing read."""
    await refuse(message)


@router.callback_query(FactAction.filter())
@router.callback_query(DocumentFacts.filter())
async def refuse_button(query: CallbackQuery) -> None:
    """A card's button pressed by someone without the right."""
    await refuse(query)


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
