"""Changed fields read as translated labels and readable values, never as document names."""

from __future__ import annotations

import re

import pytest
from pydantic import BaseModel

from knowledge.admin.common import FieldChange
from knowledge.admin.editing import EditConflictError
from knowledge.admin.fields import field_label, field_value
from knowledge.admin.wording import change_preview, error_text
from knowledge.facts.documents import AgreementDoc, AidDoc, PlaceDoc, SourceDoc
from knowledge.render.labels import VOCABULARIES

RAW_NAME = re.compile(r"\b[a-z]+_[a-z_]+\b")


@pytest.mark.parametrize(
    ("lang", "path", "expected"),
    [
        ("en", "valid_until", "Valid until"),
        ("uk", "valid_until", "Чинна до"),
        ("en", "signed_on", "Signed"),
        ("uk", "signed_on", "Підписано"),
        ("en", "name.uk", "Name in Ukrainian"),
        ("uk", "name.en", "Назва англійською"),
        ("en", "extensions.1.valid_until", "Extension 1 · Valid until"),
        ("uk", "extensions.2.term_years", "Продовження 2 · Строк"),
        ("en", "sources.1.source", "Source 1"),
        ("uk", "sources.1.quote", "Джерело 1 · Цитата"),
        ("uk", "donors.1.country", "Донор 1 · Країна"),
        ("uk", "items.1.category", "Позиція допомоги 1 · Вид допомоги"),
    ],
)
def test_fields_have_translated_labels(lang: str, path: str, expected: str) -> None:
    assert field_label(path, lang) == expected


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("doc", [AgreementDoc, AidDoc, PlaceDoc, SourceDoc])
def test_no_field_of_an_editable_record_is_shown_by_its_raw_name(
    lang: str, doc: type[BaseModel]
) -> None:
    for name in doc.model_fields:
        label = field_label(name, lang)
        assert RAW_NAME.search(label) is None, label
        assert label != name


@pytest.mark.parametrize(
    ("lang", "entity", "path", "value", "expected"),
    [
        ("en", "agreement", "signed_on", "2024", "2024"),
        ("en", "agreement", "signed_on", "2024-05", "May 2024"),
        ("en", "agreement", "signed_on", "2024-05-17", "May 17, 2024"),
        ("uk", "agreement", "valid_until", "2029-05", "травень 2029\u202fр."),
        ("uk", "agreement", "kind", "cooperation_agreement", "Угода про співпрацю"),
        ("uk", "agreement", "status", "in_negotiation", "Тривають перемовини"),
        (
            "uk",
            "agreement",
            "areas",
            ["culture", "social_protection"],
            "культура, соціальний захист",
        ),
        ("uk", "place", "country", "SK", "Словаччина"),
        ("en", "place", "country", "SK", "Slovakia"),
        ("uk", "source", "kind", "official_letter", "офіційний лист"),
        ("uk", "aid", "donors.1.kind", "organisation", "організація"),
        ("uk", "aid", "items.1.category", "medical_equipment", "медичне спорядження"),
        ("uk", "agreement", "term_years", 5, "5 років"),
        ("en", "agreement", "term_years", 1, "1 year"),
        ("uk", "agreement", "notes", None, "(порожньо)"),
    ],
)
def test_values_are_readable(
    lang: str, entity: str, path: str, value: object, expected: str
) -> None:
    assert field_value(entity, path, value, lang) == expected


def test_every_vocabulary_value_has_a_label() -> None:
    for vocabulary, labels in VOCABULARIES:
        assert set(labels) == set(vocabulary), vocabulary


@pytest.mark.parametrize(
    ("lang", "nothing"), [("en", "Nothing would change."), ("uk", "Нічого не зміниться.")]
)
def test_a_field_empty_before_and_after_is_not_a_change(lang: str, nothing: str) -> None:
    assert change_preview([FieldChange("extensions", None, [])], lang) == nothing
    actual = change_preview(
        [FieldChange("extensions", None, []), FieldChange("valid_until", None, "2029-05")],
        lang,
        "agreement",
    )
    assert len(actual.splitlines()) == 2
    assert "xtension" not in actual
    assert "родовження" not in actual


def test_a_conflict_names_the_fields_in_the_readers_language() -> None:
    conflict = EditConflictError(
        "agreement", "k", [FieldChange("valid_until", "2028", "2029-05-01")]
    )

    actual = error_text(conflict, "uk").splitlines()[-1]
    # Babel and the catalog put no-break spaces before "р."
    assert re.sub(r"\s", " ", actual) == "• Чинна до: 2028 р. → 1 травня 2029 р."
    assert error_text(conflict, "en").splitlines()[-1] == "• Valid until: 2028 → May 1, 2029"
