"""The compact index of the reference tables finds every key's rows, in the order given."""

from __future__ import annotations

from knowledge.text.compact_index import CompactIndex, CompactIndexBuilder, CompactMapping


def test_each_key_gives_its_numbers_in_the_order_given() -> None:
    builder = CompactIndexBuilder()
    for key, number in [("харків", 3), ("kharkiv", 3), ("харків", 1), ("ізюм", 7), ("харків", 2)]:
        builder.add(key, number)

    index = builder.build()

    assert list(index.get("харків")) == [3, 1, 2]
    assert list(index.get("kharkiv")) == [3]
    assert list(index.get("ізюм")) == [7]
    assert len(index) == 3


def test_a_key_not_given_finds_nothing() -> None:
    index = CompactIndex([("львів", 0), ("лviv", 1), ("ль", 2)])

    assert list(index.get("льві")) == []
    assert list(index.get("львівщина")) == []
    assert "львів" in index
    assert "lviv" not in index


def test_many_keys_of_mixed_scripts_are_all_found() -> None:
    pairs = [(f"{prefix}{number}", number) for number in range(3000) for prefix in ("a", "я", "ї")]

    index = CompactIndex(pairs)

    assert all(list(index.get(key)) == [number] for key, number in pairs)
    assert list(index.get("я3000")) == []


def test_a_compact_mapping_gives_each_key_its_value_and_shares_equal_values() -> None:
    kharkiv, lviv = frozenset({"UA63"}), frozenset({"UA46"})
    pairs = [("харків", kharkiv), ("харкова", frozenset({"UA63"})), ("львів", lviv)]

    mapping = CompactMapping(pairs)

    assert dict(mapping.items()) == dict(pairs)
    assert mapping["харкова"] is mapping["харків"]
    assert mapping.get("одеса") is None
    assert mapping.get("одеса", frozenset()) == frozenset()
    assert "львів" in mapping
    assert "льві" not in mapping
    assert len(mapping) == 3
