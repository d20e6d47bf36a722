"""`kb extract FILE [--json]`: the facts a document states, compared with the knowledge base."""

from __future__ import annotations

import argparse
import asyncio
import json
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.cli.context import CommandContext
from bot.services import command_engine
from knowledge.facts.dates import PartialDate, today_in_ukraine
from knowledge.render.lang import Language


def add_extract(actions: Any) -> None:
    """Add `kb extract` to the `kb` subcommands."""
    extract = actions.add_parser(
        "extract",
        help="print the agreements and aid a document (.txt, .html, .pdf, .docx) states;"
        " writes nothing",
    )
    extract.add_argument("path", type=Path)
    extract.add_argument("--json", action="store_true", help="one JSON object per fact")
    extract.set_defaults(handler=extract_file)


def _read(path: Path) -> bytes:
    from knowledge.extraction.reading import MAX_DOCUMENT_BYTES

    with path.open("rb") as file:
        return file.read(MAX_DOCUMENT_BYTES + 1)


async def extract_file(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Print every fact of the document; exit 0 also when there is none."""
    # The extraction's code is loaded by this command only, not by the bot's serving
    # process, which starts through this same entry point.
    from knowledge.extraction import (
        Extractor,
        PlaceNames,
        UnreadableDocumentError,
        compare,
        fact_json,
        read_document,
    )

    _ = context.gettext
    path: Path = arguments.path
    try:
        data = await asyncio.to_thread(_read, path)
        document = read_document(data, path.name)
    except OSError as error:
        context.complain(
            _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror)
        )
        return 1
    except UnreadableDocumentError as error:
        context.complain(_("Cannot read {path}: {reason}").format(path=path, reason=error.reason))
        return 1
    engine = await command_engine(context.settings)
    extraction = Extractor(PlaceNames.from_engine(engine)).extract(
        document, today=PartialDate.of_day(today_in_ukraine())
    )
    for proposal in extraction.facts:
        line = fact_json(proposal, compare(proposal, engine.snapshot))
        if arguments.json:
            context.say(json.dumps(line, ensure_ascii=False))
            continue
        context.say(_summary(line, Language(context.locale)))
        for evidence in proposal.evidence:
            if evidence.words:
                context.say(f"    {evidence.role}: «{evidence.words}» → {evidence.value}")
        context.say(f"    «{proposal.quote}»")
    if not arguments.json:
        source = extraction.source
        context.say(
            " | ".join(
                str(value)
                for value in (source.title, source.issuer, source.date, source.number, source.url)
                if value
            )
        )
    return 0


def _summary(line: dict[str, Any], lang: Language) -> str:
    state = "known" if line.get("known") else ("changes" if line.get("changes") else "new")
    if line["fact"] == "agreement":
        return (
            f"[{state}] {line['hromada_name']} ({line['hromada']}) — {line['partner']}"
            f" ({line['partner_country']}): {line['kind']}, {line['status']}, {line['date']}"
        )
    # Counts and money as the command's language writes them («150 000,00 €», "€150,000.00").
    items = ", ".join(
        item["category"]
        if item["quantity"] is None
        else f"{item['category']} {lang.number(item['quantity'])}"
        for item in line["items"]
    )
    if line["amount"] is not None and line["currency"] is not None:
        money = lang.money(Decimal(line["amount"]), line["currency"])
        items = f"{items}, {money}" if items else money
    return (
        f"[{state}] aid → {line['hromada_name']} ({line['hromada']}) from"
        f" {', '.join(line['donor_countries'] + line['donor_cities'])}: {items}, {line['date']}"
    )
