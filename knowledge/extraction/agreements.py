"""Agreements in a sentence: the kind word, its status word, its partner and its date.

A sentence may state several agreements («підписав Угоди про співпрацю з містами Кошице,
Альбукерке, було продовжено дію Меморандуму ... з містом Цинциннаті»). Each kind word opens a
frame that runs to the next one; the status word nearest to the kind word is its status, and
the towns after it (or, when none follows, before it) are its partners. Towns named as a
venue («у місті Тампа») or through a person («мера міста Колумбус») are never partners.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from knowledge.extraction.aid import delivery_word
from knowledge.extraction.keywords import (
    AGREEMENT_HEADS,
    AREA_STEMS,
    BOTH_SIDES,
    NEGATIONS,
    PARTNER_PAIRS,
    PARTNER_WORDS,
    PLAN_MARKERS,
    SLOT_WORDS,
    STATUS_STEMS,
    TOPIC_WINDOW,
    TOPICS,
    TWIN_PAIRS,
    TWIN_WORDS,
    StatusCue,
    starts,
)
from knowledge.extraction.proposals import AgreementProposal, Evidence, ExtensionProposal
from knowledge.extraction.stated_dates import DateMention, DateRole
from knowledge.extraction.view import SentenceView, Town
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus, CooperationArea
from knowledge.places.world import is_world_place_name
from knowledge.text.normalize import fold

_STATUS_WINDOW = 12
_RELATION_WINDOW = 6
# "терміном на 5 років", «ще на п’ять років», «на наступні три роки», "for another five
# years", "for a further 3 years", "for the next ten years".
_TERM_WORDS = {
    **{"два": 2, "дві": 2, "три": 3, "чотири": 4, "пʼять": 5, "п’ять": 5, "п'ять": 5},
    **{"шість": 6, "сім": 7, "вісім": 8, "девʼять": 9, "дев’ять": 9, "дев'ять": 9},
    **{"десять": 10, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7},
    **{"eight": 8, "nine": 9, "ten": 10},
}
_TERM_NUMBER = r"(\d{1,2}|" + "|".join(sorted(_TERM_WORDS, key=len, reverse=True)) + ")"
_TERM = re.compile(
    rf"(?:(?:терміном|строком|строк|терміни?|ще)\s+на|на\s+наступні)\s+(?:наступні\s+)?"
    rf"{_TERM_NUMBER}\s+(?:рок|років|роки)"
    rf"|for\s+(?:a\s+(?:term|period)\s+of\s+|another\s+|a\s+further\s+|the\s+next\s+)?"
    rf"{_TERM_NUMBER}\s+(?:more\s+)?years?",
    re.IGNORECASE,
)
# "for the next three years" tells an agreement's term only beside the agreement.
_NEXT_YEARS = re.compile(r"(?:на\s+наступні|for\s+the\s+next)\s", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:,.!?]|\s(?:and|but|та|і|й|а|але)\s", re.IGNORECASE)
_AGREEMENT_WORD = re.compile(
    r"угод|меморандум|договор|договір|підпис|продовж|пролонг"
    r"|agreement|memorandum|treaty|sign|extend|renew|prolong",
    re.IGNORECASE,
)
_STATUS_OF = {
    StatusCue.SIGNED: AgreementStatus.ACTIVE,
    StatusCue.HELD: AgreementStatus.ACTIVE,
    StatusCue.EXTENDED: AgreementStatus.ACTIVE,
    StatusCue.PLANNED: AgreementStatus.PLANNED,
    StatusCue.NEGOTIATION: AgreementStatus.IN_NEGOTIATION,
    StatusCue.TERMINATED: AgreementStatus.TERMINATED,
    StatusCue.SUSPENDED: AgreementStatus.SUSPENDED,
    StatusCue.EXPIRED: AgreementStatus.EXPIRED,
}
# Statuses that are events with a date of their own (signing, extending, ending).
_EVENTS = frozenset(
    {StatusCue.SIGNED, StatusCue.EXTENDED, StatusCue.TERMINATED, StatusCue.SUSPENDED}
)
_VERBAL_NOUNS = ("підписанн", "signing")
_VERBAL_NOUNS_OF_SIGNING = ("підписанн", "укладенн", "укладанн", "signing", "conclusion")
_LIST_WORDS = frozenset({"та", "і", "й", "and", "or", "також", "а"})
_WITH = frozenset({"with", "з", "із", "зі"})
_BRACKETED = re.compile(r"\([^()]*\)")
_BOTH_SIDES_ANYWHERE = ("сторон", "обидва", "обидві", "parties", "both=")


@dataclass(frozen=True, slots=True)
class KindCue:
    """Words naming a kind of agreement, tokens `first`..`last`."""

    first: int
    last: int
    kind: AgreementKind
    relation: bool  # «містами-побратимами»: a relation stated, not a document named
    goal: bool = False  # «щодо встановлення побратимських зв’язків»: a relation aimed at


@dataclass(frozen=True, slots=True)
class StatusWord:
    """A word telling an agreement's status."""

    position: int
    cue: StatusCue
    negated: bool


@dataclass(frozen=True, slots=True)
class Side:
    """The Ukrainian side of a frame: a hromada's code, the words that named it and its name
    as the text has it, in the nominative."""

    code: str | None
    written: str
    explicit: bool
    name: str
    first: int | None = None  # the token that names it, None for the document's hromada


@dataclass(frozen=True, slots=True)
class Pair:
    """The last hromada and partner named together, for «сторони підпишуть»."""

    side: Side
    town: Town


