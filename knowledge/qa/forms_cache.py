"""Inflected forms of names, kept between runs so start-up does not recompute them."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from pathlib import Path

from knowledge.language.morphology import adjective_forms, inflections

# Bump when the inflection rules change, so stale forms are recomputed.
FORMS_VERSION = 1
logger = logging.getLogger(__name__)


class FormsCache:
    """Every case form of each name, computed once and optionally stored in a JSON file."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path
        self._nouns: dict[str, list[str]] = {}
        self._adjectives: dict[str, list[str]] = {}
        self._changed = False
        if path is not None:
            self._read(path)

    def _read(self, path: Path) -> None:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return
        except (OSError, ValueError) as error:
            logger.warning("Ignoring the unreadable forms cache %s: %s", path, error)
            return
        if not isinstance(data, dict) or data.get("version") != FORMS_VERSION:
            return
        nouns, adjectives = data.get("nouns"), data.get("adjectives")
        if isinstance(nouns, dict) and isinstance(adjectives, dict):
            self._nouns, self._adjectives = nouns, adjectives

    def nouns(self, name: str) -> list[str]:
        """Every case form of a name ("Харків" → "харкова", "харкову", …)."""
        forms = self._nouns.get(name)
        if forms is None:
            forms = self._nouns[name] = sorted(inflections(name))
            self._changed = True
        return forms

    def adjectives(self, adjective: str) -> list[str]:
        """Every form of an adjective ("харківська" → "харківські", "харківського", …)."""
        forms = self._adjectives.get(adjective)
        if forms is None:
            forms = self._adjectives[adjective] = sorted(adjective_forms(adjective))
            self._changed = True
        return forms

    def save(self) -> None:
        """Write the cache if anything new was computed; a failure only costs speed."""
        if self._path is None or not self._changed:
            return
        payload = {"version": FORMS_VERSION, "nouns": self._nouns, "adjectives": self._adjectives}
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self._path.parent, suffix=".partial")
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(payload, file, ensure_ascii=False, separators=(",", ":"))
            Path(temporary).replace(self._path)
            self._changed = False
        except OSError as error:
            logger.warning("Could not save the forms cache %s: %s", self._path, error)
