"""Questions whose part the records cannot answer say so plainly: how to arrange a partnership,
partners by a bloc of countries no standard lists (the Baltics, Scandinavia). None is answered
as if the part held."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import KHARKIV, conversation


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Як стати містом-побратимом?", "раду своєї громади"),
        ("Що потрібно, щоб наша громада знайшла партнера за кордоном?", "раду своєї громади"),
        ("Как стать городом-побратимом?", "раду своєї громади"),
        ("How does a city get a twin?", "ask your hromada's council"),
        ("How can our town become a sister city?", "ask your hromada's council"),
    ],
)
def test_a_how_to_question_is_not_answered_with_a_list_of_twinnings(
    curated_engine: Engine, question: str, said: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.NOT_RECORDED
    assert said in answer.text
    assert "Лілль" not in answer.text
    assert "Lille" not in answer.text


@pytest.mark.parametrize(
    ("question", "said", "countries"),
    [
        ("Хто має партнерів з Прибалтики?", "континентом", ("Латвія", "Сполучені Штати")),
        ("партнери зі Скандинавії", "континентом", ("Польща", "Франція")),
        ("Which hromadas have partners in the Baltics?", "continent", ("Latvia", "United States")),
        ("Kharkiv's partners in Scandinavia", "continent", ("Czechia", "United States")),
    ],
)
def test_partners_by_a_bloc_say_the_records_name_countries(
    curated_engine: Engine, question: str, said: str, countries: tuple[str, ...]
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert said in answer.text
    for country in countries:
        assert country in answer.text
    assert "Yes" not in answer.text


def test_a_hromada_asked_by_a_bloc_names_its_own_partners_countries(
    curated_engine: Engine,
) -> None:
    (answer,) = conversation(curated_engine, "Партнери Мени з Прибалтики?")

    assert "Мена" in answer.text
    assert "Латвія" in answer.text
    assert "Сполучені Штати" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Які партнери на Близькому Сході?",
        "Чи є партнери на Близькому Сході?",
        "побратими з Далекого Сходу",
        "партнеры на Ближнем Востоке",
        "есть ли партнеры на Дальнем Востоке",
        "Хто має побратимів на Балканах?",
        "any partners in the Middle East?",
        "Which hromadas have twins in the Balkans?",
        "partners in the Far East",
    ],
)
def test_a_region_phrase_is_never_a_village(curated_engine: Engine, question: str) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.NOT_RECORDED
    assert answer.entities.hromada is None
    assert "Схід" not in answer.text
    assert "Новоукраїнка" not in answer.text
    # Not a list of every twinning as if the region had filtered it.
    assert "Лілль —" not in answer.text
    assert "Lille, " not in answer.text
    assert "Yes" not in answer.text
    assert "Так" not in answer.text


def test_a_hromada_asked_by_a_region_phrase_keeps_the_hromada(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "чи є у харкова партнери на близькому сході")

    assert answer.entities.hromada == KHARKIV
    assert "Харків" in answer.text
    assert "Франція" in answer.text
