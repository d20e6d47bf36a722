"""Admin operations: /export, /import, /backup, /logchat, /channel and /publish.

Every command and button re-checks the sender's right in the database as it acts; reads and
writes run as units of work (`BotServices.work`), so the admin services own their transactions.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import secrets
import tempfile
import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from aiogram import Bot, F, Router
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, CommandObject
from aiogram.filters.callback_data import CallbackData
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import (
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardMarkup,
    Message,
)
from aiogram.utils.i18n import gettext as _
from aiogram.utils.i18n import ngettext
from aiogram.utils.keyboard import InlineKeyboardBuilder
from babel.dates import format_date

from bot.arguments import telegram_id
from bot.deeplinks import hromada_payload
from bot.filters.admin import IsAdmin, refusal_text, refuse
from bot.handlers.subscriptions import topic_of
from bot.import_texts import SHOWN_ITEMS, problem_lines
from bot.keyboards.channel import ask_bot_keyboard
from bot.publishing import deep_link, publish_hromada_card
from bot.replies import say, send_to
from bot.routing import Handlers
from bot.services import BotServices
from bot.texts import escaped, problem_reply
from bot.transport.files import FileTooLargeError, download_limited
from bot.write_jobs import OWNER, job_of_batch, job_status_text, show_progress, start_job
from knowledge.admin.backup import BackupError, backup_database
from knowledge.admin.common import Admin
from knowledge.admin.config import get_channel as stored_channel
from knowledge.admin.config import set_channel, set_log_chat
from knowledge.admin.editing_state import PreviewedImport
from knowledge.admin.permissions import require_editor
from knowledge.admin.subscribers import recent_new_records
from knowledge.admin.wording import ENTITIES
from knowledge.facts.messages import N_, Problem
from knowledge.places.hromadas import Resolved, shipped_index
from knowledge.render.cards import partner_button
from knowledge.render.lang import Language

router = Handlers(__name__)
if TYPE_CHECKING:
    from knowledge.interchange import ImportLimits, ImportPreview

logger = logging.getLogger(__name__)

EDITOR_COMMANDS = ("export", "import", "publish")
SUPER_ADMIN_COMMANDS = ("backup", "logchat", "channel")
EXPORT_FORMATS = ("yaml", "json", "csv", "aid_csv", "xlsx", "aid_xlsx")
SHEET_FORMATS = frozenset({"csv", "aid_csv", "xlsx", "aid_xlsx"})
# A sheet's header row is what /import and scripts match columns by, so it stays the same
# in every language; the admin is told why it is not in theirs.
FIXED_COLUMNS = N_(
    "The column names are fixed keys, the same in every language, so that /import reads the"
    " file back unchanged."
)
DIGEST_DAYS = 30
_CHANNEL_NAME = r"^@[A-Za-z][A-Za-z0-9_]{4,31}$"


class ImportStep(StatesGroup):
    """The /import conversation: waiting for the file, then for Apply or Cancel."""

    waiting_file = State()
    confirm = State()


class ImportDecision(CallbackData, prefix="imp"):
    """Apply or cancel the previewed import `upload` (a short id; the file stays with us)."""

    action: str
    upload: str


# ---------------------------------------------------------------------------------------------
# /export


def _stamp(services: BotServices) -> str:
    return services.today().isoformat()


@router.message(Command("export"), F.chat.type == "private", IsAdmin())
async def cmd_export(
    message: Message,
    command: CommandObject,
    services: BotServices,
    lang: str,
) -> None:
    """The knowledge base as a file, in the format `kb export` writes."""
    chosen = (command.args or "yaml").strip().lower()
    if chosen not in EXPORT_FORMATS:
        await say(
            message,
            _("Unknown format {format}. Use one of: {formats}.").format(
                format=chosen, formats=", ".join(EXPORT_FORMATS)
            ),
        )
        return
    # The spreadsheets' code is imported by the editor who needs it, not by every process
    # that only answers questions.
    from knowledge.interchange import (
        DocumentFormat,
        export_agreements_csv,
        export_aid_csv,
        export_document_text,
    )
    from knowledge.interchange.workbook import export_agreements_xlsx, export_aid_xlsx

    stamp = _stamp(services)
    content: bytes
    if chosen == "xlsx":
        # An Excel workbook with names in the editor's language, which /import reads back.
        content = await services.work(export_agreements_xlsx, lang)
        name = f"pobratym-agreements-{stamp}.xlsx"
    elif chosen == "aid_xlsx":
        content, name = await services.work(export_aid_xlsx, lang), f"pobratym-aid-{stamp}.xlsx"
    elif chosen == "csv":
        text, name = await services.work(export_agreements_csv), f"pobratym-agreements-{stamp}.csv"
        content = text.encode("utf-8")
    elif chosen == "aid_csv":
        text, name = await services.work(export_aid_csv), f"pobratym-aid-{stamp}.csv"
        content = text.encode("utf-8")
    else:
        text = await services.work(export_document_text, DocumentFormat(chosen))
        name = f"pobratym-{stamp}.{chosen}"
        content = text.encode("utf-8")
    # «1 червня 2025 р.» ends with its own full stop, which the Ukrainian caption keeps.
    day = format_date(services.today(), "long", locale=lang)
    caption = _("The knowledge base as of {date}.").format(date=day)
    if chosen in SHEET_FORMATS:
        caption += " " + _(FIXED_COLUMNS)
    await message.answer_document(
        BufferedInputFile(content, filename=name), caption=escaped(caption)
    )


# ---------------------------------------------------------------------------------------------
# /import


def _limits() -> ImportLimits:
    from knowledge.interchange import ImportLimits

    return ImportLimits()


def _keys(keys: list[str]) -> str:
    shown = ", ".join(keys[:SHOWN_ITEMS])
    if len(keys) > SHOWN_ITEMS:
        more = len(keys) - SHOWN_ITEMS
        shown += " " + ngettext("and {count} more", "and {count} more", more).format(count=more)
    return shown


def preview_text(preview: ImportPreview) -> str:
    """The preview of an import: counts per record kind, keys, and every refused row's reason."""
    lines = [_("Import of {file}:").format(file=preview.filename)]
    lines += [problem_reply(note) for note in preview.notes]
    for kind in preview.kinds:
        new, changed = preview.new.get(kind, []), preview.changed.get(kind, [])
        unchanged = preview.unchanged.get(kind, [])
        lines.append(
            _("{section}: {created} new, {updated} changed, {unchanged} unchanged").format(
                section=_(ENTITIES[kind]) if kind in ENTITIES else kind,
                created=len(new),
                updated=len(changed),
                unchanged=len(unchanged),
            )
        )
        if new:
            lines.append("  " + _("new: {keys}").format(keys=_keys(new)))
        if changed:
            lines.append("  " + _("changed: {keys}").format(keys=_keys(changed)))
    if preview.merged:
        count = len(preview.merged)
        lines.append(
            ngettext(
                "{count} row repeats an earlier row's pair and is merged into it:",
                "{count} rows repeat an earlier row's pair and are merged into it:",
                count,
            ).format(count=count)
        )
        lines += problem_lines(preview.merged)
    if preview.rejected:
        count = len(preview.rejected)
        lines.append(
            ngettext("{count} row refused:", "{count} rows refused:", count).format(count=count)
        )
        lines += problem_lines(preview.rejected)
    return "\n".join(lines)


