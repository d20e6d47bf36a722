"""Why a file cannot be read or validated, as Problems built from the reader's structured errors.

Each Problem is worded from the error's kind (pydantic's error type, location and context, the
YAML, JSON or CSV exception), never from the parser's own English text, so a refusal reads
wholly in the reader's language.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import yaml
from pydantic import ValidationError

from knowledge.facts.dates import InvalidPartialDateError
from knowledge.facts.documents import entry_problem, length_problems
from knowledge.facts.messages import N_, Problem, number

# A field's reason by pydantic's error type; {field} is the field's path in the file.
FIELD_REASONS = {
    "missing": N_("{field}: the field is missing"),
    "extra_forbidden": N_("{field}: no such field; delete it"),
    "string_too_short": N_("{field}: may not be empty"),
    "too_short": N_("{field}: may not be empty"),
    "greater_than": N_("{field}: must be more than {limit}"),
    "greater_than_equal": N_("{field}: may not be less than {limit}"),
    "less_than": N_("{field}: must be less than {limit}"),
    "less_than_equal": N_("{field}: may not exceed {limit}"),
    "enum": N_("{field}: not one of the values this field takes"),
    "literal_error": N_("{field}: not one of the values this field takes"),
    "string_pattern_mismatch": N_("{field}: not written in the form this field takes"),
}
# The reason of a field whose error is of any other type.
FIELD_INVALID = N_("{field}: a value this field cannot take")
# A date field that holds no date ("2020-13").
NOT_A_DATE = N_("{field}: {value} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD")
_BOUNDS = ("gt", "ge", "lt", "le")
_QUOTED = re.compile(r"'([^']*)'")


def limit_of(context: Mapping[str, Any]) -> str | int | None:
    """The bound a pydantic error's context (`ctx`) names (gt, ge, lt or le), as a message
    shows it: a whole number formatted by `number`, any other value as its text; None when
    the error names no bound."""
    for bound in _BOUNDS:
        if bound in context:
            value = context[bound]
            if isinstance(value, int | float | Decimal) and value == int(value):
                return number(int(value))
            return str(value)
    return None


def _field(location: tuple[int | str, ...]) -> str:
    return ".".join(str(part) for part in location) or "document"


def issue_problem(
    issue: Mapping[str, Any],
    field: str,
    reasons: Mapping[str, str] | None = None,
    row: int | None = None,
) -> Problem:
    """One pydantic error (an item of `ValidationError.errors()`) as a Problem about `field`,
    the field's name as the reader knows it (a path in a file, a setting's variable): worded
    by `reasons` for its type, else by FIELD_REASONS, else FIELD_INVALID; a bound the error
    names is {limit}, the quoted values it expects {expected} (FIELD_INVALID when the wording
    wants one the error lacks)."""
    context = issue.get("ctx") or {}
    kind = str(issue["type"])
    message = (reasons or {}).get(kind) or FIELD_REASONS.get(kind, FIELD_INVALID)
    params: dict[str, str | int] = {"field": field}
    limit = limit_of(context)
    if limit is not None:
        params["limit"] = limit
    if "expected" in context:
        # pydantic writes "'uk' or 'en'" in English; only the values are kept.
        params["expected"] = ", ".join(_QUOTED.findall(str(context["expected"])))
    if ("{limit}" in message and limit is None) or (
        "{expected}" in message and "expected" not in params
    ):
        message = FIELD_INVALID
    return Problem(message, params, row)


def validation_problems(error: ValidationError, row: int | None = None) -> list[Problem]:
    """Every reason `error` gives, each worded from its type and location ("agreements.0.
    signed_on: 2020-13 is not a date…"): a rule of entry or an over-long text as those word
    it, any other error by its type, an unknown type as a value the field cannot take. `row`
    is set on each Problem."""
    ruled = entry_problem(error)
    if ruled is not None:
        return [Problem(ruled.message, ruled.params, row)]
    over = length_problems(error, row)
    if over:
        return over
    problems = []
    for issue in error.errors(include_url=False):
        field = _field(issue["loc"])
        context = issue.get("ctx") or {}
        cause = context.get("error")
        if isinstance(cause, InvalidPartialDateError):
            value = issue.get("input")
            problems.append(Problem(NOT_A_DATE, {"field": field, "value": str(value)}, row))
            continue
        problems.append(issue_problem(issue, field, row=row))
    return problems


def yaml_problem(error: yaml.YAMLError) -> Problem:
    """Why YAML text cannot be read, by the exception's class and the line it marks: a tag
    (such as "!!python/object") that the safe loader refuses, or broken syntax."""
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 1
    column = mark.column + 1 if mark is not None else 1
    if isinstance(error, yaml.constructor.ConstructorError):
        found = _QUOTED.search(str(getattr(error, "problem", "") or ""))
        tag = found.group(1) if found else ""
        tag = tag.replace("tag:yaml.org,2002:", "!!", 1)
        return Problem(
            N_("Line {line}: the tag {tag} is not allowed; write plain values, lists and keys"),
            {"line": line, "tag": tag},
        )
    return Problem(
        N_(
            "Line {line}, column {column}: the YAML cannot be read here; check the indents,"
            " quotes and colons"
        ),
        {"line": line, "column": column},
    )


def json_problem(error: json.JSONDecodeError) -> Problem:
    """Why JSON text cannot be read, by the line and column the decoder stopped at."""
    return Problem(
        N_(
            "Line {line}, column {column}: the JSON cannot be read here; check the commas,"
            " quotes and brackets"
        ),
        {"line": error.lineno, "column": error.colno},
    )


def csv_problem(error: csv.Error, line: int) -> Problem:
    """Why CSV text cannot be read near `line`: a cell over the reader's size limit, or
    quotes that do not close."""
    if "field larger than field limit" in str(error):
        return Problem(
            N_("Near line {line}: a cell is longer than {limit} characters"),
            {"line": line, "limit": number(csv.field_size_limit())},
        )
    return Problem(
        N_("Near line {line}: the CSV cannot be read here; check the quotes"), {"line": line}
    )
