"""A "no partnership" about a town where a hromada's recorded event took place names the event."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.facts.records import Activity, Place
from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def _events_without_partnership(engine: Engine) -> list[tuple[Place, Activity, str]]:
    """Each event held in a town no agreement names, with the year it started."""
    snapshot = engine.snapshot
    return [
        (snapshot.places[activity.place], activity, str(activity.started_on.year))
        for activities in snapshot.activities_by_hromada.values()
        for activity in activities
        if activity.place is not None
        and activity.started_on is not None
        and not snapshot.agreements_by_place.get(activity.place)
    ]


def test_the_knowledge_base_records_such_an_event(engine: Engine) -> None:
    assert _events_without_partnership(engine)


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_a_pair_question_answered_no_names_the_event_there(engine: Engine, lang: str) -> None:
    for place, activity, year in _events_without_partnership(engine):
        hromada = engine.snapshot.hromadas[activity.hromada]
        question = {
            "en": f"Is {hromada.center_en} hromada, {hromada.oblast_en} oblast,"
            f" a partner of {place.name.en}?",
            "uk": f"Чи {hromada.name_uk} громада {(hromada.oblast_uk or '')[:-1]}ої області"
            f" партнер міста {place.name.uk}?",
        }[lang]

        text = engine.answer(question, today=TODAY).text

        assert text.startswith({"en": "No", "uk": "Ні"}[lang]), text
        assert year in text, text


@pytest.mark.parametrize("lang", ["uk", "en"])
def test_a_town_with_no_partner_names_the_hromadas_that_met_there(
    engine: Engine, lang: str
) -> None:
    for place, activity, year in _events_without_partnership(engine):
        hromada = engine.snapshot.hromadas[activity.hromada]
        question = {
            "en": f"Is {place.name.en} partnered with any Ukrainian hromada?",
            "uk": f"З якими українськими громадами співпрацює {place.name.uk}?",
        }[lang]

        text = engine.answer(question, today=TODAY).text

        assert str({"en": hromada.center_en, "uk": hromada.center_uk}[lang]) in text, text
        assert year in text, text