def kind_cues(view: SentenceView) -> list[KindCue]:
    """Every kind word of the sentence, left to right."""
    words = view.words
    found: list[KindCue] = []
    index = 0
    while index < len(words):
        word = words[index]
        cue = _document_cue(words, index)
        if cue is None and _twin_word(words, index):
            cue = KindCue(index, _pair_end(words, index), AgreementKind.TWINNING, relation=True)
            cue = _with_following_head(words, cue)
        if cue is None and (
            starts(word, PARTNER_WORDS) or _pair_word(words, index, PARTNER_PAIRS)
        ):
            cue = KindCue(index, _pair_end(words, index), AgreementKind.OTHER, relation=True)
        if cue is None and _ended_partnership(words, index):
            cue = KindCue(index, index, AgreementKind.OTHER, relation=True)
        if cue is None:
            index += 1
            continue
        if cue.relation and _names_a_body(view, cue):
            # "the Sister Cities International summit", "Kent Sister City Association".
            index = cue.last + 2
            continue
        if cue.relation and any(starts(w, _GOAL_WORDS) for w in words[max(0, index - 2) : index]):
            cue = replace(cue, goal=True)
        found.append(cue)
        index = cue.last + 1
    return found


_PARTNERSHIP_WORDS = ("партнерств", "partnership")
_ENDING_CUES = (StatusCue.SUSPENDED, StatusCue.TERMINATED)


def _ended_partnership(words: list[str], index: int) -> bool:
    """Whether a bare «партнерство», "partnership" is the tie a verb just before it suspends
    or ends («призупинила партнерство з ...», "suspended its partnership with ..."): a word
    too common to stand for a tie by itself ("in partnership with UNDP")."""
    if not starts(words[index], _PARTNERSHIP_WORDS):
        return False
    return any(
        starts(word, stems)
        for word in words[max(0, index - 3) : index]
        for stems, cue in STATUS_STEMS
        if cue in _ENDING_CUES
    )


def _names_a_body(view: SentenceView, cue: KindCue) -> bool:
    """Whether a capitalised "Sister City" opens the name of an organisation or a programme
    ("Sister Cities International", "Lviv Sister City Committee") rather than tells of a tie."""
    following = cue.last + 1
    return (
        following < len(view.words)
        and view.sentence.is_capitalised(cue.first)
        and view.sentence.is_capitalised(following)
        and view.words[following] in _BODY_WORDS
    )


_BODY_WORDS = frozenset(
    {
        *("international", "association", "committee", "commission", "council", "program"),
        *("programme", "foundation", "society", "organization", "organisation", "network"),
        *("inc", "board", "club", "office", "summit", "conference", "festival", "day", "week"),
    }
)


# «щодо встановлення побратимських зв’язків», "to establish sister city relations": the tie
# is what an act aims at, not one that exists.
_GOAL_WORDS = (
    *("встановлен", "встановит", "налагоджен", "налагодит", "шлях", "крок"),
    *("establish", "step", "towards"),
)
# "Talks ... broke down", «переговори зірвалися»: the talks ended without an agreement.
_OFFER_WORDS = (
    "пропону",
    "запропонув",
    "запропонувал",
    "пропозиці",
    # «готове укласти», "is ready to sign": a side declares it would, nothing is settled.
    "готов",
    "ready=",
    "offer",
    "propose=",
    "proposes=",
    "proposing=",
)
# Words of talks (the negotiation cues of one word) before a signing they are about.
_TALKS_WORDS = tuple(
    stem
    for stems, status in STATUS_STEMS
    if status is StatusCue.NEGOTIATION
    for stem in stems
    if " " not in stem
)
_DRAFT_WORDS = ("проєкт", "проект", "draft")
_APPROVAL_WORDS = ("погодж", "погодил", "погодив", "схвал", "затвердж", "approv", "endorse")
_DECISION_WORDS = (
    *("рішенн", "ухвал", "метою", "проголосувал", "decision", "decided", "purpose", "aim="),
    "voted",
)
# «проєкт рішення», "draft decision", "draft resolution": a council's text not yet voted on.
_DECISION_NOUNS = ("рішенн", "ухвал", "decision", "resolution")
# «планується розглянути», «розгляне», «голосуватимуть», "will consider", "to vote on": the
# council or the partner's assembly has the question still before it.
_CONSIDERATION_AHEAD = ("розглянут", "розгляне", "розглядатим", "голосуватим", "проголосують")
_CONSIDERATION_VERBS = ("consider", "vote=")
_FAILED_WORDS = ("зірвал", "провалил", "collapsed", "failed", "stalled", "broke=")


def _document_cue(words: list[str], index: int) -> KindCue | None:
    word = words[index]
    head = next((kind for stem, kind in AGREEMENT_HEADS if _head_matches(word, stem)), None)
    topic_only = word in ("лист", "листа", "листом", "листі", "letter", "letters")
    if head is None and not topic_only:
        return None
    for position in range(index + 1, min(len(words), index + TOPIC_WINDOW + 1)):
        topic = next((name for stems, name in TOPICS if starts(words[position], stems)), None)
        if topic is None:
            continue
        kind = _kind_of(word, head, topic, words[position + 1 : position + 4])
        if kind is None:
            break
        if topic == "intent" and _aims_at_a_tie(words[position + 1 : position + 4]):
            # "a memorandum of agreement declaring an intent to explore the establishment of a
            # sister city relationship", «меморандум про наміри щодо встановлення
            # побратимських зв’язків»: a statement of intent, whatever the paper is called.
            kind = AgreementKind.PROTOCOL_OF_INTENT
        elif _other_head_between(words, index, position, head):
            # «угоди та меморандуми про співпрацю»: documents of several kinds, none said.
            kind = AgreementKind.OTHER
        # «протокол про наміри встановлення ... побратимських відносин» is one document.
        last = position
        for later in range(position + 1, min(len(words), index + TOPIC_WINDOW + 1)):
            if _twin_word(words, later):
                last = later
        return KindCue(index, last, kind, relation=False)
    if head is None:
        return None
    if word in ("agreement", "agreements") and index > 0:
        # "a cooperation agreement", "their partnership agreement": English names the topic
        # before the head.
        before = words[index - 1]
        if starts(before, _COOPERATION_BEFORE):
            return KindCue(index - 1, index, AgreementKind.COOPERATION_AGREEMENT, relation=False)
    return KindCue(index, index, head, relation=False)


