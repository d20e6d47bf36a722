"""The curated data says what the source documents say, no more and no less."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from knowledge.facts.dates import PartialDate
from knowledge.facts.documents import AgreementDoc, KnowledgeDocument
from knowledge.facts.terms import Expiry, expiry
from knowledge.store.curated import curated_document

SEEDS_DIR = Path(__file__).resolve().parents[2] / "shared" / "seeds"
KHARKIV = "UA63120270000028556"
MENA = "UA74020030000069340"
KUPIANSK = "UA63080090000067457"


@pytest.fixture(scope="module")
def curated() -> KnowledgeDocument:
    return curated_document()


def _agreements(curated: KnowledgeDocument, hromada: str) -> list[AgreementDoc]:
    return [agreement for agreement in curated.agreements if agreement.hromada == hromada]


def _place_name(curated: KnowledgeDocument, key: str) -> str:
    return next(place.name.en for place in curated.places if place.key == key)


def test_kharkiv_partners_are_the_six_cities_of_the_letter(curated: KnowledgeDocument) -> None:
    actual = {_place_name(curated, a.place) for a in _agreements(curated, KHARKIV)}

    assert actual == {"Košice", "Albuquerque", "Cincinnati", "Leeds", "Lille", "Brno"}


def test_kharkiv_signed_and_planned_are_kept_apart(curated: KnowledgeDocument) -> None:
    actual = {
        (_place_name(curated, a.place), a.kind.value, a.status.value, str(a.signed_on))
        for a in _agreements(curated, KHARKIV)
    }

    assert actual == {
        ("Košice", "cooperation_agreement", "active", "2023"),
        ("Albuquerque", "cooperation_agreement", "active", "2023"),
        ("Albuquerque", "protocol_of_intent", "active", "2023"),
        ("Albuquerque", "twinning", "planned", "None"),
        ("Cincinnati", "memorandum", "active", "None"),
        ("Leeds", "friendship_pledge", "active", "2023"),
        ("Lille", "twinning", "active", "None"),
        ("Brno", "twinning", "active", "None"),
    }


def test_the_cincinnati_memorandum_runs_until_about_2028(curated: KnowledgeDocument) -> None:
    memorandum = next(a for a in curated.agreements if a.place == "us-cincinnati")

    assert expiry(memorandum) == Expiry(PartialDate(2028), estimated=True)


def test_kharkiv_aid_came_from_twelve_countries(curated: KnowledgeDocument) -> None:
    aid = next(record for record in curated.aid if record.hromada == KHARKIV)

    assert [donor.country for donor in aid.donors] == [
        "FR",
        "PL",
        "DE",
        "SK",
        "CZ",
        "AT",
        "JP",
        "GE",
        "ME",
        "FI",
        "NL",
        "AL",
    ]
    assert {item.category.value for item in aid.items} >= {
        "food",
        "clothing",
        "hygiene",
        "tents",
        "medicines",
        "generators",
    }
    assert aid.received_on == PartialDate(2023)


def test_mena_has_four_partners_and_talks_with_friedberg(curated: KnowledgeDocument) -> None:
    actual = {(_place_name(curated, a.place), a.status.value) for a in _agreements(curated, MENA)}

    assert actual == {
        ("Dąbrowa", "active"),
        ("Żyraków", "active"),
        ("Olaine", "active"),
        ("Casteltermini", "active"),
        ("Friedberg", "in_negotiation"),
    }


def test_the_misspelt_friedberg_is_kept_as_an_alias(curated: KnowledgeDocument) -> None:
    friedberg = next(place for place in curated.places if place.key == "de-friedberg")

    assert "Фрібдерг" in friedberg.aliases
    assert friedberg.latitude is None


def test_mena_received_vehicles_a_bus_and_generators(curated: KnowledgeDocument) -> None:
    aid = next(record for record in curated.aid if record.hromada == MENA)

    assert [(item.category.value, item.quantity) for item in aid.items] == [
        ("vehicles", 14),
        ("buses", 1),
        ("generators", None),
        ("humanitarian_other", None),
    ]


def test_mena_programme_spending_is_exact(curated: KnowledgeDocument) -> None:
    programme = next(p for p in curated.programmes if p.hromada == MENA)

    assert [(s.period, s.amount, s.currency) for s in programme.spending] == [
        (PartialDate(2023), Decimal("22736.20"), "UAH")
    ]


def test_kupiansk_signed_a_memorandum_with_columbus_ohio_in_may_2025(
    curated: KnowledgeDocument,
) -> None:
    [memorandum] = _agreements(curated, KUPIANSK)
    columbus = next(place for place in curated.places if place.key == memorandum.place)

    assert (memorandum.kind.value, memorandum.signed_on) == ("memorandum", PartialDate(2025, 5))
    assert columbus.region is not None
    assert (columbus.name.en, columbus.country, columbus.region.en) == ("Columbus", "US", "Ohio")


def test_places_in_geonames_get_its_coordinates(curated: KnowledgeDocument) -> None:
    kosice = next(place for place in curated.places if place.key == "sk-kosice")

    assert (kosice.latitude, kosice.longitude) == (48.71441, 21.25802)


def _normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def test_every_quote_is_found_word_for_word_in_its_source() -> None:
    if not SEEDS_DIR.is_dir():
        pytest.skip(f"the source documents are not at {SEEDS_DIR}")
    seeds = " ".join(_normalised(path.read_text(encoding="utf-8")) for path in SEEDS_DIR.iterdir())
    curated = curated_document()
    citations = [
        citation
        for group in (curated.agreements, curated.aid, curated.activities, curated.programmes)
        for fact in group
        for citation in fact.sources
    ]

    missing = [c.quote for c in citations if c.quote and _normalised(c.quote) not in seeds]

    assert len(citations) >= 20
    assert missing == []
