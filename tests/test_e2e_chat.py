"""`python -m bot chat` and a token-less `python -m bot run` in a terminal: the local chat."""

from __future__ import annotations

import asyncio
import os
import pty
import re
import sys
from pathlib import Path

from tests.e2e_support import bot_environment

CHAT_TIMEOUT = 90.0


async def chat_through_a_pipe(
    home: Path, lines: list[str], *arguments: str, pause: float = 0.0
) -> tuple[int, str]:
    """The chat's output for lines typed into its standard input, `pause` seconds apart.

    A pause keeps a long script under the bot's flood control, as a person's typing is.
    """
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        *arguments,
        cwd=home,
        env=bot_environment(home),
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        assert process.stdin is not None
        for line in lines[:-1] if pause else []:
            process.stdin.write(f"{line}\n".encode())
            await process.stdin.drain()
            await asyncio.sleep(pause)
        rest = lines[-1:] if pause else lines
        typed = "".join(f"{line}\n" for line in rest).encode()
        output, _ = await asyncio.wait_for(process.communicate(typed), CHAT_TIMEOUT)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    assert process.returncode is not None
    return process.returncode, output.decode()


async def test_the_chat_shows_buttons_presses_them_and_maps_places(bot_home: Path) -> None:
    script = ["/start", "1", "2", "2", "1", "/lang en", "/start", "@ Kharkiv partners", "1"]

    code, output = await chat_through_a_pipe(bot_home, [*script, "/quit"], "chat")

    assert code == 0, output
    greeting, rest = output.split("Вітаю! Я Побратим.", 1)[1].split("\n> ", 1)
    # The greeting's example questions are numbered buttons; 1 asks the first.
    assert "[1] Які міста-партнери в Харкова?" in greeting
    assert "Харків — 6 партнерів" in rest
    for city in ("Брно", "Лілль", "Лідс", "Кошице", "Цинциннаті", "Альбукерке"):
        assert city in rest
    # 2 browses the partners, 2 opens Brno's card, 1 shows Brno on the map.
    assert "Між громадою Харків (Харківська обл.) і містом Брно, Чехія" in output
    location = re.search(r"Розташування: (\d+\.\d+), (\d+\.\d+)", output)
    assert location is not None, output
    latitude, longitude = float(location[1]), float(location[2])
    assert (round(latitude), round(longitude)) == (49, 17)  # Brno
    assert f"https://www.openstreetmap.org/?mlat={location[1]}&mlon={location[2]}" in output
    # The chat speaks the command's language; with Telegram in English the bot answers in
    # English, and an inline result can be shared.
    assert "Hello! I am Pobratym." in output
    assert "[1] Kharkiv partners" in output
    shared = output.split("Ви поділилися в чаті:", 1)[1]
    assert "Lille, Hauts-de-France, France" in shared
    assert "Telegram відхилив" not in output
    assert output.rstrip().endswith("До побачення.")


async def test_run_without_a_token_opens_the_chat_in_a_terminal(bot_home: Path) -> None:
    controller, terminal = pty.openpty()
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "--lang",
        "en",
        "run",
        cwd=bot_home,
        env=bot_environment(bot_home, DEFAULT_LOCALE="en"),
        stdin=terminal,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    os.close(terminal)
    try:
        os.write(controller, b"/start\n/quit\n")
        output, _ = await asyncio.wait_for(process.communicate(), CHAT_TIMEOUT)
    finally:
        os.close(controller)
        if process.returncode is None:
            process.kill()
            await process.wait()

    text = output.decode()
    assert process.returncode == 0, text
    assert "A local chat with the bot" in text
    assert "Hello! I am Pobratym." in text
    assert "[1] Who are Kharkiv's partner cities?" in text
    assert "BOT_TOKEN" not in text
    assert text.rstrip().endswith("Bye.")


async def test_an_admin_types_a_quantity_and_imports_a_file_in_the_chat(
    bot_home: Path,
) -> None:
    sheet = bot_home / "угоди.csv"
    sheet.write_text(
        "hromada;partner_city;partner_country;kind;status;signed_on;source_title\n"
        "Полтава;Ґданськ;Польща;побратимство;чинна;12.03.2024;Рішення міської ради\n",
        encoding="utf-8",
    )
    script = [
        "/new_aid",
        "Харків",
        "2024-03",
        "PL",
        "-",  # no donor city: the country itself sent it
        "food",
        "3",  # the quantity: typed, though an earlier message had buttons
        "Лист посольства",
        "1",  # Confirm under the preview
        "/import",
        f"/file {sheet}",
        "1",  # Apply
    ]

    code, output = await chat_through_a_pipe(
        bot_home, [*script, "/quit"], "chat", "--admin", pause=1.0
    )

    assert code == 0, output
    assert "Ви користувач 1001, суперадміністратор цього бота" in output
    assert "• Позиція допомоги 1 · Кількість: (порожньо) → 3" in output
    assert "Збережено: запис про допомогу kharkivska-aid-pl-2024" in output
    assert "Надіслано файл угоди.csv." in output
    assert "угода: нових 1, змінених 0, без змін 0" in output
    assert "Імпортовано: нових — 3, змінених — 0, без змін — 0." in output


async def test_the_chat_says_how_to_become_an_editor(bot_home: Path) -> None:
    code, output = await chat_through_a_pipe(
        bot_home, ["/new_aid", "/quit"], "--lang", "en", "chat"
    )

    assert code == 0, output
    assert "You are user 1001. To edit the knowledge base, start the chat with" in output
    assert "python -m bot chat --admin (or put ADMIN_IDS=1001 in .env)." in output
    assert "Your Telegram id is 1001. A super-admin can make you an editor" in output
