"""When an agreement ends is stated where the source states it and estimated otherwise."""

from knowledge.facts.dates import PartialDate
from knowledge.facts.terms import Expiry, expiry
from tests import factories


def test_an_extension_for_five_years_in_2023_runs_until_about_2028() -> None:
    cincinnati = factories.agreement(
        signed_on=None,
        extensions=[{"extended_on": "2023", "term_years": 5, "source": "test-letter"}],
    )

    assert expiry(cincinnati) == Expiry(PartialDate(2028), estimated=True)


def test_a_stated_end_date_wins_and_is_not_an_estimate() -> None:
    stated = factories.agreement(signed_on="2023-05-14", valid_until="2026-05-14", term_years=5)

    assert expiry(stated) == Expiry(PartialDate(2026, 5, 14), estimated=False)


def test_a_term_counts_from_the_signing_with_its_precision() -> None:
    signed_in_may = factories.agreement(signed_on="2025-05", term_years=3)

    assert expiry(signed_in_may) == Expiry(PartialDate(2028, 5), estimated=True)


def test_no_term_means_no_end_date_is_invented() -> None:
    assert expiry(factories.agreement(signed_on="2023")) is None
