"""The question-answering engine: pure, fast, and explainable."""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import ClassVar, TypeVar

from babel.lists import format_list

from knowledge.facts.dates import PartialDate, today_in_ukraine
from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.messages import N_
from knowledge.facts.records import Activity, Agreement, Aid, Hromada, Place, Text
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import ActivityKind, AgreementKind, AgreementStatus
from knowledge.places.countries import constituent_countries
from knowledge.places.gazetteer import EntityKind, Gazetteer
from knowledge.places.reference import city_districts, question_settlements
from knowledge.places.world_regions import in_region, is_world_region
from knowledge.qa.aid_aspects import narrow_aid_lines
from knowledge.qa.aid_side import aid_side
from knowledge.qa.answer import Answer, Choice, Context
from knowledge.qa.counting import (
    SIGNED_STATUSES,
    agreements_counted,
    not_signed_line,
    partner_country_lines,
    partner_towns,
    unsigned_towns_note,
)
from knowledge.qa.coverage import (
    Written,
    activities_answer,
    beyond_the_list,
    covered_hromadas,
    hromadas_with_aid,
    most_partners,
)
from knowledge.qa.definitions import write_definitions
from knowledge.qa.donors import donor_counts
from knowledge.qa.each_listed import for_each_listed, hromadas_to_choose
from knowledge.qa.event_follow_up import event_detail
from knowledge.qa.event_part import took_part_answer
from knowledge.qa.extensions import extended_in, extension_lines, extension_sources
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Aspect, Declined, Entities, Meaning, Topic
from knowledge.qa.people import names_signing
from knowledge.qa.regions import (
    agreements_in,
    aid_by_group_lines,
    aid_from,
    aid_from_heading,
    no_aid_from,
    partner_in,
)
from knowledge.qa.resolution import is_of_kind, one_reading_per_hromada, resolve
from knowledge.qa.shared import asks_shared, shared_donors, shared_partners
from knowledge.qa.small_talk import SIMPLE_INTENTS, write_simple
from knowledge.qa.understanding import Reader, Reading, detect_language
from knowledge.qa.year_parts import in_part_of_year, part_is_known
from knowledge.render.labels import (
    AGREEMENT_KINDS_INLINE,
    AGREEMENT_STATUSES_INLINE,
    COOPERATION_AREAS,
)
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
    in_partner_order,
    more_lines,
    partner_label,
    partner_lines,
    place_label,
    signing,
    sources_footer,
)
from knowledge.text.collation import sort_key
from knowledge.text.forms_cache import FormsCache
from knowledge.text.normalize import name_key

MAX_QUESTION_LENGTH = 500
# Aid records and activities are long; an answer shows the newest few.
AID_LIMIT = 10
Item = TypeVar("Item")
# Sorts undated records after every dated one when the newest come first.
_UNDATED = PartialDate(1)
_NO_EXTENSION = N_("the sources record no extension")
# Non-answers after which the conversation keeps what was asked, for the follow-up to answer.
_ANSWERED_LATER = frozenset({Intent.CLARIFY, Intent.NEED_HROMADA, Intent.NO_RECORDS})
DEFAULT_LANGUAGE = "uk"


@dataclass
class _Draft:
    """An answer being written."""

    lines: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    agreements: list[str] = field(default_factory=list)
    # One agreement per partner shown, in the order shown: what "the second one" counts.
    listed: list[str] = field(default_factory=list)
    choices: list[Choice] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    # The events (activity keys) the answer is about, for «а коли?», «а де?» after it.
    events: list[str] = field(default_factory=list)
    # Which page of its lists the answer shows, and whether a list goes on after it.
    page: int = 1
    more: bool = False

    def window(self, items: Sequence[Item], limit: int) -> tuple[Sequence[Item], int]:
        """The items this page shows, and how many come after them."""
        start = (self.page - 1) * limit
        rest = max(0, len(items) - start - limit)
        self.more = self.more or rest > 0
        return items[start : start + limit], rest

    def cite(self, keys: Iterable[str]) -> None:
        for key in keys:
            if key not in self.sources:
                self.sources.append(key)

    def list_agreements(self, agreements: Sequence[Agreement]) -> None:
        """Agreements the answer lists: all remembered for "the second one", the shown cited."""
        self.agreements.extend(agreement.key for agreement in agreements)
        places = list(dict.fromkeys(agreement.place for agreement in agreements))
        shown_places, _rest = self.window(places, LIST_LIMIT)
        shown = set(shown_places)
        self.list_pairs(agreement for agreement in agreements if agreement.place in shown)
        self.cite_agreements(agreement for agreement in agreements if agreement.place in shown)

    def list_pairs(self, agreements: Iterable[Agreement]) -> None:
        """Remember the first agreement of each hromada and partner pair, in order."""
        pairs: dict[tuple[str, str], str] = {}
        for agreement in agreements:
            pairs.setdefault((agreement.hromada, agreement.place), agreement.key)
        self.listed.extend(pairs.values())

    def cite_agreements(self, agreements: Iterable[Agreement]) -> None:
        for agreement in agreements:
            self.cite(citation.source for citation in agreement.sources)
            self.cite(extension.source for extension in agreement.extensions)


# Questions answered for each hromada in turn when one names several.
_PER_HROMADA = frozenset(
    {
        Intent.PARTNERS,
        Intent.NO_RECORDS,
        Intent.OVERVIEW,
        Intent.AID,
        Intent.SIGNED,
        Intent.EXPIRY,
        Intent.SIGNATORIES,
        Intent.AREAS,
        Intent.RELATION,
    }
)
# A twinning not yet made: planned, or still in talks.
_NOT_YET = frozenset({AgreementStatus.PLANNED, AgreementStatus.IN_NEGOTIATION})


def _without_footer(lang: Language, answer: Answer) -> str:
    """The answer's text without its closing sources footer (the footer its sources give)."""
    footer = "\n".join(sources_footer(lang, answer.sources)).strip()
    if footer and answer.text.endswith(footer):
        return answer.text[: -len(footer)].rstrip()
    return answer.text


