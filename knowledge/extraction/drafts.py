"""From proposals to records: what an editor's Add writes, through the audited admin services.

A new fact becomes an agreement or aid record that cites the document with the sentence it
came from, together with the records it needs: the document as a source (found again by its
address, or by its title and date, else new) and a new partner place. A fact about a stored
record becomes that record with the changes its card showed, citing the document too. Nothing
is written before `add_drafts`, which saves everything in one transaction and one audit batch,
so /undo takes it back as one.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.admin import forms
from knowledge.admin.common import Admin, AdminError
from knowledge.admin.editing import SaveResult, load_for_edit, save_records
from knowledge.extraction.compare import date_field
from knowledge.extraction.proposals import (
    AgreementProposal,
    AidProposal,
    Comparison,
    Proposal,
    SourceProposal,
)
from knowledge.facts.documents import (
    AgreementDoc,
    AidDoc,
    AidItemDoc,
    CitationDoc,
    DonorDoc,
    ExtensionDoc,
    PlaceDoc,
    SourceDoc,
)
from knowledge.facts.vocabulary import DonorKind, Entity
from knowledge.places.lookup import HromadaChoice, find_places
from knowledge.store.registry import (
    StoredPlaceNames,
    agreements_between,
    place_key,
    place_names,
    source_key,
    sources_titled,
    stored_hromada,
)
from knowledge.text.normalize import name_key

_TITLE_LENGTH = 300


class UnknownCountryError(AdminError):
    """The partner is a place the knowledge base does not know, and the text gives no country."""

    def __init__(self, partner: str) -> None:
        super().__init__(f"no country for the new place {partner!r}")
        self.partner = partner


class HromadaNotStoredError(AdminError):
    """The proposal's hromada is not in the knowledge base."""

    def __init__(self, name: str) -> None:
        super().__init__(f"no hromada for {name!r}")
        self.name = name


@dataclass(frozen=True)
class Draft:
    """What adding one fact writes: the record (None when there is nothing to write), the
    stored version it replaces (None for a new record) and the new records it needs first."""

    entity: str
    key: str
    doc: BaseModel | None
    expected: BaseModel | None
    extra: tuple[BaseModel, ...]

    @property
    def new(self) -> bool:
        """Whether the record itself is new."""
        return self.expected is None


def brought_along(draft: Draft) -> list[tuple[str, BaseModel]]:
    """The new records a draft brings along, as (entity, document) for the admin dialogs."""
    return [("source" if isinstance(doc, SourceDoc) else "place", doc) for doc in draft.extra]


def needs_country(proposal: Proposal) -> bool:
    """Whether adding the fact needs a country the text does not give (a new partner place)."""
    return (
        isinstance(proposal, AgreementProposal)
        and proposal.partner_place is None
        and proposal.partner_country is None
    )


@dataclass
class _Keys:
    """Keys taken in the database and those handed out for this batch, per kind of record."""

    session: AsyncSession
    taken: dict[Entity, set[str]] = field(default_factory=dict)

    async def of(self, entity: Entity) -> set[str]:
        if entity not in self.taken:
            self.taken[entity] = await forms.taken_keys(self.session, entity)
        return self.taken[entity]

    async def take(self, entity: Entity, base: str) -> str:
        taken = await self.of(entity)
        key = forms.unique_key(base, taken)
        taken.add(key)
        return key


@dataclass
class _Batch:
    """The records a batch of drafts brings along, each made once."""

    keys: _Keys
    source_key: str
    new_source: SourceDoc | None
    places: dict[tuple[str, str], PlaceDoc] = field(default_factory=dict)

    def brought(self, *records: BaseModel | None) -> tuple[BaseModel, ...]:
        brought = [self.new_source, *records]
        return tuple(record for record in brought if record is not None)


