"""The command line: `python -m bot run | webhook | db … | kb …`."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Callable, Coroutine, Sequence
from traceback import walk_tb
from typing import Any

from sqlalchemy.exc import DBAPIError

from bot.cli import ask_commands, database_commands, knowledge_commands, telegram_commands
from bot.cli.context import CommandContext
from bot.settings import LOCALES, SettingsError, load_settings, locale_despite_errors
from knowledge.render.translations import translation
from knowledge.store.engines import shown_url

logger = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    parser = argparse.ArgumentParser(
        prog="python -m bot",
        description="Pobratym: answers about hromadas' international partnerships.",
    )
    parser.add_argument(
        "--lang", choices=LOCALES, help="language of the messages (default: DEFAULT_LOCALE)"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    telegram_commands.register(commands)
    database_commands.register(commands)
    knowledge_commands.register(commands)
    ask_commands.register(commands)
    return parser


def lang_first(argv: Sequence[str]) -> list[str]:
    """The arguments with `--lang X` (or `--lang=X`) moved before the command, so that it may
    be written anywhere on the line (`kb import X --lang en`); nothing after `--` moves."""
    words = list(argv)
    stop = words.index("--") if "--" in words else len(words)
    moved: list[str] = []
    kept: list[str] = []
    index = 0
    while index < stop:
        word = words[index]
        if word == "--lang" and index + 1 < stop:
            moved += words[index : index + 2]
            index += 2
            continue
        if word.startswith("--lang="):
            moved.append(word)
        else:
            kept.append(word)
        index += 1
    return moved + kept + words[stop:]


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit code."""
    arguments = build_parser().parse_args(lang_first(sys.argv[1:] if argv is None else argv))
    logging.basicConfig(
        level=logging.INFO if arguments.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    try:
        settings = load_settings()
    except SettingsError as error:
        lang = arguments.lang or locale_despite_errors()
        gettext = translation(lang).gettext
        problems = error.render(gettext, lang)
        print(
            gettext("Configuration error: {problems}").format(problems=problems), file=sys.stderr
        )
        return 2
    locale = arguments.lang or settings.default_locale
    context = CommandContext(settings=settings, translations=translation(locale), locale=locale)
    handler: Callable[[CommandContext, argparse.Namespace], Coroutine[Any, Any, int]] = (
        arguments.handler
    )
    try:
        code = asyncio.run(handler(context, arguments))
        # A reader that went away (`| head -1`) shows here, not in a traceback at exit.
        sys.stdout.flush()
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return _reader_gone()
    # OverflowError: a port past 65535 in DATABASE_URL, refused by the socket itself.
    except (OSError, OverflowError, DBAPIError) as error:
        if not _from_database(error):
            raise
        # One line, not the driver's traceback (-v logs it); the URL without its password.
        logger.info("the database cannot be reached", exc_info=error)
        shown = shown_url(settings.database_url.get_secret_value())
        context.complain(
            context.gettext("Cannot reach {url}: {problem}").format(
                url=shown, problem=type(error).__name__
            )
        )
        return 1
    return code


def _from_database(error: BaseException) -> bool:
    """Whether the error was raised while opening a connection to the database (refused,
    unknown host, timeout, credentials or database refused); an error of a statement on an
    open connection is not one."""
    modules = (
        frame.f_globals.get("__name__", "") for frame, _line in walk_tb(error.__traceback__)
    )
    return any(str(module).startswith("sqlalchemy.pool") for module in modules)


def _reader_gone() -> int:
    """What a command does when its output's reader closed the pipe: stop quietly with the
    exit status a shell gives a process that SIGPIPE ended (128 + 13), as other command-line
    tools do. The signal itself stays ignored, so the bot's own sockets never raise it."""
    # Python would flush stdout again at exit and print "Exception ignored"; point it at
    # /dev/null first, as the signal module's documentation advises.
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 128 + 13
