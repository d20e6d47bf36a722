"""A read-only map from text keys to row numbers, held in a few flat arrays.

Large reference tables (GeoNames' towns, the codifier's villages) are looked up by some
hundred thousand name keys. As a `dict` of `str` keys to lists those took tens of megabytes
of every serving process; here the keys are one sorted UTF-8 block searched by bisection,
the row numbers one array, and a bitmap of the keys' hashes answers most misses at once.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Iterable

# Bits of the hash bitmap per key: a key not in the index gets past it about one time in 16.
_BITS_PER_KEY = 16


class _SortedKeys:
    """Item i is the i-th key's UTF-8 bytes, cut out of the block; what `bisect` searches."""

    __slots__ = ("_block", "_starts")

    def __init__(self, block: bytes, starts: array[int]) -> None:
        self._block = block
        self._starts = starts

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __getitem__(self, index: int) -> bytes:
        return self._block[self._starts[index] : self._starts[index + 1]]


class CompactIndex:
    """Keys (any text) → the numbers given with them, in the order given; read-only.

    Built from (key, number) pairs, numbers below 2**32, by `CompactIndexBuilder` or from
    the pairs at once. A lookup costs a hash for most keys that are absent and a bisection
    (some 17 byte comparisons) for the others.
    """

    __slots__ = ("_keys", "_mask", "_posting_starts", "_postings", "_seen")

    def __init__(self, pairs: Iterable[tuple[str, int]] = ()) -> None:
        builder = CompactIndexBuilder()
        for key, number in pairs:
            builder.add(key, number)
        self._fill(builder.numbers)

    def _fill(self, by_key: dict[str, array[int]]) -> None:
        size = 1 << max(10, (len(by_key) * _BITS_PER_KEY).bit_length())
        self._mask = size - 1
        seen = bytearray(size // 8)
        block = bytearray()
        starts = array("I", [0])
        self._posting_starts = array("I", [0])
        self._postings = array("I")
        # Text sorts by code point as its UTF-8 bytes sort: the block is in byte order.
        for key in sorted(by_key):
            block += key.encode("utf-8")
            starts.append(len(block))
            self._postings.extend(by_key[key])
            self._posting_starts.append(len(self._postings))
            bit = hash(key) & self._mask
            seen[bit >> 3] |= 1 << (bit & 7)
        self._seen = bytes(seen)
        self._keys = _SortedKeys(bytes(block), starts)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.get(key))

    def get(self, key: str) -> array[int]:
        """The numbers given with `key`, in the order given; an empty array if none."""
        bit = hash(key) & self._mask
        if not self._seen[bit >> 3] & (1 << (bit & 7)):
            return array("I")
        wanted = key.encode("utf-8")
        index = bisect_left(self._keys, wanted)
        if index == len(self._keys) or self._keys[index] != wanted:
            return array("I")
        return self._postings[self._posting_starts[index] : self._posting_starts[index + 1]]


class CompactIndexBuilder:
    """Collects (key, number) pairs one at a time; `build` makes the index of them."""

    def __init__(self) -> None:
        self.numbers: dict[str, array[int]] = {}

    def add(self, key: str, number: int) -> None:
        """`number` is given with `key` (after those given with it before)."""
        numbers = self.numbers.get(key)
        if numbers is None:
            self.numbers[key] = array("I", [number])
        else:
            numbers.append(number)

    def build(self) -> CompactIndex:
        """The index of the pairs added; the builder's own memory is let go."""
        index = CompactIndex()
        index._fill(self.numbers)
        self.numbers = {}
        return index
