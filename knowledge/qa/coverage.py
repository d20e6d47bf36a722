"""Questions about the knowledge base as a whole: which hromadas it covers, which has the most
partners, and events or people found by the words of their records.

Each answer returns its lines and the source keys to cite; nothing here knows Telegram.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from knowledge.facts.records import Activity, Agreement, Aid
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import AgreementKind
from knowledge.places.world_regions import in_region
from knowledge.qa.counting import partner_towns, unsigned_towns_note
from knowledge.qa.cues import Cue
from knowledge.qa.meaning import Aspect
from knowledge.qa.understanding import Reading
from knowledge.render.lang import Language
from knowledge.render.phrases import BULLET, hromada_label
from knowledge.text.collation import sort_key
from knowledge.text.normalize import fold


@dataclass(frozen=True, slots=True)
class Written:
    """An answer's lines and the keys of the sources it cites."""

    lines: list[str]
    sources: list[str]


# Words that ask about the knowledge base itself: «про які громади ти знаєш», "which hromadas
# do you cover".
_KNOWS = (
    "знаєш",
    "знаєте",
    "знает",
    "знаешь",
    "know",
    "cover",
    "базі",
    "базу",
    "базе",
    "database",
)
# A question naming what to look for (memorandums, aid) asks about those, not the coverage.
_SUBJECTS = frozenset(
    {
        Cue.PARTNER,
        Cue.TWIN,
        Cue.AGREEMENTS,
        Cue.AID,
        Cue.KIND_COOPERATION,
        Cue.KIND_MEMORANDUM,
        Cue.KIND_FRIENDSHIP,
        Cue.KIND_PROTOCOL,
    }
)
_MOST = ("найбільш", "найбольш", "больше всего", "most")
# What the hromadas are ranked by: their partners, twin cities or agreements...
_RANKED = frozenset({Cue.PARTNER, Cue.TWIN, Cue.AGREEMENTS})
# ...and never by aid or by the towns abroad with the most Ukrainian partners.
_NOT_RANKED = frozenset({Cue.AID, Cue.UKRAINE})
# A word shorter than this is a name's or a root's start too short to tell records apart.
_ROOT = 5
_SHORT = 3
# Question words and the domain's everyday words: they match any record, so they say nothing.
_COMMON = frozenset(
    fold(word)
    for word in (
        "хто",
        "кто",
        # «хто такий …», «кто такая …»: the words asking who someone is.
        "такий",
        "така",
        "такі",
        "такой",
        "такая",
        "де",
        "коли",
        "який",
        "яка",
        "яке",
        "які",
        "якої",
        "чи",
        "що",
        "як",
        "про",
        "the",
        "who",
        "where",
        "when",
        "what",
        "which",
        "did",
        "was",
        "were",
        "is",
        "are",
        "does",
        "do",
        "how",
        "in",
        "of",
        "at",
        "a",
        "an",
        "and",
        "with",
        "for",
        "on",
        "about",
        "відбулась",
        "відбулася",
        "відбувся",
        "відбулося",
        "партнер",
        "громад",
        "громада",
        "громади",
        "hromada",
        "hromadas",
        "partner",
        "partners",
        "місто",
        "міста",
        "city",
        "cities",
        "угода",
        "угоди",
        "agreement",
        "мають",
        "має",
        "have",
        "has",
        "take",
        "place",
        "took",
        "побратим",
        "twin",
    )
)


def asks_hromadas_covered(reading: Reading) -> bool:
    """«Про які громади ти знаєш?», "Which hromadas do you know about?"."""
    if Cue.COMMUNITIES not in reading.cues or reading.mentions or reading.cues & _SUBJECTS:
        return False
    words = {fold(token.text) for token in reading.tokens}
    return any(word.startswith(tuple(fold(stem) for stem in _KNOWS)) for word in words)


# «Які партнери у базі?», "Which hromadas have partners?": the whole base's partners, asked
# with no filter; any other cue word asks something narrower.
_WHOLE_BASE_SUBJECTS = frozenset({Cue.PARTNER, Cue.AGREEMENTS})
_WHOLE_BASE_CUES = _WHOLE_BASE_SUBJECTS | {
    Cue.CITIES,
    Cue.COMMUNITIES,
    Cue.WHO,
    Cue.LIST,
    Cue.FOLLOW_UP,
    Cue.UKRAINE,
}
_BASE_WORDS = frozenset(fold(word) for word in ("базі", "базе", "база", "base", "database"))


