"""The rules a curated record must follow before anything is stored."""

from typing import Any

import pytest
from pydantic import ValidationError

from knowledge.facts.documents import ActivityDoc, AgreementDoc, AidDoc, PlaceDoc, ProgrammeDoc
from tests import factories

KHARKIV = factories.HROMADA_CODE


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (
            AgreementDoc,
            {
                "key": "a",
                "hromada": KHARKIV,
                "place": "sk-kosice",
                "kind": "twinning",
                "status": "active",
            },
        ),
        (AidDoc, {"key": "aid-1", "hromada": KHARKIV, "received_on": "2023"}),
        (
            ActivityDoc,
            {
                "key": "visit-1",
                "hromada": KHARKIV,
                "kind": "visit",
                "summary": {"uk": "Візит", "en": "A visit"},
            },
        ),
        (
            ProgrammeDoc,
            {"key": "programme-1", "hromada": KHARKIV, "title": {"uk": "Програма", "en": "Plan"}},
        ),
    ],
    ids=["agreement", "aid", "activity", "programme"],
)
@pytest.mark.parametrize("sources", [None, []], ids=["missing", "empty"])
def test_a_fact_without_a_source_cannot_be_stored(
    model: type[AgreementDoc | AidDoc | ActivityDoc | ProgrammeDoc],
    fields: dict[str, Any],
    sources: list[Any] | None,
) -> None:
    if sources is not None:
        fields = fields | {"sources": sources}

    with pytest.raises(ValidationError, match="sources"):
        model.model_validate(fields)


def test_a_source_cited_twice_by_one_fact_is_refused() -> None:
    with pytest.raises(ValidationError, match="cited twice"):
        factories.agreement(sources=[{"source": "test-letter"}, {"source": "test-letter"}])


def test_a_country_must_be_a_real_iso_code() -> None:
    with pytest.raises(ValidationError, match="ISO 3166"):
        factories.place(country="XX")


def test_a_place_keeps_its_own_spelling() -> None:
    actual = PlaceDoc.model_validate(
        {
            "key": "pl-zyrakow",
            "name": {"uk": "Жиракув", "en": "Żyraków"},
            "name_local": "Żyraków",
            "country": "PL",
        }
    )

    assert (actual.name.uk, actual.name.en, actual.name_local) == ("Жиракув", "Żyraków", "Żyraków")


def test_money_needs_its_currency() -> None:
    with pytest.raises(ValidationError, match="currency"):
        AidDoc.model_validate(
            {
                "key": "aid-1",
                "hromada": KHARKIV,
                "amount": "100.00",
                "sources": [{"source": "test-letter"}],
            }
        )


def test_an_agreement_cannot_end_before_it_was_signed() -> None:
    with pytest.raises(ValidationError, match="before signed_on"):
        factories.agreement(signed_on="2023-05", valid_until="2023-04")


def test_a_misspelt_field_is_an_error_not_silently_ignored() -> None:
    with pytest.raises(ValidationError, match="signed_at"):
        factories.agreement(signed_at="2023")


@pytest.mark.parametrize("code", ["UA6312", "63120270000028556", "UA6312027000002855X"])
def test_a_hromada_is_keyed_by_a_katotth_code(code: str) -> None:
    with pytest.raises(ValidationError, match="code"):
        factories.hromada(code=code)
