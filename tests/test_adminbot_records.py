"""The dialogs for a new partner place, source and aid record, in both languages."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.qa.engine import Engine
from tests.admin_support import audit_count
from tests.adminbot_support import SUPER_ADMIN, admin_harness, admin_services, button, stored
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
CONFIRM = {"en": "Confirm", "uk": "Підтвердити"}
NOT_A_DATE = {"en": "“soon” is not a date.", "uk": "«soon» — не дата."}
NOT_A_COUNTRY = {"en": "I don't know a country “QQ”.", "uk": "Я не знаю країни «QQ»."}
NOT_A_NUMBER = {"en": "“many” is not a count.", "uk": "«many» — не кількість."}
NOT_AID = {"en": "“tanks” is not one of the listed", "uk": "«tanks» — не один із видів"}
NO_TEXT = {"en": "Please send some text", "uk": "Надішліть текст"}


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _walk(admin: Harness, lang: str, steps: list[tuple[str, str | None]]) -> list[str]:
    """Send each answer; a step with an expected error checks the reply names it."""
    texts: list[str] = []
    for text, error in steps:
        calls = await admin.send(text, chat_id=ME, user_id=ME, language_code=lang)
        texts = sent_texts(calls)
        if error is not None:
            assert error in texts[0]
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)
    return texts


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_new_place(admin: Harness, seeded_engine: AsyncEngine, lang: str) -> None:
    await _walk(
        admin,
        lang,
        [
            ("/new_place", None),
            ("-", NO_TEXT[lang]),
            ("Жешув", None),
            ("-", None),
            ("QQ", NOT_A_COUNTRY[lang]),
            ("PL", None),
        ],
    )

    (place,) = [p for p in (await stored(seeded_engine)).places if p.key == "pl-zheshuv"]
    assert (place.name.uk, place.name.en, place.country) == ("Жешув", "Zheshuv", "PL")


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_new_source(admin: Harness, seeded_engine: AsyncEngine, lang: str) -> None:
    await _walk(
        admin,
        lang,
        [
            ("/new_source", None),
            ("Рішення сесії", None),
            ("Харківська міська рада", None),
            ("soon", NOT_A_DATE[lang]),
            ("2024-02", None),
            ("https://example.org/d/1", None),
        ],
    )

    (source,) = [
        s for s in (await stored(seeded_engine)).sources if s.key == "source-rishennia-sesii"
    ]
    assert source.issued_on is not None
    assert source.issued_on.isoformat() == "2024-02"
    assert source.url == "https://example.org/d/1"


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_new_aid_record(admin: Harness, seeded_engine: AsyncEngine, lang: str) -> None:
    await _walk(
        admin,
        lang,
        [
            ("/new_aid", None),
            ("Харків", None),
            ("soon", NOT_A_DATE[lang]),
            ("2024-03", None),
            ("QQ", NOT_A_COUNTRY[lang]),
            ("PL", None),
            ("-", None),
            ("tanks", NOT_AID[lang]),
            ("generators", None),
            ("many", NOT_A_NUMBER[lang]),
            ("12", None),
            ("kharkiv-foi-reply-2024-01-12", None),
        ],
    )

    document = await stored(seeded_engine)
    (aid,) = [a for a in document.aid if a.key == "kharkivska-aid-pl-2024"]
    assert aid.items[0].category.value == "generators"
    assert aid.items[0].quantity == 12
    assert aid.donors[0].country == "PL"


async def test_cancel_in_a_record_dialog_writes_nothing(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    audited = await audit_count(seeded_engine)
    await admin.send("/new_aid", chat_id=ME, user_id=ME)
    await admin.send("Харків", chat_id=ME, user_id=ME)

    calls = await admin.send("/cancel", chat_id=ME, user_id=ME)

    assert sent_texts(calls) == ["Cancelled. Nothing was changed."]
    assert await audit_count(seeded_engine) == audited


@pytest.mark.parametrize(
    ("lang", "country", "category", "expected"),
    [
        ("uk", "Польща", "Генератори", "generators"),
        ("en", "Poland", "medical equipment", "medical_equipment"),
    ],
)
async def test_the_aid_dialog_reads_names_and_dotted_dates(
    admin: Harness,
    seeded_engine: AsyncEngine,
    lang: str,
    country: str,
    category: str,
    expected: str,
) -> None:
    steps = ["/new_aid", "Харків", "12.03.2024", country, "-", category, "3"]
    await _walk(admin, lang, [(text, None) for text in [*steps, "kharkiv-foi-reply-2024-01-12"]])

    document = await stored(seeded_engine)
    (aid,) = [a for a in document.aid if a.key == "kharkivska-aid-pl-2024"]
    assert aid.donors[0].country == "PL"
    assert aid.received_on is not None
    assert aid.received_on.isoformat() == "2024-03-12"
    assert aid.items[0].category.value == expected
    assert aid.items[0].quantity == 3
