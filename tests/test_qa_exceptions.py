"""«крім», «окрім», «за винятком», "except", "apart from", "other than": a country, a partner
or a kind of agreement named after them is left out of the answer a resident sees."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


@pytest.mark.parametrize(
    ("question", "kept", "left_out"),
    [
        ("партнери Харкова крім американських", ("Кошице", "Лідс"), ("Цинциннаті",)),
        ("Kharkiv's partners except those in the USA", ("Košice", "Lille"), ("Cincinnati",)),
        ("партнери Мени окрім польських", ("Олайне", "Фрідберг"), ("Домброва", "Жиракув")),
        ("партнеры Мены, за исключением Латвии", ("Домброва",), ("Олайне",)),
        ("з ким співпрацює Харків, за винятком побратимів?", ("Кошице",), ("Брно", "Лілль")),
        ("Kharkiv partners apart from Leeds", ("Košice", "Brno"), ("Leeds,",)),
        ("Mena's partners other than Olaine", ("Casteltermini",), ("Olaine, Latvia",)),
        ("побратими Харкова крім Брно", ("Лілль",), ("Брно,",)),
        ("Які партнери є в Польщі, крім Домброви?", ("Жиракув",), ("Домброва,",)),
    ],
)
def test_what_follows_except_is_left_out(
    engine: Engine, question: str, kept: tuple[str, ...], left_out: tuple[str, ...]
) -> None:
    actual = engine.answer(question, today=TODAY).text
    for name in kept:
        assert name in actual
    for name in left_out:
        assert name not in actual


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        (
            "партнери Харкова крім американських",
            "Харків — 4 партнери (за винятком: Сполучені Штати):",
        ),
        ("Kharkiv partners apart from Leeds", "Kharkiv — 5 partners (except: Leeds):"),
    ],
)
def test_the_heading_says_what_was_left_out(engine: Engine, question: str, heading: str) -> None:
    assert engine.answer(question, today=TODAY).text.splitlines()[0] == heading


def test_a_country_without_except_still_narrows_to_it(engine: Engine) -> None:
    actual = engine.answer("Партнери Харкова в США", today=TODAY).text
    assert "Цинциннаті" in actual
    assert "Кошице" not in actual


@pytest.mark.parametrize(
    ("questions", "left_out"),
    [
        (("партнери Харкова крім американських", "хто їх підписав?"), "Альбукерке"),
        (("Kharkiv partners apart from the twin cities", "when were they signed?"), "Lille"),
    ],
)
def test_a_follow_up_about_the_list_keeps_what_it_left_out(
    engine: Engine, questions: tuple[str, str], left_out: str
) -> None:
    first = engine.answer(questions[0], today=TODAY)
    actual = engine.answer(questions[1], first.context, today=TODAY).text
    assert left_out not in actual
