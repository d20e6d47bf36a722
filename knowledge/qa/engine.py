"""The question-answering engine: pure, fast, and explainable."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar
from zoneinfo import ZoneInfo

from knowledge.facts.dates import PartialDate
from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.records import Agreement, Aid
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus
from knowledge.places.gazetteer import Gazetteer
from knowledge.qa.answer import Answer, Choice, Context, EntityValue
from knowledge.qa.intents import Intent
from knowledge.qa.resolution import Meaning, resolve
from knowledge.qa.small_talk import SIMPLE_INTENTS, write_simple
from knowledge.qa.understanding import Reader, Reading
from knowledge.render.lang import Language
from knowledge.render.phrases import (
    BULLET,
    LIST_LIMIT,
    NO_END_DATE,
    SOURCES_LIMIT,
    Citation,
    agreement_line,
    agreement_title,
    aid_lines,
    citation,
    citation_text,
    ending,
    hromada_label,
    more_lines,
    partner_lines,
    place_label,
    signing,
    sources_footer,
)
from knowledge.text.collation import sort_key
from knowledge.text.forms_cache import FormsCache
from knowledge.text.normalize import name_key

KYIV = ZoneInfo("Europe/Kyiv")
MAX_QUESTION_LENGTH = 500
# Aid records and activities are long; an answer shows the newest few.
AID_LIMIT = 10
# Sorts undated records after every dated one when the newest come first.
_UNDATED = PartialDate(1)
# Non-answers after which the conversation keeps what was asked, for the follow-up to answer.
_ANSWERED_LATER = frozenset({Intent.CLARIFY, Intent.NEED_HROMADA, Intent.NO_RECORDS})
DEFAULT_LANGUAGE = "uk"


@dataclass
class _Draft:
    """An answer being written."""

    lines: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)

    def cite(self, keys: Iterable[str]) -> None:
        for key in keys:
            if key not in self.sources:
                self.sources.append(key)

    def list_agreements(self, agreements: Sequence[Agreement]) -> None:
        """Agreements the answer lists: all remembered for "the second one", the shown cited."""
        self.agreements.extend(agreement.key for agreement in agreements)
        shown_places = list(dict.fromkeys(agreement.place for agreement in agreements))
        shown = set(shown_places[:LIST_LIMIT])
        self.cite_agreements(agreement for agreement in agreements if agreement.place in shown)

    def cite_agreements(self, agreements: Iterable[Agreement]) -> None:
        for agreement in agreements:
            self.cite(citation.source for citation in agreement.sources)
            self.cite(extension.source for extension in agreement.extensions)


def today_in_ukraine() -> dt.date:
    """Today's date where the hromadas are, which decides what "this year" means."""
    return dt.datetime.now(KYIV).date()


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while building millions of acyclic index entries.

    Otherwise each full collection scans the whole heap (the document included) again, a
    quarter of a national start-up.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _add_months(day: dt.date, months: int) -> dt.date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last_day = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)).day
    return dt.date(year, month, min(day.day, last_day))