def asks_whole_base_partners(reading: Reading) -> bool:
    """Whether the question asks for every partnership of the knowledge base, naming no
    hromada, partner, country, kind or year: «Які партнери у базі?», «Які громади мають
    партнерів?», "list all partners in the database"."""
    cues = reading.cues
    if Cue.WHO in cues or Cue.COMMUNITIES in cues:
        # "Which hromadas have partners?" reads "have" as a yes-or-no verb; "which" lists.
        # «Чи є в базі громади з партнерами?» asks the same, to be answered with a yes.
        cues = cues - {Cue.YES_NO}
    if reading.mentions or not cues & _WHOLE_BASE_SUBJECTS or cues - _WHOLE_BASE_CUES:
        return False
    words = {fold(token.text) for token in reading.tokens}
    return bool(words & _BASE_WORDS) or Cue.COMMUNITIES in cues


def asks_most(reading: Reading) -> Aspect | None:
    """What a "most" question about the hromadas ranks them by, if it is one this can rank.

    «У якої громади найбільше партнерів?» ranks by partners (`Aspect.MOST`), «…найбільше
    угод?» by agreements (`Aspect.MOST_AGREEMENTS`). A question naming nothing ranked here
    («яка громада найбільша?», «…отримала найбільше допомоги?») or ranking the towns abroad
    ("Which city abroad has the most Ukrainian partners?") gives None.
    """
    text = " " + " ".join(fold(token.text) for token in reading.tokens) + " "
    cues = reading.cues
    if Cue.COMMUNITIES not in cues or not any(f" {fold(word)}" in text for word in _MOST):
        return None
    if cues & _NOT_RANKED or not cues & _RANKED:
        return None
    return Aspect.MOST_AGREEMENTS if Cue.AGREEMENTS in cues else Aspect.MOST


def covered_hromadas(lang: Language, snapshot: Snapshot, *, yes_no: bool = False) -> Written:
    """The hromadas the knowledge base holds any partnership, aid or event for; with `yes_no`
    («Чи є в базі громади з партнерами?») opened by a yes or a no."""
    codes = (
        set(snapshot.agreements_by_hromada)
        | set(snapshot.aid_by_hromada)
        | set(snapshot.activities_by_hromada)
    )
    hromadas = sorted(
        (snapshot.hromadas[code] for code in codes if code in snapshot.hromadas),
        key=lambda hromada: sort_key(lang.hromada(hromada)),
    )
    lines = [
        lang.ngettext(
            "I have records for {count} hromada:",
            "I have records for {count} hromadas:",
            len(hromadas),
        ).format(count=lang.number(len(hromadas)))
    ]
    lines[0] = _opened(lang, lines[0], yes=bool(hromadas), yes_no=yes_no)
    for hromada in hromadas:
        partners, unsigned = partner_towns(snapshot.agreements_by_hromada.get(hromada.code, ()))
        line = f"{BULLET}{hromada_label(lang, hromada)} — {_partners(lang, len(partners))}"
        # «Мена — 4 партнери (ще 1 місто — не підписано)», as the list of its partners says.
        lines.append(line + unsigned_towns_note(lang, len(unsigned)))
    return Written(lines, [])


# Words of receiving: «хто отримав допомогу в 2022?» asks which hromadas received it.
_RECEIVED = tuple(fold(stem) for stem in ("отрима", "получ", "receiv", "got"))


def asks_hromadas_with_aid(reading: Reading) -> bool:
    """«Які громади отримували допомогу?», "Which hromadas received aid in 2023?", «Чи є в
    базі громади з допомогою?», «хто отримав допомогу у 2022?»: naming no hromada, donor,
    country or kind of aid, and at most one year."""
    cues = reading.cues - {Cue.YES_NO, Cue.WHO}
    if reading.mentions or len(reading.years) > 1:
        return False
    if not reading.cues & {Cue.YES_NO, Cue.WHO}:
        return False
    if cues == {Cue.AID, Cue.COMMUNITIES}:
        return True
    words = [fold(token.text) for token in reading.tokens]
    received = any(word.startswith(_RECEIVED) for word in words)
    return cues == {Cue.AID, Cue.PERSON} and received


def hromadas_with_aid(
    lang: Language, snapshot: Snapshot, year: int | None = None, *, yes_no: bool = False
) -> Written:
    """Every hromada the knowledge base records aid for (received in `year`, when given), one
    line each, by name; with `yes_no` opened by a yes or a no.

    Data source: the aid records (`Snapshot.aid_by_hromada`); a hromada with none is left out,
    and so is aid whose date is unknown when a year is asked.
    """
    hromadas = sorted(
        (
            snapshot.hromadas[code]
            for code, records in snapshot.aid_by_hromada.items()
            if code in snapshot.hromadas
            and any(year is None or _received_in(record, year) for record in records)
        ),
        key=lambda hromada: sort_key(lang.hromada(hromada)),
    )
    if not hromadas and year is not None:
        nothing = lang.gettext("No aid received in {year} is recorded.").format(year=year)
        return Written([_opened(lang, nothing, yes=False, yes_no=yes_no)], [])
    if not hromadas:
        nothing = lang.gettext("No aid deliveries are recorded.")
        return Written([_opened(lang, nothing, yes=False, yes_no=yes_no)], [])
    heading = (
        lang.ngettext(
            "Aid received in {year} is recorded for {count} hromada:",
            "Aid received in {year} is recorded for {count} hromadas:",
            len(hromadas),
        ).format(count=lang.number(len(hromadas)), year=year)
        if year is not None
        else lang.ngettext(
            "Aid is recorded for {count} hromada:",
            "Aid is recorded for {count} hromadas:",
            len(hromadas),
        ).format(count=lang.number(len(hromadas)))
    )
    lines = [_opened(lang, heading, yes=True, yes_no=yes_no)]
    lines.extend(f"{BULLET}{hromada_label(lang, hromada)}" for hromada in hromadas)
    return Written(lines, [])


