"""Lookup keys of every inflected form of a name, kept between runs for a fast start-up."""

from __future__ import annotations

import json
import logging
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from knowledge.text.morphology import adjective_forms, colloquial_forms, inflections

# Bump when the inflection rules or the key function change, so stale keys are recomputed.
FORMS_VERSION = 5
logger = logging.getLogger(__name__)


class FormsCache:
    """The lookup keys of every case form of each name, computed once, optionally kept in JSON.

    `key` turns a form into its lookup key (folded, as questions are); storing keys rather than
    forms saves start-up from normalising a hundred thousand phrases again.
    """

    def __init__(self, key: Callable[[str], str], path: Path | None = None) -> None:
        self._key = key
        self._path = path
        self._nouns: dict[str, list[str]] = {}
        self._adjectives: dict[str, list[str]] = {}
        self._colloquial: dict[str, list[str]] = {}
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
        colloquial = data.get("colloquial")
        if (
            isinstance(nouns, dict)
            and isinstance(adjectives, dict)
            and isinstance(colloquial, dict)
        ):
            self._nouns, self._adjectives = nouns, adjectives
            self._colloquial = colloquial

    def nouns(self, name: str) -> list[str]:
        """Keys of every case form of a name ("Харків" → "харкова", "харкову", …)."""
        keys = self._nouns.get(name)
        if keys is None:
            keys = self._nouns[name] = self._keys(inflections(name))
        return keys

    def adjectives(self, adjective: str) -> list[str]:
        """Keys of every form of an adjective ("харківська" → "харківські", …)."""
        keys = self._adjectives.get(adjective)
        if keys is None:
            keys = self._adjectives[adjective] = self._keys(adjective_forms(adjective))
        return keys

    def colloquial(self, name: str) -> list[str]:
        """Keys of the forms residents give a foreign name the standard leaves undeclined
        ("Брно" → "брном", "брні", …; see `colloquial_forms`)."""
        keys = self._colloquial.get(name)
        if keys is None:
            keys = self._colloquial[name] = self._keys(colloquial_forms(name))
        return keys

    def _keys(self, forms: frozenset[str]) -> list[str]:
        self._changed = True
        return sorted({self._key(form) for form in forms} - {""})

    def save(self) -> None:
        """Write the cache if anything new was computed; a failure only costs speed."""
        if self._path is None or not self._changed:
            return
        payload = {
            "version": FORMS_VERSION,
            "nouns": self._nouns,
            "adjectives": self._adjectives,
            "colloquial": self._colloquial,
        }
        try:
            self._path.parent.mkdir(parents=True, exist_ok=True)
            descriptor, temporary = tempfile.mkstemp(dir=self._path.parent, suffix=".partial")
            with os.fdopen(descriptor, "w", encoding="utf-8") as file:
                json.dump(payload, file, ensure_ascii=False, separators=(",", ":"))
            Path(temporary).replace(self._path)
            self._changed = False
        except OSError as error:
            logger.warning("Could not save the forms cache %s: %s", self._path, error)
