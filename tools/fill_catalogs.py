"""Writes the Ukrainian and English message catalogs from the translations in translations.py.

Run after `make messages` adds new messages: every message must have both translations, and
Ukrainian plurals their three forms (one, few, many).
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

sys.path.insert(0, str(Path(__file__).resolve().parent))

from translations import UKRAINIAN

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"


def _path(locale: str) -> Path:
    return LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"


def _load(locale: str) -> Catalog:
    with _path(locale).open("rb") as file:
        return read_po(file, locale=locale)


def _save(catalog: Catalog, locale: str) -> None:
    with _path(locale).open("wb") as file:
        write_po(file, catalog, width=99, sort_output=True)


def main() -> int:
    """Fill both catalogs; fail, listing them, on messages without a Ukrainian translation."""
    ukrainian, english = _load("uk"), _load("en")
    missing = []
    for message in ukrainian:
        if not message.id:
            continue
        is_plural = not isinstance(message.id, str)
        key = message.id if isinstance(message.id, str) else message.id[0]
        translated = UKRAINIAN.get(key)
        if translated is None or isinstance(translated, tuple) != is_plural:
            missing.append(key)
            continue
        message.string = translated
        message.flags.discard("fuzzy")
    for message in english:
        if message.id:
            message.string = message.id
            message.flags.discard("fuzzy")
    if missing:
        print("No Ukrainian translation (or wrong plural forms) for:", file=sys.stderr)
        for key in missing:
            print(f"  {key!r}", file=sys.stderr)
        return 1
    _save(ukrainian, "uk")
    _save(english, "en")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
