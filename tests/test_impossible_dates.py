"""Dates no record can have are refused wherever a record comes in, with the field to correct:
a sheet import, a JSON export imported back, `kb load`, the admin's /edit and one-line form."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.facts.documents import AgreementDoc, ExtensionDoc, KnowledgeDocument
from knowledge.facts.messages import ImportRejectedError, Problem
from knowledge.facts.plausibility import entry_context, entry_day
from knowledge.interchange import read_import
from knowledge.interchange.planning import plan_rows
from knowledge.qa.engine import Engine
from knowledge.render.translations import translation
from knowledge.store.curated import CURATED_DIR, read_hromadas
from knowledge.store.document_files import DocumentError, parse_document
from tests.adminbot_support import SUPER_ADMIN, admin_harness, admin_services, button, stored
from tests.bot_support import Harness, sent_texts

HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)
AID_HEADER = "hromada,received_on,donor_country,description,source_title"
KOSICE = "kharkiv-kosice-cooperation-2023"
ME = SUPER_ADMIN
FUTURE = {"en": "is later than today", "uk": "пізніше за сьогодні"}


def _refusals(text: str, filename: str = "partners.csv") -> list[Problem]:
    return read_import(text.encode(), filename).rejected


def _both(problem: Problem) -> dict[str, str]:
    return {lang: problem.render(translation(lang).gettext, lang) for lang in ("en", "uk")}


@pytest.mark.parametrize(
    ("cells", "expected_en", "expected_uk"),
    [
        ("active,9999,", "signed_on: 9999 is later than today", "signed_on: 9999 — пізніше"),
        ("active,2099,", "signed_on: 2099 is later than today", "signed_on: 2099 — пізніше"),
        ("active,1000,", "signed_on: 1000 is before 1900", "signed_on: 1000 — раніше за 1900"),
        ("active,2015,2021", "term ended on 2021: write status expired", "закінчився 2021"),
        ("active,2020,2019", "expires_on: 2019 is before the signing date 2020", "expires_on"),
    ],
)
def test_a_sheet_row_with_an_impossible_agreement_date_is_refused_naming_the_column(
    cells: str, expected_en: str, expected_uk: str
) -> None:
    text = f"{HEADER}\nKharkiv,Brno,CZ,twinning,{cells},Letter,,,\n"

    (refusal,) = _refusals(text)

    reasons = _both(refusal)
    assert refusal.row == 2
    assert expected_en in reasons["en"]
    assert expected_uk in reasons["uk"]
    assert "later than" not in reasons["uk"]
    assert "before" not in reasons["uk"]


def test_a_sheet_row_with_a_source_dated_in_the_future_is_refused() -> None:
    text = f"{HEADER}\nKharkiv,Brno,CZ,twinning,active,2020,,Letter,,2099-01-01,\n"

    (refusal,) = _refusals(text)

    reasons = _both(refusal)
    assert reasons["en"].startswith(f"source_date: 2099-01-01 {FUTURE['en']}")
    assert reasons["uk"].startswith(f"source_date: 2099-01-01 — {FUTURE['uk']}")


@pytest.mark.parametrize(
    ("received", "refused"), [("2099-05", True), ("1000", True), ("2023", False)]
)
def test_aid_received_in_the_future_or_before_1900_is_refused(
    received: str, refused: bool
) -> None:
    text = f"{AID_HEADER}\nKharkiv,{received},Poland,Generators,Report\n"

    rejected = _refusals(text, "aid.csv")

    assert [problem.params.get("field") for problem in rejected] == (
        ["received_on"] if refused else []
    )


@pytest.mark.parametrize(
    "cells",
    [
        "expired,2015,2021",  # a term that has ended, stored as such
        "planned,,",  # to be signed: no signing date yet
        "active,2020,2099",  # in force until a date to come
        f"active,{entry_day().year},",  # signed this year
    ],
)
def test_possible_dates_are_still_read(cells: str) -> None:
    text = f"{HEADER}\nKharkiv,Brno,CZ,twinning,{cells},Letter,,,\n"

    assert _refusals(text) == []


def _agreement(**changes: object) -> dict[str, object]:
    fields: dict[str, object] = {
        "key": "kharkiv-brno-twinning",
        "hromada": "UA63120270000028556",
        "place": "cz-brno",
        "kind": "twinning",
        "status": "active",
        "sources": [{"source": "letter"}],
    }
    return fields | changes


def test_an_extension_to_a_date_to_come_keeps_an_agreement_in_force() -> None:
    extended = _agreement(
        signed_on="2010",
        valid_until="2015",
        extensions=[{"extended_on": "2015", "valid_until": "2099", "source": "letter"}],
    )
    by_years = _agreement(
        signed_on="2010",
        valid_until="2015",
        extensions=[{"extended_on": "2015", "term_years": 5, "source": "letter"}],
    )
    ended = _agreement(
        signed_on="2010",
        extensions=[ExtensionDoc(extended_on="2015", valid_until="2020", source="letter")],
    )

    AgreementDoc.model_validate(extended, context=entry_context())
    # The end worked out from a term is an estimate: the editor's status stands.
    AgreementDoc.model_validate(by_years, context=entry_context())
    with pytest.raises(ValueError, match="term ended on 2020"):
        AgreementDoc.model_validate(ended, context=entry_context())


def test_a_stored_record_stays_readable_as_its_term_passes() -> None:
    fields = _agreement(signed_on="2015", valid_until="2021")

    # Read from the database, it is what was written; entered today, it is refused.
    assert AgreementDoc.model_validate(fields).valid_until is not None
    with pytest.raises(ValueError, match="term ended on 2021"):
        AgreementDoc.model_validate(fields, context=entry_context(dt.date(2026, 1, 1)))
    AgreementDoc.model_validate(fields, context=entry_context(dt.date(2020, 1, 1)))


def test_kb_load_refuses_a_source_dated_in_the_future() -> None:
    text = json.dumps(
        {
            "sources": [
                {
                    "key": "letter",
                    "kind": "news",
                    "title": {"uk": "Лист", "en": "Letter"},
                    "issuer": {"uk": "Рада", "en": "Council"},
                    "issued_on": "2099-01-01",
                }
            ]
        }
    )

    with pytest.raises(DocumentError, match=f"issued_on: 2099-01-01 {FUTURE['en']}"):
        parse_document(text, name="future.json", is_json=True)


def test_a_json_export_with_an_agreement_signed_in_1000_is_refused() -> None:
    document = {"agreements": [_agreement(signed_on="1000")]}

    with pytest.raises(ImportRejectedError) as caught:
        read_import(json.dumps(document).encode(), "export.json")

    reasons = [_both(problem)["uk"] for problem in caught.value.problems]
    assert any(reason.startswith("signed_on: 1000 — раніше за 1900") for reason in reasons)


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


@pytest.mark.parametrize(
    ("lang", "field", "typed", "expected"),
    [
        ("en", "Signed", "2099", "Signed: 2099 is later than today"),
        ("uk", "Підписано", "2099", "Підписано: 2099 — пізніше за сьогодні"),
        ("en", "Signed", "1000", "Signed: 1000 is before 1900"),
        ("uk", "Підписано", "1000", "Підписано: 1000 — раніше за 1900"),
    ],
)
async def test_an_admin_edit_to_an_impossible_date_is_refused_and_nothing_stored(
    admin: Harness, seeded_engine: AsyncEngine, lang: str, field: str, typed: str, expected: str
) -> None:
    before = await stored(seeded_engine)
    calls = await admin.send(f"/edit {KOSICE}", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, field), chat_id=ME, user_id=ME, language_code=lang)

    (reply,) = sent_texts(await admin.send(typed, chat_id=ME, user_id=ME, language_code=lang))

    assert expected in reply
    assert await stored(seeded_engine) == before


@pytest.mark.parametrize(
    ("lang", "field", "confirm", "status", "note"),
    [
        (
            "en",
            "Valid until",
            "Confirm",
            "• Status: Active → Expired",
            "The stated term has ended, so the agreement becomes expired in the same change",
        ),
        (
            "uk",
            "Чинна до",
            "Підтвердити",
            "• Статус: Чинна → Термін дії минув",
            "Зазначений строк уже закінчився, тож угода в цій самій зміні стає такою,",
        ),
    ],
)
async def test_an_end_date_already_past_makes_an_agreement_in_force_expired_in_one_undoable_change(
    admin: Harness,
    seeded_engine: AsyncEngine,
    lang: str,
    field: str,
    confirm: str,
    status: str,
    note: str,
) -> None:
    before = await stored(seeded_engine)
    calls = await admin.send(f"/edit {KOSICE}", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, field), chat_id=ME, user_id=ME, language_code=lang)

    calls = await admin.send("2024", chat_id=ME, user_id=ME, language_code=lang)
    (preview,) = sent_texts(calls)
    await admin.click(button(calls, confirm), chat_id=ME, user_id=ME, language_code=lang)

    assert status in preview
    assert note in preview
    (agreement,) = [a for a in (await stored(seeded_engine)).agreements if a.key == KOSICE]
    assert agreement.status.value == "expired"
    assert str(agreement.valid_until.isoformat() if agreement.valid_until else None) == "2024"
    calls = await admin.send("/undo", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, confirm), chat_id=ME, user_id=ME, language_code=lang)
    assert await stored(seeded_engine) == before


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Signed: 2099-05 is later than today"), ("uk", "Підписано: 2099-05 — пізніше")],
)
async def test_the_one_line_form_refuses_an_agreement_signed_in_the_future(
    admin: Harness, seeded_engine: AsyncEngine, lang: str, expected: str
) -> None:
    before = await stored(seeded_engine)
    line = "Харків | Нове Місто | SK | memorandum | active | 2099-05 | https://example.org/n/7"

    calls = await admin.send(f"/add_agreement {line}", chat_id=ME, user_id=ME, language_code=lang)

    (reply,) = sent_texts(calls)
    assert expected in reply
    assert await stored(seeded_engine) == before


@pytest.mark.parametrize("partner", ["Харків", "Kharkov", "м. Харків"])
def test_a_sheet_row_making_a_hromada_its_own_partner_is_refused(partner: str) -> None:
    text = f"{HEADER}\nKharkiv,{partner},UA,twinning,active,2020,,Letter,,,\n"
    actual = read_import(text.encode(), "partners.csv")

    planned = plan_rows(actual, KnowledgeDocument(hromadas=read_hromadas()))

    (refusal,) = planned.rejected
    reasons = _both(refusal)
    assert planned.document.agreements == []
    assert reasons["en"].startswith(f"{partner} is in the same hromada as Kharkiv")
    assert reasons["uk"].startswith(f"{partner} — у тій самій громаді, що й Харків")


def test_another_ukrainian_hromada_is_still_a_partner() -> None:
    text = f"{HEADER}\nKharkiv,Lviv,UA,twinning,active,2020,,Letter,,,\n"
    actual = read_import(text.encode(), "partners.csv")

    planned = plan_rows(actual, KnowledgeDocument(hromadas=read_hromadas()))

    assert planned.rejected == []
    assert len(planned.document.agreements) == 1


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Kharkiv is in the same hromada as Kharkiv"),
        ("uk", "Kharkiv — у тій самій громаді, що й Харків"),
    ],
)
async def test_the_one_line_form_refuses_a_hromada_as_its_own_partner(
    admin: Harness, seeded_engine: AsyncEngine, lang: str, expected: str
) -> None:
    before = await stored(seeded_engine)
    line = "Харків | Kharkiv | UA | memorandum | active | 2024-05 | https://example.org/n/8"

    calls = await admin.send(f"/add_agreement {line}", chat_id=ME, user_id=ME, language_code=lang)

    (reply,) = sent_texts(calls)
    assert expected in reply
    assert await stored(seeded_engine) == before


@pytest.mark.parametrize(
    ("cells", "expected_en", "expected_uk"),
    [
        (
            "planned,2021,",
            "status: planned, but signed_on gives 2021",
            "статус: заплановано (planned), але signed_on — 2021",
        ),
        (
            "in_negotiation,2020-03-01,",
            "status: in_negotiation, but signed_on gives 2020-03-01",
            "статус: у переговорах (in_negotiation), але signed_on — 2020-03-01",
        ),
        (
            "expired,2015,2035",
            "status: expired, but the stated term runs until 2035",
            "статус: строк дії минув, але зазначений строк триває до 2035",
        ),
        (
            "active,2015,9999",
            f"expires_on: 9999 is after {entry_day().year + 100}, more than a century",
            f"expires_on: 9999 — пізніше за {entry_day().year + 100} рік, понад століття",
        ),
    ],
)
def test_a_sheet_row_whose_status_and_dates_contradict_is_refused(
    cells: str, expected_en: str, expected_uk: str
) -> None:
    text = f"{HEADER}\nKharkiv,Brno,CZ,twinning,{cells},Letter,,,\n"

    (refusal,) = _refusals(text)

    reasons = _both(refusal)
    assert refusal.row == 2
    assert reasons["en"].startswith(expected_en)
    assert reasons["uk"].startswith(expected_uk)


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"status": "planned", "signed_on": "2022-05"}, "status: planned, but signed_on"),
        ({"status": "expired", "signed_on": "2015", "valid_until": "2035"}, "runs until 2035"),
        ({"signed_on": "2015", "valid_until": "9999"}, "valid_until: 9999 is after"),
        (
            {
                "signed_on": "2010",
                "extensions": [{"extended_on": "2015", "valid_until": "3015", "source": "letter"}],
            },
            "valid_until: 3015 is after .*, more than a century",
        ),
    ],
)
def test_kb_load_refuses_an_agreement_whose_status_and_dates_contradict(
    changes: dict[str, object], expected: str
) -> None:
    text = json.dumps({"agreements": [_agreement(**changes)]})

    with pytest.raises(DocumentError, match=expected):
        parse_document(text, name="contradiction.json", is_json=True)


@pytest.mark.parametrize(
    "cells",
    [
        "expired,2010,2020",  # ended as stated
        "planned,,2099",  # a term agreed for when it is signed
        f"active,2020,{entry_day().year + 99}",  # a long term, within the bound
    ],
)
def test_status_and_dates_that_agree_are_still_read(cells: str) -> None:
    text = f"{HEADER}\nKharkiv,Brno,CZ,twinning,{cells},Letter,,,\n"

    assert _refusals(text) == []


def test_the_shipped_records_are_all_still_accepted_as_entries() -> None:
    for path in sorted(CURATED_DIR.glob("*.yaml")):
        parse_document(path.read_text(encoding="utf-8"), name=path.name, is_json=False)


@pytest.mark.parametrize(
    ("row", "expected_en", "expected_uk"),
    [
        (
            "Kharkiv,2023,UA,Generators,Report",
            "donor_country: Ukraine is not a donor country",
            "donor_country: Україна не є країною-донором",
        ),
        (
            "Kharkiv,2023,Poland|Ukraine,Generators,Report",
            "donor_country: Ukraine is not a donor country",
            "donor_country: Україна не є країною-донором",
        ),
        (
            "Kharkiv,2023,Poland,,Report",
            "The aid record says nothing of what arrived",
            "Запис про допомогу нічого не каже про те, що надійшло",
        ),
    ],
)
def test_an_aid_row_from_ukraine_or_saying_nothing_of_what_arrived_is_refused(
    row: str, expected_en: str, expected_uk: str
) -> None:
    parsed = read_import(f"{AID_HEADER}\n{row}\n".encode(), "aid.csv")

    planned = plan_rows(parsed, KnowledgeDocument(hromadas=read_hromadas()))

    (refusal,) = planned.rejected
    reasons = _both(refusal)
    assert planned.document.aid == []
    assert refusal.row == 2
    assert reasons["en"].startswith(expected_en)
    assert reasons["uk"].startswith(expected_uk)
