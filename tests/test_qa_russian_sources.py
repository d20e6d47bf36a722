"""A Russian question asking which document confirms an agreement is answered with its sources."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)
KHARKIV = "UA63120270000028556"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    "template",
    [
        "Какой документ подтверждает угоду Харькова с {place}?",
        "Чем подтверждается соглашение Харькова с {place}?",
        "Каким документом подтверждено соглашение Харькова и {place}?",
    ],
)
def test_which_document_confirms_an_agreement_shows_its_sources(
    engine: Engine, template: str
) -> None:
    snapshot = engine.snapshot
    numbered = [
        (agreement, source)
        for agreement in snapshot.agreements_by_hromada[KHARKIV]
        for citation in agreement.sources
        if (source := snapshot.sources[citation.source]).document_number
    ]
    assert numbered
    for agreement, source in numbered:
        place = snapshot.places[agreement.place].name.uk

        answer = engine.answer(template.format(place=place), today=TODAY)

        assert answer.intent is Intent.SOURCES, (place, answer.text)
        assert str(source.document_number) in answer.text, answer.text
