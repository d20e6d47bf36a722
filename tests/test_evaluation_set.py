"""The evaluation set is well formed, and the engine answers it well enough."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus
from knowledge.places.countries import country_name
from knowledge.qa.answer import Answer
from knowledge.qa.evaluation import (
    DEFAULT_PATH,
    LANGUAGES,
    PASSING_ACCURACY,
    TUNING_PATHS,
    Answerer,
    Conversation,
    Item,
    Result,
    Turn,
    build_engine,
    evaluate,
    load_items,
    turns_of,
)
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Entities
from knowledge.store.curated import curated_document

# The bot rejects empty and over-long messages before the engine reads them.
NOT_IN_THE_SET = {Intent.TOO_LONG, Intent.EMPTY}
TOPICS = {"agreements", "countries", "partners", "aid", "meetings", "programme"}
COUNTRY_CODE = re.compile(r"^[A-Z]{2}$")


@pytest.fixture(scope="module")
def items() -> list[Item]:
    return load_items(DEFAULT_PATH)


@pytest.fixture(scope="module")
def turns(items: list[Item]) -> list[Turn]:
    return turns_of(items)


@pytest.fixture(scope="module")
def engine() -> Answerer:
    return build_engine()


@pytest.fixture(scope="module")
def tuning_turns() -> list[Turn]:
    return [turn for path in TUNING_PATHS for turn in turns_of(load_items(path))]


@pytest.fixture(scope="module")
def curated() -> KnowledgeDocument:
    return curated_document()


def test_the_set_has_at_least_300_questions_counting_conversation_turns(
    turns: list[Turn],
) -> None:
    assert len(turns) >= 300


def test_each_language_asks_between_45_and_55_percent(turns: list[Turn]) -> None:
    actual = {lang: count / len(turns) for lang, count in Counter(t.lang for t in turns).items()}

    assert set(actual) == set(LANGUAGES)
    assert all(0.45 <= share <= 0.55 for share in actual.values()), actual


def test_every_intent_the_engine_answers_with_is_asked(tuning_turns: list[Turn]) -> None:
    expected = set(Intent) - NOT_IN_THE_SET

    actual = {turn.intent for turn in tuning_turns}

    assert expected - actual == set()
    assert actual & NOT_IN_THE_SET == set()


def test_at_least_25_conversations_follow_up_on_earlier_answers(items: list[Item]) -> None:
    conversations = [item for item in items if isinstance(item, Conversation)]

    assert len(conversations) >= 25
    assert all(len(conversation.turns) >= 2 for conversation in conversations)


def _entity_problem(key: str, value: object, curated: KnowledgeDocument) -> str | None:
    valid = {
        "hromada": lambda: value in {hromada.code for hromada in curated.hromadas},
        "compared": lambda: value in {hromada.code for hromada in curated.hromadas},
        "place": lambda: value in {place.key for place in curated.places},
        "country": lambda: (
            isinstance(value, str)
            and COUNTRY_CODE.match(value) is not None
            and country_name(value, "en") != value
        ),
        "kind": lambda: value in set(AgreementKind),
        "status": lambda: value in set(AgreementStatus),
        "topic": lambda: value in TOPICS,
        "year": lambda: isinstance(value, int) and 2000 <= value <= 2100,
        "months": lambda: isinstance(value, int) and value > 0,
    }
    if key not in valid:
        return f"unknown entity {key}"
    return None if valid[key]() else f"{key}: {value!r}"


def test_expected_entities_name_known_hromadas_places_countries_and_kinds(
    tuning_turns: list[Turn], curated: KnowledgeDocument
) -> None:
    actual = [
        f"{turn.question}: {problem}"
        for turn in tuning_turns
        for key, value in turn.entities.items()
        if (problem := _entity_problem(key, value, curated)) is not None
    ]

    assert actual == []


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("status", "activ"),
        ("status", "negotiation"),
        ("status", "signed"),
        ("kind", "twining"),
        ("country", "XX"),
        ("topic", "agreement"),
        ("statuses", "active"),
    ],
)
def test_a_typo_in_an_expected_entity_is_reported(
    key: str, value: object, curated: KnowledgeDocument
) -> None:
    assert _entity_problem(key, value, curated) is not None


@pytest.mark.parametrize("status", list(AgreementStatus))
def test_every_agreement_status_may_be_expected(
    status: AgreementStatus, curated: KnowledgeDocument
) -> None:
    assert _entity_problem("status", status.value, curated) is None


def test_partner_names_are_expected_in_the_language_of_the_answer(
    turns: list[Turn], curated: KnowledgeDocument
) -> None:
    names = {
        "uk": {place.name.uk for place in curated.places},
        "en": {place.name.en for place in curated.places},
    }
    actual = [
        f"{turn.question}: {token}"
        for turn in turns
        for token in [*(option for options in turn.include for option in options), *turn.exclude]
        if any(token in names[lang] - names[turn.lang] for lang in LANGUAGES)
    ]

    assert actual == []


@pytest.mark.parametrize("path", TUNING_PATHS, ids=lambda path: path.name)
def test_the_engine_answers_each_tuning_set_accurately(path: Path, engine: Answerer) -> None:
    report = evaluate(engine, load_items(path))

    assert report.accuracy >= PASSING_ACCURACY, (
        f"accuracy {report.accuracy:.1%} is below {PASSING_ACCURACY:.0%}\n\n"
        f"{report.table()}\n\n{report.failures_text()}"
    )


def _scored(text: str, include: tuple[tuple[str, ...], ...], exclude: tuple[str, ...]) -> Result:
    turn = Turn("q", "en", None, {}, include=include, exclude=exclude)
    return Result(turn, 1, None, Answer("q", "en", Intent.RELATION, Entities(), text))


def test_a_token_is_found_only_where_a_word_or_number_starts() -> None:
    # "Brno, Czechia" holds no "No,", and "2024" no "4": a "yes" about Brno is not a "no".
    yes_about_brno = _scored("Yes, Kharkiv and Brno are twin cities.\nBrno, Czechia", (), ("No,",))
    four_in_a_year = _scored("5 partners (report of 2024)", (("4",),), ())

    assert yes_about_brno.passed
    assert four_in_a_year.missing == ("4",)


def test_a_number_is_not_found_at_the_start_of_a_longer_number() -> None:
    # "20" is not "2024", nor "1" the first digit of "15 partners".
    year_for_a_count = _scored("Signed in 2024.", (("20",),), ())
    count_for_a_count = _scored("15 partners", (("1",),), ())
    sum_after_a_number = _scored("No. 617 of 2023", (), ("61",))

    assert year_for_a_count.missing == ("20",)
    assert count_for_a_count.missing == ("1",)
    assert sum_after_a_number.passed


def test_a_token_still_matches_an_inflected_word_and_a_sum_after_its_currency() -> None:
    inflected = _scored("Ні, у Харкова немає угоди з Лідсом", (("Лідс",), ("Ні,",)), ())
    money = _scored("UAH22,736.20 spent in 2023", (("22",),), ())

    assert inflected.passed
    assert money.passed