_COOPERATION_BEFORE = ("cooperation", "co-operation", "collaboration", "partnership")
# After «наміри», "intent": the words that make it an intent to establish a tie.
_TIE_AIMS = ("explore", "establish", "встановлен", "започаткув", "налагоджен")


def _aims_at_a_tie(after: list[str]) -> bool:
    """Whether the words after an intent word aim at a tie ("to explore", «щодо
    встановлення»), which makes any document declaring it a protocol of intent."""
    return any(starts(word, _TIE_AIMS) for word in after)


def _other_head_between(
    words: list[str], index: int, topic: int, head: AgreementKind | None
) -> bool:
    """Whether another kind of document is named between a head and its topic."""
    for word in words[index + 1 : topic]:
        other = next((kind for stem, kind in AGREEMENT_HEADS if _head_matches(word, stem)), None)
        if other is not None and other is not head:
            return True
    return False


def _head_matches(word: str, stem: str) -> bool:
    if stem == "mou":
        return word in ("mou", "mous")
    return word.startswith(stem)


def _kind_of(
    head_word: str, head: AgreementKind | None, topic: str, after: list[str]
) -> AgreementKind | None:
    memorandum = head is AgreementKind.MEMORANDUM
    if topic == "twinning":
        return AgreementKind.TWINNING
    if topic == "intent":
        if memorandum:
            return AgreementKind.MEMORANDUM
        return AgreementKind.PROTOCOL_OF_INTENT
    if topic == "understanding":
        return AgreementKind.MEMORANDUM
    if topic == "friendship":
        if memorandum:
            return AgreementKind.MEMORANDUM
        if any(starts(word, ("співпрац", "співробітн", "cooperation")) for word in after):
            return AgreementKind.COOPERATION_AGREEMENT
        if head is AgreementKind.OTHER and head_word.startswith(
            ("угод", "договір", "договор", "agreement")
        ):
            # «договір про дружбу», "agreement of friendship": an agreement, not an oath.
            return AgreementKind.OTHER
        return AgreementKind.FRIENDSHIP_PLEDGE
    if head is None:
        return None
    if memorandum or head is AgreementKind.FRIENDSHIP_PLEDGE:
        return head
    if head_word.startswith(("протокол", "protocol", "декларац", "declaration")):
        return AgreementKind.OTHER
    return AgreementKind.COOPERATION_AGREEMENT


def _twin_word(words: list[str], index: int) -> bool:
    parts = words[index].split("-")
    return any(starts(part, TWIN_WORDS) for part in parts) or _pair_word(words, index, TWIN_PAIRS)


def _pair_word(
    words: list[str], index: int, pairs: tuple[tuple[str, tuple[str, ...]], ...]
) -> bool:
    word = words[index].split("-")
    following = words[index + 1] if index + 1 < len(words) else ""
    for first, seconds in pairs:
        if word[0] == fold(first) and (
            (len(word) > 1 and starts(word[1], seconds)) or starts(following, seconds)
        ):
            return True
    return False


def _pair_end(words: list[str], index: int) -> int:
    if "-" in words[index] or index + 1 >= len(words):
        return index
    following = words[index + 1]
    if starts(following, ("cit", "town", "communit", "municipal", "відносин", "звязк", "зв’язк")):
        return index + 1
    return index


def _with_following_head(words: list[str], cue: KindCue) -> KindCue:
    """ "sister city agreement", «побратимська угода»: one twinning document, not two cues."""
    following = cue.last + 1
    if following < len(words) and any(
        _head_matches(words[following], stem) for stem, _kind in AGREEMENT_HEADS
    ):
        return KindCue(cue.first, following, AgreementKind.TWINNING, relation=False)
    return cue


def status_words(view: SentenceView, taken: set[int]) -> list[StatusWord]:
    """Every status word outside the kind words, with plans and negations applied."""
    words = view.words
    found: list[StatusWord] = []
    for index, word in enumerate(words):
        if index in taken:
            continue
        pair = view.phrase_at(index, 2)
        cue = next(
            (
                status
                for stems, status in STATUS_STEMS
                if starts(word, stems)
                # The words arrive folded («чинніст»), so a phrase is compared folded too.
                or any(" " in stem and pair.startswith(fold(stem)) for stem in stems)
            ),
            None,
        )
        draft = starts(word, _DRAFT_WORDS) and (
            cue is not None or index + 1 in taken or view.phrase_at(index + 1, 1) in ("of", "the")
        )
        if draft:
            # «проєкт Меморандуму»: a text being drafted; «погоджено проєкт Угоди», "approved
            # the draft": both sides' text is settled, the signing is to come.
            approved = any(starts(w, _APPROVAL_WORDS) for w in words[max(0, index - 3) : index])
            cue = StatusCue.PLANNED if approved else StatusCue.NEGOTIATION
        if (
            cue is None
            and word in ("sign", "conclude")
            and words[index - 1 : index] == ["to"]
            and words[index - 2 : index - 1] != ["able"]
            and words[index + 1 : index + 2] not in (["this"], ["these"])
        ):
            # "agreed to sign a partnership agreement", "plan to conclude": to come; "to be
            # able to sign this Friendship Oath" is the signing the text reports.
            cue = StatusCue.PLANNED
        if cue is None:
            continue
        before = words[max(0, index - 3) : index]
        if cue is StatusCue.SIGNED and any(starts(w, PLAN_MARKERS) for w in before):
            cue = StatusCue.PLANNED
        if (
            cue is StatusCue.SIGNED
            and starts(word, _VERBAL_NOUNS_OF_SIGNING)
            and any(starts(w, (*_APPROVAL_WORDS, *_DECISION_WORDS)) for w in before)
        ):
            # «погодили укладення договору», "approved the signing", «ухвалила рішення про
            # укладення», «з метою підписання»: the signing is decided or aimed at, to come.
            cue = StatusCue.PLANNED
        if (
            cue is StatusCue.SIGNED
            and starts(word, _VERBAL_NOUNS_OF_SIGNING)
            and any(starts(w, _TALKS_WORDS) for w in before)
        ):
            # «переговори щодо укладення угоди», «обговорили підписання»: the signing is
            # what the talks are about.
            cue = StatusCue.NEGOTIATION
        if cue in (StatusCue.SIGNED, StatusCue.PLANNED) and any(
            starts(w, _OFFER_WORDS) for w in before
        ):
            # «пропонує підписати», "offered to sign": one side's proposal, still talks.
            cue = StatusCue.NEGOTIATION
        if cue is StatusCue.SIGNED and index > 0 and words[index - 1] in ("має", "мають"):
            cue = StatusCue.HELD
        negated = any(w in NEGATIONS for w in words[max(0, index - 2) : index])
        if cue is StatusCue.NEGOTIATION and any(
            starts(w, _FAILED_WORDS) for w in words[index + 1 :]
        ):
            negated = True
        found.append(StatusWord(index, cue, negated))
    return _plans_over_signing(words, found)


