"""An aid question after an agreement question about one partner asks about the hromada's own
aid; only words pointing back at the partner («а від них?», "from there?") ask about its aid."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from tests.qa_support import conversation


@pytest.mark.parametrize(
    ("questions", "received", "partner"),
    [
        (
            ("мена які угоди", "а перша з них коли підписана", "а допомогу яку отримали"),
            "14 автомобілів",
            "Домброва",
        ),
        (
            ("мена які угоди", "а з олайне коли підписали", "а яку допомогу громада отримала"),
            "14 автомобілів",
            "Олайне",
        ),
        (
            ("When did Mena sign with Olaine?", "What aid did the hromada receive?"),
            "14 vehicles",
            "Olaine",
        ),
        (
            ("When did Kharkiv sign with Kosice?", "and what aid did it receive?"),
            "Kharkiv — aid received",
            "Košice",
        ),
        (
            ("Коли Харків підписав угоду з Кошице?", "а допомогу яку отримали?"),
            "Харків — отримана допомога",
            "Кошице",
        ),
    ],
)
def test_aid_after_an_agreement_with_a_partner_is_the_hromadas_own_aid(
    curated_engine: Engine, questions: tuple[str, ...], received: str, partner: str
) -> None:
    aid = conversation(curated_engine, *questions)[-1]

    assert received in aid.text
    assert partner not in aid.text
    assert "немає" not in aid.text
    assert "no aid" not in aid.text


def test_a_narrow_aid_follow_up_after_that_counts_the_hromadas_cars(
    curated_engine: Engine,
) -> None:
    *_, cars = conversation(
        curated_engine,
        "мена які угоди",
        "а перша з них коли підписана",
        "а допомогу яку отримали",
        "скільки машин",
    )

    assert "14 автомобілів" in cars.text
    assert "Домброва" not in cars.text


@pytest.mark.parametrize(
    ("questions", "partner"),
    [
        (("Коли Мена підписала угоду з Олайне?", "а від них допомога була?"), "Олайне"),
        (("Коли Харків підписав угоду з Кошице?", "а звідти допомога була?"), "Кошице"),
        (("When did Mena sign with Olaine?", "and was there aid from them?"), "Olaine"),
    ],
)
def test_aid_from_them_after_an_agreement_asks_about_that_partner(
    curated_engine: Engine, questions: tuple[str, ...], partner: str
) -> None:
    aid = conversation(curated_engine, *questions)[-1]

    assert partner in aid.text
    assert "14 " not in aid.text


@pytest.mark.parametrize(
    ("questions", "sender"),
    [
        (("Яку допомогу отримала Мена?", "а від Польщі?"), "Так: Польща"),
        (("What aid did Mena receive?", "and from Poland?"), "Yes: Poland"),
        (("Какую помощь получила Мена?", "а от Польши?"), "Так: Польща"),
        (("Яку допомогу отримала Мена?", "а з Польщі?"), "Так: Польща"),
    ],
)
def test_a_country_after_an_aid_answer_still_narrows_the_aid(
    curated_engine: Engine, questions: tuple[str, ...], sender: str
) -> None:
    aid = conversation(curated_engine, *questions)[-1]

    assert aid.text.startswith(sender)


def test_a_country_alone_after_an_aid_list_narrows_the_list_without_a_yes(
    curated_engine: Engine,
) -> None:
    aid = conversation(curated_engine, "Яку допомогу отримала Мена?", "а Польща?")[-1]

    assert aid.text.startswith("Мена — отримана допомога (звідки: Польща)")
