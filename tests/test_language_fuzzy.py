"""Misspelt names are recognised when the intended one is clear, and only then."""

from __future__ import annotations

import random
import time

import pytest
from rapidfuzz.distance import OSA

from knowledge.text.fuzzy import FuzzyVocabulary, allowed_distance

_LETTERS = "абвгдежзиіїйклмнопрстуфхцчшщюя"


@pytest.mark.parametrize(
    ("vocabulary", "word", "expected"),
    [
        ({"харків", "київ"}, "харкв", "харків"),
        ({"харків", "київ"}, "харкві", "харків"),  # two letters swapped
        ({"cincinnati", "cincinnatus"}, "cincinati", "cincinnati"),
        ({"кошице", "кошиці"}, "кошіце", "кошице"),
        ({"zaporizhzhia"}, "zaporizhia", "zaporizhzhia"),  # two slips in a long name
        ({"kyiv"}, "lviv", None),  # two slips in a short word are too many
        ({"лідс"}, "лідсом", None),
        ({"мена", "міна"}, "мона", None),  # equally close: ambiguous
        ({"бар"}, "бор", None),  # too short to guess
        ({"рим"}, "рим", "рим"),
        ({"харків"}, "одеса", None),
    ],
)
def test_closest_finds_the_one_intended_name(
    vocabulary: set[str], word: str, expected: str | None
) -> None:
    actual = FuzzyVocabulary(vocabulary).closest(word)
    assert actual == expected


def _random_words(generator: random.Random, count: int) -> list[str]:
    return ["".join(generator.choices(_LETTERS, k=generator.randint(4, 14))) for _ in range(count)]


def _slip(generator: random.Random, word: str) -> str:
    """The word with one typing slip: a wrong, missing, extra or swapped letter."""
    position = generator.randrange(len(word) - 1)
    letter = generator.choice(_LETTERS)
    return generator.choice(
        [
            word[:position] + letter + word[position + 1 :],
            word[:position] + word[position + 1 :],
            word[:position] + letter + word[position:],
            word[:position] + word[position + 1] + word[position] + word[position + 2 :],
        ]
    )


def _closest_by_brute_force(vocabulary: list[str], word: str) -> str | None:
    distances = {
        key: OSA.distance(word, key)
        for key in vocabulary
        if OSA.distance(word, key) <= min(allowed_distance(len(word)), allowed_distance(len(key)))
    }
    if not distances:
        return None
    best = min(distances.values())
    winners = [key for key, distance in distances.items() if distance == best]
    return winners[0] if len(winners) == 1 else None


def test_every_single_slip_is_found_as_a_full_scan_would() -> None:
    generator = random.Random(20240501)  # noqa: S311 - seeded so every run tests the same words
    vocabulary = _random_words(generator, 3000)
    # Close neighbours make ties and near misses likely.
    vocabulary += [_slip(generator, word) for word in vocabulary[:300]]
    fuzzy = FuzzyVocabulary(vocabulary)
    misspelt = [_slip(generator, word) for word in generator.sample(vocabulary, 400)]

    actual = [fuzzy.closest(word) for word in misspelt]

    expected = [_closest_by_brute_force(vocabulary, word) for word in misspelt]
    assert actual == expected


def test_lookup_in_a_large_vocabulary_is_fast() -> None:
    generator = random.Random(7)  # noqa: S311 - seeded so every run tests the same words
    vocabulary = _random_words(generator, 50_000)
    fuzzy = FuzzyVocabulary(vocabulary)
    misspelt = [_slip(generator, word) for word in generator.sample(vocabulary, 300)]

    started = time.perf_counter()
    for word in misspelt:
        fuzzy.closest(word)
    actual = (time.perf_counter() - started) / len(misspelt)

    # A scan of the whole vocabulary takes several milliseconds; a question must take less.
    assert actual < 0.001


def test_every_key_of_any_length_is_held_once_and_found_as_written() -> None:
    keys = ["рим", "бар", "ів", "харків", "харків", "zaporizhzhia", "мена", "міна"]

    fuzzy = FuzzyVocabulary(keys)

    assert len(fuzzy) == len(set(keys))
    assert all(key in fuzzy and fuzzy.closest(key) == key for key in keys)
    assert "рис" not in fuzzy
    assert "харкі" not in fuzzy
