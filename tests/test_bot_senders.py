"""The senders every text of the bot leaves through: long texts in pieces Telegram takes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

from aiogram import Bot
from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

from bot.replies import NO_PREVIEW, send_to, show_instead_of
from bot.texts import MESSAGE_LIMIT

BUTTONS = InlineKeyboardMarkup(
    inline_keyboard=[[InlineKeyboardButton(text="Ask the bot", url="https://t.me/x")]]
)
# Three messages' worth of short lines.
LONG = "\n".join(f"Line {number}: twinned since 1990." for number in range(400))


@dataclass
class RecordingBot:
    """Takes what a `Bot` would send to Telegram and keeps it: (method, chat, text, options)."""

    calls: list[tuple[str, int | str, str, dict[str, Any]]] = field(default_factory=list)

    async def send_message(self, chat_id: int | str, text: str, **options: Any) -> str:
        self.calls.append(("send", chat_id, text, options))
        return f"message {len(self.calls)}"

    async def edit_message_text(self, text: str, **options: Any) -> bool:
        self.calls.append(("edit", options.pop("chat_id"), text, options))
        return True


async def test_a_long_text_to_a_chat_goes_in_pieces_with_the_buttons_under_the_last() -> None:
    recording = RecordingBot()

    last = await send_to(cast(Bot, recording), -100, LONG, BUTTONS, thread_id=7)

    texts = [text for _, _, text, _ in recording.calls]
    assert len(texts) >= 3
    assert all(len(text) <= MESSAGE_LIMIT for text in texts)
    assert "\n".join(texts) == LONG
    assert recording.calls[-1][3]["reply_markup"] is BUTTONS
    assert all(options.get("reply_markup") is None for *_, options in recording.calls[:-1])
    assert {options["message_thread_id"] for *_, options in recording.calls} == {7}
    assert cast(str, last) == f"message {len(texts)}"


async def test_a_text_to_a_chat_shows_link_previews_unless_they_are_turned_off() -> None:
    recording = RecordingBot()

    await send_to(cast(Bot, recording), 5, "See https://example.org")
    await send_to(cast(Bot, recording), 5, "See https://example.org", previews=False)

    assert "link_preview_options" not in recording.calls[0][3]
    assert recording.calls[1][3]["link_preview_options"] == NO_PREVIEW


async def test_a_view_changed_in_place_keeps_one_messages_worth_of_a_long_text() -> None:
    recording = RecordingBot()

    await show_instead_of(cast(Bot, recording), 5, 42, LONG, BUTTONS)

    [(method, chat_id, text, options)] = recording.calls
    assert (method, chat_id, options["message_id"], options["reply_markup"]) == (
        "edit",
        5,
        42,
        BUTTONS,
    )
    assert len(text) <= MESSAGE_LIMIT
    assert LONG.startswith(text)
    assert text.endswith("twinned since 1990.")
