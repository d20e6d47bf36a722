"""An ambiguous place name in a sheet is settled by what else the row or the sheet says,
and otherwise refused with its candidates, never guessed."""

from __future__ import annotations

import pytest

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.messages import ImportRejectedError, Problem
from knowledge.interchange.planning import Plan, plan_rows
from knowledge.interchange.uploads import read_import
from knowledge.places.hromadas import Resolved, shipped_index
from knowledge.store.curated import read_hromadas

# Two cities called Horodok (Lviv and Khmelnytskyi oblasts) and two settlement-sized ones.
HORODOK_LVIV = "UA46060070000047720"
HORODOK_KHMELNYTSKYI = "UA68040130000024471"
# Дубове: a village in Volyn, a селище in Zakarpattia (Tiachiv raion).
DUBOVE_VOLYN = "UA07060130000030797"
DUBOVE_ZAKARPATTIA = "UA21080070000025254"
HAT_ZAKARPATTIA = "UA21020030090051498"
# Horodok in Lviv oblast, about 30 km west of Lviv.
NEAR_HORODOK_LVIV = ("49.78", "23.64")

HEADER = (
    "hromada,oblast,partner_city,partner_country,kind,status,source_title,"
    "hromada_latitude,hromada_longitude"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Horodok, Khmelnytskyi Oblast", HORODOK_KHMELNYTSKYI),
        ("Horodok (Lviv Oblast)", HORODOK_LVIV),
        ("Horodok, Lviv Oblast, Ukraine", HORODOK_LVIV),
        ("Horodok, Lviv Raion", HORODOK_LVIV),
        ("Horodok (Khmelnytskyi Raion)", HORODOK_KHMELNYTSKYI),
        ("м. Городок Львівської області", HORODOK_LVIV),
        ("Городок Хмельницької обл.", HORODOK_KHMELNYTSKYI),
        ("Dubove, Tiachiv Raion", DUBOVE_ZAKARPATTIA),
        ("с. Дубове Тячівського району", DUBOVE_ZAKARPATTIA),
        ("Dubove, Tiachiv Raion, Zakarpattia Oblast, Ukraine", DUBOVE_ZAKARPATTIA),
        # A raion named after its centre (Берегівський) is the raion that centre lies in.
        ("Hat (Berehove Raion)", "UA21020030000019624"),
        # The category and the raion together leave one селище.
        ("смт Дубове, Tiachiv Raion", DUBOVE_ZAKARPATTIA),
        ("village of Dubove, Volyn Oblast", DUBOVE_VOLYN),
    ],
)
def test_an_oblast_raion_or_category_written_in_the_cell_settles_the_name(
    text: str, expected: str
) -> None:
    actual = shipped_index().resolve(text)

    assert isinstance(actual, Resolved), actual
    assert actual.code == expected


@pytest.mark.parametrize(
    ("text", "oblasts"),
    [
        # Seven villages are called Городок; one is a hromada's centre, in Rivne oblast.
        ("с. Городок", {"Vinnytska oblast", "Volynska oblast"}),
        # Селища called Дубове lie in Zakarpattia, Donetsk and Luhansk oblasts.
        ("смт Дубове", {"Zakarpatska oblast", "Donetska oblast", "Luhanska oblast"}),
        ("Dubove urban-type settlement", {"Zakarpatska oblast", "Donetska oblast"}),
        # A dozen villages are called Дубове; the one a hromada is named after is in Volyn.
        ("village of Dubove", {"Volynska oblast", "Dnipropetrovska oblast"}),
        ("с. Зарічне", {"Avtonomna Respublika Krym"}),
    ],
)
def test_a_category_shared_by_villages_elsewhere_does_not_pick_the_hromada_centre(
    text: str, oblasts: set[str]
) -> None:
    actual = shipped_index().resolve(text)

    assert isinstance(actual, Problem), actual
    assert "ambiguous" in actual.message
    candidates = str(actual.params["candidates"])
    assert all(oblast in candidates for oblast in oblasts), candidates


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # Both are cities: "city of" does not tell them apart.
        ("city of Horodok", "ambiguous"),
        ("Horodok", "ambiguous"),
        ("Dubove", "ambiguous"),
        ("Horodok, Atlantis Oblast", "unknown oblast"),
        ("Horodok, Atlantis Raion", "unknown raion"),
    ],
)
def test_what_the_cell_does_not_settle_stays_refused(text: str, reason: str) -> None:
    actual = shipped_index().resolve(text)

    assert isinstance(actual, Problem)
    assert reason in actual.message


def _plan(rows: list[str], existing: KnowledgeDocument | None = None) -> Plan:
    data = "\n".join([HEADER, *rows]).encode()
    document = existing or KnowledgeDocument(hromadas=read_hromadas())
    return plan_rows(read_import(data, "sheet.csv"), document)


