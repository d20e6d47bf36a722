"""The agreements and aid spreadsheets: their headers and how one row is read.

A row either becomes a typed record with its hromada and country resolved, or a Problem
naming the row and the reason; a row never half-succeeds.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from types import MappingProxyType

from babel.numbers import list_currencies

from knowledge.facts.dates import InvalidPartialDateError, PartialDate, read_written_date
from knowledge.facts.documents import NAME_LENGTH, TEXT_LENGTH, TITLE_LENGTH, URL_LENGTH
from knowledge.facts.messages import N_, Problem
from knowledge.facts.plausibility import (
    aid_problem,
    dated_problem,
    entry_day,
    source_date_problem,
    term_problem,
)
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus, AidCategory, DonorKind
from knowledge.places.countries import CountryMatch, read_country
from knowledge.places.hromadas import Ambiguous, Hints, HromadaIndex, Resolved
from knowledge.places.reference import Settlement
from knowledge.render.words import read_aid_category, read_kind, read_status
from knowledge.text.numbers import read_count


class SheetKind(StrEnum):
    """Which spreadsheet a CSV file is."""

    AGREEMENTS = "agreements"
    AID = "aid"


# The documented headers, in the order an export writes them. `key` and `oblast` are
# optional on import; a column may be left out when it is optional.
AGREEMENT_COLUMNS = (
    "key",
    "hromada",
    "oblast",
    "partner_city",
    "partner_country",
    "kind",
    "status",
    "signed_on",
    "expires_on",
    "source_title",
    "source_url",
    "source_date",
    "notes",
    "partner_name_uk",
    "partner_latitude",
    "partner_longitude",
    "hromada_latitude",
    "hromada_longitude",
)
AGREEMENT_REQUIRED = ("hromada", "partner_city", "partner_country", "kind", "status")
AID_COLUMNS = (
    "key",
    "hromada",
    "oblast",
    "received_on",
    "donor_kind",
    "donor_country",
    "donor_city",
    "donor_organisation",
    "description",
    "amount",
    "currency",
    "source_title",
    "source_url",
    "source_date",
    "notes",
    "category",
    "quantity",
    "hromada_latitude",
    "hromada_longitude",
)
AID_REQUIRED = ("hromada", "received_on", "donor_country")
COLUMNS = {SheetKind.AGREEMENTS: AGREEMENT_COLUMNS, SheetKind.AID: AID_COLUMNS}
# The record field each column holds as it is (a date ISO text, an enum its value, a text in
# one language), for export and import alike; a row's cells are read into the attribute of
# `AgreementCells` / `AidCells` the column names. The record's other fields are described by
# the columns of its place, donors, goods and source, or are not in the sheet:
# `AGREEMENT_FIELDS_ELSEWHERE`, `AID_FIELDS_ELSEWHERE`.
AGREEMENT_FIELD_COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        "key": "key",
        "hromada": "hromada",
        "kind": "kind",
        "status": "status",
        "signed_on": "signed_on",
        "valid_until": "expires_on",
        "notes": "notes",
    }
)
AGREEMENT_FIELDS_ELSEWHERE = frozenset(
    {"place", "title", "sources", "planned_on", "term_years", "extensions", "areas"}
)
AID_FIELD_COLUMNS: Mapping[str, str] = MappingProxyType(
    {
        "key": "key",
        "hromada": "hromada",
        "received_on": "received_on",
        "amount": "amount",
        "currency": "currency",
        "description": "description",
        "notes": "notes",
    }
)
AID_FIELDS_ELSEWHERE = frozenset({"donors", "items", "sources"})
# The source's fields by the columns that hold them.
SOURCE_FIELD_COLUMNS: Mapping[str, str] = MappingProxyType(
    {"title": "source_title", "url": "source_url", "issued_on": "source_date"}
)
# The longest text each column may hold, in characters: the bound of the record field it
# fills. Columns not named hold names, codes, dates or numbers: half a name's bound, so that
# a name written in Cyrillic still fits once transliterated into English.
COLUMN_LIMITS = {
    "source_title": TITLE_LENGTH,
    "source_url": URL_LENGTH,
    "notes": TEXT_LENGTH,
    "description": TITLE_LENGTH,
}


# Columns holding several values apart by "|": an aid's donor countries, one name each.
LIST_COLUMNS = frozenset({"donor_country"})
LIST_SEPARATOR = "|"


def column_limit(column: str) -> int:
    """The most characters a cell of `column` may hold; of each value, in a list column."""
    return COLUMN_LIMITS.get(column, NAME_LENGTH // 2)


def cell_length(column: str, cell: str) -> int:
    """The length of `cell` that `column_limit` bounds, in characters: its longest value's in
    a list column (twelve donor countries' names are twelve names, not one long one)."""
    if column in LIST_COLUMNS:
        return max(len(value.strip()) for value in cell.split(LIST_SEPARATOR))
    return len(cell.strip())


REQUIRED = {SheetKind.AGREEMENTS: AGREEMENT_REQUIRED, SheetKind.AID: AID_REQUIRED}

# A cell whose visible text starts with one of these is run as a formula by Excel,
# LibreOffice and Sheets; so is one starting with a tab or a carriage return (OWASP).
_FORMULA_SIGNS = ("=", "+", "-", "@", "\N{MINUS SIGN}")
_FORMULA_START = ("\t", "\r")


def visible_text(text: str) -> str:
    """The text as a spreadsheet may read it: compatibility forms folded (NFKC: «＝» is "=",
    «＋» "+", «﹣» "-", «＠» "@") and the spaces, line breaks and invisible characters around
    it (a zero-width space, a byte-order mark, a direction mark) left out."""
    folded = unicodedata.normalize("NFKC", text)
    start, end = 0, len(folded)
    while start < end and _blank(folded[start]):
        start += 1
    while end > start and _blank(folded[end - 1]):
        end -= 1
    return folded[start:end]


def _blank(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Cf"


def runs_as_formula(text: str) -> bool:
    """Whether a spreadsheet may run a cell of this text as a formula: it starts with a tab or
    a carriage return, or its visible text (`visible_text`) starts with =, +, -, a minus sign
    «−» or @ and is more than a lone dash (which stands for "not known")."""
    if text.startswith(_FORMULA_START):
        return True
    shown = visible_text(text)
    return shown.startswith(_FORMULA_SIGNS) and shown != "-"


_CURRENCY = re.compile(r"^[A-Z]{3}$")
# ISO 4217 codes as CLDR knows them, less "no currency" and the code reserved for tests.
_CURRENCIES = frozenset(list_currencies()) - {"XXX", "XTS"}
# More than any hromada's aid, and within what two decimal places can be stored exactly:
# 1e30 in a cell is a slip, not a sum.
_LARGEST_AMOUNT = Decimal(10) ** 15
_PLAIN_NUMBER = re.compile(r"^[\d.,]+$")
_CURRENCY_SIGNS = {"€": "EUR", "$": "USD", "£": "GBP", "₴": "UAH", "грн": "UAH", "zł": "PLN"}


@dataclass(frozen=True)
class SourceCells:
    """What a row says about its source."""

    title: str
    url: str | None
    date: PartialDate | None


@dataclass(frozen=True)
class AgreementCells:
    """One valid row of the agreements spreadsheet."""

    row: int
    key: str | None
    hromada: str
    partner_city: str
    partner_country: str
    kind: AgreementKind
    status: AgreementStatus
    signed_on: PartialDate | None
    expires_on: PartialDate | None
    source: SourceCells
    notes: str | None
    # The village or district the row names, when it is not the hromada's centre.
    settlement: Settlement | None = None
    # A constituent country's region ("England, United Kingdom"): English, Ukrainian.
    partner_region: tuple[str, str | None] | None = None
    # What the editor says of the partner beyond its name: its Ukrainian name, and where it
    # is (latitude, longitude in degrees); both override what GeoNames gives.
    partner_name_uk: str | None = None
    partner_location: tuple[float, float] | None = None
    # The name several hromadas share when nothing in the row tells them apart, with its
    # candidates and the row's number (then `hromada` is empty): the importer settles it by
    # the partner one of them already has, else refuses the row with it.
    undecided: Ambiguous | None = None


@dataclass(frozen=True)
class AidCells:
    """One valid row of the aid spreadsheet."""

    row: int
    key: str | None
    hromada: str
    received_on: PartialDate | None
    donor_kind: DonorKind
    donor_countries: tuple[str, ...]
    donor_city: str | None
    donor_organisation: str | None
    description: str | None
    amount: Decimal | None
    currency: str | None
    source: SourceCells
    notes: str | None
    # What arrived, counted: the kind of goods (from the category or the description cell,
    # else "other") when the row gives a quantity or a category.
    category: AidCategory | None = None
    quantity: int | None = None


class _RowError(Exception):
    def __init__(self, message: str, **params: str | int) -> None:
        super().__init__(message)
        self.problem = Problem(message, dict(params))


# A dash is how editors write "not known" in the dialogs and in hand-kept sheets.
_UNKNOWN_DATE = frozenset({"-", "–", "—"})


def parse_date(text: str, column: str) -> PartialDate | None:
    """A date as `read_written_date` reads it: YYYY, YYYY-MM, YYYY-MM-DD, the DD.MM.YYYY and
    MM.YYYY that Ukrainian Excel writes, or with the month's name («12 березня 2024»). An
    empty cell or a lone dash (as the dialogs take it) is a date the source does not give."""
    text = text.strip()
    if not text or text in _UNKNOWN_DATE:
        return None
    try:
        return read_written_date(text)
    except InvalidPartialDateError:
        raise _RowError(
            N_(
                "{column}: {value} is not a date (write 12.03.2024, 12 March 2024, 03.2024,"
                " March 2024, 2024 or 2024-03-12)"
            ),
            column=column,
            value=text,
        ) from None


def _refuse(problem: Problem | None) -> None:
    """Refuse the row for `problem`, if there is one."""
    if problem is not None:
        raise _RowError(problem.message, **problem.params)


def _received_on(cells: dict[str, str]) -> PartialDate | None:
    received = parse_date(cells.get("received_on", ""), "received_on")
    _refuse(dated_problem("received_on", received, entry_day()))
    return received


def _key(cells: dict[str, str]) -> str | None:
    # A key is written in small letters; one typed in capitals or full-width letters, or with
    # spaces around it, is the same key, so it names the same record.
    key = visible_text(cells.get("key", "")).lower()
    if not key:
        return None
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*[a-z0-9]", key) or len(key) > 100:
        raise _RowError(N_("key: {value} is not a key (a-z, 0-9 and hyphens)"), value=key)
    return key


def _hromada(
    cells: dict[str, str], hromadas: HromadaIndex, undecided: bool = False
) -> Resolved | Ambiguous:
    """The row's hromada, read with its oblast and coordinates columns; with `undecided`, a
    name several hromadas share is returned as such for the caller to settle."""
    near = _point(cells, "hromada_latitude", "hromada_longitude")
    found = hromadas.resolve(cells["hromada"], cells.get("oblast", ""), Hints(near=near))
    if isinstance(found, Resolved) or (undecided and isinstance(found, Ambiguous)):
        return found
    raise _RowError(found.message, **found.params)


def _decided(found: Resolved | Ambiguous) -> Resolved:
    if isinstance(found, Ambiguous):
        raise _RowError(found.message, **found.params)
    return found


def _country(text: str, column: str) -> CountryMatch:
    found = read_country(text)
    if found is None:
        raise _RowError(N_("{column}: unknown country {value}"), column=column, value=text)
    return found


def _source(cells: dict[str, str]) -> SourceCells:
    title = cells.get("source_title", "").strip()
    url = cells.get("source_url", "").strip() or None
    if url is not None and not re.match(r"^https?://\S+$", url):
        raise _RowError(N_("source_url: {value} is not a web address"), value=url)
    if not title and url is None:
        raise _RowError(N_("no source: every fact needs a source_title or a source_url"))
    date = parse_date(cells.get("source_date", ""), "source_date")
    _refuse(source_date_problem("source_date", date, entry_day()))
    return SourceCells(title=title or url or "", url=url, date=date)


def _required(cells: dict[str, str], columns: tuple[str, ...]) -> None:
    for column in columns:
        # A cell of nothing but invisible characters (a zero-width space) is empty too.
        if not visible_text(cells.get(column, "")):
            raise _RowError(N_("{column} is empty"), column=column)


def _optional(cells: dict[str, str], column: str) -> str | None:
    return cells.get(column, "").strip() or None


def _degrees(text: str | None) -> float:
    return float((text or "").removeprefix("'").replace(",", "."))


def _location(cells: dict[str, str]) -> tuple[float, float] | None:
    """The partner's latitude and longitude columns: both or neither, in degrees."""
    return _point(cells, "partner_latitude", "partner_longitude")


def _point(
    cells: dict[str, str], latitude_column: str, longitude_column: str
) -> tuple[float, float] | None:
    """A latitude and a longitude column: both or neither, in degrees."""
    latitude = _optional(cells, latitude_column)
    longitude = _optional(cells, longitude_column)
    if latitude is None and longitude is None:
        return None
    try:
        # An export writes a negative number as "'-106.6" so a spreadsheet keeps it text.
        point = (_degrees(latitude), _degrees(longitude))
    except ValueError:
        point = (math.nan, math.nan)
    if not (-90 <= point[0] <= 90 and -180 <= point[1] <= 180):
        raise _RowError(
            N_("{latitude} and {longitude}: {value} is not a place on Earth"),
            latitude=latitude_column,
            longitude=longitude_column,
            value=f"{latitude or ''} {longitude or ''}".strip(),
        )
    return point


def read_agreement_row(
    row: int, cells: dict[str, str], hromadas: HromadaIndex
) -> AgreementCells | Problem:
    """One agreements row as a record, or why it is refused."""
    try:
        _required(cells, AGREEMENT_REQUIRED)
        kind = read_kind(cells["kind"])
        if kind is None:
            raise _RowError(
                N_("kind: unknown kind {value} (write one of {accepted})"),
                value=cells["kind"],
                accepted=", ".join(AgreementKind),
            )
        status = read_status(cells["status"])
        if status is None:
            raise _RowError(
                N_("status: unknown status {value} (write one of {accepted})"),
                value=cells["status"],
                accepted=", ".join(AgreementStatus),
            )
        signed_on = parse_date(cells.get("signed_on", ""), "signed_on")
        expires_on = parse_date(cells.get("expires_on", ""), "expires_on")
        _refuse(term_problem(signed_on, expires_on, status, entry_day(), until_field="expires_on"))
        hromada = _hromada(cells, hromadas, undecided=True)
        country = _country(cells["partner_country"], "partner_country")
        resolved = hromada if isinstance(hromada, Resolved) else Resolved("")
        return AgreementCells(
            row=row,
            key=_key(cells),
            hromada=resolved.code,
            settlement=resolved.settlement,
            undecided=replace(hromada, row=row) if isinstance(hromada, Ambiguous) else None,
            partner_city=cells["partner_city"].strip(),
            partner_country=country.code,
            partner_region=(country.region_en, country.region_uk) if country.region_en else None,
            partner_name_uk=_optional(cells, "partner_name_uk"),
            partner_location=_location(cells),
            kind=kind,
            status=status,
            signed_on=signed_on,
            expires_on=expires_on,
            source=_source(cells),
            notes=_optional(cells, "notes"),
        )
    except _RowError as error:
        return Problem(error.problem.message, error.problem.params, row)


def _amount(cells: dict[str, str]) -> tuple[Decimal | None, str | None]:
    text = cells.get("amount", "").strip().replace("\N{NO-BREAK SPACE}", "").replace(" ", "")
    currency = cells.get("currency", "").strip()
    currency = _CURRENCY_SIGNS.get(currency.casefold(), _CURRENCY_SIGNS.get(currency, currency))
    currency = currency.upper()
    if not text and not currency:
        return None, None
    if not currency:
        if read_count(text) is not None and not _PLAIN_NUMBER.match(text):
            raise _RowError(
                N_(
                    "amount: {value} is a count of items, not money: put it in the quantity"
                    " column (amount is a sum with its currency)"
                ),
                value=text,
            )
        raise _RowError(
            N_("amount: {value} has no currency: write it in the currency column (UAH, EUR, €)"),
            value=text,
        )
    if not text:
        raise _RowError(N_("currency: {value} is given without an amount"), value=currency)
    if not _CURRENCY.match(currency) or currency not in _CURRENCIES:
        raise _RowError(N_("currency: {value} is not a currency code"), value=currency)
    # "1 234,50" from Ukrainian Excel and "1,234.50" from English Excel are both read.
    if "," in text and "." in text:
        text = text.replace(",", "")
    text = text.replace(",", ".")
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise _RowError(N_("amount: {value} is not a number"), value=text) from None
    if not amount.is_finite():
        raise _RowError(N_("amount: {value} is not a number"), value=text)
    if amount < 0:
        raise _RowError(N_("amount: {value} is below zero: write the sum received"), value=text)
    if amount >= _LARGEST_AMOUNT:
        raise _RowError(N_("amount: {value} is too large for a sum of aid"), value=text)
    if amount != amount.quantize(Decimal("0.01")):
        raise _RowError(
            N_("amount: {value} has more than two decimal places (write kopecks or cents)"),
            value=text,
        )
    return amount, currency


def _counted(cells: dict[str, str]) -> tuple[AidCategory | None, int | None]:
    """The row's kind of goods and how many, when it gives either."""
    quantity_text = _optional(cells, "quantity")
    category_text = _optional(cells, "category")
    quantity = None
    if quantity_text is not None:
        quantity = read_count(quantity_text)
        if quantity is None:
            raise _RowError(
                N_("quantity: {value} is not a count (write a number such as 3, or 3 pcs)"),
                value=quantity_text,
            )
    if category_text is not None:
        category = read_aid_category(category_text)
        if category is None:
            raise _RowError(N_("category: unknown kind of aid {value}"), value=category_text)
        return category, quantity
    if quantity is None:
        return None, None
    described = read_aid_category(_optional(cells, "description") or "")
    return described or AidCategory.OTHER, quantity


def read_aid_row(row: int, cells: dict[str, str], hromadas: HromadaIndex) -> AidCells | Problem:
    """One aid row as a record, or why it is refused."""
    try:
        _required(cells, ("hromada",))
        amount, currency = _amount(cells)
        category, quantity = _counted(cells)
        city = _optional(cells, "donor_city")
        organisation = _optional(cells, "donor_organisation")
        # One country written twice («PL|Poland») is one donor, in the order first written.
        countries = tuple(
            dict.fromkeys(
                _country(name, "donor_country").code
                for name in cells.get("donor_country", "").split(LIST_SEPARATOR)
                if name.strip()
            )
        )
        description = _optional(cells, "description")
        # What arrived may be kept from the stored record: `AidDoc` checks it once merged.
        _refuse(aid_problem(countries, described=True))
        kind_text = cells.get("donor_kind", "").strip()
        if kind_text and kind_text not in DonorKind.__members__.values():
            raise _RowError(N_("donor_kind: unknown kind {value}"), value=kind_text)
        kind = DonorKind(kind_text) if kind_text else None
        if city is not None:
            if len(countries) != 1:
                raise _RowError(N_("donor_city needs exactly one donor_country"))
            kind = kind or DonorKind.CITY
        elif organisation is not None:
            kind = kind or DonorKind.ORGANISATION
        kind = kind or DonorKind.COUNTRY
        if kind is DonorKind.CITY and city is None:
            raise _RowError(N_("{column} is empty"), column="donor_city")
        return AidCells(
            row=row,
            key=_key(cells),
            hromada=_decided(_hromada(cells, hromadas)).code,
            received_on=_received_on(cells),
            donor_kind=kind,
            donor_countries=countries,
            donor_city=city,
            donor_organisation=organisation,
            description=description,
            amount=amount,
            currency=currency,
            source=_source(cells),
            notes=_optional(cells, "notes"),
            category=category,
            quantity=quantity,
        )
    except _RowError as error:
        return Problem(error.problem.message, error.problem.params, row)
