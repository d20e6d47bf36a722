"""Each kind of record's two stored shapes, its row and its document, and the one mapping between.

`RECORDS` lists every kind with its conversions; loading, exporting and the admin's edits all
go through it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from knowledge.facts.documents import (
    ActivityDoc,
    AgreementDoc,
    AidDoc,
    AidItemDoc,
    Bilingual,
    CitationDoc,
    DonorDoc,
    ExtensionDoc,
    HromadaDoc,
    Notes,
    PlaceDoc,
    ProgrammeDoc,
    SourceDoc,
    SpendingDoc,
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
from knowledge.store import models


class Ids:
    """Row ids of the records a document refers to by key."""

    def __init__(self, sources: Mapping[str, int], places: Mapping[str, int]) -> None:
        self.sources = sources
        self.places = places


async def record_ids(session: AsyncSession) -> Ids:
    """The row ids of every stored source and place, by key."""
    sources = await session.execute(select(models.SourceRow.key, models.SourceRow.id))
    places = await session.execute(select(models.PlaceRow.key, models.PlaceRow.id))
    return Ids(sources=dict(sources.all()), places=dict(places.all()))


def clear_children(row: models.Base) -> None:
    """Empty every child list of a row, so its child rows can be replaced wholesale."""
    for name in ("sources", "extensions", "donors", "items", "spending"):
        children = getattr(row, name, None)
        if isinstance(children, list):
            children.clear()


def _bilingual(uk: str | None, en: str | None) -> Bilingual | None:
    return None if uk is None or en is None else Bilingual(uk=uk, en=en)


def _notes(uk: str | None, en: str | None) -> Notes | None:
    return None if uk is None and en is None else Notes(uk=uk, en=en)


def _uk(text: Bilingual | Notes | None) -> str | None:
    return None if text is None else text.uk


def _en(text: Bilingual | Notes | None) -> str | None:
    return None if text is None else text.en


def _citations(
    links: list[models.AgreementSourceRow]
    | list[models.AidSourceRow]
    | list[models.ActivitySourceRow]
    | list[models.ProgrammeSourceRow],
) -> list[CitationDoc]:
    return [CitationDoc(source=link.source.key, quote=link.quote) for link in links]


def source_doc(row: models.SourceRow) -> SourceDoc:
    """The document form of a stored source."""
    return SourceDoc(
        key=row.key,
        kind=SourceKind(row.kind),
        title=Bilingual(uk=row.title_uk, en=row.title_en),
        issuer=Bilingual(uk=row.issuer_uk, en=row.issuer_en),
        document_number=row.document_number,
        issued_on=row.issued_on,
        url=row.url,
        language=row.language,
        notes=row.notes,
    )


def apply_source(doc: SourceDoc, row: models.SourceRow) -> None:
    """Write a source document's fields onto a row."""
    row.key = doc.key
    row.kind = doc.kind.value
    row.title_uk, row.title_en = doc.title.uk, doc.title.en
    row.issuer_uk, row.issuer_en = doc.issuer.uk, doc.issuer.en
    row.document_number = doc.document_number
    row.issued_on = doc.issued_on
    row.url = doc.url
    row.language = doc.language
    row.notes = doc.notes


_HROMADA_FIELDS = (
    "name_uk",
    "name_en",
    "oblast_code",
    "oblast_uk",
    "oblast_en",
    "raion_code",
    "raion_uk",
    "raion_en",
    "center_uk",
    "center_en",
    "latitude",
    "longitude",
    "population",
)


def hromada_doc(row: models.HromadaRow) -> HromadaDoc:
    """The document form of a stored hromada."""
    return HromadaDoc(
        code=row.code,
        kind=None if row.kind is None else HromadaKind(row.kind),
        aliases=list(row.aliases),
        **{field: getattr(row, field) for field in _HROMADA_FIELDS},
    )


def apply_hromada(doc: HromadaDoc, row: models.HromadaRow) -> None:
    """Write a hromada document's fields onto a row."""
    row.code = doc.code
    row.kind = None if doc.kind is None else doc.kind.value
    row.aliases = list(doc.aliases)
    for field in _HROMADA_FIELDS:
        setattr(row, field, getattr(doc, field))


def place_doc(row: models.PlaceRow) -> PlaceDoc:
    """The document form of a stored place."""
    return PlaceDoc(
        key=row.key,
        name=Bilingual(uk=row.name_uk, en=row.name_en),
        name_local=row.name_local,
        country=row.country_code,
        region=_bilingual(row.region_uk, row.region_en),
        latitude=row.latitude,
        longitude=row.longitude,
        geonames_id=row.geonames_id,
        aliases=list(row.aliases),
        notes=_notes(row.notes_uk, row.notes_en),
    )


def apply_place(doc: PlaceDoc, row: models.PlaceRow) -> None:
    """Write a place document's fields onto a row."""
    row.key = doc.key
    row.name_uk, row.name_en = doc.name.uk, doc.name.en
    row.name_local = doc.name_local
    row.country_code = doc.country
    row.region_uk, row.region_en = _uk(doc.region), _en(doc.region)
    row.latitude, row.longitude = doc.latitude, doc.longitude
    row.geonames_id = doc.geonames_id
    row.aliases = list(doc.aliases)
    row.notes_uk, row.notes_en = _uk(doc.notes), _en(doc.notes)


