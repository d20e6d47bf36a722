"""What a sheet's rows may do to stored records: never move one to another hromada or partner,
never drop a row's facts for another row's, never fail the import on a long name."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin.editing import delete_record, load_for_edit
from knowledge.facts.documents import KnowledgeDocument
from knowledge.interchange.planning import Plan, plan_rows
from knowledge.interchange.service import ImportPreview, preview_import
from knowledge.interchange.uploads import read_import
from knowledge.qa.engine import Engine
from knowledge.render.translations import translation
from knowledge.store.curated import read_hromadas
from tests import factories
from tests.admin_support import SUPER_ADMIN, aid, person, seed, sessions
from tests.adminops_support import FileHarness, admin_services, file_harness, stored
from tests.bot_support import keyboard_buttons, sent_texts
from tests.cli import run_bot

HEADER = "key,hromada,oblast,partner_city,partner_country,kind,status,signed_on,source_title,notes"
AID_HEADER = "key,hromada,received_on,donor_kind,donor_country,amount,currency,source_title,notes"
KHARKIV = factories.HROMADA_CODE
LONG_CYRILLIC = "Щ" * 100


def _stored() -> KnowledgeDocument:
    """Every hromada, with Kharkiv's cooperation agreement with Košice and its aid record."""
    base = factories.document()
    return KnowledgeDocument(
        hromadas=read_hromadas(),
        sources=base.sources,
        places=base.places,
        agreements=base.agreements,
    )


def _plan(header: str, *rows: str, stored: KnowledgeDocument | None = None) -> Plan:
    data = "\n".join([header, *rows]).encode()
    return plan_rows(read_import(data, "sheet.csv"), stored or _stored())


def _refusals(plan: Plan, lang: str = "en") -> list[tuple[int | None, str]]:
    gettext = translation(lang).gettext
    return [(problem.row, problem.render(gettext, lang)) for problem in plan.rejected]


# --- a key never moves a record --------------------------------------------------------------


@pytest.mark.parametrize(
    ("row", "named"),
    [
        # Another hromada with the same partner.
        ("test-agreement,Mena,,Košice,Slovakia,cooperation agreement,active,2023,Letter,", "Mena"),
        # The same hromada with another partner.
        (
            "test-agreement,Kharkiv,,Lille,France,cooperation agreement,active,2023,Letter,",
            "Lille",
        ),
    ],
)
def test_a_row_reusing_a_stored_key_for_another_pair_is_refused_naming_both(
    row: str, named: str
) -> None:
    plan = _plan(HEADER, row)

    ((number, reason),) = _refusals(plan)
    assert number == 2
    assert reason.startswith("key test-agreement is the record of Kharkiv – Košice,"), reason
    assert named in reason
    assert plan.document.agreements == []


def test_the_refusal_of_a_moved_key_is_in_ukrainian_for_a_ukrainian_editor() -> None:
    plan = _plan(HEADER, "test-agreement,Мена,,Košice,Slovakia,cooperation,active,,Лист,")

    ((_, reason),) = _refusals(plan, "uk")
    assert reason.startswith("ключ test-agreement — запис пари Харків – Кошице"), reason
    assert "Мена – Кошице" in reason


def test_a_row_of_the_stored_pair_under_its_key_still_changes_it() -> None:
    plan = _plan(HEADER, "test-agreement,Kharkiv,,Košice,Slovakia,cooperation,suspended,,L,")

    (agreement,) = plan.document.agreements
    assert plan.rejected == []
    assert (agreement.key, agreement.status) == ("test-agreement", "suspended")


def test_a_key_in_capitals_or_with_spaces_names_the_same_record() -> None:
    plan = _plan(HEADER, " TEST-Agreement ,Kharkiv,,Košice,Slovakia,cooperation,suspended,,L,")

    (agreement,) = plan.document.agreements
    assert agreement.key == "test-agreement"


