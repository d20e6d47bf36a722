"""Scores the question-answering engine against a set of questions and what their answers hold."""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import yaml

from knowledge.qa.answer import Answer, Context, EntityValue
from knowledge.qa.intents import Intent
from knowledge.store.curated import curated_document

EVALUATION_DIRECTORY = Path(__file__).resolve().parents[2] / "tests" / "evaluation"
DEFAULT_PATH = EVALUATION_DIRECTORY / "questions.yaml"
# The sets the engine is tuned on; the held-out one measures what tuning did not see.
TUNING_PATHS = tuple(
    EVALUATION_DIRECTORY / name
    for name in (
        "questions.yaml",
        "questions_new.yaml",
        "conversations.yaml",
        "questions_users.yaml",
        "questions_retired.yaml",
    )
)
HELD_OUT_NAME = "heldout.yaml"
PASSING_ACCURACY = 0.97
# The bot command that clears a conversation; a turn sending it is not a question to score.
START_COMMAND = "/start"
LANGUAGES = ("uk", "en")
_TURN_KEYS = frozenset({"q", "lang", "intent", "entities", "include", "exclude", "note"})
# Residents type the Ukrainian apostrophe in many ways; answers and expectations compare as ’.
_APOSTROPHES = str.maketrans(dict.fromkeys("'ʼ`‘′", "’"))


class Answerer(Protocol):
    """Anything that answers a question within a conversation, as the engine does."""

    def answer(
        self, question: str, context: Context | None = None, lang: str | None = None
    ) -> Answer:
        """The answer to the question, given what the conversation remembers."""
        ...


class QuestionSetError(ValueError):
    """Raised for a question set that does not follow the expected format."""


@dataclass(frozen=True)
class Turn:
    """One question and what its answer must, and must not, contain."""

    question: str
    lang: str
    # None when no intent names what is asked: then only the rest is checked.
    intent: Intent | None
    entities: Mapping[str, EntityValue]
    # Each entry lists alternatives: the answer must contain at least one of them.
    include: tuple[tuple[str, ...], ...] = ()
    exclude: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True)
class Conversation:
    """Questions asked one after another, each in the context the previous answer left."""

    turns: tuple[Turn, ...]


Item = Turn | Conversation


def _normalised(text: str) -> str:
    return unicodedata.normalize("NFC", text).translate(_APOSTROPHES).casefold()


def _contains(text: str, token: str) -> bool:
    """Whether the text holds the token, not inside a longer word or number: "No," is not
    found in "Brno, Czechia", nor "4" in "2024", nor "20" in "2024", while "Лідс" is found in
    «Лідсом» and "22" in "UAH22,736.20"."""
    wanted = _normalised(token)
    first = wanted[:1]
    if first.isalpha():
        before = r"(?<![^\W\d_])"
    elif first.isdigit():
        before = r"(?<!\d)"
    else:
        before = ""
    # A number ends where its digits end: "20" is no part of "2024".
    after = r"(?!\d)" if wanted[-1:].isdigit() else ""
    return re.search(before + re.escape(wanted) + after, _normalised(text)) is not None


@dataclass(frozen=True)
class Result:
    """How the engine answered one turn, and what in the answer differs from the expectation."""

    turn: Turn
    item: int
    position: int | None
    answer: Answer

    @property
    def label(self) -> str:
        """Where the turn is in the set: `12` for a question, `12.3` for a conversation's turn."""
        return str(self.item) if self.position is None else f"{self.item}.{self.position}"

    @property
    def intent_matches(self) -> bool:
        """Whether the engine understood the kind of question (any kind when none is expected)."""
        return self.turn.intent is None or self.answer.intent == self.turn.intent

    @property
    def wrong_entities(self) -> dict[str, EntityValue]:
        """The expected entities the answer lacks or has with another value."""
        found = self.answer.entities.as_dict()
        return {key: value for key, value in self.turn.entities.items() if found.get(key) != value}

    @property
    def lang_matches(self) -> bool:
        """Whether the answer is in the question's language."""
        return self.answer.lang == self.turn.lang

    @property
    def missing(self) -> tuple[str, ...]:
        """The expected tokens absent from the answer text (alternatives joined by |)."""
        return tuple(
            " | ".join(options)
            for options in self.turn.include
            if not any(_contains(self.answer.text, option) for option in options)
        )

    @property
    def present(self) -> tuple[str, ...]:
        """The forbidden tokens the answer text contains."""
        return tuple(token for token in self.turn.exclude if _contains(self.answer.text, token))

    @property
    def passed(self) -> bool:
        """Whether every expectation of the turn holds."""
        return (
            self.intent_matches
            and not self.wrong_entities
            and self.lang_matches
            and not self.missing
            and not self.present
        )


@dataclass(frozen=True)
class Score:
    """How many turns of a group passed."""

    passed: int
    total: int

    @property
    def accuracy(self) -> float:
        """The share of turns that passed (0 for an empty group)."""
        return self.passed / self.total if self.total else 0.0

    def __str__(self) -> str:
        return f"{self.passed}/{self.total}"