def _plans_over_signing(words: list[str], found: list[StatusWord]) -> list[StatusWord]:
    """ "обговорили можливість підписання": the signing is what was discussed, not done."""
    result: list[StatusWord] = []
    for status in found:
        if status.cue is StatusCue.SIGNED and starts(words[status.position], _VERBAL_NOUNS):
            earlier = [
                other
                for other in found
                if status.position - 4 <= other.position < status.position
                and other.cue in (StatusCue.PLANNED, StatusCue.NEGOTIATION)
            ]
            if earlier:
                status = StatusWord(status.position, earlier[-1].cue, status.negated)
        result.append(status)
    return result


@dataclass
class AgreementContext:
    """What a sentence needs from the rest of the document."""

    document_side: Side | None
    reference: PartialDate | None
    context_year: int | None
    last_pair: Pair | None
    # Towns abroad the sentences so far named, in order, and those of the sentence before.
    earlier_towns: list[Town] = field(default_factory=list)
    previous_towns: list[Town] = field(default_factory=list)


def agreements_in(
    view: SentenceView,
    sides: list[Side],
    oblast_positions: list[int],
    dates: list[DateMention],
    context: AgreementContext,
) -> list[AgreementProposal]:
    """The agreements one sentence states."""
    cues = kind_cues(view)
    # "a letter of intent to establish sister city relations": the tie is the document's aim.
    cues = [
        cue
        for number, cue in enumerate(cues)
        if not (cue.goal and any(not other.relation for other in cues[:number]))
    ]
    if not cues:
        return []
    taken = {position for cue in cues for position in range(cue.first, cue.last + 1)}
    statuses = status_words(view, taken)
    proposals: list[AgreementProposal] = []
    claimed: set[int] = set()
    unfilled: list[KindCue] = []
    breaks = [_clause_break(view, cue, following) for cue, following in itertools.pairwise(cues)]
    for number, cue in enumerate(cues):
        start = cues[number - 1].last + 1 if number else 0
        end = cues[number + 1].first - 1 if number + 1 < len(cues) else len(view.words) - 1
        opening = breaks[number - 1] if number else None
        closing = breaks[number] if number + 1 < len(cues) else None
        if opening is not None:
            start = opening + 1
        if closing is not None:
            end = closing
        subjects = [
            town for town in view.towns if town.first in claimed and town.last < cues[0].first
        ]
        found = _frame(
            view,
            cue,
            (start, end),
            statuses,
            sides,
            oblast_positions,
            dates,
            context,
            claimed,
            subjects,
        )
        if not found and not cue.relation:
            unfilled.append(cue)
        proposals += found
    if len(unfilled) == 1:
        # «плеяду міст-побратимів доповнило м. Ченстохова, з яким ... підписало Договір про
        # співпрацю»: the tie is the document the sentence names, of the document's kind.
        document = unfilled[0]
        words = view.sentence.written(document.first, document.last)
        proposals = [
            replace(
                proposal,
                kind=document.kind,
                evidence=(
                    Evidence("kind", words, document.kind.value),
                    *(item for item in proposal.evidence if item.role != "kind"),
                ),
            )
            if _relation_kind(proposal)
            else proposal
            for proposal in proposals
        ]
    return proposals


def _clause_break(view: SentenceView, cue: KindCue, following: KindCue) -> int | None:
    """Where a clause whose towns both stand before its kind word ends, before the next
    kind word's own pair: "Kramatorsk and Stamford twinned in April, Lyman and Westport
    became sister cities in December" ends at the comma after "April". The position of the
    last word before that comma, or None where no such clause ends there."""
    before = [town for town in view.towns if town.last < cue.first and not town.venue]
    if len(before) < 2 or (before[-1].hromada is None) == (before[-2].hromada is None):
        return None
    sentence = view.sentence
    for position in range(cue.last, following.first - 1):
        tokens = sentence.tokens
        if "," not in view.text[tokens[position].end : tokens[position + 1].start]:
            continue
        ahead = [town for town in view.towns if cue.last < town.first <= position]
        opening = position + 1
        if view.words[opening] in ("and", "а", "і", "й", "та"):
            opening += 1
        pair = [
            town for town in view.towns if position < town.first and town.last < following.first
        ]
        named = opening < following.first and sentence.is_capitalised(opening)
        return position if not ahead and pair and named else None
    return None


def _relation_kind(proposal: AgreementProposal) -> bool:
    """Whether the proposal's kind came from a relation word («міст-побратимів»)."""
    return proposal.kind in (AgreementKind.TWINNING, AgreementKind.OTHER) and any(
        item.role == "kind" and (_twin_word([fold(item.words)], 0) or "-" in item.words)
        for item in proposal.evidence
    )