def test_an_aid_row_reusing_another_hromada_s_aid_key_is_refused() -> None:
    stored = _stored().model_copy(update={"aid": [aid()]})

    plan = _plan(AID_HEADER, "test-aid,Mena,2024-03,country,Poland,,,Letter,", stored=stored)

    ((number, reason),) = _refusals(plan)
    assert number == 2
    assert reason.startswith("key test-aid is an aid record of Kharkiv, and this row names Mena")
    assert plan.document.aid == []


def test_two_hromadas_whose_centres_share_a_name_keep_their_own_agreements() -> None:
    plan = _plan(
        HEADER,
        ",Ternivka,Dnipropetrovsk Oblast,Paris,France,twinning,active,,Letter,",
        ",Ternivka,Cherkasy Oblast,Paris,France,twinning,active,,Letter,",
    )

    assert plan.rejected == []
    assert plan.merged == []
    assert len({agreement.key for agreement in plan.document.agreements}) == 2
    assert {agreement.hromada for agreement in plan.document.agreements} == {
        "UA12120090000031622",
        "UA71080450000083423",
    }


# --- rows of one pair that contradict each other ----------------------------------------------


def test_two_rows_of_one_pair_with_other_facts_are_both_refused_naming_each_other() -> None:
    plan = _plan(
        HEADER,
        ",Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Letter,signed in May",
        ",Kharkiv,,Lille,France,twinning,active,,Letter,",
        ",Bila Tserkva,,Jelgava,Latvia,twinning,suspended,2020,Letter,",
    )

    refusals = _refusals(plan)
    assert [number for number, _ in refusals] == [2, 4]
    assert refusals[0][1].startswith(
        "the same pair as row 4, with other values in status, signed_on: neither row"
    ), refusals
    assert refusals[1][1].startswith(
        "the same pair as row 2, with other values in status, signed_on"
    )
    assert [agreement.place for agreement in plan.document.agreements] == ["fr-lille"]


def test_a_row_merged_into_a_contradicted_row_is_refused_with_it() -> None:
    plan = _plan(
        HEADER,
        ",Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Letter,",
        ",Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Council report,",
        ",Bila Tserkva,,Jelgava,Latvia,twinning,active,2018,Letter,",
    )

    assert plan.merged == []
    assert [number for number, _ in _refusals(plan)] == [2, 3, 4]
    assert plan.document.agreements == []


def test_identical_rows_of_one_pair_are_merged_with_a_note() -> None:
    plan = _plan(
        HEADER,
        ",Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Letter,",
        ",Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Council report,",
    )

    (agreement,) = plan.document.agreements
    assert plan.rejected == []
    assert [(problem.row, problem.params) for problem in plan.merged] == [(3, {"first": 2})]
    assert len(agreement.sources) == 2


def test_a_row_adding_a_source_with_empty_cells_is_merged_keeping_the_first_row_s_facts() -> None:
    plan = _plan(
        HEADER,
        ",Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Letter,signed in May",
        ",Bila Tserkva,,Jelgava,Latvia,twinning,active,,Council report,",
    )

    (agreement,) = plan.document.agreements
    assert plan.rejected == []
    assert [(problem.row, problem.params) for problem in plan.merged] == [(3, {"first": 2})]
    assert len(agreement.sources) == 2
    assert agreement.notes is not None
    assert agreement.notes.en == "signed in May"
    assert agreement.signed_on is not None


def test_a_later_row_filling_a_cell_the_first_left_empty_is_refused_not_dropped() -> None:
    plan = _plan(
        HEADER,
        ",Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Letter,",
        ",Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Council report,signed in May",
    )

    assert [number for number, _ in _refusals(plan)] == [2, 3]
    assert plan.document.agreements == []


