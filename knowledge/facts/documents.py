"""The knowledge base as a document: the curated files, exports and imports share this shape."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from decimal import Decimal
from typing import Annotated, Any, Self

from babel import Locale
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationError,
    ValidationInfo,
    model_validator,
)
from pydantic_core import PydanticCustomError

from knowledge.facts.dates import PartialDate
from knowledge.facts.messages import N_, Problem, too_long
from knowledge.facts.plausibility import (
    aid_problem,
    as_of,
    dated_problem,
    source_date_problem,
    term_problem,
)
from knowledge.facts.vocabulary import (
    ActivityKind,
    AgreementKind,
    AgreementStatus,
    AidCategory,
    CooperationArea,
    DonorKind,
    Entity,
    HromadaKind,
    SourceKind,
)

_KEY = re.compile(r"^[a-z0-9][a-z0-9-]*[a-z0-9]$")
_KATOTTH = re.compile(r"^UA\d{17}$")
_CURRENCY = re.compile(r"^[A-Z]{3}$")


def _read_partial_date(value: Any) -> Any:
    # YAML turns an unquoted 2024-01-12 into a date and 2023 into an int.
    if isinstance(value, dt.datetime):
        raise ValueError("expected a date, not a date and time")
    if isinstance(value, dt.date):
        return PartialDate.of_day(value)
    if isinstance(value, str | int):
        return PartialDate.parse(value)
    return value


# CLDR's territories that are no country: the European Union, the eurozone, Outlying Oceania,
# the United Nations, two pseudo-locales' and the unknown region. No partner is in one.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})


def _known_country(code: str) -> str:
    """A country's ISO 3166 two-letter code, or one CLDR gives a country ISO leaves to its
    users (XK, Kosovo); ValueError for anything else."""
    territories = Locale("en").territories
    if code not in territories or not code.isalpha() or code in _NOT_COUNTRIES:
        raise ValueError(f"not an ISO 3166 country code: {code!r}")
    return code


IsoPartialDate = Annotated[
    PartialDate,
    BeforeValidator(_read_partial_date),
    PlainSerializer(lambda value: value.isoformat(), return_type=str),
]
# How long stored text may be, in characters. Every message that shows a record must fit
# Telegram's 4,096 characters with its other fields, so each bound leaves room for the rest;
# names also fit the database's String(200) columns. Entry refuses longer text in words.
NAME_LENGTH = 200
TITLE_LENGTH = 500
TEXT_LENGTH = 2000
URL_LENGTH = 2048
DOCUMENT_NUMBER_LENGTH = 100


def _at_most(limit: int) -> AfterValidator:
    """A bound on each language's text of a `Bilingual` or `Notes`, reported as pydantic's
    own "string_too_long" so that every entry words it the same way."""

    def check(value: Any) -> Any:
        for text in (getattr(value, "uk", None), getattr(value, "en", None)):
            if text is not None and len(text) > limit:
                raise PydanticCustomError(
                    "string_too_long",
                    "String should have at most {max_length} characters",
                    {"max_length": limit, "length": len(text)},
                )
        return value

    return AfterValidator(check)


def length_problems(error: ValidationError, row: int | None = None) -> list[Problem]:
    """Each text in `error` longer than its field's bound, as a refusal naming the field by
    its path ("notes.uk", "agreements.3.title"); empty when no text is too long."""
    problems = []
    for issue in error.errors(include_url=False):
        if issue["type"] != "string_too_long":
            continue
        context = issue.get("ctx") or {}
        limit = int(context["max_length"])
        value = issue.get("input")
        length = int(context.get("length", len(value) if isinstance(value, str) else limit + 1))
        field = ".".join(str(part) for part in issue["loc"]) or "text"
        problems.append(too_long(field, limit, length, row))
    return problems


# The pydantic error type of a rule an entry applies (knowledge.facts.plausibility); its context
# holds the Problem, worded for the reader.
ENTRY_RULE = "entry_rule"


def _refused(problem: Problem) -> PydanticCustomError:
    return PydanticCustomError(ENTRY_RULE, problem.render(str), {"problem": problem})


def entry_problem(error: ValidationError) -> Problem | None:
    """The first rule of entry (`knowledge.facts.plausibility`) that `error` reports, as the
    Problem it words; None when it reports none."""
    for issue in error.errors(include_url=False):
        problem = (issue.get("ctx") or {}).get("problem")
        if issue["type"] == ENTRY_RULE and isinstance(problem, Problem):
            return problem
    return None


# Zero-width non-joiner and joiner: Persian, Urdu and the Indic scripts need them to spell a
# word, and emoji sequences to draw one sign; kept between two characters of such a script.
_JOINERS = frozenset({"\u200c", "\u200d"})
# Scripts that never need a joiner: one between their letters only hides a character.
_JOINERLESS_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "DIGIT")


def _needs_joiner(neighbour: str) -> bool:
    if not neighbour or neighbour.isspace() or neighbour.isascii():
        return False
    return not unicodedata.name(neighbour, "").startswith(_JOINERLESS_SCRIPTS)


def without_format_characters(text: Any) -> Any:
    """`text` without the invisible format characters (Unicode category Cf: zero-width space,
    word joiner, byte order mark, soft hyphen, the direction marks and overrides that reverse
    what follows them), keeping a joiner only between two characters of a script that needs
    one; anything but a str is returned as given, for the field's own check."""
    if not isinstance(text, str):
        return text
    kept = []
    for index, char in enumerate(text):
        if unicodedata.category(char) != "Cf":
            kept.append(char)
        elif char in _JOINERS:
            before = kept[-1] if kept else ""
            after = text[index + 1] if index + 1 < len(text) else ""
            if _needs_joiner(before) and _needs_joiner(after):
                kept.append(char)
    return "".join(kept)


