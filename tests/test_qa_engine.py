"""Answers a resident would read: language, names, honest dates, sources, follow-ups."""

from __future__ import annotations

import datetime as dt

import pytest

from knowledge.facts.documents import PlaceDoc
from knowledge.facts.vocabulary import AgreementKind
from knowledge.qa.engine import MAX_QUESTION_LENGTH, Engine
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Entities
from knowledge.store.curated import curated_document
from tests import factories

TODAY = dt.date(2026, 11, 23)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def test_the_question_language_decides_and_names_follow_it(engine: Engine) -> None:
    ukrainian = engine.answer("Партнери Харкова", today=TODAY)
    english = engine.answer("Kharkiv partners", today=TODAY)

    assert (ukrainian.lang, english.lang) == ("uk", "en")
    assert ukrainian.text.startswith("Харків — 6 партнерів:")
    assert english.text.startswith("Kharkiv — 6 partners:")
    assert "Košice, Slovakia" in english.text
    assert "Кошице, Словаччина" in ukrainian.text


@pytest.mark.parametrize(
    "question",
    [
        "Which hromadas have partners in the U S A?",
        "who has partners in the U. S. A.",
        "partners in the u.s.",
        "хто співпрацює з С Ш А",
    ],
)
def test_spaced_and_dotted_initials_of_a_country_are_that_country(
    engine: Engine, question: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.entities.country == "US"
    assert "Columbus" in actual.text or "Колумбус" in actual.text


@pytest.mark.parametrize(
    "question",
    [
        "Which hromadas have partners in the UK?",
        "Which hromadas have partners in the U.K.?",
        "Which hromadas have partners in Britain?",
        "Які громади мають партнерів у Британії?",
        "Які громади мають партнерів у Великобританії?",
    ],
)
def test_the_united_kingdom_is_read_by_its_everyday_names(engine: Engine, question: str) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.entities.country == "GB"
    assert "Leeds" in actual.text or "Лідс" in actual.text


def test_every_factual_answer_ends_with_its_sources(engine: Engine) -> None:
    actual = engine.answer("What aid did Mena receive?", today=TODAY)

    assert actual.text.splitlines()[-2] == "Source:"
    assert actual.text.splitlines()[-1].startswith("• Mena City Council")
    assert [source.document_number for source in actual.sources] == ["03"]


def test_an_estimated_end_date_says_how_it_was_worked_out(engine: Engine) -> None:
    english = engine.answer("When does the Cincinnati memorandum expire?", today=TODAY)
    ukrainian = engine.answer("Коли спливає меморандум із Цинциннаті?", today=TODAY)

    assert "extended in 2023 for 5 years, so until about 2028" in english.text
    assert (
        "продовжено у 2023\N{NARROW NO-BREAK SPACE}р. на 5 років, тобто приблизно до"
        " 2028\N{NARROW NO-BREAK SPACE}р."
    ) in ukrainian.text


def test_a_date_known_to_the_month_is_said_as_such(engine: Engine) -> None:
    english = engine.answer("When did Kupiansk sign with Columbus?", today=TODAY)
    ukrainian = engine.answer("Коли Куп'янськ підписав меморандум з Колумбусом?", today=TODAY)

    assert "signed in May 2025" in english.text
    assert "підписано у травні 2025\N{NARROW NO-BREAK SPACE}р." in ukrainian.text


def test_no_end_date_is_invented(engine: Engine) -> None:
    actual = engine.answer("When does the Kosice agreement expire?", today=TODAY)

    assert actual.intent is Intent.EXPIRY
    assert "the sources give no end date" in actual.text
    assert not any(str(year) in actual.text for year in range(2026, 2040))


def test_quantities_use_real_ukrainian_plurals(engine: Engine) -> None:
    actual = engine.answer("Яку допомогу отримала Мена?", today=TODAY)

    assert "14 автомобілів, 1 автобус" in actual.text


def test_money_is_written_the_ukrainian_way(engine: Engine) -> None:
    actual = engine.answer("Скільки Мена витратила на програму?", today=TODAY)

    assert "22\N{NO-BREAK SPACE}736,20\N{NO-BREAK SPACE}₴" in actual.text


def test_a_follow_up_reuses_the_conversation(engine: Engine) -> None:
    first = engine.answer("Які партнери у Менської громади?", today=TODAY)
    second = engine.answer("а в Польщі?", context=first.context, today=TODAY)

    assert second.entities == Entities(hromada="UA74020030000069340", country="PL")
    assert "Домброва" in second.text
    assert "Олайне" not in second.text


@pytest.mark.parametrize(
    ("twins", "all_partners", "only_twins", "not_twins"),
    [
        (
            "Які міста-побратими в Харкова?",
            "Хто міста-партнери Харкова?",
            "а лише побратими?",
            ("Лідс", "Кошице"),
        ),
        (
            "Which are Kharkiv's twin cities?",
            "Who are Kharkiv's partner cities?",
            "and only twin cities?",
            ("Leeds", "Košice"),
        ),
    ],
)
def test_a_complete_question_does_not_inherit_the_previous_filter(
    engine: Engine, twins: str, all_partners: str, only_twins: str, not_twins: tuple[str, str]
) -> None:
    first = engine.answer(twins, today=TODAY)
    second = engine.answer(all_partners, context=first.context, today=TODAY)
    third = engine.answer(only_twins, context=second.context, today=TODAY)

    assert first.entities.kind == "twinning"
    assert not any(city in first.text for city in not_twins)
    assert second.entities == Entities(hromada="UA63120270000028556")
    assert all(city in second.text for city in not_twins)
    assert third.entities == Entities(hromada="UA63120270000028556", kind=AgreementKind.TWINNING)
    assert not any(city in third.text for city in not_twins)


def test_the_same_question_without_context_asks_which_hromada(engine: Engine) -> None:
    actual = engine.answer("які у вас міста-побратими?", today=TODAY)

    assert actual.intent is Intent.NEED_HROMADA


def test_an_ambiguous_name_is_asked_about_and_a_choice_settles_it(engine: Engine) -> None:
    question = engine.answer("Що відомо про Золочів?", today=TODAY)
    labels = [choice.label for choice in question.choices]
    kharkiv_oblast = next(choice for choice in question.choices if "Харківська" in choice.label)

    settled = engine.answer(kharkiv_oblast.question, context=question.context, today=TODAY)

    assert question.intent is Intent.CLARIFY
    assert labels == sorted(labels) or len(labels) == 2
    assert settled.entities.hromada == "UA63020050000045982"
    assert "Тампі" in settled.text or "Tampa" in settled.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Які угоди в Олександрівці?", "Громад із назвою «Олександрівка» кілька."),
        ("хто партнери Золочева", "Громад із назвою «Золочів» кілька."),
        ("partners of Oleksandrivka", "There are several hromadas called «Oleksandrivka»."),
    ],
)
def test_an_ambiguous_name_is_quoted_as_the_hromadas_are_called(
    engine: Engine, question: str, expected: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.intent is Intent.CLARIFY
    assert actual.text.startswith(expected)


def test_a_known_hromada_without_records_gets_an_honest_answer(engine: Engine) -> None:
    actual = engine.answer("Партнери Львова?", today=TODAY)

    assert actual.intent is Intent.NO_RECORDS
    assert actual.text.startswith("Львів (Львівська обл.): у базі знань поки немає записів")
    assert "Кошице" not in actual.text


def test_expiring_within_months_counts_from_today(engine: Engine) -> None:
    inside = engine.answer(
        "Which agreements expire in the next 12 months?", today=dt.date(2027, 6, 1)
    )
    outside = engine.answer(
        "Which agreements expire in the next 12 months?", today=dt.date(2025, 1, 1)
    )

    assert "Cincinnati" in inside.text
    assert "Cincinnati" not in outside.text
    assert outside.text.startswith("No recorded agreement expires in the next 12 months.")


def test_a_question_over_the_limit_gets_a_clear_message(engine: Engine) -> None:
    actual = engine.answer("Харків " * (MAX_QUESTION_LENGTH // 7 + 1), today=TODAY)

    assert actual.intent is Intent.TOO_LONG
    assert "500" in actual.text


def test_the_answer_language_can_be_forced(engine: Engine) -> None:
    actual = engine.answer("Партнери Харкова", lang="en", today=TODAY)

    assert actual.lang == "en"
    assert actual.text.startswith("Kharkiv — 6 partners:")


def test_a_long_list_is_cut_and_says_how_many_more() -> None:
    places = [
        {
            "key": f"pl-town-{number}",
            "name": {"uk": f"Містечко {number}", "en": f"Town {number}"},
            "name_local": f"Miasteczko {number}",
            "country": "PL",
        }
        for number in range(30)
    ]
    document = factories.document(
        places=[PlaceDoc.model_validate(place) for place in places],
        agreements=[
            factories.agreement(f"agreement-{number}", place=f"pl-town-{number}")
            for number in range(30)
        ],
    )
    engine = Engine.from_document(document)

    actual = engine.answer("Kharkiv partners", today=TODAY)

    bullets = [line for line in actual.text.splitlines() if line.startswith("• Town")]
    assert len(bullets) == 25
    assert "…and 5 more" in actual.text
    assert len(actual.agreements) == 30


def test_of_two_towns_with_one_name_the_partner_is_meant() -> None:
    def friedberg(country: str) -> PlaceDoc:
        return factories.place(
            f"{country.lower()}-friedberg",
            name={"uk": "Фрідберг", "en": "Friedberg"},
            name_local="Friedberg",
            country=country,
        )

    document = factories.document(
        places=[friedberg("AT"), friedberg("DE")],
        agreements=[factories.agreement(place="de-friedberg")],
    )
    engine = Engine.from_document(document)

    actual = engine.answer("Is Kharkiv partnered with Friedberg?", today=TODAY)

    assert actual.entities.place == "de-friedberg"
    assert "Friedberg, Germany" in actual.text


@pytest.mark.parametrize(
    "question",
    ["Хто дружить з Лидсом?", "Кто побратим Лидса?", "С кем дружит Лидс?"],
)
def test_a_partner_spelt_in_russian_is_the_partner_spelt_in_ukrainian(
    engine: Engine, question: str
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.entities.place == "gb-leeds"
    assert "Харків" in actual.text


@pytest.mark.parametrize(
    ("question", "lang", "expected_note"),
    [
        ("Які партнери має Бене?", "uk", "Бене входить до громади Берегове."),
        ("What are the partners of Bene?", "en", "Bene is part of the Berehove hromada."),
    ],
)
def test_a_village_is_asked_about_as_its_hromada_with_a_note(
    engine: Engine, question: str, lang: str, expected_note: str
) -> None:
    actual = engine.answer(question, lang=lang, today=TODAY)

    assert actual.entities.hromada == "UA21020030000019624"
    assert actual.text.splitlines()[0] == expected_note


@pytest.mark.parametrize(
    ("question", "expected_hromada"),
    [
        # There is a village called Громада, in the Zhytomyr oblast.
        ("Які угоди має наша громада?", None),
        ("Громада має партнерів?", None),
        ("Які партнери має село Громада?", "UA18040290000063354"),
    ],
)
def test_a_village_named_like_an_everyday_word_needs_a_capital_inside_the_question(
    engine: Engine, question: str, expected_hromada: str | None
) -> None:
    actual = engine.answer(question, today=TODAY)

    assert actual.entities.hromada == expected_hromada


@pytest.mark.parametrize(
    ("question", "lang", "expected_note"),
    [
        (
            "Які партнери у Дніпровського району Києва?",
            "uk",
            "Дніпровський район входить до громади Київ.",
        ),
        (
            "Partners of the Pecherskyi district of the city of Kyiv?",
            "en",
            "Pecherskyi district is part of the Kyiv hromada.",
        ),
        (
            "Чи має Шевченківський район Харкова партнерів?",
            "uk",
            "Шевченківський район входить до громади Харків.",
        ),
    ],
)
def test_a_city_district_is_asked_about_as_its_city_with_a_note(
    engine: Engine, question: str, lang: str, expected_note: str
) -> None:
    actual = engine.answer(question, lang=lang, today=TODAY)

    assert actual.text.splitlines()[0] == expected_note
