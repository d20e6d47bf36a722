"""A third real-style sheet, copied from city councils' and news pages rather than Wikipedia:
Ukrainian places as councils name themselves («Нововолинська міська територіальна громада»,
«Шумська громада Тернопільщини», «Вижницька громада Чернівецької області», «м. Луцьк»,
"Łuck", "Lyman, Donetsk region"), a list kept in Russian (Кременчуг with Михаловцы,
Белоруссия, Македония), partners in Ukrainian, a region as partner ("Mississippi" with
"Khmelnytskyi region", an oblast) and partnerships between two hromadas."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.facts.documents import KnowledgeDocument
from knowledge.interchange.planning import Plan, plan_rows
from knowledge.interchange.uploads import read_import
from knowledge.store.curated import read_hromadas
from tools.twin_towns_measure import SheetFigures, measure

SHEET = Path(__file__).parent / "data" / "twin_towns" / "twin_towns_city_pages.csv"


@pytest.fixture(scope="module")
def figures() -> SheetFigures:
    return measure(SHEET)


@pytest.fixture(scope="module")
def plan() -> Plan:
    return plan_rows(
        read_import(SHEET.read_bytes(), SHEET.name), KnowledgeDocument(hromadas=read_hromadas())
    )


def test_only_the_oblast_is_refused(figures: SheetFigures) -> None:
    assert figures.refused == 1
    assert all(" is an oblast" in reason for reason in figures.reasons)


def test_every_place_is_answered_with_its_partners_in_both_languages(
    figures: SheetFigures,
) -> None:
    assert figures.unanswered == []
    assert figures.not_found == []


def test_nearly_every_partner_gets_its_ukrainian_name(figures: SheetFigures) -> None:
    assert figures.partners_in_ukrainian >= 0.9 * figures.partners


def test_names_written_in_russian_and_in_ukrainian_are_read_as_places(plan: Plan) -> None:
    names = {(place.country, place.name.en, place.name.uk) for place in plan.document.places}

    # No town of GeoNames is written «Михаловцы»: its English name is spelt from it, whole,
    # and the Russian spelling is no Ukrainian name.
    assert ("SK", "Mykhalovtsy", "Mykhalovtsy") in names
    # «Быдгощ» is Russian: the Ukrainian name is GeoNames', the Russian one never shown.
    assert ("PL", "Bydgoszcz", "Бидгощ") in names
    assert ("BY", "Barysaw", "Борисов") in names
    assert ("UA", "Bila Tserkva", "Біла Церква") in names
    # Westport, Connecticut: the town, not Kansas City, which has a quarter of that name.
    assert ("US", "Westport", "Вестпорт") in names


def test_a_town_written_with_its_region_keeps_the_region_apart(plan: Plan) -> None:
    ridgefield = next(place for place in plan.document.places if place.name.en == "Ridgefield")

    assert ridgefield.region is not None
    assert (ridgefield.region.en, ridgefield.region.uk) == ("Connecticut", "Коннектикут")