def agreement_doc(row: models.AgreementRow) -> AgreementDoc:
    """The document form of a stored agreement."""
    return AgreementDoc(
        key=row.key,
        hromada=row.hromada_code,
        place=row.place.key,
        kind=AgreementKind(row.kind),
        status=AgreementStatus(row.status),
        title=_bilingual(row.title_uk, row.title_en),
        signed_on=row.signed_on,
        planned_on=row.planned_on,
        valid_until=row.valid_until,
        term_years=row.term_years,
        extensions=[
            ExtensionDoc(
                extended_on=extension.extended_on,
                term_years=extension.term_years,
                valid_until=extension.valid_until,
                source=extension.source.key,
                notes=_notes(extension.notes_uk, extension.notes_en),
            )
            for extension in row.extensions
        ],
        areas=[CooperationArea(area) for area in row.areas],
        notes=_notes(row.notes_uk, row.notes_en),
        sources=_citations(row.sources),
    )


Link = TypeVar(
    "Link",
    models.AgreementSourceRow,
    models.AidSourceRow,
    models.ActivitySourceRow,
    models.ProgrammeSourceRow,
)


def _links(link: type[Link], citations: list[CitationDoc], ids: Ids) -> list[Link]:
    """A fact's rows linking it to its sources, in the order the document cites them."""
    return [
        link(source_id=ids.sources[citation.source], position=position, quote=citation.quote)
        for position, citation in enumerate(citations)
    ]


def apply_agreement(doc: AgreementDoc, row: models.AgreementRow, ids: Ids) -> None:
    """Write an agreement document's fields and its child rows onto a row."""
    row.key = doc.key
    row.hromada_code = doc.hromada
    row.place_id = ids.places[doc.place]
    row.kind, row.status = doc.kind.value, doc.status.value
    row.title_uk, row.title_en = _uk(doc.title), _en(doc.title)
    row.signed_on, row.planned_on = doc.signed_on, doc.planned_on
    row.valid_until, row.term_years = doc.valid_until, doc.term_years
    row.areas = [area.value for area in doc.areas]
    row.notes_uk, row.notes_en = _uk(doc.notes), _en(doc.notes)
    row.extensions = [
        models.AgreementExtensionRow(
            position=position,
            extended_on=extension.extended_on,
            term_years=extension.term_years,
            valid_until=extension.valid_until,
            source_id=ids.sources[extension.source],
            notes_uk=_uk(extension.notes),
            notes_en=_en(extension.notes),
        )
        for position, extension in enumerate(doc.extensions)
    ]
    row.sources = _links(models.AgreementSourceRow, doc.sources, ids)


def aid_doc(row: models.AidRow) -> AidDoc:
    """The document form of a stored aid record."""
    return AidDoc(
        key=row.key,
        hromada=row.hromada_code,
        received_on=row.received_on,
        donors=[
            DonorDoc(
                kind=DonorKind(donor.kind),
                country=donor.country_code,
                place=None if donor.place is None else donor.place.key,
                name=donor.name,
            )
            for donor in row.donors
        ],
        items=[
            AidItemDoc(category=AidCategory(item.category), quantity=item.quantity)
            for item in row.items
        ],
        amount=row.amount,
        currency=row.currency,
        description=_bilingual(row.description_uk, row.description_en),
        notes=_notes(row.notes_uk, row.notes_en),
        sources=_citations(row.sources),
    )


def apply_aid(doc: AidDoc, row: models.AidRow, ids: Ids) -> None:
    """Write an aid document's fields and its child rows onto a row."""
    row.key = doc.key
    row.hromada_code = doc.hromada
    row.received_on = doc.received_on
    row.amount, row.currency = doc.amount, doc.currency
    row.description_uk, row.description_en = _uk(doc.description), _en(doc.description)
    row.notes_uk, row.notes_en = _uk(doc.notes), _en(doc.notes)
    row.donors = [
        models.AidDonorRow(
            position=position,
            kind=donor.kind.value,
            country_code=donor.country,
            place_id=None if donor.place is None else ids.places[donor.place],
            name=donor.name,
        )
        for position, donor in enumerate(doc.donors)
    ]
    row.items = [
        models.AidItemRow(position=position, category=item.category.value, quantity=item.quantity)
        for position, item in enumerate(doc.items)
    ]
    row.sources = _links(models.AidSourceRow, doc.sources, ids)


def activity_doc(row: models.ActivityRow) -> ActivityDoc:
    """The document form of a stored activity."""
    return ActivityDoc(
        key=row.key,
        hromada=row.hromada_code,
        kind=ActivityKind(row.kind),
        started_on=row.started_on,
        ended_on=row.ended_on,
        place=None if row.place is None else row.place.key,
        count=row.count,
        count_is_lower_bound=row.count_is_lower_bound,
        summary=Bilingual(uk=row.summary_uk, en=row.summary_en),
        sources=_citations(row.sources),
    )


