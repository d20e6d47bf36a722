"""Follow-ups about the event just answered: «а коли?», «а де?», «а хто їздив?», "where?"
after a conference, a visit or a count of meetings.

The previous answer's events travel in the conversation (`Context.events`); a bare follow-up
asking when, where or who is about them, not about the hromada's partners as a whole. The
answer gives that side of each event as its record has it, or says the record does not.
"""

from __future__ import annotations

from collections.abc import Sequence

from knowledge.facts.records import Activity
from knowledge.facts.snapshot import Snapshot
from knowledge.qa.answer import Context
from knowledge.qa.coverage import Written
from knowledge.qa.cues import Cue
from knowledge.qa.meaning import EventDetail
from knowledge.qa.understanding import Reading
from knowledge.render.lang import Language
from knowledge.render.phrases import BULLET, hromada_label, place_label
from knowledge.text.normalize import fold

# The cue words a bare follow-up about an event may hold besides its question word.
# (Cue.WHO holds «які», "which" too: who is asked by its own words.) «хто підписав?» is
# about an agreement, not an event: it is left to the agreement's signatories.
_BARE = frozenset({Cue.FOLLOW_UP, Cue.YES_NO, Cue.PRONOUN, Cue.WHO})
_ASKS: dict[Cue, EventDetail] = {
    Cue.WHEN: EventDetail.WHEN,
    Cue.WHERE: EventDetail.WHERE,
    Cue.PERSON: EventDetail.WHO,
}
# «а де?», «где?», "where?": no cue of their own, since «де» alone is too common a word.
_WHERE_WORDS = frozenset(fold(word) for word in ("де", "где", "where", "куди", "куда"))
_WHO_WORDS = frozenset(fold(word) for word in ("хто", "кто", "who", "ким", "кем", "whom"))


def asked_detail(reading: Reading) -> EventDetail | None:
    """The side of an event a bare follow-up asks: when, where or who; None for a question
    that names anything or asks anything else (partners, aid, sources)."""
    if reading.mentions:
        return None
    words = {fold(token.text) for token in reading.tokens}
    asked = {_ASKS[cue] for cue in reading.cues if cue in _ASKS}
    if words & _WHERE_WORDS:
        asked.add(EventDetail.WHERE)
    if words & _WHO_WORDS:
        asked.add(EventDetail.WHO)
    others = reading.cues - _BARE - set(_ASKS)
    if others or len(asked) != 1:
        return None
    return asked.pop()


def asks_where(reading: Reading) -> bool:
    """Whether the question asks where: «де», «где», "where" or a phrase of Cue.WHERE."""
    words = {fold(token.text) for token in reading.tokens}
    return Cue.WHERE in reading.cues or bool(words & _WHERE_WORDS)


def events_in_focus(context: Context | None, snapshot: Snapshot) -> tuple[str, ...]:
    """The keys of the events the previous answer was about that the snapshot still holds."""
    if context is None:
        return ()
    held = {a.key for group in snapshot.activities_by_hromada.values() for a in group}
    return tuple(key for key in context.events if key in held)


def event_detail(
    lang: Language, snapshot: Snapshot, keys: Sequence[str], detail: EventDetail
) -> Written:
    """When, where or who of each event of `keys` (activity keys of the snapshot), as its
    record has it: the dates, the place with its country, or the record's own account (which
    names the people); a record silent on the side asked says so. Raises KeyError for a key
    the snapshot does not hold."""
    by_key: dict[str, Activity] = {
        activity.key: activity
        for activities in snapshot.activities_by_hromada.values()
        for activity in activities
    }
    _ = lang.gettext
    lines: list[str] = []
    sources: list[str] = []
    for key in keys:
        activity = by_key[key]
        hromada = hromada_label(lang, snapshot.hromadas[activity.hromada])
        place = snapshot.places.get(activity.place or "")
        if detail is EventDetail.WHEN:
            if activity.started_on is None:
                said = _("the records do not give the date of this event.")
            else:
                said = lang.date_range(activity.started_on, activity.ended_on)
        elif detail is EventDetail.WHERE:
            if place is None:
                said = _("the records do not say where this event took place.")
            else:
                said = place_label(lang, place)
        else:
            said = lang.text(activity.summary)
        lines.append(f"{BULLET}{hromada}: {said}")
        if detail is not EventDetail.WHO:
            lines.append(f"  {lang.text(activity.summary)}")
        sources.extend(c.source for c in activity.sources if c.source not in sources)
    return Written(lines, sources)
