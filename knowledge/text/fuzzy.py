"""Typo-tolerant lookup of a word in a large vocabulary of folded names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from knowledge.text.compact_index import CompactIndexBuilder

# Shorter words are too close to one another ("бар", "бор", "мир") to guess which one was
# meant, so they are only ever matched exactly.
MIN_LENGTH = 4
# Longer names leave room for a second slip.
LONG_WORD_LENGTH = 7


def allowed_distance(length: int) -> int:
    """How many typing slips a word of this length may contain and still be recognised."""
    if length < MIN_LENGTH:
        return 0
    return 1 if length < LONG_WORD_LENGTH else 2


def _affix_length(length: int) -> int:
    """How many letters at each end of a key of this length label its buckets."""
    # Long keys get longer labels, which keeps buckets small even for common endings such as
    # "-івка"; a single slip still cannot reach both ends of a word this long.
    return 3 if length >= LONG_WORD_LENGTH else 2


def _labels(word: str, key_length: int) -> tuple[str, str, str]:
    """The labels a key of ``key_length`` letters must share with ``word`` to be compared."""
    affix = _affix_length(key_length)
    ends = affix - 1
    return word[:affix], word[-affix:], word[:ends] + word[-ends:]


class FuzzyVocabulary:
    """Finds the one vocabulary key a misspelt word most likely stands for.

    Distance is optimal string alignment: Levenshtein edits plus the swap of two neighbouring
    letters, the commonest slip on a phone keyboard ("харкві"), counted as one edit.

    Comparing a word with the whole vocabulary would take milliseconds, so keys are bucketed by
    length together with a label: their first letters, their last letters, or their first and
    last letters together. A single slip always leaves one label intact, so every key one slip
    away is found; a key two slips away is missed only when the slips fall near both ends.

    The buckets are kept as one text, a line a key, and a compact index of where each
    bucket lies in it: some 4 MB for forty thousand names, where sets and lists of `str`
    took 9.
    """

    __slots__ = ("_count", "_spans", "_text")

    def __init__(self, keys: Iterable[str]) -> None:
        # Built as lists of keys, then kept as one text of every bucket, a line a key, and a
        # compact index of where each bucket starts and ends in it.
        buckets: defaultdict[str, list[str]] = defaultdict(list)
        self._count = 0
        for key in sorted(set(keys)):
            if not key or "\n" in key:
                continue
            self._count += 1
            labels = _labels(key, len(key))
            # A short key is only ever found as written: its first label holds it for that.
            for kind in range(len(labels) if len(key) >= MIN_LENGTH else 1):
                buckets[_bucket_name(len(key), kind, labels[kind])].append(key)
        spans = CompactIndexBuilder()
        texts: list[str] = []
        offset = 0
        for name, members in buckets.items():
            text = "\n".join(members)
            spans.add(name, offset)
            spans.add(name, offset + len(text))
            texts.append(text)
            offset += len(text) + 1
        self._text = "\n".join(texts)
        self._spans = spans.build()

    def _bucket(self, key_length: int, kind: int, label: str) -> list[str]:
        """The keys of `key_length` letters whose label of this kind is `label`."""
        span = self._spans.get(_bucket_name(key_length, kind, label))
        if not span:
            return []
        return self._text[span[0] : span[1]].split("\n")

    def __len__(self) -> int:
        return self._count

    def __contains__(self, key: object) -> bool:
        if not isinstance(key, str) or not key:
            return False
        return key in self._bucket(len(key), 0, _labels(key, len(key))[0])

    def closest(self, word: str) -> str | None:
        """The key the folded word is a typo of, or None if there is none or no single best."""
        best_keys = self.nearest(word)
        # Two keys equally close to the word: guessing between them would mislead the reader.
        return next(iter(best_keys)) if len(best_keys) == 1 else None

    def nearest(self, word: str) -> frozenset[str]:
        """Every key at the smallest allowed distance from the folded word (often one)."""
        if word in self:
            return frozenset({word})
        length = len(word)
        allowed = allowed_distance(length)
        if not allowed:
            return frozenset()
        best_distance = allowed + 1
        best_keys: set[str] = set()
        for key_length in range(max(MIN_LENGTH, length - allowed), length + allowed + 1):
            # The shorter of the two words sets the tolerance, so a six-letter key is reached
            # with one slip only, however long the misspelt word is.
            cutoff = min(allowed, allowed_distance(key_length), best_distance)
            if abs(key_length - length) > cutoff:
                continue
            for kind, label in enumerate(_labels(word, key_length)):
                bucket = self._bucket(key_length, kind, label)
                for key, distance, _ in process.extract(
                    word, bucket, scorer=OSA.distance, score_cutoff=cutoff, limit=None
                ):
                    if distance < best_distance:
                        best_distance, best_keys = distance, {key}
                        cutoff = distance
                    elif distance == best_distance:
                        best_keys.add(key)
        return frozenset(best_keys)


def _bucket_name(key_length: int, kind: int, label: str) -> str:
    """The one text naming a bucket: keys hold no space, so the parts cannot run together."""
    return f"{key_length} {kind} {label}"
