"""«Чи є у Мени партнер у Німеччині?» opens with a yes or a no; unsigned talks are a no."""

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
    ("question", "opening"),
    [
        ("чи є у харкова побратим у польщі?", "Ні,"),
        ("в харькова есть побратимы в чехии?", "Так,"),
        ("is there a twin city of Kharkiv in Germany", "No,"),
        ("Is there a twin city of Kharkiv in Czechia?", "Yes,"),
        ("чи є у харкова побратим у сша?", "Ні,"),
        ("чи є у мени партнери в польщі?", "Так,"),
    ],
)
def test_a_partner_in_a_country_is_answered_yes_or_no_first(
    engine: Engine, question: str, opening: str
) -> None:
    assert engine.answer(question, today=TODAY).text.startswith(opening)


def test_talks_not_yet_signed_are_a_no_that_names_the_partner(engine: Engine) -> None:
    actual = engine.answer("чи є у мени партнер у німеччині", today=TODAY)

    first_line = actual.text.splitlines()[0]
    assert first_line.startswith("Ні,")
    assert "Фрідберг" in first_line
    assert not any("Фрідберг" in suggestion for suggestion in actual.suggestions)


@pytest.mark.parametrize(
    ("question", "planned_heading"),
    [
        ("побратими харкова", "Заплановано, ще не побратими:"),
        ("Kharkiv twin cities", "Planned, not yet twin cities:"),
    ],
)
def test_a_planned_twinning_is_listed_apart_from_the_twin_cities(
    engine: Engine, question: str, planned_heading: str
) -> None:
    # The yes-or-no answer says Kharkiv has no twin city in the United States: the list agrees.
    lines = engine.answer(question, today=TODAY).text.splitlines()

    apart = lines.index(planned_heading)
    twins, planned = "\n".join(lines[:apart]), "\n".join(lines[apart:])
    assert "Альбукерке" not in twins
    assert "Albuquerque" not in twins
    assert "Альбукерке" in planned or "Albuquerque" in planned
    assert "Брно" in twins or "Brno" in twins


def test_the_third_after_twin_cities_is_the_planned_one_shown_last(engine: Engine) -> None:
    first = engine.answer("побратими харкова", today=TODAY)
    actual = engine.answer("а третій?", first.context, today=TODAY)

    assert "Альбукерке" in actual.text


@pytest.mark.parametrize(
    ("question", "opening", "partner"),
    [
        ("чи є побратими в італії", "Ні.", "Кастельтерміні"),
        ("Are there twin cities in Germany?", "No.", "Friedberg"),
        ("чи є партнери в польщі?", "Так.", "Домброва"),
        ("Are there partners in Poland?", "Yes.", "Dąbrowa"),
    ],
)
def test_a_nation_wide_question_about_a_country_is_answered_yes_or_no_first(
    engine: Engine, question: str, opening: str, partner: str
) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert actual.startswith(opening)
    assert partner in actual


@pytest.mark.parametrize(
    ("question", "partner"),
    [("British twin towns", "Leeds"), ("німецькі побратими", "Фрідберг")],
)
def test_a_country_without_the_kind_asked_shows_what_it_has_instead_of_nothing(
    engine: Engine, question: str, partner: str
) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert partner in actual
    assert "no partnerships" not in actual
    assert "записів про партнерства" not in actual


@pytest.mark.parametrize(
    ("question", "present", "absent"),
    [
        (
            "Which Ukrainian cities have partners in the United States?",
            ("Kharkiv", "Kupiansk", "Columbus"),
            "Virgin",
        ),
        ("British partner city of Kharkiv", ("Leeds",), "Lille"),
    ],
)
def test_a_country_named_in_full_or_by_its_adjective_is_that_country_not_a_territory(
    engine: Engine, question: str, present: tuple[str, ...], absent: str
) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert all(name in actual for name in present)
    assert absent not in actual


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("чи є у харкова партнери в шотландії", "Ні,"),
        ("чи є у харкова партнери в англії?", "Так,"),
        ("чи є партнери в шотландії", "Ні. Шотландія"),
        ("Are there partners in Wales?", "No. Wales"),
    ],
)
def test_a_constituent_country_is_asked_about_itself_not_the_whole_united_kingdom(
    engine: Engine, question: str, opening: str
) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert actual.startswith(opening)
    # Leeds lies in England: a partner there is none in Scotland or Wales.
    assert ("Лідс, Англія" in actual) is ("англії" in question)


def test_a_list_of_partners_in_a_region_opens_with_no_yes(engine: Engine) -> None:
    actual = engine.answer("партнери в англії", today=TODAY).text

    assert actual.startswith("Англія — партнери в Україні:")
    assert "Лідс" in actual


@pytest.mark.parametrize(
    ("question", "opening", "partner"),
    [
        ("is mena negotiating with a german town?", "Yes,", "Friedberg"),
        ("чи веде мена перемовини з німецьким містом?", "Так:", "Фрідберг"),
        ("чи веде харків перемовини у франції?", "Ні:", None),
    ],
)
def test_a_yes_or_no_about_talks_in_a_country_answers_about_the_talks(
    engine: Engine, question: str, opening: str, partner: str | None
) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert actual.startswith(opening)
    assert partner is None or partner in actual.splitlines()[1]


@pytest.mark.parametrize(
    ("question", "opening"),
    [("чи є у мени побратими?", "Ні,"), ("does kupiansk have a twin city", "No,")],
)
def test_a_hromada_without_twin_cities_answers_no_and_names_its_partners(
    engine: Engine, question: str, opening: str
) -> None:
    actual = engine.answer(question, today=TODAY).text

    assert actual.startswith(opening)
    assert "Олайне" in actual or "Columbus" in actual
