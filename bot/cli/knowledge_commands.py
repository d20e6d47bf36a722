"""`kb load | export | stats`: the knowledge base from the command line."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path
from typing import Any

from babel.numbers import format_decimal

from bot.cli.context import CommandContext
from knowledge import migrations
from knowledge.bootstrap import prepare_database
from knowledge.collation import sort_key
from knowledge.countries import country_name
from knowledge.database import create_engine, session_factory
from knowledge.exporting import DocumentFormat, dump_document, export_document
from knowledge.labels import agreement_kind_label, agreement_status_label
from knowledge.loading import LoadError, LoadReport, load_document
from knowledge.reading import DocumentError, read_documents
from knowledge.stats import KnowledgeStats, collect_stats

CLI_ACTOR = "cli"


def register(commands: Any) -> None:
    """Add the `kb` command and its subcommands."""
    parser = commands.add_parser("kb", help="load, export and count the knowledge base")
    actions = parser.add_subparsers(dest="kb_command", required=True, metavar="ACTION")

    load = actions.add_parser(
        "load", help="load curated YAML/JSON files (a file or a folder) in one transaction"
    )
    load.add_argument("path", type=Path)
    load.set_defaults(handler=load_files)

    export = actions.add_parser("export", help="write the knowledge base as YAML or JSON")
    export.add_argument("path", type=Path, nargs="?", help="output file (default: stdout)")
    export.add_argument(
        "--format", choices=[choice.value for choice in DocumentFormat], default=None
    )
    export.add_argument(
        "--all-hromadas",
        action="store_true",
        help="include every hromada, not only those with records",
    )
    export.set_defaults(handler=export_file)

    stats = actions.add_parser("stats", help="count what the knowledge base holds")
    stats.set_defaults(handler=show_stats)


def _number(context: CommandContext, value: int) -> str:
    return format_decimal(value, locale=context.locale)


def _report_load(context: CommandContext, report: LoadReport) -> None:
    _ = context.gettext
    sections = sorted({*report.created, *report.updated, *report.unchanged})
    for section in sections:
        context.say(
            _("{section}: {created} new, {updated} changed, {unchanged} unchanged").format(
                section=section,
                created=_number(context, report.created[section]),
                updated=_number(context, report.updated[section]),
                unchanged=_number(context, report.unchanged[section]),
            )
        )
    if not report.changed:
        context.say(_("Nothing changed."))


async def load_files(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Load curated files, all or nothing."""
    _ = context.gettext
    try:
        document = read_documents(arguments.path)
    except DocumentError as error:
        context.complain(_("Cannot load: {problem}").format(problem=error))
        return 1
    engine = create_engine(context.settings.database_url)
    try:
        await migrations.upgrade(engine)
        async with session_factory(engine)() as session, session.begin():
            report = await load_document(session, document, actor=CLI_ACTOR)
    except LoadError as error:
        context.complain(_("Nothing was loaded. Problems found:"))
        for problem in error.problems:
            context.complain(f"  - {problem}")
        return 1
    finally:
        await engine.dispose()
    _report_load(context, report)
    return 0


async def export_file(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Export the knowledge base to a file or standard output."""
    _ = context.gettext
    path: Path | None = arguments.path
    chosen = arguments.format
    if chosen is None:
        chosen = "json" if path is not None and path.suffix.lower() == ".json" else "yaml"
    engine = create_engine(context.settings.database_url)
    try:
        await prepare_database(engine)
        async with session_factory(engine)() as session:
            document = await export_document(session, all_hromadas=arguments.all_hromadas)
    finally:
        await engine.dispose()
    text = dump_document(document, DocumentFormat(chosen))
    if path is None:
        sys.stdout.write(text)
        return 0
    await asyncio.to_thread(path.write_text, text, encoding="utf-8")
    context.complain(_("Exported to {path}.").format(path=path))
    return 0


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
    engine = create_engine(context.settings.database_url)
    try:
        await prepare_database(engine)
        async with session_factory(engine)() as session:
            stats = await collect_stats(session)
    finally:
        await engine.dispose()
    for line in _render_stats(context, stats):
        context.say(line)
    return 0
