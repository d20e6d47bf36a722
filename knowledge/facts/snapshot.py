"""An immutable, indexed copy of the knowledge base that answers are computed from."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.records import (
    Activity,
    Agreement,
    Aid,
    Compactor,
    Hromada,
    Place,
    Programme,
    Source,
)
from knowledge.facts.terms import Expiry, expiry
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus

Item = TypeVar("Item")
Key = TypeVar("Key", bound=str)
# The widest an end date can be: one known only to the year.
_LONGEST_SPAN = dt.timedelta(days=366)


def _region_of(place: Place) -> str:
    return "" if place.region is None else place.region.en


def _grouped(items: Iterable[Item], key: Callable[[Item], Key]) -> dict[Key, tuple[Item, ...]]:
    groups: dict[Key, list[Item]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return {name: tuple(group) for name, group in groups.items()}


def _by_hromada(agreements: Iterable[Agreement]) -> list[Agreement]:
    # A stable sort keeps each hromada's agreements together, in the document's order.
    return sorted(agreements, key=lambda agreement: agreement.hromada)


@dataclass(frozen=True, slots=True)
class Ending:
    """An agreement's end, as the span of days it may fall on."""

    first_day: dt.date
    last_day: dt.date
    agreement: Agreement
    expiry: Expiry


def _aid_by_country(aid: Iterable[Aid]) -> dict[str, tuple[Aid, ...]]:
    """Aid records by each donor country they name, hromadas in code order."""
    grouped: dict[str, list[Aid]] = {}
    for record in sorted(aid, key=lambda item: item.hromada):
        for country in dict.fromkeys(d.country for d in record.donors if d.country):
            grouped.setdefault(country, []).append(record)
    return {country: tuple(records) for country, records in grouped.items()}


@dataclass(frozen=True)
class Snapshot:
    """The knowledge base indexed for answering: by hromada, by place and by country."""

    hromadas: Mapping[str, Hromada]
    places: Mapping[str, Place]
    sources: Mapping[str, Source]
    agreements: Mapping[str, Agreement]
    agreements_by_hromada: Mapping[str, tuple[Agreement, ...]]
    agreements_by_place: Mapping[str, tuple[Agreement, ...]]
    aid_by_hromada: Mapping[str, tuple[Aid, ...]]
    activities_by_hromada: Mapping[str, tuple[Activity, ...]]
    programmes_by_hromada: Mapping[str, tuple[Programme, ...]]
    agreements_by_country: Mapping[str, tuple[Agreement, ...]]
    agreements_by_region: Mapping[str, tuple[Agreement, ...]]
    agreements_by_oblast: Mapping[str, tuple[Agreement, ...]]
    # Nation-wide questions by kind of agreement, by status and by donor country.
    agreements_by_kind: Mapping[AgreementKind, tuple[Agreement, ...]]
    agreements_by_status: Mapping[AgreementStatus, tuple[Agreement, ...]]
    aid_by_country: Mapping[str, tuple[Aid, ...]]
    # Agreements with a known or estimated end, sorted by the last day that end may be.
    expiring: tuple[Ending, ...]

    @classmethod
    def from_document(cls, document: KnowledgeDocument) -> Snapshot:
        """Index a whole knowledge document, copied into compact records.

        The snapshot keeps no reference to the document, so it can be freed once this returns.
        """
        compact = Compactor()
        return cls.from_records(
            hromadas=[compact.hromada(hromada) for hromada in document.hromadas],
            places=[compact.place(place) for place in document.places],
            sources=[compact.source(source) for source in document.sources],
            agreements=[compact.agreement(agreement) for agreement in document.agreements],
            aid=[compact.aid(aid) for aid in document.aid],
            activities=[compact.activity(activity) for activity in document.activities],
            programmes=[compact.programme(programme) for programme in document.programmes],
        )

    @classmethod
    def from_records(
        cls,
        *,
        hromadas: Iterable[Hromada],
        places: Iterable[Place],
        sources: Iterable[Source],
        agreements: Sequence[Agreement],
        aid: Iterable[Aid],
        activities: Iterable[Activity],
        programmes: Iterable[Programme],
    ) -> Snapshot:
        """Index compact records, each kind in the order of its key (hromadas by code)."""
        places_by_key = {place.key: place for place in places}
        hromadas_by_code = {hromada.code: hromada for hromada in hromadas}
        ends = ((agreement, expiry(agreement)) for agreement in agreements)
        return cls(
            hromadas=hromadas_by_code,
            places=places_by_key,
            sources={source.key: source for source in sources},
            agreements={agreement.key: agreement for agreement in agreements},
            agreements_by_hromada=_grouped(agreements, lambda item: item.hromada),
            agreements_by_place=_grouped(agreements, lambda item: item.place),
            aid_by_hromada=_grouped(aid, lambda item: item.hromada),
            activities_by_hromada=_grouped(activities, lambda item: item.hromada),
            programmes_by_hromada=_grouped(programmes, lambda item: item.hromada),
            agreements_by_country=_grouped(
                _by_hromada(agreements), lambda item: places_by_key[item.place].country
            ),
            agreements_by_region=_grouped(
                _by_hromada(a for a in agreements if places_by_key[a.place].region is not None),
                lambda item: _region_of(places_by_key[item.place]),
            ),
            agreements_by_oblast=_grouped(
                _by_hromada(agreements),
                lambda item: hromadas_by_code[item.hromada].oblast_code or "",
            ),
            agreements_by_kind=_grouped(_by_hromada(agreements), lambda item: item.kind),
            agreements_by_status=_grouped(_by_hromada(agreements), lambda item: item.status),
            aid_by_country=_aid_by_country(aid),
            expiring=tuple(
                sorted(
                    (
                        Ending(end.until.earliest(), end.until.latest(), agreement, end)
                        for agreement, end in ends
                        if end is not None
                    ),
                    key=lambda ending: ending.last_day,
                )
            ),
        )

    def has_records(self, hromada: str) -> bool:
        """Whether anything but the hromada's name is known."""
        return any(
            hromada in index
            for index in (
                self.agreements_by_hromada,
                self.aid_by_hromada,
                self.activities_by_hromada,
                self.programmes_by_hromada,
            )
        )

    def endings_between(self, first: dt.date, last: dt.date) -> list[Agreement]:
        """Agreements whose end may fall between the two days (inclusive)."""
        start = bisect.bisect_left(self.expiring, first, key=lambda ending: ending.last_day)
        found = []
        for ending in self.expiring[start:]:
            if ending.first_day > last and ending.last_day - last > _LONGEST_SPAN:
                break
            if ending.first_day <= last:
                found.append(ending.agreement)
        return found

    def country_of(self, agreement: Agreement) -> str:
        """The partner's country."""
        return self.places[agreement.place].country
