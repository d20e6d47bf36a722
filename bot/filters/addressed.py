"""A group message is for the bot only when it mentions the bot or replies to it."""

from __future__ import annotations

import re
from typing import Any

from aiogram import Bot
from aiogram.filters import Filter
from aiogram.types import Message


class AddressedToBot(Filter):
    """Passes `question`: the message's text without the bot's @username."""

    async def __call__(self, message: Message, bot: Bot) -> bool | dict[str, Any]:
        text = message.text
        if not text:
            return False
        me = await bot.me()
        replied = message.reply_to_message
        replied_user = replied.from_user if replied is not None else None
        if replied_user is not None and replied_user.id == me.id:
            return {"question": text.strip()}
        if me.username is None:
            return False
        mention = f"@{me.username}".lower()
        for entity in message.entities or ():
            if entity.type == "mention" and entity.extract_from(text).lower() == mention:
                question = re.sub(re.escape(mention), " ", text, flags=re.IGNORECASE)
                return {"question": " ".join(question.split())}
        return False
