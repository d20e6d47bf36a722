"""A foreign partner the standard leaves undeclined is found as residents decline it.

«з Брном», «у Брні», «з Кошицями»: the forms are guessed by the name's ending, never where they
would take another name or an ordinary word of a question.
"""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.facts.documents import Bilingual, KnowledgeDocument, PlaceDoc
from knowledge.facts.snapshot import Snapshot
from knowledge.places.gazetteer import EntityKind, EntityRef, Gazetteer
from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document
from knowledge.text.morphology import colloquial_forms
from knowledge.text.normalize import tokenize

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("чи діє ще угода з Кошицями", "Кошице"),
        ("чи підписано щось з Кошицями", "Кошице"),
        ("яка угода у харкова з Брном", "Брно"),
        ("чи є у харкова побратим у брні", "Брно"),
        ("хто побратим Брна?", "Брно"),
    ],
)
def test_a_partner_declined_as_residents_decline_it_is_answered_about_that_partner(
    engine: Engine, question: str, expected: str
) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert expected in actual
    assert "Харків" in actual
    # Not Kharkiv's whole list of partners: the question names one of them.
    assert "Лілль" not in actual
    assert "Цинциннаті" not in actual


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Брно", {"брна", "брну", "брном", "брні"}),
        ("Кошице", {"кошиці", "кошиць", "кошицям", "кошицями", "кошицях"}),
        ("Катовіце", {"катовиці", "катовиць", "катовицям", "катовицями", "катовицях"}),
    ],
)
def test_the_forms_follow_the_name_s_ending(name: str, expected: set[str]) -> None:
    assert colloquial_forms(name) == expected


@pytest.mark.parametrize(
    ("name", "ordinary"),
    [
        # «осла», «ослом»: forms of «осел», not of Oslo.
        ("Осло", "осла"),
        # «Дніпро» declines as the dictionary says: no guessed «Дніпра» beside it.
        ("Дніпро", "дніпра"),
        ("Місто", "міста"),
    ],
)
def test_no_form_is_an_ordinary_word_or_a_form_the_dictionary_gives(
    name: str, ordinary: str
) -> None:
    assert ordinary not in colloquial_forms(name)


def _place(key: str, uk: str, en: str, country: str) -> PlaceDoc:
    return PlaceDoc(key=key, name=Bilingual(uk=uk, en=en), name_local=en, country=country)


def _named(gazetteer: Gazetteer, question: str) -> list[frozenset[EntityRef]]:
    return [mention.refs for mention in gazetteer.find(question, tokenize(question), frozenset())]


def test_a_guessed_form_never_takes_another_place_s_name() -> None:
    gazetteer = Gazetteer.build(
        Snapshot.from_document(
            KnowledgeDocument(
                places=[
                    # A made-up town in -о, and another whose name is one of its guessed forms.
                    _place("cz-zborno", "Зборно", "Zborno", "CZ"),
                    _place("pl-zborna", "Зборна", "Zborna", "PL"),
                ]
            )
        )
    )
    zborno = frozenset({EntityRef(EntityKind.PLACE, "cz-zborno")})
    zborna = frozenset({EntityRef(EntityKind.PLACE, "pl-zborna")})

    assert _named(gazetteer, "партнери із Зборном") == [zborno]
    # «Зборна», «у Зборні» are Zborna's own forms: Zborno's guessed ones do not take them.
    assert _named(gazetteer, "партнери Зборна") == [zborna]
    assert _named(gazetteer, "партнери у Зборні") == [zborna]