def test_two_aid_rows_of_one_key_with_other_sums_are_both_refused() -> None:
    plan = _plan(
        AID_HEADER,
        "kharkiv-aid-1,Kharkiv,2024-03,country,Poland,1000,EUR,Letter,",
        "kharkiv-aid-1,Kharkiv,2024-03,country,Poland,2000,EUR,Letter,",
    )

    refusals = _refusals(plan)
    assert [number for number, _ in refusals] == [2, 3]
    assert refusals[1][1].startswith("the same aid record as row 2, with other values in amount")
    assert plan.document.aid == []


# --- sums of aid ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "currency", "lang", "reason"),
    [
        ("1e30", "EUR", "en", "amount: 1e30 is too large for a sum of aid"),
        ("1e308", "EUR", "uk", "amount: 1e308 — завелике число для суми допомоги"),
        ("-100", "EUR", "en", "amount: -100 is below zero: write the sum received"),
        ("-100", "EUR", "uk", "amount: -100 менше за нуль: запишіть отриману суму"),
        ("10.005", "EUR", "en", "amount: 10.005 has more than two decimal places"),
        ("1000", "XYZ", "en", "currency: XYZ is not a currency code"),
        ("1000", "XTS", "en", "currency: XTS is not a currency code"),
    ],
)
def test_an_impossible_sum_or_currency_refuses_its_row_only(
    amount: str, currency: str, lang: str, reason: str
) -> None:
    plan = _plan(
        AID_HEADER,
        "kharkiv-aid-1,Kharkiv,2024-03,country,Poland,1000,EUR,Letter,",
        f"kharkiv-aid-2,Kharkiv,2024-04,country,Poland,{amount},{currency},Letter,",
    )

    ((row, refusal),) = _refusals(plan, lang)
    assert row == 3
    assert refusal.startswith(reason)
    assert [(item.key, item.amount, item.currency) for item in plan.document.aid] == [
        ("kharkiv-aid-1", Decimal("1000"), "EUR")
    ]


def test_a_donor_country_written_twice_is_one_donor() -> None:
    plan = _plan(
        AID_HEADER, "kharkiv-aid-1,Kharkiv,2024-03,country,PL|Poland|Польща|DE,900,EUR,Letter,"
    )

    assert _refusals(plan) == []
    ((record,),) = [plan.document.aid]
    assert [donor.country for donor in record.donors] == ["PL", "DE"]


# --- long names -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "partner_city: written in Latin letters, this name would have 400 characters,"
            " and a place's name holds at most 200",
        ),
        (
            "uk",
            "partner_city: латинськими літерами ця назва мала б 400 символів, а назва місця"
            " вміщує щонайбільше 200",
        ),
    ],
)
def test_a_cyrillic_name_too_long_once_in_latin_letters_refuses_its_row_only(
    lang: str, expected: str
) -> None:
    plan = _plan(
        HEADER,
        f",Kharkiv,,{LONG_CYRILLIC},Poland,twinning,active,,Letter,",
        ",Kharkiv,,Lille,France,twinning,active,,Letter,",
    )

    assert _refusals(plan, lang) == [(2, expected)]
    assert [agreement.place for agreement in plan.document.agreements] == ["fr-lille"]
    assert all(len(place.name.en) <= 200 for place in plan.document.places)


def test_a_donor_city_too_long_once_in_latin_letters_refuses_its_row() -> None:
    header = "hromada,received_on,donor_kind,donor_country,donor_city,source_title"
    plan = _plan(header, f"Kharkiv,2024-03,city,Poland,{LONG_CYRILLIC},Letter")

    ((number, reason),) = _refusals(plan)
    assert number == 2
    assert reason.startswith("donor_city: written in Latin letters, this name would have 400")


# --- through `kb import` ----------------------------------------------------------------------

CLI_HEADER = "key,hromada,partner_city,partner_country,kind,status,source_title"


