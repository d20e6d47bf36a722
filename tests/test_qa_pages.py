"""Long lists of aid, of events and of sources page like the partners: "…and N more", then the
next page shows the rest."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.facts.documents import ActivityDoc, AidDoc
from knowledge.qa.engine import AID_LIMIT, Engine
from knowledge.render.phrases import SOURCES_LIMIT
from tests import factories

TODAY = dt.date(2026, 11, 23)
RECORDS = max(AID_LIMIT, SOURCES_LIMIT) + 3


def _engine() -> Engine:
    sources = [factories.source(f"letter-{number:02}") for number in range(RECORDS)]
    aid = [
        AidDoc.model_validate(
            {
                "key": f"aid-{number:02}",
                "hromada": factories.HROMADA_CODE,
                "received_on": f"20{10 + number:02}",
                "donors": [{"kind": "country", "country": "SK"}],
                "items": [{"category": "generators", "quantity": number + 1}],
                "sources": [{"source": f"letter-{number:02}"}],
            }
        )
        for number in range(RECORDS)
    ]
    activities = [
        ActivityDoc.model_validate(
            {
                "key": f"visit-{number:02}",
                "hromada": factories.HROMADA_CODE,
                "kind": "visit",
                "started_on": f"20{10 + number:02}",
                "summary": {"uk": f"Візит номер {number}", "en": f"Visit number {number}"},
                "sources": [{"source": f"letter-{number:02}"}],
            }
        )
        for number in range(RECORDS)
    ]
    document = factories.document(
        sources=[factories.source(), *sources], aid=aid, activities=activities
    )
    return Engine.from_document(document)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return _engine()


def _pages(engine: Engine, question: str) -> tuple[str, str, bool]:
    first = engine.answer(question, today=TODAY)
    second = engine.answer(question, first.context, today=TODAY, page=2)
    assert first.more
    return first.text, second.text, second.more


def _numbers(text: str, word: str) -> set[int]:
    return {int(line.rsplit(" ", 1)[1]) for line in text.splitlines() if f"{word} number " in line}


def test_a_long_aid_list_pages_to_its_oldest_records(engine: Engine) -> None:
    first, second, more = _pages(engine, "What aid did Kharkiv receive?")

    rest = RECORDS - AID_LIMIT
    assert f"…and {rest} more" in first
    assert "2010" not in first
    assert "2010" in second
    assert not more


def test_a_long_list_of_events_pages_in_the_hromadas_overview(engine: Engine) -> None:
    first, second, _more = _pages(engine, "Tell me about Kharkiv")

    shown_first, shown_second = _numbers(first, "Visit"), _numbers(second, "Visit")
    assert len(shown_first) == AID_LIMIT
    assert shown_first.isdisjoint(shown_second)
    assert shown_first | shown_second == set(range(RECORDS))
    # The one partner was on the first page: the second has no empty "Partners:" heading.
    assert "Partners:" in first
    assert "Partners:" not in second


def test_a_long_source_list_pages(engine: Engine) -> None:
    asked = engine.answer("Tell me about Kharkiv", today=TODAY)
    first = engine.answer("and the sources?", asked.context, today=TODAY)
    second = engine.answer("and the sources?", asked.context, today=TODAY, page=2)

    assert first.more
    assert first.text.count("•") == SOURCES_LIMIT
    assert 0 < second.text.count("•") < SOURCES_LIMIT
