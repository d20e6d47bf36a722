"""Turns spreadsheet rows into knowledge records, matched against what the database holds.

Rows carry only some fields of a record. A row about a stored record changes the fields its
columns stand for and keeps the rest (titles, areas, extensions, quotes, aid items), so an
exported sheet imported back changes nothing. A partner city not known yet becomes a new
place; a source is matched by its address, else by title and date, else added under a key
derived from those, so importing the same sheet again finds it.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any, TypeVar
from urllib.parse import urlsplit

from pydantic import BaseModel, ValidationError

from knowledge.facts.dates import PartialDate
from knowledge.facts.documents import (
    NAME_LENGTH,
    UNSTATED_ISSUER,
    AgreementDoc,
    AidDoc,
    Bilingual,
    CitationDoc,
    DonorDoc,
    KnowledgeDocument,
    Notes,
    PlaceDoc,
    SourceDoc,
    entry_problem,
    length_problems,
)
from knowledge.facts.messages import N_, Name, Problem, number
from knowledge.facts.plausibility import entry_context
from knowledge.facts.vocabulary import AgreementStatus, SourceKind
from knowledge.interchange.spreadsheets import (
    AGREEMENT_FIELD_COLUMNS,
    AID_FIELD_COLUMNS,
    SOURCE_FIELD_COLUMNS,
    AgreementCells,
    AidCells,
    SourceCells,
)
from knowledge.interchange.uploads import ParsedImport
from knowledge.places.countries import HOME_COUNTRY
from knowledge.places.hromadas import Hints, shipped_index
from knowledge.places.partners import (
    derived_name_length,
    new_foreign_place,
    own_partner_problem,
)
from knowledge.places.subdivisions import split_region
from knowledge.places.world import place_key
from knowledge.render.labels import AGREEMENT_KINDS_INLINE
from knowledge.render.translations import translation
from knowledge.text.normalize import name_key, slug


@dataclass
class Plan:
    """The records an import would write, and the rows it refuses."""

    document: KnowledgeDocument
    rejected: list[Problem] = field(default_factory=list)
    # Rows repeating an earlier row's pair, merged into its record: reported, not refused.
    merged: list[Problem] = field(default_factory=list)
    # The spreadsheet row each agreement and aid record first comes from, by its key.
    rows: dict[str, int] = field(default_factory=dict)


def _settlement_title(row: AgreementCells, before: AgreementDoc | None) -> dict[str, Bilingual]:
    """A village's or a district's partnership is its hromada's, titled with the village's
    name so that the record and every answer say whose it is: "Twin city (Bene)"."""
    unit = row.settlement
    if unit is None or (before is not None and before.title is not None):
        return {}
    label = AGREEMENT_KINDS_INLINE[row.kind]
    titles = {}
    for lang, name in (("uk", unit.name_uk), ("en", unit.name_en)):
        kind = translation(lang).gettext(label)
        titles[lang] = f"{kind[:1].upper()}{kind[1:]} ({name})"
    return {"title": Bilingual(**titles)}


def _word_set(name: str) -> str:
    """A name's words in order of the alphabet: "Pankow (Berlin)" is "Berlin – Pankow"."""
    return " ".join(sorted(place_key(name).split()))


def _bilingual_cell(text: str | None, existing: Bilingual | None) -> Bilingual | None:
    """A text cell kept in both languages (a description the answers name in either)."""
    if text is None:
        return None
    if existing is not None and text in (existing.uk, existing.en):
        return existing
    return Bilingual(uk=text, en=text)


def _imported_note(text: str | None, existing: Notes | None) -> Notes | None:
    """A sheet's notes cell: the stored notes when it repeats one of their languages, else
    the note in the language it is written in (never copied into the other)."""
    if text is None:
        return None
    if existing is not None and text in (existing.uk, existing.en):
        return existing
    return Notes.written(text)


def _digest(*parts: object) -> str:
    joined = "\x1f".join("" if part is None else str(part) for part in parts)
    return hashlib.sha256(joined.encode()).hexdigest()[:8]


Record = TypeVar("Record", AgreementDoc, AidDoc)


def _citing(before: AgreementDoc | AidDoc | None, source: str) -> list[CitationDoc]:
    """The sources the stored record cites, and the row's source after them if it is new."""
    citations = list(before.sources) if before else []
    if source not in {citation.source for citation in citations}:
        citations.append(CitationDoc(source=source))
    return citations


