"""A question asked while a table is still read beside the start-up is answered once it is
read, and the bot handles other chats' updates meanwhile instead of freezing."""

from __future__ import annotations

import asyncio
import threading

from bot.services import BotServices
from tests.bot_support import Harness, sent_texts

OTHER_CHAT = 4242


async def test_a_question_waits_for_the_table_while_other_chats_are_answered(
    bot_services: BotServices, harness: Harness
) -> None:
    read = threading.Event()

    def slow_table() -> None:
        read.wait(timeout=60)

    bot_services.prepare_beside(slow_table, "slow-table")
    question = asyncio.ensure_future(harness.send("Who are Kharkiv's twin cities?"))
    await asyncio.sleep(0.2)

    # The event loop is free: another chat's /help is answered while the question waits.
    help_texts = sent_texts(
        await asyncio.wait_for(
            harness.send("/help", chat_id=OTHER_CHAT, user_id=OTHER_CHAT), timeout=60
        )
    )
    waiting = not question.done()
    read.set()
    answer_texts = sent_texts(await asyncio.wait_for(question, timeout=60))

    assert waiting
    assert any("/language" in text for text in help_texts)
    assert "Kharkiv" in answer_texts[-1]


async def test_a_table_that_failed_to_load_leaves_questions_answered(
    bot_services: BotServices, harness: Harness
) -> None:
    def broken_table() -> None:
        raise OSError("the table's file is unreadable")

    bot_services.prepare_beside(broken_table, "broken-table")

    answer_texts = sent_texts(
        await asyncio.wait_for(harness.send("Who are Kharkiv's twin cities?"), timeout=60)
    )

    assert "Kharkiv" in answer_texts[-1]
