"""Imports and undos of imports as durable jobs (`knowledge.store.durable_jobs`), run in the bot.

Apply under an /import preview (and Confirm under the undo of an import) stores a job and
runs it in the background, editing one message with its progress and then with how it
ended. Every replica also looks, at start-up and then every RESUME_EVERY, for jobs whose
process died, and finishes them where they stopped, in the same message.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import logging
import os
import secrets
import socket
import time
from collections.abc import Callable

from aiogram import Bot
from aiogram.exceptions import TelegramAPIError
from aiogram.types import Message
from aiogram.utils.i18n import I18n, ngettext
from aiogram.utils.i18n import gettext as _

from bot.import_texts import problem_lines, refused_text, report_text
from bot.replies import say, send_text, send_to, show_instead, show_instead_of
from bot.services import BotServices
from bot.settings import Settings
from bot.texts import escaped
from knowledge.admin.common import Admin, AdminError
from knowledge.admin.history import last_entry_of_batch
from knowledge.admin.undo_job import UndoSteps, UndoUnderWayError, start_undo, undo_under_way
from knowledge.admin.wording import error_text
from knowledge.facts.messages import ImportRejectedError
from knowledge.render.translations import DOMAIN, LOCALES_DIR
from knowledge.store.durable_jobs import (
    GaveUpError,
    JobKind,
    JobState,
    JobSteps,
    WriteJob,
    get_job,
    job_writing,
    resume_jobs,
    run_job,
    show_progress_in,
)
from knowledge.store.loading import LoadError
from knowledge.store.rights import SystemWriter, Writer

logger = logging.getLogger(__name__)

# This process, as the owner of the jobs it runs (at most 64 characters).
OWNER = f"{socket.gethostname()[:40]}:{os.getpid()}:{secrets.token_hex(4)}"
# Progress edits: at most one a second (Telegram limits edits) and only every tenth.
PROGRESS_INTERVAL = 1.0
PROGRESS_STEP = 10
# How often a replica looks for jobs a dead process left.
RESUME_EVERY = dt.timedelta(seconds=15)
# The longest a final message runs; Telegram refuses more than 4,096 characters.
MAX_TEXT = 4000

_running: set[asyncio.Task[WriteJob | None]] = set()
_i18n: dict[str, I18n] = {}


def _catalogs(settings: Settings) -> I18n:
    # The job's texts are written outside any update, so with an i18n context of their own.
    if "i18n" not in _i18n:
        _i18n["i18n"] = I18n(
            path=LOCALES_DIR, default_locale=settings.default_locale, domain=DOMAIN
        )
    return _i18n["i18n"]


def writer_of(job: WriteJob, settings: Settings) -> Writer:
    """Who writes the job: the Telegram admin who started it, with the super-admins of the
    settings now (a right taken away since is refused), or the command line's system actor."""
    if job.user_id is None:
        return SystemWriter(job.actor)
    return Admin(job.user_id, settings.admin_ids)


def steps_for(settings: Settings) -> Callable[[WriteJob], JobSteps]:
    """What each kind of job plans and writes, as its writer."""

    def steps(job: WriteJob) -> JobSteps:
        writer = writer_of(job, settings)
        if job.kind == JobKind.UNDO.value:
            return UndoSteps(writer)
        # The import's code is loaded by the first import, not by every process that answers.
        from knowledge.interchange.import_job import ImportSteps

        return ImportSteps(writer, refusals=(AdminError,))

    return steps


def _percent(job: WriteJob) -> int:
    return 100 * job.records_done // max(job.records_total or 0, 1)


def _progress_text(job: WriteJob) -> str:
    if job.kind == JobKind.UNDO.value:
        return _("Undoing the import… {percent}%").format(percent=_percent(job))
    return _("Importing… {percent}%").format(percent=_percent(job))


def _refusal_lines(error: Exception | None, lang: str) -> list[str]:
    if isinstance(error, ImportRejectedError):
        return problem_lines(error.problems)
    if isinstance(error, LoadError):
        return problem_lines(error.problems)
    if isinstance(error, AdminError):
        return [error_text(error, lang)]
    if isinstance(error, GaveUpError):
        return [
            ngettext(
                "It failed {count} time in a row and is not tried again; the log says why.",
                "It failed {count} times in a row and is not tried again; the log says why.",
                error.attempts,
            ).format(count=error.attempts)
        ]
    return []


