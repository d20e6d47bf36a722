"""Residents asking what is not signed yet get the planned agreements and the talks under way;
a yes-or-no about a hromada's partners opens with yes or no; the start and the end of a year
match the months and notes of the records, in both languages."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.qa.answer import Answer
from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document
from tests import factories

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def _conversation(engine: Engine, *questions: str) -> Answer:
    answer = engine.answer(questions[0], today=TODAY)
    for question in questions[1:]:
        answer = engine.answer(question, answer.context, today=TODAY)
    return answer


@pytest.mark.parametrize(
    ("questions", "expected", "absent"),
    [
        (("Які партнери Мени?", "а які ще не підписані?"), "Фрідберг", "Олайне"),
        (("Mena's partners", "which ones are not signed yet?"), "Friedberg", "Albuquerque"),
        (("Партнери Харкова", "яка з них ще не підписана?"), "Альбукерке", "Кошице"),
    ],
)
def test_not_signed_after_a_list_names_the_unsigned_of_that_list(
    engine: Engine, questions: tuple[str, ...], expected: str, absent: str
) -> None:
    actual = _conversation(engine, *questions).text
    assert expected in actual
    assert absent not in actual


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("які угоди ще не підписані?", ("Фрідберг", "Альбукерке", "ще не підписано")),
        ("Which agreements have not been signed yet?", ("Friedberg", "Albuquerque")),
    ],
)
def test_unsigned_nation_wide_counts_talks_under_way_as_well_as_plans(
    engine: Engine, question: str, expected: tuple[str, ...]
) -> None:
    actual = engine.answer(question, today=TODAY).text
    assert all(part in actual for part in expected)
    assert "Кошице" not in actual
    assert "Košice" not in actual


def test_planned_alone_still_leaves_the_talks_out(engine: Engine) -> None:
    actual = engine.answer("Які угоди заплановані?", today=TODAY).text
    assert "Альбукерке" in actual
    assert "Фрідберг" not in actual


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("does kupiansk have a partner city?", "Yes, Kupiansk has partners."),
        ("Чи є в Куп'янська міста-партнери?", "Так, у громади Куп’янськ є партнери."),
        ("Has Mena got any partners?", "Yes, Mena has partners."),
        ("Is Kharkiv twinned with anyone?", "Yes, Kharkiv has twin cities."),
        ("Does Kupiansk have a twin city?", "No, Kupiansk has no twin city on record."),
    ],
)
def test_a_yes_or_no_about_partners_opens_with_yes_or_no(
    engine: Engine, question: str, opening: str
) -> None:
    assert engine.answer(question, today=TODAY).text.splitlines()[0] == opening


def test_partners_only_in_talks_are_a_no() -> None:
    document = factories.document(
        agreements=[factories.agreement(status="in_negotiation", signed_on=None)]
    )
    engine = Engine.from_document(document)
    actual = engine.answer("Does Kharkiv have partners?", today=TODAY).text
    assert actual.startswith("No, Kharkiv has no partner yet: no agreement is signed.")


@pytest.mark.parametrize(
    ("question", "expected", "absent"),
    [
        ("Що підписали наприкінці 2023?", "Лідс", "Кошице"),
        ("agreements signed in late 2023", "Leeds", "Košice"),
    ],
)
def test_the_end_of_a_year_keeps_what_the_record_places_there(
    engine: Engine, question: str, expected: str, absent: str
) -> None:
    actual = engine.answer(question, today=TODAY).text
    assert expected in actual
    assert absent not in actual


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("які угоди підписано на початку 2023", "Джерела не вказують місяць для 4 угод"),
        ("what was signed in early 2023", "The sources do not give the month for 4 agreements"),
    ],
)
def test_the_start_of_a_year_says_which_records_give_no_month(
    engine: Engine, question: str, expected: str
) -> None:
    actual = engine.answer(question, today=TODAY).text
    assert expected in actual
    assert "Лідс" not in actual
    assert "Leeds" not in actual


def _signed(notes: dict[str, str] | None = None, signed_on: str = "2022") -> Engine:
    agreement = factories.agreement(signed_on=signed_on, notes=notes)
    return Engine.from_document(factories.document(agreements=[agreement]))


@pytest.mark.parametrize(
    ("notes", "end", "start"),
    [
        # A Ukrainian note alone can place the signing.
        ({"uk": "Підписано у грудні 2022 року.", "en": "Agreed after a visit."}, True, False),
        ({"uk": "Підписали на початку 2022 року.", "en": "Agreed after a visit."}, False, True),
        ({"uk": "Угоду погоджено.", "en": "Signed in March 2022 in Košice."}, False, True),
        # When the signing was reported says nothing of when it took place.
        ({"uk": "Про підписання повідомлено 3 грудня 2022 року.", "en": "—"}, False, False),
    ],
)
def test_notes_in_either_language_place_a_signing_in_its_year(
    notes: dict[str, str], end: bool, start: bool
) -> None:
    engine = _signed(notes)
    late = engine.answer("What did Kharkiv sign in late 2022?", today=TODAY).text
    early = engine.answer("Що Харків підписав на початку 2022 року?", today=TODAY).text
    # Before the line on agreements whose month is not recorded: what matched the part asked.
    assert ("Košice" in late.split("do not give the month")[0]) is end
    assert ("Кошице" in early.split("не вказують місяць")[0]) is start


@pytest.mark.parametrize(
    ("month", "question"),
    [
        ("2022-04", "What did Kharkiv sign in early 2022?"),
        ("2022-09", "What did Kharkiv sign at the end of 2022?"),
    ],
)
def test_april_is_still_the_start_and_september_already_the_end(month: str, question: str) -> None:
    assert "Košice" in _signed(signed_on=month).answer(question, today=TODAY).text


@pytest.mark.parametrize(
    "question",
    ["партнери Мени", "Mena partners", "Які партнери Мени?", "Who are Mena's partners?"],
)
def test_a_plain_request_for_partners_lists_them_without_a_yes(
    engine: Engine, question: str
) -> None:
    actual = engine.answer(question, today=TODAY).text
    assert not actual.startswith(("Так", "Yes"))
    assert "Олайне" in actual or "Olaine" in actual
