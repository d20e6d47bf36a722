"""A partner's region is named in Ukrainian as that region, never as a country of its name."""

from __future__ import annotations

from knowledge.places.subdivisions import find_subdivision


def test_the_us_state_of_georgia_is_not_named_as_the_country() -> None:
    state = find_subdivision("Georgia", "US")

    assert state is not None
    assert state.name_uk == "Джорджія"
    assert find_subdivision("Грузія", "US") is None
    assert find_subdivision("Джорджія", "US") == state
