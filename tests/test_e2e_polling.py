"""The real bot process (`python -m bot run`) against the local Bot API over HTTP."""

from __future__ import annotations

from pathlib import Path

from bot.local_api import Call, LocalTelegram
from tests.e2e_support import (
    BotProcess,
    bot_process,
    rejected_calls,
    telegram_environment,
    wait_started,
)

RESIDENT = 1001
GROUP = -1001234567890


def buttons(sent: Call) -> list[str]:
    """The labels of the inline keyboard a call sent."""
    rows = (sent.params.get("reply_markup") or {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]


def text(sent: Call) -> str:
    """The text as the bot sent it (later edits of the message aside)."""
    return str(sent.params["text"])


async def test_a_residents_session(local_telegram: LocalTelegram, bot_home: Path) -> None:
    telegram = local_telegram
    environment = telegram_environment(bot_home, telegram)
    async with bot_process(bot_home, environment, "run") as bot:
        await wait_started(telegram, "deleteWebhook", bot)

        telegram.send_message("/start", user_id=RESIDENT, language_code="uk")
        greeting = await telegram.next_message(RESIDENT, within=20)

        telegram.send_message("Які міста-побратими в Харкова?", user_id=RESIDENT)
        partners_uk = await telegram.next_message(RESIDENT, within=20)

        telegram.press_button(RESIDENT, partners_uk.result["message_id"], "Переглянути партнерів")
        browse = await telegram.next_call("editMessageText", within=20)

        telegram.send_message("/language", user_id=RESIDENT)
        choose = await telegram.next_message(RESIDENT, within=20)
        telegram.press_button(RESIDENT, choose.result["message_id"], "English")
        await telegram.wait_idle(within=20)

        telegram.send_message("Who are Kharkiv's partner cities?", user_id=RESIDENT)
        partners_en = await telegram.next_message(RESIDENT, within=20)

        telegram.inline_query("Kharkiv partners", user_id=RESIDENT)
        inline = await telegram.next_call("answerInlineQuery", within=20)

        code, output = await bot.stop()

    assert code == 0, output
    assert text(greeting).startswith("Вітаю! Я Побратим.")
    assert "Які міста-партнери в Харкова?" in buttons(greeting)
    # Twin cities only: Leeds's friendship pledge and Košice's cooperation are not twinnings.
    assert text(partners_uk).startswith("Харків — міста-побратими:")
    for city in ("Брно", "Лілль", "Альбукерке"):
        assert city in text(partners_uk)
    assert "Лідс" not in text(partners_uk)
    assert "Переглянути партнерів" in buttons(partners_uk)
    assert browse.ok
    assert "Брно" in browse.params["text"]
    assert "English" in buttons(choose)
    # The conversation goes on in English; a complete question asks for all partners again,
    # without the twin-only filter of the previous question.
    assert text(partners_en).startswith("Kharkiv — 6 partners:")
    for city in ("Brno", "Lille", "Albuquerque", "Leeds", "Košice"):
        assert city in text(partners_en)
    assert "Browse partners" in buttons(partners_en)
    assert inline.ok
    results = inline.params["results"]
    # Inline queries carry no conversation: all six partners, whatever the kind of agreement.
    shared = results[0]["input_message_content"]["message_text"]
    for city in ("Brno", "Lille", "Leeds", "Košice", "Cincinnati", "Albuquerque"):
        assert city in shared
    assert telegram.pending_updates == []
    assert rejected_calls(telegram) == []
    assert telegram.token not in output


async def test_groups_and_channels(local_telegram: LocalTelegram, bot_home: Path) -> None:
    telegram = local_telegram
    environment = telegram_environment(bot_home, telegram)
    async with bot_process(bot_home, environment, "run") as bot:
        await wait_started(telegram, "deleteWebhook", bot)

        telegram.send_message("Хто партнери Харкова?", chat_id=GROUP, chat_type="group")
        telegram.channel_post("Новини громади: партнери Харкова")
        telegram.send_message(
            "@pobratym_local_bot партнери Харкова?", chat_id=GROUP, chat_type="group"
        )
        answer = await telegram.next_message(within=20)
        await telegram.wait_idle(within=20)
        code, output = await bot.stop()

    assert code == 0, output
    # Only the mention is answered, in the group; the other message and the post are not.
    assert [call.params["chat_id"] for call in telegram.calls_of("sendMessage")] == [GROUP]
    for city in ("Брно", "Лілль", "Лідс"):
        assert city in text(answer)
    assert rejected_calls(telegram) == []


async def test_faults_are_survived_and_duplicates_answered_once(
    local_telegram: LocalTelegram, bot_home: Path
) -> None:
    telegram = local_telegram
    environment = telegram_environment(bot_home, telegram)
    async with bot_process(bot_home, environment, "run") as bot:
        await wait_started(telegram, "deleteWebhook", bot)

        telegram.fail_next("sendMessage", "retry_after", retry_after=1)
        telegram.send_message("/help", user_id=RESIDENT)
        after_429 = await telegram.next_message(RESIDENT, within=20)

        telegram.fail_next("sendMessage", "server_error", times=2)
        telegram.send_message("/about", user_id=RESIDENT)
        after_5xx = await telegram.next_message(RESIDENT, within=20)

        telegram.fail_next("getUpdates", "drop")
        telegram.duplicate_next_updates(1)
        telegram.send_message("Які міста-побратими в Харкова?", user_id=RESIDENT)
        await telegram.wait_idle(quiet=1.0, within=20)

        code, output = await bot.stop()

    assert code == 0, output
    sends = [(call.status, call.fault) for call in telegram.calls_of("sendMessage")]
    assert sends == [
        (429, "retry_after"),
        (200, None),
        (500, "server_error"),
        (500, "server_error"),
        (200, None),
        (200, None),  # the duplicated update, answered once
    ]
    assert after_429.params["text"].startswith("Питайте мене про міста-партнери громади")
    assert "Побратим" in after_5xx.params["text"]
    assert telegram.pending_updates == []
    assert rejected_calls(telegram) == []
    assert telegram.token not in output


async def test_sigterm_during_an_update_still_sends_the_reply(
    local_telegram: LocalTelegram, bot_home: Path
) -> None:
    telegram = local_telegram
    environment = telegram_environment(bot_home, telegram)
    async with bot_process(bot_home, environment, "run") as bot:
        await wait_started(telegram, "deleteWebhook", bot)
        # Telegram makes the reply wait 2 seconds: the update is still in hand at SIGTERM.
        telegram.fail_next("sendMessage", "retry_after", retry_after=2)
        telegram.send_message("Які міста-побратими в Харкова?", user_id=RESIDENT)
        await telegram.next_call("sendMessage", within=20)

        code, output = await bot.stop()

    sent = [call for call in telegram.calls_of("sendMessage") if call.ok]
    assert code == 0, output
    assert len(sent) == 1
    assert "Брно" in text(sent[0])
    assert telegram.pending_updates == []


QUESTIONS = (
    "Які міста-побратими в Харкова?",
    "Who are Kharkiv's partner cities?",
    "/help",
)


async def _answer_questions(telegram: LocalTelegram, bot: BotProcess) -> None:
    await wait_started(telegram, "deleteWebhook", bot)
    for question in QUESTIONS:
        telegram.send_message(question, user_id=RESIDENT)
        await telegram.next_message(RESIDENT, within=20)
    await telegram.wait_idle(within=20)


async def test_sigterm_after_answering_exits_at_once_with_the_updates_confirmed(
    local_telegram: LocalTelegram, bot_home: Path
) -> None:
    telegram = local_telegram
    environment = telegram_environment(bot_home, telegram)
    async with bot_process(bot_home, environment, "run") as bot:
        await _answer_questions(telegram, bot)
        code, output = await bot.stop(within=10)
    assert code == 0, output
    answered = len(telegram.calls_of("sendMessage"))
    assert answered == len(QUESTIONS)
    assert telegram.pending_updates == []

    # A restarted bot answers only what is new, never the questions of the last run again.
    async with bot_process(bot_home, environment, "run") as again:
        await wait_started(telegram, "deleteWebhook", again)
        telegram.send_message("/about", user_id=RESIDENT)
        await telegram.next_message(RESIDENT, within=20)
        await telegram.wait_idle(quiet=1.0, within=20)
        code, output = await again.stop(within=10)
    assert code == 0, output
    assert len(telegram.calls_of("sendMessage")) == answered + 1


async def test_sigterm_with_telegram_gone_exits_without_retrying(
    local_telegram: LocalTelegram, bot_home: Path
) -> None:
    telegram = local_telegram
    environment = telegram_environment(bot_home, telegram)
    async with bot_process(bot_home, environment, "run") as bot:
        await _answer_questions(telegram, bot)
        await telegram.close()
        code, output = await bot.stop(within=10)
    assert code == 0, output
    stopping = output.split("Stopping: no new updates", 1)[1]
    assert "retrying" not in stopping
    assert "could not confirm" in stopping
    assert telegram.token not in output


async def test_sigterm_when_telegram_asks_to_wait_exits_without_waiting(
    local_telegram: LocalTelegram, bot_home: Path
) -> None:
    telegram = local_telegram
    environment = telegram_environment(bot_home, telegram)
    async with bot_process(bot_home, environment, "run") as bot:
        await _answer_questions(telegram, bot)
        await telegram.wait_idle(quiet=1.0, within=20)
        # The bot is in its long poll: the next getUpdates is the one that confirms at stop.
        telegram.fail_next("getUpdates", "retry_after", retry_after=25, times=5)
        code, output = await bot.stop(within=10)
    assert code == 0, output
    stopping = output.split("Stopping: no new updates", 1)[1]
    assert "could not confirm" in stopping
    assert "Telegram asks to wait" not in stopping