# The columns two rows of one pair must agree on, with the fields of the row that hold them.
_AGREEMENT_FACTS = (
    ("status", ("status",)),
    ("signed_on", ("signed_on",)),
    ("expires_on", ("expires_on",)),
    ("notes", ("notes",)),
    ("partner_name_uk", ("partner_name_uk",)),
    ("partner_latitude, partner_longitude", ("partner_location",)),
)
_AID_FACTS = (
    ("received_on", ("received_on",)),
    ("donor_kind", ("donor_kind",)),
    ("donor_country", ("donor_countries",)),
    ("donor_city", ("donor_city",)),
    ("donor_organisation", ("donor_organisation",)),
    ("description", ("description",)),
    ("amount, currency", ("amount", "currency")),
    ("notes", ("notes",)),
    ("category, quantity", ("category", "quantity")),
)
# A row naming a pair (or an aid record) an earlier row named with other facts: which one is
# right is the editor's call, so neither is imported.
CONFLICT = N_(
    "the same pair as row {other}, with other values in {columns}: neither row is imported;"
    " keep one row for the pair, or make the rows agree"
)
CONFLICT_AID = N_(
    "the same aid record as row {other}, with other values in {columns}: neither row is"
    " imported; keep one row for the record, or make the rows agree"
)
# A row repeating a row that another one contradicts.
CONFLICTED = N_(
    "the same record as row {other}, which another row contradicts: neither is imported"
)
MOVED = N_(
    "key {key} is the record of {stored}, and this row names {named}: a sheet does not move"
    " a record to another hromada or partner; leave the key empty to add a new record"
)
MOVED_DELETED = N_(
    "key {key} was the record of {stored}, deleted earlier, and this row names {named}: a"
    " deleted record's key is not given to another hromada or partner; leave the key empty"
    " to add a new record"
)
MOVED_DELETED_AID = N_(
    "key {key} was an aid record of {stored}, deleted earlier, and this row names {named}: a"
    " deleted record's key is not given to another hromada; leave the key empty to add a new"
    " record"
)
# A row giving a pair stored under one key a key of its own: a second record of one pair.
PAIR_STORED = N_(
    "the pair {pair} is stored already under key {stored}, and this row gives it the new key"
    " {key}: a pair has one record; give its key {stored}, or leave the key empty"
)
KEY_TWO_PAIRS = N_(
    "key {key} is given to two different pairs: row {first} to {first_pair}, and this row to"
    " {pair}; one key names one record: give this row its own key, or leave the key empty"
)
KEY_TWO_HROMADAS = N_(
    "key {key} is given to aid of two hromadas: row {first} to aid for {first_hromada}, and"
    " this row to aid for {hromada}; one key names one record: give this row its own key, or"
    " leave the key empty"
)
MOVED_AID = N_(
    "key {key} is an aid record of {stored}, and this row names {named}: a sheet does not"
    " move a record to another hromada; leave the key empty to add a new record"
)


def _differences(
    earlier: AgreementCells | AidCells,
    later: AgreementCells | AidCells,
    facts: tuple[tuple[str, tuple[str, ...]], ...],
    same_city: bool | None = None,
) -> str:
    """The columns (comma-separated) in which two rows of one record say different things;
    `same_city`, when given, says whether their donor cities are one place, however spelled.

    A later row's empty cell says nothing, so it differs from no value: a row that only adds
    one more source to a pair leaves the notes and dates to the first row. A later row that
    fills a cell the first left empty does differ, since merging keeps the first row's facts."""
    return ", ".join(
        columns
        for columns, names in facts
        if (
            not same_city
            if columns == "donor_city" and same_city is not None
            else any(
                getattr(later, name) not in _EMPTY
                and getattr(earlier, name) != getattr(later, name)
                for name in names
            )
        )
    )


_EMPTY: tuple[object, ...] = (None, "", ())


# Fields a row may leave empty: an empty cell (or a column the sheet lacks) says nothing
# about them, so a stored record keeps its value rather than losing it to the import.
_KEPT_WHEN_EMPTY = frozenset(
    {"signed_on", "valid_until", "notes", "received_on", "amount", "currency", "description"}
)


# Statuses of an agreement not (or not yet) in force: a row moving a stored agreement to one of
# them says its signing and term no longer stand.
_NOT_SIGNED = frozenset({AgreementStatus.PLANNED, AgreementStatus.IN_NEGOTIATION})


