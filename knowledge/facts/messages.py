"""Why a file or a row is refused: a message id with its parameters, translated where shown."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from babel.numbers import format_decimal


def N_(message: str) -> str:  # noqa: N802 - the conventional marker name for extraction
    """Mark a message for extraction; it is translated where it is shown."""
    return message


class Name(str):
    """A name given as a message parameter: the English form, with the Ukrainian one beside it.

    It is a `str` (the English form) wherever parameters are copied; `Problem.render` shows it
    in the reader's language.
    """

    uk: str

    def __new__(cls, en: str, uk: str) -> Name:
        """The name "en" / «uk»."""
        name = super().__new__(cls, en)
        name.uk = uk or en
        return name

    def in_language(self, lang: str) -> str:
        """The name in `lang` ("uk", "en"; English for any other)."""
        return self.uk if lang == "uk" else str(self)


@dataclass(frozen=True)
class Problem:
    """One reason to refuse: an English message id, its parameters and the row it is about.

    `row` is the row as a spreadsheet numbers it (the header is row 1); None for the file.
    """

    message: str
    params: dict[str, str | int] = field(default_factory=dict)
    row: int | None = None

    def render(self, gettext: Callable[[str], str], lang: str = "en") -> str:
        """The reason in the catalog's language (`lang`, "uk" or "en", for the names in it),
        without the row number."""
        params = {
            key: value.in_language(lang) if isinstance(value, Name) else value
            for key, value in self.params.items()
        }
        return gettext(self.message).format(**params)

    def render_alone(self, gettext: Callable[[str], str], lang: str = "en") -> str:
        """`render` for a reason shown on its own (a reply, a line of its own): the first
        letter a capital where the wording opens a sentence in lower case («невідома громада
        …» as «Невідома громада …»); a wording that opens with a name ("{field}: …") or a
        field's key ("donor_city …") is kept as it is."""
        text = self.render(gettext, lang)
        first_word = text.split(maxsplit=1)[0] if text.strip() else ""
        # A field's key ("donor_city …") is written as the file writes it.
        if gettext(self.message)[:1].islower() and "_" not in first_word:
            return text[:1].upper() + text[1:]
        return text


def number(value: int) -> Name:
    """A count as a message parameter, written as each language writes numbers ("2,000",
    «2 000»)."""
    return Name(format_decimal(value, locale="en"), format_decimal(value, locale="uk"))


# The refusal of a text longer than its field's bound; `field` names the column or field.
TOO_LONG = N_("{field} is too long: at most {limit} characters, and this one has {length}")


def too_long(field: str, limit: int, length: int, row: int | None = None) -> Problem:
    """The refusal of a `length`-character text in `field`, which holds at most `limit`."""
    return Problem(
        TOO_LONG, {"field": field, "limit": number(limit), "length": number(length)}, row
    )


# A problem's parameters that quote the row's own cell (the name or value written, what it could
# mean): rows that differ only in them are refused for the same reason.
_ROW_OWN_PARAMS = frozenset(
    {
        "name",
        "value",
        "example",
        "candidates",
        "record",
        "keys",
        "city",
        "code",
        "oblast",
        "raion",
        "count",
    }
)


def grouped(problems: Sequence[Problem]) -> list[list[Problem]]:
    """Problems of the same reason together, the largest group first, rows in order.

    A 1,000-row preview reads as "17 rows: … is a raion" rather than 17 lines. The reason is the
    message with the parameters that are not the row's own value: an empty partner_country and
    an empty hromada are two reasons, and so are repeats of two different earlier rows.
    """
    groups: dict[tuple[str, tuple[tuple[str, str], ...]], list[Problem]] = {}
    for problem in problems:
        reason = tuple(
            sorted(
                (name, str(value))
                for name, value in problem.params.items()
                if name not in _ROW_OWN_PARAMS
            )
        )
        groups.setdefault((problem.message, reason), []).append(problem)
    return sorted(groups.values(), key=lambda group: -len(group))


def other_rows(group: Sequence[Problem], lang: str = "en") -> list[str]:
    """The rows of a group (`grouped`) after its first, as listed after "and N more rows like
    it": each row's number, with the name it gives and what to write instead where that is
    not the first row's ("168 (Zakarpattia Oblast → Ужгород)" after Rivne Oblast's row), so
    every refused raion or oblast names its own centre. `lang` is "uk" or "en"."""
    first = group[0].params.get("example") if group else None
    shown = []
    for problem in group[1:]:
        if problem.row is None:
            continue
        example = problem.params.get("example")
        if example is None or example == first:
            shown.append(str(problem.row))
            continue
        instead = example.in_language(lang) if isinstance(example, Name) else str(example)
        shown.append(f"{problem.row} ({problem.params.get('name', '')} → {instead})")
    return shown


class ImportRejectedError(Exception):
    """The file cannot be imported at all; nothing was written."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        super().__init__("; ".join(problem.render(str) for problem in problems))
        self.problems = list(problems)


def rejected(message: str, **params: str | int) -> ImportRejectedError:
    """A file-level refusal with one reason."""
    return ImportRejectedError([Problem(message, dict(params))])
