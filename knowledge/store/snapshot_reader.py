"""Reads the snapshot straight from the database rows, without the pydantic document.

The document of a national knowledge base takes hundreds of MB and seconds to validate; the
engine only needs the compact records, so they are built from plain column values by the
record constructors a document's records go through too (`Compactor.*_record`). The result
is the same snapshot `Snapshot.from_document(export_document(...))` gives (a test compares).
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import AsyncIterator, Iterable
from typing import Any

from sqlalchemy import String, select, type_coerce
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from knowledge.facts.records import (
    Activity,
    Agreement,
    Aid,
    Cited,
    Compactor,
    Extension,
    Hromada,
    Place,
    Programme,
    Source,
    Spending,
)
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import (
    ActivityKind,
    AgreementKind,
    AgreementStatus,
    CooperationArea,
    SourceKind,
)
from knowledge.store import models
from knowledge.store.engines import snapshot_read

_BATCH = 2000
_log = logging.getLogger(__name__)


def _key(keys: dict[int, str], row_id: int, record: str, owner_id: int, target: str) -> str | None:
    """The key of the row a record refers to; None, logged, when the snapshot lacks that row.

    Only a read outside one consistent snapshot (or a broken database) lacks it: the
    reference is then left out of this snapshot rather than stopping the whole load.
    """
    key = keys.get(row_id)
    if key is None:
        _log.warning(
            "%s row %s refers to %s row %s the snapshot does not hold; left out",
            record,
            owner_id,
            target,
            row_id,
        )
    return key


def _iso(column: Any) -> ColumnElement[str]:
    # The stored ISO text itself: equal dates are parsed once (Compactor.iso_date), not per row.
    return type_coerce(column, String())


async def _rows(
    connection: AsyncConnection, *columns: Any, order: Iterable[Any]
) -> AsyncIterator[Any]:
    # In batches: the rows of a whole table at once would scatter the records kept among
    # rows thrown away, and the process would keep the memory of both.
    result = await connection.stream(select(*columns).order_by(*order))
    async for batch in result.partitions(_BATCH):
        for row in batch:
            yield row


class _Reader:
    def __init__(self, connection: AsyncConnection) -> None:
        self._connection = connection
        self._compact = Compactor()
        self._source_keys: dict[int, str] = {}
        self._place_keys: dict[int, str] = {}

    async def _citations(
        self, link: type[models.Base], owner: Any
    ) -> defaultdict[int, list[Cited]]:
        table: Any = link
        rows = _rows(
            self._connection,
            owner,
            table.source_id,
            table.quote,
            order=(owner, table.position),
        )
        citation, keys = self._compact.citation, self._source_keys
        cited: defaultdict[int, list[Cited]] = defaultdict(list)
        async for owner_id, source_id, quote in rows:
            key = _key(keys, source_id, table.__tablename__, owner_id, "source")
            if key is None:
                continue
            cited[owner_id].append(citation(key, quote))
        return cited

    async def sources(self) -> list[Source]:
        table, compact = models.SourceRow, self._compact
        rows = _rows(
            self._connection,
            table.id,
            table.key,
            table.kind,
            table.title_uk,
            table.title_en,
            table.issuer_uk,
            table.issuer_en,
            table.document_number,
            _iso(table.issued_on),
            table.url,
            table.language,
            table.notes,
            order=(table.key,),
        )
        records = []
        async for row in rows:
            record = compact.source_record(
                row.key,
                SourceKind(row.kind),
                row.title_uk,
                row.title_en,
                row.issuer_uk,
                row.issuer_en,
                row.document_number,
                compact.optional_iso_date(row.issued_on),
                row.url,
                row.language,
                row.notes,
            )
            self._source_keys[row.id] = record.key
            records.append(record)
        return records

    async def hromadas(self) -> list[Hromada]:
        table, compact = models.HromadaRow, self._compact
        rows = _rows(
            self._connection,
            table.code,
            table.name_uk,
            table.name_en,
            table.kind,
            table.oblast_code,
            table.oblast_uk,
            table.oblast_en,
            table.raion_code,
            table.raion_uk,
            table.raion_en,
            table.center_uk,
            table.center_en,
            table.latitude,
            table.longitude,
            table.population,
            table.aliases,
            order=(table.code,),
        )
        return [compact.hromada(row) async for row in rows]

    async def places(self) -> list[Place]:
        table, compact = models.PlaceRow, self._compact
        rows = _rows(
            self._connection,
            table.id,
            table.key,
            table.name_uk,
            table.name_en,
            table.name_local,
            table.country_code,
            table.region_uk,
            table.region_en,
            table.latitude,
            table.longitude,
            table.geonames_id,
            table.aliases,
            table.notes_uk,
            table.notes_en,
            order=(table.key,),
        )
        records = []
        async for row in rows:
            record = compact.place_record(
                row.key,
                (row.name_uk, row.name_en),
                row.name_local,
                row.country_code,
                (row.region_uk, row.region_en),
                row.latitude,
                row.longitude,
                row.geonames_id,
                row.aliases,
                (row.notes_uk, row.notes_en),
            )
            self._place_keys[row.id] = record.key
            records.append(record)
        return records

    async def agreements(self) -> list[Agreement]:
        table, compact = models.AgreementRow, self._compact
        extension = models.AgreementExtensionRow
        extension_rows = _rows(
            self._connection,
            extension.agreement_id,
            _iso(extension.extended_on),
            extension.term_years,
            _iso(extension.valid_until),
            extension.source_id,
            extension.notes_uk,
            extension.notes_en,
            order=(extension.agreement_id, extension.position),
        )
        extensions: defaultdict[int, list[Extension]] = defaultdict(list)
        async for row in extension_rows:
            source = _key(
                self._source_keys, row.source_id, "agreement extension", row.agreement_id, "source"
            )
            if source is None:
                continue
            extensions[row.agreement_id].append(
                compact.extension_record(
                    compact.iso_date(row.extended_on),
                    row.term_years,
                    compact.optional_iso_date(row.valid_until),
                    source,
                    (row.notes_uk, row.notes_en),
                )
            )
        cited = await self._citations(
            models.AgreementSourceRow, models.AgreementSourceRow.agreement_id
        )
        rows = _rows(
            self._connection,
            table.id,
            table.key,
            table.hromada_code,
            table.place_id,
            table.kind,
            table.status,
            table.title_uk,
            table.title_en,
            _iso(table.signed_on),
            _iso(table.planned_on),
            _iso(table.valid_until),
            table.term_years,
            table.areas,
            table.notes_uk,
            table.notes_en,
            order=(table.key,),
        )
        kinds = {kind.value: kind for kind in AgreementKind}
        statuses = {status.value: status for status in AgreementStatus}
        areas = {area.value: area for area in CooperationArea}
        date, places = compact.optional_iso_date, self._place_keys
        return [
            compact.agreement_record(
                key,
                hromada,
                places[place_id],
                kinds[kind],
                statuses[status],
                (title_uk, title_en),
                (date(signed_on), date(planned_on), date(valid_until)),
                term_years,
                extensions.get(agreement_id, ()),
                [areas[area] for area in agreement_areas],
                (notes_uk, notes_en),
                cited[agreement_id],
            )
            async for (
                agreement_id,
                key,
                hromada,
                place_id,
                kind,
                status,
                title_uk,
                title_en,
                signed_on,
                planned_on,
                valid_until,
                term_years,
                agreement_areas,
                notes_uk,
                notes_en,
            ) in rows
            if _key(places, place_id, "agreement", agreement_id, "place") is not None
        ]

    async def aid(self) -> list[Aid]:
        table, compact, places = models.AidRow, self._compact, self._place_keys
        donor = models.AidDonorRow
        donor_rows = _rows(
            self._connection,
            donor.aid_id,
            donor.kind,
            donor.country_code,
            donor.place_id,
            donor.name,
            order=(donor.aid_id, donor.position),
        )
        donors: defaultdict[int, list[Any]] = defaultdict(list)
        async for aid_id, kind, country, place_id, name in donor_rows:
            place = None if place_id is None else _key(places, place_id, "aid", aid_id, "place")
            if place_id is not None and place is None:
                continue
            donors[aid_id].append(compact.donor(kind, country, place, name))
        item = models.AidItemRow
        item_rows = _rows(
            self._connection,
            item.aid_id,
            item.category,
            item.quantity,
            order=(item.aid_id, item.position),
        )
        items: defaultdict[int, list[Any]] = defaultdict(list)
        async for aid_id, category, quantity in item_rows:
            items[aid_id].append(compact.aid_item(category, quantity))
        cited = await self._citations(models.AidSourceRow, models.AidSourceRow.aid_id)
        rows = _rows(
            self._connection,
            table.id,
            table.key,
            table.hromada_code,
            _iso(table.received_on),
            table.amount,
            table.currency,
            table.description_uk,
            table.description_en,
            table.notes_uk,
            table.notes_en,
            order=(table.key,),
        )
        date, no_children = compact.optional_iso_date, ()
        return [
            compact.aid_record(
                key,
                hromada,
                date(received_on),
                donors.get(aid_id, no_children),
                items.get(aid_id, no_children),
                amount,
                currency,
                (description_uk, description_en),
                (notes_uk, notes_en),
                cited[aid_id],
            )
            async for (
                aid_id,
                key,
                hromada,
                received_on,
                amount,
                currency,
                description_uk,
                description_en,
                notes_uk,
                notes_en,
            ) in rows
        ]

    async def activities(self) -> list[Activity]:
        table, compact = models.ActivityRow, self._compact
        cited = await self._citations(
            models.ActivitySourceRow, models.ActivitySourceRow.activity_id
        )
        rows = _rows(
            self._connection,
            table.id,
            table.key,
            table.hromada_code,
            table.kind,
            _iso(table.started_on),
            _iso(table.ended_on),
            table.place_id,
            table.count,
            table.count_is_lower_bound,
            table.summary_uk,
            table.summary_en,
            order=(table.key,),
        )
        return [
            compact.activity_record(
                row.key,
                row.hromada_code,
                ActivityKind(row.kind),
                compact.optional_iso_date(row.started_on),
                compact.optional_iso_date(row.ended_on),
                None
                if row.place_id is None
                else _key(self._place_keys, row.place_id, "activity", row.id, "place"),
                row.count,
                row.count_is_lower_bound,
                (row.summary_uk, row.summary_en),
                cited[row.id],
            )
            async for row in rows
        ]

    async def programmes(self) -> list[Programme]:
        table, compact = models.ProgrammeRow, self._compact
        spending = models.ProgrammeSpendingRow
        spending_rows = _rows(
            self._connection,
            spending.programme_id,
            _iso(spending.period),
            spending.amount,
            spending.currency,
            spending.purpose_uk,
            spending.purpose_en,
            order=(spending.programme_id, spending.position),
        )
        spent: defaultdict[int, list[Spending]] = defaultdict(list)
        async for row in spending_rows:
            spent[row.programme_id].append(
                compact.spending_record(
                    compact.iso_date(row.period),
                    row.amount,
                    row.currency,
                    (row.purpose_uk, row.purpose_en),
                )
            )
        cited = await self._citations(
            models.ProgrammeSourceRow, models.ProgrammeSourceRow.programme_id
        )
        rows = _rows(
            self._connection,
            table.id,
            table.key,
            table.hromada_code,
            table.title_uk,
            table.title_en,
            table.first_year,
            table.last_year,
            table.approved_by_uk,
            table.approved_by_en,
            order=(table.key,),
        )
        return [
            compact.programme_record(
                row.key,
                row.hromada_code,
                (row.title_uk, row.title_en),
                row.first_year,
                row.last_year,
                (row.approved_by_uk, row.approved_by_en),
                spent.get(row.id, ()),
                cited[row.id],
            )
            async for row in rows
        ]


async def read_snapshot(connection: AsyncConnection) -> Snapshot:
    """The whole knowledge base, every hromada included, as an indexed snapshot.

    The connection must not be in a transaction yet: all tables are read in one transaction
    that sees a single state of the database (`snapshot_read`), so a record committed by
    another process between two of the reads cannot refer to one this read has not seen.
    """
    await snapshot_read(connection)
    reader = _Reader(connection)
    # Sources and places first: the other records refer to them by row id.
    sources = await reader.sources()
    places = await reader.places()
    return Snapshot.from_records(
        hromadas=await reader.hromadas(),
        places=places,
        sources=sources,
        agreements=await reader.agreements(),
        aid=await reader.aid(),
        activities=await reader.activities(),
        programmes=await reader.programmes(),
    )
