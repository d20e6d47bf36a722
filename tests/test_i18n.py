"""Both catalogs are complete, compile, and use real Ukrainian plural forms."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from knowledge.i18n import LOCALES_DIR, compile_catalogs, translation


@pytest.mark.parametrize("locale", ["uk", "en"])
def test_every_message_is_translated(locale: str) -> None:
    with (LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as file:
        catalog = read_po(file, locale=locale)
    with (LOCALES_DIR / "messages.pot").open("rb") as file:
        template = read_po(file)

    untranslated = [
        message.id
        for message in catalog
        if message.id
        and (
            "fuzzy" in message.flags
            or not message.string
            or (isinstance(message.string, tuple) and not all(message.string))
        )
    ]

    assert untranslated == []
    assert {message.id for message in catalog if message.id} == {
        message.id for message in template if message.id
    }


@pytest.mark.parametrize(
    ("count", "expected"),
    [
        (1, "1 угода"),
        (3, "3 угоди"),
        (5, "5 угод"),
        (11, "11 угод"),
        (21, "21 угода"),
        (22, "22 угоди"),
        (25, "25 угод"),
    ],
)
def test_ukrainian_has_three_plural_forms(count: int, expected: str) -> None:
    ukrainian = translation("uk")

    actual = ukrainian.ngettext("{count} agreement", "{count} agreements", count)

    assert actual.format(count=count) == expected


def test_a_changed_catalog_is_compiled_again_at_start_up(tmp_path: Path) -> None:
    shutil.copytree(LOCALES_DIR, tmp_path / "locales")
    for stale in (tmp_path / "locales").glob("*/LC_MESSAGES/*.mo"):
        stale.unlink()

    written = compile_catalogs(tmp_path / "locales")
    rewritten = compile_catalogs(tmp_path / "locales")

    assert sorted(path.parent.parent.name for path in written) == ["en", "uk"]
    assert rewritten == []
    assert translation("uk", tmp_path / "locales").gettext("Twinning") == "Побратимство"
