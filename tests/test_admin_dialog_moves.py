"""Back and Skip under the questions of the editing dialogs, pressed as an admin would: Back
asks the question before again and takes its answer back, Skip leaves an optional answer
empty, in both languages."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram.methods import TelegramMethod
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.qa.engine import Engine
from tests.admin_support import audit_count
from tests.adminbot_support import (
    SUPER_ADMIN,
    admin_harness,
    admin_services,
    button,
    last_buttons,
    stored,
)
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
BACK = {"en": "◀ Back", "uk": "◀ Назад"}
SKIP = {"en": "Skip ▶", "uk": "Пропустити ▶"}
CONFIRM = {"en": "Confirm", "uk": "Підтвердити"}
PLACE_QUESTION = {
    "en": "The partner place? Send its name, such as Košice.",
    "uk": "Місто-партнер? Надішліть його назву, наприклад Кошице.",
}
NEW_PLACE_COUNTRY = {
    "en": "I don't know “Нове Місто” yet; it will be added. Its country (such as Литва or LT)?",
    "uk": "Я ще не знаю «Нове Місто»; його буде додано. Його країна (наприклад, Литва чи LT)?",
}
KIND_QUESTION = {"en": "What kind of agreement?", "uk": "Який вид угоди?"}
DONOR_COUNTRY = {
    "en": "The donor's country (such as Poland or PL)?",
    "uk": "Країна донора (наприклад, Польща чи PL)?",
}
SOURCE_QUESTION = {
    "en": "The source: the key of an existing source, or a title or link?",
    "uk": "Джерело: ключ наявного джерела, назва чи посилання?",
}
FIELD_QUESTION = {
    "en": "Editing agreement kharkiv-kosice-cooperation-2023. Which field?",
    "uk": "Змінюємо запис (угода) kharkiv-kosice-cooperation-2023. Яке поле?",
}
NO_LONGER_VALID = {
    "en": "This button is no longer valid. Please start again.",
    "uk": "Ця кнопка вже не діє. Почніть, будь ласка, спочатку.",
}
NOTE = "Підписано під час візиту мера."
# Every step of the agreement dialog for a place not known yet, the other notes skipped.
AGREEMENT_ANSWERS = [
    "Харків",
    "Нове Місто",
    "SK",
    "memorandum",
    "active",
    "2024",
    "5",
    "culture",
    NOTE,
    "-",
    "test-source",
]
KOSICE = "kharkiv-kosice-cooperation-2023"


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _send(admin: Harness, text: str, lang: str) -> list[TelegramMethod[Any]]:
    return await admin.send(text, chat_id=ME, user_id=ME, language_code=lang)


async def _press(admin: Harness, data: str, lang: str) -> list[TelegramMethod[Any]]:
    return await admin.click(data, chat_id=ME, user_id=ME, language_code=lang)


def _labels(calls: list[TelegramMethod[Any]]) -> list[str]:
    return [label for label, _data in last_buttons(calls)]


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_back_under_every_question_asks_the_one_before_again(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    before = await stored(seeded_engine)
    calls = await _send(admin, "/new_agreement", lang)
    assert BACK[lang] not in _labels(calls)
    asked = sent_texts(calls)[-1]
    for answer in AGREEMENT_ANSWERS[:-1]:
        calls = await _send(admin, answer, lang)
        question = sent_texts(calls)[-1]

        repeated = await _press(admin, button(calls, BACK[lang]), lang)

        (again,) = sent_texts(repeated)
        # The first question is repeated without its opening hint about /cancel.
        assert asked.startswith(again)
        assert sent_texts(await _send(admin, answer, lang))[-1] == question
        asked = question
    calls = await _send(admin, AGREEMENT_ANSWERS[-1], lang)
    await _press(admin, button(calls, CONFIRM[lang]), lang)

    after = await stored(seeded_engine)
    (added,) = [a for a in after.agreements if a.key not in {b.key for b in before.agreements}]
    assert (added.place, added.kind.value, added.status.value) == (
        "sk-nove-misto",
        "memorandum",
        "active",
    )
    assert added.signed_on is not None
    assert (added.signed_on.isoformat(), added.term_years) == ("2024", 5)
    assert [area.value for area in added.areas] == ["culture"]
    assert added.notes is not None
    assert added.notes.uk == NOTE


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_back_takes_the_answer_back_and_skips_a_question_no_longer_asked(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    for text in ("/new_agreement", "Харків"):
        await _send(admin, text, lang)
    calls = await _send(admin, "Нове Місто", lang)
    assert sent_texts(calls) == [NEW_PLACE_COUNTRY[lang]]
    calls = await _press(admin, button(calls, BACK[lang]), lang)
    assert sent_texts(calls) == [PLACE_QUESTION[lang]]

    # A known place asks no country; Back from the next question returns to the place.
    calls = await _send(admin, "Кошице", lang)
    assert sent_texts(calls)[-1] == KIND_QUESTION[lang]
    calls = await _press(admin, button(calls, BACK[lang]), lang)
    assert sent_texts(calls) == [PLACE_QUESTION[lang]]
    await _send(admin, "/cancel", lang)

    # The aid dialog: the donor's country changed after Back is the one saved.
    for text in ("/new_aid", "Харків", "2024"):
        await _send(admin, text, lang)
    calls = await _send(admin, "PL", lang)
    calls = await _press(admin, button(calls, BACK[lang]), lang)
    assert sent_texts(calls) == [DONOR_COUNTRY[lang]]
    for text in ("LT", "-", "generators", "12"):
        await _send(admin, text, lang)
    calls = await _send(admin, "test-source", lang)
    await _press(admin, button(calls, CONFIRM[lang]), lang)

    (aid,) = [a for a in (await stored(seeded_engine)).aid if a.key == "kharkivska-aid-lt-2024"]
    assert [donor.country for donor in aid.donors] == ["LT"]


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_skip_leaves_each_optional_answer_empty_and_required_ones_have_none(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    before = {a.key for a in (await stored(seeded_engine)).agreements}
    for text in ("/new_agreement", "Харків"):
        calls = await _send(admin, text, lang)
        assert SKIP[lang] not in _labels(calls)
    calls = await _send(admin, "Кошице", lang)
    assert SKIP[lang] not in _labels(calls)
    await _send(admin, "memorandum", lang)
    calls = await _send(admin, "active", lang)
    # Signed, valid until, areas and notes are skipped one after another.
    for _optional in range(4):
        assert _labels(calls) == [BACK[lang], SKIP[lang]]
        calls = await _press(admin, button(calls, SKIP[lang]), lang)
    assert sent_texts(calls) == [SOURCE_QUESTION[lang]]
    assert _labels(calls) == [BACK[lang]]
    calls = await _send(admin, "test-source", lang)
    await _press(admin, button(calls, CONFIRM[lang]), lang)

    (added,) = [a for a in (await stored(seeded_engine)).agreements if a.key not in before]
    assert (added.place, added.signed_on, added.valid_until, added.term_years) == (
        "sk-kosice",
        None,
        None,
        None,
    )
    assert (added.areas, added.notes) == ([], None)


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_back_under_an_earlier_question_changes_nothing(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    audited = await audit_count(seeded_engine)
    for text in ("/new_aid", "Харків"):
        await _send(admin, text, lang)
    earlier = await _send(admin, "2024", lang)
    await _send(admin, "PL", lang)
    await _send(admin, "-", lang)

    calls = await _press(admin, button(earlier, BACK[lang]), lang)

    assert sent_texts(calls) == [NO_LONGER_VALID[lang]]
    # The question asked last still waits for its answer.
    calls = await _send(admin, "generators", lang)
    assert sent_texts(calls)[-1].startswith("How many" if lang == "en" else "Скільки")
    assert await audit_count(seeded_engine) == audited


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_back_from_a_new_sources_title_asks_for_the_source_again(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    for text in ("/new_aid", "Харків", "2024", "PL", "-", "generators", "12"):
        await _send(admin, text, lang)
    calls = await _send(admin, "https://example.org/news/1", lang)

    calls = await _press(admin, button(calls, BACK[lang]), lang)

    assert sent_texts(calls) == [SOURCE_QUESTION[lang]]
    calls = await _send(admin, "test-source", lang)
    await _press(admin, button(calls, CONFIRM[lang]), lang)
    sources = (await stored(seeded_engine)).sources
    assert not [s for s in sources if s.url == "https://example.org/news/1"]


SIGNED = {"en": "Signed", "uk": "Підписано"}
SIGNED_CHANGE = {
    "en": "• Signed: 2023 → May 2024",
    "uk": "• Підписано: 2023\u202fр. → травень 2024\u202fр.",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_back_from_an_edited_value_asks_for_the_field_again(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    expected = await stored(seeded_engine)
    calls = await _send(admin, f"/edit {KOSICE}", lang)
    calls = await _press(admin, button(calls, SIGNED[lang]), lang)
    assert SKIP[lang] not in _labels(calls)

    calls = await _press(admin, button(calls, BACK[lang]), lang)

    assert sent_texts(calls) == [FIELD_QUESTION[lang]]
    await _press(admin, button(calls, SIGNED[lang]), lang)
    (preview,) = sent_texts(await _send(admin, "05.2024", lang))
    assert SIGNED_CHANGE[lang] in preview
    assert await stored(seeded_engine) == expected