def _received_in(record: Aid, year: int) -> bool:
    return record.received_on is not None and record.received_on.year == year


def _opened(lang: Language, line: str, *, yes: bool, yes_no: bool) -> str:
    """The line, opened by «Так.» or «Ні.» ("Yes." or "No.") when a yes or a no was asked."""
    if not yes_no:
        return line
    opening = lang.gettext("Yes.") if yes else lang.gettext("No.")
    return f"{opening} {line}"


def _partners(lang: Language, count: int) -> str:
    """«5 партнерів», "5 partners"."""
    return lang.ngettext("{count} partner", "{count} partners", count).format(
        count=lang.number(count)
    )


def _agreements(lang: Language, count: int) -> str:
    """«8 угод», "8 agreements"."""
    return lang.ngettext("{count} agreement", "{count} agreements", count).format(
        count=lang.number(count)
    )


def _headline(
    lang: Language,
    count: int,
    *,
    by_agreements: bool,
    kind: AgreementKind | None,
    country: str | None,
) -> str:
    """The ranking's first line, naming what was counted: partners, twin cities, agreements,
    and the country they were counted in."""
    if by_agreements:
        line = lang.ngettext(
            "{hromada} has the most agreements: {count}.",
            "{hromada} has the most agreements: {count}.",
            count,
        )
    elif kind is AgreementKind.TWINNING:
        line = lang.ngettext(
            "{hromada} has the most twin cities: {count}.",
            "{hromada} has the most twin cities: {count}.",
            count,
        )
    else:
        line = lang.ngettext(
            "{hromada} has the most partners: {count}.",
            "{hromada} has the most partners: {count}.",
            count,
        )
    if country is None:
        return line
    return lang.gettext("Counting only partners in {country}. {line}").format(
        country=lang.country(country), line=line
    )


def most_partners(
    lang: Language,
    snapshot: Snapshot,
    *,
    by_agreements: bool = False,
    kind: AgreementKind | None = None,
    country: str | None = None,
) -> Written:
    """The hromadas ranked by how many foreign partners their agreements name, or (with
    `by_agreements`) by how many agreements they hold; only agreements of `kind` and with
    partners in `country` (ISO 3166-1 alpha-2) are counted when those are given."""

    def counted(agreements: Sequence[Agreement]) -> tuple[Agreement, ...]:
        return tuple(
            a
            for a in agreements
            if (kind is None or a.kind is kind)
            and (country is None or in_region(snapshot.places[a.place].country, country))
        )

    def measure(agreements: Sequence[Agreement]) -> int:
        return len(agreements) if by_agreements else len(partner_towns(agreements)[0])

    ranked = sorted(
        (
            (measure(counted(agreements)), code)
            for code, agreements in snapshot.agreements_by_hromada.items()
            if code in snapshot.hromadas and counted(agreements)
        ),
        key=lambda pair: (-pair[0], sort_key(lang.hromada(snapshot.hromadas[pair[1]]))),
    )
    if not ranked:
        return Written([lang.gettext("No partnerships are recorded yet.")], [])
    count, leader = ranked[0]
    headline = _headline(lang, count, by_agreements=by_agreements, kind=kind, country=country)
    lines = [
        headline.format(hromada=lang.hromada(snapshot.hromadas[leader]), count=lang.number(count))
    ]
    for number, code in ranked[1:]:
        label = hromada_label(lang, snapshot.hromadas[code])
        counts = _agreements(lang, number) if by_agreements else _partners(lang, number)
        lines.append(f"{BULLET}{label} — {counts}")
    leading = counted(snapshot.agreements_by_hromada[leader])
    sources = [c.source for a in leading for c in a.sources]
    return Written(lines, sources)


def _roots(words: Sequence[str]) -> set[str]:
    return {word[:_ROOT] for word in words if len(word) >= _SHORT and word not in _COMMON}


_WORD = re.compile(r"\w+")


