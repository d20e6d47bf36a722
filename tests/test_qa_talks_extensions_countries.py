"""Talks, twin-city counts, two-part country questions, extensions and partner countries:
a town only in talks is no partner, an extension is no signing, and each part of a question
keeps its own country."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def _ask(engine: Engine, *questions: str) -> str:
    context = None
    text = ""
    for question in questions:
        answer = engine.answer(question, context, today=TODAY)
        context, text = answer.context, answer.text
    return text


@pytest.mark.parametrize(
    ("question", "no_talks", "partner"),
    [
        ("Харків з ким веде переговори?", "Харків: перемовин у базі немає", "Альбукерке"),
        ("with whom is Kupiansk negotiating?", "Kupiansk: no talks under way", "Columbus"),
        ("с кем ведет переговоры купянск", "Куп’янськ: перемовин у базі немає", "Колумбус"),
    ],
)
def test_no_talks_is_said_as_no_talks_not_as_no_partners(
    engine: Engine, question: str, no_talks: str, partner: str
) -> None:
    text = _ask(engine, question)

    assert text.startswith(no_talks)
    assert "партнерів у базі немає" not in text
    assert "no partners are recorded" not in text
    assert partner in text


def test_no_talks_names_what_is_planned(engine: Engine) -> None:
    text = _ask(engine, "з ким веде переговори харків")

    planned = text.split("Заплановано, ще не підписано:")[1]
    assert "Альбукерке" in planned.splitlines()[1]


@pytest.mark.parametrize(
    ("questions", "partners", "unsigned"),
    [
        (("скільки побратимів у мени",), "Домброва, Жиракув, Кастельтерміні, Олайне.", "Фрідберг"),
        (("how many twin cities does Mena have?",), "Dąbrowa, Olaine, Żyraków.", "Friedberg"),
        (("харків побратими", "а в менской громады?"), "Олайне.", "Фрідберг"),
    ],
)
def test_a_twin_count_of_none_lists_no_unsigned_town_among_partners(
    engine: Engine, questions: tuple[str, ...], partners: str, unsigned: str
) -> None:
    text = _ask(engine, *questions)

    partner_line = next(line for line in text.splitlines() if partners in line)
    assert unsigned not in partner_line
    assert unsigned in text


@pytest.mark.parametrize(
    ("question", "yes", "no"),
    [
        ("Чи має Мена партнера в Італії, а Куп'янськ — у Франції?", "в Італії", "у Франції"),
        ("Does Mena have a partner in Poland, and Kupiansk in France?", "in Poland", "in France"),
        ("есть ли у мены партнер в латвии, а у купянска в германии?", "у Латвії", "у Німеччині"),
    ],
)
def test_a_two_part_question_checks_each_hromada_with_its_own_country(
    engine: Engine, question: str, yes: str, no: str
) -> None:
    first, second = _ask(engine, question).split("\n\n")[:2]

    assert first.startswith(("Так,", "Yes,"))
    assert yes in first
    assert second.startswith(("Ні,", "No,"))
    assert no in second


@pytest.mark.parametrize(
    ("questions", "pair"),
    [
        (("Хто має більше угод, Мена чи Харків?", "а Мена чи Куп'янськ?"), ("Мена", "Куп’янськ")),
        (
            ("who has more partners, Kharkiv or Mena?", "and Kupiansk or Mena?"),
            ("Kupiansk", "Mena"),
        ),
    ],
)
def test_a_follow_up_naming_two_hromadas_compares_both(
    engine: Engine, questions: tuple[str, ...], pair: tuple[str, str]
) -> None:
    text = _ask(engine, *questions)

    assert all(any(line.startswith(f"{name}: ") for line in text.splitlines()) for name in pair)
    assert "Мена" in text.splitlines()[2] or "Mena" in text.splitlines()[2]


@pytest.mark.parametrize(
    ("question", "heading"),
    [
        ("які угоди харкова продовжено у 2023", "у 2023 р. продовжено 1 угоду"),
        ("which agreements were extended in 2023?", "1 agreement was extended in 2023"),
        ("какие соглашения продлены в 2023 году", "продовжено 1 угоду"),
        ("що продовжив харків у 2023", "продовжено 1 угоду"),
    ],
)
def test_extended_in_a_year_lists_extensions_not_expiries(
    engine: Engine, question: str, heading: str
) -> None:
    text = _ask(engine, question)

    assert heading in text.splitlines()[0]
    assert "Цинциннаті" in text or "Cincinnati" in text
    assert "спливає" not in text
    assert "expires" not in text


@pytest.mark.parametrize(
    "question",
    ["які угоди мени продовжено у 2023", "which kharkiv agreements were extended in 2022?"],
)
def test_no_extension_in_the_year_is_said_so(engine: Engine, question: str) -> None:
    text = _ask(engine, question)

    assert "продовжених у" in text or "no agreement was extended" in text
    assert "Цинциннаті" not in text
    assert "Cincinnati" not in text


@pytest.mark.parametrize(
    "question",
    ["Which agreements were signed in 2023?", "які угоди підписано у 2023 році"],
)
def test_signed_in_a_year_nation_wide_says_the_extension_apart(
    engine: Engine, question: str
) -> None:
    text = _ask(engine, question)

    signed, _, extended = text.partition("Extended in 2023" if "Olaine" in text else "Продовжено")
    assert "Cincinnati" not in signed
    assert "Цинциннаті" not in signed
    assert "Cincinnati" in extended or "Цинциннаті" in extended


@pytest.mark.parametrize(
    ("question", "lines", "unsigned"),
    [
        ("з якими країнами співпрацює мена", ["• Польща: Домброва, Жиракув"], "Фрідберг"),
        ("which countries does Mena cooperate with?", ["• Latvia: Olaine"], "Friedberg"),
        (
            "с какими странами сотрудничает харьков",
            ["• Сполучені Штати: Альбукерке, Цинциннаті", "• Чехія: Брно"],
            None,
        ),
    ],
)
def test_which_countries_names_the_countries_with_their_partners(
    engine: Engine, question: str, lines: list[str], unsigned: str | None
) -> None:
    text = _ask(engine, question).splitlines()

    assert all(line in text for line in lines)
    assert not any("Угода про" in line or "Agreement" in line for line in text)
    if unsigned is not None:
        assert not any(line.startswith("•") and unsigned in line for line in text)
        assert any(unsigned in line for line in text)


@pytest.mark.parametrize(
    ("question", "counted"),
    [
        ("скільки країн-партнерів у мени", "Мена: партнери в 3 країнах: Італія, Латвія, Польща"),
        ("how many countries does Mena have partners in?", "Mena: partners in 3 countries"),
    ],
)
def test_a_count_of_partner_countries_leaves_out_a_country_of_talks_only(
    engine: Engine, question: str, counted: str
) -> None:
    text = _ask(engine, question)

    assert text.startswith(counted)
    assert "Фрідберг (Німеччина)" in text or "Friedberg (Germany)" in text
