"""A bot whose handler is slow, run by the shutdown test in a process of its own:
python -m tests.transport_slow_bot BASE_URL TOKEN"""

from __future__ import annotations

import asyncio
import logging
import sys

from aiogram import Bot, Dispatcher, F
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message

from bot.transport.runners import run_polling
from bot.transport.session import ReliableSession

SLOW_SECONDS = 1.5


async def main(base_url: str, token: str) -> None:
    dispatcher = Dispatcher()

    @dispatcher.message(F.text)
    async def slow_reply(message: Message) -> None:
        await message.bot.send_chat_action(message.chat.id, "typing")  # type: ignore[union-attr]
        await asyncio.sleep(SLOW_SECONDS)
        await message.answer(f"done: {message.text}")

    session = ReliableSession(api=TelegramAPIServer.from_base(base_url))
    await run_polling(dispatcher, Bot(token, session=session), polling_timeout=5)


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main(sys.argv[1], sys.argv[2]))
