"""Typo-tolerant lookup of a word in a large vocabulary of folded names."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

# Shorter words are too close to one another ("бар", "бор", "мир") to guess which one was
# meant, so they are only ever matched exactly.
MIN_LENGTH = 4
# Longer names leave room for a second slip.
LONG_WORD_LENGTH = 7


_NO_LABELS: dict[str, list[str]] = {}


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
    """

    __slots__ = ("_buckets", "_keys")

    def __init__(self, keys: Iterable[str]) -> None:
        self._keys = frozenset(keys)
        # Buckets by (length, kind), then by label: a few dozen small keys rather than a tuple
        # per label, which took a tenth of a national engine's memory.
        buckets: defaultdict[tuple[int, int], defaultdict[str, list[str]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for key in sorted(self._keys):
            if len(key) >= MIN_LENGTH:
                for kind, label in enumerate(_labels(key, len(key))):
                    buckets[len(key), kind][label].append(key)
        self._buckets = {size: dict(labels) for size, labels in buckets.items()}

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._keys

    def closest(self, word: str) -> str | None:
        """The key the folded word is a typo of, or None if there is none or no single best."""
        best_keys = self.nearest(word)
        # Two keys equally close to the word: guessing between them would mislead the reader.
        return next(iter(best_keys)) if len(best_keys) == 1 else None

    def nearest(self, word: str) -> frozenset[str]:
        """Every key at the smallest allowed distance from the folded word (often one)."""
        if word in self._keys:
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
                bucket = self._buckets.get((key_length, kind), _NO_LABELS).get(label, ())
                for key, distance, _ in process.extract(
                    word, bucket, scorer=OSA.distance, score_cutoff=cutoff, limit=None
                ):
                    if distance < best_distance:
                        best_distance, best_keys = distance, {key}
                        cutoff = distance
                    elif distance == best_distance:
                        best_keys.add(key)
        return frozenset(best_keys)
