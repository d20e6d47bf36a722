"""A new partner abroad gets its coordinates and Ukrainian name, and questions find it by them."""

from __future__ import annotations

import csv
import itertools
import tracemalloc
from collections.abc import Sequence

import pytest

from knowledge.admin import forms
from knowledge.facts.documents import KnowledgeDocument
from knowledge.interchange.planning import Plan, plan_rows
from knowledge.interchange.uploads import read_import
from knowledge.places import world
from knowledge.places.partners import new_foreign_place
from knowledge.places.world import (
    WORLD_PLACES,
    find_world_place,
    world_place_keys,
    world_places_named,
)
from knowledge.qa.engine import Engine
from knowledge.store.curated import read_hromadas

HEADER = "hromada,partner_city,partner_country,kind,status,source_title"
SOURCE = "List of twin towns"
ROWS = [
    ("Lviv", "Kraków", "Poland"),
    ("Lviv", "Wrocław", "Poland"),
    ("Ternopil", "Elbląg", "Poland"),
    ("Kharkiv", "Buenos Aires", "Argentina"),
    ("Ivano-Frankivsk", "Rzeszów", "PL"),
    ("Odesa", "Chisinau", "Moldova"),
]


def _sheet(rows: Sequence[tuple[str, ...]], header: str = HEADER) -> Plan:
    lines = [header] + [
        ",".join((*row[:3], "twinning", "active", SOURCE, *row[3:])) for row in rows
    ]
    data = ("\n".join(lines) + "\n").encode()
    return plan_rows(
        read_import(data, "partners.csv"), KnowledgeDocument(hromadas=read_hromadas())
    )


@pytest.fixture(scope="module")
def engine() -> Engine:
    hromadas = read_hromadas()
    made = _sheet(ROWS).document
    document = KnowledgeDocument(
        hromadas=hromadas, sources=made.sources, places=made.places, agreements=made.agreements
    )
    return Engine.from_document(document)


@pytest.mark.parametrize(
    ("written", "country", "expected"),
    [
        ("Kraków", "PL", "Краків"),
        ("Krakow", "PL", "Краків"),
        ("Cracow", "PL", "Краків"),
        ("Краків", "PL", "Краків"),
        ("Wrocław", "PL", "Вроцлав"),
        ("Rzeszów", "PL", "Жешув"),
        ("Kutaisi", "GE", "Кутаїсі"),
        ("Buenos Aires", "AR", "Буенос-Айрес"),
        # GeoNames has only the Russian spelling; the Ukrainian dictionary knows Кишинів.
        ("Chisinau", "MD", "Кишинів"),
    ],
)
def test_a_foreign_town_is_found_with_its_ukrainian_name(
    written: str, country: str, expected: str
) -> None:
    found = find_world_place(written, country)

    assert found is not None
    assert found.name_uk == expected


def test_a_town_is_looked_for_only_in_the_country_given() -> None:
    assert find_world_place("Kraków", "DE") is None
    assert find_world_place("Nowhereville", "PL") is None


def test_a_name_two_towns_of_a_country_share_is_decided_only_by_the_row_s_coordinates() -> None:
    # Chełm in Lublin Voivodeship and Chełm in Gdańsk: neither is clearly the larger.
    assert find_world_place("Chełm", "PL") is None
    assert new_foreign_place("pl-chelm", "Chełm", "PL").geonames_id is None

    near_lublin = new_foreign_place("pl-chelm", "Chełm", "PL", location=(51.13, 23.48))

    assert near_lublin.geonames_id == 774558
    assert near_lublin.name.uk == "Хелм"
    far_from_both = find_world_place("Chełm", "PL", near=(52.23, 21.01))
    assert far_from_both is None


def test_a_name_is_looked_up_in_every_country_at_once() -> None:
    actual = world_places_named("Каунас")

    assert actual["LT"].name == "Kaunas"
    assert find_world_place("Kaunas", "lt") == actual["LT"]
    assert world_places_named("Nowhereville") == {}


def test_a_town_whose_name_holds_a_comma_is_found_whole() -> None:
    found = world_places_named("Misato, Saitama")["JP"]

    assert (found.name, found.name_uk, found.population) == ("Misato, Saitama", "Місато", 142145)
    assert find_world_place("Mianzhu Deyang Sichuan", "CN") is not None


def test_the_foreign_towns_table_takes_a_few_megabytes_of_the_bot_s_memory() -> None:
    # 32,000 towns and 97,000 names: held as strings they took some 44 MB of every process.
    # Only the blocks allocated under this test's frame count: threads of earlier tests
    # (tables read beside a start-up) may be allocating meanwhile.
    tracemalloc.start(8)
    try:
        table = world._read_table()
        snapshot = tracemalloc.take_snapshot()
    finally:
        tracemalloc.stop()
    own = snapshot.filter_traces([tracemalloc.Filter(True, __file__, all_frames=True)])
    held = sum(statistic.size for statistic in own.statistics("filename"))

    assert table is not None
    assert 1_000_000 < held < 10_000_000


