"""`ask`: answers from the command line, one question or a file of them."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from bot.cli.context import CommandContext
from bot.services import command_engine
from knowledge.qa.answer import Answer
from knowledge.qa.engine import Engine
from knowledge.text.morphology import lemmas

# Inflected forms of every name, kept beside the default database between runs.


def register(commands: Any) -> None:
    """Add the `ask` command."""
    parser = commands.add_parser(
        "ask", help="answer a question (or a file of questions, one per line)"
    )
    parser.add_argument("question", nargs="?", help="the question, in Ukrainian or English")
    parser.add_argument("--batch", type=Path, help="a UTF-8 file with one question per line")
    parser.add_argument("--json", action="store_true", help="one JSON object per answer")
    parser.add_argument(
        "--explain", action="store_true", help="show how the question was understood"
    )
    parser.add_argument(
        "--lang",
        choices=("uk", "en"),
        default=argparse.SUPPRESS,
        help="answer in this language (default: the question's language)",
    )
    parser.set_defaults(handler=ask)


def _as_json(answer: Answer) -> str:
    return json.dumps(
        {
            "question": answer.question,
            "lang": answer.lang,
            "intent": answer.intent.value,
            "entities": answer.entities.as_dict(),
            "answer": answer.text,
            "sources": [asdict(source) for source in answer.sources],
            "choices": [asdict(choice) for choice in answer.choices],
        },
        ensure_ascii=False,
    )


def _explanation(engine: Engine, question: str) -> list[str]:
    reading = engine.read(question)
    lines = [f"tokens: {[token.text for token in reading.tokens]}"]
    lines.append(
        "lemmas: "
        + str([sorted(lemmas(token.text)) for token in reading.tokens if not token.is_number])
    )
    lines.append(f"language: {reading.lang}")
    lines.append(f"cues: {sorted(cue.value for cue in reading.cues)}")
    for mention in reading.mentions:
        span = question[reading.tokens[mention.first].start : reading.tokens[mention.last].end]
        refs = ", ".join(f"{ref.kind.value}:{ref.id}" for ref in sorted(mention.refs))
        fuzzy = " (approximate)" if mention.approximate else ""
        lines.append(f"name: «{span}» → {refs}{fuzzy}")
    if reading.years:
        lines.append(f"years: {list(reading.years)}")
    if reading.months_ahead is not None:
        lines.append(f"months ahead: {reading.months_ahead}")
    lines.append(f"rule: {engine.explain(question).rule}")
    return lines


async def ask(context: CommandContext, arguments: argparse.Namespace) -> int:
    """Answer questions as a user would see the answers."""
    _ = context.gettext
    if (arguments.question is None) == (arguments.batch is None):
        context.complain(_("Give either a question or --batch FILE."))
        return 2
    questions: list[str]
    if arguments.batch is not None:
        try:
            text = await asyncio.to_thread(arguments.batch.read_text, encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            context.complain(
                _("Cannot read {path}: {problem}").format(path=arguments.batch, problem=error)
            )
            return 1
        questions = [line.strip() for line in text.splitlines() if line.strip()]
    else:
        questions = [arguments.question]
    engine = await command_engine(context.settings)
    for question in questions:
        answer = engine.answer(question, lang=arguments.lang)
        if arguments.json:
            context.say(_as_json(answer))
            continue
        if arguments.explain:
            for line in _explanation(engine, question):
                context.say(f"# {line}")
            context.say(f"# intent: {answer.intent.value}, entities: {answer.entities.as_dict()}")
        context.say(answer.text)
        if len(questions) > 1:
            context.say("")
    sys.stdout.flush()
    return 0
