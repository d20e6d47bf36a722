"""`kb load | import | export | stats | jobs | resume`: the knowledge base, command line."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import errno
import os
import socket
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from babel.numbers import format_decimal

from bot.cli.context import CommandContext
from bot.cli.extract_commands import add_extract
from bot.cli.job_commands import add_jobs
from bot.services import database_work
from knowledge.admin.wording import entity_label
from knowledge.facts.documents import KnowledgeDocument, references
from knowledge.facts.messages import ImportRejectedError, Problem, grouped, other_rows
from knowledge.places.countries import country_name
from knowledge.render.labels import agreement_kind_label, agreement_status_label
from knowledge.store import mapping
from knowledge.store.curated import curated_document, with_reference_places
from knowledge.store.document_files import DocumentError, read_documents
from knowledge.store.durable_jobs import JobState, WriteJob, run_job
from knowledge.store.exporting import DocumentFormat, dump_document, export_document
from knowledge.store.loading import FILE_LOAD_ACTOR, LoadError, LoadReport, load_written
from knowledge.store.rights import SystemWriter
from knowledge.store.stats import KnowledgeStats, collect_stats
from knowledge.text.collation import sort_key

if TYPE_CHECKING:
    from knowledge.interchange import ImportLimits, ImportPreview

CLI_ACTOR = "cli"
# Whoever runs the command line holds every right, and is named so in the audit log.
CLI_WRITER = SystemWriter(CLI_ACTOR)
# `kb load` is a load of files, which a later load of them tells from an editor's change.
LOAD_WRITER = SystemWriter(FILE_LOAD_ACTOR)
# `kb load curated`: the knowledge the bot ships and seeds an empty database with.
SHIPPED = "curated"


def register(commands: Any) -> None:
    """Add the `kb` command and its subcommands."""
    parser = commands.add_parser("kb", help="load, export and count the knowledge base")
    actions = parser.add_subparsers(dest="kb_command", required=True, metavar="ACTION")

    load = actions.add_parser(
        "load",
        help="load curated YAML/JSON files (a file or a folder) in one transaction; records"
        " an editor changed since they were loaded are left as the editor made them",
    )
    load.add_argument(
        "path", type=Path, help=f"a file or folder, or {SHIPPED!r} for the knowledge shipped"
    )
    load.set_defaults(handler=load_files)

    imports = actions.add_parser(
        "import",
        help="preview a spreadsheet (CSV) or an export (YAML/JSON); --apply writes it",
    )
    imports.add_argument("path", type=Path)
    imports.add_argument(
        "--apply", action="store_true", help="write the changes (without it: preview only)"
    )
    imports.add_argument(
        "--skip-rejected",
        action="store_true",
        help="with --apply, write the good rows even when some rows are refused",
    )
    imports.set_defaults(handler=import_file)

    export = actions.add_parser(
        "export", help="write the knowledge base as YAML or JSON, or a table as CSV"
    )
    export.add_argument("path", type=Path, nargs="?", help="output file (default: stdout)")
    export.add_argument(
        "--format", choices=[*(choice.value for choice in DocumentFormat), "csv"], default=None
    )
    export.add_argument(
        "--table",
        choices=["agreements", "aid"],
        default="agreements",
        help="which table --format csv writes (default: agreements)",
    )
    export.add_argument(
        "--all-hromadas",
        action="store_true",
        help="include every hromada, not only those with records",
    )
    export.set_defaults(handler=export_file)

    stats = actions.add_parser("stats", help="count what the knowledge base holds")
    stats.set_defaults(handler=show_stats)

    add_jobs(actions)
    add_extract(actions)


def _number(context: CommandContext, value: int) -> str:
    return format_decimal(value, locale=context.locale)


def _report_load(context: CommandContext, report: LoadReport) -> None:
    _ = context.gettext
    sections = sorted({*report.created, *report.updated, *report.unchanged})
    for section in sections:
        context.say(
            _("{section}: {created} new, {updated} changed, {unchanged} unchanged").format(
                section=entity_label(section, context.locale),
                created=_number(context, report.created[section]),
                updated=_number(context, report.updated[section]),
                unchanged=_number(context, report.unchanged[section]),
            )
        )
    if report.kept:
        count = len(report.kept)
        context.complain(
            context.ngettext(
                "{count} record was changed by an editor since it was loaded and was left as"
                " they made it:",
                "{count} records were changed by an editor since they were loaded and were left"
                " as they made them:",
                count,
            ).format(count=_number(context, count))
        )
        for entity, key in report.kept:
            context.complain(f"  - {entity_label(entity, context.locale)} {key}")
    if not report.changed:
        context.say(_("Nothing changed."))


def _names_missing_hromadas(document: KnowledgeDocument) -> bool:
    """Whether the document's records name a hromada the document does not carry."""
    carried = {hromada.code for hromada in document.hromadas}
    return any(
        kind == "hromada" and key not in carried
        for record in mapping.RECORDS
        for doc in getattr(document, record.section)
        for kind, key in references(doc)
    )