# Every stored text passes here, whichever entry it came by: a hidden character would make
# two equal names differ, and a direction override would reverse the answer that shows it.
_Visible = BeforeValidator(without_format_characters)

Key = Annotated[str, Field(pattern=_KEY.pattern, max_length=100)]
HromadaCode = Annotated[str, Field(pattern=_KATOTTH.pattern)]
CountryCode = Annotated[str, Field(min_length=2, max_length=2), AfterValidator(_known_country)]
NonEmptyText = Annotated[str, Field(min_length=1, max_length=TEXT_LENGTH), _Visible]
NameText = Annotated[str, Field(min_length=1, max_length=NAME_LENGTH), _Visible]
OptionalName = Annotated[str, Field(max_length=NAME_LENGTH), _Visible]
LongText = Annotated[str, Field(max_length=TEXT_LENGTH), _Visible]
UrlText = Annotated[str, Field(max_length=URL_LENGTH), _Visible]


class Document(BaseModel):
    """A strict record: unknown fields are mistakes, not extensions."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Bilingual(Document):
    """The same text in Ukrainian and in English."""

    uk: NonEmptyText
    en: NonEmptyText


class Notes(Document):
    """Notes for residents in the languages they were written in: one or both. A note written
    in one language is shown only to residents reading that language, never copied."""

    uk: NonEmptyText | None = None
    en: NonEmptyText | None = None

    @model_validator(mode="after")
    def _some_text(self) -> Self:
        if self.uk is None and self.en is None:
            raise ValueError("notes need a text in at least one language")
        return self

    @classmethod
    def written(cls, text: str) -> Self:
        """A note in the language its text is written in: Ukrainian when Cyrillic letters
        dominate, else English."""
        cyrillic = sum(1 for char in text if "\u0400" <= char <= "\u04ff")
        latin = sum(1 for char in text if char.isascii() and char.isalpha())
        if cyrillic and cyrillic >= latin:
            return cls(uk=text)
        return cls(en=text)


Title = Annotated[Bilingual, _at_most(TITLE_LENGTH)]
BilingualName = Annotated[Bilingual, _at_most(NAME_LENGTH)]


# The issuer of a source whose issuer nobody stated (a link or a sheet's title alone); answers
# leave it out rather than show a placeholder.
UNSTATED_ISSUER = Bilingual(uk="не вказано", en="not stated")


class CitationDoc(Document):
    """A fact's link to a source, with the passage that supports it."""

    source: Key
    quote: LongText | None = None


def _each_source_once(citations: list[CitationDoc]) -> list[CitationDoc]:
    keys = [citation.source for citation in citations]
    if len(set(keys)) != len(keys):
        raise ValueError("a source is cited twice")
    return citations


# The min_length is the rule that no fact is stored without a source.
Citations = Annotated[list[CitationDoc], Field(min_length=1), AfterValidator(_each_source_once)]


class SourceDoc(Document):
    """A document the facts come from."""

    key: Key
    kind: SourceKind
    title: Title
    issuer: Title
    document_number: Annotated[str, Field(max_length=DOCUMENT_NUMBER_LENGTH), _Visible] | None = (
        None
    )
    issued_on: IsoPartialDate | None = None
    url: UrlText | None = None
    language: Annotated[str, Field(max_length=8)] = "uk"
    notes: LongText | None = None

    @model_validator(mode="after")
    def _dated_in_the_past(self, info: ValidationInfo) -> Self:
        today = as_of(info.context)
        if today is not None:
            problem = source_date_problem("issued_on", self.issued_on, today)
            if problem is not None:
                raise _refused(problem)
        return self