def _kept_dates(row: AgreementCells, before: AgreementDoc | None) -> frozenset[str]:
    """The agreement's date fields a row leaving them empty keeps from the stored record:
    none when the row moves it to planned or in talks; no term when the row gives a signing
    date of its own (a new signing starts a new term)."""
    if before is None or (row.status in _NOT_SIGNED and row.status != before.status):
        return frozenset()
    if row.signed_on is not None and row.signed_on != before.signed_on:
        return frozenset({"signed_on"})
    return frozenset({"signed_on", "valid_until"})


# A record's fields by the sheet's columns that hold them, to name them as the sheet does.
_COLUMNS: dict[type[BaseModel], Mapping[str, str]] = {
    AgreementDoc: {**SOURCE_FIELD_COLUMNS, **AGREEMENT_FIELD_COLUMNS},
    AidDoc: {**SOURCE_FIELD_COLUMNS, **AID_FIELD_COLUMNS},
}


def _row_fields(row: AgreementCells | AidCells, columns: Mapping[str, str]) -> dict[str, Any]:
    """The record's fields a row's cells hold as they are (`columns`: field to column, the
    cells' attribute)."""
    return {field: getattr(row, column) for field, column in columns.items()}


def _updated(
    doc_type: type[Record],
    before: Record | None,
    fields: dict[str, Any],
    invalid: str,
    row: int,
    kept: frozenset[str] = _KEPT_WHEN_EMPTY,
) -> Record | Problem:
    """The stored record (if any) with the row's fields, or the Problem `invalid` says.
    A field named in `kept` the row leaves empty (None) keeps the stored value."""
    base = before.model_dump() if before else {}
    if before is not None:
        fields = {
            name: value for name, value in fields.items() if value is not None or name not in kept
        }
    try:
        return doc_type.model_validate(base | fields, context=entry_context())
    except ValidationError as error:
        ruled = entry_problem(error)
        if ruled is not None:
            field = ruled.params.get("field")
            params = dict(ruled.params)
            if field is not None:
                params["field"] = _COLUMNS[doc_type].get(str(field), str(field))
            return Problem(ruled.message, params, row)
        over = length_problems(error, row)
        if over:
            return over[0]
        reason = error.errors(include_url=False, include_input=False)[0]["msg"]
        return Problem(invalid, {"reason": reason}, row)


