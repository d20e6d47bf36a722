"""A question (or an admin's new record, which looks foreign towns up) sent while a table is
still read beside the start-up is answered once it is read, and the bot handles other chats'
updates meanwhile instead of freezing."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import BotServices
from knowledge.places import partners, world
from knowledge.places.world import WorldPlace
from knowledge.qa.engine import Engine
from tests.adminbot_support import SUPER_ADMIN, admin_harness, admin_services
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


async def test_an_admins_new_partner_waits_for_the_table_while_other_chats_are_answered(
    seeded_engine: AsyncEngine, qa_engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    services = admin_services(seeded_engine, qa_engine)
    admin = admin_harness(services)
    read = threading.Event()
    # Whether the table was read each time the new partner was looked up in it.
    lookups: list[bool] = []

    def slow_table() -> None:
        read.wait(timeout=60)

    def find_world_place(name: str, country: str, **near: Any) -> WorldPlace | None:
        lookups.append(read.is_set())
        return world.find_world_place(name, country, **near)

    monkeypatch.setattr(partners, "find_world_place", find_world_place)
    services.prepare_beside(slow_table, "slow-table")
    # A new partner abroad is completed from GeoNames' table of foreign towns.
    preview = asyncio.ensure_future(
        admin.send(
            "/add_agreement Харків | Bydgoszcz | PL | twinning | 06.2023 | Лист міського голови",
            chat_id=SUPER_ADMIN,
            user_id=SUPER_ADMIN,
        )
    )
    await asyncio.sleep(0.2)

    help_texts = sent_texts(
        await asyncio.wait_for(
            admin.send("/help", chat_id=OTHER_CHAT, user_id=OTHER_CHAT), timeout=60
        )
    )
    waiting = not preview.done()
    read.set()
    preview_texts = sent_texts(await asyncio.wait_for(preview, timeout=60))

    assert waiting
    assert lookups
    assert all(lookups)
    assert any("/language" in text for text in help_texts)
    assert "A new place will be added: pl-bydgoszcz" in preview_texts[-1]
    assert admin.session.problems == []
