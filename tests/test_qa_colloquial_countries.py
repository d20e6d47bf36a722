"""The United States by its everyday names («Штати», «Америка», "the States") in questions."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "expected", "excluded"),
    [
        ("шо за партнери у харькова в штатах", "Альбукерке", "Кошице"),
        ("партнери харкова в Америці", "Цинциннаті", "Брно"),
        ("партнеры харькова в штатах", "Альбукерке", "Лидс"),
        ("Kharkiv partners in the States", "Cincinnati", "Košice"),
    ],
)
def test_the_united_states_by_an_everyday_name_filters_partners(
    curated_engine: Engine, question: str, expected: str, excluded: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert expected in answer.text
    assert excluded not in answer.text


@pytest.mark.parametrize(
    "question",
    ["партнери харкова в Південній Америці", "партнеры харькова в латинской америке"],
)
def test_a_part_of_the_americas_is_a_group_of_countries_not_the_united_states(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.NOT_RECORDED
    # Albuquerque may be named among the partners there are, never as one in the region.
    assert not answer.text.startswith(("Харків —", "Так"))
    assert "Альбукерке" not in answer.text.splitlines()[0]


@pytest.mark.parametrize(
    ("question", "none", "where"),
    [
        (
            "партнери харкова в Південній Америці",
            "Харків: партнерів у базі немає (Південна Америка).",
            "Альбукерке",
        ),
        ("партнери мени в Азії", "Мена: партнерів у базі немає (Азія).", "Олайне"),
        (
            "Kharkiv partners in South America",
            "Kharkiv: no partners are recorded (South America).",
            "Albuquerque",
        ),
    ],
)
def test_a_region_with_none_of_the_hromada_s_partners_says_so_and_names_them(
    curated_engine: Engine, question: str, none: str, where: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.NOT_RECORDED
    assert answer.text.startswith(none)
    assert where in answer.text.splitlines()[1]


@pytest.mark.parametrize(
    ("question", "partner"),
    [("партнери харкова в Європі", "Брно"), ("Kharkiv partners in North America", "Cincinnati")],
)
def test_a_region_holding_the_hromada_s_partners_lists_them(
    curated_engine: Engine, question: str, partner: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.PARTNERS
    assert partner in answer.text
