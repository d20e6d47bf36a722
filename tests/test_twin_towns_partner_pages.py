"""A sheet copied from the partners' own pages, in their languages: Ukrainian places as a
Hungarian, Polish, Romanian or French page writes them («Nagymuzsaly», «Emilczyn»,
«comuna Ostrița», «Tchoulakiv, région de Kherson»), often with a raion abolished in 2020."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.facts.documents import KnowledgeDocument
from knowledge.interchange.planning import Plan, plan_rows
from knowledge.interchange.uploads import read_import
from knowledge.store.curated import read_hromadas

SHEET = Path(__file__).parent / "data" / "twin_towns" / "twin_towns_partner_pages.csv"
# The reasons a row may be refused: it names no single hromada. One row, a village under the
# name it bore before 2016 («Chapaevsk, raionul Shyrokivski»), is not known to the codifier.
ACCEPTED_REASONS = ("is a raion", "is an oblast", "ambiguous hromada")
MAX_UNKNOWN = 1


@pytest.fixture(scope="module")
def plan() -> Plan:
    return plan_rows(
        read_import(SHEET.read_bytes(), SHEET.name), KnowledgeDocument(hromadas=read_hromadas())
    )


def test_every_refusal_but_one_is_a_raion_an_oblast_or_an_ambiguous_name(plan: Plan) -> None:
    other = [
        problem.message
        for problem in plan.rejected
        if not any(reason in problem.message for reason in ACCEPTED_REASONS)
    ]

    assert len(other) <= MAX_UNKNOWN, other


@pytest.mark.parametrize(
    ("written", "centre_uk"),
    [
        ("Nagymuzsaly", "Берегове"),
        ("Palágykomoróc", "Сюрте"),
        ("Emilczyn", "Ємільчине"),
        ("comuna Ostrița", "Остриця"),
        ("Tchoulakiv", "Чулаківка"),
        ("Lipovka, raionul Tomashpol", "Томашпіль"),
    ],
)
def test_a_place_a_neighbour_s_page_names_imports_as_its_hromada_s(
    plan: Plan, written: str, centre_uk: str
) -> None:
    hromadas = {hromada.code: hromada for hromada in read_hromadas()}
    rows = {problem.row for problem in plan.rejected if problem.params.get("name") == written}
    centres = {hromadas[agreement.hromada].center_uk for agreement in plan.document.agreements}

    assert rows == set()
    assert centre_uk in centres
