"""A pair written twice in one sheet is merged, and a long preview groups refusals by reason."""

from __future__ import annotations

from pathlib import Path

from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.messages import Problem, grouped, other_rows
from knowledge.interchange.planning import Plan, plan_rows
from knowledge.interchange.uploads import read_import
from knowledge.qa.engine import Engine
from knowledge.render.translations import translation
from knowledge.store.curated import read_hromadas
from tests.cli import run_bot

HEADER = "hromada,partner_city,partner_country,kind,status,source_title,source_url"
BEREHOVE = "UA21020030000019624"
PAGE = "https://en.wikipedia.org/wiki/List_of_twin_towns_and_sister_cities_in_"


def _plan(*rows: str) -> Plan:
    data = "\n".join([HEADER, *rows]).encode()
    return plan_rows(read_import(data, "p.csv"), KnowledgeDocument(hromadas=read_hromadas()))


def test_the_same_pair_written_two_ways_is_one_agreement_citing_both_pages() -> None:
    plan = _plan(
        f"Rivne,Pankow (Berlin),Germany,twinning,active,Ukraine,{PAGE}Ukraine",
        f"Rivne,Berlin – Pankow,Germany,twinning,active,Germany,{PAGE}Germany",
    )

    (agreement,) = plan.document.agreements
    assert plan.rejected == []
    assert [(problem.row, problem.params) for problem in plan.merged] == [(3, {"first": 2})]
    assert len(agreement.sources) == 2
    assert len(plan.document.places) == 1


def test_different_partners_stay_apart() -> None:
    plan = _plan(
        f"Rivne,Pankow (Berlin),Germany,twinning,active,Ukraine,{PAGE}Ukraine",
        f"Rivne,Berlin,Germany,twinning,active,Ukraine,{PAGE}Ukraine",
    )

    assert len(plan.document.agreements) == 2
    assert plan.merged == []


def test_problems_of_one_kind_are_grouped_the_largest_group_first() -> None:
    raion = (
        "{name} is a raion, not a hromada, and only hromadas' partnerships are kept: leave out"
        " a raion council's partnership; if a hromada made it, write that hromada"
    )
    ambiguous = "ambiguous hromada {name}: {candidates}; write the KATOTTH code or the oblast"
    problems = [
        Problem(ambiguous, {"name": "Novoselivka", "candidates": "..."}, 2),
        Problem(raion, {"name": "Berehove Raion"}, 3),
        Problem(raion, {"name": "Mukachevo Raion"}, 4),
    ]

    actual = grouped(problems)

    assert [[problem.row for problem in group] for group in actual] == [[3, 4], [2]]


def test_raions_abolished_in_2020_are_one_group_wherever_their_centres_are_now() -> None:
    plan = _plan(
        *(
            f"{raion},Kraków,Poland,twinning,active,Ukraine,{PAGE}Ukraine"
            for raion in ("Manevychi Raion", "Liubar Raion", "Yahotyn Raion")
        )
    )

    (group,) = grouped(plan.rejected)
    assert [problem.row for problem in group] == [2, 3, 4]
    assert "abolished in 2020" in group[0].message
    assert other_rows(group) == ["3 (Liubar Raion → Liubar)", "4 (Yahotyn Raion → Yahotyn)"]


def test_rows_are_grouped_only_with_rows_refused_for_the_same_reason() -> None:
    empty = "{column} is empty"
    same = "the same pair as row {first}; merged into it"
    problems = [
        Problem(empty, {"column": "partner_country"}, 2),
        Problem(empty, {"column": "hromada"}, 3),
        Problem(empty, {"column": "partner_country"}, 4),
        Problem(same, {"first": 10}, 14),
        Problem(same, {"first": 20}, 21),
        Problem(same, {"first": 10}, 30),
        Problem(same, {"first": 38}, 39),
    ]

    actual = grouped(problems)

    assert [[problem.row for problem in group] for group in actual] == [
        [2, 4],
        [14, 30],
        [3],
        [21],
        [39],
    ]


def test_the_preview_shows_one_line_per_reason_with_the_other_rows(tmp_path: Path) -> None:
    sheet = tmp_path / "partners.csv"
    rows = [
        f"{raion},Kraków,Poland,twinning,active,Ukraine,{PAGE}Ukraine"
        for raion in ("Berehove Raion", "Mukachevo Raion", "Uzhhorod Raion")
    ]
    sheet.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    preview = run_bot("--lang", "en", "kb", "import", str(sheet), cwd=tmp_path)

    assert "3 rows refused:" in preview.stderr
    assert "row 2: Berehove Raion is a raion" in preview.stderr
    assert (
        "and 2 more rows like it: 3 (Mukachevo Raion → Mukachevo), 4 (Uzhhorod Raion → Uzhhorod)"
        in preview.stderr
    )


