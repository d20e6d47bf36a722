"""Message catalogs: compiled on start-up when stale, then used by the CLI and the bot."""

from __future__ import annotations

import gettext
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALES_DIR = Path(__file__).resolve().parent.parent / "locales"
DOMAIN = "messages"


def compile_catalogs(locales_dir: Path = LOCALES_DIR) -> list[Path]:
    """Compile every .po whose .mo is missing or older; returns the files written."""
    written = []
    for po_path in sorted(locales_dir.glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        mo_path = po_path.with_suffix(".mo")
        if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
            continue
        with po_path.open("rb") as po_file:
            catalog = read_po(po_file, locale=po_path.parent.parent.name, domain=DOMAIN)
        # Written to a temporary file first so a concurrent reader never sees half a catalog.
        partial = mo_path.with_suffix(".mo.partial")
        with partial.open("wb") as mo_file:
            write_mo(mo_file, catalog)
        partial.replace(mo_path)
        written.append(mo_path)
    return written


def translation(locale: str, locales_dir: Path = LOCALES_DIR) -> gettext.NullTranslations:
    """The compiled catalog for the locale."""
    compile_catalogs(locales_dir)
    return gettext.translation(DOMAIN, localedir=locales_dir, languages=[locale])
