"""Extraction reading a fact across sentences: a signing's day told in the next sentence, a
partner named only in an earlier one, two documents with one partner, foreign towns the text
marks neither by a preposition nor by a country, and namesakes of towns abroad. The texts are
written for the test, in the manner of city councils' news and of English press releases.
"""

from __future__ import annotations

import pytest

from knowledge.extraction import (
    AgreementProposal,
    DocumentText,
    Extraction,
    Extractor,
    PlaceNames,
)
from knowledge.facts.dates import PartialDate
from knowledge.facts.vocabulary import AgreementKind
from knowledge.qa.engine import Engine


@pytest.fixture(scope="module")
def extractor(qa_engine: Engine) -> Extractor:
    return Extractor(PlaceNames.from_engine(qa_engine))


def _extract(extractor: Extractor, text: str, published: PartialDate) -> Extraction:
    return extractor.extract(DocumentText(text, date=published), today=published)


def _agreements(extraction: Extraction) -> list[AgreementProposal]:
    return [fact for fact in extraction.facts if isinstance(fact, AgreementProposal)]


def test_today_in_the_sentence_after_a_signing_dates_the_signing_to_the_documents_day(
    extractor: Extractor,
) -> None:
    text = (
        "Мукачівська міська рада та угорське місто Дебрецен уклали угоду про співпрацю. "
        "Церемонія підписання відбулася сьогодні в ратуші."
    )

    (actual,) = _agreements(_extract(extractor, text, PartialDate(2024, 9, 20)))

    assert (actual.partner, actual.date) == ("Дебрецен", PartialDate(2024, 9, 20))


def test_the_next_sentence_telling_of_another_town_does_not_date_the_signing(
    extractor: Extractor,
) -> None:
    text = (
        "Kropyvnytskyi and the Polish city of Kielce have signed a partnership agreement. "
        "Yesterday the mayors of Brno and Prague signed a joint statement of support."
    )

    dates = {
        fact.partner: fact.date
        for fact in _agreements(_extract(extractor, text, PartialDate(2023, 11, 9)))
    }

    assert dates.get("Kielce") is None


def test_a_memorandum_signed_by_twin_cities_is_proposed_beside_their_twinning(
    extractor: Extractor,
) -> None:
    text = (
        "Івано-Франківськ і польське Ополе є містами-побратимами з 2002 року. "
        "Сьогодні міський голова та президент Ополя підписали меморандум про співпрацю."
    )

    found = {
        (fact.partner, fact.kind, fact.date)
        for fact in _agreements(_extract(extractor, text, PartialDate(2025, 6, 12)))
    }

    assert found == {
        ("Ополе", AgreementKind.TWINNING, PartialDate(2002)),
        ("Ополе", AgreementKind.MEMORANDUM, PartialDate(2025, 6, 12)),
    }