def _frame(
    view: SentenceView,
    cue: KindCue,
    span: tuple[int, int],
    statuses: list[StatusWord],
    sides: list[Side],
    oblast_positions: list[int],
    dates: list[DateMention],
    context: AgreementContext,
    claimed: set[int],
    subjects: list[Town],
) -> list[AgreementProposal]:
    """The agreements one kind word states within its span of the sentence. `claimed` are
    the towns earlier kind words took; `subjects` those of them the sentence opened with."""
    start, end = span
    status = _status_of(view, cue, statuses, span)
    if not _states_an_agreement(view, cue, span, status):
        return []
    towns = [
        town
        for town in view.towns
        if start <= town.first <= end
        and town.first not in claimed
        and not town.venue
        and not (town.first <= cue.last and town.last >= cue.first)
    ]
    side = _side(sides, towns, cue, span, context, view.words)
    before, after = _partners_around(view, cue, towns, side)
    partners = _listed(view, after) or before
    evidence: list[Evidence] = []
    referred = (
        None
        if partners or status is None or _referenced(view.words, cue.first)
        else _referred_town(view, cue, end, context)
    )
    if not partners and referred is None and not cue.relation and status is not None:
        # "Chernihiv and Memmingen, twin cities since 1996, signed a memorandum": the towns
        # the sentence opened with are the memorandum's sides too.
        partners = [town for town in subjects if town.last < start]
    if referred is not None:
        partners = [referred[0]]
        evidence.append(Evidence("partner", referred[1], referred[0].name))
    elif not partners:
        pair = context.last_pair
        anaphora = _anaphora(view.words, start, end)
        if pair is None or not anaphora:
            return []
        partners = [pair.town]
        if side is None or not side.explicit:
            side = pair.side
        evidence.append(Evidence("partner", anaphora[0], pair.town.name))
    elif after and before and not (side is not None and side.explicit):
        # "Columbus, twinned with Dresden": neither side is Ukrainian; someone else's deal.
        foreign_before = [town for town in before if town.hromada is None]
        if foreign_before:
            return []
    if side is None or not _the_hromadas(view, cue, span, side, before, after, oblast_positions):
        return []
    claimed.update(town.first for town in partners)
    cue_words = view.sentence.written(cue.first, cue.last)
    evidence.append(Evidence("kind", cue_words, cue.kind.value))
    status_cue = status.cue if status is not None else StatusCue.HELD
    agreement_status = _STATUS_OF[status_cue]
    if status is not None:
        evidence.append(
            Evidence("status", view.sentence.written(status.position, status.position), status_cue)
        )
    evidence.append(Evidence("hromada", side.written, side.code or "?"))
    date, until, date_words = _dates(view, cue, status, span, dates, context, status_cue)
    if cue.relation and status is None and delivery_word(view) is not None:
        # «Вчора Ковель отримав від міста-побратима Хелма пожежний автомобіль»: the date is
        # the delivery's; the twinning is only named.
        date, date_words = None, ""
    if date_words:
        evidence.append(Evidence("date", date_words, "" if date is None else date.isoformat()))
    term = _term(view.text[view.char_position(start) : view.char_position(end + 1)])
    extended = None
    signed = date
    if status_cue is StatusCue.EXTENDED:
        extended = ExtensionProposal(date, term)
        signed = None
        term = None
    areas = _areas(view.words)
    proposals = []
    for town in partners:
        proposals.append(
            AgreementProposal(
                hromada=side.code,
                hromada_name=side.name,
                partner=town.name,
                partner_place=town.place,
                partner_country=town.country,
                partner_region=town.region,
                kind=cue.kind,
                status=agreement_status,
                date=signed,
                extended=extended,
                valid_until=until,
                term_years=term,
                areas=areas,
                quote=view.text,
                evidence=(
                    *evidence,
                    Evidence("partner", town.written, town.place or town.country or "?"),
                ),
            )
        )
    context.last_pair = Pair(side, partners[-1])
    return proposals


def _partners_around(
    view: SentenceView, cue: KindCue, towns: list[Town], side: Side | None
) -> tuple[list[Town], list[Town]]:
    """The towns before and after the kind word that may be the side's partners: not the
    side's own hromada, nor a hromada listed among foreign partners."""
    after = [town for town in towns if town.first > cue.last]
    before = [town for town in towns if town.last < cue.first]
    if side is not None and side.code is not None:
        if (
            after
            and after[0].hromada == side.code
            and any(word in _WITH for word in view.words[cue.last + 1 : after[0].first])
        ):
            # "Bourges twinned with Korosten, Gdynia and ...": the hromada takes the place
            # after the kind word, so its partner is named before it.
            after = []
        after = [town for town in after if town.hromada != side.code]
        before = [town for town in before if town.hromada != side.code]
    if (
        after
        and _possessive_relation(view, cue)
        and not _named_right_after(view.words, cue, after[0])
    ):
        # "Filderstadt, Poltava's twin town in Germany, has suspended its contacts with the
        # Russian town of Selyatino": the twin town is the one apposed before the words; a
        # town the rest of the sentence names is the twin town's own business.
        after = []
    if any(town.hromada is None for town in before):
        # "Korosten, Gdynia and Pardubice are now sister cities of Zhytomyr": a hromada in
        # a list of foreign partners is another sentence's side.
        before = [town for town in before if town.hromada is None]
    if before and all(town.hromada is not None for town in after):
        # "Gdynia and Pardubice are now sister cities of Zhytomyr, and ... to Uzhhorod".
        after = []
    return before, after


def _states_an_agreement(
    view: SentenceView, cue: KindCue, span: tuple[int, int], status: StatusWord | None
) -> bool:
    """Whether the kind word, with the status word nearest it, states an agreement made or
    decided on rather than one denied, awaiting a decision, or only aimed at."""
    start, end = span
    if status is not None and status.negated:
        return False
    if _foreign_owner(view, cue) and all(town.hromada is None for town in view.towns):
        # "Current Kent sister cities include:": the foreign town's own twins, no hromada's.
        return False
    if _before_a_decision(view.words[start : end + 1]):
        # «Проєкт рішення про укладення угоди ... планується розглянути», "will consider a
        # draft decision on a twinning agreement": nothing is agreed, nor decided to be.
        return False
    # «з метою налагодження партнерських зв’язків делегація відвідала ...»: an aim only.
    return not (cue.goal and status is None)


