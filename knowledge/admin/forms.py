"""Reading what an admin types: hromadas, places, sources, kinds, statuses, dates, keys."""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import unquote, urlsplit

from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import Admin, AdminError
from knowledge.admin.editing import EDITABLE, load_for_edit
from knowledge.admin.fields import FIELDS, invalid_record_problem
from knowledge.admin.history import recent_changes
from knowledge.facts.dates import InvalidPartialDateError, PartialDate, read_written_date
from knowledge.facts.documents import (
    NAME_LENGTH,
    UNSTATED_ISSUER,
    AgreementDoc,
    AidDoc,
    Bilingual,
    PlaceDoc,
    SourceDoc,
    entry_problem,
    length_problems,
    place_name_problem,
)
from knowledge.facts.messages import Name, Problem, too_long
from knowledge.facts.plausibility import entry_context
from knowledge.facts.vocabulary import (
    AgreementKind,
    AgreementStatus,
    AidCategory,
    CooperationArea,
    Entity,
    SourceKind,
)
from knowledge.places.countries import resolve_country
from knowledge.places.hromadas import Resolved, shipped_index
from knowledge.places.lookup import HromadaChoice, find_hromadas, find_places
from knowledge.places.partners import derived_name_length, new_foreign_place
from knowledge.render.labels import COOPERATION_AREAS
from knowledge.render.translations import translation
from knowledge.render.words import read_aid_category, read_choice, read_kind, read_status
from knowledge.store.registry import (
    agreements_between,
    aid_of,
    keys_of,
    names_of,
    source_key,
    stored_hromada,
)
from knowledge.text.normalize import is_cyrillic, is_ukrainian_spelling, normalize
from knowledge.text.normalize import slug as key_slug
from knowledge.text.numbers import read_count

EMPTY = frozenset({"-", "—", "no", "none", "ні", "немає"})
LINE_FIELDS = ("hromada", "place", "country", "kind", "status", "signed", "source")

_KIND_SHORT = {
    AgreementKind.TWINNING: "twinning",
    AgreementKind.COOPERATION_AGREEMENT: "cooperation",
    AgreementKind.MEMORANDUM: "memorandum",
    AgreementKind.FRIENDSHIP_PLEDGE: "friendship",
    AgreementKind.PROTOCOL_OF_INTENT: "protocol",
    AgreementKind.OTHER: "agreement",
}
# Words that tell an address's slug is English rather than a transliteration.
_ENGLISH_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "in",
        "on",
        "with",
        "to",
        "for",
        "from",
        "at",
        "by",
        "is",
        "are",
        "was",
        "were",
        "signed",
        "sign",
        "signs",
    ]
)
_URL = re.compile(r"^https?://[^\s/]+\S*$", re.IGNORECASE)
_TERM = re.compile(r"^(\d{1,3})\s*(?:y|years?|р|роки?|років)?$", re.IGNORECASE)


class FormError(AdminError):
    """What the admin typed cannot be read; `problem` says which part and `value` what it was."""

    def __init__(self, problem: str, value: str = "", reason: Problem | None = None) -> None:
        super().__init__(f"{problem}: {value!r}")
        self.problem = problem
        self.value = value
        # A reason worded for the reader (such as a text over its field's bound), shown
        # instead of the problem's own wording.
        self.reason = reason


def invalid_record(error: ValueError, problem: str = "agreement", value: str = "") -> FormError:
    """The FormError of a record that fails validation: for a whole record ("agreement") its
    reason worded for the admin (`invalid_record_problem`); for other answers (`problem`, with
    `value`) an over-long text as the reason, else their own wording."""
    if not isinstance(error, ValidationError):
        return FormError(problem, value)
    if problem == "agreement":
        return FormError(problem, value, invalid_record_problem(error))
    over = length_problems(error)
    return FormError(problem, value, over[0] if over else entry_problem(error))


