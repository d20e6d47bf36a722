"""An immutable, indexed copy of the knowledge base that answers are computed from."""

from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import TypeVar

from knowledge.documents import (
    ActivityDoc,
    AgreementDoc,
    AidDoc,
    HromadaDoc,
    KnowledgeDocument,
    PlaceDoc,
    ProgrammeDoc,
    SourceDoc,
)
from knowledge.terms import Expiry, expiry

Item = TypeVar("Item")
# The widest an end date can be: one known only to the year.
_LONGEST_SPAN = dt.timedelta(days=366)


def _region_of(place: PlaceDoc) -> str:
    return "" if place.region is None else place.region.en


def _grouped(items: Iterable[Item], key: Callable[[Item], str]) -> dict[str, tuple[Item, ...]]:
    groups: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        groups[key(item)].append(item)
    return {name: tuple(group) for name, group in groups.items()}


def _by_hromada(agreements: Iterable[AgreementDoc]) -> list[AgreementDoc]:
    # A stable sort keeps each hromada's agreements together, in the document's order.
    return sorted(agreements, key=lambda agreement: agreement.hromada)


@dataclass(frozen=True, slots=True)
class Ending:
    """An agreement's end, as the span of days it may fall on."""

    first_day: dt.date
    last_day: dt.date
    agreement: AgreementDoc
    expiry: Expiry


@dataclass(frozen=True)
class Snapshot:
    """The knowledge base indexed for answering: by hromada, by place and by country."""

    hromadas: Mapping[str, HromadaDoc]
    places: Mapping[str, PlaceDoc]
    sources: Mapping[str, SourceDoc]
    agreements: Mapping[str, AgreementDoc]
    agreements_by_hromada: Mapping[str, tuple[AgreementDoc, ...]]
    agreements_by_place: Mapping[str, tuple[AgreementDoc, ...]]
    aid_by_hromada: Mapping[str, tuple[AidDoc, ...]]
    activities_by_hromada: Mapping[str, tuple[ActivityDoc, ...]]
    programmes_by_hromada: Mapping[str, tuple[ProgrammeDoc, ...]]
    agreements_by_country: Mapping[str, tuple[AgreementDoc, ...]]
    agreements_by_region: Mapping[str, tuple[AgreementDoc, ...]]
    agreements_by_oblast: Mapping[str, tuple[AgreementDoc, ...]]
    # Agreements with a known or estimated end, sorted by the last day that end may be.
    expiring: tuple[Ending, ...]

    @classmethod
    def from_document(cls, document: KnowledgeDocument) -> Snapshot:
        """Index a whole knowledge document."""
        places = {place.key: place for place in document.places}
        hromadas = {hromada.code: hromada for hromada in document.hromadas}
        ends = ((agreement, expiry(agreement)) for agreement in document.agreements)
        return cls(
            hromadas=hromadas,
            places=places,
            sources={source.key: source for source in document.sources},
            agreements={agreement.key: agreement for agreement in document.agreements},
            agreements_by_hromada=_grouped(document.agreements, lambda item: item.hromada),
            agreements_by_place=_grouped(document.agreements, lambda item: item.place),
            aid_by_hromada=_grouped(document.aid, lambda item: item.hromada),
            activities_by_hromada=_grouped(document.activities, lambda item: item.hromada),
            programmes_by_hromada=_grouped(document.programmes, lambda item: item.hromada),
            agreements_by_country=_grouped(
                _by_hromada(document.agreements), lambda item: places[item.place].country
            ),
            agreements_by_region=_grouped(
                _by_hromada(a for a in document.agreements if places[a.place].region is not None),
                lambda item: _region_of(places[item.place]),
            ),
            agreements_by_oblast=_grouped(
                _by_hromada(document.agreements),
                lambda item: hromadas[item.hromada].oblast_code or "",
            ),
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

    def endings_between(self, first: dt.date, last: dt.date) -> list[AgreementDoc]:
        """Agreements whose end may fall between the two days (inclusive)."""
        start = bisect.bisect_left(self.expiring, first, key=lambda ending: ending.last_day)
        found = []
        for ending in self.expiring[start:]:
            if ending.first_day > last and ending.last_day - last > _LONGEST_SPAN:
                break
            if ending.first_day <= last:
                found.append(ending.agreement)
        return found

    def country_of(self, agreement: AgreementDoc) -> str:
        """The partner's country."""
        return self.places[agreement.place].country
