"""Previewing and applying imports against a knowledge base as a fresh install has it."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.facts.messages import ImportRejectedError
from knowledge.interchange import (
    apply_import,
    export_agreements_csv,
    export_aid_csv,
    preview_import,
    read_import,
)
from knowledge.store import models
from knowledge.store.bootstrap import seed
from knowledge.store.engines import session_factory
from knowledge.store.exporting import DocumentFormat, dump_document, export_document
from knowledge.store.rights import SystemWriter

HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)
SOURCE = "Reply to the information request of 25 December 2023,,2024-01-12"
SHEET = "\n".join(
    [
        HEADER,
        # As stored: Kharkiv's cooperation agreement with Košice.
        f"Kharkiv,Košice,Slovakia,cooperation agreement,active,2023,,{SOURCE},",
        # Stored, with a new status.
        f"Харків,Brno,Чехія,twinning,suspended,,,{SOURCE},"
        "The letter of 12 January 2024 names Brno as Kharkiv's twin city; it does not give"
        " the date of the agreement.",
        # New, with a new partner city and a new source.
        "Bila Tserkva,Jelgava,Latvia,twinning,active,2019-05,,Council decision,"
        "https://example.org/decision,2019-05-12,",
        "Novoselivka,Paris,France,twinning,active,2020,,Letter,,,",
        "Kharkiv,Brno,CZ,twinning,active,2020-13,,Letter,,,",
    ]
).encode()
BILA_TSERKVA_JELGAVA = "bila-tserkva-lv-jelgava-twinning"


async def _counts(engine: AsyncEngine) -> tuple[int | None, ...]:
    async with session_factory(engine)() as session:
        return tuple(
            [
                await session.scalar(select(func.count()).select_from(table))
                for table in (
                    models.AgreementRow,
                    models.PlaceRow,
                    models.SourceRow,
                    models.AuditEntryRow,
                )
            ]
        )


async def test_preview_counts_new_changed_unchanged_and_refused_rows_and_writes_nothing(
    seeded_engine: AsyncEngine,
) -> None:
    before = await _counts(seeded_engine)
    parsed = read_import(SHEET, "partners.csv")

    async with session_factory(seeded_engine)() as session:
        actual = await preview_import(session, parsed)

    assert actual.new == {
        "source": ["import-council-decision-" + actual.new["source"][0][-8:]],
        "place": ["lv-jelgava"],
        "agreement": [BILA_TSERKVA_JELGAVA],
    }
    assert actual.changed == {"agreement": ["kharkiv-brno-twinning"]}
    assert actual.unchanged == {"agreement": ["kharkiv-kosice-cooperation-2023"]}
    assert [(problem.row, problem.render(str)[:20]) for problem in actual.rejected] == [
        (5, "ambiguous hromada No"),
        (6, "signed_on: 2020-13 i"),
    ]
    assert actual.kinds == ["source", "place", "agreement"]
    assert await _counts(seeded_engine) == before


async def test_refused_rows_stop_the_import_and_nothing_is_written(
    seeded_engine: AsyncEngine,
) -> None:
    before = await _counts(seeded_engine)
    parsed = read_import(SHEET, "partners.csv")

    async with session_factory(seeded_engine)() as session:
        with pytest.raises(ImportRejectedError) as caught:
            await apply_import(session, parsed, writer=SystemWriter("test"))

    assert [problem.row for problem in caught.value.problems] == [5, 6]
    assert await _counts(seeded_engine) == before


async def test_apply_writes_one_audited_batch_and_the_same_file_again_changes_nothing(
    engine: AsyncEngine,
) -> None:
    await seed(engine)
    parsed = read_import(SHEET, "partners.csv")
    seen: list[tuple[int, int]] = []
    async with session_factory(engine)() as session:
        first = await apply_import(
            session,
            parsed,
            writer=SystemWriter("admin:42"),
            progress=lambda done, total: seen.append((done, total)),
            skip_rejected=True,
        )
    after_first = await _counts(engine)
    async with session_factory(engine)() as session:
        second = await apply_import(
            session, parsed, writer=SystemWriter("admin:42"), skip_rejected=True
        )
    async with session_factory(engine)() as session:
        entries = (
            await session.scalars(
                select(models.AuditEntryRow).where(models.AuditEntryRow.batch == first.batch)
            )
        ).all()
        brno = await session.scalar(
            select(models.AgreementRow).where(models.AgreementRow.key == "kharkiv-brno-twinning")
        )

    assert dict(first.load.created) == {"source": 1, "place": 1, "agreement": 1}
    assert dict(first.load.updated) == {"agreement": 1}
    assert sorted((entry.action, entry.entity, entry.entity_key) for entry in entries) == [
        ("create", "agreement", BILA_TSERKVA_JELGAVA),
        ("create", "place", "lv-jelgava"),
        ("create", "source", first.preview.new["source"][0]),
        ("update", "agreement", "kharkiv-brno-twinning"),
    ]
    assert {entry.actor for entry in entries} == {"admin:42"}
    assert seen[0] == (0, 5)
    assert seen[-1] == (5, 5)
    assert not second.load.changed
    assert await _counts(engine) == after_first
    assert brno is not None
    assert brno.status == "suspended"


async def test_a_row_about_a_stored_agreement_keeps_what_the_sheet_has_no_column_for(
    seeded_engine: AsyncEngine,
) -> None:
    sheet = f"{HEADER}\nKharkiv,Albuquerque,US,protocol of intent,expired,2023,,{SOURCE},"
    async with session_factory(seeded_engine)() as session:
        await apply_import(
            session, read_import(sheet.encode(), "p.csv"), writer=SystemWriter("test")
        )
    async with session_factory(seeded_engine)() as session:
        document = await export_document(session)

    actual = {doc.key: doc for doc in document.agreements}[
        "kharkiv-albuquerque-protocol-of-intent-2023"
    ]
    assert actual.status == "expired"
    assert actual.title is not None
    assert actual.title.en == "Protocol of intent to establish twin-city relations"
    assert [area.value for area in actual.areas][:2] == ["recovery", "security"]
    assert len(actual.sources) == 2


@pytest.mark.parametrize(
    "header",
    [
        # The sheet has no notes or expiry column at all, as most public lists.
        "hromada,partner_city,partner_country,kind,status,source_title,source_url",
        # It has them, and leaves them empty for this row.
        "hromada,partner_city,partner_country,kind,status,expires_on,notes,"
        "source_title,source_url",
    ],
)
async def test_a_row_leaving_notes_and_dates_empty_keeps_what_the_stored_agreement_says(
    seeded_engine: AsyncEngine, header: str
) -> None:
    empty = ",," if "notes" in header else ""
    sheet = f"{header}\nKharkiv,Brno,Czech Republic,twinning,active,{empty}Wikipedia list,"
    async with session_factory(seeded_engine)() as session:
        stored = {doc.key: doc for doc in (await export_document(session)).agreements}
        await apply_import(
            session, read_import(sheet.encode(), "p.csv"), writer=SystemWriter("test")
        )
    async with session_factory(seeded_engine)() as session:
        document = await export_document(session)

    brno_before = stored["kharkiv-brno-twinning"]
    brno = {doc.key: doc for doc in document.agreements}["kharkiv-brno-twinning"]
    assert brno_before.notes is not None
    assert brno.notes == brno_before.notes
    assert brno.signed_on == brno_before.signed_on
    assert len(brno.sources) == len(brno_before.sources) + 1


@pytest.mark.parametrize(
    ("status", "signed_on", "expected"),
    [
        # Signed again: the new date, and the old term no longer stands.
        ("active", "2025-02-01", ("active", "2025-02-01", None)),
        # Back in talks: it is no longer signed, nor in force until a date.
        ("in_negotiation", "", ("in_negotiation", None, None)),
    ],
)
async def test_a_row_changing_the_signing_or_status_drops_the_dates_it_contradicts(
    seeded_engine: AsyncEngine, status: str, signed_on: str, expected: tuple[str | None, ...]
) -> None:
    header = "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,notes"
    first = f"{header},source_title\nBila Tserkva,Jelgava,Latvia,twinning,active,2019-05-01,"
    first += "2099-05-01,Renewed every five years,Council decision"
    again = f"{header},source_title\nBila Tserkva,Jelgava,Latvia,twinning,{status},{signed_on}"
    again += ",,,Council letter"
    async with session_factory(seeded_engine)() as session:
        await apply_import(
            session, read_import(first.encode(), "a.csv"), writer=SystemWriter("test")
        )
        result = await apply_import(
            session, read_import(again.encode(), "b.csv"), writer=SystemWriter("test")
        )
    async with session_factory(seeded_engine)() as session:
        after = {doc.key: doc for doc in (await export_document(session)).agreements}

    assert not result.preview.rejected
    changed = after[BILA_TSERKVA_JELGAVA]
    actual = (
        changed.status.value,
        None if changed.signed_on is None else str(changed.signed_on),
        None if changed.valid_until is None else str(changed.valid_until),
    )
    assert actual == expected
    assert changed.notes is not None
    assert changed.notes.en == "Renewed every five years"


@pytest.mark.parametrize(
    ("export", "name"), [(export_agreements_csv, "a.csv"), (export_aid_csv, "b.csv")]
)
async def test_an_exported_table_imports_back_as_all_unchanged(
    seeded_engine: AsyncEngine, export: object, name: str
) -> None:
    async with session_factory(seeded_engine)() as session:
        text = await export(session)  # type: ignore[operator]
        parsed = read_import(text.encode(), name)
        actual = await preview_import(session, parsed)

    assert actual.rejected == []
    assert actual.new == {}
    assert actual.changed == {}
    assert sum(len(keys) for keys in actual.unchanged.values()) == len(text.splitlines()) - 1


@pytest.mark.parametrize("file_format", list(DocumentFormat))
async def test_a_knowledge_base_export_imports_back_as_all_unchanged(
    seeded_engine: AsyncEngine, file_format: DocumentFormat
) -> None:
    async with session_factory(seeded_engine)() as session:
        text = dump_document(await export_document(session), file_format)
        parsed = read_import(text.encode(), f"export.{file_format.value}")
        actual = await preview_import(session, parsed)

    assert actual.rejected == []
    assert actual.new == {}
    assert actual.changed == {}
    assert len(actual.unchanged["agreement"]) == 14
    assert not actual.has_changes


async def test_partner_cities_match_across_spellings_but_not_across_numbers(
    seeded_engine: AsyncEngine,
) -> None:
    rows = [
        "Kharkiv,Saint-Étienne,FR,twinning,active,2020,,Letter,,,",
        "Lviv,Saint Etienne,France,twinning,active,2020,,Letter,,,",
        "Kharkiv,Kosice,SK,cooperation_agreement,active,2023,,Letter,,,",
        "Kharkiv,Town 1,PL,twinning,active,2020,,Letter,,,",
        "Kharkiv,Town 11,PL,twinning,active,2020,,Letter,,,",
    ]
    parsed = read_import("\n".join([HEADER, *rows]).encode(), "p.csv")

    async with session_factory(seeded_engine)() as session:
        actual = await preview_import(session, parsed)

    assert actual.rejected == []
    assert actual.new["place"] == ["fr-saint-etienne", "pl-town-1", "pl-town-11"]
    assert actual.changed == {"agreement": ["kharkiv-kosice-cooperation-2023"]}