def word_roots(words: Sequence[str]) -> set[str]:
    """The starts of the folded `words` that `matching_activities` compares: no short word
    and no common one ("the", «які»)."""
    return _roots(words)


def _held(roots: set[str], words: set[str]) -> set[str]:
    """The roots some word starts with ("мер" is held by «мера», «конфе» by «Конференції»)."""
    return {root for root in roots if any(word.startswith(root) for word in words)}


def matching_activities(
    reading: Reading, snapshot: Snapshot, *, every_word: bool = False
) -> tuple[str, ...]:
    """The events whose summaries hold at least two of the question's own words, one of them
    no name ("конференція мерів", "мер Колумбуса"); the best matches first, at most two.

    With `every_word`, a summary must hold every word of the question that is no name: a
    question about something no record holds («скільки коштувала клятва?») finds nothing."""
    named = {
        index for mention in reading.mentions for index in range(mention.first, mention.last + 1)
    }
    words = [fold(token.text) for token in reading.tokens]
    plain = _roots([word for index, word in enumerate(words) if index not in named])
    names = _roots([word for index, word in enumerate(words) if index in named])
    if not plain:
        return ()
    scored: list[tuple[int, str]] = []
    for activities in snapshot.activities_by_hromada.values():
        for activity in activities:
            text = f"{activity.summary.uk} {activity.summary.en}"
            found = {fold(word) for word in _WORD.findall(text)}
            hits_plain = len(_held(plain, found))
            hits = hits_plain + len(_held(names, found))
            year = activity.started_on.year if activity.started_on else None
            if year is not None and str(year) in words:
                hits += 1
            complete = hits_plain == len(plain) or not every_word
            if hits_plain and hits >= 2 and complete:
                scored.append((hits, activity.key))
    scored.sort(key=lambda pair: -pair[0])
    best = scored[0][0] if scored else 0
    return tuple(key for hits, key in scored if hits == best)[:2]


# A full stop after an initial or an abbreviation («Ендрю Дж. Гінтер», "J.", «м.», «вул.»,
# «ім.», "St.") does not end a sentence.
_NOT_AN_END = re.compile(
    r"(?:^|[\s(«\"'])(?:[A-ZА-ЯІЇЄҐ][a-zа-яіїєґ]?|м|с|смт|вул|просп|пл|ім|св|обл|проф|ст"
    r"|St|Mr|Mrs|Ms|Dr|Jr|Sr|Prof|Mt|Ft|No|vs|etc)\.$"
)


def _sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for part in re.split(r"(?<=[.!?])\s+", text):
        part = part.strip()
        if not part:
            continue
        if sentences and _NOT_AN_END.search(sentences[-1]):
            sentences[-1] = f"{sentences[-1]} {part}"
        else:
            sentences.append(part)
    return sentences


def question_roots(reading: Reading) -> tuple[str, ...]:
    """The starts of the question's own words, as `activities_answer` matches sentences."""
    return tuple(sorted(_roots([fold(token.text) for token in reading.tokens])))


def activities_answer(
    lang: Language, snapshot: Snapshot, keys: Sequence[str], words: Sequence[str]
) -> Written:
    """The events the question's words found: the hromada, the dates, and the sentences of
    the record that hold those words (`words`, from `question_roots`)."""
    by_key: dict[str, Activity] = {
        activity.key: activity
        for activities in snapshot.activities_by_hromada.values()
        for activity in activities
    }
    roots = set(words)
    lines = [lang.gettext("From the records:")]
    sources: list[str] = []
    for key in keys:
        activity = by_key[key]
        hromada = snapshot.hromadas[activity.hromada]
        when = ""
        if activity.started_on is not None:
            when = lang.date_range(activity.started_on, activity.ended_on)
        where = ""
        if activity.place is not None and activity.place in snapshot.places:
            where = lang.place(snapshot.places[activity.place])
        heading = ", ".join(part for part in (hromada_label(lang, hromada), when, where) if part)
        summary = lang.text(activity.summary)
        chosen = [
            sentence
            for sentence in _sentences(summary)
            if _held(roots, {fold(word) for word in _WORD.findall(sentence)})
        ] or _sentences(summary)[:1]
        lines.append(f"{BULLET}{heading}: {' '.join(chosen)}")
        sources.extend(c.source for c in activity.sources)
    return Written(lines, sources)


def beyond_the_list(lang: Language, snapshot: Snapshot, listed: Sequence[str]) -> Written:
    """ "The second one" after a list of one: what the list held, and that there is no more."""
    places = [
        lang.place(snapshot.places[snapshot.agreements[key].place])
        for key in listed
        if key in snapshot.agreements
    ]
    line = lang.ngettext(
        "The last answer listed only {count} partner: {names}.",
        "The last answer listed only {count} partners: {names}.",
        len(places),
    ).format(count=lang.number(len(places)), names=", ".join(places))
    return Written([line], [])
