"""Extreme records through the running bot and the local Bot API, which refuses what Telegram
refuses ("message is too long"): a hromada with 300 agreements, notes and source titles at
their bounds, partner names as long as a sheet takes."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

from bot.local_api import LocalTelegram
from tests.e2e_support import rejected_calls, telegram_environment
from tests.telegram_support import next_reply, running, stopped

RESIDENT = 1001
BILA_TSERKVA = "UA32020010000093088"
ROWS = 300
HEADER = "hromada,partner_city,partner_country,kind,status,signed_on,source_title,notes"
# The longest a sheet's name, title and notes cells may be: 100, 500 and 2,000 characters.
NOTE = ("Візит & обмін <делегаціями> " * 80)[:2000]
TITLE = ("Рішення & протокол " * 30)[:500]


def _city(number: int) -> str:
    return f"Importstadt {number} an der langen Grenze des sehr weiten Landes"[:100]


def _sheet(path: Path) -> Path:
    rows = [
        f'Bila Tserkva,{_city(number)},Germany,cooperation,active,2019,"{TITLE}","{NOTE}"'
        for number in range(ROWS)
    ]
    # The first partner's agreement cites twelve sources, each titled at the bound.
    rows += [
        f'Bila Tserkva,{_city(0)},Germany,cooperation,active,2019,"{f"{number} {TITLE}"[:500]}",'
        for number in range(1, 12)
    ]
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8")
    return path


async def _import(home: Path, telegram: LocalTelegram, sheet: Path) -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "kb",
        "import",
        str(sheet),
        "--apply",
        cwd=home,
        env=telegram_environment(home, telegram),
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    output, _ = await process.communicate()
    assert process.returncode == 0, output.decode(errors="replace")


def _buttons(message: dict[str, object], prefix: str, label: str = "") -> list[str]:
    markup = message.get("reply_markup")
    rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
    return [
        str(button["callback_data"])
        for row in rows
        for button in row
        if str(button.get("callback_data", "")).startswith(prefix)
        and label in str(button.get("text", ""))
    ]


async def test_300_long_agreements_are_answered_paged_and_shown_within_telegrams_limits(
    local_telegram: LocalTelegram, bot_home: Path
) -> None:
    telegram = local_telegram
    await _import(bot_home, telegram, _sheet(bot_home / "long.csv"))

    async with running("polling", telegram, bot_home) as bot:
        mark = len(telegram.calls)
        telegram.send_message("Партнери Білої Церкви", user_id=RESIDENT, language_code="uk")
        await next_reply(telegram, RESIDENT, mark, within=60)
        await telegram.wait_idle(quiet=1.0, within=60)
        answers = telegram.bot_messages(RESIDENT)
        partners = next(message for message in answers if _buttons(message, "pp:"))

        mark = len(telegram.calls)
        telegram.press_button(RESIDENT, partners["message_id"], _buttons(partners, "pp:")[0])
        page = await telegram.next_call("editMessageText", within=30)
        await telegram.wait_idle(quiet=0.5, within=30)
        shown = telegram.messages[RESIDENT][partners["message_id"]]
        first = _buttons(shown, "ag:", "Importstadt 0 ") or _buttons(shown, "ag:")
        telegram.press_button(RESIDENT, partners["message_id"], first[0])
        card = await telegram.next_call("editMessageText", within=30)
        await telegram.wait_idle(quiet=0.5, within=30)
        output = await stopped(bot)

    assert rejected_calls(telegram) == []
    assert len(answers) >= 1
    assert page.ok
    assert "Importstadt" in str(page.params["text"])
    assert card.ok
    card_text = str(card.params["text"])
    assert "Візит &amp; обмін &lt;делегаціями&gt;" in card_text
    assert card_text.endswith("…")
    assert "Traceback" not in output