def test_the_stored_keys_are_the_keys_names_are_looked_up_by() -> None:
    with WORLD_PLACES.open(encoding="utf-8", newline="") as file:
        rows = list(itertools.islice(csv.DictReader(file), 0, None, 97))

    stale = [
        row["name"]
        for row in rows
        if row["keys"].split("|")
        != world_place_keys(
            [
                row["name"],
                *row["latin_names"].split("|"),
                *row["cyrillic_names"].split("|"),
                row["name_uk"],
            ]
        )
    ]

    assert not stale


def test_an_imported_partner_gets_coordinates_and_its_ukrainian_name() -> None:
    plan = _sheet(ROWS[:1])

    (place,) = plan.document.places
    assert (place.name.uk, place.name.en, place.name_local) == ("Краків", "Kraków", "Kraków")
    assert place.latitude == pytest.approx(50.06, abs=0.01)
    assert place.longitude == pytest.approx(19.94, abs=0.01)
    assert place.geonames_id == 3094802


def test_an_editor_s_ukrainian_name_and_coordinates_win_over_geonames() -> None:
    header = HEADER + ",partner_name_uk,partner_latitude,partner_longitude"

    plan = _sheet([("Lviv", "Kraków", "Poland", "Краків-Подгуже", "50.04", "19.95")], header)

    (place,) = plan.document.places
    assert place.name.uk == "Краків-Подгуже"
    assert (place.latitude, place.longitude) == (50.04, 19.95)


def test_a_polish_partner_unknown_to_geonames_is_transcribed_into_ukrainian() -> None:
    place = new_foreign_place("pl-dydnia", "Dydnia", "PL")

    assert (place.name.uk, place.name.en, place.latitude) == ("Дидня", "Dydnia", None)


@pytest.mark.parametrize(
    ("written", "country", "expected_uk", "expected_en"),
    [
        ("Быдгощ", "PL", "Бидгощ", "Bydgoszcz"),
        ("Минск", "BY", "Мінськ", "Minsk"),
        ("Белосток", "PL", "Білосток", "Białystok"),
        ("Кутаиси", "GE", "Кутаїсі", "Kutaisi"),
        # Unknown to GeoNames and spelt in Russian: no Ukrainian name rather than a Russian one.
        ("Михаловцы", "SK", "Mykhalovtsy", "Mykhalovtsy"),
    ],
)
def test_a_partner_written_in_russian_gets_its_ukrainian_name_never_the_russian_one(
    written: str, country: str, expected_uk: str, expected_en: str
) -> None:
    actual = new_foreign_place("partner", written, country)

    assert (actual.name.uk, actual.name.en) == (expected_uk, expected_en)
    assert actual.name_local == written


def test_a_partner_without_rules_or_geonames_keeps_its_name_in_both_languages() -> None:
    place = new_foreign_place("fr-sallaumines", "Sallaumines", "FR")

    assert (place.name.uk, place.name.en, place.latitude) == ("Sallaumines", "Sallaumines", None)


def test_coordinates_off_the_earth_refuse_the_row() -> None:
    header = HEADER + ",partner_latitude,partner_longitude"

    plan = _sheet([("Lviv", "Kraków", "Poland", "95", "19.95")], header)

    assert not plan.document.agreements
    assert "not a place on Earth" in plan.rejected[0].message


@pytest.mark.parametrize(
    ("question", "hromada"),
    [
        ("Хто з українських міст дружить з Краковом?", "Львів"),
        ("Які побратими у Вроцлаві?", "Львів"),
        ("Хто побратим Ельблонга?", "Тернопіль"),
        ("Хто дружить з Жешувом?", "Івано-Франківськ"),
        ("Партнери Кишинева", "Одеса"),
    ],
)
def test_a_question_names_an_imported_partner_in_inflected_ukrainian(
    engine: Engine, question: str, hromada: str
) -> None:
    answer = engine.answer(question, lang="uk")

    assert hromada in answer.text


def test_ukrainian_answers_name_partners_in_ukrainian_and_english_ones_as_written(
    engine: Engine,
) -> None:
    uk = engine.answer("Які побратими Харкова?", lang="uk").text
    en = engine.answer("What are the sister cities of Lviv?", lang="en").text

    assert "Буенос-Айрес" in uk
    assert "Buenos Aires" not in uk
    assert "Kraków" in en
    assert "Краків" not in en


