"""/start, its deep links, /help and /about, driven through the real Dispatcher."""

from __future__ import annotations

import pytest
from aiogram.methods import SendMessage

from bot.deeplinks import (
    QuestionLink,
    agreement_payload,
    decode_payload,
    hromada_payload,
    question_payload,
)
from tests.bot_support import Harness, calls_of, keyboard_buttons, sent_texts

KHARKIV = "UA63120270000028556"
GREETING = {"en": "Hello! I am Pobratym.", "uk": "Вітаю! Я Побратим."}
EXAMPLE = {"en": "Who are Kharkiv's partner cities?", "uk": "Які міста-партнери в Харкова?"}


def _carried(data: str, index: int, label: str) -> str:
    """The question a button carries, or its label when it falls back to its index."""
    if data.startswith("ask:"):
        assert data == f"ask:{index}"
        return label
    link = decode_payload(data.removeprefix("q:"))
    assert isinstance(link, QuestionLink)
    return link.question


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_start_greets_in_the_users_language_with_example_buttons(
    harness: Harness, lang: str
) -> None:
    calls = await harness.send("/start", language_code=lang)

    (message,) = calls_of(calls, SendMessage)
    buttons = keyboard_buttons(message.reply_markup)
    assert message.text.startswith(GREETING[lang])
    assert buttons[0][0] == EXAMPLE[lang]
    # A button carries its own question where it fits, so it stays valid whenever pressed;
    # a longer one falls back to its place in the chat's latest offer.
    for index, (label, data) in enumerate(buttons):
        assert _carried(str(data), index, label) == label
    assert str(buttons[0][1]).startswith("q:")


@pytest.mark.parametrize(("lang", "partner"), [("en", "Košice"), ("uk", "Кошице")])
async def test_an_example_button_asks_its_question(
    harness: Harness, lang: str, partner: str
) -> None:
    greeting = await harness.send("/start", language_code=lang)
    (message,) = calls_of(greeting, SendMessage)
    _, data = keyboard_buttons(message.reply_markup)[0]

    calls = await harness.click(str(data), language_code=lang)

    assert partner in sent_texts(calls)[0]


@pytest.mark.parametrize(("lang", "expected"), [("en", "Kharkiv"), ("uk", "Харків")])
async def test_a_hromada_link_opens_its_card(harness: Harness, lang: str, expected: str) -> None:
    calls = await harness.send(f"/start {hromada_payload(KHARKIV)}", language_code=lang)

    (message,) = calls_of(calls, SendMessage)
    assert message.text.startswith(f"<b>{expected}")
    assert keyboard_buttons(message.reply_markup) == [
        ("Partners" if lang == "en" else "Партнери", f"pp:{KHARKIV}:1")
    ]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("en", "Kind: Cooperation agreement"), ("uk", "Вид: Угода про співпрацю")],
)
async def test_an_agreement_link_opens_its_card(
    harness: Harness, lang: str, expected: str
) -> None:
    payload = agreement_payload("kharkiv-kosice-cooperation-2023")

    calls = await harness.send(f"/start {payload}", language_code=lang)

    (text,) = sent_texts(calls)
    assert expected in text
    assert "Košice" in text or "Кошице" in text


async def test_a_question_link_answers_it(harness: Harness) -> None:
    payload = question_payload("Які партнери у Менської громади?")
    assert payload is not None

    calls = await harness.send(f"/start {payload}", language_code="en")

    # The question's own language decides the answer's.
    assert "Олайне" in sent_texts(calls)[0]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # A partner named in an inflected Ukrainian form, the Russian way, and a village.
        ("Хто дружить з Лідсом?", "Харків"),
        ("Кто побратим Лидса?", "Харків"),
        ("Які громади дружать з Ліллем?", "Харків"),
        ("Які партнери має Бене?", "Бене входить до громади Берегове."),
    ],
)
async def test_a_question_link_naming_a_partner_or_a_village_answers_it(
    harness: Harness, question: str, expected: str
) -> None:
    payload = question_payload(question)
    assert payload is not None

    calls = await harness.send(f"/start {payload}", language_code="en")

    assert expected in sent_texts(calls)[0]


@pytest.mark.parametrize(
    "payload", ["x_nothing", "h_UA000", "h_UA99999999999999999", "a_AAAAAAAAAAA", "q_!!", "q_"]
)
@pytest.mark.parametrize(
    ("lang", "note"),
    [("en", "Sorry, I could not open that link"), ("uk", "Вибачте, я не зміг відкрити")],
)
async def test_a_bad_link_gets_a_polite_note_and_the_greeting(
    harness: Harness, payload: str, lang: str, note: str
) -> None:
    calls = await harness.send(f"/start {payload}", language_code=lang)

    texts = sent_texts(calls)
    assert len(texts) == 2
    assert texts[0].startswith(note)
    assert texts[1].startswith(GREETING[lang])


@pytest.mark.parametrize(
    ("lang", "expected"), [("en", "/language: choose"), ("uk", "/language: вибрати")]
)
async def test_help_lists_the_commands(harness: Harness, lang: str, expected: str) -> None:
    calls = await harness.send("/help", language_code=lang)

    (text,) = sent_texts(calls)
    assert expected in text
    assert "/about" in text


@pytest.mark.parametrize(
    ("lang", "counts", "attribution"),
    [
        ("en", "Facts are recorded for 4 hromadas: 14 agreements", "GeoNames"),
        ("uk", "Записано факти про 4 громади: 14 угод", "GeoNames"),
    ],
)
async def test_about_counts_dates_and_names_the_sources(
    harness: Harness, lang: str, counts: str, attribution: str
) -> None:
    calls = await harness.send("/about", language_code=lang)

    (text,) = sent_texts(calls)
    assert counts in text
    assert "2025" in text
    assert "KATOTTH" in text or "КАТОТТГ" in text
    assert attribution in text
    assert "CC BY 4.0" in text
    assert ".." not in text  # «7 липня 2025 р.» ends its sentence with its own point


async def test_an_unknown_command_points_to_help(harness: Harness) -> None:
    calls = await harness.send("/frobnicate", language_code="uk")

    assert sent_texts(calls) == [
        "Я не знаю такої команди. Надішліть /help, щоб побачити, що я вмію."
    ]
