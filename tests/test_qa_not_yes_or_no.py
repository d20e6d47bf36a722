"""A question asking where to read about an agreement, or for a partner's list by name, is
answered with what it asks for, not with a yes first."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("де можна почитати про угоду з альбукерке", "Альбукерке"),
        ("Where can I read about the agreement with Albuquerque?", "Albuquerque"),
        ("где почитать про соглашение харькова с Лиллем", "12 січня 2024"),
    ],
)
def test_where_to_read_about_an_agreement_answers_with_its_sources(
    curated_engine: Engine, question: str, source: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.SOURCES
    assert not answer.text.startswith(("Так", "Yes"))
    assert source in answer.text


@pytest.mark.parametrize("question", ["партнери лілля", "партнеры лилля", "partners of Lille"])
def test_a_partners_list_asked_by_name_does_not_open_with_a_yes(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert not answer.text.startswith(("Так", "Yes"))
    assert "Lille" in answer.text or "Лілль" in answer.text


@pytest.mark.parametrize(
    ("question", "shown"),
    [
        ("допомога харкову", "Харків"),
        ("допомога мені з Польщі", "Польща"),
        ("помощь харькову", "Харків"),
        ("угода харкова з цинциннаті", "Цинциннаті"),
        ("меморандум купянськ колумбус", "Колумбус"),
        ("Kharkiv agreement with Cincinnati", "Cincinnati"),
        ("kupyansk memorandum kolumbus", "Columbus"),
        ("aid to Kharkiv", "Kharkiv"),
    ],
)
def test_a_bare_noun_phrase_shows_the_facts_without_a_yes(
    curated_engine: Engine, question: str, shown: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert not answer.text.startswith(("Так", "Yes", "Ні", "No"))
    assert shown in answer.text


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Харків Лілль побратими?", "Так"),
        ("Чи має Харків угоду з Цинциннаті?", "Так"),
        ("Is there an agreement between Kharkiv and Cincinnati?", "Yes"),
        ("Is Kharkiv twinned with Lille?", "Yes"),
        ("Kharkiv Lille twins?", "Yes"),
    ],
)
def test_a_pair_asked_as_a_question_still_opens_with_a_yes(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


@pytest.mark.parametrize(
    ("question", "hromada", "partner"),
    [
        ("домброва чия партнерка", "Мена", "Домброва"),
        ("чий партнер Жиракув", "Мена", "Жиракув"),
        ("чиї партнери Олайне?", "Мена", "Олайне"),
        ("чьи партнеры Олайне?", "Мена", "Олайне"),
        ("чей побратим Лилль", "Харків", "Лілль"),
        ("whose partner is Olaine?", "Mena", "Olaine"),
    ],
)
def test_a_whose_question_names_the_hromada_without_a_yes(
    curated_engine: Engine, question: str, hromada: str, partner: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert not answer.text.startswith(("Так", "Yes"))
    assert answer.text.startswith(hromada)
    assert partner in answer.text


def test_a_yes_or_no_question_with_chi_still_opens_with_its_answer(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "Чи є у Львова побратими?")

    assert answer.text.startswith("Ні")


@pytest.mark.parametrize(
    ("question", "countries"),
    [
        ("допомога з Далекого Сходу", ("Японія", "Польща")),
        ("допомога мені з Далекого Сходу", ("Данія", "Норвегія")),
        ("aid from the Far East to Kharkiv", ("Japan", "Poland")),
    ],
)
def test_aid_asked_by_a_group_of_countries_answers_about_aid(
    curated_engine: Engine, question: str, countries: tuple[str, ...]
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.NOT_RECORDED
    assert "партнер" not in answer.text
    assert "partner" not in answer.text
    assert "допомог" in answer.text or "aid" in answer.text
    for country in countries:
        assert country in answer.text


def test_aid_by_a_group_of_countries_keeps_to_the_hromada_asked(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "допомога мені з Далекого Сходу")

    # Japan sent aid to Kharkiv, not to Mena.
    assert "Данія" in answer.text
    assert "Японія" not in answer.text.split("Запитайте")[0]


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Допомогу Мена отримувала?", "Так"),
        ("угоду з Ліллем Харків підписав?", "Так"),
        ("помощь Мена получала?", "Так"),
    ],
)
def test_a_noun_phrase_with_a_verb_still_asks_yes_or_no(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


@pytest.mark.parametrize(
    "question",
    [
        "закончилось соглашение харькова с кошице?",
        "соглашение харькова с кошице действует?",
        "угода харкова з кошице діє?",
    ],
)
def test_a_noun_phrase_with_a_russian_or_ukrainian_verb_opens_with_its_answer(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(("Так", "Ні"))


@pytest.mark.parametrize(
    ("first", "then", "opening"),
    [
        ("Коли Харків підписав угоду з Кошице?", "а звідти допомога була?", "Ні"),
        ("Коли Харків підписав угоду з Брно?", "а звідти допомога була?", "Ні"),
        ("Коли Мена підписала угоду з Олайне?", "а звідти допомога була?", "Ні"),
    ],
)
def test_aid_from_the_partner_asked_with_was_opens_with_a_no(
    curated_engine: Engine, first: str, then: str, opening: str
) -> None:
    _, answer = conversation(curated_engine, first, then)

    assert answer.text.startswith(opening)