def test_kb_import_refuses_a_key_moved_to_another_hromada_and_writes_nothing(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "partners.csv"
    sheet.write_text(
        f"{CLI_HEADER}\nkharkiv-brno-twinning,Mena,Brno,CZ,twinning,active,Letter\n",
        encoding="utf-8",
    )

    preview = run_bot("--lang", "uk", "kb", "import", str(sheet), cwd=tmp_path)
    applied = run_bot("--lang", "en", "kb", "import", str(sheet), "--apply", cwd=tmp_path)
    exported = run_bot("kb", "export", "--format", "csv", cwd=tmp_path)

    assert (
        "рядок 2: ключ kharkiv-brno-twinning — запис пари Харків – Брно, а цей рядок називає"
        " Мена – Брно" in preview.stdout + preview.stderr
    ), preview.stdout + preview.stderr
    assert applied.returncode == 1
    assert "row 2: key kharkiv-brno-twinning is the record of Kharkiv – Brno" in applied.stderr
    assert "kharkiv-brno-twinning,UA63120270000028556," in exported.stdout


def test_kb_import_refuses_both_rows_of_a_pair_that_contradict_each_other(
    tmp_path: Path,
) -> None:
    sheet = tmp_path / "partners.csv"
    sheet.write_text(
        "hromada,partner_city,partner_country,kind,status,signed_on,source_title\n"
        "Bila Tserkva,Jelgava,Latvia,twinning,active,2019,Letter\n"
        "Bila Tserkva,Jelgava,Latvia,twinning,active,2020,Letter\n",
        encoding="utf-8",
    )

    preview = run_bot("--lang", "en", "kb", "import", str(sheet), cwd=tmp_path)

    shown = preview.stdout + preview.stderr
    assert "row 2: the same pair as row 3, with other values in signed_on" in shown, shown
    assert "row 3: the same pair as row 2, with other values in signed_on" in shown
    assert "Nothing would change." in shown


# --- through the bot's /import preview -------------------------------------------------------


@pytest.fixture
async def admins(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[FileHarness]:
    """The bot with SUPER_ADMIN configured; fails on HTML Telegram would reject."""
    driven = file_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


MOVED_PREVIEW = {
    "en": "• row 2: key kharkiv-brno-twinning is the record of Kharkiv – Brno, and this row"
    " names Mena – Brno: a sheet does not move a record to another hromada or partner",
    "uk": "• рядок 2: ключ kharkiv-brno-twinning — запис пари Харків – Брно, а цей рядок"
    " називає Мена – Брно: таблиця не переносить запис до іншої громади чи іншого партнера",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_the_import_preview_refuses_a_row_moving_a_record_and_offers_no_apply(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    before = await stored(seeded_engine)
    sheet = f"{CLI_HEADER}\nkharkiv-brno-twinning,Mena,Brno,CZ,twinning,active,Letter\n"

    preview = await admins.send_document(sheet.encode(), "partners.csv", language_code=lang)

    text = "\n".join(sent_texts(preview))
    assert MOVED_PREVIEW[lang] in text, text
    assert keyboard_buttons(preview[-1].reply_markup) == []  # type: ignore[attr-defined]
    assert await stored(seeded_engine) == before


# --- rows of one new pair under different keys, and donor cities spelled two ways -------------


@pytest.mark.parametrize(
    ("first_key", "second_key"), [("jelgava-a", "jelgava-b"), ("jelgava-a", ""), ("", "jelgava-b")]
)
def test_identical_rows_of_one_new_pair_under_other_keys_make_one_record(
    first_key: str, second_key: str
) -> None:
    plan = _plan(
        HEADER,
        f"{first_key},Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Letter,",
        f"{second_key},Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Council report,",
    )

    (agreement,) = plan.document.agreements
    assert plan.rejected == []
    assert [(problem.row, problem.params) for problem in plan.merged] == [(3, {"first": 2})]
    assert len(agreement.sources) == 2
    if first_key:
        assert agreement.key == first_key


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "the same pair as row 2, with other values in status, signed_on: neither row"),
        ("uk", "та сама пара, що й у рядку 2, але інакше заповнено status, signed_on"),
    ],
)
def test_rows_of_one_new_pair_under_other_keys_that_differ_are_both_refused(
    lang: str, expected: str
) -> None:
    plan = _plan(
        HEADER,
        "jelgava-a,Bila Tserkva,,Jelgava,Latvia,twinning,active,2019,Letter,",
        ",Bila Tserkva,,Jelgava,Latvia,twinning,suspended,2020,Letter,",
    )

    refusals = _refusals(plan, lang)
    assert [number for number, _ in refusals] == [2, 3]
    assert refusals[1][1].startswith(expected), refusals
    assert plan.document.agreements == []


DONOR_HEADER = (
    "key,hromada,received_on,donor_kind,donor_country,donor_city,amount,currency,source_title"
)


def test_a_donor_city_spelled_with_or_without_accents_is_one_aid_record() -> None:
    plan = _plan(
        DONOR_HEADER,
        "kharkiv-aid-1,Kharkiv,2024-03,city,Poland,Kraków,1000,EUR,Letter",
        "kharkiv-aid-1,Kharkiv,2024-03,city,Poland,Krakow,1000,EUR,Council report",
    )

    (record,) = plan.document.aid
    assert plan.rejected == []
    assert [(problem.row, problem.params) for problem in plan.merged] == [(3, {"first": 2})]
    assert len(record.sources) == 2


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "the same aid record as row 2, with other values in donor_city: neither"),
        ("uk", "той самий запис про допомогу, що й у рядку 2, але інакше заповнено donor_city"),
    ],
)
def test_aid_rows_of_one_key_naming_two_donor_cities_are_both_refused(
    lang: str, expected: str
) -> None:
    plan = _plan(
        DONOR_HEADER,
        "kharkiv-aid-1,Kharkiv,2024-03,city,Poland,Kraków,1000,EUR,Letter",
        "kharkiv-aid-1,Kharkiv,2024-03,city,Poland,Gdańsk,1000,EUR,Letter",
    )

    refusals = _refusals(plan, lang)
    assert [number for number, _ in refusals] == [2, 3]
    assert refusals[1][1].startswith(expected), refusals
    assert plan.document.aid == []


