"""A yes-or-no opens with «Так»/«Ні», a bare name is no yes-or-no, a follow-up after a list of
several agreements answers for each, and "which state?" gives the partner's region or says it
is not recorded."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Чи підписала Мена щось у 2023?", "Так, у базі 1 угода, підписана у 2023 р."),
        ("Did Mena sign anything in 2023?", "Yes, 1 agreement signed in 2023 is recorded."),
        ("Чи підписував Харків щось у 2024?", "Ні, у базі немає угод громади Харків"),
        ("Did Kharkiv sign anything in 2024?", "No, Kharkiv signed no agreement in 2024"),
        ("Чи підписали щось у 2024?", "Ні, таких записів немає"),
        ("Were any agreements signed in 2025?", "Yes, 1 agreement is recorded"),
        ("Чи Тампа партнер якоїсь громади?", "Ні."),
        ("Чи Цинциннаті партнер якоїсь громади?", "Так."),
        ("чи є Олайне партнером будь-якої громади?", "Так."),
        ("Is Tampa a partner of any hromada?", "No."),
    ],
)
def test_a_yes_or_no_question_opens_with_the_yes_or_the_no(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


def test_the_kind_named_with_a_partner_is_the_agreement_answered_about(
    curated_engine: Engine,
) -> None:
    (answer,) = conversation(curated_engine, "Чи діє ще протокол з Альбукерке?")

    assert "Протокол про наміри" in answer.text
    assert "Меморандум про встановлення" not in answer.text
    assert len(answer.context.listed_agreements) == 1


@pytest.mark.parametrize(
    ("question", "opening", "listed"),
    [
        (
            "Чи діє угода про дружбу з Альбукерке?",
            "Ні, такої угоди з містом Альбукерке",
            "Протокол",
        ),
        (
            "Is the friendship pledge with Albuquerque in force?",
            "No, the records hold no",
            "Protocol",
        ),
    ],
)
def test_a_kind_the_partner_lacks_is_a_no_then_what_there_is(
    curated_engine: Engine, question: str, opening: str, listed: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)
    assert listed in answer.text


@pytest.mark.parametrize("name", ["Брно", "Brno", "брно?"])
def test_a_bare_partner_name_shows_its_hromadas_without_a_yes(
    curated_engine: Engine, name: str
) -> None:
    (answer,) = conversation(curated_engine, name)

    assert answer.intent is Intent.REVERSE
    assert not answer.text.startswith(("Так", "Yes", "Ні", "No"))
    assert "Харків" in answer.text or "Kharkiv" in answer.text


def test_a_follow_up_after_a_nation_wide_list_answers_for_each_agreement(
    curated_engine: Engine,
) -> None:
    _, when, who = conversation(
        curated_engine, "Які громади мають меморандуми?", "а коли підписали?", "а хто підписав?"
    )

    assert when.intent is Intent.SIGNED
    assert "травні 2025" in when.text
    assert "Цинциннаті" in when.text
    assert "Колумбус" in who.text
    assert "Цинциннаті" in who.text
    assert len(who.context.listed_agreements) == 2


@pytest.mark.parametrize(
    ("partner", "asked", "expected"),
    [
        ("Columbus", "Which US state is it in?", "Columbus is in Ohio"),
        ("Цинциннаті", "В якому це штаті?", "Цинциннаті: розташування — Огайо"),
        ("Олайне", "а в якому це регіоні?", "Олайне: розташування — Латвія; регіон у базі не"),
    ],
)
def test_which_state_after_a_partner_gives_its_region_or_says_it_is_unknown(
    curated_engine: Engine, partner: str, asked: str, expected: str
) -> None:
    _, answer = conversation(curated_engine, partner, asked)

    assert answer.intent is Intent.PLACE
    assert answer.text.startswith(expected)


def test_the_united_states_in_a_question_is_not_asking_which_state(
    curated_engine: Engine,
) -> None:
    (answer,) = conversation(curated_engine, "Які партнери Харкова зі Сполучених Штатів?")

    assert answer.intent is Intent.PARTNERS


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Чи отримувала Мена допомогу у 2023?", "Так, громада Мена отримувала допомогу:"),
        ("Did Mena receive aid?", "Yes, Mena received aid:"),
        ("Чи отримував Куп’янськ допомогу?", "Ні, записів про допомогу громаді Куп’янськ немає."),
        ("Чи була делегація Мени в Олайне?", "Так, у базі є події громади Мена з містом Олайне:"),
        ("Was there a Mena delegation visit to Olaine?", "Yes, the records hold events of Mena"),
    ],
)
def test_a_yes_or_no_about_aid_or_an_event_opens_with_the_yes_or_the_no(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("Чи отримував хтось допомогу з Японії?", "Так, допомогу з країни «Японія» записано"),
        ("Did any hromada receive aid from Japan?", "Yes, aid from Japan is recorded for:"),
        ("Хто отримував допомогу з Японії?", "Допомогу з країни «Японія» записано для:"),
    ],
)
def test_whether_any_hromada_received_aid_from_a_country_is_a_yes_or_a_no(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


def test_a_kind_asked_with_a_year_counts_that_year_only(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "Is there any memorandum signed in 2025?")

    assert answer.text.startswith("Yes, 1 agreement is recorded (memorandum, signed in 2025):")
    assert "Cincinnati" not in answer.text


@pytest.mark.parametrize(
    ("first", "then", "yes"),
    [("Kosice", "Leeds", False), ("Чи Харків і Брно партнери?", "а Кошице?", True)],
)
def test_a_name_alone_after_an_answer_asks_yes_or_no_only_after_a_yes_or_no(
    curated_engine: Engine, first: str, then: str, yes: bool
) -> None:
    _, answer = conversation(curated_engine, first, then)

    assert answer.text.startswith(("Так", "Yes")) is yes