def _the_hromadas(
    view: SentenceView,
    cue: KindCue,
    span: tuple[int, int],
    side: Side,
    before: list[Town],
    after: list[Town],
    oblast_positions: list[int],
) -> bool:
    """Whether the tie the kind word states is the side's hromada's own, not a third
    party's, foreign towns' or the oblast's."""
    start, end = span
    if not side.explicit and cue.relation and _theirs(view.words, cue.first):
        # «з їхнього німецького міста-партнера Леуна», "through its sister city of
        # Oswiecim": a third party's partner, not the document's hromada's.
        return False
    if (
        cue.relation
        and (_theirs(view.words, cue.first) or _reflexive(view.words, cue.first))
        and _foreign_subject(view, cue)
    ):
        # "Arezzo delivered a generator to Sambir through its sister city of Oświęcim": the
        # possessive may be the foreign town's, which acts first; no tie is stated for sure.
        return False
    if not side.explicit and _foreign_actors(before, after):
        # "the Czech city of Brno and Leipzig signed a joint declaration": foreign towns
        # acting, with no hromada named, are not the document's hromada's tie.
        return False
    if _oblast_level(view.words[start : end + 1]):
        # «4 нові міжнародні угоди на рівні області»: the oblast's, whichever town it names.
        return False
    # «Харківська область підписала...»: the oblast's tie, not the hromada's.
    return side.explicit or not any(start <= position <= end for position in oblast_positions)


def _before_a_decision(words: list[str]) -> bool:
    """Whether the words put the agreement before a council that has yet to decide: a draft
    decision («проєкт рішення», "draft resolution"), or a consideration or vote to come
    («планується розглянути», «голосуватимуть», "will consider", "plans to vote on")."""
    for index, word in enumerate(words):
        following = words[index + 1] if index + 1 < len(words) else ""
        if starts(word, _DRAFT_WORDS) and starts(following, _DECISION_NOUNS):
            return True
        if starts(word, _CONSIDERATION_AHEAD):
            return True
        if starts(word, _CONSIDERATION_VERBS) and any(
            other in ("will", "to", "shall") for other in words[max(0, index - 2) : index]
        ):
            return True
    return False


def _referred_town(
    view: SentenceView, cue: KindCue, end: int, context: AgreementContext
) -> tuple[Town, str] | None:
    """The town abroad an earlier sentence named, where this one refers back to it.

    «Литовське місто пропонує ...», "the Polish town signed ...": a country's adjective with
    a word for a town and no name after it is the town of that country named before (the
    latest). "Its mayor ... signed": the one town abroad the sentence before named. Returns
    the town and the words that referred to it.
    """
    words = view.words
    named = {town.first for town in view.towns}
    for position, country in view.countries(0, end):
        following = position + 1
        if (
            following > end
            or following + 1 in named
            or not starts(words[following], _TOWN_NOUNS)
            or (words[following - 2 : following - 1] in (["a"], ["an"]))
            or _another(words[max(0, position - 2) : position])
        ):
            continue
        for town in reversed(context.earlier_towns):
            if town.country == country:
                return town, view.sentence.written(position, following)
    if len(context.previous_towns) != 1:
        return None
    for position in range(0, min(end, len(words) - 1, cue.first)):
        if words[position] in _POSSESSIVE_PRONOUNS and starts(words[position + 1], _HEADS_OF_TOWN):
            return context.previous_towns[0], view.sentence.written(position, position + 1)
    return None


def _another(words: list[str]) -> bool:
    """Whether the words before a country's adjective make its town another one than any
    named: «ще одне польське місто», «інше німецьке місто», "another Polish city"."""
    return any(word in _ANOTHER or word.startswith("інш") for word in words)


_ANOTHER = frozenset({"ще", "another", "other", "more", "second", "further", "new", "нове"})


# «польське місто», «литовська громада», "the German town": a town named before.
_TOWN_NOUNS = (
    *("міст", "громад", "гмін", "муніципалітет"),
    *("city=", "town=", "municipality=", "community=", "commune="),
)
_POSSESSIVE_PRONOUNS = frozenset({"its", "їхній", "його"})
_HEADS_OF_TOWN = ("mayor", "мер", "president", "burgomaster", "бургомістр")


def _possessive_relation(view: SentenceView, cue: KindCue) -> bool:
    """Whether a relation word is owned by the name just before it ("Poltava's twin town")."""
    if not cue.relation or cue.first == 0:
        return False
    return view.sentence.written(cue.first - 1, cue.first - 1).endswith(("'s", "’s"))


def _foreign_owner(view: SentenceView, cue: KindCue) -> bool:
    """Whether a foreign town right before a relation word owns it ("Kent sister cities",
    "Kent's twin towns", «Вроцлавські міста-побратими» is not read here)."""
    if not cue.relation or cue.first == 0:
        return False
    before = cue.first - 1
    if any(town.last == before for town in view.towns):
        return any(town.hromada is None and town.last == before for town in view.towns)
    # "Current Kent sister cities": a town abroad the sentence does not otherwise mark.
    return (
        before > 0
        and view.sentence.is_capitalised(before)
        and not any(mention.first <= before <= mention.last for mention in view.mentions)
        and is_world_place_name(view.sentence.written(before, before))
    )


