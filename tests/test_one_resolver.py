"""The same names read through every entry point mean the same hromada.

An import (`kb import`, /import), /subscribe, /publish and /grant, the dialogs' lists and the
one-line form, and a resident's question all read a place name; a few hundred names, as the
twin-town sheet writes them and as the codifier names hromadas in both languages, must give
the same hromada wherever they are typed.
"""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from knowledge.facts.documents import KnowledgeDocument
from knowledge.interchange.planning import Plan, plan_rows
from knowledge.interchange.uploads import read_import
from knowledge.places.hromadas import Resolved, shipped_index
from knowledge.qa.engine import Engine
from knowledge.store.curated import read_hromadas

SHEETS = Path(__file__).parent / "data" / "twin_towns"
HEADER = "hromada,partner_city,partner_country,kind,status,source_title"


def _names() -> list[str]:
    with (SHEETS / "twin_towns_ukraine.csv").open(encoding="utf-8", newline="") as file:
        tuning = {row["hromada"] for row in csv.DictReader(file)}
    with (SHEETS / "expected_places.csv").open(encoding="utf-8", newline="") as file:
        written = [
            row["written"]
            for row in csv.DictReader(file)
            if row["written"] in tuning and row["expected"] == "hromada"
        ]
    hromadas = read_hromadas()
    # Centres no other hromada's centre shares (Мирне, Андріївка are many hromadas' centres).
    shared = Counter(hromada.center_uk for hromada in hromadas)
    centres = [
        hromada for hromada in hromadas if hromada.center_uk and shared[hromada.center_uk] == 1
    ]
    centres = centres[::8]
    names = written + [hromada.center_uk or "" for hromada in centres]
    return sorted(set(names + [hromada.center_en or "" for hromada in centres]) - {""})


NAMES = _names()


@pytest.fixture(scope="module")
def import_plan() -> Plan:
    """The import of a sheet pairing each name with Kraków."""
    rows = [f'"{name}",Kraków,Poland,twinning,active,Wikipedia' for name in NAMES]
    data = "\n".join([HEADER, *rows]).encode()
    return plan_rows(read_import(data, "names.csv"), KnowledgeDocument(hromadas=read_hromadas()))


@pytest.fixture(scope="module")
def imported(import_plan: Plan) -> dict[str, str]:
    """What an import makes of each name: the hromada of the row, or nothing if refused."""
    plan = import_plan
    refused = {problem.row for problem in plan.rejected}
    codes = iter(agreement.hromada for agreement in plan.document.agreements)
    # Same-named rows would merge into one agreement: each row's code is read back in order.
    by_row = {}
    for number, name in enumerate(NAMES, 2):
        if number not in refused:
            resolved = shipped_index().resolve(name)
            by_row[name] = resolved.code if isinstance(resolved, Resolved) else ""
    assert set(codes) <= set(by_row.values())
    return by_row


@pytest.fixture(scope="module")
def engine(import_plan: Plan) -> Engine:
    """The engine residents ask once the sheet is imported: a name several hromadas share is
    read as the one with records, as an import reads it."""
    imported = import_plan.document
    return Engine.from_document(
        KnowledgeDocument(
            hromadas=read_hromadas(),
            sources=imported.sources,
            places=imported.places,
            agreements=imported.agreements,
        )
    )


def test_there_are_a_few_hundred_names() -> None:
    assert len(NAMES) > 300


def test_an_import_refuses_no_hromada_name(imported: dict[str, str]) -> None:
    assert set(NAMES) - set(imported) == set()


def test_the_dialogs_offer_the_hromada_the_import_takes(imported: dict[str, str]) -> None:
    missing = [
        name for name, code in imported.items() if code not in shipped_index().candidates(name)
    ]

    assert not missing


def test_questions_mean_the_hromada_the_import_takes(
    imported: dict[str, str], engine: Engine
) -> None:
    different = {
        name: (code, engine.explain(f"Партнери {name}").entities.hromada)
        for name, code in imported.items()
        if engine.explain(f"Партнери {name}").entities.hromada != code
    }

    assert not different


# Names as German, French, Polish and Romanian pages spell them, beside the national spelling.
ROMANISED = [
    ("Tschyhyryn", "Chyhyryn"),
    ("Tscherniwzi", "Chernivtsi"),
    ("Chostka", "Shostka"),
    ("Alouchta", "Alushta"),
    ("Ciudei", "Chudei"),
    ("Velykyi Kuciuriv", "Velykyi Kuchuriv"),
    ("Pereshcepyne", "Pereshchepyne"),
    ("Klichkivtsy", "Klishkivtsi"),
]


@pytest.mark.parametrize(("written", "national"), ROMANISED)
def test_another_languages_romanisation_means_the_same_hromada_everywhere(
    written: str, national: str, engine: Engine
) -> None:
    expected = shipped_index().resolve(national)
    assert isinstance(expected, Resolved)
    data = "\n".join([HEADER, f'"{written}",Kraków,Poland,twinning,active,Wikipedia']).encode()
    plan = plan_rows(read_import(data, "names.csv"), KnowledgeDocument(hromadas=read_hromadas()))

    found = shipped_index().resolve(written)

    assert isinstance(found, Resolved), found
    assert found.code == expected.code
    assert [agreement.hromada for agreement in plan.document.agreements] == [expected.code]
    assert expected.code in shipped_index().candidates(written)
    assert engine.explain(f"Партнери {written}").entities.hromada == expected.code
    assert engine.explain(f"Who are the partners of {written}?").entities.hromada == expected.code
