"""Reading what an admin types: hromadas, places, sources, kinds, statuses, dates, keys."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any, TypeVar

from babel import Locale
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin.common import AdminError
from knowledge.admin.editing import EDITABLE, Entity, load_for_edit
from knowledge.admin.history import Change, change_of
from knowledge.facts.dates import InvalidPartialDateError, PartialDate
from knowledge.facts.documents import AgreementDoc, PlaceDoc, SourceDoc
from knowledge.facts.vocabulary import (
    AgreementKind,
    AgreementStatus,
    AidCategory,
    CooperationArea,
    SourceKind,
)
from knowledge.places.lookup import HromadaChoice, find_hromadas, find_places
from knowledge.store import models
from knowledge.text.folding import loose_key
from knowledge.text.transliteration import transliterate

EMPTY = frozenset({"-", "—", "no", "none", "ні", "немає"})
UNKNOWN_REGION = "ZZ"
LINE_FIELDS = ("hromada", "place", "country", "kind", "status", "signed", "source")

_Choice = TypeVar("_Choice", bound=StrEnum)

# Words an admin may type for a kind or status, in both languages, besides the codes.
KIND_WORDS: dict[str, AgreementKind] = {
    "twinning": AgreementKind.TWINNING,
    "twin": AgreementKind.TWINNING,
    "побратимство": AgreementKind.TWINNING,
    "побратими": AgreementKind.TWINNING,
    "cooperation": AgreementKind.COOPERATION_AGREEMENT,
    "співпраця": AgreementKind.COOPERATION_AGREEMENT,
    "угода": AgreementKind.COOPERATION_AGREEMENT,
    "memorandum": AgreementKind.MEMORANDUM,
    "меморандум": AgreementKind.MEMORANDUM,
    "friendship": AgreementKind.FRIENDSHIP_PLEDGE,
    "дружба": AgreementKind.FRIENDSHIP_PLEDGE,
    "protocol": AgreementKind.PROTOCOL_OF_INTENT,
    "протокол": AgreementKind.PROTOCOL_OF_INTENT,
    "other": AgreementKind.OTHER,
    "інше": AgreementKind.OTHER,
}
STATUS_WORDS: dict[str, AgreementStatus] = {
    "active": AgreementStatus.ACTIVE,
    "чинна": AgreementStatus.ACTIVE,
    "діє": AgreementStatus.ACTIVE,
    "negotiation": AgreementStatus.IN_NEGOTIATION,
    "переговори": AgreementStatus.IN_NEGOTIATION,
    "planned": AgreementStatus.PLANNED,
    "запланована": AgreementStatus.PLANNED,
    "suspended": AgreementStatus.SUSPENDED,
    "призупинена": AgreementStatus.SUSPENDED,
    "terminated": AgreementStatus.TERMINATED,
    "розірвана": AgreementStatus.TERMINATED,
    "expired": AgreementStatus.EXPIRED,
    "закінчилася": AgreementStatus.EXPIRED,
}
_KIND_SHORT = {
    AgreementKind.TWINNING: "twinning",
    AgreementKind.COOPERATION_AGREEMENT: "cooperation",
    AgreementKind.MEMORANDUM: "memorandum",
    AgreementKind.FRIENDSHIP_PLEDGE: "friendship",
    AgreementKind.PROTOCOL_OF_INTENT: "protocol",
    AgreementKind.OTHER: "agreement",
}
_URL = re.compile(r"^https?://[^\s/]+\S*$", re.IGNORECASE)
_TERM = re.compile(r"^(\d{1,3})\s*(?:y|years?|р|роки?|років)?$", re.IGNORECASE)


class FormError(AdminError):
    """What the admin typed cannot be read; `problem` says which part and `value` what it was."""

    def __init__(self, problem: str, value: str = "") -> None:
        super().__init__(f"{problem}: {value!r}")
        self.problem = problem
        self.value = value


def slug(text: str) -> str:
    """A key-safe word from any name: transliterated, lowercase, dashes."""
    latin = transliterate(text).casefold()
    return re.sub(r"[^a-z0-9]+", "-", latin).strip("-") or "record"


def is_empty(text: str) -> bool:
    """Whether the admin meant "nothing here"."""
    return loose_key(text) in EMPTY


async def resolve_hromada(session: AsyncSession, text: str) -> HromadaChoice:
    """The one hromada the text names, or FormError("hromada")."""
    found = await find_hromadas(session, text)
    if len(found) != 1:
        raise FormError("hromada", text)
    return found[0]


def parse_country(text: str) -> str:
    """An ISO 3166 country code, or FormError("country")."""
    code = text.strip().upper()
    known = code in Locale("en").territories and code != UNKNOWN_REGION
    if len(code) != 2 or not code.isalpha() or not known:
        raise FormError("country", text)
    return code


def new_place(name: str, country: str, taken: set[str]) -> PlaceDoc:
    """A new partner place named as the admin typed it, with a free key."""
    latin = transliterate(name.strip())
    key = unique_key(f"{country.lower()}-{slug(name)}", taken)
    return PlaceDoc(
        key=key,
        name={"uk": name.strip(), "en": latin},
        name_local=latin,
        country=country,
    )


def _parse_choice(
    text: str, choices: type[_Choice], words: dict[str, _Choice], problem: str
) -> _Choice:
    word = loose_key(text)
    if word in set(choices):
        return choices(word)
    if word in words:
        return words[word]
    raise FormError(problem, text)


def parse_kind(text: str) -> AgreementKind:
    """A kind of agreement from its code or a word in either language."""
    return _parse_choice(text, AgreementKind, KIND_WORDS, "kind")


def parse_status(text: str) -> AgreementStatus:
    """An agreement status from its code or a word in either language."""
    return _parse_choice(text, AgreementStatus, STATUS_WORDS, "status")


def parse_date(text: str, problem: str = "date") -> PartialDate:
    """A date with its precision: YYYY, YYYY-MM or YYYY-MM-DD."""
    try:
        return PartialDate.parse(text.strip())
    except (InvalidPartialDateError, ValueError):
        raise FormError(problem, text) from None


def parse_until(text: str) -> dict[str, Any]:
    """Valid-until (a date) or the term in years ("5", "5 years", "5 років"), or neither."""
    if is_empty(text):
        return {"valid_until": None, "term_years": None}
    term = _TERM.match(text.strip())
    if term is not None:
        years = int(term.group(1))
        if not 0 < years <= 100:
            raise FormError("until", text)
        return {"valid_until": None, "term_years": years}
    return {"valid_until": parse_date(text, "until"), "term_years": None}


def parse_areas(text: str) -> list[CooperationArea]:
    """Cooperation areas by code, separated by commas; "-" for none."""
    if is_empty(text):
        return []
    areas: list[CooperationArea] = []
    for part in text.split(","):
        word = loose_key(part).replace(" ", "_")
        if word not in set(CooperationArea):
            raise FormError("areas", part.strip())
        if CooperationArea(word) not in areas:
            areas.append(CooperationArea(word))
    return areas


def unique_key(base: str, taken: set[str]) -> str:
    """The base key, or with -2, -3… if it is taken."""
    base = base[:90].strip("-")
    key, number = base, 1
    while key in taken:
        number += 1
        key = f"{base}-{number}"
    return key


async def taken_keys(session: AsyncSession, row_type: Any) -> set[str]:
    """Every key of one kind of record."""
    return set((await session.scalars(select(row_type.key))).all())


async def source_for(session: AsyncSession, text: str) -> tuple[str, SourceDoc | None]:
    """An existing source's key, or a new source made from a title or URL (not yet saved)."""
    text = text.strip()
    if not text:
        raise FormError("source", text)
    existing = await session.scalar(
        select(models.SourceRow.key).where(models.SourceRow.key == text)
    )
    if existing is not None:
        return existing, None
    url = text if _URL.match(text) else None
    if url is not None:
        existing = await session.scalar(
            select(models.SourceRow.key).where(models.SourceRow.url == url)
        )
        if existing is not None:
            return existing, None
    host = url.split("/")[2] if url is not None else None
    key = unique_key(f"source-{slug(host or text)}", await taken_keys(session, models.SourceRow))
    title = host or text
    try:
        doc = SourceDoc(
            key=key,
            kind=SourceKind.NEWS if url is not None else SourceKind.OTHER,
            title={"uk": title, "en": title},
            issuer={"uk": host or "—", "en": host or "—"},
            url=url,
        )
    except ValueError:
        raise FormError("source", text) from None
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
        return AgreementDoc.model_validate(fields)
    except ValueError as error:
        raise FormError("agreement", str(error)) from None


