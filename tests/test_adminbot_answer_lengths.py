"""Every step of every dialog that adds a record refuses an answer longer than its field holds,
at once and in the admin's language, and asks again."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.qa.engine import Engine
from tests.adminbot_support import SUPER_ADMIN, admin_harness, admin_services, last_buttons
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
LONG = "Ж" * 2100  # longer than any field a dialog fills
# Each dialog's answers, step by step, that make a record.
ANSWERS = {
    "agreement": [
        "Харків",
        "Кошице",
        "memorandum",
        "active",
        "2024",
        "-",
        "-",
        "Підписано під час візиту мера.",
        "-",
        "test-source",
    ],
    "place": ["Нове Тестове", "-", "LT"],
    "source": ["Рішення ради", "Міська рада", "2024", "-"],
    "aid": ["Харків", "2024", "PL", "-", "generators", "12", "test-source"],
}
TOO_LONG = {
    "en": "is too long: at most {limit} characters, and this one has 2,100",
    "uk": ": задовгий текст — щонайбільше {limit} символів, а тут 2\N{NO-BREAK SPACE}100",
}
CONFIRM = {"en": "Confirm", "uk": "Підтвердити"}


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _say(admin: Harness, text: str, lang: str) -> list[str]:
    return sent_texts(await admin.send(text, chat_id=ME, user_id=ME, language_code=lang))


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("form", list(ANSWERS))
async def test_every_step_refuses_an_answer_too_long_for_its_field(
    admin: Harness, form: str, lang: str
) -> None:
    await _say(admin, f"/new_{form}", lang)
    refusals: list[str] = []
    for answer in ANSWERS[form]:
        refusals += await _say(admin, LONG, lang)
        calls = await admin.send(answer, chat_id=ME, user_id=ME, language_code=lang)

    assert len(refusals) == len(ANSWERS[form])
    for refusal in refusals:
        limits = {
            "200",
            "500",
            "2,000",
            "2,048",
            "2\N{NO-BREAK SPACE}000",
            "2\N{NO-BREAK SPACE}048",
        }
        assert any(TOO_LONG[lang].format(limit=limit) in refusal for limit in limits), refusal
        assert "Ж" not in refusal
    # The answers after each refusal still make the record.
    assert CONFIRM[lang] in " ".join(label for label, _data in last_buttons(calls))


# 200 letters fit a name, but their Latin transliteration ("Shch" each: 800 letters) would not.
LONG_CYRILLIC = "Щ" * 200
TOO_LONG_DERIVED = {
    "en": "is too long: at most 200 characters, and this one has 800",
    "uk": ": задовгий текст — щонайбільше 200 символів, а тут 800",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_new_place_whose_latin_name_would_be_too_long_is_refused_as_typed(
    admin: Harness, lang: str
) -> None:
    await _say(admin, "/new_agreement", lang)
    await _say(admin, "Полтава", lang)
    refusal = " ".join(await _say(admin, LONG_CYRILLIC, lang))
    assert TOO_LONG_DERIVED[lang] in refusal, refusal
    # Asked again, the dialog goes on with a name that fits.
    for answer in ANSWERS["agreement"][1:-1]:
        await _say(admin, answer, lang)
    calls = await admin.send("test-source", chat_id=ME, user_id=ME, language_code=lang)
    assert CONFIRM[lang] in " ".join(label for label, _data in last_buttons(calls))

    one_line = f"/add_agreement Полтава | {LONG_CYRILLIC} | PL | memorandum | 2020 | X"
    refusal = " ".join(await _say(admin, one_line, lang))
    assert TOO_LONG_DERIVED[lang] in refusal, refusal

    await _say(admin, "/new_place", lang)
    refusal = " ".join(await _say(admin, LONG_CYRILLIC, lang))
    assert TOO_LONG_DERIVED[lang] in refusal, refusal
