"""Whether an English question asks for a yes or a no follows its words as the Ukrainian does:
"any partners in Africa?" is asked like «Чи є партнери в Африці?» and opens with a no, and a
bare noun phrase ("Lille partners") asks for the list, never for a yes."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from tests.qa_support import KHARKIV, conversation


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("any partners in Africa?", "No"),
        ("any partners in africa", "No"),
        ("Any twin cities in Japan?", "No"),
        ("anyone partnered with Tokyo?", "No"),
        ("any partners in Poland?", "Yes"),
        ("Чи є партнери в Африці?", "Ні"),
        ("партнеры в Африке есть?", "Ні"),
        ("є партнери в Польщі?", "Так"),
    ],
)
def test_any_asks_whether_there_is_one(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


@pytest.mark.parametrize(
    ("question", "partner"),
    [
        ("Lille partners", "Lille"),
        ("Lille partners?", "Lille"),
        ("Brno twins", "Brno"),
        ("Kosice partnership", "Košice"),
        ("партнери Лілля", "Лілль"),
    ],
)
def test_a_bare_noun_phrase_lists_without_a_yes(
    curated_engine: Engine, question: str, partner: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.entities.hromada == KHARKIV
    assert partner in answer.text
    assert not answer.text.startswith(("Yes", "Так", "No", "Ні"))


@pytest.mark.parametrize(
    "question",
    [
        "Is Kharkiv twinned with Lille?",
        "Kharkiv twinned with Lille?",
        "Do Kharkiv and Lille partner?",
    ],
)
def test_a_question_with_a_verb_still_says_yes(curated_engine: Engine, question: str) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith("Yes")


@pytest.mark.parametrize(
    ("first", "then", "opening"),
    [
        ("Мена і Олайне — побратими?", "а партнери?", "Так"),
        ("Чи Харків і Брно партнери?", "а побратими?", "Так"),
        ("Мена и Олайне побратимы?", "а партнеры?", "Так"),
        ("Are Mena and Olaine twin cities?", "and partners?", "Yes"),
    ],
)
def test_a_kind_alone_after_a_pair_asked_yes_or_no_asks_the_same(
    curated_engine: Engine, first: str, then: str, opening: str
) -> None:
    _, answer = conversation(curated_engine, first, then)

    assert answer.text.startswith(opening)


def test_a_kind_alone_after_a_list_still_lists(curated_engine: Engine) -> None:
    _, answer = conversation(curated_engine, "Які партнери Мени?", "а побратими?")

    assert not answer.text.startswith(("Так", "Ні"))