def _status_of(
    view: SentenceView, cue: KindCue, statuses: list[StatusWord], span: tuple[int, int]
) -> StatusWord | None:
    """The status word that tells of the kind word's agreement, if any."""
    start, end = span
    status = _nearest_status(
        cue, [w for w in statuses if not _past_apposition(view, cue, w)], start, end
    )
    if status is not None and _owned(view.words, cue):
        # "Lublin will stand by its partner city Lutsk", «підтримуватиме своє місто-побратима
        # Львів»: the partner one has is a tie in place; the future tells of something else.
        return None if status.cue in (StatusCue.PLANNED, StatusCue.NEGOTIATION) else status
    return status


_OWNERS = ("its=", "their=", "our=", "своє", "свого", "своїм", "своєму", "свої", "наш", "їхн")


def _owned(words: list[str], cue: KindCue) -> bool:
    """Whether a relation word is one's own, a possessive right before it ("its partner
    city", «своє місто-побратима»): a tie the owner has, not one to come."""
    return cue.relation and any(
        starts(word, _OWNERS) for word in words[max(0, cue.first - 2) : cue.first]
    )


def _named_right_after(words: list[str], cue: KindCue, town: Town) -> bool:
    """Whether `town` names the relation word's town: right after it, or after "of"
    ("Poltava's twin town of Filderstadt", "our sister city Nizhyn")."""
    return set(words[cue.last + 1 : town.first]) <= {"of", "the", "city", "town"}


def _theirs(words: list[str], first: int) -> bool:
    """Whether a third person's possessive stands just before the word at `first`."""
    return any(word in _THIRD_PERSON for word in words[max(0, first - 3) : first])


_THIRD_PERSON = frozenset(
    fold(word)
    for word in ("їхнього", "їхній", "їхнім", "їхньому", "їхнє", "їхня", "їхньої", "його", "її")
) | {"its", "their"}


def _reflexive(words: list[str], first: int) -> bool:
    """Whether a reflexive possessive («своє», «свого») stands just before the word at
    `first`: the subject's own."""
    return any(starts(word, _REFLEXIVE) for word in words[max(0, first - 3) : first])


_REFLEXIVE = ("своє", "свого", "своїм", "своєму", "свої", "свою", "своя")


def _foreign_subject(view: SentenceView, cue: KindCue) -> bool:
    """Whether the first town the sentence names before the kind word is abroad (the
    sentence's actor) and a hromada is named after it, with a third town after the kind
    word ("its sister city of Oświęcim"; not "to Lviv, its sister city")."""
    named = [town for town in view.towns if town.last < cue.first and not town.venue]
    return (
        any(town.first > cue.last for town in view.towns)
        and len(named) >= 2
        and named[0].hromada is None
        and any(town.hromada is not None for town in named[1:])
    )


def _foreign_actors(before: list[Town], after: list[Town]) -> bool:
    """Whether foreign towns act in the sentence: two or more named before the kind word
    with none after it."""
    foreign_before = [town for town in before if town.hromada is None]
    return len(foreign_before) >= 2 and not after


def _oblast_level(words: list[str]) -> bool:
    """«на рівні області», "at the oblast level", "regional level": an oblast's agreement."""
    pairs = itertools.pairwise(words)
    return any(
        (first.startswith("рівн") and second.startswith(("област", "регіон")))
        or (first in ("oblast", "regional") and second == "level")
        for first, second in pairs
    )


def _listed(view: SentenceView, towns: list[Town]) -> list[Town]:
    """The first town after the kind word and those listed with it («Лілль (Франція) та Брно»,
    «Ланьцут, Гнєзно, Курнік (Польща), Ашкелон»).

    A town after other words ("з ініціативи Лідса") is no longer in the list; what is in
    brackets (a country, a region) belongs to the town before it.
    """
    if not towns:
        return []
    covered = {
        position
        for mention in view.mentions
        for position in range(mention.first, mention.last + 1)
    }
    listed = [towns[0]]
    for town in towns[1:]:
        between = range(listed[-1].last + 1, town.first)
        gap = view.sentence.text[
            view.sentence.tokens[listed[-1].last].end : view.sentence.tokens[town.first].start
        ]
        words = _BRACKETED.sub(" ", gap).replace(",", " ").split()
        # "Kristiansand in Norway, Aalborg in Denmark": a country after "in" is the town's.
        countries = {position for position, _code in view.countries()}
        named = all(
            position in covered
            or view.words[position] in _LIST_WORDS
            or starts(view.words[position], SLOT_WORDS)
            or (view.words[position] in ("in", "у", "в") and position + 1 in countries)
            for position in between
        )
        if not named and not all(
            fold(word) in _LIST_WORDS or starts(fold(word), SLOT_WORDS) for word in words
        ):
            break
        if town.hromada is not None and listed[-1].hromada is None and gap.strip() == ",":
            # «Як і Львів, який має угоду з Вроцлавом, Кременець робить ...»: a hromada after
            # a town abroad and a bare comma opens the main clause; it is no partner listed.
            break
        listed.append(town)
    return listed


def _anaphora(words: list[str], start: int, end: int) -> list[str]:
    """«Сторони підпишуть», «Міста стануть побратимами»: the pair named before."""
    found = [word for word in words[start : end + 1] if starts(word, _BOTH_SIDES_ANYWHERE)]
    opening = words[start : start + 2]
    found += [word for word in opening if starts(word, BOTH_SIDES)]
    return found


def _referenced(words: list[str], first: int) -> bool:
    """ "Under the memorandum", «відповідно до меморандуму», «у рамках угоди»: a document
    the text already named, as what something is done under."""
    return any(word in _UNDER_WORDS for word in words[max(0, first - 3) : first])


_UNDER_WORDS = frozenset({"under", "according", "відповідно", "згідно", "рамках", "межах"})


def _past_apposition(view: SentenceView, cue: KindCue, status: StatusWord) -> bool:
    """Whether a relation stands between commas and the status word after them: "Chernihiv
    and Memmingen, twin cities since 1996, signed a memorandum", «..., які є містами-
    побратимами з 1998 року, сьогодні підписали меморандум»: the verb is the main clause's."""
    if not cue.relation or status.position <= cue.last or cue.first == 0:
        return False
    opening = view.text[view.char_position(max(0, cue.first - 3)) : view.char_position(cue.first)]
    closing = view.text[view.char_position(cue.last + 1) : view.char_position(status.position)]
    return "," in opening and "," in closing


