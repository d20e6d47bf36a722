"""Tests for the official Ukrainian-to-Latin transliteration."""

from __future__ import annotations

import pytest

from knowledge.text.transliteration import transliterate


@pytest.mark.parametrize(
    ("ukrainian", "expected"),
    [
        ("Харків", "Kharkiv"),
        ("Куп'янськ", "Kupiansk"),
        ("Куп’янська", "Kupianska"),
        ("Згурівка", "Zghurivka"),
        ("Юрій", "Yurii"),
        ("Їжакевич", "Yizhakevych"),
        ("Кам'янець-Подільський", "Kamianets-Podilskyi"),
        ("Біла Церква", "Bila Tserkva"),
        ("Івано-Франківськ", "Ivano-Frankivsk"),
        ("Яготин", "Yahotyn"),
        ("Знам'янка", "Znamianka"),
        ("Олексіївка", "Oleksiivka"),
        ("Щастя", "Shchastia"),
        ("Менська", "Menska"),
        ("Золочівська", "Zolochivska"),
        ("Київ", "Kyiv"),
        ("Житомир", "Zhytomyr"),
    ],
)
def test_official_place_name_examples(ukrainian: str, expected: str) -> None:
    actual = transliterate(ukrainian)
    assert actual == expected


@pytest.mark.parametrize(
    ("ukrainian", "expected"),
    [
        ("Ґалаґан", "Galagan"),
        ("Єнакієве", "Yenakiieve"),
        ("Гайсин", "Haisyn"),
        ("Йосипівка", "Yosypivka"),
        ("Стрий", "Stryi"),
        ("Юрченко", "Yurchenko"),
        ("Крюківка", "Kriukivka"),
        ("Яблунівка", "Yablunivka"),
        ("Костянтин", "Kostiantyn"),
        ("Згорани", "Zghorany"),
        ("Розгон", "Rozghon"),
        ("Рівне", "Rivne"),
        ("Шостка", "Shostka"),
        ("Хуст", "Khust"),
        ("Чернігів", "Chernihiv"),
        ("Ужгород", "Uzhhorod"),
        ("Одеса", "Odesa"),
    ],
)
def test_each_letter_follows_the_official_table(ukrainian: str, expected: str) -> None:
    actual = transliterate(ukrainian)
    assert actual == expected


@pytest.mark.parametrize(
    "apostrophe",
    ["'", "\u2019", "\u02bc", "`"],
)
def test_every_apostrophe_form_inside_a_word_is_dropped(apostrophe: str) -> None:
    actual = transliterate(f"П{apostrophe}ятихатки")
    assert actual == "Piatykhatky"


@pytest.mark.parametrize(
    ("ukrainian", "expected"),
    [
        ("ЩАСТЯ", "SHCHASTIA"),
        ("ЮРІЙ", "YURII"),
        ("ЗГУРІВКА", "ZGHURIVKA"),
        ("ХАРКІВ", "KHARKIV"),
        ("Щ", "Shch"),
        ("щука", "shchuka"),
        ("Харків ЩАСТЯ Щастя", "Kharkiv SHCHASTIA Shchastia"),
    ],
)
def test_case_is_kept_for_title_and_all_caps_words(ukrainian: str, expected: str) -> None:
    actual = transliterate(ukrainian)
    assert actual == expected


@pytest.mark.parametrize(
    ("ukrainian", "expected"),
    [
        ("Ясинувата-Єлизаветівка", "Yasynuvata-Yelyzavetivka"),
        ("вул. Ярова, 5", "vul. Yarova, 5"),
        ("Київ (Kyiv)", "Kyiv (Kyiv)"),
        ("2022 рік", "2022 rik"),
        ("'Яготин'", "'Yahotyn'"),
        ("O'Brien", "O'Brien"),
        ("", ""),
    ],
)
def test_non_cyrillic_characters_are_kept_and_start_new_words(
    ukrainian: str, expected: str
) -> None:
    actual = transliterate(ukrainian)
    assert actual == expected
