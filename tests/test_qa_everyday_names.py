"""Names typed the everyday way: a city's nickname names the city, and a Russian function
word («была», «от», «для») is never read as a village's name."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.text.morphology import is_russian_common_word, is_russian_function_word
from tests.qa_support import IVANO_FRANKIVSK, KHARKIV, KUPIANSK, MENA, TODAY, conversation

KHMELNYTSKYI = "UA68040470000053519"

# -- names typed the everyday way; Russian function words are no places --------------------


@pytest.mark.parametrize("word", ["была", "было", "были", "от", "для", "ли", "кто", "какая"])
def test_russian_function_words_are_known_as_such(word: str) -> None:
    assert is_russian_function_word(word)


@pytest.mark.parametrize("word", ["мены", "харькова", "лидс", "японии", "купянск", "помощь"])
def test_names_and_nouns_are_not_russian_function_words(word: str) -> None:
    assert not is_russian_function_word(word)


@pytest.mark.parametrize(
    "word", ["базе", "города", "страна", "помощь", "соглашение", "громады", "партнеры"]
)
def test_russian_common_nouns_are_known_as_such(word: str) -> None:
    assert is_russian_common_word(word)


@pytest.mark.parametrize("word", ["киеве", "харькова", "днепре", "купянск", "лилль", "база"])
def test_russian_place_names_and_unknown_words_are_not_common_words(word: str) -> None:
    # «база» is Ukrainian as well: the Ukrainian dictionary, not this one, guards it.
    assert is_russian_common_word(word) is (word == "база")


@pytest.mark.parametrize(
    "question",
    [
        "какие громады есть в базе",
        "какие города есть в базе данных?",
        "Какие громады в базе?",
        "что есть в базе по громадам",
    ],
)
def test_a_russian_common_noun_is_not_fuzzily_read_as_a_hromada(
    curated_engine: Engine, question: str
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert answer.intent is Intent.OVERVIEW
    assert "Харків" in answer.text
    assert "Бар" not in answer.text
    assert "найближчу" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "есть ли у Мены помощь от страны Польша",
        "какое соглашение у Харькова с Лиллем",
        "помощь городу Мена",
    ],
)
def test_russian_common_words_leave_the_named_hromada_alone(
    curated_engine: Engine, question: str
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert answer.entities.hromada in {KHARKIV, MENA}
    assert "найближчу" not in answer.text


@pytest.mark.parametrize(
    ("questions", "hromada", "expected"),
    [
        (("помощь от японии была харькову?",), KHARKIV, "Японія"),
        (("партнеры харькова", "а помощь от японии была?"), KHARKIV, "Японія"),
        (("была ли помощь для мены от сша?",), MENA, "Сполучені Штати"),
        (("были ли у купянска партнеры в сша?",), KUPIANSK, "Колумбус"),
    ],
)
def test_a_russian_verb_or_preposition_is_not_read_as_a_village(
    curated_engine: Engine, questions: tuple[str, ...], hromada: str, expected: str
) -> None:
    answer = conversation(curated_engine, *questions)[-1]

    assert answer.entities.hromada == hromada
    assert expected in answer.text
    assert "Біла" not in answer.text


@pytest.mark.parametrize("question", ["з ким побратим Франик", "які партнери у Франика?"])
def test_a_city_nickname_names_the_city(curated_engine: Engine, question: str) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert answer.entities.hromada == IVANO_FRANKIVSK
    assert answer.intent is Intent.NO_RECORDS
    assert "Івано-Франківськ" in answer.text
    assert "Лілль" not in answer.text


@pytest.mark.parametrize(
    ("question", "hromada", "expected"),
    [
        ("Які побратими Проскурова?", KHMELNYTSKYI, "Хмельницький"),
        ("з ким дружить Проскурів", KHMELNYTSKYI, "Хмельницький"),
        ("партнери Проскурова", KHMELNYTSKYI, "Хмельницький"),
        ("Які побратими Станиславова?", IVANO_FRANKIVSK, "Івано-Франківськ"),
        # Hungarian, Polish and German names, as Ukrainian texts write them.
        ("Які побратими Мункача?", "UA21040150000092428", "Мукачево"),
        ("побратими Лємберга", "UA46060250000025047", "Львів"),
        ("Які побратими Лемберга?", "UA46060250000025047", "Львів"),
        ("Ужгород (Унгвар)", "UA21100230000083101", "Ужгород"),
        ("Які побратими Унгвара?", "UA21100230000083101", "Ужгород"),
        ("партнери Берегсаса", "UA21020030000019624", "Берегове"),
    ],
)
def test_a_city_s_former_or_historic_name_names_the_city(
    curated_engine: Engine, question: str, hromada: str, expected: str
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert answer.entities.hromada == hromada
    assert expected in answer.text
    assert "Лілль" not in answer.text


@pytest.mark.parametrize("question", ["Що нового?", "що нового в партнерствах нещодавно?"])
def test_an_everyday_adjective_in_lower_case_is_not_a_village(
    curated_engine: Engine, question: str
) -> None:
    answer = curated_engine.answer(question, today=TODAY)

    assert "Нове" not in answer.text
    assert answer.intent is not Intent.NO_RECORDS


def test_a_village_named_like_an_adjective_is_found_with_a_capital(curated_engine: Engine) -> None:
    answer = curated_engine.answer("Які партнери у Нового?", today=TODAY)

    assert answer.text.startswith("Нове (Запорізька обл.)")
