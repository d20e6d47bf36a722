"""People the sources name as an agreement's signatories, found by their names in a question.

The knowledge model keeps who signed an agreement in its notes («Підписали Харківський
міський голова Ігор Терехов і мер Альбукерке Тімоті Келлер…», "Signed by … Timothy Keller"),
so «хто такий тімоті келлер» and "who is Timothy Keller?" are answered from those notes.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Mapping, Sequence

from knowledge.facts.records import Agreement, Text
from knowledge.facts.snapshot import Snapshot
from knowledge.qa.cues import ENGLISH_COMMON_WORDS
from knowledge.text.normalize import Token, fold

_WORD = re.compile(r"[^\W\d_][\w’'-]*")
# The shortest surname asked alone: shorter words are too often something else.
_SHORTEST_NAME = 4
# The endings an inflected name takes after its stem: «Келлера» is «Келлер», «Терехову»
# «Терехов»; nothing else is added, so "Kelley" is not "Keller".
_ENDINGS = frozenset(
    {
        "а",
        "у",
        "ю",
        "і",
        "е",
        "и",
        "я",
        "ові",
        "еві",
        "ом",
        "ем",
        "ого",
        "ому",
        "им",
        "ої",
        "ою",
        "s",
    }
)
_VOWELS = frozenset("аеєиіїоуюяaeiouy")
# Words around a name that are no part of it: «хто такий …», "who is …".
_NOT_NAMES = ENGLISH_COMMON_WORDS | frozenset(
    {"хто", "такий", "така", "таке", "такі", "це", "є", "був", "була", "кто", "такой", "такая"}
    | {"who", "is", "was", "mr", "mrs", "ms", "пан", "пані", "мер", "mayor"}
)

# A name in the notes: the words of a run of capitalised words, folded.
Name = tuple[str, ...]
# By the snapshot's id, while the snapshot lives (a snapshot is not hashable).
_INDEXES: dict[int, Mapping[Name, tuple[str, ...]]] = {}


def _signing_notes(agreement: Agreement) -> Text | None:
    """The agreement's notes when they say who signed it (the model has no field of its own)."""
    notes = agreement.notes
    return notes if notes is not None and notes.en.startswith("Signed by") else None


def names_signing(agreement: Agreement) -> bool:
    """Whether an agreement's notes say who signed it (the model has no field of its own)."""
    return _signing_notes(agreement) is not None


def _names_in(text: str) -> list[Name]:
    """The runs of two or more capitalised words after the note's first word."""
    runs: list[Name] = []
    run: list[str] = []
    for match in [*list(_WORD.finditer(text))[1:], None]:
        if match is not None and match.group()[:1].isupper():
            run.append(fold(match.group()))
            continue
        if len(run) >= 2:
            runs.append(tuple(run))
        run = []
    return runs


def _index(snapshot: Snapshot) -> Mapping[Name, tuple[str, ...]]:
    """Each signatory's name, folded, with the keys of the agreements naming it."""
    index = _INDEXES.get(id(snapshot))
    if index is None:
        grouped: dict[Name, list[str]] = {}
        for agreement in snapshot.agreements.values():
            notes = _signing_notes(agreement)
            if notes is None:
                continue
            for text in (notes.uk, notes.en):
                for name in _names_in(text or ""):
                    grouped.setdefault(name, []).append(agreement.key)
        index = {name: tuple(dict.fromkeys(keys)) for name, keys in grouped.items()}
        _INDEXES[id(snapshot)] = index
        weakref.finalize(snapshot, _INDEXES.pop, id(snapshot), None)
    return index


def _same_name(asked: str, known: str) -> bool:
    """Whether `asked` is the whole word `known` or one of its inflected forms."""
    if asked == known:
        return True
    stems = [known] + ([known[:-1]] if known[-1:] in _VOWELS else [])
    return any(asked.startswith(stem) and asked[len(stem) :] in _ENDINGS for stem in stems)


def signed_by_person(tokens: Sequence[Token], snapshot: Snapshot, text: str) -> Agreement | None:
    """The agreement whose notes name, as a signatory, the person the question names.

    Every name-like word of the question (`text`, which `tokens` index) must belong to that
    signatory's name: capitalised words past the first, words next to a matched name word,
    and matched words themselves. One word alone must be a surname (a name's last word):
    "Who is Timothy Keller?" and «хто такий Терехов?» are answered, "Who is Helen Keller?",
    "Who was Timothy Leary?" and "Who is Kelley?" are not."""
    index = _index(snapshot)
    if not index:
        return None
    words = [None if token.is_number else fold(token.text) for token in tokens]
    matches = [
        {name for name in index if word and any(_same_name(word, part) for part in name)}
        for word in words
    ]
    if not any(matches):
        return None

    def name_like(position: int) -> bool:
        word = words[position]
        if word is None or word in _NOT_NAMES:
            return False
        token = tokens[position]
        capitalised = position > 0 and text[token.start : token.end][:1].isupper()
        near = any(matches[i] for i in (position - 1, position + 1) if 0 <= i < len(tokens))
        return bool(matches[position]) or capitalised or near

    asked = [position for position in range(len(tokens)) if name_like(position)]
    candidates = set(index)
    for position in asked:
        candidates &= matches[position]
    if len(asked) == 1:
        word = words[asked[0]] or ""
        candidates = {
            name
            for name in candidates
            if len(word) >= _SHORTEST_NAME and _same_name(word, name[-1])
        }
    if not asked or not candidates:
        return None
    name = min(candidates)
    return snapshot.agreements[index[name][0]]
