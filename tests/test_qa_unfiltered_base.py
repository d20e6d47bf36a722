"""A question about the whole knowledge base asked with no filter («Які партнери у базі?», a bare
"How many agreements are there?") is answered for every hromada it holds, never with "which
hromada?"; after a hromada, a bare count stays its own."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    "question", ["How many agreements are there?", "Скільки угод?", "how many agreements"]
)
def test_a_bare_count_of_agreements_counts_the_whole_base(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.COUNT
    assert answer.entities.hromada is None
    assert "12" in answer.text


def test_a_bare_count_after_a_hromada_counts_that_hromadas(curated_engine: Engine) -> None:
    _, answer = conversation(curated_engine, "Партнери Мени", "How many agreements are there?")

    assert answer.entities.hromada == "UA74020030000069340"
    assert "12" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Які партнери у базі?",
        "list all partners in the database",
        "Які громади мають партнерів?",
        "какие громады имеют партнеров?",
    ],
)
def test_the_partners_of_the_whole_base_list_every_hromada_with_partners(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.OVERVIEW
    for hromada in (("Харків", "Kharkiv"), ("Мена", "Mena"), ("Куп’янськ", "Kupiansk")):
        assert any(name in answer.text for name in hromada)


def test_the_whole_base_partners_in_a_country_stay_that_countrys(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "Які громади мають партнерів у Польщі?")

    assert answer.intent is Intent.REVERSE
    assert "Харків" not in answer.text