def test_the_partner_an_earlier_or_later_row_gives_one_candidate_settles_the_name() -> None:
    plan = _plan(
        [
            "Horodok,,Sochaczew,Poland,twinning,active,list,,",
            '"Horodok, Khmelnytskyi Oblast",,Sochaczew,Poland,twinning,active,list,,',
            "Horodok,,Nisko,Poland,twinning,active,list,,",
        ]
    )

    assert [(doc.hromada, doc.place) for doc in plan.document.agreements] == [
        (HORODOK_KHMELNYTSKYI, "pl-sochaczew")
    ]
    assert [problem.row for problem in plan.merged] == [2]
    assert [problem.row for problem in plan.rejected] == [4]
    assert "ambiguous" in plan.rejected[0].message


def test_the_partner_already_recorded_for_one_candidate_settles_the_name() -> None:
    first = _plan(["Dubove,Zakarpattia Oblast,Myjava,Slovakia,twinning,active,list,,"])
    stored = KnowledgeDocument(
        hromadas=read_hromadas(),
        sources=first.document.sources,
        places=first.document.places,
        agreements=first.document.agreements,
    )

    again = _plan(["Dubove,,Myjava,Slovakia,twinning,active,list,,"], stored)
    other = _plan(["Dubove,,Kostelec nad Orlicí,Czechia,twinning,active,list,,"], stored)

    assert [doc.hromada for doc in again.document.agreements] == [DUBOVE_ZAKARPATTIA]
    assert not again.rejected
    assert not other.document.agreements
    assert "ambiguous" in other.rejected[0].message


def test_coordinates_columns_settle_the_name_and_bad_ones_are_refused() -> None:
    latitude, longitude = NEAR_HORODOK_LVIV
    plan = _plan(
        [
            f"Horodok,,Strzyżów,Poland,twinning,active,list,{latitude},{longitude}",
            "Horodok,,Nisko,Poland,twinning,active,list,91,0",
        ]
    )

    assert [doc.hromada for doc in plan.document.agreements] == [HORODOK_LVIV]
    assert [problem.row for problem in plan.rejected] == [3]
    assert "not a place on Earth" in plan.rejected[0].message


def test_a_sheet_with_the_former_latitude_and_longitude_headers_still_settles_the_name() -> None:
    latitude, longitude = NEAR_HORODOK_LVIV
    header = HEADER.replace("hromada_latitude", "latitude").replace(
        "hromada_longitude", "longitude"
    )
    data = f"{header}\nHorodok,,Strzyżów,Poland,twinning,active,list,{latitude},{longitude}"

    plan = plan_rows(
        read_import(data.encode(), "sheet.csv"), KnowledgeDocument(hromadas=read_hromadas())
    )

    assert [doc.hromada for doc in plan.document.agreements] == [HORODOK_LVIV]


def test_a_sheet_with_both_the_former_and_the_new_latitude_header_is_refused() -> None:
    data = f"{HEADER},latitude\nHorodok,,Nisko,Poland,twinning,active,list,49.8,23.6,49.8"

    with pytest.raises(ImportRejectedError) as refused:
        read_import(data.encode(), "sheet.csv")

    assert "twice" in refused.value.problems[0].message
    assert "hromada_latitude" in str(refused.value.problems[0].params["columns"])


@pytest.mark.parametrize(
    ("text", "oblast"),
    [
        ("Шумська громада Тернопільщини", "Тернопільська"),
        ("Смілянська громада з Черкащини", "Черкаська"),
        ("Немішаївська громада з Київщини", "Київська"),
        ("Великобичківська громада із Закарпаття", "Закарпатська"),
        ("Боярська громада з Київської області", "Київська"),
        ("Dubove, Transcarpathia", "Закарпатська"),
    ],
)
def test_an_oblast_by_its_everyday_name_settles_the_name(text: str, oblast: str) -> None:
    actual = shipped_index().resolve(text)

    assert isinstance(actual, Resolved), actual
    assert shipped_index().by_code[actual.code].oblast_uk == oblast


def test_a_village_called_like_a_region_is_not_split() -> None:
    actual = shipped_index().resolve("Нове Запоріжжя")

    assert isinstance(actual, Problem)
    assert "ambiguous" in actual.message


def test_a_cell_naming_another_oblast_than_the_oblast_column_is_refused() -> None:
    index = shipped_index()

    actual = index.resolve("Horodok (Lviv Oblast)", "Khmelnytskyi")

    assert isinstance(actual, Problem), actual
    assert "different oblasts" in actual.message
    assert actual.params == {"first": "Khmelnytskyi", "second": "Lviv Oblast"}
    # The same oblast twice settles it.
    agreeing = index.resolve("Horodok (Lviv Oblast)", "Lviv")
    assert isinstance(agreeing, Resolved)
    assert agreeing.code == HORODOK_LVIV
