"""Record fields as admins read them: translated labels and readable values, not JSON names."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, get_args

from babel import Locale, UnknownLocaleError
from pydantic import BaseModel, ValidationError

from knowledge.admin.common import FieldChange
from knowledge.facts.dates import InvalidPartialDateError, PartialDate
from knowledge.facts.documents import (
    DOCUMENT_TYPES,
    document_type,
    entry_problem,
    length_problems,
)
from knowledge.facts.messages import N_, Name, Problem
from knowledge.facts.unreadable import limit_of
from knowledge.places.hromadas import shipped_index
from knowledge.render.labels import VOCABULARIES
from knowledge.render.lang import Language

FIELDS = {
    "key": N_("Key"),
    "code": N_("Code"),
    "hromada": N_("Hromada"),
    "place": N_("Place"),
    "kind": N_("Kind"),
    "status": N_("Status"),
    "title": N_("Title"),
    "signed_on": N_("Signed"),
    "planned_on": N_("Planned for"),
    "valid_until": N_("Valid until"),
    "term_years": N_("Term"),
    "extensions": N_("Extension"),
    "extended_on": N_("Extended"),
    "areas": N_("Areas of cooperation"),
    "notes": N_("Notes"),
    "sources": N_("Source"),
    "source": N_("Source"),
    "quote": N_("Quote"),
    "issuer": N_("Issuer"),
    "document_number": N_("Document number"),
    "issued_on": N_("Issued"),
    "url": N_("Link"),
    "language": N_("Language"),
    "name": N_("Name"),
    "name_local": N_("Local name"),
    "name_uk": N_("Name in Ukrainian"),
    "name_en": N_("Name in English"),
    "country": N_("Country"),
    "region": N_("Region"),
    "latitude": N_("Latitude"),
    "longitude": N_("Longitude"),
    "geonames_id": N_("GeoNames number"),
    "aliases": N_("Other names"),
    "received_on": N_("Received"),
    "donors": N_("Donor"),
    "items": N_("Aid item"),
    "category": N_("Kind of aid"),
    "quantity": N_("Quantity"),
    "amount": N_("Amount"),
    "currency": N_("Currency"),
    "description": N_("Description"),
    "summary": N_("Summary"),
    "started_on": N_("Started"),
    "ended_on": N_("Ended"),
    "count": N_("Number"),
    "count_is_lower_bound": N_("At least this number"),
    "first_year": N_("First year"),
    "last_year": N_("Last year"),
    "approved_by": N_("Approved by"),
    "spending": N_("Spending"),
    "period": N_("Period"),
    "purpose": N_("Purpose"),
    "population": N_("Population"),
    "oblast_code": N_("Oblast code"),
    "oblast_uk": N_("Oblast in Ukrainian"),
    "oblast_en": N_("Oblast in English"),
    "raion_code": N_("Raion code"),
    "raion_uk": N_("Raion in Ukrainian"),
    "raion_en": N_("Raion in English"),
    "center_uk": N_("Centre in Ukrainian"),
    "center_en": N_("Centre in English"),
}

# The fields /edit offers, by the names an admin may also type.
EDITABLE_FIELDS = {
    "kind": N_("Kind"),
    "status": N_("Status"),
    "signed": N_("Signed"),
    "until": N_("Valid until"),
    "areas": N_("Areas of cooperation"),
    "notes": N_("Notes"),
    "name_uk": N_("Name in Ukrainian"),
    "name_en": N_("Name in English"),
    "name_local": N_("Local name"),
    "country": N_("Country"),
    "title_uk": N_("Title in Ukrainian"),
    "title_en": N_("Title in English"),
    "url": N_("Link"),
    "received": N_("Received"),
    "donor_country": N_("Donor's country"),
    "category": N_("Kind of aid"),
    "quantity": N_("Quantity"),
}

IN_LANGUAGE = {"uk": N_("{field} in Ukrainian"), "en": N_("{field} in English")}

MAX_VALUE_LENGTH = 80


def field_label(path: str, lang: str) -> str:
    """A flattened field path ("extensions.1.valid_until") as a translated label."""
    gettext = Language(lang).gettext
    parts: list[str] = []
    for name in path.split("."):
        if name.isdigit() and parts:
            parts[-1] = f"{parts[-1]} {name}"
        elif name in IN_LANGUAGE and parts:
            parts[-1] = gettext(IN_LANGUAGE[name]).format(field=parts[-1])
        elif name == "source" and path.startswith("sources."):
            continue  # "Source 1" says it already
        else:
            label = FIELDS.get(name)
            parts.append(name.replace("_", " ") if label is None else gettext(label))
    label = " · ".join(parts)
    return label[:1].upper() + label[1:]


# The checks of a whole record, by the text the documents raise them with (English, with
# field names), as an admin reads them.
INVALID_RECORDS = {
    "valid_until is before signed_on": N_(
        "The record is not valid: it would end before it was signed."
    ),
    "a source is cited twice": N_("The record is not valid: the same source is cited twice."),
    "a donor needs a country, a place or a name": N_(
        "The record is not valid: the donor needs a country, a place or a name."
    ),
    "an amount needs a currency and a currency an amount": N_(
        "The record is not valid: an amount needs a currency."
    ),
    "notes need a text in at least one language": N_(
        "The record is not valid: the notes need a text in Ukrainian or in English."
    ),
}
# The checks of one field, by pydantic's error type; {field} is its label, {limit} the bound.
INVALID_FIELDS = {
    "missing": N_("The record is not valid: “{field}” is missing."),
    "string_too_short": N_("The record is not valid: “{field}” may not be empty."),
    "too_short": N_("The record is not valid: “{field}” may not be empty."),
    "greater_than": N_("The record is not valid: “{field}” must be more than {limit}."),
    "greater_than_equal": N_("The record is not valid: “{field}” may not be less than {limit}."),
    "less_than": N_("The record is not valid: “{field}” must be less than {limit}."),
    "less_than_equal": N_("The record is not valid: “{field}” may not exceed {limit}."),
}
INVALID_FIELD = N_("The record is not valid: “{field}” has a value it may not have.")
INVALID_RECORD = N_("The record is not valid.")


def _field_path(location: tuple[int | str, ...]) -> str:
    """pydantic's location of a field as a flattened path of `field_label` (items from 1);
    the names of validators and union members in it are left out."""
    parts = []
    for part in location:
        if isinstance(part, int):
            parts.append(str(part + 1))
        elif part in FIELDS or part in IN_LANGUAGE:
            parts.append(part)
    return ".".join(parts)


def _labelled(over: Problem, error: ValidationError) -> Problem:
    """The refusal of a text over its bound (`length_problems`) naming the field by its label
    in either language («Примітки українською»), not its path ("notes.uk")."""
    for issue in error.errors(include_url=False):
        path = _field_path(issue["loc"])
        if issue["type"] == "string_too_long" and path:
            label = Name(field_label(path, "en"), field_label(path, "uk"))
            return Problem(over.message, over.params | {"field": label}, over.row)
    return over


def invalid_record_problem(error: ValidationError) -> Problem:
    """Why a record fails validation, worded for an admin in either language: a text over its
    bound, a check of the whole record, or its first field that is wrong, by its label."""
    ruled = entry_problem(error)
    if ruled is not None:
        field = ruled.params.get("field")
        if field is None:
            return ruled
        label = Name(field_label(str(field), "en"), field_label(str(field), "uk"))
        return Problem(ruled.message, ruled.params | {"field": label})
    over = length_problems(error)
    if over:
        return _labelled(over[0], error)
    issues = error.errors(include_url=False)
    for issue in issues:
        cause = str((issue.get("ctx") or {}).get("error", ""))
        if issue["type"] == "value_error" and cause in INVALID_RECORDS:
            return Problem(INVALID_RECORDS[cause])
    for issue in issues:
        path = _field_path(issue["loc"])
        if not path:
            continue
        field = Name(field_label(path, "en"), field_label(path, "uk"))
        context = issue.get("ctx") or {}
        message = INVALID_FIELDS.get(issue["type"], INVALID_FIELD)
        limit = limit_of(context)
        params: dict[str, str | int] = {"field": field}
        if limit is not None:
            params["limit"] = limit
        elif "{limit}" in message:
            message = INVALID_FIELD
        return Problem(message, params)
    return Problem(INVALID_RECORD)


def is_empty(value: Any) -> bool:
    """No value at all: nothing, an empty text or an empty list."""
    return value is None or value == "" or value == [] or value == {}


def _label(table: dict[Any, str], value: str, lang: str) -> str:
    for enum_value, label in table.items():
        if str(enum_value) == value:
            return Language(lang).gettext(label)
    return value


def _date(value: str, lang: str) -> str:
    try:
        return Language(lang).date(PartialDate.parse(value))
    except (InvalidPartialDateError, ValueError):
        return value


def _language(code: str, lang: str) -> str:
    try:
        return Locale.parse(code).get_display_name(lang) or code
    except (UnknownLocaleError, ValueError):
        return code


_LABELS: dict[Any, dict[Any, str]] = dict(VOCABULARIES)


def _types_in(annotation: Any) -> set[Any]:
    """The classes an annotation admits, through Optional, unions and lists."""
    arguments = get_args(annotation)
    if not arguments:
        return {annotation} if isinstance(annotation, type) else set()
    return {kind for argument in arguments for kind in _types_in(argument)}


def _field_types(document: type[BaseModel], names: list[str]) -> set[Any]:
    types: set[Any] = {document}
    for name in names:
        models = [kind for kind in types if issubclass(kind, BaseModel)]
        fields = [model.model_fields[name] for model in models if name in model.model_fields]
        types = {kind for field in fields for kind in _types_in(field.annotation)}
    return types - {type(None)}


def _value_type(entity: str, names: list[str]) -> Any:
    """The class of the values at a field path, read from the record's document class.

    For an unnamed kind of record every document class is asked, and a path whose classes
    disagree (a "kind" is of a different vocabulary in each) has none.
    """
    try:
        documents: list[type[BaseModel]] = [document_type(entity)]
    except ValueError:
        documents = list(DOCUMENT_TYPES.values())
    types = {kind for document in documents for kind in _field_types(document, names)}
    return types.pop() if len(types) == 1 else None


def field_value(
    entity: str, path: str, value: Any, lang: str, known: Mapping[str, str] | None = None
) -> str:
    """A field's JSON value as a reader understands it: labels, names, dates, numbers.

    A hromada's KATOTTH code is shown as the name residents know (its centre's, from the
    codifier); a record's key as the name `known` gives it (places, sources), else the key.
    """
    language = Language(lang)
    if is_empty(value):
        return language.gettext("(empty)")
    names = [name for name in path.split(".") if not name.isdigit()]
    name = names[-1]
    if isinstance(value, list):
        return ", ".join(field_value(entity, path, item, lang, known) for item in value)
    if name == "hromada" and isinstance(value, str):
        return _hromada_name(value, lang)
    if name in ("place", "source") and isinstance(value, str) and known and value in known:
        return known[value]
    if isinstance(value, bool):
        return language.gettext("yes") if value else language.gettext("no")
    text = value if isinstance(value, str) else str(value)
    kind = _value_type(entity, names)
    if kind is PartialDate:
        return _date(text, lang)
    if kind in _LABELS:
        return _label(_LABELS[kind], text, lang)
    if name == "country":
        return language.country(text)
    if name == "language":
        return _language(text, lang)
    if name == "term_years" and isinstance(value, int):
        return language.ngettext("{count} year", "{count} years", value).format(count=value)
    if name in ("amount", "quantity", "count", "population"):
        try:
            return language.number(Decimal(text))
        except InvalidOperation:
            return text
    return text if len(text) <= MAX_VALUE_LENGTH else text[: MAX_VALUE_LENGTH - 1] + "…"


def visible_changes(changes: list[FieldChange]) -> list[FieldChange]:
    """The changes worth showing: a field empty before and after has not changed."""
    return [
        change
        for change in changes
        if change.before != change.after
        and not (is_empty(change.before) and is_empty(change.after))
    ]


def _hromada_name(code: str, lang: str) -> str:
    hromada = shipped_index().by_code.get(code)
    if hromada is None:
        return code
    if lang == "uk":
        return hromada.center_uk or hromada.name_uk
    return hromada.center_en or hromada.name_en


def change_line(
    entity: str, change: FieldChange, lang: str, known: Mapping[str, str] | None = None
) -> str:
    """One changed field: its label, the old value and the new one (names for keys `known`
    gives, as `field_value` shows them)."""
    before = field_value(entity, change.field, change.before, lang, known)
    after = field_value(entity, change.field, change.after, lang, known)
    return f"• {field_label(change.field, lang)}: {before} → {after}"