def _import_text(job: WriteJob, error: Exception | None, last_change: int | None) -> str:
    if job.state == JobState.DONE.value:
        return report_text(job.created, job.updated, job.unchanged, job.skipped)
    lang = job.language or "en"
    if job.state == JobState.CANCELLED.value:
        return _("The import was stopped, to be undone.")
    if not job.wrote_something:
        if isinstance(error, ImportRejectedError):
            return refused_text(error.problems)
        lines = [_("The import was refused; nothing was written.")]
        if isinstance(error, GaveUpError):
            lines = [_("The import could not be written; nothing was written.")]
        return "\n".join(lines + _refusal_lines(error, lang))
    written = job.created + job.updated
    lines = [
        _("The import stopped before its end:"),
        *_refusal_lines(error, lang),
        ngettext(
            "It had written {count} record, which stays as written.",
            "It had written {count} records, which stay as written.",
            written,
        ).format(count=written),
    ]
    if last_change is not None:
        lines.append(_("/undo {id} removes all of them.").format(id=last_change))
    return "\n".join(lines)


def _undo_text(job: WriteJob, error: Exception | None) -> str:
    count = job.updated
    if job.state == JobState.DONE.value:
        return ngettext(
            "Undone: {count} change of the import.",
            "Undone: {count} changes of the import.",
            count,
        ).format(count=count)
    lines = [_("The undo stopped before its end:"), *_refusal_lines(error, job.language or "en")]
    lines.append(
        ngettext(
            "{count} change had been undone; the others are as they were.",
            "{count} changes had been undone; the others are as they were.",
            count,
        ).format(count=count)
    )
    return "\n".join(lines)


class TelegramReporter:
    """Edits the job's message as it goes (every tenth, at most once a second), then with
    how it ended, in the language the admin used; re-indexes the answers if it wrote."""

    def __init__(self, bot: Bot, services: BotServices) -> None:
        self.bot = bot
        self.services = services
        # The message says 0% when the job starts.
        self.shown = 0
        self.at = 0.0

    async def progress(self, job: WriteJob) -> None:
        """Shows the new percentage when it moved on enough."""
        percent, now = _percent(job), time.monotonic()
        if percent - self.shown < PROGRESS_STEP or now - self.at < PROGRESS_INTERVAL:
            return
        self.shown, self.at = percent, now
        await self._show(job, self._in_language(job, lambda: _progress_text(job)))

    async def finished(self, job: WriteJob, error: Exception | None) -> None:
        """Says how the job ended, then re-indexes the knowledge base if it changed."""
        last_change = None
        if job.kind == JobKind.IMPORT.value and job.state != JobState.DONE.value:
            last_change = await self.services.work(last_entry_of_batch, job.batch)
        if job.kind == JobKind.UNDO.value:
            text = self._in_language(job, lambda: _undo_text(job, error))
        else:
            text = self._in_language(job, lambda: _import_text(job, error, last_change))
        await self._show(job, text[:MAX_TEXT], final=True)
        if job.created or job.updated:
            try:
                await self.services.reload_knowledge()
            except Exception:  # the change is stored; answers show it at the next reload
                logger.exception("Re-indexing after write job %s failed", job.id)

    def _in_language(self, job: WriteJob, text: Callable[[], str]) -> str:
        i18n = _catalogs(self.services.settings)
        with i18n.context(), i18n.use_locale(job.language or i18n.default_locale):
            return text()

    async def _show(self, job: WriteJob, text: str, *, final: bool = False) -> None:
        if job.chat_id is None:
            return
        try:
            if job.message_id is None:
                raise LookupError
            await show_instead_of(self.bot, job.chat_id, job.message_id, escaped(text))
        except (TelegramAPIError, LookupError):
            if not final:
                logger.debug("A progress edit of write job %s failed; it goes on", job.id)
                return
            # The message may be gone or too old to edit: the outcome is sent anew.
            try:
                await send_to(self.bot, job.chat_id, escaped(text))
            except TelegramAPIError:
                logger.warning("Write job %s ended, but its admin could not be told", job.id)


