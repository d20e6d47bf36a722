"""A suggestion button offers only a question whose answer tells something: a signing date,
an end date or the countries aid came from, never "the sources do not say"."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from knowledge.qa.answer import Answer
from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)
YEAR = re.compile(r"\b(19|20)\d\d\b")
SOURCES_HEADINGS = ("Джерел", "Source")


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def _questions(engine: Engine) -> list[tuple[str, str]]:
    """An overview, the partners, the twin cities and each partner pair of every hromada the
    knowledge base records, in both languages."""
    snapshot = engine.snapshot
    codes = sorted(set(snapshot.agreements_by_hromada) | set(snapshot.aid_by_hromada))
    asked: list[tuple[str, str]] = []
    for code in codes:
        hromada = snapshot.hromadas[code]
        uk, en = hromada.center_uk or hromada.name_uk, hromada.center_en or hromada.name_en
        asked += [
            (f"Що відомо про громаду {uk}?", "uk"),
            (f"Tell me about {en}", "en"),
            (f"Партнери громади {uk}", "uk"),
            (f"{en} partners", "en"),
            (f"Побратими громади {uk}", "uk"),
            (f"{en} twin cities", "en"),
        ]
        for agreement in snapshot.agreements_by_hromada.get(code, ()):
            place = snapshot.places[agreement.place]
            asked += [
                (f"Чи є {uk} і {place.name.uk} партнерами?", "uk"),
                (f"Are {en} and {place.name.en} partners?", "en"),
            ]
    return asked


def _body(answer: Answer) -> str:
    """The answer's text before its sources."""
    lines = answer.text.splitlines()
    for number, line in enumerate(lines):
        if line.startswith(SOURCES_HEADINGS):
            return "\n".join(lines[:number])
    return answer.text


def test_every_suggestion_is_answered_with_a_date_or_a_year(engine: Engine) -> None:
    offered = 0
    empty: list[str] = []
    for question, lang in _questions(engine):
        answer = engine.answer(question, lang=lang, today=TODAY)
        for suggestion in answer.suggestions:
            offered += 1
            followed = engine.answer(suggestion, answer.context, lang=lang, today=TODAY)
            if not YEAR.search(_body(followed)):
                empty.append(f"{question} → {suggestion}: {followed.text[:120]}")

    assert offered > 10
    assert not empty, "\n".join(empty)


@pytest.mark.parametrize(
    ("question", "lang"),
    [("Які партнери Мени?", "uk"), ("Who are Mena's partners?", "en")],
)
def test_a_signing_is_suggested_for_a_partner_whose_signing_date_is_recorded(
    engine: Engine, question: str, lang: str
) -> None:
    actual = engine.answer(question, lang=lang, today=TODAY).suggestions

    # Dąbrowa, Mena's first partner, has no signing date; Olaine's agreement dates from 2023.
    assert len(actual) == 1
    assert "Олайне" in actual[0] or "Olaine" in actual[0]