def apply_activity(doc: ActivityDoc, row: models.ActivityRow, ids: Ids) -> None:
    """Write an activity document's fields and its child rows onto a row."""
    row.key = doc.key
    row.hromada_code = doc.hromada
    row.kind = doc.kind.value
    row.started_on, row.ended_on = doc.started_on, doc.ended_on
    row.place_id = None if doc.place is None else ids.places[doc.place]
    row.count, row.count_is_lower_bound = doc.count, doc.count_is_lower_bound
    row.summary_uk, row.summary_en = doc.summary.uk, doc.summary.en
    row.sources = _links(models.ActivitySourceRow, doc.sources, ids)


def programme_doc(row: models.ProgrammeRow) -> ProgrammeDoc:
    """The document form of a stored programme."""
    return ProgrammeDoc(
        key=row.key,
        hromada=row.hromada_code,
        title=Bilingual(uk=row.title_uk, en=row.title_en),
        first_year=row.first_year,
        last_year=row.last_year,
        approved_by=_bilingual(row.approved_by_uk, row.approved_by_en),
        spending=[
            SpendingDoc(
                period=spending.period,
                amount=spending.amount,
                currency=spending.currency,
                purpose=_bilingual(spending.purpose_uk, spending.purpose_en),
            )
            for spending in row.spending
        ],
        sources=_citations(row.sources),
    )


def apply_programme(doc: ProgrammeDoc, row: models.ProgrammeRow, ids: Ids) -> None:
    """Write a programme document's fields and its child rows onto a row."""
    row.key = doc.key
    row.hromada_code = doc.hromada
    row.title_uk, row.title_en = doc.title.uk, doc.title.en
    row.first_year, row.last_year = doc.first_year, doc.last_year
    row.approved_by_uk, row.approved_by_en = _uk(doc.approved_by), _en(doc.approved_by)
    row.spending = [
        models.ProgrammeSpendingRow(
            position=position,
            period=spending.period,
            amount=spending.amount,
            currency=spending.currency,
            purpose_uk=_uk(spending.purpose),
            purpose_en=_en(spending.purpose),
        )
        for position, spending in enumerate(doc.spending)
    ]
    row.sources = _links(models.ProgrammeSourceRow, doc.sources, ids)


Doc = TypeVar("Doc", bound=BaseModel)
Row = TypeVar("Row", bound=models.Base)


@dataclass(frozen=True)
class RecordMapping(Generic[Doc, Row]):
    """One kind of record: its names, its row class, and the mapping to and from its document
    class (`DOCUMENT_TYPES` in knowledge.facts.documents).

    `entity` is what the audit log calls it ("agreement"), `section` the document's list of
    them ("agreements"). A kind `with_children` refers to sources and places by row id and has
    child rows, which a change replaces wholesale.
    """

    entity: Entity
    section: str
    row_type: type[Row]
    to_doc: Callable[[Row], Doc]
    apply: Callable[[Doc, Row, Ids], None]
    key_field: str = "key"
    with_children: bool = False

    def key_of(self, doc: Doc) -> str:
        """The document's key (a hromada's code)."""
        key: str = getattr(doc, self.key_field)
        return key


def _without_ids(apply: Callable[[Doc, Row], None]) -> Callable[[Doc, Row, Ids], None]:
    return lambda doc, row, _ids: apply(doc, row)


# In the order they are written: what the others refer to comes first.
RECORDS: tuple[RecordMapping[Any, Any], ...] = (
    RecordMapping(
        Entity.SOURCE,
        "sources",
        models.SourceRow,
        source_doc,
        _without_ids(apply_source),
    ),
    RecordMapping(
        Entity.HROMADA,
        "hromadas",
        models.HromadaRow,
        hromada_doc,
        _without_ids(apply_hromada),
        key_field="code",
    ),
    RecordMapping(Entity.PLACE, "places", models.PlaceRow, place_doc, _without_ids(apply_place)),
    RecordMapping(
        Entity.AGREEMENT,
        "agreements",
        models.AgreementRow,
        agreement_doc,
        apply_agreement,
        with_children=True,
    ),
    RecordMapping(Entity.AID, "aid", models.AidRow, aid_doc, apply_aid, with_children=True),
    RecordMapping(
        Entity.ACTIVITY,
        "activities",
        models.ActivityRow,
        activity_doc,
        apply_activity,
        with_children=True,
    ),
    RecordMapping(
        Entity.PROGRAMME,
        "programmes",
        models.ProgrammeRow,
        programme_doc,
        apply_programme,
        with_children=True,
    ),
)
_BY_ENTITY: dict[str, RecordMapping[Any, Any]] = {record.entity: record for record in RECORDS}


def mapping_of(entity: str) -> RecordMapping[Any, Any]:
    """The mapping of a kind of record by its audit name; KeyError for an unknown one."""
    return _BY_ENTITY[entity]