async def source_record(
    session: AsyncSession, source: SourceProposal, fallback_title: str
) -> tuple[str, SourceDoc | None]:
    """The stored source this document is (by its address, else by title and date), or a new
    source record made from what the document says about itself (not yet saved)."""
    if source.url is not None:
        found = await source_key(session, url=source.url)
        if found is not None:
            return found, None
    title = (source.title or fallback_title).strip()[:_TITLE_LENGTH] or fallback_title
    for key, issued_on in await sources_titled(session, title):
        if issued_on == source.date:
            return key, None
    base = f"source-{forms.slug(title)[:50].strip('-')}"
    if source.date is not None:
        base += f"-{source.date.isoformat()}"
    key = forms.unique_key(base, await forms.taken_keys(session, Entity.SOURCE))
    issuer = source.issuer or _host(source.url) or "—"
    return key, SourceDoc(
        key=key,
        kind=source.kind,
        title={"uk": title, "en": title},
        issuer={"uk": issuer, "en": issuer},
        document_number=source.number,
        issued_on=source.date,
        url=source.url,
        language=source.language,
    )


def _host(url: str | None) -> str | None:
    if url is None or "//" not in url:
        return None
    return url.split("/")[2] or None


async def drafts_for(
    session: AsyncSession,
    facts: Sequence[tuple[Proposal, Comparison]],
    source_key: str,
    new_source: SourceDoc | None,
    *,
    countries: dict[int, str] | None = None,
) -> list[Draft]:
    """One draft per fact, in order; `countries` gives the country of a new partner place the
    text left without one (by the fact's index).

    Raises UnknownCountryError or HromadaNotStoredError for a fact that cannot be drafted.
    """
    batch = _Batch(_Keys(session), source_key, new_source)
    drafts: list[Draft] = []
    for index, (proposal, comparison) in enumerate(facts):
        if isinstance(proposal, AgreementProposal):
            country = (countries or {}).get(index) or proposal.partner_country
            drafts.append(await _agreement(session, batch, proposal, comparison, country))
        else:
            drafts.append(await _aid(session, batch, proposal, comparison))
    return drafts


def _citation(quote: str, source_key: str) -> CitationDoc:
    return CitationDoc(source=source_key, quote=" ".join(quote.split()))


def _cited(doc: AgreementDoc | AidDoc, quote: str, source_key: str) -> list[CitationDoc]:
    if any(citation.source == source_key for citation in doc.sources):
        return list(doc.sources)
    return [*doc.sources, _citation(quote, source_key)]


async def _hromada(session: AsyncSession, proposal: Proposal) -> HromadaChoice:
    code = proposal.hromada
    row = None if code is None else await stored_hromada(session, code)
    if row is None:
        raise HromadaNotStoredError(proposal.hromada_name)
    return HromadaChoice(row.code, row.name_uk, row.name_en)


async def _place(
    session: AsyncSession, batch: _Batch, proposal: AgreementProposal, country: str | None
) -> tuple[str, PlaceDoc | None]:
    """The partner's place key, and the new place record when the knowledge base lacks it."""
    if proposal.partner_place is not None:
        stored = await place_key(session, proposal.partner_place)
        if stored is not None:
            return stored, None
    found = await find_places(session, proposal.partner, country)
    if found:
        return found[0], None
    if country is None:
        raise UnknownCountryError(proposal.partner)
    known = batch.places.get((country, proposal.partner))
    if known is not None:
        return known.key, None
    place = forms.new_place(proposal.partner, country, await batch.keys.of(Entity.PLACE))
    if proposal.partner_region is not None:
        region = proposal.partner_region
        place = place.model_copy(update={"region": {"uk": region, "en": region}})
        place = PlaceDoc.model_validate(place.model_dump())
    (await batch.keys.of(Entity.PLACE)).add(place.key)
    batch.places[(country, proposal.partner)] = place
    return place.key, place


async def _stored_agreement(
    session: AsyncSession, hromada: str, place: str, proposal: AgreementProposal
) -> AgreementDoc | None:
    """The stored agreement of the same hromada, partner and kind, if any."""
    keys = await agreements_between(session, [hromada], [place], proposal.kind.value)
    if not keys:
        return None
    stored = await load_for_edit(session, "agreement", keys[0])
    return stored if isinstance(stored, AgreementDoc) else None


