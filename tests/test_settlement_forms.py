"""The shipped keys questions name villages and towns by are the ones the rules give today."""

from __future__ import annotations

from knowledge.places.reference import question_forms, settlement_forms, settlements_by_code

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