class _Planner:
    def __init__(self, existing: KnowledgeDocument) -> None:
        self.existing = existing
        self.sources: dict[str, SourceDoc] = {doc.key: doc for doc in existing.sources}
        self.places: dict[str, PlaceDoc] = {doc.key: doc for doc in existing.places}
        self.agreements = {doc.key: doc for doc in existing.agreements}
        self.aid = {doc.key: doc for doc in existing.aid}
        self.hromadas = {doc.code: doc for doc in existing.hromadas}
        self.new_sources: dict[str, SourceDoc] = {}
        self.source_urls: dict[str, str] = {}
        self.source_titles: dict[tuple[str, PartialDate | None], str] = {}
        for source in existing.sources:
            self._index_source(source)
        self.new_places: dict[str, PlaceDoc] = {}
        self.place_names: dict[tuple[str, str], set[str]] = defaultdict(set)
        for place in existing.places:
            self._index_place(place)
        self.by_parties: dict[tuple[str, str, str], list[str]] = defaultdict(list)
        # Place key → the hromadas with an agreement with it, stored or planned.
        self.partnered: dict[str, set[str]] = defaultdict(set)
        for agreement in existing.agreements:
            self.by_parties[(agreement.hromada, agreement.place, agreement.kind)].append(
                agreement.key
            )
            self.partnered[agreement.place].add(agreement.hromada)
        self.planned: dict[str, int] = {}
        self.rejected: list[Problem] = []
        self.merged: list[Problem] = []
        self.planned_agreements: dict[str, AgreementDoc] = {}
        self.planned_aid: dict[str, AidDoc] = {}
        # The row each planned record comes from, the rows merged into it, the keys whose
        # rows contradict each other and the refusals of their first rows.
        self.first_rows: dict[str, AgreementCells | AidCells] = {}
        # The donors each planned aid record's first row names, their cities resolved.
        self.first_donors: dict[str, list[DonorDoc]] = {}
        self.merged_into: dict[str, list[Problem]] = defaultdict(list)
        self.conflicted: set[str] = set()
        self.conflicts: list[Problem] = []
        # Each planned agreement's hromada, partner and kind, by its key.
        self.pairs: dict[str, tuple[str, str, str]] = {}
        # The key of each planned pair (hromada, partner, kind), the first row's.
        self.pair_keys: dict[tuple[str, str, str], str] = {}
        # Deleted agreements' keys → their hromada and partner (from the audit log).
        self.deleted: dict[str, tuple[str, str]] = {}
        # Deleted aid records' keys → their hromada (from the audit log).
        self.deleted_aid: dict[str, str] = {}

    def _index_place(self, place: PlaceDoc) -> None:
        names = {place.name.uk, place.name.en, place.name_local, *place.aliases}
        for name in names:
            self.place_names[(place.country, name_key(name))].add(place.key)
            self.place_names[(place.country, "~" + place_key(name))].add(place.key)
            self.place_names[(place.country, "~~" + _word_set(name))].add(place.key)

    def _index_source(self, doc: SourceDoc) -> None:
        if doc.url is not None:
            self.source_urls.setdefault(doc.url, doc.key)
        for title in (doc.title.uk, doc.title.en):
            self.source_titles.setdefault((name_key(title), doc.issued_on), doc.key)

    def source(self, cells: SourceCells) -> str:
        if cells.url is not None and cells.url in self.source_urls:
            return self.source_urls[cells.url]
        titled = self.source_titles.get((name_key(cells.title), cells.date))
        if titled is not None:
            return titled
        date = "" if cells.date is None else cells.date.isoformat()
        key = f"import-{slug(cells.title, limit=60)}-{_digest(cells.title, cells.url, date)}"
        host = urlsplit(cells.url).hostname if cells.url else None
        doc = SourceDoc(
            key=key,
            kind=SourceKind.NEWS if cells.url else SourceKind.OTHER,
            title=Bilingual(uk=cells.title, en=cells.title),
            # A spreadsheet names no issuer; the site it links to is the honest stand-in.
            issuer=Bilingual(uk=host, en=host) if host else UNSTATED_ISSUER,
            issued_on=cells.date,
            url=cells.url,
        )
        self.sources[key] = self.new_sources[key] = doc
        self._index_source(doc)
        return key

    def place(
        self,
        city: str,
        country: str,
        region: tuple[str, str | None] | None = None,
        name_uk: str | None = None,
        location: tuple[float, float] | None = None,
        column: str = "partner_city",
    ) -> str | Problem:
        """The key of the place `city` names in `country`: a known one, or a new one made
        from GeoNames; a Problem when several match, its derived name is too long for a
        place (`column` names the cell it comes from) or it names no place
        (`place_name_problem`: no letters, markup)."""
        if country == HOME_COUNTRY:
            return self.domestic_place(city)
        city, within = split_region(city, country)
        if within is not None and region is None:
            region = (within.name, within.name_uk)
        keys = (
            self.place_names.get((country, name_key(city)))
            or self.place_names.get((country, "~" + place_key(city)))
            or self.place_names.get((country, "~~" + _word_set(city)), set())
        )
        if len(keys) == 1:
            key = next(iter(keys))
            self._correct(key, name_uk, location)
            return key
        if len(keys) > 1:
            return Problem(
                N_("several places are called {city} in {country}: {keys}; give the key"),
                {"city": city, "country": country, "keys": ", ".join(sorted(keys))},
            )
        # 100 «Щ» fit the column, but their Latin name (400 letters) would not fit the place.
        length = derived_name_length(city)
        if length > NAME_LENGTH:
            return Problem(
                N_(
                    "{column}: written in Latin letters, this name would have {length}"
                    " characters, and a place's name holds at most {limit}"
                ),
                {"column": column, "length": number(length), "limit": number(NAME_LENGTH)},
            )
        key = f"{country.lower()}-{slug(city, limit=60)}"
        if key in self.places:
            key = f"{key}-{_digest(city)}"
        try:
            doc = new_foreign_place(key, city, country, region, name_uk, location)
        except ValidationError as error:
            # A name over its bound, or one that names no place ("12345", markup).
            refused = next(iter(length_problems(error)), None) or entry_problem(error)
            if refused is None:
                raise
            return refused
        self.places[key] = self.new_places[key] = doc
        self._index_place(doc)
        return key

    def _correct(
        self, key: str, name_uk: str | None, location: tuple[float, float] | None
    ) -> None:
        """An editor's Ukrainian name or coordinates for a known place replace the stored ones."""
        place = self.places[key]
        changes: dict[str, Any] = {}
        if name_uk is not None and name_uk != place.name.uk:
            changes["name"] = Bilingual(uk=name_uk, en=place.name.en)
        if location is not None and location != (place.latitude, place.longitude):
            changes["latitude"], changes["longitude"] = location
        if changes:
            doc = place.model_copy(update=changes)
            self.places[key] = self.new_places[key] = doc
            self._index_place(doc)

    def domestic_place(self, city: str) -> str | Problem:
        """A Ukrainian partner, read as the hromada column is: by any name of any unit."""
        found = shipped_index().resolve(city)
        if isinstance(found, Problem):
            return found
        hromada = shipped_index().by_code[found.code]
        unit = found.settlement
        name_uk = unit.name_uk if unit else (hromada.center_uk or hromada.name_uk)
        name_en = unit.name_en if unit else (hromada.center_en or hromada.name_en)
        key = f"{HOME_COUNTRY.lower()}-{slug(name_en, limit=60)}"
        known = self.places.get(key)
        if known is not None:
            return key
        doc = PlaceDoc(
            key=key,
            name=Bilingual(uk=name_uk, en=name_en),
            name_local=name_uk,
            country=HOME_COUNTRY,
            latitude=hromada.latitude,
            longitude=hromada.longitude,
            aliases=sorted({city.strip()} - {name_uk, name_en}),
        )
        self.places[key] = self.new_places[key] = doc
        self._index_place(doc)
        return key

    def _once(self, key: str, row: int) -> Problem | None:
        first = self.planned.setdefault(key, row)
        if first == row:
            return None
        return Problem(N_("the same record as row {first}"), {"first": first}, row)

    def agreement(self, row: AgreementCells) -> AgreementDoc | Problem | None:
        """The row's agreement, why it is refused, or None when it repeats an earlier row."""
        found = self._agreement(row)
        if isinstance(found, AgreementDoc):
            self.planned_agreements[found.key] = found
            self.first_rows.setdefault(found.key, row)
            self.partnered[found.place].add(found.hromada)
        return found

    def _settled(self, row: AgreementCells, place: str) -> AgreementCells | Problem:
        """A row whose hromada name several hromadas share: the one candidate that already
        has this partner (stored, or in an earlier row of the sheet), else the row's refusal."""
        if row.undecided is None:
            return row
        partnered = frozenset(self.partnered.get(place, ()))
        chosen = row.undecided.settled(Hints(partnered=partnered))
        if chosen is None:
            return row.undecided
        return replace(row, hromada=chosen.code, settlement=chosen.settlement, undecided=None)

    def _conflict(
        self,
        key: str,
        row: AgreementCells | AidCells,
        first: int,
        donors: list[DonorDoc] | None = None,
    ) -> Problem | None:
        """The refusal of a row repeating row `first`'s record with other facts (that row,
        and the rows merged into it, are refused as well), or None when it agrees. An aid
        row's `donors` are compared by the places they resolve to, not by their spelling."""
        earlier = self.first_rows.get(key)
        aid = isinstance(row, AidCells)
        first_donors = self.first_donors.get(key)
        same_city = (
            None
            if donors is None or first_donors is None
            else [donor.place for donor in donors] == [donor.place for donor in first_donors]
        )
        columns = (
            ""
            if earlier is None
            else _differences(earlier, row, _AID_FACTS if aid else _AGREEMENT_FACTS, same_city)
        )
        if not columns:
            if key not in self.conflicted:
                return None
            return Problem(CONFLICTED, {"other": first}, row.row)
        message = CONFLICT_AID if aid else CONFLICT
        if key not in self.conflicted:
            self.conflicted.add(key)
            (self.planned_aid if aid else self.planned_agreements).pop(key, None)
            self.conflicts.append(Problem(message, {"other": row.row, "columns": columns}, first))
            for note in self.merged_into.pop(key, []):
                self.merged.remove(note)
                self.conflicts.append(Problem(CONFLICTED, {"other": first}, note.row))
        return Problem(message, {"other": first, "columns": columns}, row.row)

    def _merge(self, key: str, row: AgreementCells, first: int) -> Problem | None:
        """A row naming a pair an earlier row named with the same facts: its source is cited
        by that record; with other facts, the refusal of both (`_conflict`)."""
        conflict = self._conflict(key, row, first)
        if conflict is not None:
            return conflict
        note = Problem(
            N_("the same pair as row {first}; merged into it"), {"first": first}, row.row
        )
        self.merged.append(note)
        self.merged_into[key].append(note)
        earlier = self.planned_agreements.get(key)
        if earlier is None:
            return None
        citations = _citing(earlier, self.source(row.source))
        if citations != earlier.sources:
            self.planned_agreements[key] = earlier.model_copy(update={"sources": citations})
        return None

    def _agreement(self, row: AgreementCells) -> AgreementDoc | Problem | None:
        own = own_partner_problem(row.hromada, row.partner_city, row.partner_country)
        if own is not None:
            return Problem(own.message, own.params, row.row)
        place = self.place(
            row.partner_city,
            row.partner_country,
            row.partner_region,
            row.partner_name_uk,
            row.partner_location,
        )
        if isinstance(place, Problem):
            return Problem(place.message, place.params, row.row)
        settled = self._settled(row, place)
        if isinstance(settled, Problem):
            return settled
        row = settled
        pair = (row.hromada, place, row.kind)
        key = row.key
        if key is None:
            same = self.by_parties.get(pair, [])
            key = same[0] if len(same) == 1 else self._new_key(row.hromada, place, row.kind)
        # Rows of one new pair under other keys (or one keyed, one not) are one record, as
        # rows under one key are; a key stored for another pair is still refused below.
        planned_key = self.pair_keys.get(pair)
        if (
            planned_key is not None
            and planned_key != key
            and pair not in self.by_parties
            and key not in self.agreements
        ):
            key = planned_key
        # A key written twice for the same pair is one record cited twice; for another
        # pair it is a mistake, refused below.
        first = self.planned.get(key)
        if first is not None and first != row.row and self.pairs.get(key) == pair:
            return self._merge(key, row, first)
        before = self.agreements.get(key)
        if before is not None and (before.hromada, before.place) != (row.hromada, place):
            # An editor's sheet never moves a stored record to another hromada or partner:
            # a reused key is refused, whatever the editor's rights.
            params: dict[str, str | int] = {
                "key": key,
                "stored": self._pair_name(before.hromada, before.place),
                "named": self._pair_name(row.hromada, place),
            }
            return Problem(MOVED, params, row.row)
        gone = self.deleted.get(key) if before is None else None
        if gone is not None and gone != (row.hromada, place):
            # The key's audit history is a deleted record's: another pair would share it.
            params = {
                "key": key,
                "stored": self._pair_name(*gone),
                "named": self._pair_name(row.hromada, place),
            }
            return Problem(MOVED_DELETED, params, row.row)
        stored_keys = self.by_parties.get(pair, [])
        if before is None and stored_keys:
            # The pair is stored under another key: a new key would make it a second record.
            params = {
                "key": key,
                "stored": stored_keys[0],
                "pair": self._pair_name(row.hromada, place),
            }
            return Problem(PAIR_STORED, params, row.row)
        first_pair = self.pairs.get(key)
        if first is not None and first_pair is not None and first_pair != pair:
            return Problem(
                KEY_TWO_PAIRS,
                {
                    "key": key,
                    "first": first,
                    "first_pair": self._kind_pair_name(first_pair, pair),
                    "pair": self._kind_pair_name(pair, first_pair),
                },
                row.row,
            )
        duplicate = self._once(key, row.row)
        if duplicate is not None:
            return duplicate
        self.pairs[key] = pair
        self.pair_keys.setdefault(pair, key)
        source = self.source(row.source)
        citations = _citing(before, source)
        fields = {
            **_row_fields(row, AGREEMENT_FIELD_COLUMNS),
            "key": key,
            "place": place,
            **_settlement_title(row, before),
            "notes": _imported_note(row.notes, before.notes if before else None),
            "sources": citations,
        }
        kept = _KEPT_WHEN_EMPTY - {"signed_on", "valid_until"} | _kept_dates(row, before)
        return _updated(
            AgreementDoc, before, fields, N_("not a valid agreement: {reason}"), row.row, kept
        )

    def _new_key(self, hromada: str, place: str, kind: str) -> str:
        """A key for a new agreement: the hromada's name, the partner's key and the kind,
        with a digest of the pair when another pair already holds it (two hromadas whose
        centres share a name)."""
        key = f"{slug(self.key_name(hromada))}-{place}-{slug(kind)}"[:100]
        stored = self.agreements.get(key)
        holder = self.pairs.get(key) or (
            (stored.hromada, stored.place, stored.kind) if stored else None
        )
        if holder is None or holder == (hromada, place, kind):
            return key
        return f"{key[:91]}-{_digest(hromada, place, kind)}"

    def _pair_name(self, hromada: str, place: str) -> Name:
        """A hromada and its partner as an editor names them: "Kharkiv – Brno", «Харків – Брно»."""
        name = self._hromada_name(hromada)
        doc = self.places.get(place)
        partner_en, partner_uk = (doc.name.en, doc.name.uk) if doc else (place, place)
        return Name(f"{name} – {partner_en}", f"{name.uk} – {partner_uk}")

    def _kind_pair_name(self, pair: tuple[str, str, str], other: tuple[str, str, str]) -> Name:
        """The pair's name (`_pair_name`), with its kind where only the kind sets it apart
        from `other`: "Kharkiv – Brno (twinning)"."""
        name = self._pair_name(pair[0], pair[1])
        if pair[:2] != other[:2]:
            return name
        return Name(f"{name} ({pair[2]})", f"{name.uk} ({pair[2]})")

    def _hromada_name(self, hromada: str) -> Name:
        """A hromada as residents name it: by its centre ("Kharkiv", «Харків»)."""
        doc = self.hromadas.get(hromada)
        if doc is None:
            return Name(hromada, hromada)
        return Name(doc.center_en or doc.name_en, doc.center_uk or doc.name_uk)

    def donors(self, row: AidCells) -> list[DonorDoc] | Problem:
        if row.donor_city is not None:
            place = self.place(row.donor_city, row.donor_countries[0], column="donor_city")
            if isinstance(place, Problem):
                return Problem(place.message, place.params, row.row)
            return [DonorDoc(kind=row.donor_kind, country=row.donor_countries[0], place=place)]
        if row.donor_organisation is not None and not row.donor_countries:
            return [DonorDoc(kind=row.donor_kind, name=row.donor_organisation)]
        return [
            DonorDoc(kind=row.donor_kind, country=country, name=row.donor_organisation)
            for country in row.donor_countries
        ]

    def _same_donor(self, read: DonorDoc, stored: DonorDoc) -> bool:
        """Whether a row's donor is the stored one: a donor city's country is written in the
        sheet even when the record leaves it to the place, and read back from there."""
        if read == stored:
            return True
        place = None if stored.place is None else self.places.get(stored.place)
        return (
            stored.country is None
            and place is not None
            and read.country == place.country
            and read.model_copy(update={"country": None}) == stored
        )

    def key_name(self, code: str) -> str:
        """The name a new key starts with: the hromada's centre, or the hromada's own name."""
        hromada = self.hromadas.get(code)
        return (hromada.center_en or hromada.name_en) if hromada else code

    def aid_record(self, row: AidCells) -> AidDoc | Problem:
        donors = self.donors(row)
        if isinstance(donors, Problem):
            return donors
        key = row.key
        if key is None:
            name = self.key_name(row.hromada)
            when = "undated" if row.received_on is None else row.received_on.isoformat()
            digest = _digest(row.hromada, when, donors, row.description)
            key = f"{slug(name)}-aid-{when}-{digest}"
        first = self.planned.get(key)
        earlier = self.planned_aid.get(key)
        if first is not None and first != row.row and key in self.conflicted:
            return self._conflict(key, row, first, donors) or Problem(
                CONFLICTED, {"other": first}, row.row
            )
        if (
            first is not None
            and earlier is not None
            and first != row.row
            and earlier.hromada == row.hromada
        ):
            return self._conflict(key, row, first, donors) or self._merge_aid(key, row, first)
        before = self.aid.get(key)
        if before is not None and before.hromada != row.hromada:
            params: dict[str, str | int] = {
                "key": key,
                "stored": self._hromada_name(before.hromada),
                "named": self._hromada_name(row.hromada),
            }
            return Problem(MOVED_AID, params, row.row)
        gone = self.deleted_aid.get(key) if before is None else None
        if gone is not None and gone != row.hromada:
            # The key's audit history is another hromada's deleted record's.
            params = {
                "key": key,
                "stored": self._hromada_name(gone),
                "named": self._hromada_name(row.hromada),
            }
            return Problem(MOVED_DELETED_AID, params, row.row)
        if first is not None and earlier is not None and earlier.hromada != row.hromada:
            params = {
                "key": key,
                "first": first,
                "first_hromada": self._hromada_name(earlier.hromada),
                "hromada": self._hromada_name(row.hromada),
            }
            return Problem(KEY_TWO_HROMADAS, params, row.row)
        duplicate = self._once(key, row.row)
        if duplicate is not None:
            return duplicate
        source = self.source(row.source)
        citations = _citing(before, source)
        donors_read = donors
        if before is not None and all(
            any(self._same_donor(donor, stored) for stored in before.donors) for donor in donors
        ):
            donors = list(before.donors)
        fields: dict[str, Any] = {
            **_row_fields(row, AID_FIELD_COLUMNS),
            "key": key,
            "donors": donors,
            "description": _bilingual_cell(
                row.description, before.description if before else None
            ),
            "notes": _imported_note(row.notes, before.notes if before else None),
            "sources": citations,
        }
        if row.category is not None:
            fields["items"] = [{"category": row.category, "quantity": row.quantity}]
        found = _updated(AidDoc, before, fields, N_("not a valid aid record: {reason}"), row.row)
        if isinstance(found, AidDoc):
            self.planned_aid[key] = found
            self.first_rows.setdefault(key, row)
            self.first_donors.setdefault(key, donors_read)
        return found

    def _merge_aid(self, key: str, row: AidCells, first: int) -> AidDoc:
        """An aid row repeating an earlier one under its key: that record cites its source."""
        note = Problem(
            N_("the same record as row {first}; merged into it"), {"first": first}, row.row
        )
        self.merged.append(note)
        self.merged_into[key].append(note)
        earlier = self.planned_aid[key]
        citations = _citing(earlier, self.source(row.source))
        self.planned_aid[key] = earlier.model_copy(update={"sources": citations})
        return self.planned_aid[key]