def _signed_in(agreement: Agreement, year: int) -> bool:
    return agreement.signed_on is not None and agreement.signed_on.year == year


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
        # Agreements by the year they were signed in, built on the first question that asks.
        self._by_signing_year: dict[int, list[Agreement]] | None = None

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
        return self._meaning(reading, context)

    def answer(
        self,
        question: str,
        context: Context | None = None,
        lang: str | None = None,
        today: dt.date | None = None,
        *,
        fallback_lang: str | None = None,
        page: int = 1,
    ) -> Answer:
        """Answer one question; pass the returned `context` with the next one.

        The answer is in `lang` when given (a language the chat chose), else in the question's
        own language, else the conversation's, else `fallback_lang`, else Ukrainian. A long
        list shows its `page`-th part; `Answer.more` says whether another page follows.
        """
        today = today or today_in_ukraine()
        stripped = question.strip()
        if len(stripped) > MAX_QUESTION_LENGTH:
            language = Language(
                lang or (context.lang if context else None) or fallback_lang or DEFAULT_LANGUAGE
            )
            return self._simple(question, language, Intent.TOO_LONG, context)
        reading = self._reader.read(
            stripped, today, lang_before=context.lang if context is not None else None
        )
        code = (
            lang
            or reading.lang
            or (context.lang if context else None)
            or fallback_lang
            or DEFAULT_LANGUAGE
        )
        language = Language(code)
        if not reading.tokens:
            return self._simple(question, language, Intent.EMPTY, context)
        meaning = self._meaning(reading, context)
        if meaning.each:
            return for_each_listed(
                meaning,
                self.snapshot,
                lambda one: self._answer(question, language, one, context, today),
                lambda answers: self._joined(language, answers),
            )
        if page <= 1 and meaning.entities.compared is None and meaning.intent in _PER_HROMADA:
            readings = one_reading_per_hromada(reading, self.snapshot)
            if readings:
                return self._for_each_hromada(question, language, readings, context, today)
        answered = self._answer(question, language, meaning, context, today, max(page, 1))
        guessed = self._guessed_hromada(reading, meaning)
        if guessed is None:
            return answered
        # «Які партнери в Колтові?» read as Poltava by a guess at a misspelling: the answer
        # says so, so that no one takes Poltava's partners for those of the place they meant.
        note = language.gettext(
            "I found no exact match for that name; answering about the closest one: {hromada}."
        ).format(hromada=language.hromada(guessed))
        return replace(answered, text=f"{note}\n{answered.text}")

    def _for_each_hromada(
        self,
        question: str,
        lang: Language,
        readings: Sequence[Reading],
        context: Context | None,
        today: dt.date,
    ) -> Answer:
        """«Які побратими у Львова і Харкова?»: the answer for each hromada in turn, in the
        order the question names them; the conversation goes on about the first with records
        (Kharkiv's, not Lviv's «no records yet»)."""
        answers = [
            self._answer(question, lang, self._meaning(reading, context), context, today)
            for reading in readings
        ]
        joined = self._joined(lang, answers)
        intents = {answer.intent for answer in answers}
        if not asks_shared(question) or intents not in ({Intent.PARTNERS}, {Intent.AID}):
            return joined
        # «чи є в мени і харкова спільні партнери?»: the yes or no first, then each list.
        if intents == {Intent.AID}:
            opening = shared_donors(lang, self.snapshot, answers)
        else:
            opening = shared_partners(lang, self.snapshot, answers)
        return joined if opening is None else replace(joined, text=f"{opening}\n\n{joined.text}")

    def _joined(self, lang: Language, answers: Sequence[Answer]) -> Answer:
        """The answers one after another under one sources footer; the conversation goes on
        from the first with agreements."""
        first = answers[0]
        kept = next((answer for answer in answers if answer.agreements), first)
        sources = tuple(dict.fromkeys(c for answer in answers for c in answer.sources))
        # One sources footer for the whole answer, after every hromada's part.
        bodies = "\n\n".join(_without_footer(lang, answer) for answer in answers)
        return replace(
            first,
            text="\n".join([bodies, *sources_footer(lang, sources)]).strip(),
            sources=sources,
            choices=tuple(choice for answer in answers for choice in answer.choices),
            agreements=tuple(key for answer in answers for key in answer.agreements),
            more=False,
            context=kept.context,
        )

    def _guessed_hromada(self, reading: Reading, meaning: Meaning) -> Hromada | None:
        """The hromada the answer is about when the question named it only by an approximate
        (misspelled or unknown) name, else None."""
        code = meaning.entities.hromada
        if code is None or meaning.intent is Intent.CLARIFY:
            return None
        naming = [
            mention
            for mention in reading.mentions
            if any(ref.kind is EntityKind.HROMADA and ref.id == code for ref in mention.refs)
        ]
        if not naming or not all(mention.approximate for mention in naming):
            return None
        return self.snapshot.hromadas.get(code)

    def _meaning(self, reading: Reading, context: Context | None) -> Meaning:
        """The question's meaning, with the side of a record it asks about."""
        return resolve(reading, context, self.snapshot)

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
            entities=Entities(),
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
        page: int = 1,
    ) -> Answer:
        draft = _Draft(page=page)
        intent = meaning.intent
        entities = meaning.entities
        written = self._about_the_records(lang, meaning)
        by_age = meaning.narrow.aspect if meaning.narrow is not None else None
        if by_age in (Aspect.OLDEST, Aspect.NEWEST):
            self._by_age(lang, entities, draft, newest=by_age is Aspect.NEWEST)
        elif written is not None:
            draft.lines.extend(written.lines)
            draft.cite(written.sources)
            if meaning.narrow is not None and meaning.narrow.aspect is Aspect.EVENTS:
                draft.events.extend(meaning.narrow.records)
        elif intent is Intent.DEFINITION:
            write_definitions(lang, meaning.defined, self.snapshot, draft.lines)
        elif intent is Intent.CLARIFY:
            self._clarify(lang, meaning, draft)
        elif choosing := hromadas_to_choose(meaning, context, self.snapshot):
            self._choose_listed(lang, choosing, draft)
        elif intent in SIMPLE_INTENTS:
            write_simple(lang, intent, draft)
        elif intent is Intent.SOURCES:
            self._sources(lang, entities, context, draft)
        elif intent is Intent.NO_RECORDS:
            self._no_records(lang, _code(entities), draft, yes_no=meaning.yes_no)
        else:
            self._HANDLERS[intent](self, lang, meaning, draft, today)
            self._the_other_partners(lang, meaning, draft, today)

        citations = tuple(
            citation(lang, self.snapshot.sources[key])
            for key in draft.sources
            if key in self.snapshot.sources
        )
        text_lines = [
            *self._settlement_note(lang, meaning),
            *draft.lines,
            *sources_footer(lang, citations),
        ]
        kept_later = intent in _ANSWERED_LATER and meaning.pending is not None
        return Answer(
            question=question,
            lang=lang.code,
            intent=intent,
            entities=entities,
            text="\n".join(text_lines).strip(),
            sources=citations,
            choices=tuple(draft.choices),
            suggestions=tuple(draft.suggestions),
            agreements=tuple(draft.agreements),
            page=page,
            more=draft.more,
            context=Context(
                entities=self._pair_shown(meaning),
                intent=meaning.pending if kept_later else intent,
                lang=lang.code,
                listed_agreements=_still_listed(meaning, draft, context),
                sources=tuple(draft.sources) or (context.sources if context else ()),
                candidates=meaning.ambiguous,
                yes_no=meaning.yes_no,
                counted=_counted(meaning, context),
                events=tuple(draft.events),
                aid_side=aid_side(meaning),
            ),
        )

    def _pair_shown(self, meaning: Meaning) -> Entities:
        """The entities the conversation goes on from: after "No, Columbus is not a partner of
        Kharkiv; it has a memorandum with Kupiansk", the pair shown (Kupiansk and Columbus), so
        that «а коли підписали?» asks about that memorandum."""
        entities = meaning.entities
        if meaning.intent is not Intent.RELATION or not entities.hromada or not entities.place:
            return entities
        agreements = self.snapshot.agreements_by_place.get(entities.place, ())
        if any(a.hromada == entities.hromada for a in agreements):
            return entities
        hromadas = {a.hromada for a in agreements}
        if len(hromadas) != 1:
            return entities
        return entities.but(hromada=hromadas.pop())

    def _by_age(self, lang: Language, entities: Entities, draft: _Draft, *, newest: bool) -> None:
        """The oldest or the newest signed agreements (of the hromada, or nation-wide), by the
        signing date the sources give; the partners they give none for are named, since one of
        those may be older or newer still."""
        _ = lang.gettext
        if entities.hromada is not None:
            candidates = self._agreements(entities)
        else:
            candidates = [
                a
                for a in self.snapshot.agreements.values()
                if (entities.kind is None or is_of_kind(a, entities.kind))
                and (entities.country is None or partner_in(self.snapshot, a, entities.country))
            ]
        signed = [a for a in candidates if a.status not in _NOT_YET]
        dated = [a for a in signed if a.signed_on is not None]
        undated = [a for a in signed if a.signed_on is None]
        lines = draft.lines
        if entities.hromada is not None and not signed:
            # «найновіший побратим Мени»: Mena has no twin city, only other agreements.
            lines.append(
                _("{hromada}: no matching agreements are recorded{filters}.").format(
                    hromada=self._heading(lang, entities), filters=self._filters(lang, entities)
                )
            )
            return
        if entities.hromada is not None:
            lines.append(f"{self._heading(lang, entities)}:")
        shown: list[Agreement] = []
        if dated:
            extreme = (max if newest else min)(a.signed_on for a in dated if a.signed_on)
            shown = [a for a in dated if a.signed_on == extreme]
            lines.append(
                _("The newest of the agreements the sources date:")
                if newest
                else _("The oldest of the agreements the sources date:")
            )
        elif undated:
            shown = undated
            lines.append(
                _(
                    "The sources give no signing date for any of these agreements, so I cannot"
                    " tell which came first."
                )
            )
        else:
            lines.append(_("No signed agreements are recorded."))
        for agreement in shown:
            partner = place_label(lang, self.snapshot.places[agreement.place])
            if entities.hromada is None:
                hromada = hromada_label(lang, self.snapshot.hromadas[agreement.hromada])
                partner = f"{hromada} — {partner}"
            lines.append(f"{BULLET}{partner}: {agreement_line(lang, agreement)}")
        if dated and undated:
            names = list(dict.fromkeys(lang.place(self.snapshot.places[a.place]) for a in undated))
            lines.append(
                (
                    _(
                        "The sources give no signing date for the agreements with these partners:"
                        " {places}; one of them may be newer."
                    )
                    if newest
                    else _(
                        "The sources give no signing date for the agreements with these partners:"
                        " {places}; one of them may be older."
                    )
                ).format(places=", ".join(names))
            )
        draft.agreements.extend(agreement.key for agreement in shown)
        draft.list_pairs(shown)
        draft.cite_agreements([*shown, *undated])

    def _the_other_partners(
        self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date
    ) -> None:
        """The same question of each further partner the question named («а Брно і Лілль?»),
        and a "no" for the towns abroad no record names, after the first partner's answer."""
        entities = meaning.entities
        for place in meaning.also:
            draft.lines.append("")
            other = replace(meaning, entities=entities.but(place=place, agreement=None), also=())
            self._HANDLERS[meaning.intent](self, lang, other, draft, today)
        if entities.place is not None and meaning.also_unknown:
            draft.lines.append("")
            draft.lines.append(
                lang.gettext(
                    "No, I have no record of a partnership between {hromada} and {place}."
                ).format(
                    hromada=self._heading(lang, entities),
                    place=format_list(list(meaning.also_unknown), locale=lang.code),
                )
            )

    def _about_the_records(self, lang: Language, meaning: Meaning) -> Written | None:
        """The answer about the knowledge base as a whole or its events, if that is asked."""
        narrow = meaning.narrow
        if narrow is None:
            return None
        if narrow.aspect is Aspect.HROMADAS:
            return covered_hromadas(lang, self.snapshot, yes_no=meaning.yes_no)
        if narrow.aspect is Aspect.AID_HROMADAS:
            year = meaning.entities.year
            return hromadas_with_aid(lang, self.snapshot, year, yes_no=meaning.yes_no)
        if narrow.aspect in (Aspect.MOST, Aspect.MOST_AGREEMENTS):
            entities = meaning.entities
            return most_partners(
                lang,
                self.snapshot,
                by_agreements=narrow.aspect is Aspect.MOST_AGREEMENTS,
                kind=entities.kind,
                country=entities.country,
            )
        if narrow.aspect is Aspect.EVENTS and narrow.detail is not None:
            return event_detail(lang, self.snapshot, narrow.records, narrow.detail)
        if narrow.aspect is Aspect.EVENTS and meaning.yes_no and meaning.entities.hromada:
            hromada = meaning.entities.hromada
            return took_part_answer(lang, self.snapshot, hromada, narrow.records, narrow.words)
        if narrow.aspect is Aspect.EVENTS:
            return activities_answer(lang, self.snapshot, narrow.records, narrow.words)
        if narrow.aspect is Aspect.BEYOND_LIST:
            return beyond_the_list(lang, self.snapshot, narrow.records)
        return None

    def _settlement_note(self, lang: Language, meaning: Meaning) -> list[str]:
        """Which hromada a village or town the question named belongs to: its partnerships
        are the hromada's."""
        code = meaning.settlement or ""
        hromada = self.snapshot.hromadas.get(meaning.entities.hromada or "")
        if not code or hromada is None or meaning.intent is Intent.CLARIFY:
            return []
        village = question_settlements().get(code)
        if village is not None:
            name = village.name_uk if lang.code == "uk" else village.name_en
        else:
            district = next(
                (unit for unit in city_districts().get(hromada.code, ()) if unit.code == code),
                None,
            )
            if district is None:
                return []
            name = lang.gettext("{district} district").format(
                district=district.name_uk if lang.code == "uk" else district.name_en
            )
        return [
            lang.gettext("{settlement} is part of the {hromada} hromada.").format(
                settlement=name, hromada=lang.hromada(hromada)
            )
        ]

    # -- the hromada's own agreements ---------------------------------------------------------

    def _agreements(
        self, entities: Entities, *, signed_in: int | None = None, only: str | None = None
    ) -> list[Agreement]:
        """The hromada's agreements the entities narrow to; `signed_in` keeps those signed in
        that year, `only` (an agreement's key) the one agreement an answer picked to show."""
        key = only if only is not None else entities.agreement
        agreements = list(self.snapshot.agreements_by_hromada.get(entities.hromada or "", ()))
        if signed_in is not None:
            agreements = [a for a in agreements if _signed_in(a, signed_in)]
            if entities.part is not None:
                agreements = [a for a in agreements if in_part_of_year(a, entities.part)]
        if key is not None:
            return [a for a in agreements if a.key == key]
        if entities.place is not None:
            agreements = [a for a in agreements if a.place == entities.place]
        if entities.country is not None:
            agreements = [a for a in agreements if partner_in(self.snapshot, a, entities.country)]
        if entities.region is not None:
            agreements = [
                a
                for a in agreements
                if (region := self.snapshot.places[a.place].region) is not None
                and region.en == entities.region
            ]
        if entities.kind is not None and entities.place is None:
            kind = entities.kind
            agreements = [a for a in agreements if is_of_kind(a, kind)]
        if entities.status is not None and entities.place is None:
            agreements = [a for a in agreements if entities.admits(a.status)]
        return self._without_excepted(entities, agreements)

    def _without_excepted(
        self, entities: Entities, agreements: Iterable[Agreement]
    ) -> list[Agreement]:
        """The agreements less those the question leaves out («крім американських»: those
        with partners in the United States; «окрім побратимів»: the twinnings)."""
        kind = entities.except_kind
        return [
            a
            for a in agreements
            if a.place != entities.except_place
            and (
                entities.except_country is None
                or self.snapshot.country_of(a) != entities.except_country
            )
            and (kind is None or not is_of_kind(a, kind))
        ]

    def _headed_agreements(
        self,
        lang: Language,
        entities: Entities,
        draft: _Draft,
        *,
        signed_in: int | None = None,
        only: str | None = None,
    ) -> list[Agreement]:
        """The agreements asked about (`only` the one picked, by its key), under the hromada's
        name; none, with a line saying so."""
        agreements = self._agreements(entities, signed_in=signed_in, only=only)
        name = self._heading(lang, entities)
        if not agreements:
            draft.lines.append(
                lang.gettext("{hromada}: no matching agreements are recorded{filters}.").format(
                    hromada=name, filters=self._filters(lang, entities, signed_in)
                )
            )
            if signed_in is not None and entities.part is not None:
                # «на початку 2023» when the records give 2023 alone: those, said to be undated.
                undated = self._agreements(entities.but(part=None), signed_in=signed_in, only=only)
                return self._month_unknown(lang, undated, signed_in, draft)
        else:
            draft.lines.append(f"{name}:")
        return agreements

    def _month_unknown(
        self, lang: Language, agreements: Iterable[Agreement], year: int, draft: _Draft
    ) -> list[Agreement]:
        """The agreements signed in the year whose record cannot tell its start from its end,
        under a line saying so; none when there are none."""
        undated = [a for a in agreements if not part_is_known(a)]
        if undated:
            draft.lines.append(
                lang.ngettext(
                    "The sources do not give the month for {count} agreement signed in {year}:",
                    "The sources do not give the month for {count} agreements signed in {year}:",
                    len(undated),
                ).format(count=lang.number(len(undated)), year=year)
            )
        return undated

    def _as_shown(self, lang: Language, agreements: Sequence[Agreement]) -> list[Agreement]:
        """The agreements in the order `partner_lines` shows their partners."""
        groups = in_partner_order(lang, self.snapshot, agreements)
        return [agreement for _place, group in groups for agreement in group]

    def _heading(self, lang: Language, entities: Entities) -> str:
        return lang.hromada(self.snapshot.hromadas[_code(entities)])

    def _filters(
        self,
        lang: Language,
        entities: Entities,
        signed_in: int | None = None,
        *,
        with_status: bool = False,
    ) -> str:
        parts = []
        if with_status and entities.status is not None:
            # «Харків: партнерів у базі немає (розірвано)»: none of that status, not none at all.
            parts.append(_status_label(lang, entities, entities.status))
        if entities.country is not None:
            parts.append(lang.country(entities.country))
        if entities.region is not None:
            parts.append(self._region_name(lang, entities.region))
        if signed_in is not None and entities.part == "end":
            parts.append(lang.gettext("signed at the end of {year}").format(year=signed_in))
        elif signed_in is not None and entities.part == "start":
            parts.append(lang.gettext("signed at the start of {year}").format(year=signed_in))
        elif signed_in is not None:
            parts.append(lang.gettext("agreements signed in {year}").format(year=signed_in))
        excepted_place = self.snapshot.places.get(entities.except_place or "")
        left_out = [
            lang.country(entities.except_country) if entities.except_country else "",
            lang.place(excepted_place) if excepted_place is not None else "",
            lang.gettext(AGREEMENT_KINDS_INLINE[entities.except_kind])
            if entities.except_kind is not None
            else "",
        ]
        if any(left_out):
            what = ", ".join(name for name in left_out if name)
            parts.append(lang.gettext("except: {what}").format(what=what))
        return f" ({', '.join(parts)})" if parts else ""

    def _in_place(self, lang: Language, entities: Entities) -> str:
        """«у Німеччині», «в Шотландії», "in Germany": the country or region asked about."""
        if entities.country is not None:
            return lang.in_country(entities.country)
        name = self._region_name(lang, entities.region or "")
        return lang.in_named(name, lang.gettext("in the region «{name}»"))

    def _region_name(self, lang: Language, region: str) -> str:
        for place in self.snapshot.places.values():
            if place.region is not None and place.region.en == region:
                return lang.text(place.region)
        # «Шотландія»: a constituent country no partner lies in still has its own name.
        _, region_uk = constituent_countries().get(region, ("", region))
        return region_uk if lang.code == "uk" else region

    def _partners(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        entities = meaning.entities
        if meaning.narrow is not None and meaning.narrow.aspect is Aspect.OTHERS:
            self._other_partners(lang, entities, meaning.narrow.records, draft)
            return
        # «угоди Харкова 2023 року»: a year alone narrows the list to what was signed in it;
        # «плани Харкова на 2024» asks for what is not signed, which has no signing year.
        signed_in = (
            entities.year
            if entities.months is None
            and entities.until is None
            and (entities.status is None or entities.status in SIGNED_STATUSES)
            else None
        )
        agreements = self._agreements(entities, signed_in=signed_in)
        if self._no_twin_there(lang, meaning, agreements, signed_in, draft):
            return
        if (
            entities.topic is Topic.COUNTRIES
            and entities.country is None
            and not meaning.yes_no
            and agreements
        ):
            self._partner_countries(lang, entities, agreements, draft)
            return
        answer = self._in_country(lang, meaning, agreements)
        twins_only = entities.kind is AgreementKind.TWINNING
        whole_list = (
            twins_only
            and not entities.excepts
            and entities.country is None
            and entities.region is None
            and entities.status is None
            and signed_in is None
        )
        if answer is None and meaning.yes_no and draft.page == 1:
            self._partners_opening(lang, meaning, agreements, draft, whole_list=whole_list)
        if not agreements:
            self._no_partners(lang, entities, answer, signed_in, draft)
            return
        planned = [a for a in agreements if a.status in _NOT_YET] if twins_only else []
        if planned and answer is None and draft.page == 1:
            self._twins_and_planned(lang, entities, agreements, planned, draft)
            if whole_list:
                self._partners_besides(lang, entities, agreements, draft)
            return
        draft.lines.append(answer or self._partners_heading(lang, entities, agreements, signed_in))
        draft.lines.extend(partner_lines(lang, self.snapshot, agreements, draft.page))
        draft.list_agreements(self._as_shown(lang, agreements))
        if whole_list and not draft.more:
            self._partners_besides(lang, entities, agreements, draft)
        self._suggest_a_signing(lang, agreements, draft)

    def _partner_countries(
        self, lang: Language, entities: Entities, agreements: Sequence[Agreement], draft: _Draft
    ) -> None:
        """«З якими країнами співпрацює Мена?»: the countries of the signed partners, each with
        its towns, then the countries where talks or a plan are all there is."""
        lines, unsigned = partner_country_lines(lang, self.snapshot, agreements)
        draft.lines.append(
            lang.ngettext(
                "{hromada} — partners in {count} country:",
                "{hromada} — partners in {count} countries:",
                len(lines),
            ).format(hromada=self._heading(lang, entities), count=lang.number(len(lines)))
        )
        draft.lines.extend(lines)
        if unsigned:
            draft.lines.append(not_signed_line(lang, unsigned, "; "))
        draft.cite_agreements(agreements)
        draft.list_pairs(self._as_shown(lang, agreements))

    def _no_twin_there(
        self,
        lang: Language,
        meaning: Meaning,
        agreements: Sequence[Agreement],
        signed_in: int | None,
        draft: _Draft,
    ) -> bool:
        """ "Does Kharkiv have a sister city in the USA?": no, but the agreements it has there
        (Cincinnati, Albuquerque) are the rest of the answer. Whether that was the answer."""
        entities = meaning.entities
        if (
            entities.kind is not AgreementKind.TWINNING
            or not meaning.yes_no
            or entities.country is None
            or any(a.status is AgreementStatus.ACTIVE for a in agreements)
        ):
            return False
        there = self._agreements(entities.but(kind=None), signed_in=signed_in)
        if not there:
            return False
        draft.lines.append(
            lang.gettext(
                "No, {hromada} has no twin city {in_country} yet. What is recorded:"
            ).format(
                hromada=self._heading(lang, entities),
                in_country=lang.in_country(entities.country),
            )
        )
        draft.lines.extend(partner_lines(lang, self.snapshot, there, draft.page))
        draft.list_agreements(self._as_shown(lang, there))
        return True

    def _partners_opening(
        self,
        lang: Language,
        meaning: Meaning,
        agreements: Sequence[Agreement],
        draft: _Draft,
        *,
        whole_list: bool,
    ) -> None:
        """The yes or no before the partners of a yes-or-no question, when one is due."""
        _ = lang.gettext
        entities = meaning.entities
        if whole_list and not meaning.unknown_partner:
            # After «Ні, … з Краковом» the list is what exists, not a second, opposite answer.
            # «Чи є у Харкова побратими?» asks for a yes or a no before the list.
            if any(a.status not in _NOT_YET for a in agreements):
                opening = _("Yes, {hromada} has twin cities.")
            else:
                opening = _("No, {hromada} has no twin city yet.")
            draft.lines.append(opening.format(hromada=self._heading(lang, entities)))
        elif agreements and not (draft.lines or meaning.unknown_partner or meaning.also_unknown):
            # "Does Kupiansk have a partner city?", «Чи є у Мени партнери?»: a yes or a no
            # first, a partner counting only once an agreement with it is signed.
            draft.lines.append(self._has_partners(lang, entities, agreements))

    def _no_partners(
        self,
        lang: Language,
        entities: Entities,
        answer: str | None,
        signed_in: int | None,
        draft: _Draft,
    ) -> None:
        """None of the partners asked about: said so, with the hromada's other partners."""
        _ = lang.gettext
        if entities.kind is AgreementKind.TWINNING:
            template = _("{hromada}: no twin cities are recorded{filters}.")
        else:
            template = _("{hromada}: no partners are recorded{filters}.")
        name = self._heading(lang, entities)
        if answer is None and entities.status is AgreementStatus.IN_NEGOTIATION:
            # «Харків з ким веде переговори?»: no talks is not no partners.
            self._no_talks(lang, entities, signed_in, draft)
            return
        filters = self._filters(lang, entities, signed_in, with_status=True)
        draft.lines.append(answer or template.format(hromada=name, filters=filters))
        self._other_kinds(lang, _code(entities), draft)

    def _no_talks(
        self, lang: Language, entities: Entities, signed_in: int | None, draft: _Draft
    ) -> None:
        """No talks recorded for the hromada: said so, then what is planned but not confirmed
        signed (Kharkiv's twinning with Albuquerque), then the partners it has."""
        _ = lang.gettext
        name = self._heading(lang, entities)
        filters = self._filters(lang, entities, signed_in)
        draft.lines.append(
            _("{hromada}: no talks under way are recorded{filters}.").format(
                hromada=name, filters=filters
            )
        )
        planned = self._agreements(entities.but(status=AgreementStatus.PLANNED))
        if planned:
            draft.lines.append(_("Planned, not signed yet:"))
            draft.lines.extend(partner_lines(lang, self.snapshot, planned, 1))
            draft.cite_agreements(planned)
        self._other_kinds(lang, _code(entities), draft)

    def _partners_heading(
        self,
        lang: Language,
        entities: Entities,
        agreements: Sequence[Agreement],
        signed_in: int | None,
    ) -> str:
        """The line over a list of partners: how many, of which kind or status, and how many
        more towns are in talks only («Мена — 4 партнери (ще 1 — не підписано)»)."""
        places = {agreement.place for agreement in agreements}
        # A town only in talks is no partner yet.
        partnered = {a.place for a in agreements if a.status in SIGNED_STATUSES} or places
        unsigned = len(places - partnered)
        twins_only = entities.kind is AgreementKind.TWINNING
        if entities.status is AgreementStatus.IN_NEGOTIATION:
            # «з ким веде переговори Мена?»: a town in talks is no partner yet.
            heading = lang.ngettext(
                "{hromada} — talks under way with {count} town{filters}:",
                "{hromada} — talks under way with {count} towns{filters}:",
                len(places),
            )
        elif entities.status is AgreementStatus.PLANNED and entities.unsigned:
            heading = lang.ngettext(
                "{hromada} — {count} agreement not signed yet{filters}:",
                "{hromada} — {count} agreements not signed yet{filters}:",
                len(agreements),
            )
        elif entities.status is AgreementStatus.PLANNED:
            heading = lang.ngettext(
                "{hromada} — {count} agreement planned, not signed yet{filters}:",
                "{hromada} — {count} agreements planned, not signed yet{filters}:",
                len(agreements),
            )
        elif entities.status is AgreementStatus.ACTIVE and not twins_only:
            # «Які угоди Харкова чинні?»: the agreements in force, two with one town apart.
            heading = lang.ngettext(
                "{hromada} — {count} agreement in force{filters}:",
                "{hromada} — {count} agreements in force{filters}:",
                len(agreements),
            )
        elif twins_only:
            heading = lang.gettext("{hromada} — twin cities{filters}:")
        else:
            heading = lang.ngettext(
                "{hromada} — {count} partner{filters}:",
                "{hromada} — {count} partners{filters}:",
                len(partnered),
            )
        shown = len(partnered)
        if entities.status is AgreementStatus.IN_NEGOTIATION:
            shown = len(places)
        elif entities.status in (AgreementStatus.PLANNED, AgreementStatus.ACTIVE):
            shown = len(agreements)
        heading = heading.format(
            hromada=self._heading(lang, entities),
            count=lang.number(shown),
            filters=self._filters(lang, entities, signed_in),
        )
        if unsigned and not twins_only and entities.status not in _NOT_YET:
            heading = (
                heading.removesuffix(":")
                + " "
                + lang.ngettext(
                    "({count} more town not signed yet):",
                    "({count} more towns not signed yet):",
                    unsigned,
                ).format(count=lang.number(unsigned))
            )
        return heading

    def _has_partners(
        self, lang: Language, entities: Entities, agreements: Sequence[Agreement]
    ) -> str:
        """The yes or no that opens "Does the hromada have partners (of a kind, a status)?"."""
        _ = lang.gettext
        name = self._heading(lang, entities)
        if entities.status is not None:
            return _("Yes, {hromada} has such agreements.").format(hromada=name)
        if any(a.status not in _NOT_YET for a in agreements):
            return _("Yes, {hromada} has partners.").format(hromada=name)
        return _("No, {hromada} has no partner yet: no agreement is signed.").format(hromada=name)

    def _partners_besides(
        self,
        lang: Language,
        entities: Entities,
        shown: Sequence[Agreement],
        draft: _Draft,
    ) -> None:
        """A line counting the hromada's partners the twin-city list left out (Kharkiv's
        cooperation agreement with Košice, its memorandum with Cincinnati), so that a list of
        twin cities is not taken for all of its partners."""
        places = {agreement.place for agreement in shown}
        everyone = self.snapshot.agreements_by_hromada.get(_code(entities), ())
        rest = [a for a in everyone if a.place not in places]
        if not rest:
            return
        # A count, not the names: a list of twin cities that named Leeds would read as if
        # Leeds were one; the names are one question away.
        count = len({a.place for a in rest})
        draft.lines.append(
            lang.ngettext(
                "Also on record: {count} other partner that is not a twin city; ask for all "
                "of the hromada's partners to see it.",
                "Also on record: {count} other partners that are not twin cities; ask for all "
                "of the hromada's partners to see them.",
                count,
            ).format(count=lang.number(count))
        )

    def _other_partners(
        self, lang: Language, entities: Entities, shown: Sequence[str], draft: _Draft
    ) -> None:
        """The hromada's partners the previous answer did not list (`shown`: its agreement
        keys), or, when it listed them all, a line saying these are all on record."""
        _ = lang.gettext
        name = self._heading(lang, entities)
        places = {
            self.snapshot.agreements[key].place for key in shown if key in self.snapshot.agreements
        }
        rest = [a for a in self._agreements(entities) if a.place not in places]
        if not rest:
            if entities.kind is AgreementKind.TWINNING:
                template = _("These are all of {hromada}'s twin cities on record.")
            else:
                template = _("These are all of {hromada}'s partners on record.")
            draft.lines.append(template.format(hromada=name))
            draft.cite_agreements(self._agreements(entities))
            return
        draft.lines.append(_("{hromada} — other partners:").format(hromada=name))
        draft.lines.extend(partner_lines(lang, self.snapshot, rest, draft.page))
        draft.list_agreements(self._as_shown(lang, rest))

    def _twins_and_planned(
        self,
        lang: Language,
        entities: Entities,
        agreements: Sequence[Agreement],
        planned: Sequence[Agreement],
        draft: _Draft,
    ) -> None:
        """Twin cities, then apart the twinnings only planned or in talks: Kharkiv's memorandum
        with Albuquerque, planned for July 2023, does not make it a twin city (as the yes-or-no
        answer says)."""
        _ = lang.gettext
        name = self._heading(lang, entities)
        filters = self._filters(lang, entities)
        twins = [a for a in agreements if a.status not in _NOT_YET]
        if twins:
            draft.lines.append(
                _("{hromada} — twin cities{filters}:").format(hromada=name, filters=filters)
            )
            draft.lines.extend(partner_lines(lang, self.snapshot, twins))
        else:
            draft.lines.append(
                _("{hromada}: no twin cities are recorded{filters}.").format(
                    hromada=name, filters=filters
                )
            )
        draft.lines.append(_("Planned, not yet twin cities:"))
        draft.lines.extend(partner_lines(lang, self.snapshot, planned))
        twins_shown = self._as_shown(lang, twins)
        draft.list_agreements([*twins_shown, *self._as_shown(lang, planned)])
        self._suggest_a_signing(lang, twins_shown, draft)

    def _suggest_a_signing(
        self, lang: Language, agreements: Sequence[Agreement], draft: _Draft
    ) -> None:
        """Offer to ask when the first of the agreements whose signing date is recorded was
        signed: a button offers only a question whose answer tells something."""
        dated = [a for a in agreements if a.signed_on is not None]
        if dated:
            first = self.snapshot.places[dated[0].place]
            draft.suggestions.append(
                lang.gettext("When was the agreement with {place} signed?").format(
                    place=lang.place(first)
                )
            )

    def _in_country(
        self, lang: Language, meaning: Meaning, agreements: Sequence[Agreement]
    ) -> str | None:
        """The "yes" or "no" opening a yes-or-no question for partners in one country, or for
        an agreement of one kind ("Does Kupiansk have a memorandum?")."""
        entities = meaning.entities
        kind = entities.kind
        if not meaning.yes_no:
            return None
        in_country = entities.country is not None or entities.region is not None
        if in_country and (kind is AgreementKind.TWINNING or kind is None):
            return self._in_country_yes_no(lang, meaning, agreements)
        if kind is AgreementKind.TWINNING and agreements:
            # Twin cities and twinnings only planned are listed apart, under their own heading.
            return None
        if not in_country and kind is not None:
            named_kind = {
                "hromada": self._heading(lang, entities),
                "kind": lang.gettext(AGREEMENT_KINDS_INLINE[kind]),
            }
            if agreements:
                return lang.gettext("Yes, {hromada} has a {kind}:").format(**named_kind)
            return lang.gettext("No, {hromada} has no {kind} on record.").format(**named_kind)
        return None

    def _in_country_yes_no(
        self, lang: Language, meaning: Meaning, agreements: Sequence[Agreement]
    ) -> str | None:
        """ "Is there a partner (a twin city) of the hromada in this country?": a yes counts
        the partners with an agreement in force; unsigned talks make a no that names them."""
        entities = meaning.entities
        if entities.country is None and entities.region not in constituent_countries():
            # «чи є у Харкова партнери в Шотландії?» is asked (Leeds, in England, is no partner
            # there); a region inside a country is not.
            return None
        twins = entities.kind is AgreementKind.TWINNING
        named = {
            "hromada": self._heading(lang, entities),
            "in_country": self._in_place(lang, entities),
        }
        if entities.status is not None:
            # "Is Mena negotiating with a German town?": the status asked decides the yes.
            named["what"] = _status_label(lang, entities, entities.status)
            if any(entities.admits(a.status) for a in agreements):
                return lang.gettext(
                    "Yes, {hromada} has an agreement {in_country} that is {what}:"
                ).format(**named)
            return lang.gettext(
                "No: none of {hromada}'s agreements {in_country} is {what}."
            ).format(**named)
        in_force = {a.place for a in agreements if a.status is AgreementStatus.ACTIVE}
        if in_force and twins:
            return lang.ngettext(
                "Yes, {hromada} has {count} twin city {in_country}:",
                "Yes, {hromada} has {count} twin cities {in_country}:",
                len(in_force),
            ).format(count=lang.number(len(in_force)), **named)
        if in_force:
            return lang.ngettext(
                "Yes, {hromada} has {count} partner {in_country}:",
                "Yes, {hromada} has {count} partners {in_country}:",
                len(in_force),
            ).format(count=lang.number(len(in_force)), **named)
        if agreements and twins:
            # Planned or unsigned twinning: the hromada may have other agreements there in force.
            return lang.gettext(
                "No, {hromada} has no twin city {in_country} yet. What is recorded:"
            ).format(**named)
        talks = {a.place for a in agreements if a.status is AgreementStatus.IN_NEGOTIATION}
        if talks:
            names = sorted((lang.place(self.snapshot.places[key]) for key in talks), key=sort_key)
            return lang.gettext(
                "No, {hromada} has no agreement in force {in_country} yet; "
                "talks are under way with {places}:"
            ).format(places=", ".join(names), **named)
        if agreements:
            return lang.gettext(
                "No, {hromada} has no agreement in force {in_country}. What is recorded:"
            ).format(**named)
        # «Ні, Куп’янськ: партнерів у Німеччині в базі немає.»
        if twins:
            return lang.gettext("No, {hromada}: no twin cities {in_country} on record.").format(
                **named
            )
        return lang.gettext("No, {hromada}: no partners {in_country} on record.").format(**named)

    def _elsewhere(self, lang: Language, place: Place, draft: _Draft) -> None:
        """What the partner has with other hromadas, after a "no"."""
        _ = lang.gettext
        others = self.snapshot.agreements_by_place.get(place.key, ())
        if not others:
            draft.lines.append(
                _("{place} has no recorded partnerships with Ukrainian hromadas.").format(
                    place=place_label(lang, place)
                )
            )
            self._events_at(lang, place, draft)
            return
        draft.lines.append(_("What {place} has in Ukraine:").format(place=lang.place(place)))
        shown, rest = draft.window(others, LIST_LIMIT)
        for agreement in shown:
            hromada = self.snapshot.hromadas[agreement.hromada]
            draft.lines.append(
                f"{BULLET}{lang.hromada(hromada)}: {agreement_line(lang, agreement)}"
            )
        draft.lines.extend(more_lines(lang, rest))
        draft.list_agreements(others)

    def _relation(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        _ = lang.gettext
        entities = meaning.entities
        if entities.place is None and meaning.unknown_partner:
            # «а Париж і Лондон?»: one "no" for every town no record names.
            unknown = [meaning.unknown_partner, *meaning.also_unknown]
            draft.lines.append(
                _("No, I have no record of a partnership between {hromada} and {place}.").format(
                    hromada=self._heading(lang, entities),
                    place=format_list(unknown, locale=lang.code),
                )
            )
        if entities.place is None:
            self._partners(lang, meaning, draft, today)
            return
        name = self._heading(lang, entities)
        place = self.snapshot.places[entities.place]
        agreements = self._agreements(entities)
        named = {"hromada": name, "place": lang.place(place)}
        if not agreements:
            draft.lines.append(
                _("No, {place} is not a partner of {hromada}.").format(**named)
                if meaning.yes_no
                else _("{hromada} — {place}: no agreements are recorded between them.").format(
                    hromada=name, place=place_label(lang, place)
                )
            )
            self._elsewhere(lang, place, draft)
            return
        if meaning.yes_no:
            self._pair_yes_or_no(lang, meaning, agreements, named, draft)
        draft.lines.append(f"{name} — {partner_label(lang, place)}:")
        for agreement in agreements:
            draft.lines.append(f"{BULLET}{agreement_line(lang, agreement)}")
            notes = lang.note(agreement.notes)
            if notes is not None:
                draft.lines.append(f"  {notes}")
        draft.list_agreements(agreements)
        if any(ending(lang, agreement) is not None for agreement in agreements):
            # Most agreements run with no end date: the question would only say so.
            draft.suggestions.append(_("When does it expire?"))

    def _pair_yes_or_no(
        self,
        lang: Language,
        meaning: Meaning,
        agreements: Sequence[Agreement],
        named: dict[str, str],
        draft: _Draft,
    ) -> None:
        """The yes or no that opens the answer about a pair: twin cities, a kind of agreement,
        talks, or any agreement in force."""
        _ = lang.gettext
        asked = meaning.entities.kind
        if asked is AgreementKind.TWINNING:
            twins = [
                a
                for a in agreements
                if a.kind is AgreementKind.TWINNING and a.status is AgreementStatus.ACTIVE
            ]
            if twins:
                draft.lines.append(
                    _("Yes, {hromada} and {place} are twin cities.").format(**named)
                )
            else:
                draft.lines.append(
                    _("No, {hromada} and {place} are not twin cities. What they have:").format(
                        **named
                    )
                )
        elif asked is not None:
            if any(
                is_of_kind(a, asked) and a.status is AgreementStatus.ACTIVE for a in agreements
            ):
                draft.lines.append(
                    _("Yes, {hromada} and {place} have a {kind}.").format(
                        kind=lang.gettext(AGREEMENT_KINDS_INLINE[asked]), **named
                    )
                )
            elif any(is_of_kind(a, asked) for a in agreements):
                # Kharkiv and Albuquerque's memorandum was only planned: it exists, unsigned.
                draft.lines.append(
                    _(
                        "No, {hromada} and {place} have no {kind} in force yet. What they have:"
                    ).format(kind=lang.gettext(AGREEMENT_KINDS_INLINE[asked]), **named)
                )
            else:
                draft.lines.append(
                    _("No, {hromada} and {place} have no {kind}. What they have:").format(
                        kind=lang.gettext(AGREEMENT_KINDS_INLINE[asked]), **named
                    )
                )
        else:
            in_talks = any(a.status is AgreementStatus.IN_NEGOTIATION for a in agreements)
            if meaning.entities.status is AgreementStatus.IN_NEGOTIATION:
                # "Is Mena in talks with Friedberg?" asks about the talks, not a signing.
                draft.lines.append(
                    _("Yes, {hromada} and {place} are in talks.").format(**named)
                    if in_talks
                    else _("No, {hromada} and {place} are not in talks.").format(**named)
                )
            elif any(a.status is AgreementStatus.ACTIVE for a in agreements):
                draft.lines.append(_("Yes, {hromada} and {place} are partners.").format(**named))
            elif in_talks:
                # Talks are cooperation under way, not the absence of any: say both at once.
                draft.lines.append(
                    _(
                        "Not yet: {hromada} and {place} are in talks, and no agreement is signed."
                    ).format(**named)
                )
            else:
                draft.lines.append(
                    _("No, {hromada} and {place} have no agreement in force yet.").format(**named)
                )

    def _dated(
        self,
        lang: Language,
        entities: Entities,
        draft: _Draft,
        describe: Callable[[Language, Agreement], str | None],
        fallback: str,
        *,
        signing_notes: bool = False,
        signed_in: int | None = None,
        only: str | None = None,
    ) -> None:
        """One line per agreement saying `describe`'s date, else `fallback`; `only` (a key)
        shows the one agreement an answer picked.

        With `signing_notes`, an agreement's notes about its signing follow its line: they hold
        the most precise date the sources give ("Signed at the end of 2023", "the signing was
        reported on 3 July 2023") where the record's date has only the year.
        """
        agreements = self._headed_agreements(lang, entities, draft, signed_in=signed_in, only=only)
        if not agreements:
            return
        for agreement in agreements:
            place = self.snapshot.places[agreement.place]
            said = describe(lang, agreement) or lang.gettext(fallback)
            draft.lines.append(
                f"{BULLET}{place_label(lang, place)} — {agreement_title(lang, agreement)}: {said}"
            )
            notes = lang.note(agreement.notes)
            if signing_notes and notes is not None and _tells_signing(agreement.notes):
                draft.lines.append(f"  {notes}")
        draft.list_agreements(agreements)

    def _signed(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        _ = lang.gettext
        entities = meaning.entities
        if meaning.narrow is not None and meaning.narrow.aspect is Aspect.EXTENSION:
            self._extended(lang, meaning, draft)
            return
        if meaning.narrow is not None and meaning.narrow.aspect is Aspect.UNDATED:
            self._undated(lang, entities, draft)
            return
        agreements = self._agreements(entities)
        kind = entities.kind
        of_kind = [] if kind is None else [a for a in agreements if is_of_kind(a, kind)]
        only = None
        if entities.place is not None and len(of_kind) == 1:
            # "When did Kharkiv and Albuquerque sign the protocol of intent?" is about that one.
            only = of_kind[0].key
            agreements = of_kind
        if meaning.yes_no and entities.place is not None and agreements:
            # "Чи підписала Мена угоду з Фрідбергом?" is answered "no" before the details.
            signed = [
                a for a in agreements if a.signed_on is not None or a.status in SIGNED_STATUSES
            ]
            if signed:
                draft.lines.append(_signed_when_asked(lang, signed, entities))
            elif all(a.status is AgreementStatus.IN_NEGOTIATION for a in agreements):
                draft.lines.append(_("No, it is not signed yet — talks are under way."))
            else:
                # A planned signing no later source confirms is not known to have failed:
                # the headline says no more than the sources.
                draft.lines.append(
                    _(
                        "No, its signing is not confirmed: it was planned, and no later source"
                        " says it took place."
                    )
                )
        signed_in = entities.year if entities.place is None else None
        if meaning.yes_no and signed_in is not None and entities.part is None:
            # "Did Mena sign anything in 2023?": yes or no before the agreements of that year.
            count = len(self._agreements(entities, signed_in=signed_in))
            if not count:
                draft.lines.append(
                    _(
                        "No, {hromada} signed no agreement in {year}, as far as the records show."
                    ).format(hromada=self._heading(lang, entities), year=signed_in)
                )
                return
            draft.lines.append(
                lang.ngettext(
                    "Yes, {count} agreement signed in {year} is recorded.",
                    "Yes, {count} agreements signed in {year} are recorded.",
                    count,
                ).format(count=lang.number(count), year=signed_in)
            )
        describe = _signing_and_extension
        if meaning.narrow is not None and meaning.narrow.aspect is Aspect.TERM:
            describe = _signing_and_term
        self._dated(
            lang,
            entities,
            draft,
            describe,
            "",
            signing_notes=True,
            signed_in=signed_in,
            only=only,
        )
        if signed_in is not None and entities.part is None and not meaning.yes_no:
            self._extended_too(lang, self._agreements(entities), signed_in, draft, everyone=False)

    def _extended_too(
        self,
        lang: Language,
        agreements: Sequence[Agreement],
        year: int,
        draft: _Draft,
        *,
        everyone: bool,
    ) -> None:
        """After the agreements signed in `year`, those extended in it, said as extended (the
        Cincinnati memorandum, extended in 2023), each with its hromada when `everyone`;
        nothing when none was."""
        extended = extended_in(agreements, year)
        if not extended:
            return
        draft.lines.append(lang.gettext("Extended in {year}:").format(year=year))
        draft.lines.extend(extension_lines(lang, self.snapshot, extended, with_hromada=everyone))
        draft.cite(extension_sources(extended))
        draft.cite_agreements(extended)

    def _extended(self, lang: Language, meaning: Meaning, draft: _Draft) -> None:
        """When and for how long the agreements asked about were extended; of a hromada's
        agreements, the extended ones alone when there are any."""
        entities = meaning.entities
        agreements = self._agreements(entities)
        kind = entities.kind
        if kind is not None and entities.place is not None:
            agreements = [a for a in agreements if is_of_kind(a, kind)] or agreements
        extended = [a for a in agreements if a.extensions]
        if entities.year is not None and entities.place is None:
            # «Які угоди Харкова продовжено у 2023?»: the extensions of that year.
            self._extended_in_year(lang, entities, entities.year, agreements, draft)
            return
        if agreements and not extended and len(agreements) > 1:
            # Said once, not on every line.
            draft.lines.append(
                lang.gettext(
                    "{hromada}: the sources record no extension of any of these agreements."
                ).format(hromada=self._heading(lang, entities))
            )
            draft.cite_agreements(agreements)
            return
        place = entities.place
        only = None
        if len(extended) == 1 and len(agreements) > 1:
            # «а коли продовжили?» after Kharkiv's partners is about the one extended.
            place, only = extended[0].place, extended[0].key
        elif len(agreements) == 1:
            only = agreements[0].key
        if meaning.yes_no and place is not None and agreements:
            draft.lines.append(
                lang.gettext("Yes, it has been extended.")
                if extended
                else lang.gettext("No, the sources record no extension.")
            )
        self._dated(lang, entities, draft, _extension, _NO_EXTENSION, only=only)

    def _extended_in_year(
        self,
        lang: Language,
        entities: Entities,
        year: int,
        agreements: Sequence[Agreement],
        draft: _Draft,
    ) -> None:
        """The agreements (a hromada's, else every one) extended in `year`, or a line saying
        none was."""
        everyone = entities.hromada is None
        if everyone:
            agreements = list(self.snapshot.agreements.values())
        extended = extended_in(agreements, year)
        name = "" if everyone else self._heading(lang, entities)
        if not extended:
            template = (
                lang.gettext("No recorded agreement was extended in {year}.")
                if everyone
                else lang.gettext("{hromada}: no agreement was extended in {year}.")
            )
            draft.lines.append(template.format(hromada=name, year=year))
            draft.cite_agreements(agreements)
            return
        heading = (
            lang.ngettext(
                "{count} agreement was extended in {year}:",
                "{count} agreements were extended in {year}:",
                len(extended),
            )
            if everyone
            else lang.ngettext(
                "{hromada} — {count} agreement extended in {year}:",
                "{hromada} — {count} agreements extended in {year}:",
                len(extended),
            )
        )
        draft.lines.append(
            heading.format(hromada=name, count=lang.number(len(extended)), year=year)
        )
        draft.lines.extend(extension_lines(lang, self.snapshot, extended, with_hromada=everyone))
        draft.cite(extension_sources(extended))
        draft.cite_agreements(extended)
        draft.list_agreements(extended)

    def _expiry(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        entities = meaning.entities
        only = None
        kind = entities.kind
        if kind is not None and entities.place is not None:
            # «Чи діє ще протокол з Альбукерке?» is about the protocol, not the memorandum
            # signed with the same city; a kind the pair lacks is said to be missing.
            every = self._agreements(entities)
            of_kind = [a for a in every if is_of_kind(a, kind)]
            if every and not of_kind:
                place = self.snapshot.places[entities.place]
                draft.lines.append(
                    lang.gettext(
                        "No, the records hold no {kind} with {place}. What there is with it:"
                    ).format(
                        kind=lang.gettext(AGREEMENT_KINDS_INLINE[kind]), place=lang.place(place)
                    )
                )
                self._dated(lang, entities, draft, ending, NO_END_DATE)
                return
            if len(of_kind) == 1:
                only = of_kind[0].key
        if meaning.yes_no and entities.place is not None:
            # «Чи діє ще угода Мени з Олайне?», "Is the Leeds pledge still in force?"
            agreements = self._agreements(entities, only=only)
            in_force = any(a.status is AgreementStatus.ACTIVE for a in agreements)
            if meaning.asks_ended and agreements:
                # «Чи закінчилась угода?» asks the opposite of «Чи ще діє?».
                draft.lines.append(
                    lang.gettext("No, it is in force.")
                    if in_force
                    else lang.gettext("Yes, it is no longer in force.")
                )
            elif in_force:
                draft.lines.append(lang.gettext("Yes, it is in force."))
            elif agreements:
                draft.lines.append(lang.gettext("No, it is not in force."))
        self._dated(lang, entities, draft, ending, NO_END_DATE, only=only)

    def _signatories(
        self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date
    ) -> None:
        """Who signed: the sources name signatories only in an agreement's notes."""
        _ = lang.gettext
        entities = meaning.entities
        agreements = self._headed_agreements(lang, entities, draft)
        if not agreements:
            return
        for agreement in agreements:
            place = self.snapshot.places[agreement.place]
            draft.lines.append(
                f"{BULLET}{place_label(lang, place)} — {agreement_title(lang, agreement)}"
            )
            notes = lang.note(agreement.notes)
            if notes is not None and names_signing(agreement):
                draft.lines.append(f"  {notes}")
            elif agreement.status in _NOT_YET:
                # Albuquerque's planned memorandum: it is not that the signatories are unknown.
                draft.lines.append("  " + _("Not signed yet: no source reports its signing."))
            else:
                draft.lines.append(
                    "  " + _("I don't have that: the sources do not say who signed it.")
                )
        draft.list_agreements(agreements)

    def _areas(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        """The areas of cooperation the agreements name."""
        _ = lang.gettext
        entities = meaning.entities
        agreements = self._headed_agreements(lang, entities, draft)
        if not agreements:
            return
        for agreement in agreements:
            place = self.snapshot.places[agreement.place]
            title = f"{place_label(lang, place)} — {agreement_title(lang, agreement)}"
            if agreement.areas:
                areas = ", ".join(_(COOPERATION_AREAS[area]) for area in agreement.areas)
                draft.lines.append(
                    f"{BULLET}{title}: " + _("areas of cooperation: {areas}").format(areas=areas)
                )
            else:
                draft.lines.append(
                    f"{BULLET}{title}: " + _("the sources do not name the areas of cooperation")
                )
        draft.list_agreements(agreements)

    def _place(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        """Where a partner is: its region and country, and its partners in Ukraine."""
        _ = lang.gettext
        place = self.snapshot.places[meaning.entities.place or ""]
        asked = meaning.entities.country
        if meaning.yes_no and asked is not None:
            # «Чи Олайне в Литві?»: a yes or a no first, then where it is.
            opening = (
                _("Yes, {place} is in {country}.")
                if asked == place.country
                else _("No, {place} is not in {asked}: it is in {country}.")
            )
            draft.lines.append(
                opening.format(
                    place=lang.place(place),
                    country=lang.country(place.country),
                    asked=lang.country(asked),
                )
            )
        if place.region is None:
            # «В якому це регіоні?» about Olaine: the country, and no region made up; «в якій
            # країні олайне» is told the country alone.
            asks_region = meaning.narrow is not None and meaning.narrow.aspect is Aspect.REGION
            where = (
                _("{place} is in {country}; the records do not give its region.")
                if asks_region
                else _("{place} is in {country}.")
            )
            draft.lines.append(
                where.format(place=lang.place(place), country=lang.country(place.country))
            )
            self._elsewhere(lang, place, draft)
            return
        draft.lines.append(
            _("{place} is in {where}.").format(
                place=lang.place(place),
                where=", ".join(
                    part
                    for part in (
                        None if place.region is None else lang.text(place.region),
                        lang.country(place.country),
                    )
                    if part
                ),
            )
        )
        self._elsewhere(lang, place, draft)

    def _not_recorded(
        self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date
    ) -> None:
        """An honest "I don't have that", borrowing no other record's facts; a how-to question
        and one by a continent or a bloc of countries are told which part the records lack."""
        if meaning.declined is Declined.HOW_TO:
            draft.lines.append(
                lang.gettext(
                    "The knowledge base records partnerships that exist, not how to arrange"
                    " one: for that, ask your hromada's council. I can tell you about partners,"
                    " agreements and their dates, aid, meetings and programmes."
                )
            )
            return
        if meaning.declined is Declined.COUNTRY_GROUP and meaning.entities.topic is Topic.AID:
            draft.lines.extend(aid_by_group_lines(lang, self.snapshot, meaning.entities.hromada))
            return
        if meaning.declined is Declined.COUNTRY_GROUP:
            self._by_country_only(lang, meaning.entities, draft)
            return
        if meaning.declined is Declined.OCCUPIED:
            draft.lines.append(
                lang.gettext(
                    "The Autonomous Republic of Crimea, Sevastopol and the other temporarily"
                    " occupied territories are Ukraine. The knowledge base holds no"
                    " partnerships or aid of their hromadas: it covers the hromadas it has"
                    " records for."
                )
            )
            draft.lines.append(
                lang.gettext("To see them, ask: {question}").format(
                    question=lang.gettext("Which hromadas do you know about?")
                )
            )
            return
        draft.lines.append(
            lang.gettext(
                "I don't have that: the knowledge base does not record it. I can tell you about"
                " partners, agreements and their dates, aid, meetings and programmes."
            )
        )

    def _by_country_only(self, lang: Language, entities: Entities, draft: _Draft) -> None:
        """Says that partners are recorded by country, never by continent or bloc, and names
        the countries of the hromada's partners (of every hromada's when none is named)."""
        code = entities.hromada
        agreements = (
            self.snapshot.agreements_by_hromada.get(code, ())
            if code is not None
            else tuple(self.snapshot.agreements.values())
        )
        countries = sorted(
            {self.snapshot.places[a.place].country for a in agreements},
            key=lambda country: sort_key(lang.country(country)),
        )
        if code is not None and entities.country is not None and is_world_region(entities.country):
            # «партнери харкова в Південній Америці»: the region is known, and holds none of
            # the partners, which are named after it.
            self._no_partners(lang, entities, None, None, draft)
            return
        draft.lines.append(
            lang.gettext(
                "I cannot pick partners by that group of countries: the knowledge base records"
                " each partner's country, and groups countries only by continent, by UN"
                " sub-region (such as Western Asia or Northern Europe) or as the EU."
            )
        )
        if countries:
            named = ", ".join(lang.country(country) for country in countries)
            draft.lines.append(
                lang.gettext("{hromada}: partners are recorded in {countries}.").format(
                    hromada=self._heading(lang, entities), countries=named
                )
                if code is not None
                else lang.gettext("Partners are recorded in: {countries}.").format(countries=named)
            )
            draft.lines.append(
                lang.gettext("Ask about one of them, for example: {question}").format(
                    question=lang.gettext("Which Ukrainian communities have partners in Latvia?")
                )
            )

    def _need_context(
        self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date
    ) -> None:
        """An elliptical question with nothing before it to refer to."""
        # No examples: one naming a partner would read as an answer about it.
        draft.lines.append(
            lang.gettext("What are you asking about? Name the hromada or the partner city.")
        )

    def _expiring(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        _ = lang.gettext
        entities = meaning.entities
        year = entities.year
        months = entities.months
        if entities.until is not None:
            # "до 2029 року": from today through the end of 2028.
            first, last = today, dt.date(entities.until, 12, 31)
            window = _("by the end of {year}").format(year=entities.until)
        elif months is not None:
            first, last = today, _add_months(today, months)
            window = lang.ngettext(
                "in the next {count} month", "in the next {count} months", months
            ).format(count=lang.number(months))
        else:
            target = year if year is not None else today.year
            first, last = dt.date(target, 1, 1), dt.date(target, 12, 31)
            window = lang.when(PartialDate(target))
        # An end known only to the year (or estimated) counts if it may fall in the window.
        found = self.snapshot.endings_between(first, last)
        if entities.hromada is not None:
            scope = {agreement.key for agreement in self._agreements(entities)}
            found = [agreement for agreement in found if agreement.key in scope]
        if not found:
            line = _("No recorded agreement expires {window}.").format(window=window)
            # «у 2029 р.» already ends the sentence with its own full stop.
            draft.lines.append(line[:-1] if line.endswith("..") else line)
            return
        draft.lines.append(_("Agreements that expire {window}:").format(window=window))
        shown, rest = draft.window(found, LIST_LIMIT)
        for agreement in shown:
            hromada = self.snapshot.hromadas[agreement.hromada]
            place = self.snapshot.places[agreement.place]
            draft.lines.append(
                f"{BULLET}{lang.hromada(hromada)} — {place_label(lang, place)}: "
                f"{agreement_title(lang, agreement)} ({ending(lang, agreement)})"
            )
        draft.lines.extend(more_lines(lang, rest))
        draft.agreements.extend(agreement.key for agreement in found)
        draft.list_pairs(shown)
        draft.cite_agreements(shown)

    def _aid(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        _ = lang.gettext
        entities = meaning.entities
        town = meaning.world_town
        if town is not None:
            native = town.name_uk if lang.code == "uk" and town.name_uk else town.name
            draft.lines.append(
                _(
                    "No aid from {town} itself is recorded: the records name each donor's"
                    " country, not its town. Aid from {country}:"
                ).format(town=native, country=lang.country(town.country))
            )
        if entities.hromada is None:
            if meaning.narrow is not None and meaning.narrow.aspect is Aspect.MONEY:
                self._aid_amount_from_country(lang, entities.country or "", draft)
                return
            self._aid_from_country(lang, entities.country or "", draft, yes_no=meaning.yes_no)
            return
        code = entities.hromada
        name = self._heading(lang, entities)
        records: list[Aid] = list(self.snapshot.aid_by_hromada.get(code, ()))
        country = entities.country
        place = entities.place
        if not records:
            nothing = (
                _("No, no aid deliveries to {hromada} are recorded.")
                if meaning.yes_no
                else _("{hromada}: no aid deliveries are recorded.")
            )
            draft.lines.append(nothing.format(hromada=name))
            return
        sender: str | None = None
        if country is not None or place is not None:
            matching = [
                r
                for r in records
                if any(
                    (country is not None and in_region(d.country or "", country))
                    or (place is not None and d.place == place)
                    for d in r.donors
                )
            ]
            sender = (
                lang.country(country) if country else lang.place(self.snapshot.places[place or ""])
            )
            if not matching:
                template = (
                    _("No, no aid to {hromada} from {sender} is recorded.")
                    if meaning.yes_no
                    else _("{sender}: no aid to {hromada} is recorded from there.")
                )
                draft.lines.append(template.format(sender=sender, hromada=name))
                return
            records = matching
        year = entities.year
        if year is not None:
            dated = [
                r for r in records if r.received_on is not None and r.received_on.year == year
            ]
            if not dated:
                # «Чи отримував Харків допомогу у 2024 році?»: the 2023 aid is no answer to it
                # unless the answer first says that nothing is dated 2024.
                template = (
                    _("No, no aid to {hromada} dated {year} is recorded. What is recorded:")
                    if meaning.yes_no
                    else _("{hromada}: no aid dated {year} is recorded. What is recorded:")
                )
                draft.lines.append(template.format(hromada=name, year=year))
                self._write_aid(lang, records, draft)
                return
            records = dated
        if meaning.narrow is not None:
            draft.lines.extend(narrow_aid_lines(lang, name, records, meaning.narrow, sender))
            draft.cite(c.source for record in records for c in record.sources)
            return
        if sender is not None:
            heading = (
                _("Yes: {sender} is among the places aid to {hromada} came from.")
                if meaning.yes_no
                else _("{hromada} — aid received from {sender}:")
            )
            draft.lines.append(heading.format(sender=sender, hromada=name))
        elif meaning.yes_no:
            # «Чи отримувала Мена допомогу у 2023?»: yes, before what was received.
            draft.lines.append(_("Yes, {hromada} received aid:").format(hromada=name))
        else:
            draft.lines.append(_("{hromada} — aid received:").format(hromada=name))
        # A programme's spending is the council's own money, not aid: it is shown when asked.
        self._write_aid(lang, records, draft)

    def _aid_amount_from_country(self, lang: Language, country: str, draft: _Draft) -> None:
        """How much aid came from the country, nation-wide ("how much aid came from Norway?"):
        the number of deliveries and the hromadas they reached, and the sums the sources give,
        totalled by currency. A delivery with several donor countries adds nothing to the sum,
        since the sources do not say which donor gave what."""
        records = aid_from(self.snapshot, country)
        sender = lang.country(country)
        if not records:
            draft.lines.append(no_aid_from(lang, country))
            return
        names = sorted(
            {lang.hromada(self.snapshot.hromadas[record.hromada]) for record in records},
            key=sort_key,
        )
        draft.lines.append(
            lang.ngettext(
                "{count} delivery of aid from {country} is recorded, for: {hromadas}.",
                "{count} deliveries of aid from {country} are recorded, for: {hromadas}.",
                len(records),
            ).format(count=len(records), country=sender, hromadas=", ".join(names))
        )
        totals: dict[str, Decimal] = {}
        shared = 0
        for record in records:
            if not all(in_region(donor.country or "", country) for donor in record.donors):
                shared += 1
            elif record.amount is not None and record.currency is not None:
                totals[record.currency] = totals.get(record.currency, Decimal(0)) + record.amount
        if totals:
            sums = ", ".join(lang.money(totals[code], code) for code in sorted(totals))
            draft.lines.append(lang.gettext("Sums of money recorded: {sums}.").format(sums=sums))
        else:
            draft.lines.append(
                lang.gettext("The sources do not say how much money came from {country}.").format(
                    country=sender
                )
            )
        if shared:
            draft.lines.append(
                lang.ngettext(
                    "{count} of them names {country} among several donors; the sources do not"
                    " say which donor gave what.",
                    "{count} of them name {country} among several donors; the sources do not"
                    " say which donor gave what.",
                    shared,
                ).format(count=shared, country=sender)
            )
        for record in records:
            draft.cite(c.source for c in record.sources)

    def _aid_from_country(
        self, lang: Language, country: str, draft: _Draft, *, yes_no: bool = False
    ) -> None:
        """Every hromada that received aid from the country, nation-wide; with `yes_no`
        («Чи отримував хтось допомогу з Японії?») under a yes or a no."""
        _ = lang.gettext
        records = aid_from(self.snapshot, country)
        if not records:
            draft.lines.append(no_aid_from(lang, country, yes_no=yes_no))
            return
        draft.lines.append(aid_from_heading(lang, country, yes_no=yes_no))
        shown, rest = draft.window(records, AID_LIMIT)
        for record in shown:
            hromada = self.snapshot.hromadas[record.hromada]
            draft.lines.append(hromada_label(lang, hromada))
            draft.lines.extend(aid_lines(lang, self.snapshot, record))
            draft.cite(c.source for c in record.sources)
        draft.lines.extend(more_lines(lang, rest))

    def _write_aid(self, lang: Language, records: Sequence[Aid], draft: _Draft) -> None:
        """The newest aid records first, AID_LIMIT of them a page, each cited."""
        newest = sorted(
            records,
            key=lambda record: record.received_on or _UNDATED,
            reverse=True,
        )
        shown, rest = draft.window(newest, AID_LIMIT)
        for record in shown:
            draft.lines.extend(aid_lines(lang, self.snapshot, record))
            draft.cite(c.source for c in record.sources)
        draft.lines.extend(more_lines(lang, rest))

    def _programmes(self, lang: Language, code: str, draft: _Draft) -> None:
        _ = lang.gettext
        for programme in self.snapshot.programmes_by_hromada.get(code, ()):
            draft.lines.append(f"{BULLET}{lang.text(programme.title)}")
            if programme.first_year is not None and programme.last_year is not None:
                draft.lines.append(
                    "  "
                    + _("Years: {first}–{last}").format(
                        first=programme.first_year, last=programme.last_year
                    )
                )
            if programme.approved_by is not None:
                draft.lines.append(
                    "  "
                    + _("Approved by: {decision}").format(
                        decision=lang.text(programme.approved_by)
                    )
                )
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

    def _count(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        entities = meaning.entities
        if (
            entities.hromada is None
            and meaning.narrow is not None
            and meaning.narrow.aspect is Aspect.TOTALS
        ):
            self._count_all_agreements(lang, draft)
            return
        if entities.hromada is None:
            self._count_hromadas(lang, meaning, draft)
            return
        if entities.compared is not None:
            self._compare(lang, entities, draft)
            return
        code = entities.hromada
        # «скільки угод підписав Харків у 2023 році?» counts what was signed that year.
        signed_in = entities.year if entities.months is None and entities.until is None else None
        name = self._heading(lang, entities) + self._filters(lang, Entities(), signed_in)
        topic = entities.topic or Topic.PARTNERS
        agreements = self._agreements(entities, signed_in=signed_in)
        if topic is Topic.MEETINGS:
            self._meetings(lang, entities, draft)
            return
        if topic is Topic.AID:
            self._count_aid_countries(lang, code, name, draft)
            return
        if entities.kind is not None:
            # Counting twin cities counts the agreements in force, not the planned ones.
            agreements = [a for a in agreements if a.status is AgreementStatus.ACTIVE]
        if topic is Topic.COUNTRIES:
            self._count_partner_countries(lang, name, agreements, draft)
        elif topic is Topic.AGREEMENTS:
            draft.lines.append(agreements_counted(lang, name, agreements))
        else:
            self._count_partners(lang, entities, name, agreements, draft)
            if not agreements and (entities.kind is not None or entities.status is not None):
                # «кількість побратимів Мени»: none of that kind, so the partners it has.
                self._other_kinds(lang, code, draft)
        draft.lines.extend(partner_lines(lang, self.snapshot, agreements, draft.page))
        draft.list_agreements(self._as_shown(lang, agreements))

    def _other_kinds(self, lang: Language, code: str, draft: _Draft) -> None:
        """The hromada's recorded partners of any kind or status, after a count of none."""
        everyone = self.snapshot.agreements_by_hromada.get(code, ())
        if not everyone:
            return
        # «Партнери в базі» names the signed partners; a town only in talks or a twinning only
        # planned (Friedberg) is said apart, as the list of partners says it.
        partners, unsigned = partner_towns(everyone)
        shown = sorted(
            everyone,
            key=lambda a: (
                a.place in unsigned,
                sort_key(lang.place(self.snapshot.places[a.place])),
            ),
        )

        def named(towns: frozenset[str]) -> list[str]:
            return list(
                dict.fromkeys(
                    lang.place(self.snapshot.places[a.place]) for a in shown if a.place in towns
                )
            )

        if partners:
            draft.lines.append(
                lang.gettext("Its recorded partners: {names}.").format(
                    names=", ".join(named(partners))
                )
            )
        if unsigned:
            draft.lines.append(not_signed_line(lang, named(unsigned)))
        draft.cite_agreements(everyone)
        # «а перший з них де?» counts the partners named here.
        draft.list_pairs(shown)

    def _count_aid_countries(self, lang: Language, code: str, name: str, draft: _Draft) -> None:
        """How many countries, organisations' countries and cities the hromada's aid came from,
        and the donors its activities count."""
        records = self.snapshot.aid_by_hromada.get(code, ())
        draft.lines.extend(donor_counts(lang, name, records, self.snapshot.places))
        for record in records:
            draft.cite(c.source for c in record.sources)
        # «Скільки донорських організацій працює з Менською громадою?»: the sources count
        # the donors themselves only in an activity's summary («Понад 30 … організацій»).
        for activity in self.snapshot.activities_by_hromada.get(code, ()):
            if activity.count is not None and "donor" in activity.summary.en.casefold():
                draft.lines.append(f"  {lang.text(activity.summary)}")
                draft.cite(c.source for c in activity.sources)

    def _count_partner_countries(
        self, lang: Language, name: str, agreements: Sequence[Agreement], draft: _Draft
    ) -> None:
        """How many countries the partners are in, and in how many an agreement is in force;
        a town only in talks or planned is said apart with its country, as no partner yet."""
        partners, _unsigned = partner_towns(agreements)
        countries = sorted({self.snapshot.places[key].country for key in partners})
        draft.lines.append(
            lang.ngettext(
                "{hromada}: partners in {count} country",
                "{hromada}: partners in {count} countries",
                len(countries),
            ).format(hromada=name, count=lang.number(len(countries)))
            + ": "
            + ", ".join(sorted((lang.country(c) for c in countries), key=sort_key))
        )
        in_force = {self.snapshot.country_of(a) for a in agreements if _in_force(a)}
        if len(in_force) < len(countries):
            draft.lines.append(
                lang.ngettext(
                    "Agreements are in force in {count} of them.",
                    "Agreements are in force in {count} of them.",
                    len(in_force),
                ).format(count=lang.number(len(in_force)))
            )
        _lines, unsigned = partner_country_lines(lang, self.snapshot, agreements)
        if unsigned:
            draft.lines.append(not_signed_line(lang, unsigned, "; "))

    def _count_partners(
        self,
        lang: Language,
        entities: Entities,
        name: str,
        agreements: Sequence[Agreement],
        draft: _Draft,
    ) -> None:
        """How many partners (or twin cities) are signed, which are not yet, and how many have
        an agreement in force."""
        _ = lang.gettext
        # «Мена — 4 партнери (ще 1 — не підписано)»: a town only in talks, or a twinning
        # only planned, is no partner yet, as the list of partners says.
        signed = {a.place for a in agreements if a.status in SIGNED_STATUSES}
        if entities.status is not None and entities.status not in SIGNED_STATUSES:
            # «скільки міст у перемовинах з Меною?» counts the towns in talks.
            signed = {a.place for a in agreements}
        unsigned = sorted(
            {lang.place(self.snapshot.places[a.place]) for a in agreements}
            - {lang.place(self.snapshot.places[key]) for key in signed},
            key=sort_key,
        )
        places = sorted({lang.place(self.snapshot.places[key]) for key in signed}, key=sort_key)
        if entities.kind is AgreementKind.TWINNING:
            counted = lang.ngettext(
                "{hromada}: {count} twin city",
                "{hromada}: {count} twin cities",
                len(places),
            )
        else:
            counted = lang.ngettext(
                "{hromada}: {count} partner",
                "{hromada}: {count} partners",
                len(places),
            )
        draft.lines.append(
            counted.format(hromada=name, count=lang.number(len(places)))
            + (": " + ", ".join(places) if places else ".")
        )
        if unsigned:
            draft.lines.append(not_signed_line(lang, unsigned))
        in_force = {a.place for a in agreements if _in_force(a)}
        if len(in_force) < len(places) and entities.kind is None:
            # «скільки партнерів у мени»: four signed, Friedberg only in talks.
            draft.lines.append(
                lang.ngettext(
                    "Of them, {count} has an agreement in force.",
                    "Of them, {count} have an agreement in force.",
                    len(in_force),
                ).format(count=lang.number(len(in_force)))
            )

    def _compare(self, lang: Language, entities: Entities, draft: _Draft) -> None:
        """Two hromadas' partners (twin cities, agreements) counted side by side, and which
        has more; a twin city counts only in force, as a single count does."""
        _ = lang.gettext
        counts: list[tuple[str, int]] = []
        for code in (entities.hromada, entities.compared):
            if code is None:
                continue
            one = entities.but(hromada=code, compared=None)
            agreements = self._agreements(one)
            if entities.kind is not None:
                agreements = [a for a in agreements if a.status is AgreementStatus.ACTIVE]
            draft.cite_agreements(agreements)
            name = self._heading(lang, one)
            if entities.topic is Topic.AGREEMENTS:
                # Agreements are compared by those signed; the unsigned are said apart.
                count = sum(1 for a in agreements if a.status in SIGNED_STATUSES)
                draft.lines.append(agreements_counted(lang, name, agreements))
                counts.append((name, count))
                continue
            # A town is a partner once an agreement with it is signed, as a single count says;
            # the towns still in talks are said apart.
            partners, unsigned = partner_towns(agreements)
            count = len(partners)
            template = lang.ngettext(
                "{hromada}: {count} partner", "{hromada}: {count} partners", count
            )
            if entities.kind is AgreementKind.TWINNING:
                template = lang.ngettext(
                    "{hromada}: {count} twin city", "{hromada}: {count} twin cities", count
                )
            line = template.format(hromada=name, count=lang.number(count))
            draft.lines.append(line + unsigned_towns_note(lang, len(unsigned)) + ".")
            counts.append((name, count))
        if len(counts) != 2:
            return
        (first, first_count), (second, second_count) = counts
        if first_count == second_count:
            draft.lines.append(_("They have as many as each other."))
            return
        more = first if first_count > second_count else second
        if entities.topic is Topic.AGREEMENTS:
            verdict = _("{hromada} has more agreements.")
        elif entities.kind is AgreementKind.TWINNING:
            verdict = _("{hromada} has more twin cities.")
        else:
            verdict = _("{hromada} has more partners.")
        draft.lines.append(verdict.format(hromada=more))

    def _count_all_agreements(self, lang: Language, draft: _Draft) -> None:
        """Every agreement of the knowledge base: the signed ones, and those planned or in talks
        apart, as each hromada's partner list counts them."""
        agreements = list(self.snapshot.agreements.values())
        signed = [a for a in agreements if a.status in SIGNED_STATUSES]
        unsigned = [
            a
            for a in agreements
            if a.status in (AgreementStatus.PLANNED, AgreementStatus.IN_NEGOTIATION)
        ]
        hromadas = {a.hromada for a in signed}
        draft.lines.append(
            lang.gettext(
                "Agreements in the knowledge base: signed — {signed} (hromadas: {hromadas}); "
                "planned or in talks — {unsigned} more."
            ).format(
                signed=lang.number(len(signed)),
                hromadas=lang.number(len(hromadas)),
                unsigned=lang.number(len(unsigned)),
            )
        )
        draft.cite_agreements(signed[:LIST_LIMIT])

    def _count_hromadas(self, lang: Language, meaning: Meaning, draft: _Draft) -> None:
        """How many hromadas have partners in a country (or of a kind), or aid from it; or,
        when the question counts the partner cities, how many cities those are."""
        _ = lang.gettext
        entities = meaning.entities
        codes: list[str]
        if entities.topic is Topic.AID and entities.country is not None:
            records = aid_from(self.snapshot, entities.country)
            codes = list(dict.fromkeys(record.hromada for record in records))
            # The records of the hromadas named are cited, not every record counted.
            for record in records[:LIST_LIMIT]:
                draft.cite(c.source for c in record.sources)
        else:
            if entities.country is not None:
                agreements = list(agreements_in(self.snapshot, entities.country))
            elif entities.kind is not None:
                agreements = list(self.snapshot.agreements_by_kind.get(entities.kind, ()))
            else:
                # «Скільки громад мають партнерів?»: every hromada with a signed partnership.
                agreements = [
                    a for a in self.snapshot.agreements.values() if a.status in SIGNED_STATUSES
                ]
            if entities.kind is not None:
                agreements = [a for a in agreements if a.kind is entities.kind]
            codes = list(dict.fromkeys(agreement.hromada for agreement in agreements))
            draft.cite_agreements(agreements[:LIST_LIMIT])
            if meaning.narrow is not None and meaning.narrow.aspect is Aspect.PLACES:
                twins = entities.kind is AgreementKind.TWINNING
                if twins:
                    # A planned twinning makes no twin city yet.
                    agreements = [a for a in agreements if a.status is AgreementStatus.ACTIVE]
                    codes = list(dict.fromkeys(agreement.hromada for agreement in agreements))
                self._count_places(lang, agreements, codes, draft, twins=twins)
                return
        # The first hromadas by code (oblast by oblast), alphabetical among themselves: sorting
        # every name of a country-wide count would cost more than the answer is worth.
        shown, rest = draft.window(codes, LIST_LIMIT)
        hromadas = (self.snapshot.hromadas[code] for code in shown)
        names = sorted((lang.hromada(hromada) for hromada in hromadas), key=sort_key)
        draft.lines.append(
            lang.ngettext("{count} hromada", "{count} hromadas", len(codes)).format(
                count=lang.number(len(codes))
            )
            + (": " + ", ".join(names) if names else ".")
        )
        draft.lines.extend(more_lines(lang, rest))

    def _count_places(
        self,
        lang: Language,
        agreements: Sequence[Agreement],
        codes: Sequence[str],
        draft: _Draft,
        *,
        twins: bool,
    ) -> None:
        """How many partner (or twin) cities the agreements name, and the hromadas partnered
        with them."""
        places = sorted(
            {lang.place(self.snapshot.places[a.place]) for a in agreements}, key=sort_key
        )
        shown, rest = draft.window(places, LIST_LIMIT)
        counted = (
            lang.ngettext("{count} twin city", "{count} twin cities", len(places))
            if twins
            else lang.ngettext("{count} partner city", "{count} partner cities", len(places))
        )
        draft.lines.append(
            counted.format(count=lang.number(len(places)))
            + (": " + ", ".join(shown) if shown else ".")
        )
        draft.lines.extend(more_lines(lang, rest))
        if codes:
            names = sorted(
                (lang.hromada(self.snapshot.hromadas[code]) for code in codes[:LIST_LIMIT]),
                key=sort_key,
            )
            draft.lines.append(
                lang.ngettext(
                    "Partnered with {count} hromada: {names}",
                    "Partnered with {count} hromadas: {names}",
                    len(codes),
                ).format(count=lang.number(len(codes)), names=", ".join(names))
            )

    def _meetings(self, lang: Language, entities: Entities, draft: _Draft) -> None:
        """How many meetings the hromada's records count, as the sources count them."""
        _ = lang.gettext
        name = self._heading(lang, entities)
        meetings = [
            activity
            for activity in self.snapshot.activities_by_hromada.get(_code(entities), ())
            if activity.kind is ActivityKind.MEETING
            and activity.count is not None
            and (
                entities.year is None
                or (activity.started_on is not None and activity.started_on.year == entities.year)
            )
        ]
        if not meetings:
            draft.lines.append(
                _("{hromada}: no count of meetings is recorded.").format(hromada=name)
            )
            return
        draft.events.extend(activity.key for activity in meetings)
        for activity in meetings:
            count = activity.count or 0
            when = "" if activity.started_on is None else f" ({lang.when(activity.started_on)})"
            template = (
                _("{hromada}: more than {count} meetings{when}")
                if activity.count_is_lower_bound
                else lang.ngettext(
                    "{hromada}: {count} meeting{when}", "{hromada}: {count} meetings{when}", count
                )
            )
            draft.lines.append(template.format(hromada=name, count=lang.number(count), when=when))
            draft.lines.append(f"  {lang.text(activity.summary)}")
            draft.cite(c.source for c in activity.sources)

    def _reverse(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        _ = lang.gettext
        entities = meaning.entities
        town = meaning.world_town
        if town is not None:
            native = town.name_uk if lang.code == "uk" and town.name_uk else town.name
            other = town.name if native != town.name else town.name_uk
            written = f"{native} ({other})" if other and other != native else native
            draft.lines.append(
                _("No hromada in the knowledge base has {town}, {country} as a partner.").format(
                    town=written, country=lang.country(town.country)
                )
            )
            return
        asked = self._reverse_subject(lang, entities)
        if asked is None:
            self._by_kind_or_status(lang, entities, draft, yes_no=meaning.yes_no)
            return
        every, subject, place = asked
        agreements = every
        if entities.kind is not None:
            agreements = [a for a in agreements if a.kind is entities.kind]
        if entities.status is not None:
            agreements = [a for a in agreements if entities.admits(a.status)]
        planned: list[Agreement] = []
        if entities.kind is AgreementKind.TWINNING and entities.status is None:
            # Kharkiv's twinning memorandum with Albuquerque, only planned, makes no twin city
            # in the United States: it is listed apart, or the answer is a no.
            planned = [a for a in agreements if a.status in _NOT_YET]
            agreements = [a for a in agreements if a.status not in _NOT_YET]
        if not agreements:
            self._reverse_none(lang, meaning, subject, place, every, draft)
            return
        heading = _("{subject} — partners in Ukraine:")
        if meaning.yes_no:
            heading = _("Yes. {subject} — partners in Ukraine:")
        draft.lines.append(heading.format(subject=subject))
        self._nation_wide_lines(lang, agreements, draft, with_place=place is None)
        if planned and not draft.more:
            draft.lines.append(_("Planned, not yet twin cities:"))
            self._nation_wide_lines(lang, planned, draft, with_place=place is None)

    def _reverse_subject(
        self, lang: Language, entities: Entities
    ) -> tuple[list[Agreement], str, Place | None] | None:
        """The agreements with the partner, country, region or oblast asked about (without
        those the question leaves out), what the answer calls it, and the partner when one is
        asked about; None when the question names none of them."""
        place: Place | None = None
        agreements: list[Agreement]
        if entities.place is not None:
            place = self.snapshot.places[entities.place]
            agreements = sorted(
                self.snapshot.agreements_by_place.get(place.key, ()), key=lambda a: a.hromada
            )
            subject = partner_label(lang, place)
        elif entities.country is not None:
            agreements = list(agreements_in(self.snapshot, entities.country))
            subject = lang.country(entities.country)
        elif entities.region is not None:
            agreements = list(self.snapshot.agreements_by_region.get(entities.region, ()))
            subject = self._region_name(lang, entities.region)
        elif entities.oblast is not None:
            oblast = entities.oblast
            agreements = list(self.snapshot.agreements_by_oblast.get(oblast, ()))
            subject = next(
                (
                    lang.gettext("{oblast} oblast").format(
                        oblast=h.oblast_uk if lang.code == "uk" else h.oblast_en
                    )
                    for h in self.snapshot.hromadas.values()
                    if h.oblast_code == oblast
                ),
                oblast,
            )
        else:
            return None
        return self._without_excepted(entities, agreements), subject, place

    def _reverse_none(
        self,
        lang: Language,
        meaning: Meaning,
        subject: str,
        place: Place | None,
        every: Sequence[Agreement],
        draft: _Draft,
    ) -> None:
        """None of the partnerships asked about: a twin city that is none, what there is of
        other kinds or statuses, or no partnership at all."""
        _ = lang.gettext
        entities = meaning.entities
        if place is not None and every and entities.kind is AgreementKind.TWINNING:
            draft.lines.append(
                _("No, {place} is not a twin city of any Ukrainian hromada.").format(
                    place=lang.place(place)
                )
            )
            self._elsewhere(lang, place, draft)
            return
        if every and place is None:
            # "British twin towns" when the one British partner has a friendship pledge:
            # none of the kind asked, then what there is, never "no partnerships".
            what = (
                lang.gettext(AGREEMENT_KINDS_INLINE[entities.kind])
                if entities.kind is not None
                else _status_label(lang, entities, entities.status)
                if entities.status is not None
                else ""
            )
            none = _("{subject}: none is recorded ({what}). What there is in Ukraine:")
            if meaning.yes_no:
                none = _("No. {subject}: none is recorded ({what}). What there is in Ukraine:")
            draft.lines.append(none.format(subject=subject, what=what))
            self._nation_wide_lines(lang, every, draft, with_place=True)
            return
        nothing = _("{subject}: no partnerships with Ukrainian hromadas are recorded.")
        if meaning.yes_no:
            nothing = _("No. {subject}: no partnerships with Ukrainian hromadas are recorded.")
        draft.lines.append(nothing.format(subject=subject))
        if place is not None:
            self._events_at(lang, place, draft)

    def _events_at(self, lang: Language, place: Place, draft: _Draft) -> None:
        """After "no partnership": the hromadas' recorded events held in the place (a
        conference attended there), hromada and dates first; nothing when none is recorded."""
        events = [
            activity
            for activities in self.snapshot.activities_by_hromada.values()
            for activity in activities
            if activity.place == place.key
        ]
        if not events:
            return
        draft.lines.append(
            lang.gettext("Recorded events there ({place}):").format(place=lang.place(place))
        )
        shown, rest = draft.window(events, AID_LIMIT)
        for activity in shown:
            hromada = self.snapshot.hromadas[activity.hromada]
            when = (
                ""
                if activity.started_on is None
                else f", {lang.date_range(activity.started_on, activity.ended_on)}"
            )
            draft.lines.append(
                f"{BULLET}{lang.hromada(hromada)}{when}: {lang.text(activity.summary)}"
            )
            draft.cite(c.source for c in activity.sources)
        draft.lines.extend(more_lines(lang, rest))

    def _undated(self, lang: Language, entities: Entities, draft: _Draft) -> None:
        """The signed agreements whose signing date the sources do not give: the hromada's,
        or every hromada's when none is named, narrowed by partner, country and kind."""
        _ = lang.gettext
        if entities.hromada is not None:
            every: Iterable[Agreement] = self._agreements(entities)
        else:
            every = (
                a
                for a in self.snapshot.agreements.values()
                if (entities.place is None or a.place == entities.place)
                and (entities.country is None or partner_in(self.snapshot, a, entities.country))
                and (entities.kind is None or is_of_kind(a, entities.kind))
            )
        agreements = [a for a in every if a.signed_on is None and a.status in SIGNED_STATUSES]
        heading = self._heading(lang, entities) + ": " if entities.hromada is not None else ""
        if not agreements:
            draft.lines.append(
                heading
                + _("every signed agreement asked about has its signing date in the sources.")
            )
            return
        draft.lines.append(
            heading
            + lang.ngettext(
                "{count} signed agreement without a signing date in the sources:",
                "{count} signed agreements without a signing date in the sources:",
                len(agreements),
            ).format(count=lang.number(len(agreements)))
        )
        if entities.hromada is None:
            self._nation_wide_lines(lang, agreements, draft, with_place=True)
            return
        draft.lines.extend(partner_lines(lang, self.snapshot, agreements, draft.page))
        draft.list_agreements(self._as_shown(lang, agreements))
        draft.cite_agreements(agreements)

    def _nation_wide_lines(
        self, lang: Language, agreements: Sequence[Agreement], draft: _Draft, *, with_place: bool
    ) -> None:
        """A line per agreement, hromada first; the snapshot keeps each hromada's together."""
        shown, rest = draft.window(agreements, LIST_LIMIT)
        for agreement in shown:
            hromada = self.snapshot.hromadas[agreement.hromada]
            partner = self.snapshot.places[agreement.place]
            where = f" — {place_label(lang, partner)}" if with_place else ""
            draft.lines.append(
                f"{BULLET}{hromada_label(lang, hromada)}{where}: {agreement_line(lang, agreement)}"
            )
        draft.lines.extend(more_lines(lang, rest))
        draft.agreements.extend(agreement.key for agreement in agreements)
        draft.list_pairs(shown)
        draft.cite_agreements(shown)

    def _by_kind_or_status(
        self, lang: Language, entities: Entities, draft: _Draft, *, yes_no: bool = False
    ) -> None:
        """Every agreement of a kind or a status, nation-wide; with `yes_no` («Чи підписали
        щось у 2024?») the list opens with a yes or a no."""
        _ = lang.gettext
        none = _("No, none is recorded ({what}).") if yes_no else _("None is recorded ({what}).")
        if entities.kind is not None:
            agreements = list(self.snapshot.agreements_by_kind.get(entities.kind, ()))
            if entities.year is not None:
                # "Is there any memorandum signed in 2025?": that year's only.
                agreements = [a for a in agreements if _signed_in(a, entities.year)]
            if entities.status is not None:
                agreements = [a for a in agreements if entities.admits(a.status)] or list(
                    # «перемовини про побратимство чи партнерство»: any kind under way.
                    self._by_status(entities)
                )
            elif entities.kind is AgreementKind.TWINNING:
                agreements = [a for a in agreements if a.status is AgreementStatus.ACTIVE]
            label = lang.gettext(AGREEMENT_KINDS_INLINE[entities.kind])
            if entities.year is not None:
                label += ", " + _("signed in {year}").format(year=entities.year)
            if entities.status is not None:
                # "have any twinnings been cancelled?": none is said of both, not of the kind.
                label += ", " + _status_label(lang, entities, entities.status)
        elif entities.status is not None:
            agreements = self._by_status(entities)
            label = _status_label(lang, entities, entities.status)
        elif entities.except_kind is not None:
            # «угоди, крім меморандумів», «які партнери не побратими?»: every other kind.
            agreements = self._without_excepted(entities, self.snapshot.agreements.values())
            label = self._filters(lang, entities).strip(" ()")
        elif entities.year is not None:
            agreements = list(self._signed_in_year(entities.year))
            label = _("signed in {year}").format(year=entities.year)
            if entities.part is not None:
                # «на початку 2023», "late 2022": only what the record places in that part.
                in_year = agreements
                agreements = [a for a in agreements if in_part_of_year(a, entities.part)]
                label = self._filters(lang, entities, entities.year).strip(" ()")
                if not agreements:
                    draft.lines.append(none.format(what=label))
                    undated = self._month_unknown(lang, in_year, entities.year, draft)
                    self._nation_wide_lines(lang, undated, draft, with_place=True)
                    return
        else:
            draft.lines.append(_("Which hromada, partner or country do you mean?"))
            return
        if not agreements:
            draft.lines.append(none.format(what=label))
            return
        found = (
            lang.ngettext(
                "Yes, {count} agreement is recorded ({what}):",
                "Yes, {count} agreements are recorded ({what}):",
                len(agreements),
            )
            if yes_no
            else lang.ngettext(
                "{count} agreement is recorded ({what}):",
                "{count} agreements are recorded ({what}):",
                len(agreements),
            )
        )
        draft.lines.append(found.format(count=lang.number(len(agreements)), what=label))
        self._nation_wide_lines(lang, agreements, draft, with_place=True)
        if entities.year is not None and not (entities.part or entities.kind or entities.status):
            # "Which agreements were signed in 2023?": those extended that year said apart.
            every = list(self.snapshot.agreements.values())
            if not (draft.more or entities.except_kind):
                self._extended_too(lang, every, entities.year, draft, everyone=True)

    def _by_status(self, entities: Entities) -> list[Agreement]:
        """Every agreement of the status asked, nation-wide (unsigned: planned or in talks)."""
        statuses = [s for s in AgreementStatus if entities.admits(s)]
        return [a for s in statuses for a in self.snapshot.agreements_by_status.get(s, ())]

    def _sources(
        self,
        lang: Language,
        entities: Entities,
        context: Context | None,
        draft: _Draft,
    ) -> None:
        _ = lang.gettext
        keys: list[str] = []
        if entities.hromada is not None and self.snapshot.has_records(entities.hromada):
            code = entities.hromada
            if context is not None and context.entities.hromada == code and context.sources:
                keys = list(context.sources)
            elif entities.place is not None:
                for agreement in self._agreements(entities):
                    keys.extend(cited.source for cited in agreement.sources)
                    keys.extend(extension.source for extension in agreement.extensions)
            else:
                keys = self._hromada_sources(code)
        elif context is not None and context.sources:
            keys = list(context.sources)
        keys = list(dict.fromkeys(keys))
        if not keys:
            draft.lines.append(
                _("Ask about a hromada first, and I will show where the answer comes from.")
            )
            return
        draft.lines.append(_("The answer comes from these documents:"))
        shown, rest = draft.window(keys, SOURCES_LIMIT)
        for key in shown:
            source = self.snapshot.sources[key]
            cited: Citation = citation(lang, source)
            draft.lines.append(f"{BULLET}{citation_text(lang, cited)}")
            if source.notes and detect_language(source.notes) == lang.code:
                draft.lines.append(f"  {source.notes}")
            if source.url:
                draft.lines.append(f"  {source.url}")
        draft.lines.extend(more_lines(lang, rest))

    def _signed_in_year(self, year: int) -> Sequence[Agreement]:
        """Every agreement signed in the year; indexed once, so a national base answers fast."""
        if self._by_signing_year is None:
            index: dict[int, list[Agreement]] = {}
            for agreement in self.snapshot.agreements.values():
                if agreement.signed_on is not None:
                    index.setdefault(agreement.signed_on.year, []).append(agreement)
            self._by_signing_year = index
        return self._by_signing_year.get(year, ())

    def _events_with(self, lang: Language, code: str, place: str, draft: _Draft) -> bool:
        """The hromada's events with one partner ("what was the project with Leeds?"), and
        its agreements with it; False when no event names that partner."""
        events = [a for a in self.snapshot.activities_by_hromada.get(code, ()) if a.place == place]
        if not events:
            return False
        _write_activities(lang, events, draft)
        draft.events.extend(event.key for event in events)
        agreements = [
            a for a in self.snapshot.agreements_by_hromada.get(code, ()) if a.place == place
        ]
        if agreements:
            draft.lines.append(lang.gettext("Partners:"))
            draft.lines.extend(partner_lines(lang, self.snapshot, agreements))
            draft.list_agreements(agreements)
        return True

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

    def _overview(self, lang: Language, meaning: Meaning, draft: _Draft, today: dt.date) -> None:
        _ = lang.gettext
        entities = meaning.entities
        code = _code(entities)
        hromada = self.snapshot.hromadas[code]
        if entities.topic is Topic.PROGRAMME:
            if not self.snapshot.programmes_by_hromada.get(code):
                draft.lines.append(
                    _(
                        "I don't have that: no international cooperation programme of {hromada}"
                        " is recorded."
                    ).format(hromada=lang.hromada(hromada))
                )
                return
            draft.lines.append(_("{hromada} — programmes:").format(hromada=lang.hromada(hromada)))
            self._programmes(lang, code, draft)
            return
        if entities.topic is Topic.MEETINGS:
            self._meetings(lang, entities, draft)
            return
        with_place = entities.place is not None and any(
            a.place == entities.place for a in self.snapshot.activities_by_hromada.get(code, ())
        )
        if with_place and meaning.yes_no:
            # «Чи була делегація Мени в Олайне?»: yes, then the events with that partner.
            draft.lines.append(
                _("Yes, the records hold events of {hromada} with {place}:").format(
                    hromada=lang.hromada(hromada),
                    place=lang.place(self.snapshot.places[entities.place or ""]),
                )
            )
        draft.lines.append(hromada_label(lang, hromada))
        if with_place and self._events_with(lang, code, entities.place or "", draft):
            return
        agreements = list(self.snapshot.agreements_by_hromada.get(code, ()))
        partners = partner_lines(lang, self.snapshot, agreements, draft.page)
        if agreements and partners:
            draft.lines.append(_("Partners:"))
            draft.lines.extend(partners)
            draft.list_agreements(self._as_shown(lang, agreements))
        records = self.snapshot.aid_by_hromada.get(code, ())
        # A later page shows a section only while it still has items to show.
        if draft.window(records, AID_LIMIT)[0]:
            draft.lines.append(_("Aid received:"))
            self._write_aid(lang, records, draft)
        activities = self.snapshot.activities_by_hromada.get(code, ())
        shown, rest = draft.window(activities, AID_LIMIT)
        if shown:
            _write_activities(lang, shown, draft)
            draft.lines.extend(more_lines(lang, rest))
        if self.snapshot.programmes_by_hromada.get(code):
            draft.lines.append(_("Programmes:"))
            self._programmes(lang, code, draft)
        if any(donor.country for aid in records for donor in aid.donors):
            draft.suggestions.append(_("Which countries sent aid?"))

    def _no_records(
        self, lang: Language, code: str, draft: _Draft, *, yes_no: bool = False
    ) -> None:
        """Says the hromada has no records; a yes-or-no asked of it («Чи є у Львова
        побратими?») opens with a no."""
        hromada = self.snapshot.hromadas[code]
        nothing = (
            lang.gettext(
                "No, there are no records yet for {hromada}: the knowledge base has no"
                " partnerships or aid for this hromada."
            )
            if yes_no
            else lang.gettext(
                "No records yet for {hromada}: the knowledge base has no partnerships or aid"
                " for this hromada."
            )
        )
        draft.lines.append(nothing.format(hromada=hromada_label(lang, hromada)))
        draft.lines.append(
            lang.gettext("If you know of an agreement, tell the hromada's council.")
        )

    def _clarify(self, lang: Language, meaning: Meaning, draft: _Draft) -> None:
        # The name as the hromadas are called («Олександрівка»), not as the question
        # inflected it («в Олександрівці»); as written when they are called differently.
        names = {lang.hromada(self.snapshot.hromadas[code]) for code in meaning.ambiguous}
        name = names.pop() if len(names) == 1 else meaning.ambiguous_text
        draft.lines.append(
            lang.gettext(
                "There are several hromadas called «{name}». Which one do you mean?"
            ).format(name=name)
        )
        self._hromada_choices(lang, meaning.ambiguous, draft)

    def _choose_listed(self, lang: Language, hromadas: Sequence[str], draft: _Draft) -> None:
        """ "When were they signed?" after a list too long to answer line by line: which
        hromada, with a button for each hromada of the list (KATOTTG codes, in its order)."""
        draft.lines.append(
            lang.gettext("The last answer listed agreements of these hromadas. Which one?")
        )
        self._hromada_choices(lang, hromadas, draft)

    def _hromada_choices(self, lang: Language, codes: Iterable[str], draft: _Draft) -> None:
        """A line and a button for each hromada (KATOTTG codes, in order), the button asking
        about it by its label."""
        for code in codes:
            label = hromada_label(lang, self.snapshot.hromadas[code])
            draft.lines.append(f"{BULLET}{label}")
            draft.choices.append(Choice(label=label, question=label))

    _HANDLERS: ClassVar[
        dict[Intent, Callable[[Engine, Language, Meaning, _Draft, dt.date], None]]
    ] = {
        Intent.PARTNERS: _partners,
        Intent.RELATION: _relation,
        Intent.SIGNED: _signed,
        Intent.EXPIRY: _expiry,
        Intent.EXPIRING: _expiring,
        Intent.REVERSE: _reverse,
        Intent.AID: _aid,
        Intent.COUNT: _count,
        Intent.OVERVIEW: _overview,
        Intent.SIGNATORIES: _signatories,
        Intent.AREAS: _areas,
        Intent.PLACE: _place,
        Intent.NOT_RECORDED: _not_recorded,
        Intent.NEED_CONTEXT: _need_context,
    }


def _write_activities(lang: Language, activities: Sequence[Activity], draft: _Draft) -> None:
    """The "Events and work:" heading, then a line per activity (its dates, if known, then its
    summary in `lang`); each cites its sources."""
    draft.lines.append(lang.gettext("Events and work:"))
    for activity in activities:
        when = (
            ""
            if activity.started_on is None
            else f"{lang.date_range(activity.started_on, activity.ended_on)}: "
        )
        draft.lines.append(f"{BULLET}{when}{lang.text(activity.summary)}")
        draft.cite(c.source for c in activity.sources)


def _still_listed(meaning: Meaning, draft: _Draft, context: Context | None) -> tuple[str, ...]:
    """The list "the second one" counts next: this answer's, unless it picked from the last."""
    earlier = context.listed_agreements if context is not None else ()
    if meaning.picked and earlier:
        return earlier
    return tuple(draft.listed) or earlier


def _counted(meaning: Meaning, context: Context | None) -> tuple[str, ...]:
    """The hromadas of the latest counts in a row, two at most, the last one last."""
    entities = meaning.entities
    if meaning.intent is not Intent.COUNT or entities.hromada is None:
        return ()
    if entities.compared is not None:
        return (entities.hromada, entities.compared)
    before = context.counted if context is not None else ()
    kept = tuple(code for code in before if code != entities.hromada)
    return (*kept, entities.hromada)[-2:]


def _status_label(lang: Language, entities: Entities, status: AgreementStatus) -> str:
    """The status asked about, as the answer names it: «ще не підписано» for the unsigned."""
    if entities.unsigned:
        return lang.gettext("not signed yet")
    return lang.gettext(AGREEMENT_STATUSES_INLINE[status])


def _in_force(agreement: Agreement) -> bool:
    return agreement.status is AgreementStatus.ACTIVE


def _code(entities: Entities) -> str:
    """The hromada the meaning names; resolution guarantees one for the intents that need it."""
    if entities.hromada is None:
        raise ValueError("the meaning names no hromada")
    return entities.hromada


def _extension(lang: Language, agreement: Agreement) -> str | None:
    """When the agreement was last extended and until when, or None if no extension is known."""
    if not agreement.extensions:
        return None
    extension = agreement.extensions[-1]
    if extension.term_years is not None:
        # "extended in 2023 for 5 years, so until about 2028"
        return ending(lang, agreement)
    said = lang.gettext("extended {when}").format(when=lang.when(extension.extended_on))
    end = ending(lang, agreement)
    return said if end is None else f"{said}, {end}"


def _signed_when_asked(lang: Language, signed: list[Agreement], entities: Entities) -> str:
    """The yes or no that opens «Чи підписав Харків угоду з Кошице у 2022?» about signed
    agreements: a year or part of a year asked about must match the recorded date, and a
    part of a year the record cannot tell (no month, notes silent) is said to be unrecorded."""
    _ = lang.gettext
    year = entities.year
    if year is None:
        return _("Yes, it has been signed.")
    dated = [a for a in signed if a.signed_on is not None]
    if not dated:
        return _("It has been signed, but the sources do not give the year.")
    when = "; ".join(dict.fromkeys(signing(lang, a) for a in dated))
    in_year = [a for a in dated if _signed_in(a, year)]
    if not in_year:
        return _full_stop(_("No, it was {signing}.").format(signing=when))
    part = entities.part
    if part is None or any(in_part_of_year(a, part) for a in in_year):
        return _("Yes, it has been signed.")
    if any(part_is_known(a) for a in in_year):
        return _full_stop(_("No, it was {signing}.").format(signing=when))
    return _full_stop(
        _("The month of signing is not recorded: it was {signing}.").format(signing=when)
    )


def _full_stop(sentence: str) -> str:
    """One full stop where a date ending in «р.» meets the sentence's own."""
    return sentence.removesuffix(".") if sentence.endswith("..") else sentence


def _signing_and_extension(lang: Language, agreement: Agreement) -> str:
    """When it was signed, and when it was extended if it was: Kharkiv's memorandum with
    Cincinnati has no signing date in the sources, but was extended in 2023 for 5 years."""
    said = signing(lang, agreement)
    extended = ending(lang, agreement) if agreement.extensions else None
    return f"{said}; {extended}" if extended else said


def _signing_and_term(lang: Language, agreement: Agreement) -> str:
    """When it was signed and how long it runs: "signed in 2023; the sources give no end date"."""
    said = signing(lang, agreement)
    term = ending(lang, agreement) or lang.gettext(NO_END_DATE)
    return f"{said}; {term}" if said else term


# Whole words: "designed" and "unsigned" tell of no signing.
_SIGNING = re.compile(r"\b(?:signed|signing)\b", re.IGNORECASE)


def _tells_signing(notes: Text | None) -> bool:
    """Whether an agreement's notes tell of its signing: who signed, or when, in words."""
    return notes is not None and _SIGNING.search(notes.en) is not None
