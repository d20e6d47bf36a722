"""After `pybabel update`: English takes its source text; list what awaits a translator.

English is the language the messages are written in, so its catalog takes each new message's own
text. Ukrainian translations are written by hand in `locales/uk/LC_MESSAGES/messages.po`; this
lists every message still without one (or without its three plural forms) and exits 1 if any.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
# pybabel stamps every catalog's header with the time and its own version on each run. Keeping
# those lines fixed means catalogs changed on two branches merge without a conflict in the
# header; Git already records when each message changed.
_STAMPS = re.compile(r'^"(POT-Creation-Date|PO-Revision-Date|Generated-By): [^"]*\\n"$', re.M)
_FIXED = {
    "POT-Creation-Date": "2026-11-23 17:37+0000",
    "PO-Revision-Date": "2026-11-23 14:32+0000",
    "Generated-By": "Babel",
}


def _path(locale: str) -> Path:
    return LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po"


def _load(locale: str) -> Catalog:
    with _path(locale).open("rb") as file:
        return read_po(file, locale=locale)


def _fill_english() -> None:
    english = _load("en")
    for message in english:
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if message.id and (not any(strings) or "fuzzy" in message.flags):
            # A plural message's English forms are its singular and plural source texts.
            message.string = message.id
            message.flags.discard("fuzzy")
    with _path("en").open("wb") as file:
        write_po(file, english, width=99, sort_output=True)


def _unstamp(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fixed = _STAMPS.sub(lambda match: f'"{match[1]}: {_FIXED[match[1]]}\\n"', text)
    if fixed != text:
        path.write_text(fixed, encoding="utf-8")


def _untranslated(locale: str) -> list[str]:
    missing = []
    for message in _load(locale):
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        if "fuzzy" in message.flags or not all(forms):
            missing.append(message.id if isinstance(message.id, str) else message.id[0])
    return missing


def main() -> int:
    """Fill the English catalog; print the Ukrainian messages left to translate."""
    _fill_english()
    for path in (LOCALES_DIR / "messages.pot", _path("en"), _path("uk")):
        _unstamp(path)
    missing = _untranslated("uk")
    if missing:
        print(
            f"{len(missing)} message(s) to translate in locales/uk/LC_MESSAGES/messages.po:",
            file=sys.stderr,
        )
        for message in missing:
            print(f"  {message!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
