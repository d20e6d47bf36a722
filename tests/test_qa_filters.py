"""Questions that narrow a hromada's agreements or aid by a field: those in force, those
planned, those with no signing date, and the donors told apart by kind."""

from __future__ import annotations

import pytest

from knowledge.facts.vocabulary import AgreementStatus
from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Entities
from tests.qa_support import KHARKIV, MENA, body, conversation


@pytest.mark.parametrize(
    "question",
    [
        "Які угоди Харкова чинні?",
        "які з угод харкова ще діють",
        "Which of Kharkiv's agreements are in force?",
        "какие соглашения Харькова действуют",
    ],
)
def test_which_agreements_are_in_force_lists_those_in_force_as_a_first_question(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.PARTNERS
    assert answer.entities == Entities(hromada=KHARKIV, status=AgreementStatus.ACTIVE)
    # Seven in force: Albuquerque's protocol and cooperation agreement count apart.
    assert (
        "Харків — 7 чинних угод:" in answer.text
        or "Kharkiv — 7 agreements in force:" in answer.text
    )
    # Albuquerque's twinning memorandum is only planned.
    assert "Меморандум про встановлення" not in body(answer)
    assert "Memorandum on establishing" not in body(answer)


@pytest.mark.parametrize(
    "question",
    ["До коли діють угоди Харкова?", "Чи чинна угода Харкова з Лідсом?"],
)
def test_until_when_or_whether_one_is_in_force_is_still_asked_of_the_term(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.EXPIRY


@pytest.mark.parametrize(
    "question",
    [
        "плани Харкова на 2024",
        "What are Kharkiv's plans for 2024?",
        "Які угоди Харкова заплановані на 2025?",
    ],
)
def test_a_hromadas_plans_for_a_year_list_what_is_not_signed_yet(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.entities.status == "planned"
    assert "Albuquerque" in body(answer) or "Альбукерке" in body(answer)


@pytest.mark.parametrize("question", ["що планувалося у 2025", "plans for 2024"])
def test_plans_for_a_year_nation_wide_are_the_planned_agreements(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.REVERSE
    assert answer.entities.status == "planned"


@pytest.mark.parametrize(
    ("question", "listed", "left_out"),
    [
        (
            "Які угоди без дати підписання?",
            ("Цинциннаті", "Лілль", "Брно", "Домброва", "Жиракув", "Кастельтерміні"),
            ("Олайне", "Кошице", "Колумбус", "Фрідберг", "Лідс"),
        ),
        (
            "у яких угодах мени не вказано дату",
            ("Домброва", "Жиракув", "Кастельтерміні"),
            ("Олайне", "Фрідберг"),
        ),
        (
            "Which of Kharkiv's agreements have no signing date?",
            ("Cincinnati", "Lille", "Brno"),
            ("Košice", "Leeds", "Albuquerque"),
        ),
    ],
)
def test_agreements_with_no_signing_date_are_the_signed_ones_the_sources_leave_undated(
    curated_engine: Engine, question: str, listed: tuple[str, ...], left_out: tuple[str, ...]
) -> None:
    (answer,) = conversation(curated_engine, question)

    text = body(answer)
    assert answer.intent is Intent.SIGNED
    assert all(name in text for name in listed)
    assert not any(name in text for name in left_out)


def test_donor_organisations_are_counted_by_their_countries_not_as_countries(
    curated_engine: Engine,
) -> None:
    (uk,) = conversation(curated_engine, "Скільки донорських організацій допомагали Мені?")
    (en,) = conversation(curated_engine, "How many donor organisations helped Mena?")

    assert "допомога надійшла від організацій із 8 країн" in uk.text
    assert "допомога надійшла з 8 країн" not in uk.text
    assert "aid came from organisations in 8 countries" in en.text
    assert "The sources do not name the organisations." in en.text


def test_donor_countries_as_such_are_counted_as_countries(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "How many donor countries helped Kharkiv?")

    assert "Kharkiv: aid came from 12 countries" in answer.text
    assert "organisations" not in body(answer)


def test_the_list_of_donors_says_when_they_are_organisations(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "Які донори допомагали Мені?")

    assert "від організацій із таких країн — " in answer.text


@pytest.mark.parametrize(
    ("question", "count", "partner"),
    [
        ("кількість побратимів мени", "Мена: 0 міст-побратимів.", "Олайне"),
        ("кількість побратимів Мени", "Мена: 0 міст-побратимів.", "Домброва"),
        ("how many twin towns has Mena", "Mena: 0 twin cities.", "Olaine"),
    ],
)
def test_a_count_of_none_of_a_kind_names_the_partners_the_hromada_has(
    curated_engine: Engine, question: str, count: str, partner: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.entities.hromada == MENA
    assert count in answer.text
    assert partner in answer.text