def slug(text: str) -> str:
    """A key-safe word from any name: transliterated, lowercase, dashes."""
    return key_slug(text, limit=200, empty="record")


def is_empty(text: str) -> bool:
    """Whether the admin meant "nothing here"."""
    return normalize(text) in EMPTY


async def resolve_hromada(session: AsyncSession, text: str) -> HromadaChoice:
    """The one hromada the text names, or FormError("hromada").

    Read by the reader of the agreement dialog (`find_hromadas`: any case, any unit of the
    codifier, «Полтаві»); where that finds several, the import's rules choose one or none.
    """
    region = shipped_index().region_problem(text)
    if region is not None:
        raise FormError("hromada", text, region)
    found = await find_hromadas(session, text)
    if len(found) == 1:
        return found[0]
    resolved = shipped_index().resolve(text)
    codes = [resolved.code] if isinstance(resolved, Resolved) else []
    row = await stored_hromada(session, codes[0]) if codes else None
    if row is None:
        raise FormError("hromada", text)
    return HromadaChoice(row.code, row.name_uk, row.name_en)


def parse_country(text: str) -> str:
    """The ISO 3166 code of a country named as the spreadsheet import reads it: a code, or
    the name in English or Ukrainian («Литва», Lithuania, LT); FormError("country") if none."""
    code = resolve_country(text)
    if code is None:
        raise FormError("country", text)
    return code


def refuse_place_name(name: str, problem: str = "place") -> None:
    """FormError(`problem`) when a new place's name names no place (`place_name_problem`: no
    letters, markup characters) or it, or the Latin name derived from it
    (`derived_name_length`: 200 «Щ» make 800 letters), is longer than NAME_LENGTH characters;
    said as the name is typed, not when the record is made."""
    named = place_name_problem(name)
    if named is not None:
        raise FormError(problem, name.strip(), named)
    length = derived_name_length(name)
    if length > NAME_LENGTH:
        label = FIELDS.get(problem, FIELDS["name"])
        field = Name(label, translation("uk").gettext(label))
        raise FormError(problem, name.strip(), too_long(field, NAME_LENGTH, length))


def new_place(name: str, country: str, taken: set[str]) -> PlaceDoc:
    """A new partner place named as the admin typed it, with a free key; GeoNames' coordinates
    and the Ukrainian name are added as an import adds them (`new_foreign_place`).

    FormError("place") when the name names no place or its derived Latin name is too long
    (`refuse_place_name`).
    A name typed in Ukrainian spelling («Новий Тарг») is the admin's Ukrainian name and is
    kept over GeoNames' (which may be another spelling, «Нови-Тарг»); the admin chose it."""
    refuse_place_name(name)
    key = unique_key(f"{country.lower()}-{slug(name)}", taken)
    typed = name.strip()
    ukrainian = any(map(is_cyrillic, typed)) and is_ukrainian_spelling(typed)
    return new_foreign_place(key, typed, country, name_uk=typed if ukrainian else None)


async def record_names(session: AsyncSession, keys: set[str], lang: str) -> dict[str, str]:
    """The names in `lang` ("uk", "en") of the stored places and sources with these keys:
    a place's name, a source's title."""
    uk = lang == "uk"
    return {
        key: (name.uk if uk else name.en) for key, name in (await names_of(session, keys)).items()
    }


async def same_aid(session: AsyncSession, doc: AidDoc) -> list[str]:
    """Keys of stored aid records that look like `doc` again: the same hromada, date, donors
    and kinds of goods (a record saved twice, rather than a second delivery)."""
    stored = await aid_of(session, doc.hromada)

    def shape(record: AidDoc) -> tuple[object, ...]:
        donors = sorted(
            (d.kind, d.country or "", d.place or "", d.name or "") for d in record.donors
        )
        items = sorted((item.category, item.quantity or 0) for item in record.items)
        return (record.received_on, tuple(donors), tuple(items), record.amount, record.currency)

    wanted = shape(doc)
    return [record.key for record in stored if record.key != doc.key and shape(record) == wanted]