def _score(results: Iterable[Result]) -> Score:
    outcomes = [result.passed for result in results]
    return Score(passed=sum(outcomes), total=len(outcomes))


@dataclass(frozen=True)
class Report:
    """The outcome of every turn of a question set."""

    results: tuple[Result, ...]

    @property
    def score(self) -> Score:
        """Passed and total turns over the whole set."""
        return _score(self.results)

    @property
    def accuracy(self) -> float:
        """The share of turns that passed."""
        return self.score.accuracy

    def _grouped(self, key: Callable[[Result], str]) -> dict[str, Score]:
        groups: dict[str, list[Result]] = {}
        for result in self.results:
            groups.setdefault(key(result), []).append(result)
        return {name: _score(group) for name, group in groups.items()}

    @property
    def by_intent(self) -> dict[str, Score]:
        """Scores per expected intent, in the order of the Intent enumeration."""
        grouped = self._grouped(lambda result: _intent_name(result.turn))
        names = [intent.value for intent in Intent] + [_NO_INTENT]
        return {name: grouped[name] for name in names if name in grouped}

    @property
    def by_lang(self) -> dict[str, Score]:
        """Scores per language of the question."""
        grouped = self._grouped(lambda result: result.turn.lang)
        return {lang: grouped[lang] for lang in LANGUAGES if lang in grouped}

    @property
    def failures(self) -> tuple[Result, ...]:
        """The turns that did not pass, in the order of the set."""
        return tuple(result for result in self.results if not result.passed)

    def table(self) -> str:
        """Passed/total per intent and language, with the accuracy of each row."""
        cells = self._grouped(lambda result: f"{_intent_name(result.turn)} {result.turn.lang}")
        rows: list[tuple[str, ...]] = [("intent", *LANGUAGES, "all", "accuracy")]
        for intent, score in self.by_intent.items():
            per_lang = (str(cells.get(f"{intent} {lang}", "-")) for lang in LANGUAGES)
            rows.append((intent, *per_lang, str(score), f"{score.accuracy:.1%}"))
        total = self.score
        per_lang_total = (str(self.by_lang.get(lang, "-")) for lang in LANGUAGES)
        rows.append(("all", *per_lang_total, str(total), f"{total.accuracy:.1%}"))
        widths = [max(len(row[column]) for row in rows) for column in range(len(rows[0]))]
        lines = [
            "  ".join(
                cell.ljust(width) if column == 0 else cell.rjust(width)
                for column, (cell, width) in enumerate(zip(row, widths, strict=True))
            )
            for row in rows
        ]
        lines.insert(1, "-" * len(lines[0]))
        lines.insert(len(lines) - 1, "-" * len(lines[0]))
        return "\n".join(lines)

    def failures_text(self) -> str:
        """Every failed turn: the question, what was expected and what the engine answered."""
        return "\n\n".join(_describe(result) for result in self.failures)


_NO_INTENT = "(other)"


def _intent_name(turn: Turn) -> str:
    return _NO_INTENT if turn.intent is None else turn.intent.value


def _describe(result: Result) -> str:
    turn, answer = result.turn, result.answer
    lines = [f"#{result.label} [{turn.lang}] {turn.question}"]
    if turn.note:
        lines.append(f"  note:     {turn.note}")
    if not result.intent_matches:
        lines.append(f"  intent:   expected {_intent_name(turn)}, got {answer.intent.value}")
    if result.wrong_entities:
        found = answer.entities.as_dict()
        lines.append(f"  entities: expected {dict(turn.entities)}, got {found}")
    if not result.lang_matches:
        lines.append(f"  lang:     expected {turn.lang}, got {answer.lang}")
    if result.missing:
        lines.append(f"  missing:  {', '.join(result.missing)}")
    if result.present:
        lines.append(f"  present:  {', '.join(result.present)}")
    lines.append("  answer:   " + answer.text.replace("\n", "\n            "))
    return "\n".join(lines)


def evaluate(engine: Answerer, items: Iterable[Item]) -> Report:
    """Answer every item: each question in a new conversation, a conversation's turns in order."""
    results: list[Result] = []
    for number, item in enumerate(items, 1):
        if isinstance(item, Turn):
            results.append(Result(item, number, None, engine.answer(item.question)))
            continue
        context: Context | None = None
        for position, turn in enumerate(item.turns, 1):
            if turn.question == START_COMMAND:
                context = None
                continue
            answer = engine.answer(turn.question, context)
            results.append(Result(turn, number, position, answer))
            context = answer.context
    return Report(tuple(results))


