"""Message catalogs: `locales/<lang>/LC_MESSAGES/messages.po`, compiled when the package is
built (into `knowledge/locales`, see setup.py) or, in a working tree, by `make catalogs`."""

from __future__ import annotations

import gettext
from pathlib import Path

# An installed package carries its catalogs compiled; a working tree keeps them in `locales/`.
PACKAGED_LOCALES_DIR = Path(__file__).resolve().parents[1] / "locales"
LOCALES_DIR = (
    PACKAGED_LOCALES_DIR
    if PACKAGED_LOCALES_DIR.is_dir()
    else Path(__file__).resolve().parents[2] / "locales"
)
DOMAIN = "messages"


class CatalogsNotCompiledError(RuntimeError):
    """Raised when a catalog's `.mo` file is missing: the catalogs are compiled at build time."""


def translation(locale: str, locales_dir: Path = LOCALES_DIR) -> gettext.NullTranslations:
    """The compiled catalog for `locale` ("uk" or "en").

    Raises CatalogsNotCompiledError when `make catalogs` has not compiled it.
    """
    try:
        return gettext.translation(DOMAIN, localedir=locales_dir, languages=[locale])
    except FileNotFoundError as error:
        raise CatalogsNotCompiledError(
            f"The {locale!r} message catalog is not compiled: run `make catalogs`"
        ) from error