class HromadaDoc(Document):
    """A Ukrainian hromada, keyed by its KATOTTH code."""

    code: HromadaCode
    name_uk: NameText
    name_en: NameText
    kind: HromadaKind | None = None
    oblast_code: HromadaCode | None = None
    oblast_uk: OptionalName | None = None
    oblast_en: OptionalName | None = None
    raion_code: HromadaCode | None = None
    raion_uk: OptionalName | None = None
    raion_en: OptionalName | None = None
    center_uk: OptionalName | None = None
    center_en: OptionalName | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    population: int | None = Field(default=None, ge=0)
    aliases: list[NameText] = []


# Characters of markup and templates, never of a place's name: a name holding them would
# reach every answer that lists the place.
_MARKUP = frozenset("<>{}[]\\`|")
NOT_A_PLACE_NAME = N_(
    "{name} is not a place's name: a name has letters and no markup characters such as < or >"
)

PLACE_NAME_ON_LINES = N_(
    "{name} is not a place's name: a name is written on one line, with no line break or tab"
)


def place_name_problem(name: str) -> Problem | None:
    """Why `name` cannot name a place, or None: it has no letter ("12345"), holds a markup
    character (< > { } [ ] \\ ` |), or a line break or tab inside it. Every entry of a place
    meets it through `PlaceDoc`."""
    if not any(char.isalpha() for char in name) or any(char in _MARKUP for char in name):
        return Problem(NOT_A_PLACE_NAME, {"name": name.strip()})
    if any(unicodedata.category(char) == "Cc" for char in name.strip()):
        # A line break or a tab inside a name makes another place of the same town
        # ("Koš\nice" beside Košice) and breaks every line that shows it.
        return Problem(PLACE_NAME_ON_LINES, {"name": " ".join(name.split())})
    return None


class PlaceDoc(Document):
    """A partner municipality, foreign or Ukrainian."""

    key: Key
    name: BilingualName
    name_local: NameText
    country: CountryCode
    region: BilingualName | None = None
    latitude: float | None = Field(default=None, ge=-90, le=90)
    longitude: float | None = Field(default=None, ge=-180, le=180)
    geonames_id: int | None = None
    aliases: list[NameText] = []
    notes: Notes | None = None

    @model_validator(mode="after")
    def _named_by_letters(self) -> Self:
        for name in (self.name.uk, self.name.en, self.name_local):
            problem = place_name_problem(name)
            if problem is not None:
                raise _refused(problem)
        return self


class ExtensionDoc(Document):
    """One extension of an agreement's term."""

    extended_on: IsoPartialDate
    term_years: int | None = Field(default=None, gt=0, le=100)
    valid_until: IsoPartialDate | None = None
    source: Key
    notes: Notes | None = None


class AgreementDoc(Document):
    """An agreement between a hromada and a place."""

    key: Key
    hromada: HromadaCode
    place: Key
    kind: AgreementKind
    status: AgreementStatus
    title: Title | None = None
    signed_on: IsoPartialDate | None = None
    planned_on: IsoPartialDate | None = None
    valid_until: IsoPartialDate | None = None
    term_years: int | None = Field(default=None, gt=0, le=100)
    extensions: list[ExtensionDoc] = []
    areas: list[CooperationArea] = []
    notes: Notes | None = None
    sources: Citations

    @model_validator(mode="after")
    def _dates_in_order(self, info: ValidationInfo) -> Self:
        today = as_of(info.context)
        if today is not None:
            problem = self._date_problem(today)
            if problem is not None:
                raise _refused(problem)
        if self.signed_on and self.valid_until and self.valid_until < self.signed_on:
            raise ValueError("valid_until is before signed_on")
        return self

    def _date_problem(self, today: dt.date) -> Problem | None:
        """Why the agreement's dates cannot stand as of `today` (`term_problem`, and each
        extension's date as a signing date is checked), or None."""
        for extension in self.extensions:
            problem = dated_problem("extended_on", extension.extended_on, today)
            if problem is not None:
                return problem
        extended = [e.valid_until for e in self.extensions]
        return term_problem(
            self.signed_on,
            self.valid_until,
            self.status,
            today,
            extended_until=[date for date in extended if date is not None],
            # An extension by a number of years alone leaves the end an estimate: not refused.
            end_stated=None not in extended,
        )


class DonorDoc(Document):
    """Who sent an aid delivery."""

    kind: DonorKind
    country: CountryCode | None = None
    place: Key | None = None
    name: OptionalName | None = None

    @model_validator(mode="after")
    def _names_someone(self) -> Self:
        if self.country is None and self.place is None and self.name is None:
            raise ValueError("a donor needs a country, a place or a name")
        return self


