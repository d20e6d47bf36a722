"""How long an agreement runs, computed honestly from what the sources state."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from knowledge.facts.dates import PartialDate


class _Extension(Protocol):
    @property
    def extended_on(self) -> PartialDate: ...

    @property
    def term_years(self) -> int | None: ...

    @property
    def valid_until(self) -> PartialDate | None: ...


class Term(Protocol):
    """What the end of an agreement is worked out from: a stored row, a document or the
    engine's record alike, so the end is worked out here alone."""

    @property
    def signed_on(self) -> PartialDate | None: ...

    @property
    def term_years(self) -> int | None: ...

    @property
    def valid_until(self) -> PartialDate | None: ...

    @property
    def extensions(self) -> Sequence[_Extension]: ...


@dataclass(frozen=True)
class Expiry:
    """When an agreement ends, and whether that date is stated or worked out from a term."""

    until: PartialDate
    estimated: bool


def expiry(agreement: Term) -> Expiry | None:
    """The end of the agreement: stated, or the last extension (or signing) plus its term."""
    if agreement.valid_until is not None:
        return Expiry(agreement.valid_until, estimated=False)
    for extension in reversed(agreement.extensions):
        if extension.valid_until is not None:
            return Expiry(extension.valid_until, estimated=False)
        if extension.term_years is not None:
            return Expiry(extension.extended_on.plus_years(extension.term_years), estimated=True)
    if agreement.signed_on is not None and agreement.term_years is not None:
        return Expiry(agreement.signed_on.plus_years(agreement.term_years), estimated=True)
    return None
