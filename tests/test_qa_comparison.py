"""«У кого більше партнерів, Харків чи Мена?» counts both and says which has more."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def _count_of(text: str, hromada: str) -> int:
    line = next(line for line in text.splitlines() if line.startswith(f"{hromada}: "))
    return int(line.removeprefix(f"{hromada}: ").split(" ")[0])


@pytest.mark.parametrize(
    ("question", "first", "second", "verdict"),
    [
        ("у кого більше партнерів харків чи мена", "Харків", "Мена", "Більше партнерів має"),
        ("compare Kharkiv and Kupiansk partnerships", "Kharkiv", "Kupiansk", "has more"),
        (
            "скільки партнерів у харкова і скільки у купянська",
            "Харків",
            "Куп’янськ",
            "Більше партнерів має",
        ),
    ],
)
def test_both_counts_and_the_one_with_more(
    engine: Engine, question: str, first: str, second: str, verdict: str
) -> None:
    actual = engine.answer(question, today=TODAY).text

    more = first if _count_of(actual, first) > _count_of(actual, second) else second
    assert _count_of(actual, first) != _count_of(actual, second)
    said = next(line for line in actual.splitlines() if verdict in line)
    assert more in said


def test_which_has_more_compares_the_two_asked_before(engine: Engine) -> None:
    first = engine.answer("скільки партнерів у харкова і скільки у купянська", today=TODAY)
    actual = engine.answer("which has more?", first.context, today=TODAY).text

    assert "Kupiansk: 1 partner." in actual
    assert "Kharkiv has more partners." in actual


@pytest.mark.parametrize(
    ("questions", "which", "verdict"),
    [
        (
            ("How many partners does Kharkiv have?", "How many does Kupiansk have?"),
            "which has more?",
            "Kharkiv has more partners.",
        ),
        (("скільки угод у мени?", "а в харкова?"), "в кого більше?", "Більше угод має Харків."),
    ],
)
def test_which_has_more_after_two_separate_counts_compares_them(
    engine: Engine, questions: tuple[str, str], which: str, verdict: str
) -> None:
    context = None
    for question in questions:
        context = engine.answer(question, context, today=TODAY).context

    actual = engine.answer(which, context, today=TODAY).text

    assert verdict in actual.splitlines()


def test_a_count_of_partners_leaves_out_the_town_only_in_talks(engine: Engine) -> None:
    # Mena's fifth town, Friedberg, is only in talks: the list says «4 партнери» too.
    actual = engine.answer("скільки партнерів у мени", today=TODAY).text

    assert actual.startswith("Мена: 4 партнери")
    assert "Ще не підписано: Фрідберг." in actual


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Хто більше має партнерів: Мена чи Куп'янськ?", "Мена: 4 партнери (ще 1 місто"),
        ("Хто має більше партнерів: Харків чи Мена?", "Мена: 4 партнери (ще 1 місто"),
        ("у кого больше партнеров у мены или у харькова", "Мена: 4 партнери (ще 1 місто"),
        ("who has more partners, Mena or Kupiansk?", "Mena: 4 partners (1 more town"),
    ],
)
def test_a_comparison_counts_partners_as_a_single_count_does(
    engine: Engine, question: str, expected: str
) -> None:
    # Friedberg is only in talks with Mena: «Мена — 4 партнери» in every answer.
    actual = engine.answer(question, today=TODAY).text

    assert expected in actual
    assert "5 партнерів" not in actual
    assert "5 partners" not in actual
