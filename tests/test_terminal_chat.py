"""How the local chat shows what the bot sends: documents, locations, refusals, wrong input."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from aiogram import Dispatcher
from aiogram.fsm.storage.base import StorageKey
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from bot.handlers.admin_editing.states import RecordForm
from bot.local_api import LocalTelegram
from bot.terminal_chat import USER_ID, TerminalChat, _awaiting_text, plain_text
from knowledge.admin.dialogs import DIALOGS, DialogState
from knowledge.render.translations import translation
from tests.local_api_support import local_bot

BOT_ID = 42


class UnpolledChat(TerminalChat):
    """The chat with no bot polling: what the person typed stays pending, nothing to wait for."""

    async def settle(self, within: float = 60.0) -> None:
        self.show_new_calls()


def english_chat(telegram: LocalTelegram, files_dir: Path) -> tuple[TerminalChat, io.StringIO]:
    output = io.StringIO()
    chat = UnpolledChat(
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

    assert await chat.handle("#3")
    assert await chat.handle("/lang ru")
    assert not await chat.handle("/quit")

    assert output.getvalue().splitlines() == ["There is no button 3.", "Use /lang uk or /lang en."]
    assert local_telegram.pending_updates == []


def test_html_becomes_plain_text_with_link_addresses() -> None:
    actual = plain_text('<b>Kharkiv</b> &amp; <a href="https://example.org">Lille</a> &lt;3')

    assert actual == "Kharkiv & Lille <https://example.org> <3"


async def _bot_asks_with_buttons(telegram: LocalTelegram) -> None:
    bot = local_bot(telegram)
    try:
        markup = InlineKeyboardMarkup(
            inline_keyboard=[
                [InlineKeyboardButton(text="Skip", callback_data="skip")],
                [InlineKeyboardButton(text="Cancel", callback_data="cancel")],
            ]
        )
        await bot.send_message(USER_ID, "How many?", reply_markup=markup)
    finally:
        await bot.session.close()


def _typed(telegram: LocalTelegram) -> list[str]:
    return [
        update["message"]["text"] for update in telegram.pending_updates if "message" in update
    ]


def _pressed(telegram: LocalTelegram) -> list[str]:
    return [
        update["callback_query"]["data"]
        for update in telegram.pending_updates
        if "callback_query" in update
    ]


@pytest.mark.parametrize("language", ["uk", "en"])
async def test_a_number_is_typed_while_the_bot_waits_for_typed_input(
    local_telegram: LocalTelegram, tmp_path: Path, language: str
) -> None:
    awaiting = True

    async def awaiting_text() -> bool:
        return awaiting

    output = io.StringIO()
    chat = UnpolledChat(
        local_telegram,
        output,
        translation(language),
        language_code=language,
        files_dir=tmp_path,
        awaiting_text=awaiting_text,
    )
    await _bot_asks_with_buttons(local_telegram)
    chat.show_new_calls()

    await chat.handle("3")  # a quantity, though the question has buttons
    await chat.handle("#2")  # an explicit press
    awaiting = False
    await chat.handle("1")  # a button press once the bot asks for no typed input

    assert _typed(local_telegram) == ["3"]
    assert _pressed(local_telegram) == ["cancel", "skip"]


async def test_a_number_is_typed_when_the_last_message_has_no_buttons(
    local_telegram: LocalTelegram, tmp_path: Path
) -> None:
    chat, _output = english_chat(local_telegram, tmp_path)
    await _bot_asks_with_buttons(local_telegram)
    bot = local_bot(local_telegram)
    try:
        await bot.send_message(USER_ID, "In which year was it signed?")
    finally:
        await bot.session.close()
    chat.show_new_calls()

    await chat.handle("2024")
    await chat.handle("#1")  # the buttons shown last can still be pressed explicitly

    assert _typed(local_telegram) == ["2024"]
    assert _pressed(local_telegram) == ["skip"]


@pytest.mark.parametrize(
    ("language", "sent", "unreadable"),
    [
        ("uk", "Надіслано файл agreements.csv.", "Не вдалося прочитати"),
        ("en", "Sent the file agreements.csv.", "Cannot read"),
    ],
)
async def test_a_file_is_sent_as_a_document(
    local_telegram: LocalTelegram, tmp_path: Path, language: str, sent: str, unreadable: str
) -> None:
    sheet = tmp_path / "agreements.csv"
    sheet.write_bytes(b"hromada;partner_city\n")
    output = io.StringIO()
    chat = UnpolledChat(
        local_telegram, output, translation(language), language_code=language, files_dir=tmp_path
    )

    await chat.handle(f"/file {sheet}")
    await chat.handle(f"/file {tmp_path / 'missing.csv'}")

    documents = [u["message"]["document"] for u in local_telegram.pending_updates]
    assert [(d["file_name"], d["mime_type"]) for d in documents] == [
        ("agreements.csv", "text/csv")
    ]
    lines = output.getvalue().splitlines()
    assert lines[0] == sent
    assert lines[1].startswith(unreadable)


@pytest.mark.parametrize(
    ("chat_language", "question", "goodbye"),
    [
        # The last line had Latin words: the goodbye is still the chat's.
        ("uk", "Who are Kharkiv's partners?", "До побачення."),
        ("uk", "Хто партнери Харкова? Kharkiv", "До побачення."),
        ("en", "Хто партнери Харкова?", "Bye."),
        ("uk", "Хто партнери Харкова?", "До побачення."),
    ],
)
async def test_the_goodbye_is_in_the_chat_s_language_whatever_was_typed_last(
    local_telegram: LocalTelegram,
    tmp_path: Path,
    chat_language: str,
    question: str,
    goodbye: str,
) -> None:
    chat = UnpolledChat(
        local_telegram,
        io.StringIO(),
        translation(chat_language),
        language_code=chat_language,
        files_dir=tmp_path,
    )

    assert await chat.handle(question)
    assert await chat.handle("#1")

    assert chat.farewell() == goodbye


def _at_step(name: str) -> DialogState:
    steps = [step.name for step in DIALOGS["agreement"].steps]
    return DialogState("agreement", steps.index(name), {"hromada": "UA63120270000028556"})


@pytest.mark.parametrize("language", ["uk", "en"])
async def test_a_number_at_the_partner_step_presses_a_button_and_one_it_lacks_is_refused(
    local_telegram: LocalTelegram, tmp_path: Path, language: str
) -> None:
    dispatcher = Dispatcher()
    key = StorageKey(bot_id=BOT_ID, chat_id=USER_ID, user_id=USER_ID)
    await dispatcher.fsm.storage.set_state(key, RecordForm.step)
    await dispatcher.fsm.storage.set_data(key, _at_step("place").to_data())
    output = io.StringIO()
    chat = UnpolledChat(
        local_telegram,
        output,
        translation(language),
        language_code=language,
        files_dir=tmp_path,
        awaiting_text=lambda: _awaiting_text(dispatcher, BOT_ID),
    )
    await _bot_asks_with_buttons(local_telegram)
    chat.show_new_calls()

    await chat.handle("3")  # no button 3: refused, nothing sent as a name
    await chat.handle("2")  # a place's name has letters: this is button 2
    # A step whose answer may be a number (the year of signing) still takes it typed.
    await dispatcher.fsm.storage.set_data(key, _at_step("signed_on").to_data())
    await chat.handle("2024")

    assert _typed(local_telegram) == ["2024"]
    assert _pressed(local_telegram) == ["cancel"]
    no_button = translation(language).gettext("There is no button {number}.").format(number=3)
    assert no_button in output.getvalue()
