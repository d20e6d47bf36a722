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
        builder.fill(self)

    def _fill(self, first: dict[bytes, int], more: dict[bytes, list[int]]) -> None:
        size = 1 << max(10, (len(first) * _BITS_PER_KEY).bit_length())
        self._mask = size - 1
        seen = bytearray(size // 8)
        block = bytearray()
        starts = array("I", [0])
        self._posting_starts = array("I", [0])
        self._postings = array("I")
        # Text sorts by code point as its UTF-8 bytes sort: the block is in byte order.
        for key in sorted(first):
            block += key
            starts.append(len(block))
            self._postings.append(first[key])
            self._postings.extend(more.get(key, ()))
            self._posting_starts.append(len(self._postings))
            # Looked up by the text's own hash, as `get` is asked.
            bit = hash(key.decode("utf-8")) & self._mask
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
    """Collects (key, number) pairs one at a time; `build` makes the index of them.

    Keys are held as their UTF-8 bytes and most keys have one number: a hundred thousand
    keys took the builder some 25 MB as text keys with an array each, and the memory the
    process took at its peak stayed taken after the build.
    """

    def __init__(self) -> None:
        self._first: dict[bytes, int] = {}
        self._more: dict[bytes, list[int]] = {}

    def add(self, key: str, number: int) -> None:
        """`number` is given with `key` (after those given with it before)."""
        encoded = key.encode("utf-8")
        if encoded not in self._first:
            self._first[encoded] = number
        else:
            self._more.setdefault(encoded, []).append(number)

    def fill(self, index: CompactIndex) -> None:
        """Fill `index` with the pairs added, and let the builder's own memory go."""
        index._fill(self._first, self._more)
        self._first, self._more = {}, {}

    def build(self) -> CompactIndex:
        """The index of the pairs added; the builder's own memory is let go."""
        index = CompactIndex()
        self.fill(index)
        return index