def parse_kind(text: str) -> AgreementKind:
    """A kind of agreement from its code, its label or a word, in either language."""
    kind = read_kind(text)
    if kind is None:
        raise FormError("kind", text)
    return kind


def parse_status(text: str) -> AgreementStatus:
    """An agreement status from its code, its label or a word, in either language."""
    status = read_status(text)
    if status is None:
        raise FormError("status", text)
    return status


def parse_date(text: str, problem: str = "date") -> PartialDate:
    """A date with its precision, written as the spreadsheet import reads it (12.03.2024 too)."""
    try:
        return read_written_date(text)
    except (InvalidPartialDateError, ValueError):
        raise FormError(problem, text) from None


def parse_until(text: str) -> dict[str, Any]:
    """Valid-until (a date) or the term in years ("5", "5 years", "5 років"), or neither, as
    stored: {"valid_until": ISO date text or None, "term_years": int or None}."""
    if is_empty(text):
        return {"valid_until": None, "term_years": None}
    term = _TERM.match(text.strip())
    if term is not None:
        years = int(term.group(1))
        if not 0 < years <= 100:
            raise FormError("until", text)
        return {"valid_until": None, "term_years": years}
    return {"valid_until": parse_date(text, "until").isoformat(), "term_years": None}


def parse_areas(text: str) -> list[CooperationArea]:
    """Areas of cooperation separated by commas, by code or by name in either language
    («культура, освіта», "culture"); "-" for none."""
    if is_empty(text):
        return []
    areas: list[CooperationArea] = []
    for part in text.split(","):
        area = read_choice(part, CooperationArea, COOPERATION_AREAS)
        if area is None:
            raise FormError("areas", part.strip())
        if area not in areas:
            areas.append(area)
    return areas


def text_language(text: str) -> str:
    """ "uk" for text written mostly in Cyrillic, else "en"."""
    cyrillic = sum(1 for char in text if "\u0400" <= char <= "\u04ff")
    latin = sum(1 for char in text if char.isascii() and char.isalpha())
    return "uk" if cyrillic >= latin and cyrillic else "en"


def unique_key(base: str, taken: set[str]) -> str:
    """The base key, or with -2, -3… if it is taken."""
    base = base[:90].strip("-")
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    return key


async def taken_keys(session: AsyncSession, entity: Entity) -> set[str]:
    """Every key of one kind of record (a source, place, agreement or aid record)."""
    return await keys_of(session, entity.value)


def suggested_title(url: str) -> str:
    """A title offered for a link alone (no page is fetched, so none is read).

    The words of its last path segment when they are words a reader reads: Ukrainian written
    in the address («/novyny/генератори-з-литви») or English (".../kharkiv-and-kosice-signed
    -a-memorandum.html" → "Kharkiv and kosice signed a memorandum (city.kharkiv.ua)").
    A transliterated slug ("generatory-z-lytvy") reads as neither, and is not passed off as
    a title: the address itself is offered, readable (no scheme, escapes decoded).
    """
    parts = urlsplit(url)
    site = parts.netloc.removeprefix("www.")
    segments = [unquote(part) for part in parts.path.split("/") if part]
    for segment in reversed(segments):
        words = re.sub(r"\.(html?|php|aspx?)$", "", segment, flags=re.IGNORECASE)
        words = " ".join(re.split(r"[-_+\s]+", words)).strip()
        if sum(char.isalpha() for char in words) < 4:
            continue
        readable = any("\u0400" <= char <= "\u04ff" for char in words) or bool(
            _ENGLISH_WORDS & set(words.casefold().split())
        )
        if readable:
            return f"{words[:1].upper()}{words[1:]} ({site})"[:200]
        break
    return "/".join([site, *segments])[:200]


