"""Follow-ups that keep the side of an aid answer: «а Мена?», "and to Kharkiv?" after "from
which countries?" or «скільки автомобілів отримала мена?» ask the same of another hromada."""

from __future__ import annotations

import dataclasses

from knowledge.facts.vocabulary import AidCategory
from knowledge.qa.answer import Context
from knowledge.qa.cues import Cue
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Aspect, Meaning, Narrow
from knowledge.qa.understanding import Reading

# The sides of an aid answer a follow-up naming only another hromada («а Мена?») keeps.
_KEPT_SIDES = frozenset({Aspect.DONORS, Aspect.QUANTITY, Aspect.MONEY})
_FOLLOW_UP_CUES = frozenset({Cue.FOLLOW_UP, Cue.YES_NO})


def aid_side(meaning: Meaning) -> tuple[str, ...]:
    """The side of the aid an aid answer was about, as `Context.aid_side` keeps it: the
    aspect's value, then the values of the kinds of aid it counted; empty for a whole record."""
    narrow = meaning.narrow
    if meaning.intent is not Intent.AID or narrow is None or narrow.aspect not in _KEPT_SIDES:
        return ()
    return (narrow.aspect.value, *sorted(category.value for category in narrow.categories))


def side_kept(reading: Reading, meaning: Meaning, context: Context | None) -> Meaning:
    """«а Мена?», "and to Kharkiv?" after "from which countries?" or «скільки автомобілів?»:
    the same side of the aid, of the hromada the follow-up names, and no yes or no; any other
    meaning as it is."""
    if context is None or not context.aid_side or context.intent is not Intent.AID:
        return meaning
    if meaning.intent is not Intent.AID or meaning.narrow is not None:
        return meaning
    if not reading.is_follow_up or reading.cues - _FOLLOW_UP_CUES:
        return meaning
    hromada = meaning.entities.hromada
    if hromada is None or hromada == context.entities.hromada:
        # «а з Польщі?» narrows the same hromada's aid by its sender: its own question.
        return meaning
    aspect, *categories = context.aid_side
    try:
        narrow = Narrow(Aspect(aspect), frozenset(AidCategory(value) for value in categories))
    except ValueError:
        return meaning
    return dataclasses.replace(meaning, narrow=narrow, yes_no=False)
