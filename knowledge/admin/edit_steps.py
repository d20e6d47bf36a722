"""The fields /edit may change, as one table per record kind: where each is stored, how a typed
value changes the record (raising `FormError` with what was wrong), and the buttons offered.

Adding an editable field is adding a row here (and its label to `fields.EDITABLE_FIELDS`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from knowledge.admin import forms
from knowledge.admin.dialogs import Options, kind_options, status_options
from knowledge.admin.fields import EDITABLE_FIELDS
from knowledge.render.labels import AID_CATEGORIES
from knowledge.render.translations import translation

Document = Mapping[str, Any]
# The record's fields replaced by a typed value (stripped), given the record as it is.
Change = Callable[[Document, str], dict[str, Any]]


@dataclass(frozen=True)
class EditStep:
    """One editable field: its name, its path in the record ("signed_on", "name.uk",
    "items.0.quantity": the first item's), how a
    typed value changes the record, its buttons (label and code, in a language) and whether
    the list of cooperation areas is shown under its question."""

    name: str
    stored: str
    change: Change
    options: Options | None = None
    lists_areas: bool = False

    @property
    def label(self) -> str:
        """The field's name for the admin (a message id)."""
        return EDITABLE_FIELDS[self.name]


def _kind(doc: Document, value: str) -> dict[str, Any]:
    return {"kind": forms.parse_kind(value).value}


def _status(doc: Document, value: str) -> dict[str, Any]:
    return {"status": forms.parse_status(value).value}


def _date(stored: str) -> Change:
    def change(doc: Document, value: str) -> dict[str, Any]:
        return {stored: None if forms.is_empty(value) else forms.parse_date(value).isoformat()}

    return change


def _until(doc: Document, value: str) -> dict[str, Any]:
    return forms.parse_until(value)


def _areas(doc: Document, value: str) -> dict[str, Any]:
    return {"areas": [area.value for area in forms.parse_areas(value)]}


def _notes(doc: Document, value: str) -> dict[str, Any]:
    if forms.is_empty(value):
        return {"notes": None}
    # The typed language's side changes; the other keeps its own text if it has one, and is
    # never filled with a copy.
    return {"notes": {**(doc.get("notes") or {}), forms.text_language(value): value}}


def _country(doc: Document, value: str) -> dict[str, Any]:
    return {"country": forms.parse_country(value)}


def _donor_country(doc: Document, value: str) -> dict[str, Any]:
    """The first donor's country (a donor is added, a country as such, if there is none)."""
    donors = [dict(donor) for donor in doc.get("donors") or []] or [{"kind": "country"}]
    donors[0]["country"] = forms.parse_country(value)
    return {"donors": donors}


def _first_item(name: str, read: Callable[[str], Any]) -> Change:
    """The field `name` of the first kind of goods the aid lists, as `read` reads it."""

    def change(doc: Document, value: str) -> dict[str, Any]:
        items = [dict(item) for item in doc.get("items") or []] or [{}]
        items[0][name] = read(value)
        return {"items": items}

    return change


def _category(value: str) -> str:
    return forms.parse_category(value).value


def category_options(lang: str) -> list[tuple[str, Any]]:
    """Every kind of aid as a button: its label in `lang` and its code."""
    gettext = translation(lang).gettext
    return [(gettext(label), category.value) for category, label in AID_CATEGORIES.items()]


def _url(doc: Document, value: str) -> dict[str, Any]:
    return {"url": None if forms.is_empty(value) else value}


def _required(stored: str) -> Change:
    """A text that may not be left empty, at `stored` ("name_local", or "name.uk" inside a
    bilingual field whose other language stays)."""

    def change(doc: Document, value: str) -> dict[str, Any]:
        if forms.is_empty(value):
            raise forms.FormError("text")
        if "." not in stored:
            return {stored: value}
        outer, inner = stored.split(".")
        return {outer: {**(doc.get(outer) or {}), inner: value}}

    return change


_NOTES = EditStep("notes", "notes", _notes)

EDIT_STEPS: dict[str, tuple[EditStep, ...]] = {
    "agreement": (
        EditStep("kind", "kind", _kind, options=kind_options),
        EditStep("status", "status", _status, options=status_options),
        EditStep("signed", "signed_on", _date("signed_on")),
        EditStep("until", "valid_until", _until),
        EditStep("areas", "areas", _areas, lists_areas=True),
        _NOTES,
    ),
    "place": (
        EditStep("name_uk", "name.uk", _required("name.uk")),
        EditStep("name_en", "name.en", _required("name.en")),
        EditStep("name_local", "name_local", _required("name_local")),
        EditStep("country", "country", _country),
    ),
    "source": (
        EditStep("title_uk", "title.uk", _required("title.uk")),
        EditStep("title_en", "title.en", _required("title.en")),
        EditStep("url", "url", _url),
    ),
    # The fields the new-aid dialog asks, but the hromada and the source, which a record is
    # found by.
    "aid": (
        EditStep("received", "received_on", _date("received_on")),
        EditStep("donor_country", "donors.0.country", _donor_country),
        EditStep(
            "category",
            "items.0.category",
            _first_item("category", _category),
            options=category_options,
        ),
        EditStep("quantity", "items.0.quantity", _first_item("quantity", forms.parse_quantity)),
        _NOTES,
    ),
}


def edit_step(entity: str, name: str) -> EditStep | None:
    """The editable field `name` of a record kind, None if it has none such."""
    return next((step for step in EDIT_STEPS.get(entity, ()) if step.name == name), None)
