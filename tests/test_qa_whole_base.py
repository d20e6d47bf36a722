"""Questions about the whole knowledge base: how many hromadas have partners, which agreements
are terminated or suspended; a hromada with none of that status is told so, status named."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("question", "heading", "names"),
    [
        ("Скільки громад мають партнерів?", "3 громади", ("Куп’янськ", "Мена", "Харків")),
        ("скільки всього громад з партнерами", "3 громади", ("Мена",)),
        ("How many hromadas have partners?", "3 hromadas", ("Kharkiv", "Kupiansk", "Mena")),
    ],
)
def test_how_many_hromadas_have_partners_counts_those_with_a_signed_partnership(
    curated_engine: Engine, question: str, heading: str, names: tuple[str, ...]
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.COUNT
    assert answer.text.startswith(heading)
    for name in names:
        assert name in answer.text
    # Zolochiv's records hold an event and no partnership.
    assert "Золочів" not in answer.text
    assert answer.sources


@pytest.mark.parametrize(
    ("question", "status"),
    [
        ("Які угоди припинені?", "розірвано"),
        ("Чи є розірвані угоди?", "розірвано"),
        ("Какие соглашения приостановлены?", "призупинено"),
        ("Which agreements were terminated?", "terminated"),
        ("Which partnerships are suspended?", "suspended"),
    ],
)
def test_agreements_of_a_status_no_record_has_are_none_across_the_base(
    curated_engine: Engine, question: str, status: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.REVERSE
    assert status in answer.text
    assert "Кошице" not in answer.text
    assert "Košice" not in answer.text


def test_a_hromada_with_no_terminated_agreement_is_told_so_naming_the_status(
    curated_engine: Engine,
) -> None:
    (answer,) = conversation(curated_engine, "Які угоди Харкова припинені?")

    assert "розірвано" in answer.text.split("\n")[0]


@pytest.mark.parametrize(
    ("questions", "count"),
    [
        (("Які партнери Мени?", "Скільки партнерів у Мени?", "Про які громади ти знаєш?"), "4"),
        (
            (
                "Mena's partners",
                "How many partners does Mena have?",
                "У якої громади найбільше партнерів?",
            ),
            "4",
        ),
    ],
)
def test_menas_partners_are_counted_alike_in_its_list_its_count_and_the_overview(
    curated_engine: Engine, questions: tuple[str, ...], count: str
) -> None:
    # Friedberg, only in talks, is said apart everywhere, never counted as a fifth partner.
    for question in questions:
        (answer,) = conversation(curated_engine, question)
        mena = next(line for line in answer.text.split("\n") if "Мена" in line or "Mena" in line)
        assert f"{count} partner" in mena or f"{count} партнер" in mena, mena
        assert "5 партнер" not in answer.text
        assert "5 partners" not in answer.text


@pytest.mark.parametrize(
    ("question", "said", "shown", "not_shown"),
    [
        ("Хто отримував допомогу з Вроцлава?", "саме від міста Вроцлав", "Польща", "Мена — "),
        ("Чи отримував Харків допомогу з Вроцлава?", "саме від міста", "Польща", "Мена"),
        ("Who got aid from Tokyo?", "No aid from Tokyo itself", "Kharkiv", "Mena"),
        ("Did Mena get aid from Oslo?", "No aid from Oslo itself", "Norway", "Kharkiv"),
    ],
)
def test_aid_from_a_town_says_the_records_name_its_country_and_shows_that_countrys(
    curated_engine: Engine, question: str, said: str, shown: str, not_shown: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.AID
    assert said in answer.text
    assert shown in answer.text
    assert not_shown not in answer.text


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Скільки всього угод у базі?", "підписано — 12 (громад: 3)"),
        ("How many agreements are there in total?", "signed — 12 (hromadas: 3)"),
        ("скільки угод загалом?", "заплановано чи в переговорах — ще 2"),
    ],
)
def test_how_many_agreements_in_total_counts_the_whole_base_unsigned_apart(
    curated_engine: Engine, question: str, expected: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.COUNT
    assert expected in answer.text


def test_how_many_agreements_in_total_after_a_hromada_counts_that_hromadas(
    curated_engine: Engine,
) -> None:
    _, answer = conversation(curated_engine, "Харків", "скільки всього угод?")

    assert answer.text.startswith("Харків")
    assert "базі знань" not in answer.text


@pytest.mark.parametrize(
    "question",
    [
        "Which hromadas are in the database?",
        "which communities are in the database?",
        "Which hromadas have partners?",
    ],
)
def test_which_hromadas_across_the_base_lists_them_instead_of_asking_which(
    curated_engine: Engine, question: str
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.OVERVIEW
    for name in ("Kharkiv", "Kupiansk", "Mena") if answer.lang == "en" else ("Харків", "Мена"):
        assert name in answer.text


@pytest.mark.parametrize(
    ("question", "heading", "names", "absent"),
    [
        (
            "які громади отримували допомогу",
            "Допомогу записано для 2 громад:",
            ("Мена", "Харків"),
            ("Куп’янськ", "Золочів"),
        ),
        (
            "Which hromadas received aid?",
            "Aid is recorded for 2 hromadas:",
            ("Kharkiv", "Mena"),
            ("Kupiansk", "Zolochiv"),
        ),
        (
            "какие громады получали помощь?",
            "Допомогу записано для 2 громад:",
            ("Мена", "Харків"),
            ("Куп’янськ", "Золочів"),
        ),
    ],
)
def test_which_hromadas_received_aid_lists_those_with_aid_recorded(
    curated_engine: Engine,
    question: str,
    heading: str,
    names: tuple[str, ...],
    absent: tuple[str, ...],
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.OVERVIEW
    assert answer.text.startswith(heading)
    for name in names:
        assert name in answer.text
    for name in absent:
        assert name not in answer.text
