"""Both catalogs are complete, keep every placeholder, are compiled, and use real plural forms."""

from __future__ import annotations

import gettext
import string
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

from knowledge.render.translations import LOCALES_DIR, CatalogsNotCompiledError, translation


def _catalog(locale: str) -> Catalog:
    with (LOCALES_DIR / locale / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file, locale=locale)


def _forms(text: object) -> tuple[str, ...]:
    """A message's id or string as a tuple: one item, or one per plural form."""
    if isinstance(text, str):
        return (text,)
    assert isinstance(text, tuple | list)
    return tuple(str(form) for form in text)


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


@pytest.mark.parametrize("locale", ["uk", "en"])
def test_every_message_is_translated(locale: str) -> None:
    catalog = _catalog(locale)
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


@pytest.mark.parametrize("locale", ["uk", "en"])
def test_every_translation_keeps_the_placeholders_of_its_message(locale: str) -> None:
    mismatched = []
    for message in _catalog(locale):
        if not message.id:
            continue
        sources, forms = _forms(message.id), _forms(message.string)
        expected: set[str] = set().union(*(_placeholders(source) for source in sources))
        mismatched += [
            (sources[0], sorted(_placeholders(form)), sorted(expected))
            for form in forms
            if _placeholders(form) != expected
        ]

    assert mismatched == []


@pytest.mark.parametrize("locale", ["uk", "en"])
def test_the_compiled_catalog_matches_its_source(locale: str) -> None:
    """A stale `.mo` would show users old text: `make catalogs` compiles after every edit."""
    compiled = translation(locale)
    stale = []
    for message in _catalog(locale):
        if not message.id or not message.string:
            continue
        sources, forms = _forms(message.id), _forms(message.string)
        if len(sources) == 2:
            actual = tuple(compiled.ngettext(*sources, count) for count in (1, 3, 5))
            # English has two forms, so 3 and 5 both take the second.
            expected = forms if locale == "uk" else (forms[0], forms[1], forms[1])
        else:
            actual, expected = (compiled.gettext(sources[0]),), forms
        if actual != expected:
            stale.append(message.id)

    assert stale == [], "The compiled catalogs are stale: run `make catalogs`"


def test_a_missing_compiled_catalog_is_reported_with_how_to_build_it(tmp_path: Path) -> None:
    with pytest.raises(CatalogsNotCompiledError, match="make catalogs"):
        translation("uk", tmp_path)


def test_the_compiled_catalog_is_a_real_gettext_catalog() -> None:
    assert isinstance(translation("uk"), gettext.GNUTranslations)
    assert translation("uk").gettext("Twinning") == "Побратимство"
