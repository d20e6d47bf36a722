"""What the kinds of agreement mean: «що таке меморандум», "difference between a memorandum
and twinning" are answered with an explanation, not with the records of that kind."""

from __future__ import annotations

import re

from knowledge.facts.messages import N_
from knowledge.facts.snapshot import Snapshot
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus
from knowledge.qa.cues import Cue
from knowledge.render.labels import AGREEMENT_KINDS_INLINE
from knowledge.render.lang import Language

# Talks are a status, not a kind of document, but a resident asks what they mean alike.
TALKS = "talks"

_KIND_CUES: dict[Cue, str] = {
    Cue.TWIN: AgreementKind.TWINNING,
    Cue.KIND_COOPERATION: AgreementKind.COOPERATION_AGREEMENT,
    Cue.KIND_MEMORANDUM: AgreementKind.MEMORANDUM,
    Cue.KIND_FRIENDSHIP: AgreementKind.FRIENDSHIP_PLEDGE,
    Cue.KIND_PROTOCOL: AgreementKind.PROTOCOL_OF_INTENT,
    Cue.IN_NEGOTIATION: TALKS,
}

# The order a comparison is explained in: from the closest tie to the loosest.
_ORDER = (
    AgreementKind.TWINNING,
    AgreementKind.COOPERATION_AGREEMENT,
    AgreementKind.MEMORANDUM,
    AgreementKind.FRIENDSHIP_PLEDGE,
    AgreementKind.PROTOCOL_OF_INTENT,
    TALKS,
)

_EXPLANATIONS: dict[str, str] = {
    AgreementKind.TWINNING: N_(
        "Twinning (twin cities): a lasting, usually open-ended bond between two communities,"
        " covering culture, education, business and people-to-people ties; the closest"
        " kind of partnership."
    ),
    AgreementKind.COOPERATION_AGREEMENT: N_(
        "Cooperation agreement: a signed document fixing concrete areas of joint work"
        " (economy, reconstruction, education and the like); it binds both sides but is"
        " narrower than twinning."
    ),
    AgreementKind.MEMORANDUM: N_(
        "Memorandum (of understanding): a declaration of shared intentions and areas of"
        " cooperation; it is usually not legally binding and is often a step towards an"
        " agreement or twinning, sometimes for a fixed term."
    ),
    AgreementKind.FRIENDSHIP_PLEDGE: N_(
        "Friendship pledge: a solemn statement of friendship and support between two"
        " communities, mostly symbolic, without detailed obligations."
    ),
    AgreementKind.PROTOCOL_OF_INTENT: N_(
        "Protocol of intent: records that both sides mean to conclude an agreement or twinning"
        " later; it is a first step, not the partnership itself."
    ),
    TALKS: N_(
        "Talks: the communities are negotiating, and nothing has been signed yet;"
        " such a town is not yet a partner."
    ),
}

_ASKS_DEFINITION = re.compile(
    r"що\s+(?:це\s+)?(?:таке|означає|значить)|чим\s+(?:\S+\s+)?(?:відрізня|отлича)"
    r"|(?:в\s+)?чому\s+різниц|різниц\w*\s+між|відмінн\w*\s+між|что\s+(?:такое|значит|означает)"
    r"|разниц\w*\s+между|\bwhat\s+(?:is|are|'s)\s+(?:a|an|the\s+difference)\b|\bwhat'?s\s+(?:a|an)\b"
    r"|difference\s+between|\bdiffer\b|\bmeaning\s+of\b|\bwhat\s+does\b.*\bmean\b|\bdefin",
    re.IGNORECASE,
)
_WHAT_IS_BARE = re.compile(r"^\s*(?:what\s+is|what's)\s+(\w+)\s*\??\s*$", re.IGNORECASE)


def defined_kinds(text: str, cues: frozenset[Cue]) -> tuple[str, ...]:
    """The kinds of agreement (and «talks») a definition question asks about, in the order
    they are explained; empty when the question does not ask what a kind means."""
    kinds = {kind for cue, kind in _KIND_CUES.items() if cue in cues}
    if not kinds:
        return ()
    if not (_ASKS_DEFINITION.search(text) or _WHAT_IS_BARE.match(text)):
        return ()
    return tuple(kind for kind in _ORDER if kind in kinds)


def write_definitions(
    lang: Language, kinds: tuple[str, ...], snapshot: Snapshot, lines: list[str]
) -> None:
    """Explain each kind in `kinds`, then say how many of each the knowledge base holds."""
    _ = lang.gettext
    for kind in kinds:
        lines.append(f"• {_(_EXPLANATIONS[kind])}")
    lines.append("")
    for kind in kinds:
        count = _held(snapshot, kind)
        if kind == TALKS:
            lines.append(
                lang.ngettext(
                    "The knowledge base holds %(count)d partnership under talks.",
                    "The knowledge base holds %(count)d partnerships under talks.",
                    count,
                )
                % {"count": count}
            )
        else:
            lines.append(
                lang.ngettext(
                    "The knowledge base holds %(count)d record of this kind: %(kind)s.",
                    "The knowledge base holds %(count)d records of this kind: %(kind)s.",
                    count,
                )
                % {"count": count, "kind": _(AGREEMENT_KINDS_INLINE[AgreementKind(kind)])}
            )


def _held(snapshot: Snapshot, kind: str) -> int:
    if kind == TALKS:
        return len(snapshot.agreements_by_status.get(AgreementStatus.IN_NEGOTIATION, ()))
    return len(snapshot.agreements_by_kind.get(AgreementKind(kind), ()))
