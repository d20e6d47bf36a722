"""People the sources name as an agreement's signatories, found by their names in a question.

The knowledge model keeps who signed an agreement in its notes («Підписали Харківський
міський голова Ігор Терехов і мер Альбукерке Тімоті Келлер…», "Signed by … Timothy Keller"),
so «хто такий тімоті келлер» and "who is Timothy Keller?" are answered from those notes.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping, Sequence

from knowledge.facts.records import Agreement
from knowledge.facts.snapshot import Snapshot
from knowledge.text.normalize import Token, fold

# A person's name is two or more capitalised words in a row, after the note's first word.
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# The shortest surname or first name matched: shorter words are too often something else.
_SHORTEST_NAME = 4
# An inflected name keeps its stem: «Келлера» is «Келлер», «Терехова» is «Терехов».
_ENDING_ALLOWANCE = 2

# By the snapshot's id, while the snapshot lives (a snapshot is not hashable).
_INDEXES: dict[int, Mapping[str, tuple[str, ...]]] = {}


def names_signing(agreement: Agreement) -> bool:
    """Whether an agreement's notes say who signed it (the model has no field of its own)."""
    return agreement.notes is not None and agreement.notes.en.startswith("Signed by")


def _names_in(text: str) -> list[str]:
    words = list(_WORD.finditer(text))
    found: list[str] = []
    for index in range(1, len(words)):
        current = words[index].group()
        if not current[:1].isupper():
            continue
        neighbours = [words[i].group() for i in (index - 1, index + 1) if 0 < i < len(words)]
        if any(word[:1].isupper() for word in neighbours) and len(current) >= _SHORTEST_NAME:
            found.append(fold(current))
    return found


def _index(snapshot: Snapshot) -> Mapping[str, tuple[str, ...]]:
    """Each signatory's name word, folded, with the keys of the agreements naming it."""
    index = _INDEXES.get(id(snapshot))
    if index is None:
        grouped: dict[str, list[str]] = {}
        for agreement in snapshot.agreements.values():
            if not names_signing(agreement) or agreement.notes is None:
                continue
            for text in (agreement.notes.uk, agreement.notes.en):
                for word in _names_in(text or ""):
                    grouped.setdefault(word, []).append(agreement.key)
        index = {word: tuple(dict.fromkeys(keys)) for word, keys in grouped.items()}
        _INDEXES[id(snapshot)] = index
        weakref.finalize(snapshot, _INDEXES.pop, id(snapshot), None)
    return index


def _same_name(asked: str, known: str) -> bool:
    shorter = min(len(asked), len(known))
    if shorter < _SHORTEST_NAME or abs(len(asked) - len(known)) > _ENDING_ALLOWANCE:
        return False
    common = max(_SHORTEST_NAME, max(len(asked), len(known)) - _ENDING_ALLOWANCE)
    return asked[:common] == known[:common]


def signed_by_person(tokens: Sequence[Token], snapshot: Snapshot) -> Agreement | None:
    """The agreement whose notes name, as a signatory, a person the question names: two of its
    words (a first name and a surname), or one surname of six letters or more."""
    index = _index(snapshot)
    if not index:
        return None
    votes: dict[str, int] = {}
    for token in tokens:
        if token.is_number:
            continue
        word = fold(token.text)
        for known, keys in index.items():
            if _same_name(word, known):
                for key in keys:
                    votes[key] = votes.get(key, 0) + 1
                break
    if not votes:
        return None
    key, count = max(votes.items(), key=lambda item: item[1])
    surname_alone = count == 1 and any(
        len(fold(token.text)) >= 6 and any(_same_name(fold(token.text), k) for k in index)
        for token in tokens
    )
    if count < 2 and not surname_alone:
        return None
    return snapshot.agreements[key]
