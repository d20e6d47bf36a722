"""Ukrainian translations of every message, keyed by the English message, one module an area.

A plural message maps to its three Ukrainian forms: one (1, 21), few (2-4, 22-24), many (5-20).
Each module in this package defines `UKRAINIAN`; a message translated twice differently is an
error, so two areas cannot disagree about the same words.
"""

from __future__ import annotations

import importlib
import pkgutil

Translation = str | tuple[str, str, str]


def _merged() -> dict[str, Translation]:
    merged: dict[str, Translation] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        for message, translation in module.UKRAINIAN.items():
            if merged.setdefault(message, translation) != translation:
                raise ValueError(f"{message!r} is translated differently in {module_info.name}")
    return merged


UKRAINIAN = _merged()
