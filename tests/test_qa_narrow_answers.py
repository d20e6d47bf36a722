"""Answers that say what was asked and no more: aid apart from a council's own spending,
counts of signed agreements, narrow follow-ups, events found by their words."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import KHARKIV, MENA, conversation


@pytest.mark.parametrize(
    ("question", "vehicles", "spending"),
    [
        ("What aid did Mena receive?", "14 vehicles", "22,736.20"),
        ("Яку допомогу отримала Мена?", "14 автомобілів", "22 736,20"),
    ],
)
def test_aid_received_leaves_out_the_councils_own_programme_spending(
    curated_engine: Engine, question: str, vehicles: str, spending: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.AID
    assert vehicles in answer.text
    assert spending not in answer.text.replace("\u00a0", " ")


def test_a_question_about_money_says_no_sum_is_recorded_for_that_country(
    curated_engine: Engine,
) -> None:
    (answer,) = conversation(curated_engine, "скільки грошей Харків отримав від Німеччини")

    assert answer.intent is Intent.AID
    assert "Німеччина" in answer.text
    assert "не сказано" in answer.text
    assert "Японія" not in answer.text


@pytest.mark.parametrize(
    ("question", "note"),
    [
        (
            "How many vehicles did Germany send to Mena?",
            "Germany is one of 8 donors of this aid; the sources do not say which donor"
            " gave what.",
        ),
        (
            "Скільки машин Німеччина передала Мені?",
            "Німеччина — один із 8 донорів цієї допомоги; джерела не кажуть, хто з донорів що"
            " передав.",
        ),
        (
            "Коли Німеччина передала допомогу Мені?",
            "Німеччина — один із 8 донорів цієї допомоги",
        ),
    ],
)
def test_narrow_aid_from_one_of_several_donors_is_not_credited_to_that_donor_alone(
    curated_engine: Engine, question: str, note: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert note in answer.text
    # Not "Germany: 14 vehicles" as if Germany alone sent them all.
    assert "Germany: 14" not in answer.text
    assert "Німеччина: 14" not in answer.text


def test_narrow_aid_follow_ups_get_the_narrow_answer(curated_engine: Engine) -> None:
    whole, vehicles, donors, when = conversation(
        curated_engine, "Що отримала Мена?", "скільки автомобілів?", "від кого?", "коли?"
    )

    assert "генератори" in whole.text
    assert "14 автомобілів" in vehicles.text
    assert "генератори" not in vehicles.text
    assert "Норвегія" in donors.text
    assert "генератори" not in donors.text
    assert "2023" in when.text
    assert "Норвегія" not in when.text
    assert len({whole.text, vehicles.text, donors.text, when.text}) == 4


def test_a_bare_how_much_after_aid_stays_about_aid(curated_engine: Engine) -> None:
    answers = conversation(curated_engine, "What aid did Kharkiv receive?", "how much?")

    assert answers[1].intent is Intent.AID
    assert "partner" not in answers[1].text
    assert "no sums" in answers[1].text


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("харків кошице коли підписали і на скільки", "строк дії в джерелах не вказано"),
        ("kharkiv kosice when signed and for how long", "the sources give no end date"),
    ],
)
def test_when_signed_and_for_how_long_gets_the_date_and_the_term(
    curated_engine: Engine, question: str, term: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.SIGNED
    assert "2023" in answer.text
    assert term in answer.text


@pytest.mark.parametrize(
    ("question", "signed", "unsigned"),
    [
        ("скільки угод має мена", "4 підписані угоди", "ще 1 — тривають перемовини"),
        ("how many agreements does kharkiv have", "7 signed agreements", "1 more was planned"),
    ],
)
def test_an_agreement_count_counts_the_signed_and_says_the_unsigned_apart(
    curated_engine: Engine, question: str, signed: str, unsigned: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.COUNT
    assert signed in answer.text
    assert unsigned in answer.text


def test_comparing_agreement_counts_compares_the_signed_ones(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "Порівняй кількість угод Харкова і Мени")

    assert "Харків: у базі 7 підписаних угод" in answer.text
    assert "Мена: у базі 4 підписані угоди" in answer.text
    assert "Більше угод має Харків" in answer.text


@pytest.mark.parametrize(
    ("question", "expected", "absent"),
    [
        ("How many partner cities in the USA do all hromadas have together?", "3 partner", "2 h"),
        ("Скільки міст-партнерів у США мають усі громади разом?", "3 міста-партнери", "2 г"),
        ("Скільки громад мають партнерів у США?", "2 громади", "міста-партнери"),
    ],
)
def test_a_nation_wide_count_counts_what_the_question_names(
    curated_engine: Engine, question: str, expected: str, absent: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(expected)
    assert absent not in answer.text.splitlines()[0]


def test_a_planned_signing_is_not_confirmed_rather_than_denied(curated_engine: Engine) -> None:
    (answer,) = conversation(
        curated_engine, "Чи підписав Харків меморандум про побратимство з Альбукерке у липні 2023?"
    )

    assert answer.text.startswith("Ні, підписання не підтверджено")
    assert "ще не підписано" not in answer.text
    assert "липні 2023" in answer.text


def test_when_signed_keeps_what_the_sources_say_of_the_date(curated_engine: Engine) -> None:
    *_, answer = conversation(
        curated_engine, "Партнери Менської громади?", "а в Польщі?", "а друга?", "коли підписали?"
    )

    assert answer.intent is Intent.SIGNED
    assert "Жиракув" in answer.text
    assert "станом на кінець 2023 року" in answer.text


@pytest.mark.parametrize(
    ("question", "names"),
    [
        ("which hromadas do you know about?", ("Kharkiv", "Mena", "Kupiansk")),
        ("про які громади ти знаєш", ("Харків", "Мена", "Куп’янськ")),
    ],
)
def test_the_hromadas_the_knowledge_base_covers_are_listed(
    curated_engine: Engine, question: str, names: tuple[str, ...]
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert all(name in answer.text for name in names)
    assert answer.intent is not Intent.NEED_HROMADA


def test_the_hromada_with_the_most_partners_is_named_first(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "у якої громади найбільше партнерів")

    assert answer.text.startswith("Найбільше партнерів має Харків: 6.")
    assert "Мена" in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Яка громада має найбільше угод?", "Найбільше угод має Харків: 8."),
        ("Which hromada has the most twin cities?", "Kharkiv has the most twin cities: 2."),
        ("У якої громади найбільше партнерів у Польщі?", "Найбільше партнерів має Мена: 2."),
    ],
)
def test_a_most_question_ranks_by_what_it_names(
    curated_engine: Engine, question: str, expected: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert expected in answer.text
    assert "Харків: 6" not in answer.text
    assert "Kharkiv has the most partners" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Яка громада отримала найбільше допомоги?",
        "Яка громада найбільша?",
        "Which city abroad has the most Ukrainian partners?",
    ],
)
def test_a_most_question_about_something_not_ranked_gets_no_partner_ranking(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert "Найбільше партнерів має" not in answer.text
    assert "has the most partners" not in answer.text


@pytest.mark.parametrize(
    ("question", "expected", "absent"),
    [
        ("Де відбулась конференція мерів США у 2025?", "Тампа", "Альбукерке"),
        ("Хто мер Колумбуса?", "Ендрю Дж. Гінтера", "Ginther"),
        ("Who is the mayor of Columbus?", "Andrew J. Ginther", "Гінтер"),
    ],
)
def test_an_event_or_a_person_is_found_by_the_words_of_its_record(
    curated_engine: Engine, question: str, expected: str, absent: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert expected in answer.text
    assert absent not in answer.text


def test_a_person_no_record_names_is_not_recorded(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "Хто мер Брно?")

    assert answer.intent is Intent.NOT_RECORDED
    assert "Гінтер" not in answer.text


def test_the_second_one_after_a_list_of_one_says_there_is_no_second(
    curated_engine: Engine,
) -> None:
    *_, answer = conversation(
        curated_engine,
        "Які побратими в Харкова?",
        "а в США?",
        "коли підписали з першим?",
        "а з другим?",
    )

    assert "лише 1 партнера: Альбукерке" in answer.text
    assert "Протокол про наміри" not in answer.text


def test_is_it_a_twin_city_asks_about_the_partner_in_focus(curated_engine: Engine) -> None:
    *_, answer = conversation(
        curated_engine, "Kharkiv friendship pledge?", "when signed?", "is it a twin city?"
    )

    assert answer.intent is Intent.RELATION
    assert answer.entities.place == "gb-leeds"
    assert answer.text.startswith("No, Kharkiv and Leeds are not twin cities.")
    assert "Lille" not in answer.text


def test_a_bare_when_after_a_list_asks_when_those_were_signed(curated_engine: Engine) -> None:
    _, answer = conversation(
        curated_engine, "Які партнери в Харкова у Великій Британії?", "а коли?"
    )

    assert answer.intent is Intent.SIGNED
    assert answer.entities.place == "gb-leeds"
    assert "наприкінці 2023 року" in answer.text


@pytest.mark.parametrize(
    ("question", "hromada", "expected"),
    [
        ("а шо там з Брно?", KHARKIV, "Місто-побратим"),
        ("what about Olaine?", MENA, "Agreement on cooperation and partnership"),
    ],
)
def test_a_partner_of_one_hromada_asked_first_is_about_that_pair(
    curated_engine: Engine, question: str, hromada: str, expected: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.RELATION
    assert answer.entities.hromada == hromada
    assert expected in answer.text


@pytest.mark.parametrize(
    ("question", "expected", "absent"),
    [
        (
            "How many generators did Mena get?",
            ("Mena: generators are recorded, but the sources do not say how many.",),
            "14 vehicles",
        ),
        (
            "Скільки машин і генераторів отримала Мена?",
            ("14 автомобілів", "є генератори"),
            "автобус",
        ),
        (
            "Скільки машин отримав Харків?",
            ("автотранспорт спеціального призначення", "спецтехніка"),
            "немає",
        ),
    ],
)
def test_a_count_of_aid_counts_every_kind_named_and_no_other(
    curated_engine: Engine, question: str, expected: tuple[str, ...], absent: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert all(words in answer.text for words in expected)
    assert absent not in answer.text


def test_a_bare_how_long_asks_since_when_not_the_term(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "How long has Kharkiv been twinned with Lille?")

    assert "no end date" not in answer.text
    assert "signing date" in answer.text


def test_how_long_with_a_word_of_expiry_asks_the_term(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "How long is the Kharkiv-Lille agreement valid?")

    assert "no end date" in answer.text