async def _agreement(
    session: AsyncSession,
    batch: _Batch,
    proposal: AgreementProposal,
    comparison: Comparison,
    country: str | None,
) -> Draft:
    hromada = await _hromada(session, proposal)
    stored = None
    if comparison.record is not None:
        loaded = await load_for_edit(session, "agreement", comparison.record)
        stored = loaded if isinstance(loaded, AgreementDoc) else None
    place_key: str | None = None if stored is None else stored.place
    new_place: PlaceDoc | None = None
    if place_key is None:
        place_key, new_place = await _place(session, batch, proposal, country)
        if new_place is None:
            stored = await _stored_agreement(session, hromada.code, place_key, proposal)
    if stored is not None:
        changed = _changed_agreement(stored, proposal, comparison, batch.source_key)
        doc = None if changed == stored else changed
        return Draft("agreement", stored.key, doc, stored, batch.brought() if doc else ())
    fields: dict[str, Any] = {
        "hromada": hromada.code,
        "place": place_key,
        **_stated(proposal, batch.source_key),
        "sources": [_citation(proposal.quote, batch.source_key)],
    }
    signed = proposal.date if date_field(proposal.status) == "signed_on" else None
    base = forms.agreement_key(hromada, place_key, proposal.kind, signed, set())
    fields["key"] = await batch.keys.take(Entity.AGREEMENT, base)
    doc = forms.agreement_doc(fields)
    return Draft("agreement", doc.key, doc, None, batch.brought(new_place))


def _stated(proposal: AgreementProposal, source_key: str) -> dict[str, Any]:
    """The agreement's fields the proposal states, by the record's names: its date in the
    field its status dates (`date_field`), an extension with its date citing the document."""
    fields: dict[str, Any] = {
        "kind": proposal.kind,
        "status": proposal.status,
        "valid_until": proposal.valid_until,
        "term_years": proposal.term_years,
        "areas": list(proposal.areas),
    }
    dated = date_field(proposal.status)
    if dated is not None:
        fields[dated] = proposal.date
    if proposal.extended is not None and proposal.extended.date is not None:
        fields["extensions"] = [_extension(proposal, source_key)]
    return fields


def _extension(proposal: AgreementProposal, source_key: str) -> ExtensionDoc:
    extended = proposal.extended
    date = None if extended is None else extended.date
    if extended is None or date is None:
        raise ValueError("an extension needs its date")
    return ExtensionDoc(extended_on=date, term_years=extended.term_years, source=source_key)


def _changed_agreement(
    stored: AgreementDoc, proposal: AgreementProposal, comparison: Comparison, source_key: str
) -> AgreementDoc:
    """The stored agreement with the changes the card showed, citing the document."""
    stated = _stated(proposal, source_key)
    changes: dict[str, Any] = {name: stated[name] for name in comparison.changes if name in stated}
    if "extensions" in changes:
        changes["extensions"] = [*stored.extensions, *changes["extensions"]]
    changes["sources"] = _cited(stored, proposal.quote, source_key)
    data = stored.model_dump() | changes
    return forms.agreement_doc(data)


async def _stored_aid(session: AsyncSession, key: str | None) -> AidDoc | None:
    if key is None:
        return None
    stored = await load_for_edit(session, "aid", key)
    return stored if isinstance(stored, AidDoc) else None


def _donors(places: list[StoredPlaceNames], proposal: AidProposal) -> list[DonorDoc]:
    """Cities (as places where known), organisations, then the countries no one else stands for."""
    donors: list[DonorDoc] = []
    covered: set[str] = set()
    only_country = proposal.donor_countries[0] if len(proposal.donor_countries) == 1 else None
    named: set[str] = set()
    for place in places:
        donors.append(DonorDoc(kind=DonorKind.CITY, place=place.key, country=place.country_code))
        covered.add(place.country_code)
        named |= {name_key(name) for name in (place.name_uk, place.name_en, place.name_local)}
    for city in proposal.donor_cities:
        if name_key(city) not in named:
            donors.append(DonorDoc(kind=DonorKind.CITY, name=city, country=only_country))
            covered |= {only_country} if only_country else set()
    for name in proposal.donor_organisations:
        donors.append(DonorDoc(kind=DonorKind.ORGANISATION, name=name, country=only_country))
        covered |= {only_country} if only_country else set()
    donors += [
        DonorDoc(kind=DonorKind.COUNTRY, country=country)
        for country in proposal.donor_countries
        if country not in covered
    ]
    return donors


