"""Whatever a user types, the engine answers or politely refuses; it never fails."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.qa.engine import MAX_QUESTION_LENGTH, Engine
from knowledge.qa.intents import Intent
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)
_ENGINE: list[Engine] = []

# Text that looks like questions: Ukrainian and Latin letters, digits, punctuation, emoji and
# the odd characters phones insert, mixed with real names and cue words.
_fragments = st.sampled_from(
    ["Харків", "Kharkiv", "Мені", "Кошице", "партнери", "twin", "коли", "2028", "aid", "’", "-"]
)
_question_like = st.lists(
    st.one_of(_fragments, st.text(min_size=1, max_size=12)), max_size=30
).map(" ".join)


def _engine() -> Engine:
    if not _ENGINE:
        _ENGINE.append(Engine.from_document(curated_document()))
    return _ENGINE[0]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=MAX_QUESTION_LENGTH), _question_like))
def test_any_text_gets_an_answer_or_a_polite_refusal(question: str) -> None:
    actual = _engine().answer(question, today=TODAY)

    assert actual.text.strip()
    assert actual.lang in ("uk", "en")


@settings(max_examples=100, deadline=None)
@given(st.text(min_size=1, max_size=40), st.text(max_size=40))
def test_a_conversation_of_noise_never_breaks(first: str, second: str) -> None:
    engine = _engine()
    answer = engine.answer(first, today=TODAY)

    actual = engine.answer(second, context=answer.context, today=TODAY)

    assert actual.text.strip()


@pytest.mark.parametrize("length", [MAX_QUESTION_LENGTH + 1, 5_000, 100_000])
def test_over_the_limit_is_refused_with_a_clear_message(length: int) -> None:
    actual = _engine().answer("щ" * length, today=TODAY)

    assert actual.intent is Intent.TOO_LONG
    assert "500" in actual.text
