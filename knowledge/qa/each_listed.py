"""A follow-up about one agreement asked after a list of several: «а коли підписали?» after
«Які громади мають меморандуми?» is answered for each agreement listed, never for one picked
silently."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from knowledge.facts.snapshot import Snapshot
from knowledge.qa.answer import Answer, Context
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Meaning

# The questions one agreement answers, so that each agreement of a list answers in turn.
ANSWERED_PER_AGREEMENT = frozenset(
    {Intent.SIGNED, Intent.EXPIRY, Intent.SIGNATORIES, Intent.AREAS, Intent.PLACE}
)
# A longer list is not answered line by line: the question then asks which hromada is meant.
MAX_LISTED = 8


def _follow_up_on_list(meaning: Meaning, context: Context | None) -> tuple[str, ...]:
    """The agreements the previous answer listed, when `meaning` asks about "the agreement"
    without naming a hromada (it asks which hromada, keeping what it asked in `pending`) and
    names no place of its own (a country carried from the list's question is not its own)."""
    if context is None or meaning.intent is not Intent.NEED_HROMADA:
        return ()
    if meaning.pending not in ANSWERED_PER_AGREEMENT or context.entities.hromada is not None:
        return ()
    own = meaning.entities
    before = context.entities
    if (
        own.place not in (None, before.place)
        or own.country not in (None, before.country)
        or own.region not in (None, before.region)
    ):
        return ()
    return context.listed_agreements


def listed_to_answer(meaning: Meaning, context: Context | None) -> tuple[str, ...]:
    """The keys of the agreements the previous answer listed that a follow-up asking about
    "the agreement" without naming a hromada is answered for: two to `MAX_LISTED` of them,
    else none."""
    listed = _follow_up_on_list(meaning, context)
    return listed if 1 < len(listed) <= MAX_LISTED else ()


def hromadas_to_choose(
    meaning: Meaning, context: Context | None, snapshot: Snapshot
) -> tuple[str, ...]:
    """The hromadas (KATOTTG codes, in the list's order, at most `MAX_LISTED`) to offer as
    buttons when such a follow-up comes after a list too long to answer line by line; empty
    otherwise."""
    listed = _follow_up_on_list(meaning, context)
    if len(listed) <= MAX_LISTED:
        return ()
    hromadas = dict.fromkeys(
        snapshot.agreements[key].hromada for key in listed if key in snapshot.agreements
    )
    return tuple(code for code in hromadas if code in snapshot.hromadas)[:MAX_LISTED]


def for_each_listed(
    meaning: Meaning,
    snapshot: Snapshot,
    answer_one: Callable[[Meaning], Answer],
    join: Callable[[list[Answer]], Answer],
) -> Answer:
    """The answer to the question for each agreement of `meaning.each` (keys, in the list's
    order), joined by `join`; the conversation keeps the whole list, so the next follow-up is
    again about all of them."""
    answers = []
    for key in meaning.each:
        agreement = snapshot.agreements[key]
        entities = meaning.entities.but(
            hromada=agreement.hromada, place=agreement.place, agreement=key
        )
        answers.append(answer_one(replace(meaning, entities=entities, each=())))
    joined = join(answers)
    return replace(
        joined,
        entities=meaning.entities,
        context=replace(joined.context, entities=meaning.entities, listed_agreements=meaning.each),
    )
