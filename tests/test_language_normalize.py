"""Questions typed in many ways read the same: apostrophes, mixed keyboards, romanisations."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from knowledge.text.normalize import (
    APOSTROPHES,
    cyrillic_key,
    fold,
    latin_key,
    name_key,
    normalize,
    tokenize,
)

# Characters that stress the tokeniser: apostrophes, hyphens, look-alike letters, accents,
# invisible characters, a lone surrogate, right-to-left text and letters that grow when
# casefolded.
_TRICKY = list("харків’'ʼ`´-‐iaеxyсоï İßﬁ\u0301\u0308\u200b\u200d\u00ad\u202e\ud800\u05d0٣")
_ANY_TEXT = st.text(
    st.one_of(st.characters(exclude_categories=()), st.sampled_from(_TRICKY)), max_size=60
)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Харкiв", "харків"),  # Latin i inside a Cyrillic word
        ("XAPKIB", "xapkib"),  # all Latin: stays Latin
        ("Kharkіv", "kharkiv"),  # Cyrillic і inside a Latin word
        ("Кyїв", "куїв"),
        ("КУП'ЯНСЬК", "куп’янськ"),
        ("Ха́рків", "харків"),  # stress mark
        ("Хар\u00adків", "харків"),  # soft hyphen
        ("Хар\u200bків", "харків"),  # zero-width space
        ("  Харків \n\t Київ ", "харків київ"),
        ("Київ\u0000Львів", "київ львів"),
        ("Straße", "strasse"),
        ("O'Brien", "o’brien"),
        ("Кам’янець‐Подільський", "кам’янець-подільський"),
    ],
)
def test_normalize_reads_what_people_type(typed: str, expected: str) -> None:
    actual = normalize(typed)
    assert actual == expected


@pytest.mark.parametrize("apostrophe", sorted(APOSTROPHES))
def test_every_apostrophe_means_the_same(apostrophe: str) -> None:
    actual = normalize(f"Куп{apostrophe}янськ")
    assert actual == "куп’янськ"


def test_tokenize_keeps_names_whole_and_drops_punctuation() -> None:
    question = "Де Куп'янськ, Кам’янець-Подільський і O'Brien?! 😀 2024 рік -ab-"

    actual = [token.text for token in tokenize(question)]

    expected = ["де", "куп’янськ", "кам’янець-подільський", "і", "o’brien", "2024", "рік", "ab"]
    assert actual == expected


def test_dotted_initials_are_one_word() -> None:
    question = "Partners in the U.K.? А в С.Ш.А, м.Київ"

    actual = [token.text for token in tokenize(question)]

    assert actual == ["partners", "in", "the", "uk", "а", "в", "сша", "м", "київ"]


def test_spaced_capital_initials_are_one_word_and_small_letters_stay_words() -> None:
    question = "Partners in the U S A? А В Польщі? is it a b"

    actual = [token.text for token in tokenize(question)]

    assert actual == [
        "partners", "in", "the", "usa", "а", "в", "польщі", "is", "it", "a", "b"
    ]  # fmt: skip


def test_token_offsets_point_into_the_original_question() -> None:
    question = "Партнери  Хaркова?"  # Latin a

    (_, city) = tokenize(question)

    assert (city.text, question[city.start : city.end]) == ("харкова", "Хaркова")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kupiansk", (False, True)),
        ("Куп’янськ", (False, False)),
        ("2024", (True, False)),
        ("٢٠٢٤", (True, False)),
    ],
)
def test_tokens_say_whether_they_are_numbers_or_latin(
    text: str, expected: tuple[bool, bool]
) -> None:
    (token,) = tokenize(text)
    actual = (token.is_number, token.is_latin)
    assert actual == expected


def test_numbers_in_other_digits_read_as_ascii() -> None:
    actual = [token.text for token in tokenize("у ٢٠٢٤ році")]
    assert actual == ["у", "2024", "році"]


@given(_ANY_TEXT)
def test_tokenize_never_fails_and_offsets_slice_back(text: str) -> None:
    tokens = tokenize(text)

    previous_end = 0
    for token in tokens:
        assert previous_end <= token.start < token.end <= len(text)
        piece = text[token.start : token.end]
        if token.is_number:
            assert piece.isdecimal()
            assert token.text.isascii()
            assert token.text.isdigit()
        else:
            # Dotted and spaced initials ("U.K.", "U S A") are one word, read without their
            # dots and spaces.
            assert normalize(re.sub(r"[.\s]", "", piece)) == token.text
        previous_end = token.end


@given(_ANY_TEXT)
def test_normalize_never_fails_and_is_stable(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Куп’янськ", "Купянськ"),
        ("Куп'янськ", "КУПЯНСЬК"),
        ("Košice", "Kosice"),
        ("Żyraków", "Zyrakow"),
        ("Łódź", "Lodz"),
        ("Straße", "Strasse"),
        ("Ґалаґан", "Галаган"),
        ("Эльблонг", "Ельблонг"),
        ("Ёлка", "Елка"),
        ("Ворошиловград", "Вoрoшилoвград"),
    ],
)
def test_fold_forgives_spelling_details_of_names(first: str, second: str) -> None:
    assert fold(first) == fold(second)


@pytest.mark.parametrize(
    ("word", "expected"),
    [("Київ", "київ"), ("Йосипівка", "йосипівка"), ("Міськ", "міск")],
)
def test_fold_keeps_ukrainian_letters_with_marks(word: str, expected: str) -> None:
    actual = fold(word)
    assert actual == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [("Львів", "Київ"), ("Мена", "Лена"), ("Кошице", "Кошиці")],
)
def test_fold_keeps_different_names_apart(first: str, second: str) -> None:
    assert fold(first) != fold(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("Kupiansk", "Kupyansk"),
        ("Kupiansk", "Kup'yans'k"),
        ("Kharkiv", "Charkiw"),
        ("Kharkiv", "Harkiv"),
        ("Kharkiv", "Харків"),
        ("Zaporizhzhia", "Zaporizhia"),
        ("Zaporizhzhia", "Zaporižžja"),
        ("Bila Tserkva", "Bila Cerkva"),
        ("Horodok", "Gorodok"),
        ("Shchastia", "Szczastja"),
        ("Kyiv", "Київ"),
    ],
)
def test_latin_key_joins_romanisations_of_one_name(first: str, second: str) -> None:
    assert latin_key(first) == latin_key(second)


@pytest.mark.parametrize(
    ("first", "second"),
    [("Lviv", "Kyiv"), ("Mena", "Lena"), ("Zaporizhzhia", "Zaporozhye"), ("Sumy", "Rumy")],
)
def test_latin_key_keeps_different_names_apart(first: str, second: str) -> None:
    assert latin_key(first) != latin_key(second)


@pytest.mark.parametrize(
    ("russian", "ukrainian"),
    [("Изерния", "Ізернія"), ("Люблин", "Люблін"), ("Лидсом", "Лідсом"), ("Эльблонг", "Ельблонг")],
)
def test_russian_and_ukrainian_spellings_of_a_foreign_name_share_a_key(
    russian: str, ukrainian: str
) -> None:
    assert cyrillic_key(name_key(russian)) == cyrillic_key(name_key(ukrainian))
