"""What every command gets: the settings, the catalog and its locale, and output helpers."""

from __future__ import annotations

import gettext
import sys
from dataclasses import dataclass

from bot.settings import Settings


@dataclass(frozen=True)
class CommandContext:
    """Settings and translations for one command."""

    settings: Settings
    translations: gettext.NullTranslations
    locale: str

    def gettext(self, message: str) -> str:
        """The message in the command's language."""
        return self.translations.gettext(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        """The plural form for the count in the command's language."""
        return self.translations.ngettext(singular, plural, count)

    def say(self, text: str) -> None:
        """Print a line for the person at the terminal."""
        print(text)

    def complain(self, text: str) -> None:
        """Print a problem to standard error."""
        print(text, file=sys.stderr)
