"""Reads knowledge documents from YAML and JSON files, with errors a curator can act on."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from json.decoder import JSONObject  # type: ignore[attr-defined]
from json.scanner import py_make_scanner  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.messages import N_, Problem
from knowledge.facts.plausibility import entry_context
from knowledge.facts.unreadable import json_problem, validation_problems, yaml_problem

DOCUMENT_SUFFIXES = (".yaml", ".yml", ".json")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class DocumentError(Exception):
    """A file is not a valid knowledge document: `name` is the file or folder, `problems` say
    where and why, each a `Problem` translated where it is shown (the exception's text is the
    English)."""

    def __init__(self, name: str, problems: Sequence[Problem]) -> None:
        super().__init__(f"{name}: " + "; ".join(problem.render(str) for problem in problems))
        self.name = name
        self.problems = list(problems)


def _refused(name: str, message: str, **params: str | int) -> DocumentError:
    return DocumentError(name, [Problem(message, dict(params))])


# The refusal of a mapping that gives a key twice.
DUPLICATE_KEY = N_(
    'Line {line}: the key "{key}" is given twice in one record or section; only one'
    " value can be kept, so delete the other."
)


class DuplicateKeyError(ValueError):
    """A mapping of a YAML or JSON document gives one key twice: `key` (as written) and the
    1-based `line` of its second appearance. Reading on would keep only the last value."""

    def __init__(self, key: str, line: int) -> None:
        super().__init__(f"line {line}: the key {key!r} is given twice in one mapping")
        self.key = key
        self.line = line


class _StrictLoader(yaml.SafeLoader):
    """PyYAML's safe loader, refusing a mapping that gives a key twice."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[Any] = set()
        for key_node, _ in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                continue
            key = self.construct_object(key_node, deep=True)
            try:
                repeated = key in seen
                seen.add(key)
            except TypeError:  # an unhashable key: PyYAML itself refuses it below
                continue
            if repeated:
                raise DuplicateKeyError(str(key), key_node.start_mark.line + 1)
        return super().construct_mapping(node, deep=deep)


def load_yaml(text: str) -> Any:
    """Parse YAML with the safe loader; raises yaml.YAMLError, or DuplicateKeyError for a key
    given twice in one mapping."""
    return yaml.load(text, Loader=_StrictLoader)  # noqa: S506 - a SafeLoader subclass


_JSON_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"\s*:?|[\[\]{}]')


def _second_key_line(text: str, start: int, key: str) -> int:
    # The object opened at `start` is scanned for its own keys (not those of objects inside it).
    depth = count = 0
    for token in _JSON_TOKEN.finditer(text, start):
        value = token.group()
        if value in "[{":
            depth += 1
        elif value in "]}":
            depth -= 1
            if depth == 0:
                break
        elif depth == 1 and value.endswith(":") and json.loads(value[:-1].rstrip()) == key:
            count += 1
            if count == 2:
                return text.count("\n", 0, token.start()) + 1
    return text.count("\n", 0, start) + 1


def load_json(text: str) -> Any:
    """Parse JSON; raises json.JSONDecodeError (or RecursionError), or DuplicateKeyError for a
    key given twice in one object."""
    duplicated = False

    def pairs_hook(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        nonlocal duplicated
        result = dict(pairs)
        duplicated = duplicated or len(result) < len(pairs)
        return result

    data = json.loads(text, object_pairs_hook=pairs_hook)
    if not duplicated:
        return data
    # Read again by the pure-Python scanner, which says where each object starts.
    decoder = json.JSONDecoder()

    def parse_object(
        s_and_end: tuple[str, int], strict: bool, scan_once: Any, *args: Any, **kwargs: Any
    ) -> tuple[dict[str, Any], int]:
        source, end = s_and_end
        pairs, after = JSONObject((source, end), strict, scan_once, None, list, {})
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise DuplicateKeyError(key, _second_key_line(source, end - 1, key))
            seen.add(key)
        return dict(pairs), after

    decoder.parse_object = parse_object  # type: ignore[attr-defined]
    decoder.scan_once = py_make_scanner(decoder)  # type: ignore[attr-defined]
    return decoder.decode(text)


def parse_document(text: str, *, name: str, is_json: bool) -> KnowledgeDocument:
    """Parse and validate one document's text; raises DocumentError naming `name`."""
    try:
        data: Any = load_json(text) if is_json else load_yaml(text)
    except DuplicateKeyError as error:
        raise _refused(
            name,
            DUPLICATE_KEY,
            line=error.line,
            key=error.key,
        ) from None
    except RecursionError:
        raise _refused(name, N_("The file is nested too deeply.")) from None
    except json.JSONDecodeError as error:
        raise DocumentError(name, [json_problem(error)]) from None
    except yaml.YAMLError as error:
        raise DocumentError(name, [yaml_problem(error)]) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise _refused(
            name, N_("The file is not a knowledge base export: no sections at the top.")
        )
    try:
        return KnowledgeDocument.model_validate(data, context=entry_context())
    except ValidationError as error:
        raise DocumentError(name, validation_problems(error)) from None


def read_document_file(path: Path) -> KnowledgeDocument:
    """Read one YAML or JSON file; raises DocumentError."""
    name = str(path)
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise _refused(name, N_("Only .yaml, .yml and .json files are read."))
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        raise _refused(
            name,
            N_("The file is larger than {limit} MB."),
            limit=MAX_DOCUMENT_BYTES // (1024 * 1024),
        )
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise _refused(name, N_("The file is not UTF-8 text.")) from None
    return parse_document(text, name=name, is_json=path.suffix.lower() == ".json")


def read_documents(path: Path) -> KnowledgeDocument:
    """Read a file, or every YAML and JSON file in a folder, as one document."""
    if not path.exists():
        raise _refused(str(path), N_("No such file or folder."))
    if path.is_file():
        return read_document_file(path)
    files = sorted(child for child in path.iterdir() if child.suffix.lower() in DOCUMENT_SUFFIXES)
    if not files:
        raise _refused(str(path), N_("No .yaml, .yml or .json files in this folder."))
    document = KnowledgeDocument()
    for file in files:
        document = document.merged_with(read_document_file(file))
    return document