def _text(value: object, where: str, name: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise QuestionSetError(f"{where}: {name} must be non-empty text, not {value!r}")
    return value


def _texts(value: object, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise QuestionSetError(f"{where}: {name} must be a list, not {value!r}")
    return tuple(_text(entry, where, name) for entry in value)


def _alternatives(value: object, where: str) -> tuple[tuple[str, ...], ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        raise QuestionSetError(f"{where}: include must be a list, not {value!r}")
    entries = []
    for entry in value:
        options = _texts(entry, where, "include") if isinstance(entry, list) else (entry,)
        if not options:
            raise QuestionSetError(f"{where}: an include entry lists no alternatives")
        entries.append(tuple(_text(option, where, "include") for option in options))
    return tuple(entries)


def _entities(value: object, where: str) -> dict[str, EntityValue]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise QuestionSetError(f"{where}: entities must be a mapping, not {value!r}")
    entities: dict[str, EntityValue] = {}
    for key, entity in value.items():
        # bool is an int; an unquoted NO (Norway) would arrive as False.
        if (
            not isinstance(key, str)
            or isinstance(entity, bool)
            or not isinstance(entity, str | int)
        ):
            raise QuestionSetError(f"{where}: entity {key!r}: {entity!r} is not text or a number")
        entities[key] = entity
    return entities


def _turn(raw: object, where: str) -> Turn:
    if not isinstance(raw, dict):
        raise QuestionSetError(f"{where}: expected a question, found {raw!r}")
    fields: dict[str, Any] = raw
    unknown = set(fields) - _TURN_KEYS
    if unknown:
        raise QuestionSetError(f"{where}: unknown keys {sorted(map(str, unknown))}")
    lang = fields.get("lang")
    if lang not in LANGUAGES:
        raise QuestionSetError(f"{where}: lang must be one of {LANGUAGES}, not {lang!r}")
    intent = fields.get("intent")
    if intent is not None and intent not in set(Intent):
        raise QuestionSetError(f"{where}: unknown intent {intent!r}")
    note = fields.get("note")
    return Turn(
        question=_text(fields.get("q"), where, "q"),
        lang=lang,
        intent=None if intent is None else Intent(intent),
        entities=_entities(fields.get("entities"), where),
        include=_alternatives(fields.get("include"), where),
        exclude=_texts(fields.get("exclude"), where, "exclude"),
        note=None if note is None else _text(note, where, "note"),
    )


def _item(raw: object, where: str) -> Item:
    if not (isinstance(raw, dict) and "conversation" in raw):
        return _turn(raw, where)
    turns = raw["conversation"]
    if len(raw) != 1 or not isinstance(turns, list) or len(turns) < 2:
        raise QuestionSetError(f"{where}: a conversation is a list of two or more questions")
    return Conversation(
        tuple(_turn(turn, f"{where}, turn {index}") for index, turn in enumerate(turns, 1))
    )


def load_items(path: Path) -> list[Item]:
    """Read a question set: standalone questions and conversations, in the file's order."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        raise QuestionSetError(f"{path}: expected a list of questions and conversations")
    return [_item(raw, f"{path}: item {number}") for number, raw in enumerate(data, 1)]


def turns_of(items: Iterable[Item]) -> list[Turn]:
    """Every question of the items: standalone ones and conversations' turns alike.

    A `/start` turn is the bot command, not a question, and is left out.
    """
    return [
        turn
        for item in items
        for turn in (item.turns if isinstance(item, Conversation) else (item,))
        if turn.question != START_COMMAND
    ]


def build_engine() -> Answerer:
    """The real engine over the shipped knowledge base."""
    # Imported when asked for, so the scorer and its format work with any answerer.
    engine_module = importlib.import_module("knowledge.qa.engine")
    engine: Answerer = engine_module.Engine.from_document(curated_document())
    return engine


def main(argv: Sequence[str] | None = None) -> int:
    """Score the engine on the question set; exit with 1 when accuracy is below the bar."""
    parser = argparse.ArgumentParser(
        prog="python -m knowledge.qa.evaluation",
        description="Score the question-answering engine on a set of questions.",
    )
    parser.add_argument("--file", type=Path, default=DEFAULT_PATH, help="the question set")
    parser.add_argument("--failures", action="store_true", help="also show every failed turn")
    arguments = parser.parse_args(argv)
    path: Path = arguments.file
    report = evaluate(build_engine(), load_items(path))
    if path.name == HELD_OUT_NAME:
        # Its items and failures are never looked at, so that it measures what tuning did not see.
        score = f"{report.accuracy:.1%} on {report.score.total} turns"
        sys.stdout.write(f"Held-out accuracy {score}.\n")
        return 0 if report.accuracy >= PASSING_ACCURACY else 1
    sections = [report.table()]
    if arguments.failures and report.failures:
        sections.append(f"Failures ({len(report.failures)}):\n\n{report.failures_text()}")
    verdict = "passes" if report.accuracy >= PASSING_ACCURACY else "fails"
    sections.append(
        f"Accuracy {report.accuracy:.1%} on {report.score.total} turns: {verdict}"
        f" (the bar is {PASSING_ACCURACY:.0%})."
    )
    sys.stdout.write("\n\n".join(sections) + "\n")
    return 0 if report.accuracy >= PASSING_ACCURACY else 1


if __name__ == "__main__":
    sys.exit(main())