async def _run(bot: Bot, services: BotServices, job_id: int) -> WriteJob | None:
    return await run_job(
        services.work,
        job_id,
        owner=OWNER,
        steps=steps_for(services.settings),
        reporter=TelegramReporter(bot, services),
        clock=services.now,
    )


def start_job(bot: Bot, services: BotServices, job_id: int) -> None:
    """Run the stored job in the background of this process. If the process dies, another
    (or this one, restarted) finishes it."""
    task = asyncio.create_task(_run(bot, services, job_id))
    _running.add(task)
    task.add_done_callback(_forget)


def _forget(task: asyncio.Task[WriteJob | None]) -> None:
    _running.discard(task)
    if not task.cancelled() and task.exception() is not None:
        logger.error("A write job stopped; it is resumed later", exc_info=task.exception())


async def wait_for_jobs(within: float | None = None) -> None:
    """Wait for the jobs this process runs in the background (cancelled after `within`
    seconds: a cancelled chunk is rolled back and the job resumed later)."""
    running = list(_running)
    if not running:
        return
    _, late = await asyncio.wait(running, timeout=within)
    for task in late:
        task.cancel()
    if late:
        await asyncio.wait(late)


async def resume_once(bot: Bot, services: BotServices) -> list[WriteJob]:
    """Finish the jobs dead processes left, one after another; those this process ended."""
    return await resume_jobs(
        services.work,
        owner=OWNER,
        steps=steps_for(services.settings),
        reporter_for=lambda _job: TelegramReporter(bot, services),
        clock=services.now,
    )


async def resume_left_jobs(bot: Bot, services: BotServices, stop: asyncio.Event) -> None:
    """Until `stop` is set, finish the jobs dead processes left (at once, then every
    RESUME_EVERY)."""
    while not stop.is_set():
        await resume_once(bot, services)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), RESUME_EVERY.total_seconds())


async def job_of_batch(services: BotServices, batch: str) -> WriteJob | None:
    """The write job that writes the audit batch `batch` (an import's, an undo's), or None
    when no job was started for it."""
    return await services.work(job_writing, batch)


async def show_progress(services: BotServices, job_id: int, message_id: int) -> bool:
    """Make the message `message_id` the one the job's progress and end are shown in, when
    it has none yet; False when it has one already or the job does not exist."""
    return await services.work(show_progress_in, job_id, message_id)


async def job_status_text(services: BotServices, job_id: int) -> str | None:
    """How the job goes, in the current language: its progress while unfinished, else how it
    ended (as its message says); None for no such job."""
    job = await services.work(get_job, job_id)
    if job is None:
        return None
    if job.unfinished:
        return _progress_text(job)
    if job.kind == JobKind.UNDO.value:
        return _undo_text(job, None)
    last_change = None
    if job.state != JobState.DONE.value:
        last_change = await services.work(last_entry_of_batch, job.batch)
    return _import_text(job, None, last_change)[:MAX_TEXT]


async def undo_import(
    message: Message, bot: Bot, services: BotServices, admin: Admin, lang: str, batch: str
) -> int:
    """Start undoing the import that wrote `batch` as a job, shown in a new message; an
    import still unfinished is cancelled first, so none of it is written afterwards. An undo
    of it already started (a Confirm delivered again) is not started twice: how it goes is
    said instead. The id of the undo job."""
    started = await services.work(undo_under_way, batch)
    if started is not None:
        await say(message, await job_status_text(services, started.id) or "")
        return started.id
    shown = await say(message, _("Undoing the import… {percent}%").format(percent=0))
    try:
        job = await services.work(
            start_undo,
            batch,
            actor=admin.actor,
            user_id=admin.user_id,
            now=services.now(),
            chat_id=message.chat.id,
            message_id=shown.message_id,
            language=lang,
            owner=OWNER,
        )
    except UndoUnderWayError as under_way:
        # A Confirm pressed at the same moment started it: this message says how it goes.
        status = escaped(await job_status_text(services, under_way.job.id) or "")
        try:
            await show_instead(shown, status)
        except TelegramAPIError:
            await send_text(message, status, previews=True)
        return under_way.job.id
    start_job(bot, services, job.id)
    return job.id
