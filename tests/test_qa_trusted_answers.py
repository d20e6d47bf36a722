"""Answers a resident can check against the records: counts that agree with the lists, a "no"
that still shows what exists, follow-ups that keep only what still fits."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import KHARKIV, TODAY, body, conversation

# -- counts agree with the lists ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "count", "unsigned"),
    [
        ("скільки міст-партнерів у Менської громади?", "4 партнери", "Ще не підписано: Фрідберг"),
        ("How many partner towns has Mena got?", "4 partners", "Not signed yet: Friedberg"),
        ("скільки партнерів у мени", "4 партнери", "Фрідберг"),
    ],
)
def test_a_count_of_partners_leaves_out_the_town_only_in_talks(
    curated_engine: Engine, question: str, count: str, unsigned: str
) -> None:
    text = body(curated_engine.answer(question, today=TODAY))

    assert count in text
    assert unsigned in text
    assert "5 partners" not in text
    assert "5 партнерів" not in text


def test_the_count_agrees_with_the_list(curated_engine: Engine) -> None:
    listed = curated_engine.answer("які партнери у Мени?", today=TODAY).text
    counted = curated_engine.answer("скільки партнерів у Мени?", today=TODAY).text

    assert "4 партнери" in listed
    assert "4 партнери" in counted


@pytest.mark.parametrize(
    ("question", "expected", "not_expected"),
    [
        ("скільки угод підписав Харків у 2023 році?", "4 підписані угоди", "Брно"),
        ("How many agreements did Kharkiv sign in 2023?", "4 signed agreements", "Brno"),
        ("скільки партнерів з'явилося у Харкова в 2023 році?", "3 партнери", "Лілль"),
    ],
)
def test_a_year_in_a_count_counts_what_was_signed_that_year(
    curated_engine: Engine, question: str, expected: str, not_expected: str
) -> None:
    text = body(curated_engine.answer(question, today=TODAY))

    assert expected in text
    assert "2023" in text
    assert not_expected not in text


@pytest.mark.parametrize(
    ("questions", "expected", "not_expected"),
    [
        (("хто побратими Львова?", "а Харкова?", "а скільки їх?"), "2 міста-побратими", "Лідс"),
        (("Kharkiv's twin cities", "how many of them?"), "2 twin cities", "Leeds"),
        (("партнери Харкова у США", "а скільки їх?"), "2 партнери", "Лідс"),
    ],
)
def test_how_many_of_them_counts_what_was_just_shown(
    curated_engine: Engine, questions: tuple[str, ...], expected: str, not_expected: str
) -> None:
    text = body(conversation(curated_engine, *questions)[-1])

    assert expected in text
    assert not_expected not in text


# -- a "no" to a twin city in a country still shows the agreements there ---------------------


@pytest.mark.parametrize(
    ("question", "opening", "expected"),
    [
        ("does kharkiv have a sister city in the USA?", "No", ("Cincinnati", "Albuquerque")),
        ("чи є у Харкова побратим у Словаччині?", "Ні", ("Кошице", "Угода про співпрацю")),
        ("чи має Куп'янськ місто-побратима в США?", "Ні", ("Колумбус", "Меморандум")),
        ("Is Mena twinned with any town in Latvia?", "No", ("Olaine",)),
    ],
)
def test_no_twin_city_in_a_country_lists_the_other_agreements_there(
    curated_engine: Engine, question: str, opening: str, expected: tuple[str, ...]
) -> None:
    text = curated_engine.answer(question, today=TODAY).text

    assert text.startswith(opening)
    for name in expected:
        assert name in text


# -- follow-ups keep only the filters that still fit ------------------------------------------


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        (("хто побратими купянська", "а коли підписали?"), "травні 2025"),
        (("Kupiansk's sister cities?", "when was it signed?"), "May 2025"),
        (("які побратими у Мени?", "а коли підписали?"), "Олайне"),
    ],
)
def test_a_follow_up_drops_a_filter_that_would_hide_the_answer(
    curated_engine: Engine, questions: tuple[str, ...], expected: str
) -> None:
    answer = conversation(curated_engine, *questions)[-1]

    assert expected in answer.text
    assert "no such" not in answer.text
    assert "таких угод" not in answer.text


@pytest.mark.parametrize(
    ("questions", "expected", "not_expected"),
    [
        (
            ("з ким підписала угоду Мена у 2023?", "а де це?", "а Харків у 2023?"),
            ("Кошице", "Лідс"),
            "Лілль",
        ),
        (
            ("Where is Olaine?", "and Kharkiv in 2023?"),
            ("Košice", "Leeds"),
            "Lille",
        ),
    ],
)
def test_a_follow_up_naming_a_hromada_and_a_year_after_where(
    curated_engine: Engine,
    questions: tuple[str, ...],
    expected: tuple[str, ...],
    not_expected: str,
) -> None:
    answer = conversation(curated_engine, *questions)[-1]

    assert answer.entities.hromada == KHARKIV
    for name in expected:
        assert name in answer.text
    assert not_expected not in answer.text


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        (("Які партнери в Харкова?", "а з ким ще?"), "Це всі партнери громади Харків"),
        (("партнеры мены", "а кто еще?"), "Це всі партнери громади Мена"),
        (("Who are Kupiansk's partners?", "who else?"), "These are all of Kupiansk's partners"),
    ],
)
def test_who_else_after_the_full_list_says_these_are_all(
    curated_engine: Engine, questions: tuple[str, ...], expected: str
) -> None:
    first, then = conversation(curated_engine, *questions)

    assert expected in then.text
    assert then.text != first.text


def test_who_else_after_a_filtered_list_shows_the_rest(curated_engine: Engine) -> None:
    first, then = conversation(curated_engine, "партнери Харкова у США", "а з ким ще?")

    assert "Цинциннаті" in first.text
    assert "інші партнери" in then.text
    assert "Кошице" in then.text
    assert "Цинциннаті" not in body(then)


# -- the signing date asked: a renewal is part of the answer ----------------------------------


@pytest.mark.parametrize(
    ("questions", "expected"),
    [
        (
            ("Is Kupiansk twinned with Columbus?", "when?", "and Kharkiv with Cincinnati?"),
            "extended in 2023 for 5 years",
        ),
        (("коли підписали меморандум харкова з цинциннаті?",), "продовжено у 2023"),
    ],
)
def test_when_signed_tells_of_the_extension(
    curated_engine: Engine, questions: tuple[str, ...], expected: str
) -> None:
    text = conversation(curated_engine, *questions)[-1].text

    assert expected in text
    assert "2028" in text


# -- towns in talks are not called partners ---------------------------------------------------


@pytest.mark.parametrize(
    ("question", "expected", "not_expected"),
    [
        ("з ким веде переговори менська громада", "тривають перемовини з 1 містом", "1 партнер"),
        ("Who is Mena negotiating with?", "talks under way with 1 town", "1 partner"),
    ],
)
def test_towns_in_talks_are_not_called_partners(
    curated_engine: Engine, question: str, expected: str, not_expected: str
) -> None:
    text = curated_engine.answer(question, today=TODAY).text

    assert expected in text
    assert "Фрідберг" in text or "Friedberg" in text
    assert not_expected not in text


# -- aid: the items once; "from which countries?" lists the countries -------------------------


@pytest.mark.parametrize(
    "question", ["яку допомогу отримала менська громада", "What did Mena receive as aid?"]
)
def test_the_aid_items_are_not_repeated_in_brackets(curated_engine: Engine, question: str) -> None:
    text = curated_engine.answer(question, today=TODAY).text

    assert "14" in text
    assert text.count("14") == 1
    assert "(14" not in text


@pytest.mark.parametrize(
    ("questions", "expected", "not_expected"),
    [
        (("яку допомогу отримала Мена?", "а з яких країн?"), "Норвегія", "автомобіл"),
        (("What aid did Kharkiv receive?", "from which countries?"), "Japan", "tents"),
        (("какую помощь получил харьков", "а из каких стран?"), "Японія", "намети"),
    ],
)
def test_from_which_countries_after_an_aid_answer_lists_the_countries(
    curated_engine: Engine, questions: tuple[str, ...], expected: str, not_expected: str
) -> None:
    text = conversation(curated_engine, *questions)[-1].text

    assert expected in text
    assert not_expected not in text


# -- a part of the year: «а наприкінці року?» ---------------------------------------------------


@pytest.mark.parametrize(
    ("questions", "expected", "not_expected"),
    [
        (
            (
                "з ким підписала угоду Мена у 2023?",
                "а де це?",
                "а Харків у 2023?",
                "а наприкінці року?",
            ),
            "Лідс",
            "Кошице",
        ),
        (("Kharkiv agreements 2023", "and at the end of the year?"), "Leeds", "Košice"),
        (("какие соглашения подписал харьков в 2023", "а в конце года?"), "Лідс", "Кошице"),
        (("які угоди підписав харків наприкінці 2023 року?",), "Лідс", "Альбукерке"),
        (("What did Kharkiv sign at the end of 2023?",), "Leeds", "Albuquerque"),
    ],
)
def test_the_end_of_a_year_keeps_what_was_signed_then(
    curated_engine: Engine, questions: tuple[str, ...], expected: str, not_expected: str
) -> None:
    answer = conversation(curated_engine, *questions)[-1]

    assert answer.entities.hromada == KHARKIV
    assert expected in answer.text
    assert not_expected not in answer.text


def test_the_end_of_a_term_is_still_an_expiry(curated_engine: Engine) -> None:
    answer = curated_engine.answer(
        "Which Kharkiv agreements expire at the end of 2028?", today=TODAY
    )

    assert answer.intent is Intent.EXPIRING
    assert "Cincinnati" in answer.text