async def source_for(session: AsyncSession, text: str) -> tuple[str, SourceDoc | None]:
    """An existing source's key, or a new source made from a title or URL (not yet saved);
    FormError("source") for nothing, or for a text without a letter that is no source's key."""
    text = text.strip()
    if not text:
        raise FormError("source", text)
    existing = await source_key(session, key=text)
    if existing is not None:
        return existing, None
    url = text if _URL.match(text) else None
    if url is None and not any(character.isalpha() for character in text):
        # A bare number or date ("12", "2024") is an answer meant for another question,
        # never a title.
        raise FormError("source", text)
    if url is not None:
        existing = await source_key(session, url=url)
        if existing is not None:
            return existing, None
    host = url.split("/")[2] if url is not None else None
    key = unique_key(f"source-{slug(host or text)}", await taken_keys(session, Entity.SOURCE))
    title = text if url is None else suggested_title(url)
    try:
        doc = SourceDoc(
            key=key,
            kind=SourceKind.NEWS if url is not None else SourceKind.OTHER,
            title={"uk": title, "en": title},
            issuer=Bilingual(uk=host, en=host) if host else UNSTATED_ISSUER,
            url=url,
        )
    except ValueError as error:
        raise invalid_record(error, "source", text) from None
    return key, doc


def agreement_key(
    hromada: HromadaChoice,
    place: str,
    kind: AgreementKind,
    signed: PartialDate | None,
    taken: set[str],
) -> str:
    """A readable key like kharkiv-kosice-cooperation-2023, free among the taken ones."""
    place_word = place.split("-", 1)[1] if "-" in place else place
    parts = [slug(hromada.name_en), place_word, _KIND_SHORT[kind]]
    if signed is not None:
        parts.append(str(signed.year))
    return unique_key("-".join(parts), taken)


def agreement_doc(fields: dict[str, Any]) -> AgreementDoc:
    """The agreement the form describes, validated (FormError("agreement") if it is not)."""
    try:
        return AgreementDoc.model_validate(fields, context=entry_context())
    except ValueError as error:
        raise invalid_record(error) from None


async def latest_change_id(session: AsyncSession, viewer: Admin | None = None) -> int | None:
    """The newest change of a record an admin edits (not of editing rights); with a `viewer`,
    the newest of those they may see (`recent_changes`)."""
    changes = await recent_changes(
        session, limit=1, viewer=viewer, entities=[entity.value for entity in EDITABLE]
    )
    return changes[0].id if changes else None


async def find_record(session: AsyncSession, text: str) -> list[tuple[str, str]]:
    """(entity, key) of the records a key names, or agreements named "hromada partner"."""
    key = text.strip()
    found: list[tuple[str, str]] = []
    for entity in EDITABLE:
        if await load_for_edit(session, entity, key) is not None:
            found.append((entity.value, key))
    if found:
        return found
    words = key.split()
    for cut in range(1, len(words)):
        hromadas = await find_hromadas(session, " ".join(words[:cut]))
        places = await find_places(session, " ".join(words[cut:]))
        if not hromadas or not places:
            continue
        rows = await agreements_between(session, [h.code for h in hromadas], places)
        found += [(Entity.AGREEMENT.value, agreement) for agreement in rows]
    return found


def parse_category(text: str) -> AidCategory:
    """A kind of aid by its code or its name in either language («генератори»)."""
    category = read_aid_category(text)
    if category is None:
        raise FormError("category", text)
    return category


def parse_quantity(text: str) -> int | None:
    """A count of items as `read_count` reads it («3», «3 шт.», «три»), or None for "-";
    FormError("quantity") for anything else."""
    if is_empty(text):
        return None
    count = read_count(text)
    if count is None:
        raise FormError("quantity", text)
    return count


def required_text(text: str) -> str:
    """Some text; FormError("text") for nothing or "-"."""
    value = text.strip()
    if not value or is_empty(value):
        raise FormError("text", text)
    return value
