"""A press's alert reaches the person even when the button can no longer show it: pressed too
long ago, or answered already by a replica that died handling the press."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher, Router
from aiogram.types import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup

from bot.local_api import LocalTelegram
from bot.middlewares.callback_answers import install_callback_answers
from tests.local_api_support import local_bot

USER = 1001
NOTE = "This preview is no longer waiting <here>."


@pytest.fixture
async def bot(local_telegram: LocalTelegram) -> AsyncIterator[Bot]:
    local_telegram.send_message("/start", user_id=USER)
    bot = local_bot(local_telegram)
    yield bot
    await bot.session.close()


async def _dispatcher(bot: Bot, *, show_alert: bool) -> Dispatcher:
    """Every press is answered with NOTE, as an alert or a toast."""
    router = Router()

    @router.callback_query()
    async def on_press(query: CallbackQuery) -> None:
        await query.answer(NOTE, show_alert=show_alert)

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    install_callback_answers(dispatcher)
    await dispatcher.emit_startup(bot=bot)
    return dispatcher


async def _press(local_telegram: LocalTelegram, bot: Bot) -> dict[str, object]:
    keyboard = InlineKeyboardMarkup(
        inline_keyboard=[[InlineKeyboardButton(text="Confirm", callback_data="confirm")]]
    )
    shown = await bot.send_message(USER, "Preview", reply_markup=keyboard)
    return local_telegram.press_button(USER, shown.message_id, "Confirm")


def _said(local_telegram: LocalTelegram) -> list[str]:
    return [str(message.get("text")) for message in local_telegram.bot_messages(USER)[1:]]


async def test_an_alert_to_a_press_answered_by_a_replica_gone_since_is_said_in_the_chat(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    dispatcher = await _dispatcher(bot, show_alert=True)
    press = await _press(local_telegram, bot)
    # The replica that took the press first answered it (empty) and was killed.
    query = press["callback_query"]
    assert isinstance(query, dict)
    await bot.answer_callback_query(str(query["id"]))

    await dispatcher.feed_raw_update(bot, press)

    assert _said(local_telegram) == [NOTE]


async def test_an_alert_to_a_press_too_old_is_said_in_the_chat(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    dispatcher = await _dispatcher(bot, show_alert=True)
    local_telegram.callback_query_timeout = 0.0
    press = await _press(local_telegram, bot)

    await dispatcher.feed_raw_update(bot, press)

    assert _said(local_telegram) == [NOTE]


async def test_an_alert_in_time_stays_under_the_button(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    dispatcher = await _dispatcher(bot, show_alert=True)
    press = await _press(local_telegram, bot)

    await dispatcher.feed_raw_update(bot, press)

    query = press["callback_query"]
    assert isinstance(query, dict)
    assert local_telegram.callback_answers[str(query["id"])]["text"] == NOTE
    assert _said(local_telegram) == []


async def test_a_toast_too_old_is_dropped_quietly(local_telegram: LocalTelegram, bot: Bot) -> None:
    dispatcher = await _dispatcher(bot, show_alert=False)
    local_telegram.callback_query_timeout = 0.0
    press = await _press(local_telegram, bot)

    await dispatcher.feed_raw_update(bot, press)

    assert _said(local_telegram) == []