class AidItemDoc(Document):
    """One category of goods in a delivery, with its quantity where the source states one."""

    category: AidCategory
    quantity: int | None = Field(default=None, gt=0)


class AidDoc(Document):
    """Aid that arrived for a hromada."""

    key: Key
    hromada: HromadaCode
    received_on: IsoPartialDate | None = None
    donors: list[DonorDoc] = []
    items: list[AidItemDoc] = []
    amount: Decimal | None = Field(default=None, ge=0, decimal_places=2)
    currency: str | None = Field(default=None, pattern=_CURRENCY.pattern)
    description: Title | None = None
    notes: Notes | None = None
    sources: Citations

    @model_validator(mode="after")
    def _amount_has_currency(self, info: ValidationInfo) -> Self:
        today = as_of(info.context)
        problem = None if today is None else dated_problem("received_on", self.received_on, today)
        if problem is None and today is not None:
            problem = aid_problem(
                [donor.country for donor in self.donors if donor.country],
                described=bool(self.description or self.amount is not None or self.items),
                field="donors",
            )
        if problem is not None:
            raise _refused(problem)
        if (self.amount is None) != (self.currency is None):
            raise ValueError("an amount needs a currency and a currency an amount")
        return self


class ActivityDoc(Document):
    """A meeting, visit, project or other work around partnerships."""

    key: Key
    hromada: HromadaCode
    kind: ActivityKind
    started_on: IsoPartialDate | None = None
    ended_on: IsoPartialDate | None = None
    place: Key | None = None
    count: int | None = Field(default=None, gt=0)
    count_is_lower_bound: bool = False
    summary: Bilingual
    sources: Citations


class SpendingDoc(Document):
    """Money a programme spent in a period."""

    period: IsoPartialDate
    amount: Decimal = Field(ge=0, decimal_places=2)
    currency: str = Field(pattern=_CURRENCY.pattern)
    purpose: Title | None = None


class ProgrammeDoc(Document):
    """A hromada's programme for international cooperation, with its spending."""

    key: Key
    hromada: HromadaCode
    title: Title
    first_year: int | None = None
    last_year: int | None = None
    approved_by: Title | None = None
    spending: list[SpendingDoc] = []
    sources: Citations


# Each kind of record's document class, by the name the audit log gives the kind.
DOCUMENT_TYPES: Mapping[Entity, type[Document]] = {
    Entity.SOURCE: SourceDoc,
    Entity.HROMADA: HromadaDoc,
    Entity.PLACE: PlaceDoc,
    Entity.AGREEMENT: AgreementDoc,
    Entity.AID: AidDoc,
    Entity.ACTIVITY: ActivityDoc,
    Entity.PROGRAMME: ProgrammeDoc,
}


def document_type(entity: str) -> type[Document]:
    """The document class of a kind of record by its audit name ("agreement"); ValueError
    for a name no kind has."""
    return DOCUMENT_TYPES[Entity(entity)]


def references(doc: BaseModel) -> list[tuple[Entity, str]]:
    """What a record refers to, as ("hromada", code), ("place", key) or ("source", key) pairs.

    In the order the record names them: its hromada, place, donors' places, sources and its
    extensions' sources.
    """
    found: list[tuple[Entity, str]] = []
    hromada = getattr(doc, "hromada", None)
    if isinstance(hromada, str):
        found.append((Entity.HROMADA, hromada))
    place = getattr(doc, "place", None)
    if isinstance(place, str):
        found.append((Entity.PLACE, place))
    donors = getattr(doc, "donors", [])
    found += [(Entity.PLACE, donor.place) for donor in donors if donor.place is not None]
    found += [(Entity.SOURCE, citation.source) for citation in getattr(doc, "sources", [])]
    found += [(Entity.SOURCE, extension.source) for extension in getattr(doc, "extensions", [])]
    return found


class KnowledgeDocument(Document):
    """A whole knowledge base, or any part of it."""

    sources: list[SourceDoc] = []
    hromadas: list[HromadaDoc] = []
    places: list[PlaceDoc] = []
    agreements: list[AgreementDoc] = []
    aid: list[AidDoc] = []
    activities: list[ActivityDoc] = []
    programmes: list[ProgrammeDoc] = []

    def merged_with(self, other: KnowledgeDocument) -> KnowledgeDocument:
        """Both documents' records in one document."""
        return KnowledgeDocument(
            **{
                section: [*getattr(self, section), *getattr(other, section)]
                for section in type(self).model_fields
            }
        )