def _nearest_status(
    cue: KindCue, statuses: list[StatusWord], start: int, end: int
) -> StatusWord | None:
    best: tuple[int, int, StatusWord] | None = None
    for status in statuses:
        if not start <= status.position <= end:
            continue
        if status.position < cue.first:
            distance = cue.first - status.position
        else:
            distance = status.position - cue.last
        # "Уже найближчим часом ... очікує ..., про які подбали міста-партнери": a plural
        # relation word names partners as they are, unless its status stands next to it.
        if distance > (_RELATION_WINDOW if cue.relation and not cue.goal else _STATUS_WINDOW):
            continue
        # A tie goes to the word before the kind word («підписали угоду»).
        rank = (distance, 0 if status.position < cue.first else 1, status)
        if best is None or rank[:2] < best[:2]:
            best = rank
    return None if best is None else best[2]


def _side(
    sides: list[Side],
    towns: list[Town],
    cue: KindCue,
    span: tuple[int, int],
    context: AgreementContext,
    words: list[str],
) -> Side | None:
    """The hromada acting in a frame: the one named nearest to the kind word.

    A hromada listed among the partners after the first foreign one («з 14 містами:
    Ромійї-сюр-Сен (Франція), ..., та 3 українськими містами – Хмільник») is a partner, not
    the side, unless named by its council («..., схвалили депутати Коломийської міської
    ради»); with no other hromada named, the side is the document's own.
    """
    foreign_after = [
        town.first for town in towns if town.first > cue.last and town.hromada is None
    ]
    list_start = foreign_after[0] if foreign_after else None
    candidates = [
        side
        for side in sides
        if side.first is None
        or list_start is None
        or side.first < list_start
        or starts(" ".join(words[side.first + 1 : side.first + 3]), _COUNCIL_AFTER_NAME)
    ]
    if not candidates:
        return context.document_side

    def distance(side: Side) -> tuple[int, int]:
        position = side.first if side.first is not None else cue.first
        inside = 0 if span[0] <= position <= span[1] else 1
        return inside, cue.first - position if position < cue.first else position - cue.last

    return min(candidates, key=distance)


# «Коломийської міської ради», "Lutsk City Council": a hromada named by its council.
_COUNCIL_AFTER_NAME = ("міської ради", "селищної ради", "сільської ради", "city council")


def _dates(
    view: SentenceView,
    cue: KindCue,
    status: StatusWord | None,
    span: tuple[int, int],
    dates: list[DateMention],
    context: AgreementContext,
    status_cue: StatusCue,
) -> tuple[PartialDate | None, PartialDate | None, str]:
    start_char = view.char_position(span[0])
    end_char = view.char_position(span[1] + 1)
    first_cue_char = view.char_position(cue.first)
    future = status_cue is StatusCue.PLANNED
    inside = [date for date in dates if start_char <= date.start < end_char]
    events = [date for date in inside if date.role is DateRole.EVENT]
    until = next((date for date in inside if date.role is DateRole.UNTIL), None)
    if not events and span[0] > 0:
        # A date opening the sentence («Протягом 2023 року ... підписав ..., продовжено ...»).
        events = [
            date
            for date in dates
            if date.role is DateRole.EVENT and date.start < view.char_position(0) + 1
        ]
    anchor = view.char_position(status.position) if status is not None else first_cue_char
    until_date = (
        None if until is None else until.resolve(context.context_year, context.reference, True)
    )
    if len(events) > 1 and not cue.relation:
        # "twin cities since 1996, signed a memorandum ... on April 15, 2024": the year a
        # tie began is not a document's signing.
        events = [date for date in events if not _since_before(view.text, date)] or events
    if events:
        chosen = min(events, key=lambda date: abs(date.start - anchor))
        resolved = chosen.resolve(context.context_year, context.reference, future)
        return resolved, until_date, chosen.text
    if status_cue in _EVENTS and status is not None and context.context_year is not None:
        # Signed with no date in the sentence: the year the text is speaking of, never the
        # document's own date (a letter of 2024 may report what was signed years before).
        return PartialDate(context.context_year), until_date, ""
    return None, until_date, "" if until is None else until.text


def _since_before(text: str, date: DateMention) -> bool:
    """Whether "since", «з», «від» opens the date: the start of a lasting tie."""
    before = text[: date.start].split()
    return bool(before) and before[-1].casefold() in ("since", "з", "із", "від")


def _term(text: str) -> int | None:
    """The agreement's term in years a span states ("for another five years"), or None."""
    for match in _TERM.finditer(text):
        if _NEXT_YEARS.match(match.group(0)) and not _of_an_agreement(text, match):
            # "agreed a work plan for the next three years", «на наступні два роки
            # заплановано обмін»: a plan's years, not the agreement's term.
            continue
        number = match.group(1) or match.group(2)
        if number.isdigit():
            return int(number)
        return _TERM_WORDS.get(number.casefold())
    return None


def _of_an_agreement(text: str, match: re.Match[str]) -> bool:
    """Whether the clause holding `match` speaks of the agreement itself: signing, extending
    or naming it."""
    before = _CLAUSE_BREAK.split(text[: match.start()])[-1]
    after = _CLAUSE_BREAK.split(text[match.end() :])[0]
    return _AGREEMENT_WORD.search(f"{before} {after}") is not None


def _areas(words: list[str]) -> tuple[CooperationArea, ...]:
    found: list[CooperationArea] = []
    joined = " ".join(words)
    for stem, area in AREA_STEMS:
        hit = f" {stem}" in f" {joined}" if " " in stem else any(w.startswith(stem) for w in words)
        if hit and area not in found:
            found.append(area)
    return tuple(found)
