"""Frozen dataclass records as JSON-safe data and back, field by field from their annotations.

One mapping for every record kept between a card and its buttons: a field added to a record
is carried without a line written for it. Dates are ISO text with their precision ("2025",
"2025-05", "2025-05-15"), money decimal text ("1500.50"), enums their values, tuples lists,
nested records objects of their fields.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from decimal import Decimal
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from knowledge.facts.dates import PartialDate

Record = TypeVar("Record")


def plain(value: Any) -> Any:
    """`value` (a dataclass record, or any value one holds) as JSON-safe data."""
    if isinstance(value, PartialDate):
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            field.name: plain(getattr(value, field.name)) for field in dataclasses.fields(value)
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return f"{value:f}"
    if isinstance(value, tuple | list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): plain(item) for key, item in value.items()}
    return value


def from_plain(kind: type[Record], data: Any) -> Record:
    """The `kind` record `plain` wrote as `data`.

    A nested record may also be a list of its fields in order, as older data holds it; a
    field with a default may be missing (it takes the default), and keys that name no field
    are ignored.
    Raises KeyError, TypeError or ValueError for data that is not such a record.
    """
    return typing.cast(Record, _read(kind, data))


@cache
def _hints(kind: type) -> dict[str, Any]:
    return typing.get_type_hints(kind)


def _read(annotation: Any, data: Any) -> Any:
    origin = typing.get_origin(annotation)
    arguments = typing.get_args(annotation)
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in arguments:
            return None
        (inner,) = [argument for argument in arguments if argument is not type(None)]
        return _read(inner, data)
    if origin is tuple:
        if len(arguments) == 2 and arguments[1] is Ellipsis:
            return tuple(_read(arguments[0], item) for item in data)
        return tuple(_read(argument, item) for argument, item in zip(arguments, data, strict=True))
    if origin is list:
        return [_read(arguments[0], item) for item in data]
    if origin is dict:
        return {_read(arguments[0], key): _read(arguments[1], item) for key, item in data.items()}
    if annotation is Any:
        return data
    if annotation is PartialDate:
        return PartialDate.parse(str(data))
    if isinstance(annotation, type) and dataclasses.is_dataclass(annotation):
        return _record(annotation, data)
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return annotation(data)
    if annotation is Decimal:
        return Decimal(str(data))
    if annotation in (str, int, float, bool):
        if not isinstance(data, annotation):
            raise TypeError(f"not {annotation.__name__}: {data!r}")
        return data
    raise TypeError(f"no plain form for {annotation!r}")


def _record(kind: type, data: Any) -> Any:
    hints = _hints(kind)
    fields = dataclasses.fields(kind)
    if isinstance(data, list):
        values = dict(zip([field.name for field in fields], data, strict=True))
    else:
        # A field with a default may be missing: data written before the field was added.
        values = {
            field.name: data[field.name]
            for field in fields
            if field.name in data or not _has_default(field)
        }
    return kind(**{name: _read(hints[name], value) for name, value in values.items()})


def _has_default(field: dataclasses.Field[Any]) -> bool:
    return (
        field.default is not dataclasses.MISSING
        or field.default_factory is not dataclasses.MISSING
    )