async def audited_change(session: AsyncSession, change_id: int) -> Change | None:
    """One change of the audit log by its number."""
    entry = await session.get(models.AuditEntryRow, change_id)
    return None if entry is None else change_of(entry)


async def latest_change_id(session: AsyncSession) -> int | None:
    """The newest change of a record an admin edits (not of editing rights)."""
    return await session.scalar(
        select(models.AuditEntryRow.id)
        .where(models.AuditEntryRow.entity.in_([entity.value for entity in EDITABLE]))
        .order_by(models.AuditEntryRow.id.desc())
        .limit(1)
    )


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
        rows = await session.scalars(
            select(models.AgreementRow.key)
            .join(models.AgreementRow.place)
            .where(
                models.AgreementRow.hromada_code.in_([h.code for h in hromadas]),
                models.PlaceRow.key.in_(places),
            )
            .order_by(models.AgreementRow.key)
        )
        found += [(Entity.AGREEMENT.value, agreement) for agreement in rows]
    return found


def parse_category(text: str) -> AidCategory:
    """An aid category by its code."""
    word = loose_key(text).replace(" ", "_")
    if word not in set(AidCategory):
        raise FormError("category", text)
    return AidCategory(word)


def parse_quantity(text: str) -> int | None:
    """A positive whole number, or None for "-"."""
    if is_empty(text):
        return None
    value = text.strip().replace(" ", "")
    if not value.isdigit() or int(value) <= 0:
        raise FormError("quantity", text)
    return int(value)


def required_text(text: str) -> str:
    """Some text; FormError("text") for nothing or "-"."""
    value = text.strip()
    if not value or is_empty(value):
        raise FormError("text", text)
    return value


async def batch_changes(session: AsyncSession, batch: str) -> list[Change]:
    """The changes made together in one batch, newest first."""
    entries = await session.scalars(
        select(models.AuditEntryRow)
        .where(models.AuditEntryRow.batch == batch)
        .order_by(models.AuditEntryRow.id.desc())
    )
    return [change_of(entry) for entry in entries]
