"""Answers say where a partner is in the reader's language: «у Німеччині», «в Італії»,
"in the United States", never «там (Німеччина)»."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.render.lang import Language
from knowledge.text.morphology import phrase_in_case
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("code", "uk", "en"),
    [
        ("DE", "у Німеччині", "in Germany"),
        ("IT", "в Італії", "in Italy"),
        ("US", "у Сполучених Штатах", "in the United States"),
        ("GB", "у Великій Британії", "in the United Kingdom"),
        ("NL", "у Нідерландах", "in the Netherlands"),
        ("CN", "у Китаї", "in China"),
        ("LU", "у Люксембурзі", "in Luxembourg"),
        ("BA", "у Боснії і Герцеговині", "in Bosnia & Herzegovina"),
        ("EE", "в Естонії", "in Estonia"),
    ],
)
def test_a_country_is_put_in_the_locative_with_its_preposition(
    code: str, uk: str, en: str
) -> None:
    assert Language("uk").in_country(code) == uk
    assert Language("en").in_country(code) == en


def test_a_name_the_dictionary_cannot_decline_stays_as_written() -> None:
    assert Language("uk").in_country("HK") == "у країні «Гонконг, ОАР Китаю»"
    assert phrase_in_case("Гонконг, ОАР Китаю", "loct") is None
    assert phrase_in_case("Південно-Африканська Республіка", "gent") == (
        "Південно-Африканської Республіки"
    )


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("У Куп'янська є партнери в Німеччині?", "Ні, Куп’янськ: партнерів у Німеччині в базі"),
        ("у купянска есть партнеры в китае?", "Ні, Куп’янськ: партнерів у Китаї в базі немає."),
        ("чи є у Мени партнери в Шотландії?", "Ні, Мена: партнерів у Шотландії в базі немає."),
        ("does kupiansk have partners in germany?", "No, Kupiansk: no partners in Germany on"),
        ("чи є в мени побратими в німеччині?", "Ні, міст-побратимів у Німеччині у громади Мена"),
        ("чи є в харкова партнери в британії", "Так, у громади Харків є 1 партнер у Великій"),
        ("Does Kharkiv have a sister city in the USA?", "No, Kharkiv has no twin city in the"),
    ],
)
def test_a_yes_or_no_about_a_country_names_it_in_a_sentence(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)
    assert "там (" not in answer.text
    assert "there (" not in answer.text