async def load_files(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Load curated files, all or nothing."""
    _ = context.gettext
    path: Path = arguments.path
    try:
        if str(path) == SHIPPED and not await asyncio.to_thread(path.exists):
            document = curated_document()
        else:
            document = with_reference_places(read_documents(path))
    except DocumentError as error:
        context.complain(_("Cannot load {name}:").format(name=error.name))
        for problem in error.problems:
            context.complain(_problem_line(context, problem))
        return 1
    try:
        # A database without hromadas is given the shipped ones first (as the bot's first
        # start does) when the records name hromadas the files do not carry.
        seeded = _names_missing_hromadas(document)
        async with database_work(context.settings, seeded=seeded) as work:
            report = await work(load_written, document, writer=LOAD_WRITER, keep_edits=True)
    except LoadError as error:
        context.complain(_("Nothing was loaded. Problems found:"))
        for problem in error.problems:
            context.complain(_problem_line(context, problem))
        return 1
    _report_load(context, report)
    return 0


async def export_file(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Export the knowledge base to a file or standard output."""
    _ = context.gettext
    path: Path | None = arguments.path
    chosen = arguments.format
    if chosen is None:
        suffix = "" if path is None else path.suffix.lower().lstrip(".")
        chosen = suffix if suffix in ("json", "csv") else "yaml"
    async with database_work(context.settings) as work:
        if chosen == "csv":
            from knowledge.interchange import export_agreements_csv, export_aid_csv

            write_csv = export_aid_csv if arguments.table == "aid" else export_agreements_csv
            text = await work(write_csv)
        else:
            document = await work(export_document, all_hromadas=arguments.all_hromadas)
            text = dump_document(document, DocumentFormat(chosen))
    if path is None:
        sys.stdout.write(text)
        return 0
    try:
        await asyncio.to_thread(path.write_text, text, encoding="utf-8")
    except OSError as error:
        context.complain(
            _("Cannot write {path}: {reason}").format(
                path=path, reason=_unwritable_reason(context, error)
            )
        )
        return 1
    context.complain(_("Exported to {path}.").format(path=path))
    return 0


def _unwritable_reason(context: CommandContext, error: OSError) -> str:
    """Why a file cannot be written, in the reader's language."""
    _ = context.gettext
    if error.errno == errno.ENOENT:
        return _("its folder does not exist")
    if error.errno == errno.EISDIR:
        return _("it is a folder, not a file")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _("there is no permission to write there")
    if error.errno == errno.ENOSPC:
        return _("the disk is full")
    return _("the system could not write it (error {number})").format(number=error.errno)


def _render_stats(context: CommandContext, stats: KnowledgeStats) -> list[str]:
    _ = context.gettext
    ngettext = context.ngettext

    def counted(message: str, count: int) -> str:
        return message.format(count=_number(context, count))

    lines = [
        counted(ngettext("{count} hromada", "{count} hromadas", stats.hromadas), stats.hromadas),
        "  "
        + _("with partnership records: {count}").format(
            count=_number(context, stats.hromadas_with_facts)
        ),
        counted(
            ngettext("{count} partner place", "{count} partner places", stats.places), stats.places
        ),
        counted(
            ngettext("{count} agreement", "{count} agreements", stats.agreements), stats.agreements
        ),
    ]
    lines.append("  " + _("By kind:"))
    lines += [
        f"    {agreement_kind_label(context.translations, kind)}: {_number(context, count)}"
        for kind, count in stats.agreements_by_kind.items()
    ]
    lines.append("  " + _("By status:"))
    lines += [
        f"    {agreement_status_label(context.translations, status)}: {_number(context, count)}"
        for status, count in stats.agreements_by_status.items()
    ]
    lines += [
        counted(
            ngettext("{count} aid record", "{count} aid records", stats.aid_records),
            stats.aid_records,
        ),
        counted(
            ngettext("{count} activity", "{count} activities", stats.activities), stats.activities
        ),
        counted(
            ngettext("{count} programme", "{count} programmes", stats.programmes), stats.programmes
        ),
        counted(ngettext("{count} source", "{count} sources", stats.sources), stats.sources),
        counted(
            ngettext(
                "{count} change in the audit log",
                "{count} changes in the audit log",
                stats.audit_entries,
            ),
            stats.audit_entries,
        ),
    ]
    for heading, codes in (
        (_("Partner countries"), stats.partner_countries),
        (_("Countries aid came from"), stats.donor_countries),
    ):
        if codes:
            names = sorted((country_name(code, context.locale) for code in codes), key=sort_key)
            lines.append(f"{heading} ({_number(context, len(codes))}): {', '.join(names)}")
    return lines


async def show_stats(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Print what the knowledge base holds."""
    async with database_work(context.settings) as work:
        stats = await work(collect_stats)
    for line in _render_stats(context, stats):
        context.say(line)
    return 0


_SHOWN_KEYS = 10
_PROGRESS_FROM = 200


def _keys(context: CommandContext, keys: list[str]) -> str:
    shown = ", ".join(keys[:_SHOWN_KEYS])
    if len(keys) > _SHOWN_KEYS:
        more = len(keys) - _SHOWN_KEYS
        shown += " " + context.ngettext("and {count} more", "and {count} more", more).format(
            count=_number(context, more)
        )
    return shown


def _problem_line(context: CommandContext, problem: Problem) -> str:
    reason = problem.render(context.gettext, context.locale)
    if problem.row is None:
        return f"  - {reason}"
    return "  - " + context.gettext("row {row}: {reason}").format(row=problem.row, reason=reason)


def _show_preview(context: CommandContext, preview: ImportPreview) -> None:
    _ = context.gettext
    for note in preview.notes:
        context.say(note.render_alone(_, context.locale))
    for kind in preview.kinds:
        new, changed = preview.new.get(kind, []), preview.changed.get(kind, [])
        unchanged = preview.unchanged.get(kind, [])
        context.say(
            _("{section}: {created} new, {updated} changed, {unchanged} unchanged").format(
                section=entity_label(kind, context.locale),
                created=_number(context, len(new)),
                updated=_number(context, len(changed)),
                unchanged=_number(context, len(unchanged)),
            )
        )
        if new:
            context.say("  " + _("new: {keys}").format(keys=_keys(context, new)))
        if changed:
            context.say("  " + _("changed: {keys}").format(keys=_keys(context, changed)))
    for merged in preview.merged:
        context.say(_problem_line(context, merged))
    if preview.rejected:
        count = len(preview.rejected)
        context.complain(
            context.ngettext("{count} row refused:", "{count} rows refused:", count).format(
                count=_number(context, count)
            )
        )
        for group in grouped(preview.rejected):
            context.complain(_problem_line(context, group[0]))
            if len(group) > 1:
                more = len(group) - 1
                rows = ", ".join(other_rows(group, context.locale))
                context.complain(
                    "    "
                    + context.ngettext(
                        "and {count} more row like it: {rows}",
                        "and {count} more rows like it: {rows}",
                        more,
                    ).format(count=_number(context, more), rows=rows)
                )


class _JobOutcome:
    """A bar on standard error while an import job runs (drawn only on a terminal and only
    for a large import), and the refusal that ended it, if one did."""

    def __init__(self) -> None:
        self.shown = False
        self.error: Exception | None = None

    async def progress(self, job: WriteJob) -> None:
        """Draws the bar at the job's records done."""
        self.draw(job.records_done, job.records_total or 0)

    async def finished(self, job: WriteJob, error: Exception | None) -> None:
        """Keeps the refusal, for the caller to show."""
        self.error = error

    def draw(self, done: int, total: int) -> None:
        """Draws the bar at `done` of `total` records."""
        if total < _PROGRESS_FROM or not sys.stderr.isatty():
            return
        width = 30
        filled = width * done // max(total, 1)
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
        self.shown = True


def _unreadable_reason(context: CommandContext, error: OSError) -> str:
    """Why a file cannot be opened, in the reader's language: the system's own wording is
    English whatever language the command runs in."""
    _ = context.gettext
    if error.errno == errno.ENOENT:
        return _("there is no such file")
    if error.errno == errno.EISDIR:
        return _("it is a folder, not a file")
    if error.errno in (errno.EACCES, errno.EPERM):
        return _("there is no permission to read it")
    return _("the system could not read it (error {number})").format(number=error.errno)


def _read_upload(path: Path, limits: ImportLimits) -> bytes:
    # Never more than the limit and one byte is read, so a huge file is refused cheaply.
    with path.open("rb") as file:
        return file.read(limits.max_bytes + 1)


def _report_job(context: CommandContext, job: WriteJob) -> None:
    """What the job wrote, as stored: the preview was made before it ran, and a record another
    writer changed meanwhile was left as they made it."""
    _ = context.gettext
    if job.created or job.updated:
        context.say(
            _("Imported: {created} new, {updated} changed, {unchanged} unchanged.").format(
                created=_number(context, job.created),
                updated=_number(context, job.updated),
                unchanged=_number(context, job.unchanged),
            )
        )
    if job.skipped:
        context.complain(
            context.ngettext(
                "{count} record was changed by someone else while the import ran and was left"
                " as they made it; import the file again to apply it there.",
                "{count} records were changed by someone else while the import ran and were"
                " left as they made them; import the file again to apply them there.",
                job.skipped,
            ).format(count=_number(context, job.skipped))
        )


def _preview_only(context: CommandContext, preview: ImportPreview, *, spreadsheet: bool) -> int:
    """Show an import's preview and how to write it; the exit code is 1 when any row is
    refused. A `spreadsheet`'s rows may be written without the refused ones."""
    _ = context.gettext
    _show_preview(context, preview)
    if preview.has_changes and not preview.rejected:
        context.say(_("Preview only: run again with --apply to write the changes."))
    elif preview.has_changes and spreadsheet:
        context.say(
            _(
                "Preview only: run again with --apply --skip-rejected to write the"
                " rows that are not refused."
            )
        )
    elif not preview.has_changes:
        context.say(_("Nothing would change."))
    return 1 if preview.rejected else 0


async def import_file(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Preview a file's import; with --apply, write it as a job, a chunk at a time, that the
    bot finishes if this process is stopped half-way.

    Exit codes: 0 when the preview has no refused rows or the import was written; 1 when the
    file or any row is refused (with --apply: nothing was written).
    """
    # The import's code is loaded by this command only, not by the bot's serving process,
    # which starts through this same entry point.
    from knowledge.interchange import ImportLimits, preview_import, read_import
    from knowledge.interchange.import_job import ImportSteps, start_import

    _ = context.gettext
    path: Path = arguments.path
    limits = ImportLimits()
    try:
        data = await asyncio.to_thread(_read_upload, path, limits)
    except OSError as error:
        context.complain(
            _("Cannot read {path}: {reason}").format(
                path=path, reason=_unreadable_reason(context, error)
            )
        )
        return 1
    try:
        parsed = read_import(data, path.name, limits=limits)
    except ImportRejectedError as error:
        context.complain(_("The file is refused; nothing was written:"))
        for problem in error.problems:
            context.complain(_problem_line(context, problem))
        return 1
    async with database_work(context.settings) as work:
        preview = await work(preview_import, parsed)
        if not arguments.apply:
            return _preview_only(context, preview, spreadsheet=parsed.document is None)
        # A document's refusals are about references between its records: never skipped.
        if preview.rejected and (not arguments.skip_rejected or parsed.document is not None):
            context.complain(_("Nothing was imported. Rows refused:"))
            for problem in preview.rejected:
                context.complain(_problem_line(context, problem))
            if parsed.document is None and not arguments.skip_rejected:
                # A spreadsheet's rows are independent: the others can be written alone.
                context.complain(
                    _("Run again with --skip-rejected to import the rows that are not refused.")
                )
            return 1
        # What will be written is shown before it is, also when the output is a file.
        _show_preview(context, preview)
        sys.stdout.flush()
        # Stored as a job first: if this process is stopped, the bot finishes it.
        owner = f"cli:{socket.gethostname()[:40]}:{os.getpid()}"
        job = await work(
            start_import,
            data,
            path.name,
            actor=CLI_ACTOR,
            user_id=None,
            now=dt.datetime.now(dt.UTC),
            skip_rejected=arguments.skip_rejected,
            owner=owner,
        )
        outcome = _JobOutcome()
        steps = ImportSteps(CLI_WRITER)
        ended = await run_job(
            work,
            job.id,
            owner=owner,
            steps=lambda _job: steps,
            reporter=outcome,
            clock=lambda: dt.datetime.now(dt.UTC),
        )
    if ended is None or ended.state != JobState.DONE:
        context.complain(_("The import stopped before its end:"))
        refusal = outcome.error
        problems = refusal.problems if isinstance(refusal, ImportRejectedError | LoadError) else []
        for problem in problems:
            context.complain(_problem_line(context, problem))
        return 1
    late = [problem for problem in steps.refused if problem not in preview.rejected]
    if late:
        # Refused only once the imports before this one were written.
        context.complain(
            context.ngettext("{count} row refused:", "{count} rows refused:", len(late)).format(
                count=_number(context, len(late))
            )
        )
        for problem in late:
            context.complain(_problem_line(context, problem))
    _report_job(context, ended)
    if ended.created or ended.updated:
        context.say(
            _("Imported; the changes are batch {batch} in the audit log.").format(
                batch=ended.batch
            )
        )
    else:
        context.say(_("Nothing changed."))
    return 0