class Engine:
    """Answers questions from one snapshot of the knowledge base."""

    def __init__(self, snapshot: Snapshot, gazetteer: Gazetteer) -> None:
        self.snapshot = snapshot
        self.gazetteer = gazetteer
        self._reader = Reader(gazetteer)

    @classmethod
    def from_document(cls, document: KnowledgeDocument, forms_cache: Path | None = None) -> Engine:
        """Index a knowledge document and get ready to answer.

        With `forms_cache`, the inflected forms of names are kept in that file between runs.
        """
        with collector_paused():
            snapshot = Snapshot.from_document(document)
        return cls.from_snapshot(snapshot, forms_cache)

    @classmethod
    def from_snapshot(cls, snapshot: Snapshot, forms_cache: Path | None = None) -> Engine:
        """Get ready to answer from an indexed snapshot (the document may be gone already).

        Building the name index after the document is freed lets it reuse the document's
        memory, rather than keep the heap blocks the document leaves half empty in use.
        """
        with collector_paused():
            return cls(snapshot, Gazetteer.build(snapshot, FormsCache(name_key, forms_cache)))

    def read(self, question: str, today: dt.date | None = None) -> Reading:
        """How the question's words were read (for --explain)."""
        return self._reader.read(question, today or today_in_ukraine())

    def explain(self, question: str, context: Context | None = None) -> Meaning:
        """The intent, entities and deciding rule the engine finds in a question."""
        reading = self.read(question)
        return resolve(reading, context, self.snapshot)

    def answer(
        self,
        question: str,
        context: Context | None = None,
        lang: str | None = None,
        today: dt.date | None = None,
    ) -> Answer:
        """Answer one question; pass the returned `context` with the next one."""
        today = today or today_in_ukraine()
        stripped = question.strip()
        if len(stripped) > MAX_QUESTION_LENGTH:
            language = Language(lang or (context.lang if context else None) or DEFAULT_LANGUAGE)
            return self._simple(question, language, Intent.TOO_LONG, context)
        reading = self._reader.read(stripped, today)
        code = lang or reading.lang or (context.lang if context else None) or DEFAULT_LANGUAGE
        language = Language(code)
        if not reading.tokens:
            return self._simple(question, language, Intent.EMPTY, context)
        meaning = resolve(reading, context, self.snapshot)
        return self._answer(question, language, meaning, context, today)

    def _simple(
        self, question: str, lang: Language, intent: Intent, context: Context | None
    ) -> Answer:
        draft = _Draft()
        write_simple(lang, intent, draft)
        kept = context or Context()
        return Answer(
            question=question,
            lang=lang.code,
            intent=intent,
            entities={},
            text="\n".join(draft.lines),
            suggestions=tuple(draft.suggestions),
            context=Context(kept.entities, kept.intent, lang.code, kept.listed_agreements),
        )

    def _answer(
        self,
        question: str,
        lang: Language,
        meaning: Meaning,
        context: Context | None,
        today: dt.date,
    ) -> Answer:
        draft = _Draft()
        intent = meaning.intent
        entities = meaning.entities
        pending = meaning.pending or intent
        if meaning.agreement is not None:
            agreement = self.snapshot.agreements[meaning.agreement]
            entities["hromada"], entities["place"] = agreement.hromada, agreement.place
            entities["agreement"] = agreement.key
        if meaning.ambiguous:
            intent = Intent.CLARIFY
            self._clarify(lang, meaning, question, draft)
        elif intent in SIMPLE_INTENTS:
            write_simple(lang, intent, draft)
        elif intent is Intent.SOURCES:
            self._sources(lang, entities, context, draft)
        elif intent in (Intent.REVERSE, Intent.EXPIRING):
            handler = self._reverse if intent is Intent.REVERSE else self._expiring
            handler(lang, entities, draft, today)
        elif "hromada" not in entities:
            intent = Intent.NEED_HROMADA
            write_simple(lang, intent, draft)
        elif not self.snapshot.has_records(str(entities["hromada"])):
            intent = Intent.NO_RECORDS
            self._no_records(lang, str(entities["hromada"]), draft)
        else:
            self._HANDLERS[intent](self, lang, entities, draft, today)

        citations = tuple(
            citation(lang, self.snapshot.sources[key])
            for key in draft.sources
            if key in self.snapshot.sources
        )
        text_lines = [*draft.lines, *sources_footer(lang, citations)]
        remembered = dict(entities)
        return Answer(
            question=question,
            lang=lang.code,
            intent=intent,
            entities=dict(entities),
            text="\n".join(text_lines).strip(),
            sources=citations,
            choices=tuple(draft.choices),
            suggestions=tuple(draft.suggestions),
            agreements=tuple(draft.agreements),
            context=Context(
                entities=remembered,
                intent=pending if intent in _ANSWERED_LATER else intent,
                lang=lang.code,
                listed_agreements=tuple(draft.agreements)
                or (context.listed_agreements if context else ()),
                sources=tuple(draft.sources) or (context.sources if context else ()),
                candidates=meaning.ambiguous,
            ),
        )

    # -- the hromada's own agreements ---------------------------------------------------------

    def _agreements(self, entities: dict[str, EntityValue]) -> list[Agreement]:
        agreements = list(self.snapshot.agreements_by_hromada.get(str(entities["hromada"]), ()))
        if "agreement" in entities:
            return [a for a in agreements if a.key == entities["agreement"]]
        if "place" in entities:
            agreements = [a for a in agreements if a.place == entities["place"]]
        if "country" in entities:
            agreements = [
                a for a in agreements if self.snapshot.country_of(a) == entities["country"]
            ]
        if "region" in entities:
            agreements = [
                a
                for a in agreements
                if (region := self.snapshot.places[a.place].region) is not None
                and region.en == entities["region"]
            ]
        if "kind" in entities and "place" not in entities:
            agreements = [a for a in agreements if a.kind.value == entities["kind"]]
        return agreements

    def _heading(self, lang: Language, entities: dict[str, EntityValue]) -> str:
        hromada = self.snapshot.hromadas[str(entities["hromada"])]
        return lang.hromada(hromada)

    def _filters(self, lang: Language, entities: dict[str, EntityValue]) -> str:
        parts = []
        if "country" in entities:
            parts.append(lang.country(str(entities["country"])))
        if "region" in entities:
            region = str(entities["region"])
            parts.append(self._region_name(lang, region))
        return f" ({', '.join(parts)})" if parts else ""

    def _region_name(self, lang: Language, region: str) -> str:
        for place in self.snapshot.places.values():
            if place.region is not None and place.region.en == region:
                return lang.text(place.region)
        return region

    def _partners(
        self, lang: Language, entities: dict[str, EntityValue], draft: _Draft, today: dt.date
    ) -> None:
        _ = lang.gettext
        agreements = self._agreements(entities)
        name = self._heading(lang, entities)
        twins_only = entities.get("kind") == AgreementKind.TWINNING.value
        if not agreements:
            if twins_only:
                template = _("{hromada}: no twin cities are recorded{filters}.")
            else:
                template = _("{hromada}: no partners are recorded{filters}.")
            draft.lines.append(
                template.format(hromada=name, filters=self._filters(lang, entities))
            )
            everyone = self.snapshot.agreements_by_hromada.get(str(entities["hromada"]), ())
            if everyone:
                others = sorted(
                    {lang.place(self.snapshot.places[a.place]) for a in everyone}, key=sort_key
                )
                draft.lines.append(
                    _("Its recorded partners: {names}.").format(names=", ".join(others))
                )
                draft.cite_agreements(everyone)
            return
        places = {agreement.place for agreement in agreements}
        if twins_only:
            heading = _("{hromada} — twin cities{filters}:")
        else:
            heading = lang.ngettext(
                "{hromada} — {count} partner{filters}:",
                "{hromada} — {count} partners{filters}:",
                len(places),
            )
        draft.lines.append(
            heading.format(
                hromada=name, count=lang.number(len(places)), filters=self._filters(lang, entities)
            )
        )
        draft.lines.extend(partner_lines(lang, self.snapshot, agreements))
        draft.list_agreements(agreements)
        first = self.snapshot.places[agreements[0].place]
        draft.suggestions.append(
            _("When was the agreement with {place} signed?").format(place=lang.place(first))
        )

    def _relation(
        self, lang: Language, entities: dict[str, EntityValue], draft: _Draft, today: dt.date
    ) -> None:
        _ = lang.gettext
        name = self._heading(lang, entities)
        if "place" not in entities:
            self._partners(lang, entities, draft, today)
            return
        place = self.snapshot.places[str(entities["place"])]
        agreements = self._agreements(entities)
        if not agreements:
            draft.lines.append(
                _("{hromada} — {place}: no agreements are recorded between them.").format(
                    hromada=name, place=place_label(lang, place)
                )
            )
            return
        twins = [
            a
            for a in agreements
            if a.kind is AgreementKind.TWINNING and a.status is AgreementStatus.ACTIVE
        ]
        if entities.get("kind") == AgreementKind.TWINNING.value:
            if twins:
                draft.lines.append(
                    _("Yes: {hromada} and {place} are twin cities.").format(
                        hromada=name, place=lang.place(place)
                    )
                )
            else:
                draft.lines.append(
                    _(
                        "{hromada} and {place} are not recorded as twin cities. What is recorded:"
                    ).format(hromada=name, place=lang.place(place))
                )
        draft.lines.append(f"{name} — {place_label(lang, place)}:")
        for agreement in agreements:
            draft.lines.append(f"{BULLET}{agreement_line(lang, agreement)}")
            if agreement.notes is not None:
                draft.lines.append(f"  {lang.text(agreement.notes)}")
        draft.list_agreements(agreements)
        draft.suggestions.append(_("When does it expire?"))

    def _dated(
        self,
        lang: Language,
        entities: dict[str, EntityValue],
        draft: _Draft,
        describe: Callable[[Language, Agreement], str | None],
        fallback: str,
    ) -> None:
        agreements = self._agreements(entities)
        name = self._heading(lang, entities)
        if not agreements:
            draft.lines.append(
                lang.gettext("{hromada}: no matching agreements are recorded{filters}.").format(
                    hromada=name, filters=self._filters(lang, entities)
                )
            )
            return
        draft.lines.append(f"{name}:")
        for agreement in agreements:
            place = self.snapshot.places[agreement.place]
            said = describe(lang, agreement) or lang.gettext(fallback)
            draft.lines.append(
                f"{BULLET}{place_label(lang, place)} — {agreement_title(lang, agreement)}: {said}"
            )
        draft.list_agreements(agreements)

    def _signed(
        self, lang: Language, entities: dict[str, EntityValue], draft: _Draft, today: dt.date
    ) -> None:
        self._dated(lang, entities, draft, signing, "")

    def _expiry(
        self, lang: Language, entities: dict[str, EntityValue], draft: _Draft, today: dt.date
    ) -> None:
        self._dated(lang, entities, draft, ending, NO_END_DATE)

    def _expiring(
        self, lang: Language, entities: dict[str, EntityValue], draft: _Draft, today: dt.date
    ) -> None:
        _ = lang.gettext
        year = entities.get("year")
        months = entities.get("months")
        if isinstance(months, int):
            first, last = today, _add_months(today, months)
            window = lang.ngettext(
                "in the next {count} month", "in the next {count} months", months
            ).format(count=lang.number(months))
        else:
            target = int(year) if isinstance(year, int) else today.year
            first, last = dt.date(target, 1, 1), dt.date(target, 12, 31)
            window = lang.when(PartialDate(target))
        # An end known only to the year (or estimated) counts if it may fall in the window.
        found = self.snapshot.endings_between(first, last)
        if "hromada" in entities:
            scope = {agreement.key for agreement in self._agreements(entities)}
            found = [agreement for agreement in found if agreement.key in scope]
        if not found:
            draft.lines.append(_("No recorded agreement expires {window}.").format(window=window))
            return
        draft.lines.append(_("Agreements that expire {window}:").format(window=window))
        for agreement in found[:LIST_LIMIT]:
            hromada = self.snapshot.hromadas[agreement.hromada]
            place = self.snapshot.places[agreement.place]
            draft.lines.append(
                f"{BULLET}{lang.hromada(hromada)} — {place_label(lang, place)}: "
                f"{agreement_title(lang, agreement)} ({ending(lang, agreement)})"
            )
        draft.lines.extend(more_lines(lang, len(found) - LIST_LIMIT))
        draft.agreements.extend(agreement.key for agreement in found)
        draft.cite_agreements(found[:LIST_LIMIT])

    def _aid(
        self, lang: Language, entities: dict[str, EntityValue], draft: _Draft, today: dt.date
    ) -> None:
        _ = lang.gettext
        code = str(entities["hromada"])
        name = self._heading(lang, entities)
        records: list[Aid] = list(self.snapshot.aid_by_hromada.get(code, ()))
        country = entities.get("country")
        place = entities.get("place")
        if not records:
            draft.lines.append(
                _("{hromada}: no aid deliveries are recorded.").format(hromada=name)
            )
            return
        if country is not None or place is not None:
            matching = [
                r
                for r in records
                if any(
                    d.country == country or (place is not None and d.place == place)
                    for d in r.donors
                )
            ]
            sender = (
                lang.country(str(country))
                if country
                else lang.place(self.snapshot.places[str(place)])
            )
            if not matching:
                draft.lines.append(
                    _("{sender}: no aid to {hromada} is recorded from there.").format(
                        sender=sender, hromada=name
                    )
                )
                draft.lines.append(_("Aid to {hromada} is recorded from:").format(hromada=name))
                self._write_aid(lang, records, draft)
                return
            draft.lines.append(
                _("Yes: {sender} is among the places aid to {hromada} came from.").format(
                    sender=sender, hromada=name
                )
            )
            records = matching
        else:
            draft.lines.append(_("{hromada} — aid received:").format(hromada=name))
        self._write_aid(lang, records, draft)
        self._programmes(lang, code, draft)

    def _write_aid(self, lang: Language, records: Sequence[Aid], draft: _Draft) -> None:
        """The newest aid records first, at most AID_LIMIT of them, each cited."""
        newest = sorted(
            records,
            key=lambda record: record.received_on or _UNDATED,
            reverse=True,
        )
        for record in newest[:AID_LIMIT]:
            draft.lines.extend(aid_lines(lang, self.snapshot, record))
            draft.cite(c.source for c in record.sources)
        draft.lines.extend(more_lines(lang, len(newest) - AID_LIMIT))

    def _programmes(self, lang: Language, code: str, draft: _Draft) -> None:
        _ = lang.gettext
        for programme in self.snapshot.programmes_by_hromada.get(code, ()):
            for spending in programme.spending:
                line = _("{programme}: {money} spent {when}").format(
                    programme=lang.text(programme.title),
                    money=lang.money(spending.amount, spending.currency),
                    when=lang.when(spending.period),
                )
                if spending.purpose is not None:
                    line += f" ({lang.text(spending.purpose)})"
                draft.lines.append(f"{BULLET}{line}")
            draft.cite(c.source for c in programme.sources)

    def _count(
        self, lang: Language, entities: dict[str, EntityValue], draft: _Draft, today: dt.date
    ) -> None:
        _ = lang.gettext
        code = str(entities["hromada"])
        name = self._heading(lang, entities)
        topic = entities.get("topic", "partners")
        agreements = self._agreements(entities)
        records = self.snapshot.aid_by_hromada.get(code, ())
        if topic == "aid":
            countries = sorted({d.country for r in records for d in r.donors if d.country})
            draft.lines.append(
                lang.ngettext(
                    "{hromada}: aid came from {count} country",
                    "{hromada}: aid came from {count} countries",
                    len(countries),
                ).format(hromada=name, count=lang.number(len(countries)))
                + (
                    ": " + ", ".join(sorted((lang.country(c) for c in countries), key=sort_key))
                    if countries
                    else "."
                )
            )
            for record in records:
                draft.cite(c.source for c in record.sources)
            return
        if topic == "countries":
            countries = sorted({self.snapshot.country_of(a) for a in agreements})
            draft.lines.append(
                lang.ngettext(
                    "{hromada}: partners in {count} country",
                    "{hromada}: partners in {count} countries",
                    len(countries),
                ).format(hromada=name, count=lang.number(len(countries)))
                + ": "
                + ", ".join(sorted((lang.country(c) for c in countries), key=sort_key))
            )
        elif topic == "agreements":
            active = sum(1 for a in agreements if a.status is AgreementStatus.ACTIVE)
            draft.lines.append(
                lang.ngettext(
                    "{hromada}: {count} agreement is recorded",
                    "{hromada}: {count} agreements are recorded",
                    len(agreements),
                ).format(hromada=name, count=lang.number(len(agreements)))
                + " "
                + lang.ngettext("({count} in force).", "({count} in force).", active).format(
                    count=lang.number(active)
                )
            )
        else:
            places = sorted(
                {lang.place(self.snapshot.places[a.place]) for a in agreements}, key=sort_key
            )
            draft.lines.append(
                lang.ngettext(
                    "{hromada}: {count} partner",
                    "{hromada}: {count} partners",
                    len(places),
                ).format(hromada=name, count=lang.number(len(places)))
                + (": " + ", ".join(places) if places else ".")
            )
        draft.lines.extend(partner_lines(lang, self.snapshot, agreements))
        draft.list_agreements(agreements)

    def _reverse(
        self, lang: Language, entities: dict[str, EntityValue], draft: _Draft, today: dt.date
    ) -> None:
        _ = lang.gettext
        agreements: list[Agreement]
        if "place" in entities:
            place = self.snapshot.places[str(entities["place"])]
            agreements = sorted(
                self.snapshot.agreements_by_place.get(place.key, ()), key=lambda a: a.hromada
            )
            subject = place_label(lang, place)
        elif "country" in entities:
            country = str(entities["country"])
            agreements = list(self.snapshot.agreements_by_country.get(country, ()))
            subject = lang.country(country)
        elif "region" in entities:
            region = str(entities["region"])
            agreements = list(self.snapshot.agreements_by_region.get(region, ()))
            subject = self._region_name(lang, region)
        else:
            oblast = str(entities.get("oblast", ""))
            agreements = list(self.snapshot.agreements_by_oblast.get(oblast, ()))
            subject = next(
                (
                    _("{oblast} oblast").format(
                        oblast=h.oblast_uk if lang.code == "uk" else h.oblast_en
                    )
                    for h in self.snapshot.hromadas.values()
                    if h.oblast_code == oblast
                ),
                oblast,
            )
        if entities.get("kind") == AgreementKind.TWINNING.value:
            agreements = [a for a in agreements if a.kind is AgreementKind.TWINNING]
        if not agreements:
            draft.lines.append(
                _("{subject}: no partnerships with Ukrainian hromadas are recorded.").format(
                    subject=subject
                )
            )
            return
        draft.lines.append(_("{subject} — partners in Ukraine:").format(subject=subject))
        # The snapshot's indexes keep each hromada's agreements together.
        ordered = agreements
        shown = ordered[:LIST_LIMIT]
        for agreement in shown:
            hromada = self.snapshot.hromadas[agreement.hromada]
            place = self.snapshot.places[agreement.place]
            draft.lines.append(
                f"{BULLET}{hromada_label(lang, hromada)} — {lang.place(place)}: "
                f"{agreement_line(lang, agreement)}"
            )
        draft.lines.extend(more_lines(lang, len(ordered) - len(shown)))
        draft.agreements.extend([agreement.key for agreement in ordered])
        draft.cite_agreements(shown)

    def _sources(
        self,
        lang: Language,
        entities: dict[str, EntityValue],
        context: Context | None,
        draft: _Draft,
    ) -> None:
        _ = lang.gettext
        keys: list[str] = []
        if "hromada" in entities and self.snapshot.has_records(str(entities["hromada"])):
            code = str(entities["hromada"])
            if context is not None and context.entities.get("hromada") == code and context.sources:
                keys = list(context.sources)
            else:
                keys = self._hromada_sources(code)
        elif context is not None and context.sources:
            keys = list(context.sources)
        if not keys:
            draft.lines.append(
                _("Ask about a hromada first, and I will show where the answer comes from.")
            )
            return
        draft.lines.append(_("The answer comes from these documents:"))
        for key in keys[:SOURCES_LIMIT]:
            source = self.snapshot.sources[key]
            cited: Citation = citation(lang, source)
            draft.lines.append(f"{BULLET}{citation_text(lang, cited)}")
            if source.notes:
                draft.lines.append(f"  {source.notes}")
            if source.url:
                draft.lines.append(f"  {source.url}")
        draft.lines.extend(more_lines(lang, len(keys) - SOURCES_LIMIT))

    def _hromada_sources(self, code: str) -> list[str]:
        keys: list[str] = []
        groups: list[Sequence[Agreement | Aid]] = [
            self.snapshot.agreements_by_hromada.get(code, ()),
            self.snapshot.aid_by_hromada.get(code, ()),
        ]
        for group in groups:
            for fact in group:
                keys.extend(c.source for c in fact.sources if c.source not in keys)
        for activity in self.snapshot.activities_by_hromada.get(code, ()):
            keys.extend(c.source for c in activity.sources if c.source not in keys)
        for programme in self.snapshot.programmes_by_hromada.get(code, ()):
            keys.extend(c.source for c in programme.sources if c.source not in keys)
        return keys

    def _overview(
        self, lang: Language, entities: dict[str, EntityValue], draft: _Draft, today: dt.date
    ) -> None:
        _ = lang.gettext
        code = str(entities["hromada"])
        hromada = self.snapshot.hromadas[code]
        draft.lines.append(hromada_label(lang, hromada))
        agreements = list(self.snapshot.agreements_by_hromada.get(code, ()))
        if agreements:
            draft.lines.append(_("Partners:"))
            draft.lines.extend(partner_lines(lang, self.snapshot, agreements))
            draft.list_agreements(agreements)
        records = self.snapshot.aid_by_hromada.get(code, ())
        if records:
            draft.lines.append(_("Aid received:"))
            self._write_aid(lang, records, draft)
        activities = self.snapshot.activities_by_hromada.get(code, ())
        if activities:
            draft.lines.append(_("Events and work:"))
            for activity in activities[:AID_LIMIT]:
                when = "" if activity.started_on is None else f"{lang.date(activity.started_on)}: "
                draft.lines.append(f"{BULLET}{when}{lang.text(activity.summary)}")
                draft.cite(c.source for c in activity.sources)
            draft.lines.extend(more_lines(lang, len(activities) - AID_LIMIT))
        if self.snapshot.programmes_by_hromada.get(code):
            draft.lines.append(_("Programmes:"))
            self._programmes(lang, code, draft)
        draft.suggestions.append(_("Which countries sent aid?"))

    def _no_records(self, lang: Language, code: str, draft: _Draft) -> None:
        hromada = self.snapshot.hromadas[code]
        draft.lines.append(
            lang.gettext(
                "No records yet for {hromada}: the knowledge base has no partnerships or aid for"
                " this hromada."
            ).format(hromada=hromada_label(lang, hromada))
        )
        draft.lines.append(
            lang.gettext("If you know of an agreement, tell the hromada's council.")
        )

    def _clarify(self, lang: Language, meaning: Meaning, question: str, draft: _Draft) -> None:
        draft.lines.append(
            lang.gettext(
                "There are several hromadas called «{name}». Which one do you mean?"
            ).format(name=meaning.ambiguous_text)
        )
        for code in meaning.ambiguous:
            hromada = self.snapshot.hromadas[code]
            label = hromada_label(lang, hromada)
            draft.lines.append(f"{BULLET}{label}")
            draft.choices.append(Choice(label=label, question=label))

    _HANDLERS: ClassVar[
        dict[Intent, Callable[[Engine, Language, dict[str, EntityValue], _Draft, dt.date], None]]
    ] = {
        Intent.PARTNERS: _partners,
        Intent.RELATION: _relation,
        Intent.SIGNED: _signed,
        Intent.EXPIRY: _expiry,
        Intent.AID: _aid,
        Intent.COUNT: _count,
        Intent.OVERVIEW: _overview,
    }
