"""Extraction of the kinds of statement press offices write, each in a sentence of its own:
countries given by adjectives, dates in their forms, plans, negations, renewals, aid per
recipient. The texts are written for the test, in the manner of the corpus's `written/` part.
"""

from __future__ import annotations

import pytest

from knowledge.extraction import (
    AgreementProposal,
    AidProposal,
    DocumentText,
    Extraction,
    Extractor,
    PlaceNames,
)
from knowledge.facts.dates import PartialDate
from knowledge.qa.engine import Engine

TODAY = PartialDate(2026, 1, 15)


@pytest.fixture(scope="module")
def extractor(qa_engine: Engine) -> Extractor:
    return Extractor(PlaceNames.from_engine(qa_engine))


def _extract(extractor: Extractor, text: str, published: PartialDate | None = None) -> Extraction:
    return extractor.extract(DocumentText(text, date=published), today=published or TODAY)


def _agreements(extraction: Extraction) -> list[AgreementProposal]:
    return [fact for fact in extraction.facts if isinstance(fact, AgreementProposal)]


def _aid(extraction: Extraction) -> list[AidProposal]:
    return [fact for fact in extraction.facts if isinstance(fact, AidProposal)]


def test_a_country_adjective_in_lower_case_gives_the_partner_its_country(
    extractor: Extractor,
) -> None:
    text = "5 квітня 2023 року Рівне уклало угоду про співпрацю з литовським містом Каунас."

    (actual,) = _agreements(_extract(extractor, text))

    assert (actual.partner, actual.partner_country) == ("Каунас", "LT")


def test_each_town_of_a_list_takes_the_adjective_before_it_not_the_next_ones(
    extractor: Extractor,
) -> None:
    text = (
        "Житомир підписав угоди про співпрацю з польським містом Холм, литовським містом "
        "Шяуляй та естонським містом Тарту."
    )

    found = _agreements(_extract(extractor, text))
    actual = {fact.partner: fact.partner_country for fact in found}

    assert actual == {"Холм": "PL", "Шяуляй": "LT", "Тарту": "EE"}


def test_an_english_word_that_is_also_a_country_code_is_no_country(extractor: Extractor) -> None:
    text = "Kraków sent generators to Lviv as humanitarian aid from Poland."

    (actual,) = _aid(_extract(extractor, text))

    assert actual.donor_countries == ("PL",)


def test_a_headline_summing_up_a_delivery_is_the_delivery_the_text_details(
    extractor: Extractor,
) -> None:
    text = (
        "Луцьк отримав гуманітарну допомогу від польського міста Холм\n\n"
        "До Луцька доставлено гуманітарну допомогу з Польщі. 10 лютого Луцьк отримав від "
        "міста Холм (Польща) 10 генераторів та 15 пічок."
    )

    (actual,) = _aid(_extract(extractor, text, PartialDate(2023, 2, 17)))

    assert "generators" in {item.category.value for item in actual.items}
    assert actual.date == PartialDate(2023, 2, 10)
