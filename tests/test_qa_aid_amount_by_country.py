"""How much aid came from a country, asked nation-wide («скільки допомоги з Норвегії», "how
much aid came from Norway"), is answered as an amount: the deliveries and the hromadas they
reached, the sums the sources give by currency, or that they give none, with sources."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest

from knowledge.facts.records import Aid, Donor
from knowledge.facts.vocabulary import DonorKind
from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("скільки допомоги з Норвегії", "записано 1 надходження, громади: Мена"),
        ("skilky dopomohy z norvehii", "записано 1 надходження, громади: Мена"),
        ("сколько помощи из Японии", "громади: Харків"),
        ("how much aid came from Norway", "1 delivery of aid from Norway is recorded, for: Mena"),
    ],
)
def test_how_much_aid_from_a_country_counts_its_deliveries_and_names_no_false_sum(
    curated_engine: Engine, question: str, said: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.AID
    assert said in answer.text
    # The one delivery names many donors: no sum is claimed for one of them.
    assert "among several donors" in answer.text or "серед кількох донорів" in answer.text
    assert answer.sources
    assert answer.text.count("Джерел") + answer.text.count("Source") == 1


def test_sums_from_a_sole_donor_are_totalled_by_currency(curated_engine: Engine) -> None:
    snapshot = curated_engine.snapshot
    (template,) = snapshot.aid_by_country["NO"]
    sources = template.sources
    records = tuple(
        Aid(
            key=f"no-aid-{number}",
            hromada=template.hromada,
            received_on=template.received_on,
            donors=(Donor(kind=DonorKind.COUNTRY, country="NO", place=None, name=None),),
            items=(),
            amount=amount,
            currency=currency,
            description=None,
            notes=None,
            sources=sources,
        )
        for number, (amount, currency) in enumerate(
            [(Decimal("1000.50"), "EUR"), (Decimal("2000"), "EUR"), (Decimal("500"), "NOK")]
        )
    )
    aid_by_country = {**snapshot.aid_by_country, "NO": records}
    engine = Engine(
        dataclasses.replace(snapshot, aid_by_country=aid_by_country), curated_engine.gazetteer
    )

    answer = engine.answer("how much aid came from Norway?", today=dt.date(2026, 6, 1))

    assert "3 deliveries" in answer.text
    assert "€3,000.50" in answer.text
    assert "NOK500.00" in answer.text
    assert "several donors" not in answer.text
