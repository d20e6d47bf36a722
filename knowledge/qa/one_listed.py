"""«з якою громадою?», «с какой страной?», "which country?" after an answer that listed one
agreement: the hromada or the partner's country of that agreement, not a request to name one."""

from __future__ import annotations

from itertools import pairwise

from knowledge.facts.snapshot import Snapshot
from knowledge.qa.answer import Context
from knowledge.qa.cues import Cue
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Entities
from knowledge.qa.understanding import Reading
from knowledge.text.normalize import fold

_WHICH = tuple(fold(word) for word in ("як", "кот", "как", "which", "what"))
_COUNTRY = tuple(fold(word) for word in ("країн", "стран", "countr"))
_HROMADA = tuple(
    fold(word) for word in ("громад", "міст", "город", "communit", "hromad", "town", "cit")
)
# A short follow-up only («з якою громадою?», "which country?"): «Які громади мають
# партнерів?» is a question of its own.
_LONGEST = 4
_ALLOWED_CUES = frozenset(
    {
        Cue.WHO,
        Cue.FOLLOW_UP,
        Cue.COMMUNITIES,
        Cue.CITIES,
        Cue.COUNTRIES,
        Cue.WHERE,
        Cue.PRONOUN,
        Cue.YES_NO,
    }
)


def _asks_which(reading: Reading, nouns: tuple[str, ...]) -> bool:
    """Whether a "which" word is followed by one of the nouns («з якою громадою»)."""
    words = [fold(token.text) for token in reading.tokens]
    return any(
        first.startswith(_WHICH) and second.startswith(nouns) for first, second in pairwise(words)
    )


def one_listed_asked(
    reading: Reading, context: Context | None, snapshot: Snapshot
) -> tuple[Intent, Entities] | None:
    """What "which country?" or "with which hromada?" asks of the one agreement the previous
    answer listed (its key in `context.listed_agreements`): where the partner lies (PLACE) or
    the pair (RELATION), with the pair's entities; None for any other question or when the
    answer listed more or none. The resolution stage makes it the question's meaning."""
    if context is None or reading.mentions or len(context.listed_agreements) != 1:
        return None
    if len(reading.tokens) > _LONGEST or reading.cues - _ALLOWED_CUES:
        return None
    agreement = snapshot.agreements.get(context.listed_agreements[0])
    if agreement is None:
        return None
    pair = Entities(hromada=agreement.hromada, place=agreement.place)
    if _asks_which(reading, _COUNTRY):
        return Intent.PLACE, pair
    if _asks_which(reading, _HROMADA):
        return Intent.RELATION, pair
    return None
