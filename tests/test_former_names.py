"""A town under the name it bore before the 2016 renamings, which the codifier no longer
carries, is its hromada («Shchors» is Сновськ), by `other_names.csv` and by the GeoNames
names of a centre's own codifier row («Ворошиловград» is Луганськ)."""

from __future__ import annotations

import pytest

from knowledge.facts.messages import Problem
from knowledge.places.hromadas import Resolved, shipped_index


@pytest.mark.parametrize(
    ("written", "oblast", "expected_centre"),
    [
        ("Shchors", "", "Сновськ"),
        ("Щорс", "", "Сновськ"),
        ("Kominternivske", "", "Доброслав"),
        ("Volodarsk-Volynskyi", "", "Хорошів"),
        ("Володарськ-Волинський", "", "Хорошів"),
        ("Telmanove", "", "Бойківське"),
        ("Chervonozavodske", "", "Заводське"),
        # A city formerly so named, over two villages of that name today: of places sharing
        # a name, the one city is taken where every other is a village; an oblast column
        # picks a village.
        ("Krasnyi Lyman", "", "Лиман"),
        ("Krasnyi Lyman", "Luhansk Oblast", "Зимогір’я"),
        # Not Щорс: one letter more, another town.
        ("Shchorsk", "", "Божедарівка"),
        ("Voroshylovhrad", "", "Луганськ"),
        ("Ворошиловград", "", "Луганськ"),
        ("Voroshilovgrad", "", "Луганськ"),
        # Two towns bore the name; the oblast column tells them apart.
        ("Chervonoarmiisk", "Zhytomyr Oblast", "Пулини"),
        ("Chervonoarmiisk", "Rivne Oblast", "Радивилів"),
    ],
)
def test_a_town_under_its_name_before_the_renaming_is_its_hromada(
    written: str, oblast: str, expected_centre: str
) -> None:
    index = shipped_index()

    actual = index.resolve(written, oblast)

    assert isinstance(actual, Resolved)
    assert index.by_code[actual.code].center_uk == expected_centre


@pytest.mark.parametrize(
    ("written", "expected_hromada_centre", "expected_town"),
    [
        # A town that is no hromada's centre is named in the record as the village would be.
        ("Teplohirsk", "Кадіївка", "Ірміно"),
        ("Petrovske (Luhansk Oblast)", "Хрустальний", "Петрово-Красносілля"),
    ],
)
def test_a_renamed_town_that_is_no_centre_is_its_hromadas_and_named(
    written: str, expected_hromada_centre: str, expected_town: str
) -> None:
    index = shipped_index()

    actual = index.resolve(written)

    assert isinstance(actual, Resolved)
    assert index.by_code[actual.code].center_uk == expected_hromada_centre
    assert actual.settlement is not None
    assert actual.settlement.name_uk == expected_town


def test_a_former_name_in_the_wrong_oblast_is_refused_naming_where_it_is() -> None:
    actual = shipped_index().resolve("Shchors", "Lviv Oblast")

    assert isinstance(actual, Problem)
    assert not isinstance(actual, Resolved)
