"""Reads knowledge documents from YAML and JSON files, with errors a curator can act on."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.plausibility import entry_context

DOCUMENT_SUFFIXES = (".yaml", ".yml", ".json")
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024


class DocumentError(Exception):
    """A file is not a valid knowledge document; the message says where and why."""


def _describe(error: ValidationError) -> str:
    lines = []
    for issue in error.errors(include_url=False, include_input=False):
        where = ".".join(str(part) for part in issue["loc"]) or "document"
        lines.append(f"{where}: {issue['msg']}")
    return "; ".join(lines)


def parse_document(text: str, *, name: str, is_json: bool) -> KnowledgeDocument:
    """Parse and validate one document's text."""
    try:
        data: Any = json.loads(text) if is_json else yaml.safe_load(text)
    except (json.JSONDecodeError, yaml.YAMLError, RecursionError) as error:
        raise DocumentError(
            f"{name}: not valid {'JSON' if is_json else 'YAML'}: {error}"
        ) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DocumentError(f"{name}: expected a mapping of sections at the top")
    try:
        return KnowledgeDocument.model_validate(data, context=entry_context())
    except ValidationError as error:
        raise DocumentError(f"{name}: {_describe(error)}") from None


def read_document_file(path: Path) -> KnowledgeDocument:
    """Read one YAML or JSON file."""
    if path.suffix.lower() not in DOCUMENT_SUFFIXES:
        raise DocumentError(f"{path}: expected a .yaml, .yml or .json file")
    if path.stat().st_size > MAX_DOCUMENT_BYTES:
        raise DocumentError(f"{path}: larger than {MAX_DOCUMENT_BYTES // (1024 * 1024)} MB")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise DocumentError(f"{path}: not UTF-8 text") from None
    return parse_document(text, name=str(path), is_json=path.suffix.lower() == ".json")


def read_documents(path: Path) -> KnowledgeDocument:
    """Read a file, or every YAML and JSON file in a folder, as one document."""
    if not path.exists():
        raise DocumentError(f"{path}: no such file or folder")
    if path.is_file():
        return read_document_file(path)
    files = sorted(child for child in path.iterdir() if child.suffix.lower() in DOCUMENT_SUFFIXES)
    if not files:
        raise DocumentError(f"{path}: no .yaml, .yml or .json files in this folder")
    document = KnowledgeDocument()
    for file in files:
        document = document.merged_with(read_document_file(file))
    return document