# --- a deleted record's key -------------------------------------------------------------------


async def _preview_after_deleting(engine: AsyncEngine, row: str) -> ImportPreview:
    """The preview of a one-row sheet, once Kharkiv – Košice (test-agreement) is deleted."""
    await seed(engine)
    async with sessions(engine)() as session:
        seen = await load_for_edit(session, "agreement", "test-agreement")
        await delete_record(session, "agreement", "test-agreement", person(SUPER_ADMIN), seen)
    parsed = read_import("\n".join([HEADER, row]).encode(), "sheet.csv")
    async with sessions(engine)() as session:
        return await preview_import(session, parsed)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "key test-agreement was the record of Kharkiv – Košice, deleted earlier, and this row"
            " names",
        ),
        ("uk", "ключ test-agreement належав запису пари Харків – Кошице, видаленому раніше"),
    ],
)
async def test_a_row_giving_a_deleted_record_s_key_to_another_pair_is_refused(
    engine: AsyncEngine, lang: str, expected: str
) -> None:
    preview = await _preview_after_deleting(
        engine, "test-agreement,Mena,,Košice,Slovakia,cooperation,active,,Letter,"
    )

    gettext = translation(lang).gettext
    refusals = [(problem.row, problem.render(gettext, lang)) for problem in preview.rejected]
    assert [number for number, _ in refusals] == [2]
    assert refusals[0][1].startswith(expected), refusals
    # The seeded database holds Kharkiv alone: the row's hromada is named by its code.
    assert "UA74020030000069340 – " in refusals[0][1]


async def test_a_row_of_the_deleted_pair_under_its_old_key_restores_it(
    engine: AsyncEngine,
) -> None:
    preview = await _preview_after_deleting(
        engine, "test-agreement,Kharkiv,,Košice,Slovakia,cooperation,active,,Letter,"
    )

    assert preview.rejected == []


