"""Dates in aid answers keep their month names as written: "Received in March 2023"."""

from __future__ import annotations

import dataclasses

from knowledge.facts.dates import PartialDate
from knowledge.qa.aid_aspects import narrow_aid_lines
from knowledge.qa.engine import Engine
from knowledge.qa.meaning import Aspect, Narrow
from knowledge.render.lang import Language
from knowledge.store.curated import curated_document

MENA = "UA74020030000069340"


def test_an_english_month_name_keeps_its_capital_letter() -> None:
    snapshot = Engine.from_document(curated_document()).snapshot
    record = dataclasses.replace(
        snapshot.aid_by_hromada[MENA][0], received_on=PartialDate(2023, 3)
    )

    lines = narrow_aid_lines(Language("en"), "Mena", [record], Narrow(Aspect.WHEN), None)

    assert any("March 2023" in line for line in lines)
    assert not any("march" in line for line in lines)
