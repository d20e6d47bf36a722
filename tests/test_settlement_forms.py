"""The shipped keys questions name villages and towns by are the ones the rules give today."""

from __future__ import annotations

import tracemalloc

from knowledge.places.gazetteer import EntityKind, EntityRef, Gazetteer
from knowledge.places.reference import question_forms, settlement_forms, settlements_by_code
from knowledge.store.curated import read_hromadas
from knowledge.text.normalize import tokenize

# Every 60th row: a couple of hundred names, a fraction of a second of pymorphy3.
SAMPLE_STEP = 60


def test_the_stored_keys_are_the_keys_the_rules_give() -> None:
    stored = settlement_forms()[::SAMPLE_STEP]
    # The table's own names and hromada are those of settlements.csv.
    actual = [question_forms(settlements_by_code()[forms.code]) for forms in stored]

    assert len(stored) > 100
    assert actual == list(stored)


def test_only_names_of_one_hromada_other_than_its_centre_are_stored() -> None:
    codes = {forms.code for forms in settlement_forms()}
    novoselivkas = {
        unit.code for unit in settlements_by_code().values() if unit.name_uk == "Новоселівка"
    }

    assert "UA21020030040099324" in codes  # Бене, a village of the Berehove hromada
    assert not codes & novoselivkas


def test_the_villages_questions_may_name_take_a_few_megabytes_of_the_bot_s_memory() -> None:
    gazetteer = Gazetteer(
        exact={}, latin={}, hromadas=frozenset(hromada.code for hromada in read_hromadas())
    )
    # 13,000 villages and towns by 100,000 keys: as a dict of sets, with every key kept
    # twice, they took some 26 MB of every process.
    tracemalloc.start()
    try:
        gazetteer.warm()
        held, _peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    question = "Які партнери має село Албат?"
    found = gazetteer.find(question, tokenize(question), frozenset())

    assert held < 8_000_000
    assert [mention.refs for mention in found] == [
        frozenset({EntityRef(EntityKind.SETTLEMENT, "UA01020290010096881")})
    ]
