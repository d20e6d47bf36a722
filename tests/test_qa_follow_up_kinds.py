"""Follow-ups residents type in a conversation: a document named after "who signed?", the
kind of the agreement in focus, a renewal, short town names, two towns at once, the oldest
and newest partner."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import KHARKIV, MENA, TODAY, conversation

# -- a document named after "who signed?" asks whether it was signed ---------------------------


def test_a_memorandum_after_who_signed_asks_whether_each_memorandum_was_signed(
    curated_engine: Engine,
) -> None:
    answers = conversation(
        curated_engine, "які партнери Харкова?", "хто підписав?", "а меморандум підписали?"
    )

    last = answers[-1]
    assert last.intent is Intent.SIGNED
    # Both of Kharkiv's memoranda, the one in force and the one only planned.
    assert "Цинциннаті" in last.text
    assert "Альбукерке" in last.text
    assert "жодне пізніше джерело не підтверджує підписання" in last.text
    assert "хто підписав цей документ" not in last.text


def test_a_memorandum_after_who_signed_a_pair_says_no_when_its_signing_is_unconfirmed(
    curated_engine: Engine,
) -> None:
    answers = conversation(
        curated_engine,
        "who signed Kharkiv's protocol with Albuquerque?",
        "and the memorandum, was it signed?",
    )

    last = answers[-1]
    assert last.text.startswith("No, its signing is not confirmed")
    assert last.entities.place == "us-albuquerque"
    assert "Terekhov" not in last.text


# -- a renewal asks for the extension, not the signing -----------------------------------------


def test_when_it_was_extended_gives_the_extension_not_the_missing_signing_date(
    curated_engine: Engine,
) -> None:
    answers = conversation(
        curated_engine, "коли підписали меморандум з Цинциннаті?", "а коли його продовжили?"
    )

    last = answers[-1]
    assert "продовжено у 2023\u202fр. на 5 років" in last.text
    assert "дату підписання в джерелах не вказано" not in last.text


def test_a_renewal_after_a_list_names_the_one_agreement_extended(curated_engine: Engine) -> None:
    answers = conversation(curated_engine, "партнери Харкова", "а коли продовжили?")

    last = answers[-1]
    assert "Цинциннаті" in last.text
    assert "Лідс" not in last.text


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("was the Cincinnati memorandum renewed?", "Yes, it has been extended."),
        ("чи продовжили угоду з лідсом?", "Ні, у джерелах немає даних про продовження."),
    ],
)
def test_whether_it_was_extended_is_answered_yes_or_no(
    curated_engine: Engine, question: str, opening: str
) -> None:
    assert curated_engine.answer(question, today=TODAY).text.startswith(opening)


def test_no_extension_of_several_agreements_is_said_once(curated_engine: Engine) -> None:
    answers = conversation(curated_engine, "партнери мени", "коли їх продовжили")

    assert answers[-1].text.count("немає даних про продовження") == 1


# -- "what kind of agreement is it?" with one partner in focus ---------------------------------


@pytest.mark.parametrize(
    ("first", "then", "place", "kind_named", "not_shown"),
    [
        (
            "коли підписали клятву з Лідсом?",
            "який це тип угоди?",
            "gb-leeds",
            "Клятва про дружбу",
            "Брно",
        ),
        ("Партнери Куп'янська", "что за соглашение у них?", "us-columbus-ohio", "Меморандум", ""),
        (
            "where is Olaine?",
            "what kind of agreement is it?",
            "lv-olaine",
            "Agreement on cooperation",
            "Olaine is in",
        ),
    ],
)
def test_the_kind_of_agreement_asked_after_one_partner_is_that_pairs(
    curated_engine: Engine, first: str, then: str, place: str, kind_named: str, not_shown: str
) -> None:
    answers = conversation(curated_engine, first, then)

    last = answers[-1]
    assert last.intent is Intent.RELATION
    assert last.entities.place == place
    assert kind_named in last.text
    if not_shown:
        assert not_shown not in last.text


# -- a short name and several towns in one follow-up -------------------------------------------


def test_a_three_letter_city_as_a_follow_up_gets_a_no_not_a_refusal(
    curated_engine: Engine,
) -> None:
    answers = conversation(curated_engine, "партнери Харкова", "а Рим?")

    last = answers[-1]
    assert last.intent is Intent.RELATION
    assert last.text.startswith("Ні, у моїх записах немає партнерства громади Харків з Римом.")


def test_a_short_common_word_is_not_read_as_a_town(curated_engine: Engine) -> None:
    answers = conversation(curated_engine, "партнери Харкова", "а так?")

    assert "з Таком" not in answers[-1].text


def test_two_towns_no_record_names_get_one_no_naming_both(curated_engine: Engine) -> None:
    answers = conversation(curated_engine, "партнери Харкова", "а Париж і Лондон?")

    assert answers[-1].text.startswith(
        "Ні, у моїх записах немає партнерства громади Харків з Парижем і Лондоном."
    )


@pytest.mark.parametrize(
    ("first", "then", "expected"),
    [
        (
            "is mena partnered with olaine",
            "and zyrakow and dabrowa?",
            ("Yes, Mena and Żyraków are partners.", "Yes, Mena and Dąbrowa are partners."),
        ),
        (
            "коли підписали угоду з Кошице?",
            "а з лідсом і ліллем?",
            ("Клятва про дружбу: підписано у 2023", "Лілль, Франція — Місто-побратим"),
        ),
        (
            "чи побратими харків і лілль?",
            "а брно і рим?",
            (
                "Так, Харків і Брно — міста-побратими.",
                "Ні, у моїх записах немає партнерства громади Харків з Римом.",
            ),
        ),
    ],
)
def test_two_partners_in_one_follow_up_are_each_answered(
    curated_engine: Engine, first: str, then: str, expected: tuple[str, ...]
) -> None:
    text = conversation(curated_engine, first, then)[-1].text

    for part in expected:
        assert part in text.replace("\u202f", " ")


# -- the oldest and the newest partnership ------------------------------------------------------


def test_the_most_recent_partnership_nation_wide_is_the_latest_signed(
    curated_engine: Engine,
) -> None:
    text = curated_engine.answer("the most recent partnership", today=TODAY).text

    assert text.startswith("The newest of the agreements the sources date:")
    assert "Kupiansk" in text
    assert "Columbus" in text
    # The undated ones are named: one of them may be newer still.
    assert "one of them may be newer" in text
    assert "Košice" not in text


def test_the_oldest_twin_city_without_dates_says_the_order_is_unknown(
    curated_engine: Engine,
) -> None:
    text = curated_engine.answer("найстаріший побратим Харкова", today=TODAY).text

    assert "не можу сказати, яка з них раніша" in text
    assert "Лілль" in text
    assert "Брно" in text
    assert "Кошице" not in text


def test_a_russian_superlative_is_no_town_name(curated_engine: Engine) -> None:
    answer = curated_engine.answer("самый старый партнер харькова", today=TODAY)

    assert answer.entities.hromada == KHARKIV
    assert "Найдавніша з угод" in answer.text


def test_oldest_and_newest_follow_ups_keep_the_hromada(curated_engine: Engine) -> None:
    answers = conversation(curated_engine, "партнери мени", "а найновіша угода?", "а найдавніша?")

    for answer in answers[1:]:
        assert answer.entities.hromada == MENA
        assert "Олайне" in answer.text
        assert "Харків" not in answer.text
    assert "може бути давнішою" in answers[-1].text


# -- a bare follow-up to a yes-or-no question asks yes or no again -----------------------------


@pytest.mark.parametrize(
    ("first", "then", "opening"),
    [
        (
            "чи є в харкова партнери в британії",
            "а в італії?",
            "Ні, Харків: партнерів в Італії в базі немає.",
        ),
        (
            "у харкова есть побратимы в чехии?",
            "а в италии?",
            "Ні, Харків: міст-побратимів в Італії в базі немає.",
        ),
    ],
)
def test_another_country_after_a_yes_or_no_question_opens_with_no(
    curated_engine: Engine, first: str, then: str, opening: str
) -> None:
    answers = conversation(curated_engine, first, then)

    assert answers[-1].text.startswith(opening)


def test_another_country_after_a_list_still_lists(curated_engine: Engine) -> None:
    answers = conversation(curated_engine, "партнери харкова в сша", "а в польщі?")

    assert not answers[-1].text.startswith("Ні,")


# -- a follow-up naming another hromada's partner ----------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "opening", "owner"),
    [
        (
            "партнери купянська",
            "а клятву з лідсом вони підписували?",
            "Ні, Лідс не є партнером громади Куп’янськ.",
            "Харків: Клятва про дружбу",
        ),
        (
            "коли мена підписала угоду з олайне",
            "а з кошице?",
            "Ні, Кошице не є партнером громади Мена.",
            "Харків: Угода про співпрацю",
        ),
    ],
)
def test_another_hromadas_partner_in_a_follow_up_gets_a_no_and_whose_it_is(
    curated_engine: Engine, first: str, then: str, opening: str, owner: str
) -> None:
    text = conversation(curated_engine, first, then)[-1].text

    assert text.startswith(opening)
    assert owner in text


def test_where_another_partner_is_stays_a_where_question(curated_engine: Engine) -> None:
    answers = conversation(curated_engine, "де знаходиться колумбус", "а цинциннаті?")

    assert answers[-1].intent is Intent.PLACE
    assert "Огайо" in answers[-1].text


# -- an ordinal written in digits --------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "then", "place"),
    [
        ("Mena partners", "and the 2nd one", "pl-dabrowa-kujawsko-pomorskie"),
        ("партнери харкова", "а 4-й?", "gb-leeds"),
    ],
)
def test_an_ordinal_in_digits_picks_from_the_list_shown(
    curated_engine: Engine, first: str, then: str, place: str
) -> None:
    answers = conversation(curated_engine, first, then)

    assert answers[-1].intent is Intent.RELATION
    assert answers[-1].entities.place == place


def test_a_number_of_years_is_no_ordinal(curated_engine: Engine) -> None:
    answers = conversation(
        curated_engine, "партнери харкова", "які угоди спливають протягом 3 років?"
    )

    assert answers[-1].intent is not Intent.RELATION
