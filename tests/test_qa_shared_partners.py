"""«Чи є в Мени і Харкова спільні партнери?»: a yes or no on the towns both hromadas have
agreements with comes before each hromada's list."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.shared import asks_shared, shared_partners
from knowledge.render.lang import Language
from tests.qa_support import KHARKIV, MENA, conversation


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        ("do mena and kharkiv share any partner city?", "No, Mena and Kharkiv have no partner"),
        ("чи є в мени і харкова спільні партнери?", "Ні, спільних партнерів у громад Мена і"),
        ("есть ли у мены и харькова общие партнеры?", "Ні, спільних партнерів у громад Мена і"),
        ("Do Kharkiv and Kupiansk have partners in common?", "No, Kharkiv and Kupiansk have no"),
    ],
)
def test_a_question_on_shared_partners_opens_with_a_yes_or_no(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)
    # Each hromada's partners still follow, so the reader sees why.
    assert "Харків — 6 партнерів" in answer.text or "Kharkiv — 6 partners" in answer.text


def test_two_lists_without_a_word_for_shared_say_no_yes_or_no() -> None:
    assert not asks_shared("партнери мени і харкова")
    assert not asks_shared("партнеры мены и харькова")
    assert asks_shared("Які в них спільні міста-партнери?")


def test_towns_both_hromadas_have_agreements_with_are_named(curated_engine: Engine) -> None:
    (mena,) = conversation(curated_engine, "партнери мени")
    # The same towns answered for a second hromada: every one of them is shared.
    twin = replace(mena, entities=replace(mena.entities, hromada=KHARKIV))

    opening = shared_partners(Language("uk"), curated_engine.snapshot, [mena, twin])

    assert opening is not None
    assert opening.startswith("Так, у громад Мена і Харків є спільні партнери: ")
    assert "Олайне, Латвія" in opening
    assert "Кастельтерміні, Італія" in opening
    assert mena.entities.hromada == MENA


@pytest.mark.parametrize(
    ("question", "opening"),
    [
        (
            "які країни допомагали і Харкову, і Мені?",
            "Допомогу обом громадам (Харків і Мена) надсилали: Німеччина, Польща, Фінляндія.",
        ),
        (
            "which countries sent aid to both Kharkiv and Mena?",
            "Aid came to both Kharkiv and Mena from: Finland, Germany, Poland.",
        ),
        (
            "яка допомога надійшла і Куп'янську, і Мені?",
            "Немає країни, з якої в базі записано допомогу обом громадам: Куп’янськ і Мена.",
        ),
    ],
)
def test_aid_to_both_hromadas_names_the_countries_both_got_it_from(
    curated_engine: Engine, question: str, opening: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.text.startswith(opening)


def test_aid_to_each_of_two_hromadas_is_not_read_as_aid_to_both() -> None:
    assert not asks_shared("допомога харкову і мені")
    assert not asks_shared("партнери мени і харкова і куп’янська")
    assert asks_shared("и Харькову, и Мене")
