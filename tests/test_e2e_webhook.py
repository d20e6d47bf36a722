"""The real bot process behind a webhook (`python -m bot webhook`), fed by the local Bot API."""

from __future__ import annotations

from pathlib import Path

import aiohttp

from bot.local_api import LocalTelegram
from bot.transport.runners import SECRET_HEADER
from tests.e2e_support import (
    SECRET,
    bot_process,
    rejected_calls,
    telegram_environment,
    wait_started,
)
from tests.local_api_support import free_port

RESIDENT = 1001


async def test_the_webhook_answers_refuses_strangers_and_stops_cleanly(
    local_telegram: LocalTelegram, bot_home: Path
) -> None:
    telegram = local_telegram
    port = free_port()
    environment = telegram_environment(
        bot_home,
        telegram,
        WEBHOOK_BASE_URL=f"http://127.0.0.1:{port}",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_PORT=str(port),
    )
    url = f"http://127.0.0.1:{port}/telegram/webhook"
    async with bot_process(bot_home, environment, "webhook") as bot:
        registered = await wait_started(telegram, "setWebhook", bot)

        async with aiohttp.ClientSession() as client:
            async with client.get(f"http://127.0.0.1:{port}/healthz") as health:
                health_status = health.status
            forged = {"update_id": 1, "message": {"text": "hi"}}
            async with client.post(url, json=forged, headers={SECRET_HEADER: "wrong"}) as wrong:
                wrong_status = wrong.status
            async with client.post(url, json=forged) as missing:
                missing_status = missing.status

        telegram.send_message("/start", user_id=RESIDENT, language_code="en")
        greeting = await telegram.next_message(RESIDENT, within=20)
        telegram.send_message("Is Kharkiv twinned with Lille?", user_id=RESIDENT)
        answer = await telegram.next_message(RESIDENT, within=20)
        telegram.press_button(RESIDENT, answer.result["message_id"], "Browse partners")
        browse = await telegram.next_call("editMessageText", within=20)

        code, output = await bot.stop()

    assert code == 0, output
    assert registered.params["url"] == url
    assert registered.params["secret_token"] == SECRET
    assert health_status == 200
    assert wrong_status == 403
    assert missing_status == 401
    assert greeting.params["text"].startswith("Hello! I am Pobratym.")
    assert "Lille" in answer.params["text"]
    assert "Brno" in browse.params["text"]
    # Only the resident's three updates were handled: the forged ones changed nothing.
    assert len(telegram.calls_of("sendMessage")) == 2
    assert telegram.pending_updates == []
    assert rejected_calls(telegram) == []
    assert SECRET not in output
    assert telegram.token not in output
