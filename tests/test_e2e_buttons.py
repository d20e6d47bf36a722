"""Button presses as Telegram really treats them, against the running bot in polling and
webhook mode: answered at once even while sending waits, and answered once."""

from __future__ import annotations

import time
from pathlib import Path

from bot.local_api import LocalTelegram
from tests.telegram_support import next_reply, running, stopped

RESIDENT = 1001


async def test_a_press_during_a_flood_wait_is_answered_at_once(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    # Telegram gives up on an unanswered press after a while; here sooner than the wait.
    telegram.callback_query_timeout = 2.0
    async with running(mode, telegram, bot_home) as bot:
        mark = len(telegram.calls)
        telegram.send_message("/start", user_id=RESIDENT)
        greeting = await next_reply(telegram, RESIDENT, mark)
        example = greeting["reply_markup"]["inline_keyboard"][0][0]["text"]

        # The answer to the press must wait 4 s behind a 429.
        telegram.fail_next("sendMessage", "retry_after", retry_after=4)
        mark = len(telegram.calls)
        pressed_at = time.monotonic()
        press = telegram.press_button(RESIDENT, greeting["message_id"], example)
        answer = await next_reply(telegram, RESIDENT, mark, within=30)
        await telegram.wait_idle(quiet=0.5, within=20)
        output = await stopped(bot)

    query_id = press["callback_query"]["id"]
    answers = [
        call
        for call in telegram.calls_of("answerCallbackQuery")
        if call.params["callback_query_id"] == query_id
    ]
    assert [call.ok for call in answers] == [True]
    assert answers[0].received_at - pressed_at < 2.0
    assert "Брно" in answer["text"]
    assert " ERROR " not in output


async def test_a_press_that_changes_nothing_is_answered_quietly_once(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    async with running(mode, telegram, bot_home) as bot:
        mark = len(telegram.calls)
        telegram.send_message("/language", user_id=RESIDENT)
        choose = await next_reply(telegram, RESIDENT, mark)
        telegram.press_button(RESIDENT, choose["message_id"], "English")
        await telegram.next_call("editMessageText", within=20)
        await telegram.wait_idle(quiet=0.5, within=20)
        # The same button again: the message would stay exactly as it is.
        again = telegram.press_button(RESIDENT, choose["message_id"], "lang:en")
        await telegram.wait_idle(quiet=1.0, within=20)
        output = await stopped(bot)

    query_id = again["callback_query"]["id"]
    answers = [
        call
        for call in telegram.calls_of("answerCallbackQuery")
        if call.params["callback_query_id"] == query_id
    ]
    assert [call.ok for call in answers] == [True]
    assert not answers[0].params.get("text")
    assert " ERROR " not in output
    assert "Traceback" not in output
    # Nothing but the keyboard and its one confirmation was sent.
    assert len(telegram.calls_of("sendMessage")) == 1
