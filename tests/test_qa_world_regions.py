"""Partners and aid asked by a continent, an M49 sub-region or the European Union: the
countries in the region filter the answer as one country would, in Ukrainian and English."""

from __future__ import annotations

import pytest

from knowledge.places.world_regions import in_region, region_members
from knowledge.qa.engine import Engine
from knowledge.qa.intents import Intent
from tests.qa_support import body, conversation


def test_membership_follows_m49_and_the_eu() -> None:
    assert in_region("PL", "150")
    assert in_region("US", "019")
    assert in_region("US", "021")
    assert not in_region("US", "419")
    assert in_region("BR", "419")
    assert in_region("JP", "142")
    assert in_region("GB", "150")
    assert not in_region("GB", "EU")
    assert len(region_members()["EU"]) == 27
    # A country code asked is its own filter.
    assert in_region("PL", "PL")
    assert not in_region("PL", "LV")


@pytest.mark.parametrize(
    ("question", "shown", "hidden"),
    [
        ("Які партнери в Європі?", ("Європа", "Лілль", "Олайне", "Лідс"), ("Колумбус",)),
        ("партнери з Європи", ("Кошице", "Домброва"), ("Альбукерке", "Цинциннаті")),
        ("Які громади мають європейських побратимів?", ("Лілль", "Брно"), ("Колумбус",)),
        ("хто з громад співпрацює з містами Євросоюзу?", ("Латвія", "Брно"), ("Лідс",)),
        ("Which hromadas have partners in the EU?", ("Olaine", "Košice"), ("Leeds", "Columbus")),
        ("partners in North America", ("Columbus", "Albuquerque"), ("Lille",)),
    ],
)
def test_partners_nation_wide_in_a_region_are_those_in_its_countries(
    curated_engine: Engine, question: str, shown: tuple[str, ...], hidden: tuple[str, ...]
) -> None:
    (answer,) = conversation(curated_engine, question)

    assert answer.intent is Intent.REVERSE
    for name in shown:
        assert name in body(answer)
    for name in hidden:
        assert name not in body(answer)


def test_a_hromadas_partners_in_a_region_leave_the_others_out(curated_engine: Engine) -> None:
    (uk,) = conversation(curated_engine, "Партнери Мени з Європи?")
    (en,) = conversation(curated_engine, "Kharkiv's partners in the EU")

    assert "Олайне" in uk.text
    assert "Сполучені Штати" not in body(uk)
    assert "European Union" in en.text
    assert "Brno" in en.text
    assert "Lille" in en.text
    # Leeds is in Europe, not in the Union; Albuquerque in neither.
    assert "Leeds" not in body(en)
    assert "Albuquerque" not in body(en)


def test_no_partner_in_a_region_is_a_plain_no(curated_engine: Engine) -> None:
    (asia,) = conversation(curated_engine, "партнери в Азії є?")
    (kupiansk,) = conversation(curated_engine, "какие партнеры у Купянска в Европе")
    (africa,) = conversation(curated_engine, "Which hromadas have partners in Asia?")

    assert asia.text.startswith("Ні")
    assert "Азія" in asia.text
    assert "Колумбус" in kupiansk.text
    assert "немає" in kupiansk.text
    assert "no partnerships" in africa.text
    # "Asia" is no Japanese town Ashiya.
    assert "Ashiya" not in africa.text


def test_hromadas_counted_by_region(curated_engine: Engine) -> None:
    (europe,) = conversation(curated_engine, "Скільки громад мають партнерів в Європі?")
    (america,) = conversation(curated_engine, "How many hromadas have partners in the Americas?")

    assert europe.text.startswith("2 громади")
    assert "Мена" in europe.text
    assert "Kupiansk" in america.text
    assert "Kharkiv" in america.text


def test_aid_from_a_region_names_its_countries_donors(curated_engine: Engine) -> None:
    (eu,) = conversation(curated_engine, "Хто отримував допомогу з ЄС?")
    (africa,) = conversation(curated_engine, "Who received aid from Africa?")

    assert "з країн регіону «Європейський Союз»" in eu.text
    assert "Харків" in eu.text
    assert "Мена" in eu.text
    assert "No aid from the countries of Africa" in africa.text


def test_america_alone_is_still_the_united_states(curated_engine: Engine) -> None:
    (answer,) = conversation(curated_engine, "партнери в Америці")

    assert "Сполучені Штати" in answer.text