def _items(proposal: AidProposal) -> list[AidItemDoc]:
    return [AidItemDoc(category=item.category, quantity=item.quantity) for item in proposal.items]


async def _aid(
    session: AsyncSession, batch: _Batch, proposal: AidProposal, comparison: Comparison
) -> Draft:
    hromada = await _hromada(session, proposal)
    stored = await _stored_aid(session, comparison.record)
    if stored is not None:
        changes: dict[str, Any] = {"sources": _cited(stored, proposal.quote, batch.source_key)}
        if "items" in comparison.changes:
            categories = {item.category for item in stored.items}
            new_items = [item for item in _items(proposal) if item.category not in categories]
            changes["items"] = [*stored.items, *new_items]
        if "donors" in comparison.changes:
            countries = {donor.country for donor in stored.donors}
            changes["donors"] = [
                *stored.donors,
                *(
                    DonorDoc(kind=DonorKind.COUNTRY, country=country)
                    for country in proposal.donor_countries
                    if country not in countries
                ),
            ]
        if "amount" in comparison.changes:
            changes["amount"] = proposal.amount
            changes["currency"] = proposal.currency
        changed = _aid_doc(stored.model_dump() | changes)
        doc = None if changed == stored else changed
        return Draft("aid", stored.key, doc, stored, batch.brought() if doc else ())
    places = await place_names(session, keys=proposal.donor_places)
    donors = _donors(places, proposal)
    first = proposal.donor_countries[0].lower() if proposal.donor_countries else "donor"
    year = str(proposal.date.year) if proposal.date is not None else "undated"
    key = await batch.keys.take(Entity.AID, f"{forms.slug(hromada.name_en)}-aid-{first}-{year}")
    doc = _aid_doc(
        {
            "key": key,
            "hromada": hromada.code,
            "received_on": proposal.date,
            "donors": donors,
            "items": _items(proposal),
            "amount": proposal.amount,
            "currency": proposal.currency if proposal.amount is not None else None,
            "sources": [_citation(proposal.quote, batch.source_key)],
        }
    )
    return Draft("aid", key, doc, None, batch.brought())


def _aid_doc(fields: dict[str, Any]) -> AidDoc:
    try:
        return AidDoc.model_validate(fields)
    except ValueError as error:
        raise forms.invalid_record(error) from None


async def add_drafts(
    session: AsyncSession, drafts: Sequence[Draft], admin: Admin
) -> list[SaveResult | None]:
    """Save the drafts with the records they bring, in one transaction and one audit batch.

    Each record is checked against the version the draft was made from, and the admin's right
    for its hromada is checked as it is written (PermissionDeniedError, EditConflictError:
    nothing is written). The results are the drafts' own, in order (None: nothing to write).
    """
    records: list[tuple[BaseModel, BaseModel | None]] = []
    seen: set[tuple[str, str]] = set()
    own: list[int | None] = []
    for draft in drafts:
        for extra in draft.extra:
            marker = (type(extra).__name__, str(getattr(extra, "key", "")))
            if marker not in seen:
                seen.add(marker)
                records.append((extra, None))
        if draft.doc is None:
            own.append(None)
            continue
        own.append(len(records))
        records.append((draft.doc, draft.expected))
    if not records:
        return [None for _draft in drafts]
    batch = str(uuid.uuid4())
    results = await save_records(session, records, admin, batch=batch)
    return [None if index is None else results[index] for index in own]
