"""Place names are recognised in every case a question may put them in."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.text.morphology import adjective_forms, inflections, lemmas
from knowledge.text.normalize import normalize


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("харкові", "харків"),
        ("куп’янську", "куп’янськ"),
        ("лідсі", "лідс"),
        ("мені", "мена"),
        ("нідерландах", "нідерланди"),
        ("британією", "британія"),
        ("громади", "громада"),
        ("партнерства", "партнерство"),
    ],
)
def test_lemmas_lead_an_inflected_word_back_to_its_dictionary_form(
    word: str, expected: str
) -> None:
    actual = lemmas(word)
    assert expected in actual


def test_lemmas_keep_every_reading_of_an_ambiguous_word() -> None:
    # "мені" is both "to me" and the locative of the town Мена; the caller must decide.
    actual = lemmas("мені")
    assert {"мена", "я"} <= actual


@pytest.mark.parametrize("word", ["kyiv", "o’brien", "2024"])
def test_lemmas_leave_latin_words_and_numbers_alone(word: str) -> None:
    actual = lemmas(word)
    assert actual == frozenset({word})


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Харків", {"харків", "харкова", "харкову", "харковом", "харкові"}),
        ("Куп'янськ", {"куп’янськ", "куп’янська", "куп’янську", "куп’янськом"}),
        ("Лідс", {"лідс", "лідса", "лідсу", "лідсом", "лідсі"}),
        ("Мена", {"мена", "мени", "мені", "мену", "меною"}),
        ("Домброва", {"домброви", "домброві", "домброву", "домбровою"}),
        ("Нідерланди", {"нідерландів", "нідерландам", "нідерландами", "нідерландах"}),
        ("Велика Британія", {"великої британії", "великій британії", "великою британією"}),
        ("Сполучені Штати", {"сполучених штатів", "сполученим штатам", "сполучених штатах"}),
        ("Біла Церква", {"білої церкви", "білій церкві", "білу церкву", "білою церквою"}),
        ("Кам’янець-Подільський", {"кам’янця-подільського", "кам’янцем-подільським"}),
        ("Івано-Франківськ", {"івано-франківська", "івано-франківську"}),
        ("Франкфурт-на-Майні", {"франкфурта-на-майні", "франкфурті-на-майні"}),
    ],
)
def test_inflections_cover_the_cases_a_question_uses(name: str, expected: set[str]) -> None:
    actual = inflections(name)
    assert expected <= actual


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        # Unknown to the dictionary: guessed by the ending, the undeclined form kept as well.
        ("Жиракув", {"жиракув", "жиракува", "жиракуві", "жиракувом"}),
        ("Олайне", {"олайне"}),
        # A plural in -ці: Пардубиці as residents decline it, not as an undeclined word.
        ("Пардубиці", {"пардубиці", "пардубиць", "пардубицям", "пардубицями", "пардубицях"}),
        ("Бєльці", {"бєльці", "бєльців", "бєльцями", "бєльцях"}),
    ],
)
def test_inflections_guess_names_the_dictionary_lacks(name: str, expected: set[str]) -> None:
    actual = inflections(name)
    assert expected <= actual


@pytest.mark.parametrize("name", ["Кошице", "Альбукерке", "Олайне", "Цинциннаті"])
def test_indeclinable_names_have_one_form(name: str) -> None:
    actual = inflections(name)
    assert actual == frozenset({name.lower()})


@pytest.mark.parametrize(
    ("name", "unexpected"),
    [
        ("Велика Британія", "великої британією"),  # cases must agree
        ("Біла Церква", "біла церкви"),
        ("Франкфурт-на-Майні", "франкфурт-ни-майні"),  # "на" is a preposition, not a noun
        ("Мена", "мене"),  # "мене" is "me", not a form of the town
    ],
)
def test_inflections_do_not_invent_wrong_forms(name: str, unexpected: str) -> None:
    actual = inflections(name)
    assert unexpected not in actual


@pytest.mark.parametrize(("first", "second"), [("Львів", "Київ"), ("Мена", "Лена")])
def test_different_cities_share_no_forms(first: str, second: str) -> None:
    actual = inflections(first) & inflections(second)
    assert actual == frozenset()


@pytest.mark.parametrize(
    ("adjective", "expected"),
    [
        ("харківська", {"харківські", "харківських", "харківського", "харківській"}),
        ("Латвійський", {"латвійське", "латвійська", "латвійських", "латвійським"}),
        ("жиракувська", {"жиракувської", "жиракувські", "жиракувський"}),
        ("івано-франківська", {"івано-франківської", "івано-франківські"}),
    ],
)
def test_adjective_forms_cover_genders_numbers_and_cases(
    adjective: str, expected: set[str]
) -> None:
    actual = adjective_forms(adjective)
    assert expected <= actual


@given(st.text(st.sampled_from("абвгґдеєжзиіїйклмнопрстуфхцчшщьюя’'- kiя\u0301")))
def test_any_name_inflects_without_failing_and_keeps_itself(name: str) -> None:
    actual = inflections(name)
    assert normalize(name) in actual