def test_a_name_several_hromadas_share_means_the_one_the_importer_takes(engine: Engine) -> None:
    answer = engine.answer("Які партнери має Миколаїв?", lang="uk")
    elsewhere = engine.answer("Які партнери має Миколаїв Львівської області?", lang="uk")

    assert answer.text.startswith("Миколаїв (Миколаївська обл.)")
    assert elsewhere.text.startswith("Миколаїв (Львівська обл.)")


def test_a_city_s_short_name_residents_use_finds_it(engine: Engine) -> None:
    answer = engine.answer("Побратими Франківська", lang="uk")

    assert answer.text.startswith("Івано-Франківськ")
    assert "Жешув" in answer.text


@pytest.mark.parametrize(
    "question", ["Побратими Украины", "Партнеры Украины", "Partners of Ukraine"]
)
def test_the_name_of_ukraine_is_not_read_as_a_hromada_like_it(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(question)

    assert "Українка" not in answer.text
    assert "Ukrainka" not in answer.text


def test_a_place_an_editor_types_in_a_dialog_is_completed_as_an_import_does() -> None:
    place = forms.new_place("Wrocław", "PL", {"pl-wroclaw"})

    assert place.key == "pl-wroclaw-2"
    assert (place.name.uk, place.name.en, place.geonames_id) == ("Вроцлав", "Wrocław", 3081368)
    assert place.latitude is not None


@pytest.mark.parametrize(
    ("question", "expected"),
    [("Чи Львів побратим Кракова?", "Так"), ("Чи Харків побратим Кракова?", "Ні")],
)
def test_a_yes_or_no_question_names_an_imported_partner_inflected(
    engine: Engine, question: str, expected: str
) -> None:
    assert engine.answer(question, lang="uk").text.startswith(expected)


@pytest.mark.parametrize(
    ("city", "country", "expected"),
    [
        # GeoNames' Russian and Belarusian spellings lose to the Ukrainian ones or to the
        # transcription of the town's own name.
        ("Ostrów Wielkopolski", "Poland", "Острув-Велькопольський"),
        ("Filderstadt", "Germany", "Фільдерштадт"),
        ("Celle", "Germany", "Целле"),
        ("Tarnów", "Poland", "Тарнув"),
        ("Zamość", "Poland", "Замостя"),
        ("Panevėžys", "Lithuania", "Паневежис"),
        ("Opole", "Poland", "Ополе"),
        ("Soroca", "Moldova", "Сороки"),
        # A dictionary word that is an old name of the town is not its Ukrainian name.
        ("Bitola", "North Macedonia", "Бітола"),
        # ...while the Ukrainian name the dictionary knows stays.
        ("Rzeszów", "Poland", "Жешув"),
        ("Athens", "Greece", "Афіни"),
        # Only a Russian spelling in GeoNames: written by the Ukrainian rules.
        ("Karmiel", "Israel", "Кармієль"),
        ("Puebla", "Mexico", "Пуебла"),
        # No Cyrillic name in GeoNames: the Korean romanisation is transcribed.
        ("Daejeon", "South Korea", "Теджон"),
        ("Corning", "United States", "Корнінг"),
        # Bulgarian ъ is и in Ukrainian.
        ("Veliko Tarnovo", "Bulgaria", "Велико-Тирново"),
    ],
)
def test_a_ukrainian_answer_names_a_partner_in_ukrainian_not_russian(
    city: str, country: str, expected: str
) -> None:
    plan = _sheet([("Lviv", city, country)])

    (place,) = plan.document.places
    assert place.name.uk == expected


def test_a_region_partner_takes_its_ukrainian_name_not_a_spelling_of_it() -> None:
    bavaria = new_foreign_place("de-bayern", "Bayern", "DE")
    lublin_region = new_foreign_place("pl-lubelskie", "Lubelskie Voivodeship", "PL")

    assert bavaria.name.uk == "Баварія"
    assert lublin_region.name.uk == "Люблінське воєводство"


@pytest.mark.parametrize(
    ("written", "country", "expected_uk"),
    [
        # The Ukrainian name of today, not a historical one GeoNames also knows (Смирна).
        ("Izmir", "TR", "Ізмір"),
        # Only Russian spellings in GeoNames: written by the Ukrainian rules instead.
        ("Herzliya", "IL", "Герцлія"),
        ("East Brunswick", "US", "Іст-Брансвік"),
        ("Montería", "CO", "Монтерія"),
        ("Kiryat Gat", "IL", "Кір’ят-Гат"),
        ("Livingston", "US", "Лівінгстон"),
    ],
)
def test_a_ukrainian_answer_never_names_a_town_in_its_russian_or_former_spelling(
    written: str, country: str, expected_uk: str
) -> None:
    actual = new_foreign_place("partner", written, country)

    assert actual.name.uk == expected_uk


@pytest.mark.parametrize(
    ("written", "country", "expected_uk"),
    [
        ("Gmina Oława", "PL", "Олава"),
        ("Gmina Miedźna", "PL", "Медзьна"),
        ("Bács-Kiskun County", "HU", "Бач-Кішкун"),
        # No Ukrainian name and no rules: the name without the English word for the unit.
        ("Arlington County", "US", "Arlington"),
    ],
)
def test_a_unit_s_partner_is_named_in_ukrainian_without_the_foreign_word_for_the_unit(
    written: str, country: str, expected_uk: str
) -> None:
    actual = new_foreign_place("partner", written, country)

    assert actual.name.uk == expected_uk
    assert actual.name.en == written


@pytest.mark.parametrize(
    ("question", "partner_uk", "hromada_uk"),
    [
        ("Хто має партнера в Кошицях?", "Кошице", "Ужгород"),
        ("Хто дружить з Кошицями?", "Кошице", "Ужгород"),
        ("Партнери в Пардубицях", "Пардубіце", "Луцьк"),
        ("Хто дружить з Пардубицями?", "Пардубіце", "Луцьк"),
        ("Хто дружить із Пардубицями?", "Пардубіце", "Луцьк"),
        ("Хто побратим Пардубиць?", "Пардубіце", "Луцьк"),
        ("Хто дружить з Катовицями?", "Катовіце", "Тернопіль"),
    ],
)
def test_a_west_slavic_town_in_ice_is_found_declined_as_residents_decline_it(
    question: str, partner_uk: str, hromada_uk: str
) -> None:
    made = _sheet(
        [
            ("Uzhhorod", "Košice", "Slovakia"),
            ("Lutsk", "Pardubice", "Czechia"),
            ("Ternopil", "Katowice", "Poland"),
        ]
    )
    document = made.document
    engine = Engine.from_document(
        KnowledgeDocument(
            hromadas=read_hromadas(),
            sources=document.sources,
            places=document.places,
            agreements=document.agreements,
        )
    )

    answer = engine.answer(question, lang="uk").text

    assert partner_uk in answer
    assert hromada_uk in answer


@pytest.mark.parametrize(
    ("written", "country", "expected_uk"),
    [("Pittsburgh", "US", "Піттсбург"), ("Albany", "US", "Олбані"), ("Newton", "US", "Ньютон")],
)
def test_a_town_several_share_the_name_of_keeps_the_ukrainian_name_they_all_have(
    written: str, country: str, expected_uk: str
) -> None:
    actual = new_foreign_place("partner", written, country)

    assert actual.name.uk == expected_uk
    assert actual.name.en == written
    # Which of them is meant is not known, so neither are its coordinates.
    assert actual.latitude is None


def test_towns_of_one_name_with_different_ukrainian_names_give_none() -> None:
    assert world.agreed_ukrainian_name("Nanning", "CN") is None
    assert world.agreed_ukrainian_name("Atlantis", "US") is None


def test_a_town_s_traditional_ukrainian_name_is_used_and_found_declined() -> None:
    made = _sheet([("Chernivtsi", "Bălți", "Moldova")])
    document = made.document
    engine = Engine.from_document(
        KnowledgeDocument(
            hromadas=read_hromadas(),
            sources=document.sources,
            places=document.places,
            agreements=document.agreements,
        )
    )

    assert [place.name.uk for place in document.places] == ["Бєльці"]
    answer = engine.answer("Хто дружить з Бєльцями?", lang="uk").text
    assert "Бєльці" in answer
    assert "Чернівці" in answer
    assert "Белци" not in engine.answer("Які побратими Чернівців?", lang="uk").text


def test_a_town_written_with_its_country_or_constituent_country_is_the_same_place() -> None:
    plan = _sheet(
        [
            ("Kharkiv", "Birmingham", "United Kingdom"),
            ("Lviv", '"Birmingham, England"', "United Kingdom"),
            ("Odesa", '"Birmingham, England, United Kingdom"', "GB"),
            ("Rivne", "Lublin", "Poland"),
            ("Lutsk", '"Lublin, Poland"', "Poland"),
            ("Kyiv", "Lublin (Poland)", "PL"),
        ]
    )

    assert plan.rejected == []
    assert sorted({doc.place for doc in plan.document.agreements}) == [
        "gb-birmingham",
        "pl-lublin",
    ]
    assert {doc.name.en for doc in plan.document.places} == {"Birmingham", "Lublin"}


def test_a_partner_in_curacao_or_sint_maarten_is_in_that_country() -> None:
    plan = _sheet([("Kyiv", "Willemstad", "Curaçao"), ("Lviv", "Philipsburg", "Sint Maarten")])

    assert plan.rejected == []
    assert sorted(doc.country for doc in plan.document.places) == ["CW", "SX"]
