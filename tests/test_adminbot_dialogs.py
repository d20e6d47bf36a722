"""The editing dialogs walked through like an admin would, in both languages."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
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
NEW_KEY = "kharkivska-kosice-memorandum-2024"

# (what the admin sends at each step, a wrong input first, and the error it gets)
WRONG = {
    "en": {
        "hromada": ("Atlantis", "I don't know a hromada called “Atlantis”."),
        "country": ("XX", "I don't know a country “XX”."),
        "kind": ("handshake", "“handshake” is not a kind of agreement."),
        "status": ("maybe", "“maybe” is not a status."),
        "signed": ("someday", "“someday” is not a date."),
        "until": ("soon", "“soon” is neither a date nor a term."),
        "areas": ("culture, gardening", "“gardening” is not an area of cooperation."),
    },
    "uk": {
        "hromada": ("Атлантида", "Я не знаю громади «Атлантида»."),
        "country": ("XX", "Я не знаю країни «XX»."),
        "kind": ("рукостискання", "«рукостискання» — не вид угоди."),
        "status": ("можливо", "«можливо» — не статус."),
        "signed": ("колись", "«колись» — не дата."),
        "until": ("скоро", "«скоро» — це ні дата, ні строк."),
        "areas": ("culture, садівництво", "«садівництво» — не сфера співпраці."),
    },
}
MAY_2024 = {"en": "May 2024", "uk": "травень 2024"}
SIGNED_MAY = {"en": "• Signed: (empty) → May 2024", "uk": "• Підписано: (порожньо) → травень 2024"}
CONFIRM = {"en": "Confirm", "uk": "Підтвердити"}
TITLE_QUESTION = {
    "en": "The title of the source https://example.org/news/1? I do not open pages, so I could"
    " not read it there. Send the title, or press the button",
    "uk": "Назва джерела https://example.org/news/1? Я не відкриваю сторінок, тож не міг"
    " прочитати її там. Надішліть назву або натисніть кнопку",
}
USE_TITLE = {"en": "Use this title", "uk": "Використати цю назву"}
BACK = {"en": "◀ Back", "uk": "◀ Назад"}
SKIP = {"en": "Skip ▶", "uk": "Пропустити ▶"}
CANCELLED = {"en": "Cancelled. Nothing was changed.", "uk": "Скасовано. Нічого не змінено."}


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _say(admin: Harness, text: str, lang: str) -> list[str]:
    return sent_texts(await admin.send(text, chat_id=ME, user_id=ME, language_code=lang))


async def _wrong(admin: Harness, step: str, lang: str) -> None:
    text, error = WRONG[lang][step]
    (reply,) = await _say(admin, text, lang)
    assert error in reply


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_the_agreement_dialog_checks_each_step_and_saves_on_confirm(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await _say(admin, "/new_agreement", lang)
    await _wrong(admin, "hromada", lang)
    await _say(admin, "Харків", lang)
    await _say(admin, "Нове Місто", lang)
    await _wrong(admin, "country", lang)
    await _say(admin, "SK", lang)
    await _wrong(admin, "kind", lang)
    calls = await admin.send("меморандум", chat_id=ME, user_id=ME, language_code=lang)
    status_buttons = [(label, data) for label, data in last_buttons(calls) if label != BACK[lang]]
    assert len(status_buttons) == 6
    await _wrong(admin, "status", lang)
    await admin.click(status_buttons[0][1] or "", chat_id=ME, user_id=ME, language_code=lang)
    await _wrong(admin, "signed", lang)
    await _say(admin, MAY_2024[lang], lang)
    await _wrong(admin, "until", lang)
    await _say(admin, "5", lang)
    await _wrong(admin, "areas", lang)
    await _say(admin, "culture, education", lang)
    await _say(admin, "-", lang)
    calls = await admin.send(
        "https://example.org/news/1", chat_id=ME, user_id=ME, language_code=lang
    )
    (question,) = sent_texts(calls)
    assert question.startswith(TITLE_QUESTION[lang])
    calls = await admin.click(
        button(calls, USE_TITLE[lang]), chat_id=ME, user_id=ME, language_code=lang
    )
    (preview,) = sent_texts(calls)
    assert SIGNED_MAY[lang] in preview
    before = await stored(seeded_engine)
    assert before == await stored(seeded_engine)

    calls = await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME)

    after = await stored(seeded_engine)
    (agreement,) = [
        a for a in after.agreements if a.key == "kharkivska-nove-misto-memorandum-2024"
    ]
    assert agreement.signed_on is not None
    assert agreement.signed_on.isoformat() == "2024-05"
    assert agreement.term_years == 5
    assert [area.value for area in agreement.areas] == ["culture", "education"]
    assert agreement.status.value == "active"
    assert {p.key for p in after.places} - {p.key for p in before.places} == {"sk-nove-misto"}
    (source,) = [s for s in after.sources if s.url == "https://example.org/news/1"]
    assert source.title.uk == source.title.en == "example.org/news/1"


async def test_a_new_agreement_is_in_the_residents_answers_at_once(admin: Harness) -> None:
    question = "Who are Kharkiv's partner cities?"
    assert "Nove Misto" not in " ".join(await _say(admin, question, "en"))
    calls = await admin.send(
        "/add_agreement Харків | Нове Місто | SK | twinning | active | 2024 | test-source",
        chat_id=ME,
        user_id=ME,
    )
    await admin.click(button(calls, "Confirm"), chat_id=ME, user_id=ME)

    assert "Nove Misto" in " ".join(await _say(admin, question, "en"))


STEPS = ["/new_agreement", "Харків", "Кошице", "memorandum", "active", "2024", "-", "-", "-"]


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("steps", range(1, len(STEPS) + 1))
async def test_cancel_at_any_step_writes_nothing(
    admin: Harness, seeded_engine: AsyncEngine, steps: int, lang: str
) -> None:
    expected = await stored(seeded_engine)
    audited = await audit_count(seeded_engine)
    for text in STEPS[:steps]:
        await _say(admin, text, lang)

    assert await _say(admin, "/cancel", lang) == [CANCELLED[lang]]
    assert await stored(seeded_engine) == expected
    assert await audit_count(seeded_engine) == audited
    assert "/cancel" not in " ".join(await _say(admin, "Кошице", lang))


@pytest.mark.parametrize(
    ("lang", "line", "kind", "signed", "shown"),
    [
        (
            "en",
            "Kharkiv | Košice | SK | memorandum | active | 2024-05-17 | test-source",
            "memorandum",
            "2024-05-17",
            "• Signed: (empty) → May 17, 2024",
        ),
        (
            "uk",
            "Харків | Кошице | SK | побратимство | чинна | 2024-05 | test-source",
            "twinning",
            "2024-05",
            "• Підписано: (порожньо) → травень 2024",
        ),
        (
            "uk",
            "Мена | Кошице | SK | сотрудничество | действует | 12 березня 2024 | test-source",
            "cooperation_agreement",
            "2024-03-12",
            "• Підписано: (порожньо) → 12 березня 2024\u202fр.",
        ),
        (
            "en",
            "Mena | Košice | SK | сотрудничество | действует | 12 March 2024 | test-source",
            "cooperation_agreement",
            "2024-03-12",
            "• Signed: (empty) → March 12, 2024",
        ),
    ],
)
async def test_the_one_line_form_keeps_the_date_precision(
    admin: Harness,
    seeded_engine: AsyncEngine,
    lang: str,
    line: str,
    kind: str,
    signed: str,
    shown: str,
) -> None:
    calls = await admin.send(f"/add_agreement {line}", chat_id=ME, user_id=ME, language_code=lang)
    assert shown in sent_texts(calls)[0]

    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)

    document = await stored(seeded_engine)
    (added,) = [
        a
        for a in document.agreements
        if a.key.endswith(f"-{signed[:4]}")
        and a.kind.value == kind
        and a.signed_on is not None
        and a.signed_on.isoformat() == signed
    ]
    assert added.place == "sk-kosice"


@pytest.mark.parametrize(
    ("lang", "line", "error"),
    [
        ("en", "Kharkiv | Košice | SK", "The form needs 7 parts separated by |"),
        ("uk", "Харків | Кошице | SK", "Форма має 7 частин через |"),
        (
            "en",
            "Kharkiv | Košice | ZZ | memorandum | active | 2024 | x",
            "I don't know a country “ZZ”.",
        ),
        ("uk", "Харків | Кошице | SK | меморандум | чинна | 2024-13 | x", "«2024-13» — не дата."),
        (
            "uk",
            "Харків | Кошице | SK | рукостискання | чинна | 2024 | x",
            "«рукостискання» — не вид угоди. Напишіть одне з: побратимство, угода про співпрацю,",
        ),
        (
            "en",
            "Kharkiv | Košice | SK | handshake | active | 2024 | x",
            "“handshake” is not a kind of agreement. Write one of: twinning, cooperation",
        ),
        (
            "en",
            "Kharkiv | Košice | SK | memorandum | sleeping | 2024 | x",
            "“sleeping” is not a status. Write one of: active, in negotiation,",
        ),
    ],
)
async def test_a_bad_one_line_form_is_explained_and_writes_nothing(
    admin: Harness, seeded_engine: AsyncEngine, lang: str, line: str, error: str
) -> None:
    audited = await audit_count(seeded_engine)

    (reply,) = await _say(admin, f"/add_agreement {line}", lang)

    assert error in reply
    assert await audit_count(seeded_engine) == audited


async def test_the_one_line_form_of_the_issue_without_a_status(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    calls = await admin.send(
        "/add_agreement Мена | Кошице | SK | cooperation | 2025 | Лист міського голови",
        chat_id=ME,
        user_id=ME,
    )
    await admin.click(button(calls, "Confirm"), chat_id=ME, user_id=ME)

    document = await stored(seeded_engine)
    (added,) = [a for a in document.agreements if a.key == "menska-kosice-cooperation-2025"]
    assert added.status.value == "active"
    assert added.sources[0].source == "source-lyst-miskoho-holovy"


# What an editor types, in either language, where a code, an ISO date or a code list was asked.
TYPED = {
    "uk": (
        "Литва",
        "12.03.2024",
        "5 років",
        "Культура, туризм, охорона здоров’я",
        "Меморандум про співпрацю",
    ),
    "en": ("Lithuania", "12.03.2024", "5 years", "culture, tourism, health care", "Memorandum"),
}
NOTES = {
    "uk": ("Підписано під час візиту мера.", "Signed during the mayor's visit."),
    "en": ("Signed during the mayor's visit.", "Підписано під час візиту мера."),
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_the_agreement_dialog_reads_what_an_editor_types(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    country, signed, term, areas, kind = TYPED[lang]
    note, other_note = NOTES[lang]
    for text in ("/new_agreement", "Харків", "Нове Місто", country, kind):
        await _say(admin, text, lang)
    calls = await admin.send("чинна", chat_id=ME, user_id=ME, language_code=lang)
    # The status typed is taken: the next question offers no status to choose, only its moves.
    assert [label for label, _data in last_buttons(calls)] == [BACK[lang], SKIP[lang]]
    for text in (signed, term, areas, note, other_note):
        await _say(admin, text, lang)
    calls = await admin.send("test-source", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME)

    (agreement,) = [
        a
        for a in (await stored(seeded_engine)).agreements
        if a.key == "kharkivska-nove-misto-memorandum-2024"
    ]
    assert agreement.place == "lt-nove-misto"
    assert agreement.kind.value == "memorandum"
    assert agreement.signed_on is not None
    assert agreement.signed_on.isoformat() == "2024-03-12"
    assert agreement.term_years == 5
    assert [area.value for area in agreement.areas] == ["culture", "tourism", "health"]
    assert agreement.notes is not None
    assert agreement.notes.uk == "Підписано під час візиту мера."
    assert agreement.notes.en == "Signed during the mayor's visit."


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("uk", "Примітки лишаються тільки українською"),
        ("en", "The notes stay in English only"),
    ],
)
async def test_a_note_in_one_language_only_is_kept_in_that_language(
    admin: Harness, seeded_engine: AsyncEngine, lang: str, expected: str
) -> None:
    steps = ["/new_agreement", "Харків", "Кошице", "memorandum", "active", "2024", "-", "-"]
    for text in steps:
        await _say(admin, text, lang)
    await _say(admin, NOTES[lang][0], lang)
    (reply, _question) = await _say(admin, "-", lang)
    calls = await admin.send("test-source", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME)

    assert reply.startswith(expected)
    (agreement,) = [
        a
        for a in (await stored(seeded_engine)).agreements
        if a.key == "kharkivska-kosice-memorandum-2024"
    ]
    assert agreement.notes is not None
    assert (agreement.notes.uk, agreement.notes.en) == (
        (NOTES["uk"][0], None) if lang == "uk" else (None, NOTES["en"][0])
    )
    # The note reaches residents who read its language, and only them.
    card_uk = " ".join(await _say(admin, "Угоди Харкова з Кошице", "uk"))
    card_en = " ".join(await _say(admin, "Kharkiv's agreements with Košice", "en"))
    assert (NOTES[lang][0] in card_uk, NOTES[lang][0] in card_en) == (lang == "uk", lang == "en")


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_source_from_a_link_asks_for_its_title(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    link = (
        "https://www.city.kharkiv.ua/uk/news/kharkiv-ta-koshitse-pidpysaly-memorandum-52361.html"
    )
    for text in ["/new_aid", "Харків", "2024", "PL", "-", "generators", "12", link]:
        calls = await admin.send(text, chat_id=ME, user_id=ME, language_code=lang)
    (question,) = sent_texts(calls)
    # A transliterated slug is no title: the address is offered as it reads.
    assert "«city.kharkiv.ua/uk/news/kharkiv-ta-koshitse-pidpysaly-memorandum-52361.html»" in (
        question
    )

    calls = await admin.send(
        "Харків і Кошице підписали меморандум", chat_id=ME, user_id=ME, language_code=lang
    )
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)

    (source,) = [s for s in (await stored(seeded_engine)).sources if s.url == link]
    assert source.title.uk == "Харків і Кошице підписали меморандум"


COUNTS = {
    "en": ("lots", "“lots” is not a count.", "3 pcs"),
    "uk": ("багато", "«багато» — не кількість.", "три"),
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_the_aid_dialog_reads_a_count_as_typed(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    wrong, error, count = COUNTS[lang]
    for text in ["/new_aid", "Харків", "12 березня 2024", "Польща", "-", "генератори"]:
        await _say(admin, text, lang)
    (reply,) = await _say(admin, wrong, lang)
    assert error in reply
    await _say(admin, "3 шт.", lang)
    await _say(admin, "/cancel", lang)
    for text in ["/new_aid", "Харків", "12 березня 2024", "Польща", "-", "генератори", count]:
        await _say(admin, text, lang)
    calls = await admin.send("test-source", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)

    added = [
        a
        for a in (await stored(seeded_engine)).aid
        if a.received_on is not None and a.received_on.isoformat() == "2024-03-12"
    ]
    assert [(item.category.value, item.quantity) for item in added[0].items] == [("generators", 3)]


POLTAVA = "UA53080370000025447"
PLACE_QUESTION = {
    "en": "The partner place? Send its name, such as Košice.",
    "uk": "Місто-партнер? Надішліть його назву, наприклад Кошице.",
}


RECEIVED_QUESTION = {
    "en": "When was it received? 12.03.2024, 03.2024 or 2024, or -.",
    "uk": "Коли її отримано? 12.03.2024, 03.2024 чи 2024, або -.",
}
NEXT_QUESTION = {"/new_agreement": PLACE_QUESTION, "/new_aid": RECEIVED_QUESTION}


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("dialog", ["/new_agreement", "/new_aid"])
@pytest.mark.parametrize(
    "typed", ["Полтаві", "Полтавська міська територіальна громада", "Полтавська міська громада"]
)
async def test_a_hromada_is_found_as_editors_write_it(
    admin: Harness, lang: str, dialog: str, typed: str
) -> None:
    await _say(admin, dialog, lang)

    assert await _say(admin, typed, lang) == [NEXT_QUESTION[dialog][lang]]


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_same_named_hromadas_are_offered_by_the_names_residents_know(
    admin: Harness, lang: str
) -> None:
    await _say(admin, "/new_agreement", lang)

    calls = await admin.send("Полтавська громада", chat_id=ME, user_id=ME, language_code=lang)

    labels = [label for label, _data in last_buttons(calls)]
    assert f"Полтава (Полтавська обл.) / {POLTAVA}" in labels
    assert "Полтавка (Автономна Республіка Крим) / UA01120570000080989" in labels


PREVIEW_NAMES = {
    "en": ["Hromada: (empty) → Poltava", "Place: (empty) → Kaunas"],
    "uk": ["Громада: (порожньо) → Полтава", "Місце: (порожньо) → Каунас"],
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_save_preview_names_the_hromada_and_the_place(admin: Harness, lang: str) -> None:
    line = "Полтава | Каунас | LT | twinning | active | 2024 | test-source"

    (preview,) = await _say(admin, f"/add_agreement {line}", lang)

    for expected in PREVIEW_NAMES[lang]:
        assert expected in preview
    assert "UA53080370000025447" not in preview
    assert "lt-kaunas" not in preview.split("\n", 2)[-1]


DUPLICATE = {
    "en": "⚠️ This looks like a record saved already: kharkivska-aid-pl-2024",
    "uk": "⚠️ Схоже, такий запис уже збережено: kharkivska-aid-pl-2024",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_saving_the_same_aid_twice_is_warned_of_before_confirming(
    admin: Harness, lang: str
) -> None:
    steps = ["/new_aid", "Харків", "2024", "PL", "-", "generators", "12"]
    for text in steps:
        await _say(admin, text, lang)
    calls = await admin.send("test-source", chat_id=ME, user_id=ME, language_code=lang)
    assert DUPLICATE[lang] not in sent_texts(calls)[0]
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)

    for text in steps:
        await _say(admin, text, lang)
    (preview,) = await _say(admin, "test-source", lang)

    assert DUPLICATE[lang] in preview


LONG_NOTES_REFUSED = {
    "en": "Notes is too long: at most 2,000 characters, and this one has 2,500",
    "uk": "Примітки: задовгий текст — щонайбільше 2\N{NO-BREAK SPACE}000 символів,"
    " а тут 2\N{NO-BREAK SPACE}500",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_notes_over_their_bound_are_refused_at_their_step_and_asked_again(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    steps = ["/new_agreement", "Харків", "Кошице", "memorandum", "active", "2024", "-", "-"]
    for text in steps:
        await _say(admin, text, lang)

    (refusal,) = await _say(admin, ("Примітка про візит " * 200)[:2500], lang)
    await _say(admin, NOTES[lang][0], lang)
    await _say(admin, "-", lang)
    calls = await admin.send("test-source", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME)

    assert refusal == LONG_NOTES_REFUSED[lang]
    (agreement,) = [a for a in (await stored(seeded_engine)).agreements if a.key == NEW_KEY]
    assert agreement.notes is not None
    assert NOTES[lang][0] in (agreement.notes.uk, agreement.notes.en)


LONG_TITLE = {
    "en": "Title is too long: at most 500 characters, and this one has 600",
    "uk": "Назва: задовгий текст — щонайбільше 500 символів, а тут 600",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_source_title_longer_than_a_title_holds_is_refused_as_typed_and_asked_again(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    link = "https://example.org/news/1"
    for text in ["/new_aid", "Харків", "2024", "PL", "-", "generators", "12", link]:
        calls = await admin.send(text, chat_id=ME, user_id=ME, language_code=lang)

    refused = await admin.send(
        "Меморандум " * 54 + "Харків", chat_id=ME, user_id=ME, language_code=lang
    )
    (refusal,) = sent_texts(refused)
    assert LONG_TITLE[lang] in refusal
    assert CONFIRM[lang] not in [label for label, _ in last_buttons(refused)]

    calls = await admin.send("Меморандум", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)
    (source,) = [s for s in (await stored(seeded_engine)).sources if s.url == link]
    assert source.title.uk == "Меморандум"


async def test_the_one_line_form_stores_no_hidden_or_direction_characters(
    admin: Harness, seeded_engine: AsyncEngine
) -> None:
    calls = await admin.send(
        "/add_agreement Мена | Кошице | SK | cooperation | 2025"
        " | Лист\u200b міського \u202eголови\ufeff",
        chat_id=ME,
        user_id=ME,
    )
    await admin.click(button(calls, "Confirm"), chat_id=ME, user_id=ME)

    document = await stored(seeded_engine)
    (added,) = [a for a in document.agreements if a.key == "menska-kosice-cooperation-2025"]
    (source,) = [s for s in document.sources if s.key == added.sources[0].source]
    assert source.title.uk == "Лист міського голови"