def plan_rows(
    parsed: ParsedImport,
    existing: KnowledgeDocument,
    deleted: Mapping[str, tuple[str, str]] | None = None,
    deleted_aid: Mapping[str, str] | None = None,
) -> Plan:
    """The document the spreadsheet rows make, against the existing knowledge base.

    `deleted` maps the key of each deleted agreement (its last audit entry a delete) to its
    hromada code and partner place key: a row giving that key to another pair is refused.
    `deleted_aid` maps each deleted aid record's key to its hromada code: a row giving that
    key to another hromada is refused.
    """
    planner = _Planner(existing)
    planner.deleted = dict(deleted or {})
    planner.deleted_aid = dict(deleted_aid or {})
    rejected = list(parsed.rejected)
    rows: dict[str, int] = {}
    # Rows whose hromada is still open come last: an earlier or later row may give its
    # partner to one of the candidates.
    ordered = sorted(parsed.agreements, key=lambda row: row.undecided is not None)
    for agreement_row in ordered:
        agreement = planner.agreement(agreement_row)
        if isinstance(agreement, Problem):
            rejected.append(agreement)
        elif agreement is not None:
            rows.setdefault(agreement.key, agreement_row.row)
    agreements = list(planner.planned_agreements.values())
    for aid_row in parsed.aid:
        record = planner.aid_record(aid_row)
        if isinstance(record, Problem):
            rejected.append(record)
        else:
            rows.setdefault(record.key, aid_row.row)
    aid = list(planner.planned_aid.values())
    rejected += planner.conflicts
    # Sources and places only rows that were refused would need are left out.
    cited = {c.source for doc in agreements for c in doc.sources}
    cited |= {c.source for doc in aid for c in doc.sources}
    placed = {doc.place for doc in agreements} | {
        donor.place for doc in aid for donor in doc.donors if donor.place
    }
    document = KnowledgeDocument(
        sources=[doc for key, doc in planner.new_sources.items() if key in cited],
        places=[doc for key, doc in planner.new_places.items() if key in placed],
        agreements=agreements,
        aid=aid,
    )
    rejected.sort(key=lambda problem: problem.row or 0)
    return Plan(document=document, rejected=rejected, merged=planner.merged, rows=rows)
