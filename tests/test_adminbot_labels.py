"""What admins read in previews, /history and /undo is in their language, not field names."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.facts.documents import AgreementDoc, ExtensionDoc
from knowledge.qa.engine import Engine
from tests.adminbot_support import SUPER_ADMIN, admin_harness, admin_services, button, stored
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
KOSICE = "kharkiv-kosice-cooperation-2023"
LINE = "Харків | Нове Місто | SK | memorandum | active | 2024-05 | https://example.org/news/7"
# Every name a stored agreement's fields have, as the JSON form spells them.
RAW_FIELDS = set(AgreementDoc.model_fields) | set(ExtensionDoc.model_fields)
LABELS = {
    "en": [
        "• Kind: (empty) → Memorandum",
        "• Status: (empty) → Active",
        "• Signed: (empty) → May 2024",
    ],
    "uk": [
        "• Вид: (порожньо) → Меморандум",
        "• Статус: (порожньо) → Чинна",
        "• Підписано: (порожньо) → травень 2024",
    ],
}
UNDO = {"en": "place sk-nove-misto will be removed", "uk": "місце sk-nove-misto буде вилучено"}
CONFIRM = {"en": "Confirm", "uk": "Підтвердити"}


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


def _no_field_names(text: str) -> None:
    # Keys such as "source-example-org" are identifiers the admin types back: one token each.
    shown = set(re.findall(r"[\w-]+", text))
    # These are also plain English words the English texts use ("A new place will be added").
    assert not shown & (RAW_FIELDS - {"key", "place", "hromada", "source"}), text
    assert re.search(r"• [a-z_]+:", text) is None, text
    assert "(empty) → (empty)" not in text
    assert "(порожньо) → (порожньо)" not in text


async def _send(admin: Harness, text: str, lang: str) -> list[str]:
    return sent_texts(await admin.send(text, chat_id=ME, user_id=ME, language_code=lang))


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_preview_history_and_undo_speak_the_admins_language(
    admin: Harness, lang: str
) -> None:
    calls = await admin.send(f"/add_agreement {LINE}", chat_id=ME, user_id=ME, language_code=lang)
    (preview,) = sent_texts(calls)
    for line in LABELS[lang]:
        assert line in preview
    _no_field_names(preview)
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)

    (history,) = await _send(admin, "/history", lang)
    _no_field_names(history)
    assert "(0" not in history

    (undo,) = await _send(admin, "/undo", lang)
    assert UNDO[lang] in undo
    _no_field_names(undo)


@pytest.mark.parametrize(
    ("lang", "field", "prompt"),
    [
        ("en", "Valid until", "The new value of Valid until?"),
        ("uk", "Чинна до", "Чинна до"),
    ],
)
async def test_edit_offers_translated_fields_and_previews_them(
    admin: Harness, lang: str, field: str, prompt: str
) -> None:
    calls = await admin.send(f"/edit {KOSICE}", chat_id=ME, user_id=ME, language_code=lang)
    calls = await admin.click(button(calls, field), chat_id=ME, user_id=ME, language_code=lang)
    (asked,) = sent_texts(calls)
    assert prompt in asked
    _no_field_names(asked)

    (preview,) = await _send(admin, "2030-06", lang)

    _no_field_names(preview)
    assert field in preview


@pytest.mark.parametrize(
    ("lang", "area", "category"),
    [
        ("en", "social protection", "medical equipment"),
        ("uk", "соціальний захист", "медичне спорядження"),
    ],
)
async def test_the_names_to_type_are_listed_in_the_admins_language(
    admin: Harness, lang: str, area: str, category: str
) -> None:
    calls = await admin.send(f"/edit {KOSICE}", chat_id=ME, user_id=ME, language_code=lang)
    field = {"en": "Areas of cooperation", "uk": "Сфери співпраці"}[lang]
    calls = await admin.click(button(calls, field), chat_id=ME, user_id=ME, language_code=lang)
    asked = sent_texts(calls)[0]
    assert area in asked
    assert "social_protection" not in asked  # names, which the dialog reads, not codes
    await _send(admin, "/cancel", lang)

    await _send(admin, "/new_aid", lang)
    await _send(admin, "Харків", lang)
    await _send(admin, "2024-05", lang)
    await _send(admin, "PL", lang)
    (asked,) = await _send(admin, "-", lang)

    assert category in asked
    assert "medical_equipment" not in asked


@pytest.mark.parametrize(
    ("lang", "field", "expected"),
    [
        (
            "en",
            "Valid until",
            "Valid until: 2001 is before the signing date 2023: write the date the term ends,"
            " after the signing",
        ),
        (
            "uk",
            "Чинна до",
            "Чинна до: 2001 — раніше за дату підписання 2023: напишіть дату, коли строк"
            " закінчується, пізнішу за підписання",
        ),
    ],
)
async def test_a_record_that_ends_before_it_was_signed_is_explained(
    admin: Harness, seeded_engine: AsyncEngine, lang: str, field: str, expected: str
) -> None:
    before = await stored(seeded_engine)
    calls = await admin.send(f"/edit {KOSICE}", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, field), chat_id=ME, user_id=ME, language_code=lang)

    (reply,) = await _send(admin, "2001", lang)

    assert reply == expected
    assert await stored(seeded_engine) == before