async def test_a_row_giving_a_deleted_aid_record_s_key_to_another_hromada_is_refused(
    engine: AsyncEngine,
) -> None:
    await seed(engine)
    async with sessions(engine)() as session:
        seen = await load_for_edit(session, "aid", "test-aid")
        await delete_record(session, "aid", "test-aid", person(SUPER_ADMIN), seen)
    sheets = {
        hromada: read_import(
            f"{AID_HEADER}\ntest-aid,{hromada},2024-03,country,Poland,500,EUR,Letter,\n".encode(),
            "aid.csv",
        )
        for hromada in ("Mena", "Kharkiv")
    }
    async with sessions(engine)() as session:
        moved = await preview_import(session, sheets["Mena"])
        restored = await preview_import(session, sheets["Kharkiv"])

    for lang, expected in (
        ("en", "key test-aid was an aid record of Kharkiv, deleted earlier, and this row names"),
        ("uk", "ключ test-aid належав запису про допомогу (громада Харків), видаленому раніше"),
    ):
        gettext = translation(lang).gettext
        refusals = [(problem.row, problem.render(gettext, lang)) for problem in moved.rejected]
        assert [number for number, _ in refusals] == [2]
        assert refusals[0][1].startswith(expected), refusals
    assert restored.rejected == []
    assert restored.new == {"source": restored.new["source"], "aid": ["test-aid"]}


# --- a stored pair under a new key -----------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            "the pair Kharkiv – Košice is stored already under key test-agreement, and this row"
            " gives it the new key second-record",
        ),
        ("uk", "пара Харків – Кошице уже збережена під ключем test-agreement, а цей рядок"),
    ],
)
def test_a_row_giving_a_stored_pair_a_key_of_its_own_is_refused(lang: str, expected: str) -> None:
    plan = _plan(
        HEADER,
        "second-record,Kharkiv,,Košice,Slovakia,cooperation agreement,active,2023,Letter,",
    )

    ((number, reason),) = _refusals(plan, lang)
    assert number == 2
    assert reason.startswith(expected), reason
    assert plan.document.agreements == []
    assert plan.document.sources == []


def test_a_row_giving_a_stored_pair_its_own_key_or_none_changes_that_record() -> None:
    for key in ("test-agreement", ""):
        plan = _plan(HEADER, f"{key},Kharkiv,,Košice,Slovakia,cooperation agreement,suspended,,L,")

        assert plan.rejected == []
        assert [doc.key for doc in plan.document.agreements] == ["test-agreement"]


# --- hidden characters -----------------------------------------------------------------------

# Zero-width space, word joiner, left-to-right mark, right-to-left override, byte order mark
# and soft hyphen: each invisible, the override reversing every answer that shows the note.
HIDDEN = "\u200b\u2060\u200e\u202e\ufeff\u00ad"


def test_a_sheet_s_hidden_and_direction_characters_are_not_stored() -> None:
    plan = _plan(
        HEADER,
        f"test-agreement,Kharkiv,,Košice,Slovakia,cooperation,active,,"
        f"Lis{HIDDEN}t,Sal\u200bzburg \u202eanuaK\u200d{HIDDEN}",
    )

    (agreement,) = plan.document.agreements
    assert plan.rejected == []
    assert agreement.notes is not None
    assert agreement.notes.en == "Salzburg anuaK"
    assert [source.title.en for source in plan.document.sources] == ["List"]


def test_a_joiner_a_script_needs_is_kept_and_one_between_latin_letters_is_not() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # "I want", spelt with ZWNJ
    plan = _plan(
        HEADER,
        f"test-agreement,Kharkiv,,Košice,Slovakia,cooperation,active,,L,{persian} Ko\u200cšice",
    )

    (agreement,) = plan.document.agreements
    assert agreement.notes is not None
    assert agreement.notes.en == f"{persian} Košice"
