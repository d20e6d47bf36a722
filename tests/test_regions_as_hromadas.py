"""A region written where a hromada belongs is refused as a region, never read as a village
named after it: Bukovyna is not the village Буковина, Crimea not Кримське."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.interchange import read_import
from knowledge.qa.engine import Engine
from knowledge.render.translations import translation
from tests.adminbot_support import SUPER_ADMIN, admin_harness, admin_services, stored
from tests.bot_support import Harness, sent_texts

HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)


@pytest.mark.parametrize(
    ("hromada", "expected_en", "expected_uk"),
    [
        ("Буковина", "is an oblast, not a hromada", "наприклад Чернівці"),
        ("Крим", "is an oblast, not a hromada", "Сімферополь"),
        ("АР Крим", "is an oblast, not a hromada", "Сімферополь"),
        ("Crimea", "such as Simferopol", "це область, а не громада"),
        ("Autonomous Republic of Crimea", "such as Simferopol", "Сімферополь"),
        ("Галичина", "is a historical land, not a hromada", "історичний край"),
        ("Slobozhanshchyna", "such as Kharkiv", "наприклад Харків"),
    ],
)
def test_a_region_in_the_hromada_column_is_refused_as_a_region(
    hromada: str, expected_en: str, expected_uk: str
) -> None:
    text = f"{HEADER}\n{hromada},Brno,CZ,twinning,active,2020,,Letter,,,\n"

    actual = read_import(text.encode(), "partners.csv")

    (refusal,) = actual.rejected
    assert actual.agreements == []
    assert expected_en in refusal.render(translation("en").gettext, "en")
    assert expected_uk in refusal.render(translation("uk").gettext, "uk")


def test_a_village_named_like_a_region_is_found_where_the_row_says() -> None:
    text = (
        "hromada,oblast,partner_city,partner_country,kind,status,source_title\n"
        "Буковина,Львівська,Brno,CZ,twinning,active,Letter\n"
    )

    actual = read_import(text.encode(), "partners.csv")

    assert actual.rejected == []
    (row,) = actual.agreements
    assert row.settlement is not None
    assert row.settlement.name_uk == "Буковина"


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Крим is an oblast, not a hromada; write one of its hromadas, such as Simferopol"),
        ("uk", "Крим — це область, а не громада; вкажіть одну з її громад, наприклад Сімферополь"),
    ],
)
async def test_the_one_line_form_refuses_crimea_as_a_hromada(
    admin: Harness, seeded_engine: AsyncEngine, lang: str, expected: str
) -> None:
    before = await stored(seeded_engine)
    line = "Крим | Brno | CZ | memorandum | active | 2020 | https://example.org/n/9"

    calls = await admin.send(
        f"/add_agreement {line}", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang
    )

    (reply,) = sent_texts(calls)
    assert expected in reply
    assert await stored(seeded_engine) == before