def test_every_refused_oblast_in_a_preview_names_its_own_centre(tmp_path: Path) -> None:
    sheet = tmp_path / "partners.csv"
    rows = [
        f"{oblast},Kraków,Poland,twinning,active,Ukraine,{PAGE}Ukraine"
        for oblast in ("Rivne Oblast", "Zakarpattia Oblast", "Rivne Oblast", "Volyn Oblast")
    ]
    sheet.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")

    preview = run_bot("--lang", "uk", "kb", "import", str(sheet), cwd=tmp_path)

    assert "наприклад Рівне" in preview.stderr
    assert "3 (Zakarpattia Oblast → Ужгород)" in preview.stderr
    assert "5 (Volyn Oblast → Луцьк)" in preview.stderr
    assert "4 (Rivne Oblast" not in preview.stderr


def test_a_village_s_partnership_is_its_hromada_s_and_answers_name_the_village() -> None:
    plan = _plan(f"Bene,Tiszabecs,Hungary,twinning,active,Hungary,{PAGE}Hungary")
    document = plan.document
    engine = Engine.from_document(
        KnowledgeDocument(
            hromadas=read_hromadas(),
            sources=document.sources,
            places=document.places,
            agreements=document.agreements,
        )
    )

    (agreement,) = document.agreements
    uk = engine.answer("Які побратими має Берегове?", lang="uk").text
    en = engine.answer("Sister cities of Berehove", lang="en").text
    assert agreement.hromada == BEREHOVE
    assert agreement.title is not None
    assert (agreement.title.uk, agreement.title.en) == (
        "Місто-побратим (Бене)",
        "Twin city (Bene)",
    )
    assert "Бене" in uk
    assert "Bene" in en


KEYED_HEADER = "key,hromada,partner_city,partner_country,kind,status,source_title,source_url"


def _keyed(*rows: str) -> Plan:
    data = "\n".join([KEYED_HEADER, *rows]).encode()
    return plan_rows(read_import(data, "k.csv"), KnowledgeDocument(hromadas=read_hromadas()))


def test_a_key_written_twice_for_the_same_pair_is_one_agreement_citing_both_pages() -> None:
    plan = _keyed(
        f"rivne-pankow,Rivne,Pankow (Berlin),Germany,twinning,active,Ukraine,{PAGE}Ukraine",
        f"rivne-pankow,Rivne,Berlin – Pankow,Germany,twinning,active,Germany,{PAGE}Germany",
    )

    (agreement,) = plan.document.agreements
    assert plan.rejected == []
    assert [problem.row for problem in plan.merged] == [3]
    assert len(agreement.sources) == 2


def test_a_key_written_twice_for_different_pairs_is_refused() -> None:
    plan = _keyed(
        f"rivne-pankow,Rivne,Pankow (Berlin),Germany,twinning,active,Ukraine,{PAGE}Ukraine",
        f"rivne-pankow,Rivne,Lublin,Poland,twinning,active,Ukraine,{PAGE}Ukraine",
    )

    (refusal,) = plan.rejected
    assert len(plan.document.agreements) == 1
    assert refusal.row == 3
    assert refusal.render(str).startswith(
        "key rivne-pankow is given to two different pairs: row 2 to Rivne – Pankow (Berlin),"
        " and this row to Rivne – Lublin; one key names one record"
    )
    assert refusal.render(translation("uk").gettext, "uk").startswith(
        "ключ rivne-pankow дано двом різним парам: рядок 2 — парі Рівне – Pankow (Berlin),"
        " а цей рядок — парі Рівне – Люблін; один ключ називає один запис"
    )


def test_an_aid_key_written_for_two_hromadas_is_refused_naming_both_rows() -> None:
    data = "\n".join(
        [
            "key," + AID_HEADER,
            "lviv-aid-1,Харків,2024-03,country,Польща,ліки,1000,EUR,Лист ради",
            "lviv-aid-1,Львів,2024-03,country,Польща,ліки,1000,EUR,Лист ради",
        ]
    ).encode()
    plan = plan_rows(read_import(data, "a.csv"), KnowledgeDocument(hromadas=read_hromadas()))

    (refusal,) = plan.rejected
    assert len(plan.document.aid) == 1
    assert refusal.row == 3
    assert refusal.render(str).startswith(
        "key lviv-aid-1 is given to aid of two hromadas: row 2 to aid for Kharkiv, and this row"
        " to aid for Lviv"
    )


AID_HEADER = (
    "hromada,received_on,donor_kind,donor_country,description,amount,currency,source_title"
)


def test_an_aid_row_written_twice_is_one_record_citing_both_sources() -> None:
    data = "\n".join(
        [
            AID_HEADER,
            "Харків,2024-03,country,Польща,ліки,1000,EUR,Лист ради",
            "Харків,2024-03,country,Польща,ліки,1000,EUR,Звіт ради",
        ]
    ).encode()
    plan = plan_rows(read_import(data, "a.csv"), KnowledgeDocument(hromadas=read_hromadas()))

    (record,) = plan.document.aid
    assert plan.rejected == []
    assert [problem.row for problem in plan.merged] == [3]
    assert len(record.sources) == 2
