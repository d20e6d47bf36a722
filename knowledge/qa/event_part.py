"""Whether a hromada took part in an event: "Did Kupiansk take part in the US Conference of
Mayors?", «Чи брала Мена участь у конференції мерів США?».

The event is what the question's words find best in the records of every hromada, the
hromada's own name left out; a record of another hromada at the same place and start date is
the same event. The answer opens with a yes or a no about the hromada the question names, then
the event: its own record when it took part, the other hromadas' when only they did.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from knowledge.facts.records import Activity
from knowledge.facts.snapshot import Snapshot
from knowledge.places.gazetteer import EntityKind
from knowledge.qa.coverage import Written, activities_answer, word_roots
from knowledge.qa.understanding import Reading
from knowledge.render.lang import Language
from knowledge.text.normalize import fold

_WORD = re.compile(r"\w+")
# Events beyond these are not listed after a "no".
_SHOWN = 2


def events_asked(reading: Reading, snapshot: Snapshot, hromada: str) -> tuple[str, ...]:
    """The keys of the records of the event a question about `hromada` (a KATOTTG code)
    describes: the hromada's own first when it took part, else at most two of the others'.

    A record is scored by how many of the question's word starts its summary holds (names of
    hromadas left out, so that "Kupiansk" does not make any Kupiansk record the event); the
    best score of at least two is the event, with every record at the same place and start
    date. Empty when no record holds two of the words."""
    hromada_words = {
        index
        for mention in reading.mentions
        if any(ref.kind is EntityKind.HROMADA for ref in mention.refs)
        for index in range(mention.first, mention.last + 1)
    }
    tokens = enumerate(reading.tokens)
    roots = word_roots([fold(token.text) for index, token in tokens if index not in hromada_words])
    activities = [a for group in snapshot.activities_by_hromada.values() for a in group]
    scored = [(_hits(roots, activity), activity) for activity in activities]
    best = max((hits for hits, _ in scored), default=0)
    if best < 2:
        return ()
    found = [activity for hits, activity in scored if hits == best]
    same = {(a.place, a.started_on) for a in found if a.place is not None}
    event = [a for a in activities if a in found or (a.place, a.started_on) in same]
    own = [a.key for a in event if a.hromada == hromada]
    return tuple(own) or tuple(a.key for a in event if a.hromada != hromada)[:_SHOWN]


def _hits(roots: set[str], activity: Activity) -> int:
    """How many of the word starts the activity's summary (both languages) holds."""
    words = {fold(word) for word in _WORD.findall(f"{activity.summary.uk} {activity.summary.en}")}
    return sum(1 for root in roots if any(word.startswith(root) for word in words))


def took_part_answer(
    lang: Language, snapshot: Snapshot, hromada: str, keys: Sequence[str], words: Sequence[str]
) -> Written:
    """The yes or no of whether `hromada` (a KATOTTG code of the snapshot) took part in the
    event the question describes, and the event's records (`keys`, from `events_asked`;
    `words`: the question's word starts, as `coverage.question_roots` gives them).

    "Yes" when the records are the hromada's own; otherwise "no", followed by the other
    hromadas' records of the event. Raises KeyError for a code or key the snapshot does not
    hold."""
    by_key = {
        activity.key: activity
        for activities in snapshot.activities_by_hromada.values()
        for activity in activities
    }
    own = [key for key in keys if by_key[key].hromada == hromada]
    name = lang.hromada(snapshot.hromadas[hromada])
    if own:
        events = activities_answer(lang, snapshot, own, words)
        opening = lang.gettext("Yes, the records hold this event of {hromada}:")
        return Written([opening.format(hromada=name), *events.lines[1:]], events.sources)
    refusal = lang.gettext("No, the records hold no such event of {hromada}.").format(hromada=name)
    if not keys:
        return Written([refusal], [])
    events = activities_answer(lang, snapshot, keys, words)
    others = lang.gettext("The records hold it for other hromadas:")
    return Written([refusal, others, *events.lines[1:]], events.sources)
