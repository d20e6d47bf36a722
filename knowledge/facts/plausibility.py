"""Dates no record can have, as every entry refuses them: a sheet import, `kb load`, the admin
dialogs and the one-line form.

An agreement cannot be signed after today nor before partnerships of towns existed; a source
cannot be dated after today; a term cannot end before it began; an agreement said to be in force
cannot have a stated term that has already ended, one not yet signed (planned, in negotiation)
cannot have a signing date, one expired cannot have a stated term still running, and no term
runs more than FARTHEST_YEARS past today. Aid cannot come from Ukraine itself (a Ukrainian
hromada's partners and donors are abroad; help from home is not partnership aid), and an aid
record says what arrived: a description, an amount or the kinds of goods. Each refusal is a
`Problem` naming the field (`field`: the sheet's column or the record's field name) and what
to write instead.

The checks compare with today's date in Ukraine, so they run where a record is entered and never
when a stored one is read: a record that was right when written stays readable as time passes
(its reminder then asks for its new status).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from babel.dates import format_date

from knowledge.facts.dates import PartialDate, today_in_ukraine
from knowledge.facts.messages import N_, Name, Problem
from knowledge.facts.vocabulary import AgreementStatus

# The first twinning of towns was made in 1920 (Keighley and Poix-du-Nord), and aid, meetings and
# agreements of hromadas are all later still: a year before 1900 is a slip of the keyboard (1000
# for 2000), never a fact, while 1900 leaves room for any real partnership of the last century.
EARLIEST_YEAR = 1900
# A term stated to run more than a century (this many years) past today is a slip (9999 for
# 2029): the longest terms of partnership agreements are 25 or 50 years, and open-ended ones
# state no end.
FARTHEST_YEARS = 100
# The key of a validation context (pydantic's `context=`) that asks a record's own checks to
# apply these rules as of the date it holds.
AS_OF = "as_of"

FUTURE = N_(
    "{field}: {value} is later than today ({today}): write a date that has already come,"
    " or leave it empty if the source gives none"
)
FUTURE_SIGNING = N_(
    "{field}: {value} is later than today ({today}): an agreement is signed on a day that has"
    " come; for one still to be signed write status planned and leave the signing date empty"
)
TOO_EARLY = N_(
    "{field}: {value} is before {year}, earlier than any partnership of towns: check the year"
    " (2000 rather than 1000?)"
)
ENDS_BEFORE_SIGNING = N_(
    "{field}: {value} is before the signing date {signed}: write the date the term ends,"
    " after the signing"
)
ENDED_IN_FORCE = N_(
    "status: active, but the stated term ended on {until}: write status expired, or give the"
    " date it was extended to"
)

UNSIGNED_WITH_SIGNING = N_(
    "status: {status}, but {field} gives {value}: an agreement with a signing date has been"
    " signed; write status active (or expired, terminated), or leave {field} empty until it"
    " is signed"
)
EXPIRED_IN_FORCE = N_(
    "status: expired, but the stated term runs until {until}: write status active, or"
    " terminated if it ended early, or correct the end date"
)
TOO_FAR = N_(
    "{field}: {value} is after {latest}, more than a century from today: check the year (2029"
    " rather than 9999?), or leave it empty for a term with no end"
)
DOMESTIC_DONOR = N_(
    "{field}: Ukraine is not a donor country: aid recorded here comes from abroad; name the"
    " foreign country, or leave it out for a Ukrainian donor"
)
NOTHING_ARRIVED = N_(
    "The aid record says nothing of what arrived: write a description, an amount with its"
    " currency, or the kind of goods (category)"
)
# The statuses of an agreement not yet signed, as each language names them in a message.
_UNSIGNED = {
    AgreementStatus.PLANNED: Name("planned", "заплановано (planned)"),
    AgreementStatus.IN_NEGOTIATION: Name("in_negotiation", "у переговорах (in_negotiation)"),
}
UKRAINE = "UA"


# The day entries are checked as of, where a caller runs on a clock of its own (see `entered_on`).
_ENTRY_DAY: ContextVar[dt.date | None] = ContextVar("entry_day", default=None)


def entry_day() -> dt.date:
    """The day entries are checked as of: the day `entered_on` set for the running task, or
    today in Ukraine."""
    return _ENTRY_DAY.get() or today_in_ukraine()


@contextmanager
def entered_on(day: dt.date) -> Iterator[None]:
    """Check every entry made inside the block as of `day` instead of the wall clock's today.

    For a caller whose clock is not the wall clock: a bot whose `today` is set to another day
    must judge "later than today" and "already ended" by that day, as its reminders do.
    The setting is per asyncio task (a `ContextVar`), so other chats are not affected.
    """
    token = _ENTRY_DAY.set(day)
    try:
        yield
    finally:
        _ENTRY_DAY.reset(token)


def entry_context(today: dt.date | None = None) -> dict[str, Any]:
    """The validation context that applies these rules as of `today` (today in Ukraine by
    default): `AgreementDoc.model_validate(data, context=entry_context())`."""
    return {AS_OF: today or entry_day()}


def as_of(context: Any) -> dt.date | None:
    """The date a validation context asks the rules to apply as of, or None (a stored record
    being read, which is not checked again)."""
    if isinstance(context, dict):
        value = context.get(AS_OF)
        if isinstance(value, dt.date):
            return value
    return None


def _day(value: dt.date) -> Name:
    return Name(format_date(value, "long", locale="en"), format_date(value, "long", locale="uk"))


def dated_problem(
    field: str, value: PartialDate | None, today: dt.date, *, signing: bool = False
) -> Problem | None:
    """Why `value` cannot be the date in `field`: after `today` (`signing` words it for a
    signing date), or before EARLIEST_YEAR; None when it can be (or is not given)."""
    if value is None:
        return None
    if value.earliest() > today:
        message = FUTURE_SIGNING if signing else FUTURE
        return Problem(message, {"field": field, "value": value.isoformat(), "today": _day(today)})
    if value.year < EARLIEST_YEAR:
        params: dict[str, str | int] = {"field": field, "value": value.isoformat()}
        return Problem(TOO_EARLY, params | {"year": EARLIEST_YEAR})
    return None


def source_date_problem(field: str, value: PartialDate | None, today: dt.date) -> Problem | None:
    """Why `value` cannot be a source's date: a document is not dated after today. (An old
    source may well be older than any partnership, so there is no earliest year.)"""
    if value is None or value.earliest() <= today:
        return None
    return Problem(FUTURE, {"field": field, "value": value.isoformat(), "today": _day(today)})


def term_problem(
    signed: PartialDate | None,
    until: PartialDate | None,
    status: AgreementStatus,
    today: dt.date,
    *,
    signed_field: str = "signed_on",
    until_field: str = "valid_until",
    extended_until: Sequence[PartialDate] = (),
    end_stated: bool = True,
) -> Problem | None:
    """Why an agreement's dates cannot stand: its signing date (`dated_problem`), a term ending
    before the signing, a signing date for status planned or in_negotiation, an end more than
    FARTHEST_YEARS years after `today`, status active with its stated end (the latest of
    `until` and `extended_until`) before `today`, or status expired with it after `today`
    (these two unless `end_stated` is false: an end worked out from a term is an estimate).
    The field names are those the reader wrote."""
    found = dated_problem(signed_field, signed, today, signing=True)
    if found is not None:
        return found
    if signed is not None and until is not None and until < signed:
        return Problem(
            ENDS_BEFORE_SIGNING,
            {"field": until_field, "value": until.isoformat(), "signed": signed.isoformat()},
        )
    if signed is not None and status in _UNSIGNED:
        return Problem(
            UNSIGNED_WITH_SIGNING,
            {"status": _UNSIGNED[status], "field": signed_field, "value": signed.isoformat()},
        )
    for date in (until, *extended_until):
        if date is not None and date.year > today.year + FARTHEST_YEARS:
            return Problem(
                TOO_FAR,
                {
                    "field": until_field,
                    "value": date.isoformat(),
                    "latest": str(today.year + FARTHEST_YEARS),
                },
            )
    stated_end = max((date for date in (until, *extended_until) if date), default=None)
    ended = end_stated and term_ended(until, extended_until, today)
    if status is AgreementStatus.ACTIVE and ended and stated_end is not None:
        return Problem(ENDED_IN_FORCE, {"until": stated_end.isoformat()})
    running = end_stated and stated_end is not None and stated_end.earliest() > today
    if status is AgreementStatus.EXPIRED and running and stated_end is not None:
        return Problem(EXPIRED_IN_FORCE, {"until": stated_end.isoformat()})
    return None


def term_ended(
    until: PartialDate | None, extended_until: Sequence[PartialDate], today: dt.date
) -> bool:
    """Whether an agreement's stated end (the latest of `until` and `extended_until`) is over
    by `today`: every day it may stand for (a bare "2024" runs to 31 December) is past.
    False when no end is stated."""
    stated_end = max((date for date in (until, *extended_until) if date), default=None)
    return stated_end is not None and stated_end.latest() < today


def aid_problem(
    donor_countries: Sequence[str],
    *,
    described: bool,
    field: str = "donor_country",
) -> Problem | None:
    """Why an aid record cannot stand: Ukraine (`UKRAINE`) among its donor countries (ISO
    codes), or nothing said of what arrived (`described` is false when it has no description,
    amount nor kind of goods). `field` is the name the reader wrote the countries under."""
    if UKRAINE in donor_countries:
        return Problem(DOMESTIC_DONOR, {"field": field})
    if not described:
        return Problem(NOTHING_ARRIVED)
    return None
