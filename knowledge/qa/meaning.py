"""What a question means once names and the conversation are resolved: a frozen, typed value."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypedDict, TypeVar, Unpack

from knowledge.facts.vocabulary import AgreementKind, AgreementStatus, AidCategory
from knowledge.places.world import WorldPlace
from knowledge.qa.intents import Intent

EntityValue = str | int


class Topic(StrEnum):
    """What a count or an overview is about."""

    PARTNERS = "partners"
    AGREEMENTS = "agreements"
    COUNTRIES = "countries"
    AID = "aid"
    MEETINGS = "meetings"
    PROGRAMME = "programme"


class Aspect(StrEnum):
    """Which side of a record the question asks about."""

    MONEY = "money"
    QUANTITY = "quantity"
    DONORS = "donors"
    WHEN = "when"
    TERM = "term"
    # "How many partner cities do the hromadas have in the USA?" counts the cities.
    PLACES = "places"
    # The knowledge base as a whole: the hromadas it covers, the one with the most partners.
    HROMADAS = "hromadas"
    # «Які громади отримували допомогу?»: every hromada with aid recorded, with its deliveries.
    AID_HROMADAS = "aid_hromadas"
    # «Скільки громад мають партнерів?»: how many hromadas have a partnership recorded.
    WITH_PARTNERS = "with_partners"
    # «Скільки всього угод у базі?»: every agreement recorded, the signed ones and the rest.
    TOTALS = "totals"
    MOST = "most"
    MOST_AGREEMENTS = "most_agreements"
    # Events found by the words of their records ("where was the conference of mayors?").
    EVENTS = "events"
    # "The second one" when the previous answer listed fewer.
    BEYOND_LIST = "beyond_list"
    # «коли його продовжили?», "was it renewed?": the agreement's extension, not its signing.
    EXTENSION = "extension"
    # «а з ким ще?» after a list of partners: the partners it did not show, or that it showed all.
    OTHERS = "others"
    # «найстаріший побратим», "the most recent partnership": by the signing date.
    OLDEST = "oldest"
    NEWEST = "newest"
    # «В якому регіоні Олайне?», "which state is it in?": a partner's region, not only its
    # country.
    REGION = "region"
    # "Did Japan send generators?": whether a sender's aid held the kinds of goods named.
    SENT = "sent"
    # «Які угоди без дати підписання?»: the signed agreements whose date the sources omit.
    UNDATED = "undated"


class EventDetail(StrEnum):
    """The side of an event just answered that a bare follow-up asks about."""

    WHEN = "when"
    WHERE = "where"
    WHO = "who"


@dataclass(frozen=True, slots=True)
class Narrow:
    """The side asked about; `categories` the kinds of aid a "how many" names (none: all);
    `records` the keys of the events the question's words found, `words` those words' starts,
    `detail` the side of those events a follow-up asks."""

    aspect: Aspect
    categories: frozenset[AidCategory] = frozenset()
    records: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    # Of events: the one side a follow-up asks («а коли?», «а де?», «а хто?»), see EventDetail.
    detail: EventDetail | None = None


Member = TypeVar("Member", bound=StrEnum)


def _member(kind: type[Member], value: object) -> Member | None:
    try:
        return kind(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def _number(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


class EntityChanges(TypedDict, total=False):
    """The fields of `Entities` a copy may change (see `Entities.but`), each of its type."""

    hromada: str | None
    place: str | None
    country: str | None
    region: str | None
    oblast: str | None
    kind: AgreementKind | None
    status: AgreementStatus | None
    year: int | None
    months: int | None
    until: int | None
    topic: Topic | None
    agreement: str | None
    compared: str | None
    part: str | None
    unsigned: bool | None
    except_country: str | None
    except_place: str | None
    except_kind: AgreementKind | None


@dataclass(frozen=True, slots=True)
class Entities:
    """What a question is about; every field is optional.

    `hromada` is a KATOTTH code, `place` a partner's key, `country` an ISO 3166-1 alpha-2 code,
    `region` a partner region's English name, `oblast` an oblast's KATOTTH code, `agreement` an
    agreement's key; `compared` the KATOTTH code of a second hromada a comparison sets beside
    `hromada`; `year` is a calendar year and `months` a window from today, in months;
    `until` is the last calendar year of a window from today ("до 2029 року" gives 2028,
    "by the end of 2029" 2029); `part` the part of `year` asked about, "end" or "start".
    """

    hromada: str | None = None
    place: str | None = None
    country: str | None = None
    region: str | None = None
    oblast: str | None = None
    kind: AgreementKind | None = None
    status: AgreementStatus | None = None
    year: int | None = None
    months: int | None = None
    until: int | None = None
    topic: Topic | None = None
    agreement: str | None = None
    compared: str | None = None
    # The part of `year` asked about: "end" («наприкінці року») or "start".
    part: str | None = None
    # «ще не підписані», "not signed yet": `status` is planned, and talks under way count too.
    unsigned: bool | None = None
    # «крім американських», "except those in Poland", «окрім побратимів»: what the answer
    # leaves out (a country code, a partner's key, a kind of agreement).
    except_country: str | None = None
    except_place: str | None = None
    except_kind: AgreementKind | None = None

    @property
    def excepts(self) -> bool:
        """Whether the question leaves a country, a partner or a kind out of the answer."""
        return any((self.except_country, self.except_place, self.except_kind))

    def admits(self, status: AgreementStatus) -> bool:
        """Whether an agreement of that status is among those asked about: any without a
        status asked, a planned one or one in talks when the question asks for the unsigned."""
        if self.status is None:
            return True
        if self.unsigned:
            return status in (AgreementStatus.PLANNED, AgreementStatus.IN_NEGOTIATION)
        return status is self.status

    @property
    def place_filters(self) -> bool:
        """Whether a partner, a country, a partner's region or an oblast narrows the question."""
        return any((self.place, self.country, self.region, self.oblast))

    def but(self, **changes: Unpack[EntityChanges]) -> Entities:
        """A copy with some fields changed; a field `Entities` lacks or a value of another
        type is a type error."""
        return dataclasses.replace(self, **changes)

    def as_dict(self) -> dict[str, EntityValue]:
        """The fields that are set, as plain strings and numbers (for JSON and the scorer)."""
        return {
            field.name: value
            for field in dataclasses.fields(self)
            if (value := getattr(self, field.name)) is not None
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Entities:
        """Read back `as_dict`; a value of the wrong type or an unknown key is left out."""
        return cls(
            hromada=_text(data.get("hromada")),
            place=_text(data.get("place")),
            country=_text(data.get("country")),
            region=_text(data.get("region")),
            oblast=_text(data.get("oblast")),
            kind=_member(AgreementKind, data.get("kind")),
            status=_member(AgreementStatus, data.get("status")),
            year=_number(data.get("year")),
            months=_number(data.get("months")),
            until=_number(data.get("until")),
            topic=_member(Topic, data.get("topic")),
            agreement=_text(data.get("agreement")),
            compared=_text(data.get("compared")),
            part=_text(data.get("part")),
            unsigned=True if data.get("unsigned") is True else None,
            except_country=_text(data.get("except_country")),
            except_place=_text(data.get("except_place")),
            except_kind=_member(AgreementKind, data.get("except_kind")),
        )


class Declined(StrEnum):
    """A part of a question the knowledge base cannot answer, said plainly instead."""

    # «Як стати містом-побратимом?»: a procedure, not a recorded fact.
    HOW_TO = "how_to"
    # «партнери з ЄС», "in Asia": the records name countries, never continents or blocs.
    COUNTRY_GROUP = "country_group"
    # «партнери Криму», "occupied territories": Ukrainian land no record in the base is about.
    OCCUPIED = "occupied"


@dataclass(frozen=True, slots=True)
class Meaning:
    """A question's intent and entities, decided once; the engine answers it as it is.

    `ambiguous` lists the hromada codes a name may mean (answered by asking which one);
    `pending` is what a non-answer keeps for the next question; `yes_no` says the question
    asks for a yes or a no; `picked` that it picked an item of the previous answer's list ("the
    second one"), which then stays the list to count; `unknown_partner` is a partner's name
    as the question wrote it ("Варшавою") that no known name covers; `settlement` the KATOTTH
    code of the village or town the question named for its hromada («Бене»); `world_town` a
    foreign town of the world gazetteer the question named that no hromada partners with
    («побратими вроцлава»); `narrow` the one side of the record the question asks about
    (how much money, how many vehicles, from whom, when, for how long); `rule` names the rule
    that decided.
    """

    intent: Intent
    entities: Entities = field(default_factory=Entities)
    ambiguous: tuple[str, ...] = ()
    ambiguous_text: str = ""
    pending: Intent | None = None
    yes_no: bool = False
    # «Чи закінчилась угода?», "Has it expired?": a yes-or-no asking whether an agreement
    # ENDED, whose yes is the no of «Чи ще діє?».
    asks_ended: bool = False
    picked: bool = False
    unknown_partner: str = ""
    settlement: str | None = None
    world_town: WorldPlace | None = None
    narrow: Narrow | None = None
    rule: str = ""
    # The kinds of agreement a definition question asks about («що таке меморандум»).
    defined: tuple[str, ...] = ()
    # «а Брно і Лілль?», «а Париж і Лондон?»: the further partners asked about in the same
    # question (keys), and the further towns no record names (as written).
    also: tuple[str, ...] = ()
    also_unknown: tuple[str, ...] = ()
    # What part of a question the records cannot answer, when that is why it is declined.
    declined: Declined | None = None
    # «а коли підписали?» after a list of a few agreements: their keys, answered one by one.
    each: tuple[str, ...] = ()
