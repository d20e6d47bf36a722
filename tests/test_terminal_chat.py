"""How the local chat shows what the bot sends: documents, locations, refusals, wrong input."""

from __future__ import annotations

import io
from pathlib import Path

from aiogram.types import BufferedInputFile

from bot.local_api import LocalTelegram
from bot.terminal_chat import USER_ID, TerminalChat, plain_text
from knowledge.i18n import translation
from tests.local_api_support import local_bot


def english_chat(telegram: LocalTelegram, files_dir: Path) -> tuple[TerminalChat, io.StringIO]:
    output = io.StringIO()
    chat = TerminalChat(
        telegram, output, translation("en"), language_code="en", files_dir=files_dir
    )
    return chat, output


async def test_documents_are_saved_and_locations_linked(
    local_telegram: LocalTelegram, tmp_path: Path
) -> None:
    chat, output = english_chat(local_telegram, tmp_path / "files")
    bot = local_bot(local_telegram)
    try:
        await bot.send_document(
            USER_ID, BufferedInputFile(b"key,value\n", filename="export.csv"), caption="Export"
        )
        await bot.send_location(USER_ID, latitude=50.0, longitude=36.25)
    finally:
        await bot.session.close()

    chat.show_new_calls()

    saved = tmp_path / "files" / "export.csv"
    assert saved.read_bytes() == b"key,value\n"
    assert f"Document saved to {saved.resolve()}" in output.getvalue()
    assert "Location: 50.00000, 36.25000" in output.getvalue()
    assert (
        "https://www.openstreetmap.org/?mlat=50.00000&mlon=36.25000#map=12/50.00000/36.25000"
    ) in output.getvalue()


async def test_wrong_input_is_explained_and_sends_nothing(
    local_telegram: LocalTelegram, tmp_path: Path
) -> None:
    chat, output = english_chat(local_telegram, tmp_path)

    assert await chat.handle("3")
    assert await chat.handle("/lang ru")
    assert not await chat.handle("/quit")

    assert output.getvalue().splitlines() == ["There is no button 3.", "Use /lang uk or /lang en."]
    assert local_telegram.pending_updates == []


def test_html_becomes_plain_text_with_link_addresses() -> None:
    actual = plain_text('<b>Kharkiv</b> &amp; <a href="https://example.org">Lille</a> &lt;3')

    assert actual == "Kharkiv & Lille <https://example.org> <3"
