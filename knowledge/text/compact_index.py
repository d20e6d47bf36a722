"""A read-only map from text keys to row numbers, held in a few flat arrays.

Large reference tables (GeoNames' towns, the codifier's villages) are looked up by some
hundred thousand name keys. As a `dict` of `str` keys to lists those took tens of megabytes
of every serving process; here the keys are one UTF-8 block, the row numbers one array, and
an open-addressing table of the keys' positions, placed by the text's hash, finds a key in
one or two comparisons.
"""

from __future__ import annotations

from array import array
from collections.abc import Hashable, Iterable, Iterator, Mapping
from typing import TypeVar, overload

_Value = TypeVar("_Value", bound=Hashable)
_Default = TypeVar("_Default")

# The table has at least this many slots per key: few enough keys share a run of slots that
# a lookup, hit or miss, compares about two keys.
_SLOTS_PER_KEY = 1.5


class CompactIndex:
    """Keys (any text) → the numbers given with them, in the order given; read-only.

    Built from (key, number) pairs, numbers below 2**32, by `CompactIndexBuilder` or from
    the pairs at once. A lookup costs the text's hash, its UTF-8 encoding and a comparison
    with a key of the same hash; about 20 bytes a key besides the keys' text.
    """

    __slots__ = (
        "_block",
        "_hashes",
        "_mask",
        "_posting_starts",
        "_postings",
        "_slots",
        "_starts",
    )

    def __init__(self, pairs: Iterable[tuple[str, int]] = ()) -> None:
        builder = CompactIndexBuilder()
        for key, number in pairs:
            builder.add(key, number)
        builder.fill(self)

    def _fill(self, first: dict[bytes, int], more: dict[bytes, list[int]]) -> None:
        size = 1 << max(4, int(len(first) * _SLOTS_PER_KEY)).bit_length()
        self._mask = size - 1
        # Slot → the key's position + 1, 0 for an empty slot.
        slots = array("I", bytes(4 * size))
        # Each slot's key's hash, cut to 32 bits: a key of another hash in the same run of
        # slots is passed over without encoding the text asked for or comparing bytes.
        hashes = array("I", bytes(4 * size))
        block = bytearray()
        self._starts = array("I", [0])
        self._posting_starts = array("I", [0])
        self._postings = array("I")
        for position, key in enumerate(first):
            block += key
            self._starts.append(len(block))
            self._postings.append(first[key])
            self._postings.extend(more.get(key, ()))
            self._posting_starts.append(len(self._postings))
            # Placed by the text's own hash, as `get` is asked.
            key_hash = hash(key.decode("utf-8"))
            slot = key_hash & self._mask
            while slots[slot]:
                slot = (slot + 1) & self._mask
            slots[slot] = position + 1
            hashes[slot] = key_hash & 0xFFFFFFFF
        self._slots = slots
        self._hashes = hashes
        self._block = bytes(block)

    def __len__(self) -> int:
        return len(self._starts) - 1

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and bool(self.get(key))

    def __iter__(self) -> Iterator[str]:
        """The keys, in the order first given."""
        block, starts = self._block, self._starts
        for position in range(len(starts) - 1):
            yield block[starts[position] : starts[position + 1]].decode("utf-8")

    def get(self, key: str) -> array[int]:
        """The numbers given with `key`, in the order given; an empty array if none."""
        slots, hashes, mask = self._slots, self._hashes, self._mask
        key_hash = hash(key)
        short_hash = key_hash & 0xFFFFFFFF
        slot = key_hash & mask
        taken = slots[slot]
        wanted = None
        while taken:
            if hashes[slot] == short_hash:
                if wanted is None:
                    wanted = key.encode("utf-8")
                starts = self._starts
                if self._block[starts[taken - 1] : starts[taken]] == wanted:
                    return self._postings[
                        self._posting_starts[taken - 1] : self._posting_starts[taken]
                    ]
            slot = (slot + 1) & mask
            taken = slots[slot]
        return array("I")


class CompactIndexBuilder:
    """Collects (key, number) pairs one at a time; `build` makes the index of them.

    Keys are held as their UTF-8 bytes and most keys have one number: a hundred thousand
    keys took the builder some 25 MB as text keys with an array each, and the memory the
    process took at its peak stayed taken after the build.
    """

    def __init__(self) -> None:
        self._first: dict[bytes, int] = {}
        self._more: dict[bytes, list[int]] = {}

    def __contains__(self, key: str) -> bool:
        return key.encode("utf-8") in self._first

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


class CompactMapping(Mapping[str, _Value]):
    """A read-only `Mapping` of text keys to values most of which many keys share (every
    inflected form of a name → the set of places it names).

    Each distinct value is kept once and the keys in a `CompactIndex` of the value's number:
    fifty thousand name keys take some 2 MB, where a `dict` with a `str` for each key took 7.
    A lookup costs what `CompactIndex.get` does (about a microsecond), a `dict`'s a tenth.
    """

    __slots__ = ("_index", "_values")

    def __init__(self, items: Iterable[tuple[str, _Value]] = ()) -> None:
        numbers: dict[_Value, int] = {}
        builder = CompactIndexBuilder()
        for key, value in items:
            if key not in builder:
                builder.add(key, numbers.setdefault(value, len(numbers)))
        self._values = tuple(numbers)
        self._index = builder.build()

    def __getitem__(self, key: str) -> _Value:
        found = self._index.get(key) if isinstance(key, str) else None
        if not found:
            raise KeyError(key)
        return self._values[found[0]]

    @overload
    def get(self, key: str, /) -> _Value | None: ...
    @overload
    def get(self, key: str, /, default: _Value | _Default) -> _Value | _Default: ...
    def get(self, key: str, /, default: object = None) -> object:
        """The value of `key`, or `default` (None) when the key is not held."""
        found = self._index.get(key)
        return self._values[found[0]] if found else default

    def __contains__(self, key: object) -> bool:
        return key in self._index

    def __iter__(self) -> Iterator[str]:
        return iter(self._index)

    def __len__(self) -> int:
        return len(self._index)
