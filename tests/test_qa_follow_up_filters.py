"""A follow-up narrowing a listed answer («а які з них чинні?», «а які заплановані?», «а Мена у
2023?») keeps the filters of the question before it and shows each agreement by its status."""

from __future__ import annotations

import pytest

from knowledge.qa.engine import Engine
from knowledge.store.curated import curated_document
from tests.qa_support import body, conversation


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine.from_document(curated_document())


def test_which_of_them_are_in_force_keeps_the_year_asked_before(engine: Engine) -> None:
    counted, in_force, planned, mena = conversation(
        engine,
        "Скільки угод Харків підписав у 2023 році?",
        "а які з них чинні?",
        "а які заплановані?",
        "а Мена у 2023?",
    )

    assert "2023" in counted.text
    listed = body(in_force)
    # Kharkiv's agreements signed in 2023 that are in force: not Brno, Lille or Cincinnati,
    # whose signing the sources do not date, nor a list of terms.
    assert "Кошице" in listed
    assert "Лідс" in listed
    assert "2023" in listed
    assert "Брно" not in listed
    assert "Цинциннаті" not in listed
    assert "строк дії" not in listed
    # The planned memorandum with Albuquerque, shown as planned, never as signed or with a term.
    shown = body(planned)
    assert "Альбукерке" in shown
    assert "заплановано" in shown or "запланована" in shown
    assert "строк дії" not in shown
    assert "Кошице" not in shown
    # Mena's agreements signed in 2023: Olaine only.
    assert body(mena).startswith("Мена")
    assert "Олайне" in body(mena)
    assert "Домброва" not in body(mena)
