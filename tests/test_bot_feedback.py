"""Residents reach a person: unanswered questions kept for the editors, corrections sent to a
hromada's editors and their replies sent back, and the nearest hromada of a shared location."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiogram.exceptions import TelegramForbiddenError
from aiogram.methods import SendMessage, TelegramMethod
from aiogram.types import (
    CallbackQuery,
    Chat,
    ErrorEvent,
    Location,
    Message,
    ReplyKeyboardMarkup,
    Update,
    User,
)
from aiogram.utils.i18n import I18n
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.handlers.errors import on_error
from knowledge.admin.subscribers import subscribe, subscribers
from knowledge.qa.engine import Engine
from knowledge.render.translations import DOMAIN, LOCALES_DIR
from knowledge.store import models
from knowledge.store.engines import session_factory
from tests.adminbot_support import (
    EDITOR,
    KHARKIV,
    SUPER_ADMIN,
    admin_harness,
    admin_services,
    alerts,
    button,
    grant_editor,
)
from tests.bot_support import BOT_USER, USER_ID, Harness, calls_of, keyboard_buttons, sent_texts

SUGGEST = {"en": "✏️ Suggest a correction", "uk": "✏️ Запропонувати виправлення"}
PARTNERS = {"en": "Who are Kharkiv's partner cities?", "uk": "Які міста-партнери в Харкова?"}
NO_RECORDS = {"en": "Who are Poltava's partner cities?", "uk": "Які партнери в Полтави?"}
OFF_TOPIC = {"en": "What is the weather tomorrow?", "uk": "Яка завтра погода?"}
CORRECTION = {
    "en": "Kharkiv also signed a memorandum with Kutaisi in 2024.",
    "uk": "Харків також підписав меморандум із Кутаїсі у 2024 році.",
}
REPLY = "Дякуємо, додали меморандум з Кутаїсі. / Thank you, the memorandum is added."
THANKS = {
    "en": "Thank you! The editors of Kharkiv will read it, and may answer you here.",
    "uk": "Дякую! Редактори громади Харків прочитають це й можуть відповісти вам тут.",
}
LEAVE = {
    "en": "To leave without sending anything, send /cancel (any other command leaves too).",
    "uk": "Щоб вийти, нічого не надіславши, надішліть /cancel (будь-яка інша команда теж).",
}
ANSWERED = {
    "en": "Correction #{id} has been answered already: the resident got one reply."
    " Nothing was sent.",
    "uk": "На виправлення №{id} уже відповіли: мешканець отримав одну відповідь."
    " Нічого не надіслано.",
}
NOT_SENT = {
    "correction": {
        "en": "Your correction was not sent.",
        "uk": "Ваше виправлення не надіслано.",
    },
    "reply": {"en": "Your reply was not sent.", "uk": "Вашу відповідь не надіслано."},
}
REPLIED = {
    "en": "The editors of Kharkiv replied to your correction «{text}»:",
    "uk": "Редактори громади Харків відповіли на ваше виправлення «{text}»:",
}


@pytest.fixture
async def bot(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _press_under(
    harness: Harness, data: str, text: str, user_id: int, lang: str
) -> list[TelegramMethod[Any]]:
    """Press a button under a bot message that says `text`."""
    message = Message(
        message_id=77,
        date=dt.datetime.now(dt.UTC),
        chat=Chat(id=user_id, type="private", first_name="Resident"),
        from_user=User.model_validate(BOT_USER),
        text=text,
    )
    query = CallbackQuery(
        id="suggest",
        from_user=User(id=user_id, is_bot=False, first_name="Resident", language_code=lang),
        chat_instance="instance",
        message=message,
        data=data,
    )
    return await harness.feed(Update(update_id=90_000, callback_query=query))


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_correction_reaches_the_hromadas_editor_who_replies(
    bot: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)
    calls = await bot.send(PARTNERS[lang], language_code=lang)
    (answer,) = sent_texts(calls)
    suggest = button(calls, SUGGEST[lang])

    prompt = sent_texts(await _press_under(bot, suggest, answer, USER_ID, lang))
    calls = await bot.send(CORRECTION[lang], language_code=lang)

    assert len(prompt) == 1
    to_editor = [call for call in calls_of(calls, SendMessage) if call.chat_id == EDITOR]
    assert [call.chat_id for call in calls_of(calls, SendMessage)] == [USER_ID, EDITOR]
    (forwarded,) = to_editor
    assert CORRECTION[lang] in forwarded.text
    assert answer.splitlines()[0] in forwarded.text  # the answer it refers to
    assert sent_texts(calls)[0] == THANKS[lang]
    # The editor (who reads English) replies through the bot; it reaches the resident.
    reply_button = keyboard_buttons(forwarded.reply_markup)[0][1] or ""
    await bot.click(reply_button, chat_id=EDITOR, user_id=EDITOR)
    calls = await bot.send(REPLY, chat_id=EDITOR, user_id=EDITOR)

    to_resident = [call for call in calls_of(calls, SendMessage) if call.chat_id == USER_ID]
    (reply,) = to_resident
    assert reply.text.startswith(REPLIED[lang].format(text=CORRECTION[lang]))
    assert reply.text.endswith(REPLY)
    assert sent_texts(calls)[-1] == "Sent to the resident."
    async with session_factory(seeded_engine)() as session:
        stored = (await session.scalars(select(models.CorrectionRow))).one()
    assert (stored.hromada_code, stored.replied_by, stored.reply) == (KHARKIV, EDITOR, REPLY)


@pytest.mark.parametrize("command", ["/start", "/help"])
@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_command_leaves_the_correction_unsent(
    bot: Harness, lang: str, command: str
) -> None:
    calls = await bot.send(PARTNERS[lang], language_code=lang)
    suggest = button(calls, SUGGEST[lang])
    (prompt,) = sent_texts(await _press_under(bot, suggest, sent_texts(calls)[0], USER_ID, lang))
    assert LEAVE[lang] in prompt

    left = sent_texts(await bot.send(command, language_code=lang))
    calls = await bot.send(CORRECTION[lang], language_code=lang)

    assert left[0] == NOT_SENT["correction"][lang]
    assert len(left) > 1  # and then the command does what it does
    assert [call.chat_id for call in calls_of(calls, SendMessage)] == [USER_ID]
    assert THANKS[lang] not in sent_texts(calls)


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_start_leaves_the_editors_reply_unsent_and_says_so(
    bot: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)
    calls = await bot.send(PARTNERS[lang], language_code=lang)
    await _press_under(bot, button(calls, SUGGEST[lang]), sent_texts(calls)[0], USER_ID, lang)
    calls = await bot.send(CORRECTION[lang], language_code=lang)
    (forwarded,) = [call for call in calls_of(calls, SendMessage) if call.chat_id == EDITOR]
    reply_button = keyboard_buttons(forwarded.reply_markup)[0][1] or ""
    await bot.click(reply_button, chat_id=EDITOR, user_id=EDITOR, language_code=lang)

    left = sent_texts(await bot.send("/start", chat_id=EDITOR, user_id=EDITOR, language_code=lang))
    calls = await bot.send(REPLY, chat_id=EDITOR, user_id=EDITOR, language_code=lang)

    assert left[0] == NOT_SENT["reply"][lang]
    assert len(left) > 1
    assert not [call for call in calls_of(calls, SendMessage) if call.chat_id == USER_ID]


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_correction_takes_one_reply(
    bot: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)
    calls = await bot.send(PARTNERS[lang], language_code=lang)
    await _press_under(bot, button(calls, SUGGEST[lang]), sent_texts(calls)[0], USER_ID, lang)
    calls = await bot.send(CORRECTION[lang], language_code=lang)
    (forwarded,) = [call for call in calls_of(calls, SendMessage) if call.chat_id == EDITOR]
    reply_button = keyboard_buttons(forwarded.reply_markup)[0][1] or ""
    await bot.click(reply_button, chat_id=EDITOR, user_id=EDITOR, language_code=lang)
    await bot.send(REPLY, chat_id=EDITOR, user_id=EDITOR, language_code=lang)

    again = await bot.click(reply_button, chat_id=EDITOR, user_id=EDITOR, language_code=lang)
    again += await bot.send("Second reply", chat_id=EDITOR, user_id=EDITOR, language_code=lang)

    assert ANSWERED[lang].format(id=1) in alerts(again)
    assert not [call for call in calls_of(again, SendMessage) if call.chat_id == USER_ID]


async def test_without_an_editor_of_the_hromada_the_super_admins_hear_of_it(
    bot: Harness,
) -> None:
    calls = await bot.send(PARTNERS["en"])
    await _press_under(bot, button(calls, SUGGEST["en"]), sent_texts(calls)[0], USER_ID, "en")

    calls = await bot.send(CORRECTION["en"])

    assert [call.chat_id for call in calls_of(calls, SendMessage)] == [USER_ID, SUPER_ADMIN]


async def test_a_stranger_cannot_answer_a_correction(bot: Harness) -> None:
    calls = await bot.send(PARTNERS["en"])
    await _press_under(bot, button(calls, SUGGEST["en"]), sent_texts(calls)[0], USER_ID, "en")
    calls = await bot.send(CORRECTION["en"])
    (forwarded,) = [call for call in calls_of(calls, SendMessage) if call.chat_id == SUPER_ADMIN]
    reply_button = keyboard_buttons(forwarded.reply_markup)[0][1] or ""

    calls = await bot.click(reply_button, chat_id=EDITOR, user_id=EDITOR)
    calls += await bot.send(REPLY, chat_id=EDITOR, user_id=EDITOR)

    assert not [call for call in calls_of(calls, SendMessage) if call.chat_id == USER_ID]


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_no_correction_button_under_a_non_answer(bot: Harness, lang: str) -> None:
    calls = await bot.send(OFF_TOPIC[lang], language_code=lang)

    assert SUGGEST[lang] not in [label for label, _ in keyboard_buttons(_markup(calls))]


def _markup(calls: list[TelegramMethod[Any]]) -> object:
    messages = calls_of(calls, SendMessage)
    return messages[-1].reply_markup if messages else None


UNANSWERED = {
    "en": ("Questions I could not answer:", "Poltava: 2 questions", "About no hromada: 1"),
    "uk": ("Запитання, на які я не зміг відповісти:", "Полтава: 2 запитання", "Без громади: 1"),
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_unanswered_questions_are_kept_without_user_ids_and_counted_per_hromada(
    bot: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await bot.send(NO_RECORDS[lang], language_code=lang)
    await bot.send(NO_RECORDS[lang].upper(), user_id=USER_ID + 1, language_code=lang)
    await bot.send(OFF_TOPIC[lang], language_code=lang)
    await bot.send(PARTNERS[lang], language_code=lang)  # answered: not kept

    (text,) = sent_texts(
        await bot.send("/unanswered", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN, language_code=lang)
    )

    header, poltava, nowhere = UNANSWERED[lang]
    assert text.startswith(header)
    assert poltava in text
    assert nowhere in text
    assert f"«{NO_RECORDS[lang]}»" in text
    assert PARTNERS[lang] not in text
    async with session_factory(seeded_engine)() as session:
        rows = (await session.scalars(select(models.UnansweredQuestionRow))).all()
    assert sorted(row.reason for row in rows) == ["no_records", "no_records", "out_of_domain"]
    assert "user_id" not in models.UnansweredQuestionRow.__table__.columns


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_stray_digits_and_signs_are_not_kept_as_unanswered_questions(
    bot: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    for stray in ("1", "2.", "?", "👍"):
        await bot.send(stray, language_code=lang)
    await bot.send(OFF_TOPIC[lang], language_code=lang)

    async with session_factory(seeded_engine)() as session:
        rows = (await session.scalars(select(models.UnansweredQuestionRow))).all()
    assert [row.question for row in rows] == [OFF_TOPIC[lang]]


async def test_an_editor_sees_the_unanswered_questions_of_their_hromada_only(
    bot: Harness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)
    await bot.send(NO_RECORDS["en"])

    (text,) = sent_texts(await bot.send("/unanswered", chat_id=EDITOR, user_id=EDITOR))

    assert text == "No unanswered questions so far."


NEARBY = {
    "en": ("The nearest hromada centre: Kharkiv, 2 km away.", "6 partners", "Partners"),
    "uk": ("Найближчий центр громади: Харків, за 2 км.", "6 партнерів", "Партнери"),
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_shared_location_gets_the_nearest_hromadas_partnerships(
    bot: Harness, lang: str
) -> None:
    message = Message(
        message_id=5,
        date=dt.datetime.now(dt.UTC),
        chat=Chat(id=USER_ID, type="private", first_name="Resident"),
        from_user=User(id=USER_ID, is_bot=False, first_name="Resident", language_code=lang),
        location=Location(latitude=49.975, longitude=36.25),  # Kharkiv, south of the centre
    )

    calls = await bot.feed(Update(update_id=80_000, message=message))

    intro, card = sent_texts(calls)
    expected_intro, partners, browse = NEARBY[lang]
    assert intro == expected_intro
    assert partners in card
    buttons = keyboard_buttons(calls_of(calls, SendMessage)[-1].reply_markup)
    assert buttons == [(browse, f"pp:{KHARKIV}:1")]


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "You seem to be far from Ukraine: the nearest hromada centre is"),
        ("uk", "Здається, ви далеко від України: найближчий центр громади —"),
    ],
)
async def test_a_location_far_from_ukraine_says_so(bot: Harness, lang: str, expected: str) -> None:
    message = Message(
        message_id=6,
        date=dt.datetime.now(dt.UTC),
        chat=Chat(id=USER_ID, type="private", first_name="Resident"),
        from_user=User(id=USER_ID, is_bot=False, first_name="Resident", language_code=lang),
        location=Location(latitude=48.8566, longitude=2.3522),  # Paris
    )

    calls = await bot.feed(Update(update_id=80_001, message=message))

    assert sent_texts(calls)[0].startswith(expected)


@pytest.mark.parametrize(("lang", "label"), [("en", "📍 Where I live"), ("uk", "📍 Де я живу")])
async def test_nearby_offers_a_button_that_shares_the_location(
    bot: Harness, lang: str, label: str
) -> None:
    calls = await bot.send("/nearby", language_code=lang)

    (sent,) = calls_of(calls, SendMessage)
    assert isinstance(sent.reply_markup, ReplyKeyboardMarkup)
    (row,) = sent.reply_markup.keyboard
    assert [(button.text, button.request_location) for button in row] == [(label, True)]


UNREACHABLE = {
    "en": "The resident can't be reached: they have blocked the bot or their chat is gone."
    " Your reply was not delivered.",
    "uk": "Мешканець недоступний: він заблокував бота або його чату більше немає."
    " Вашу відповідь не доставлено.",
}


async def _followers(engine: AsyncEngine) -> list[int]:
    async with session_factory(engine)() as session:
        return sorted(await subscribers(session, KHARKIV))


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_reply_to_a_resident_who_blocked_the_bot_pauses_the_resident_not_the_editor(
    bot: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)
    async with session_factory(seeded_engine)() as session:
        await subscribe(session, EDITOR, KHARKIV)
        await subscribe(session, USER_ID, KHARKIV)
    calls = await bot.send(PARTNERS["en"])
    await _press_under(bot, button(calls, SUGGEST["en"]), sent_texts(calls)[0], USER_ID, "en")
    calls = await bot.send(CORRECTION["en"])
    (forwarded,) = [call for call in calls_of(calls, SendMessage) if call.chat_id == EDITOR]
    reply_button = keyboard_buttons(forwarded.reply_markup)[0][1] or ""
    await bot.click(reply_button, chat_id=EDITOR, user_id=EDITOR, language_code=lang)
    bot.session.blocked.add(USER_ID)

    calls = await bot.send(REPLY, chat_id=EDITOR, user_id=EDITOR, language_code=lang)

    assert [call.chat_id for call in calls_of(calls, SendMessage)] == [USER_ID, EDITOR]
    assert sent_texts(calls)[-1] == UNREACHABLE[lang]
    assert await _followers(seeded_engine) == [EDITOR]


async def test_a_correction_whose_editors_all_refuse_the_bot_reaches_the_super_admins(
    bot: Harness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)
    bot.session.blocked.add(EDITOR)
    calls = await bot.send(PARTNERS["en"])
    await _press_under(bot, button(calls, SUGGEST["en"]), sent_texts(calls)[0], USER_ID, "en")

    calls = await bot.send(CORRECTION["en"])

    sent = [call.chat_id for call in calls_of(calls, SendMessage)]
    assert sent == [USER_ID, EDITOR, SUPER_ADMIN]
    (forwarded,) = [call for call in calls_of(calls, SendMessage) if call.chat_id == SUPER_ADMIN]
    assert CORRECTION["en"] in forwarded.text
    assert sent_texts(calls)[0] == THANKS["en"]


ELSEWHERE = {
    "en": "That message could not be delivered: the chat it was for has blocked the bot or is"
    " gone. Nothing else was changed.",
    "uk": "Це повідомлення не доставлено: чат, якому воно призначалося, заблокував бота або"
    " його більше немає. Нічого іншого не змінено.",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_refusal_met_while_sending_to_another_chat_pauses_that_chat(
    bot: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    async with session_factory(seeded_engine)() as session:
        await subscribe(session, EDITOR, KHARKIV)
        await subscribe(session, USER_ID, KHARKIV)
    chat = Chat(id=EDITOR, type="private", first_name="Editor")
    message = Message(
        message_id=5,
        date=dt.datetime.now(dt.UTC),
        chat=chat,
        from_user=User(id=EDITOR, is_bot=False, first_name="Editor"),
        text="…",
    ).as_(bot.bot)
    refusal = TelegramForbiddenError(
        method=SendMessage(chat_id=USER_ID, text="…"),
        message="Forbidden: bot was blocked by the user",
    )
    event = ErrorEvent(update=Update(update_id=7, message=message), exception=refusal)
    start = len(bot.session.requests)

    i18n = I18n(path=LOCALES_DIR, default_locale="en", domain=DOMAIN)
    with i18n.context(), i18n.use_locale(lang):
        handled = await on_error(event, event_chat=chat, services=bot.services)

    told = calls_of(bot.session.requests[start:], SendMessage)
    assert handled is True
    assert [(call.chat_id, call.text) for call in told] == [(EDITOR, ELSEWHERE[lang])]
    assert await _followers(seeded_engine) == [EDITOR]
