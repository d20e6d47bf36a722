"""Every kind of outbound call failing leaves no secret in the log; an oversized upload is
refused without being downloaded whole, whatever size it states."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.local_api import LocalTelegram
from bot.local_api.server import FILE_DOWNLOAD
from tests.e2e_support import SECRET, bot_process, telegram_environment, wait_started
from tests.local_api_support import free_port

ADMIN = 4242
SHEET_HEADER = b"hromada,partner_city,partner_country,kind,status,signed_on\n"
DATABASE_PASSWORD = "Db-Pa55word-never-logged"


def _environment(home: Path, telegram: LocalTelegram, port: int) -> dict[str, str]:
    return telegram_environment(
        home,
        telegram,
        WEBHOOK_BASE_URL=f"http://127.0.0.1:{port}",
        WEBHOOK_SECRET=SECRET,
        WEBHOOK_PORT=str(port),
        ADMIN_IDS=str(ADMIN),
    )


async def test_failing_calls_of_every_kind_log_no_secret(
    local_telegram: LocalTelegram, bot_home: Path
) -> None:
    telegram = local_telegram
    port = free_port()
    environment = _environment(bot_home, telegram, port)
    # Registration fails twice before it succeeds.
    telegram.fail_next("setWebhook", "server_error", times=2)
    async with bot_process(bot_home, environment, "webhook") as bot:
        await wait_started(telegram, "setWebhook", bot)
        # A file download fails: Telegram's file server answers 502, then drops the socket.
        telegram.fail_next(FILE_DOWNLOAD, "server_error")
        telegram.send_document("partners.csv", SHEET_HEADER, user_id=ADMIN, language_code="en")
        first = await telegram.next_message(ADMIN, within=30)
        # aiohttp tries a dropped connection once more by itself.
        telegram.fail_next(FILE_DOWNLOAD, "drop", times=2)
        telegram.send_document("partners.csv", SHEET_HEADER, user_id=ADMIN, language_code="en")
        second = await telegram.next_message(ADMIN, within=30)
        # An API method fails for good: every attempt at sending the answer is dropped.
        telegram.fail_next("sendMessage", "drop", times=30)
        telegram.send_message("Is Kharkiv twinned with Lille?", user_id=1001)
        await telegram.next_call("sendMessage", within=60)
        code, output = await bot.stop(within=60)

    secret_part = telegram.token.partition(":")[2]
    assert code == 0, output
    assert "Traceback" in output  # the failures were logged in full
    assert "Sorry" in first.params["text"]
    assert "Sorry" in second.params["text"]
    for secret in (telegram.token, secret_part, SECRET):
        assert secret not in output


@pytest.mark.parametrize("stated_size", [1024, None])
async def test_an_upload_larger_than_it_says_is_refused_without_downloading_it_whole(
    local_telegram: LocalTelegram, bot_home: Path, stated_size: int | None
) -> None:
    telegram = local_telegram
    port = free_port()
    environment = _environment(bot_home, telegram, port)
    huge = SHEET_HEADER + b"Kharkiv,Lille,France,twinning,active,1978\n" * 700_000  # ~30 MB
    async with bot_process(bot_home, environment, "webhook") as bot:
        await wait_started(telegram, "setWebhook", bot)
        telegram.send_document(
            "partners.csv", huge, user_id=ADMIN, language_code="en", stated_size=stated_size
        )
        reply = await telegram.next_message(ADMIN, within=60)
        code, output = await bot.stop()

    assert code == 0, output
    assert reply.params["text"] == "The file is larger than 5 MB; nothing was written."
    (served,) = telegram.served_bytes.values()
    assert served < len(huge) // 2