def _decision_keyboard(upload: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(text=_("Apply"), callback_data=ImportDecision(action="apply", upload=upload))
    builder.button(text=_("Cancel"), callback_data=ImportDecision(action="cancel", upload=upload))
    return builder.as_markup()


def _too_large(size: int | None, limits: ImportLimits) -> bool:
    return size is not None and size > limits.max_bytes


@router.message(Command("import"), F.chat.type == "private", ~F.document, IsAdmin())
async def cmd_import(message: Message, state: FSMContext) -> None:
    """Ask for the file to import."""
    await state.set_state(ImportStep.waiting_file)
    await say(
        message,
        _(
            "Send the file to import: a sheet of agreements or aid as .xlsx (Excel) or"
            " .csv, or a .yaml or .json export. I will show what it changes before writing"
            " anything. /cancel stops."
        ),
    )


@router.message(Command("cancel"), ImportStep.waiting_file)
@router.message(Command("cancel"), ImportStep.confirm)
async def cmd_cancel_import(message: Message, state: FSMContext) -> None:
    """Drop the import in progress."""
    await state.clear()
    await say(message, _("Import cancelled; nothing was written."))


@router.message(F.document, F.chat.type == "private", IsAdmin())
async def on_document(
    message: Message,
    bot: Bot,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
) -> None:
    """Read the file, preview it, and keep it here (not in the button) until Apply; rows the
    admin may not write are refused in the preview."""
    document = message.document
    if document is None:  # the filter guarantees one; mypy cannot know
        return
    limits = _limits()
    # Telegram tells the size; a file over the limit is refused without downloading it, and
    # one whose size is missing or wrong is refused as soon as more bytes arrive.
    try:
        if _too_large(document.file_size, limits):
            raise FileTooLargeError(limits.max_bytes)
        data = await download_limited(bot, document.file_id, limits.max_bytes)
    except FileTooLargeError:
        await state.clear()
        limit = limits.max_bytes // (1024 * 1024)
        await say(
            message,
            _("The file is larger than {limit} MB; nothing was written.").format(limit=limit),
        )
        return
    from knowledge.interchange import preview_import, read_import

    filename = document.file_name or "upload"
    # A file refused as a whole (ImportRejectedError) is told by the refusals' handler.
    parsed = read_import(data, filename, limits=limits)
    preview = await services.work(preview_import, parsed, admin)
    text = preview_text(preview)
    if not preview.has_changes:
        await state.clear()
        await say(message, text + "\n" + _("Nothing would change."))
        return
    upload = secrets.token_urlsafe(6)
    await state.set_state(ImportStep.confirm)
    await state.set_data(PreviewedImport.of_file(upload, filename, data).to_data())
    question = (
        _("Apply the rows that are not refused?")
        if preview.rejected
        else _("Apply these changes?")
    )
    await say(message, text + "\n\n" + question, _decision_keyboard(upload))


@router.callback_query(ImportDecision.filter(F.action == "cancel"))
async def on_import_cancel(
    query: CallbackQuery, callback_data: ImportDecision, state: FSMContext, services: BotServices
) -> None:
    """Forget the previewed file; a preview already applied says so, and how its import goes
    (/undo reverts it), rather than that nothing was written."""
    await query.answer()
    if not isinstance(query.message, Message):
        await state.clear()
        return
    batch = _import_batch(query.message.chat.id, callback_data.upload)
    job = await job_of_batch(services, batch)
    if job is None:
        await state.clear()
        await say(query.message, _("Import cancelled; nothing was written."))
        return
    # The state may already hold a newer preview: it is left alone.
    applied = (
        _("This import is under way; Cancel no longer stops it. /undo reverts it.")
        if job.unfinished
        else _("This import was already applied; Cancel does not revert it. /undo does.")
    )
    status = await job_status_text(services, job.id)
    await say(query.message, applied + ("\n\n" + status if status else ""))


@router.callback_query(ImportDecision.filter(F.action == "apply"), IsAdmin())
async def on_import_apply(
    query: CallbackQuery,
    callback_data: ImportDecision,
    bot: Bot,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
) -> None:
    """Read the kept file again and write it as a job, in chunks, checked against what is
    stored as each chunk is written; its message shows the progress, then the outcome."""
    kept = PreviewedImport.from_data(await state.get_data())
    if not isinstance(query.message, Message):
        await query.answer(_("This preview is out of date; send the file again."), show_alert=True)
        return
    batch = _import_batch(query.message.chat.id, callback_data.upload)
    if kept is None or kept.upload != callback_data.upload:
        # An Apply delivered again after its import was stored says how the import goes.
        await _apply_again(query, query.message, services, batch)
        return
    from knowledge.interchange import read_import
    from knowledge.interchange.import_job import ImportUnderWayError, start_import

    upload, filename = kept.content, kept.filename
    # Read again by the job, which checks it against what is stored then; a file refused now
    # (ImportRejectedError) is told by the refusals' handler.
    read_import(upload, filename, limits=_limits())
    # Stored before anything is shown: of two presses at once (on one replica or two), only
    # the one that stored it posts a progress message. The other's would never move on.
    try:
        job = await services.work(
            start_import,
            upload,
            filename,
            actor=admin.actor,
            user_id=admin.user_id,
            now=services.now(),
            skip_rejected=True,
            chat_id=query.message.chat.id,
            language=lang,
            owner=OWNER,
            batch=batch,
        )
    except ImportUnderWayError:
        await query.answer(_(ALREADY_UNDER_WAY))
        return
    # Kept until the job is stored: an Apply pressed meanwhile meets the stored job, not a
    # preview that looks out of date.
    await state.clear()
    await query.answer()
    try:
        progress_message = await say(query.message, _("Importing… {percent}%").format(percent=0))
    except TelegramAPIError:
        # The job's end is then sent as a message of its own.
        logger.warning("The progress message of write job %s could not be posted", job.id)
    else:
        # If this process dies, another finishes the job in the same message.
        await show_progress(services, job.id, progress_message.message_id)
    start_job(bot, services, job.id)


ALREADY_UNDER_WAY = N_("This import is already under way.")


async def _apply_again(
    query: CallbackQuery, message: Message, services: BotServices, batch: str
) -> None:
    """An Apply pressed again: a quiet note while its import runs (its own message shows the
    progress), how it ended once it has, or that the preview is out of date."""
    job = await job_of_batch(services, batch)
    if job is None:
        await query.answer(_("This preview is out of date; send the file again."), show_alert=True)
        return
    if job.unfinished:
        await query.answer(_(ALREADY_UNDER_WAY))
        return
    await query.answer()
    await say(message, await job_status_text(services, job.id) or "")


def _import_batch(chat_id: int, upload: str) -> str:
    """The audit batch of the import its preview `upload` (in the chat) applies: the same
    for every press of its Apply, so it is stored once."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"pobratym-import:{chat_id}:{upload}"))


# ---------------------------------------------------------------------------------------------
# /backup, /logchat, /channel


@router.message(Command("backup"), F.chat.type == "private", IsAdmin(super_only=True))
async def cmd_backup(message: Message, services: BotServices) -> None:
    """A consistent snapshot of the database (or a full export on PostgreSQL) as a file."""
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d-%H%M%S")
    with tempfile.TemporaryDirectory(prefix="pobratym-backup-") as folder:
        try:
            backup = await backup_database(
                services.settings.database_url.get_secret_value(), Path(folder), stamp
            )
        except BackupError:
            logger.exception("The backup failed")
            await say(message, _("The backup failed; please try again later."))
            return
        content = await asyncio.to_thread(backup.path.read_bytes)
    caption = (
        _("A snapshot of the database.")
        if backup.is_database
        else _("A full export of the knowledge base.")
    )
    await message.answer_document(
        BufferedInputFile(content, filename=backup.path.name), caption=escaped(caption)
    )


def _chat_id(text: str) -> int | None:
    return telegram_id(text)


def _unreachable(chat: int | str) -> str:
    return _(
        "I cannot post to {chat}: add me there first (to a channel, as an administrator),"
        " then send the command again. Nothing was changed."
    ).format(chat=chat)


async def _test_post(bot: Bot, chat: int | str, text: str, thread_id: int | None = None) -> bool:
    """Post `text` to the chat to check the bot may; False (logged) when Telegram refuses."""
    try:
        await send_to(bot, chat, escaped(text), thread_id=thread_id)
    except TelegramAPIError as error:
        logger.info("A test post to %s was refused: %s", chat, type(error).__name__)
        return False
    return True


@router.message(Command("logchat"), IsAdmin(super_only=True, private_only=False))
async def cmd_logchat(
    message: Message,
    command: CommandObject,
    bot: Bot,
    services: BotServices,
    admin: Admin,
) -> None:
    """Forward the audit log to this chat (its topic, in a forum), to a chat by id, or (with
    "off") nowhere. A test post checks first that the bot may post there."""
    argument = (command.args or "").strip()
    chat_id: int | None
    if not argument:
        chat_id = message.chat.id
    elif argument.lower() == "off":
        chat_id = None
    else:
        chat_id = _chat_id(argument)
        if chat_id is None:
            await say(
                message, _("Send a chat id, such as /logchat -1001234567890, or /logchat off.")
            )
            return
    thread_id = topic_of(message) if chat_id == message.chat.id else None
    if chat_id is not None and not await _test_post(
        bot,
        chat_id,
        _("This chat now gets a line for every change of the knowledge base."),
        thread_id,
    ):
        await say(message, _unreachable(chat_id))
        return
    await services.work(set_log_chat, admin, chat_id, thread_id)
    if chat_id is None:
        await say(message, _("The audit log is no longer forwarded."))
    else:
        await say(
            message, _("From now on every change is reported to chat {chat}.").format(chat=chat_id)
        )


@router.message(Command("channel"), F.chat.type == "private", IsAdmin(super_only=True))
async def cmd_channel(
    message: Message,
    command: CommandObject,
    bot: Bot,
    services: BotServices,
    admin: Admin,
) -> None:
    """Show or set the channel /publish posts to."""
    argument = (command.args or "").strip()
    if not argument:
        current = await services.work(stored_channel)
        text = (
            _("No channel is set. Send /channel @name or /channel -100… to set one.")
            if current is None
            else _("/publish posts to {channel}.").format(channel=current)
        )
        await say(message, text)
        return
    channel = None if argument.lower() == "off" else argument
    if channel is not None and not (
        re.fullmatch(_CHANNEL_NAME, channel) or _chat_id(channel) is not None
    ):
        await say(
            message, _("Send the channel as @name or as its numeric id, such as -1001234567890.")
        )
        return
    if channel is not None and not await _test_post(
        bot, _chat_id(channel) or channel, _("Hromadas' partnership cards will be posted here.")
    ):
        await say(message, _unreachable(channel))
        return
    await services.work(set_channel, admin, channel)
    text = (
        _("No channel is set any more.")
        if channel is None
        else _("/publish now posts to {channel}. Make the bot an administrator there.").format(
            channel=channel
        )
    )
    await say(message, text)


# ---------------------------------------------------------------------------------------------
# /publish


def _channel_target(channel: str) -> int | str:
    chat_id = _chat_id(channel)
    return channel if chat_id is None else chat_id


async def _digest(services: BotServices, hromada_code: str, lang: str) -> str | None:
    """New agreements and aid of the hromada in the last weeks, or None when there are none."""
    language = Language(lang)
    snapshot = services.engine.snapshot
    since = dt.datetime.now(dt.UTC) - dt.timedelta(days=DIGEST_DAYS)
    records = await services.work(recent_new_records, hromada_code, since)
    agreements = [
        snapshot.agreements[record.key]
        for record in records
        if record.entity == "agreement" and record.key in snapshot.agreements
    ]
    aid = [record for record in records if record.entity == "aid"]
    if not agreements and not aid:
        return None
    hromada = snapshot.hromadas[hromada_code]
    name = hromada.name_uk if lang == "uk" else hromada.name_en
    lines = [
        "<b>"
        + escaped(language.gettext("What is new in {hromada} hromada").format(hromada=name))
        + "</b>"
    ]
    lines += [f"• {escaped(partner_button(language, snapshot, doc))}" for doc in agreements]
    if aid:
        lines.append(
            "• "
            + escaped(
                language.ngettext(
                    "{count} new aid record", "{count} new aid records", len(aid)
                ).format(count=len(aid))
            )
        )
    return "\n".join(lines)


def _resolve_hromada(text: str) -> str | Problem:
    resolved = shipped_index().resolve(text)
    return resolved.code if isinstance(resolved, Resolved) else resolved


@router.message(Command("publish"), F.chat.type == "private", IsAdmin())
async def cmd_publish(
    message: Message,
    command: CommandObject,
    bot: Bot,
    services: BotServices,
    admin: Admin,
) -> None:
    """Post a hromada's partnership card, or a digest of what is new, to the channel."""
    words = (command.args or "").split()
    kind = "card"
    if words and words[-1].lower() in ("card", "digest"):
        kind = words.pop().lower()
    if not words:
        await say(message, _("Name the hromada, such as /publish Kharkiv digest."))
        return
    code = _resolve_hromada(" ".join(words))
    if isinstance(code, Problem):
        await say(message, problem_reply(code))
        return
    channel = await services.work(stored_channel)
    if channel is None:
        await say(message, _("No channel is set. A super-admin sets it with /channel."))
        return
    await services.work(require_editor, admin, code)
    channel_lang = services.settings.default_locale
    target = _channel_target(channel)
    try:
        if kind == "card":
            await publish_hromada_card(bot, target, code, channel_lang, services=services)
        else:
            digest = await _digest(services, code, channel_lang)
            if digest is None:
                await say(
                    message,
                    ngettext(
                        "Nothing new in the last {days} day.",
                        "Nothing new in the last {days} days.",
                        DIGEST_DAYS,
                    ).format(days=DIGEST_DAYS),
                )
                return
            await _post_digest(bot, target, digest, code, channel_lang)
    except KeyError:
        # A hromada the knowledge base lacks altogether (UnknownRecordError) is told by the
        # refusals' handler in these words too.
        await say(message, _("The knowledge base holds nothing about this hromada."))
        return
    except TelegramAPIError as error:
        logger.warning("Publishing to the channel failed: %s", type(error).__name__)
        await say(
            message,
            _("Could not post to {channel}: is the bot an administrator there?").format(
                channel=channel
            ),
        )
        return
    await say(message, _("Posted to {channel}.").format(channel=channel))


async def _post_digest(bot: Bot, target: int | str, text: str, code: str, lang: str) -> None:
    me = await bot.me()
    keyboard = ask_bot_keyboard(
        Language(lang).gettext("Ask the bot"), deep_link(me.username or "", hromada_payload(code))
    )
    await send_to(bot, target, text, keyboard)


# ---------------------------------------------------------------------------------------------
# Everyone else: a polite refusal, and nothing changes.


@router.message(
    Command(*EDITOR_COMMANDS, "backup", "channel"),
    F.chat.type != "private",
    IsAdmin(private_only=False),
)
async def private_only(message: Message) -> None:
    """An admin's file and channel commands work in the private chat, not in front of a group."""
    await say(message, _("Send this command in your private chat with me."))


@router.message(Command(*EDITOR_COMMANDS, *SUPER_ADMIN_COMMANDS))
async def refuse_command(message: Message) -> None:
    """A non-admin (or an editor asking for a super-admin's command) is refused politely."""
    await refuse(message)


@router.callback_query(ImportDecision.filter())
async def refuse_button(query: CallbackQuery) -> None:
    """A button pressed by someone who may not (any more) import."""
    await query.answer(refusal_text(), show_alert=True)


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
