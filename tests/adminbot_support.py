"""The bot with a super-admin and an editor configured, for the admin dialog tests."""

from __future__ import annotations

from typing import Any

from aiogram.methods import AnswerCallbackQuery, TelegramMethod
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.services import BotServices
from bot.settings import Settings
from knowledge.admin import permissions
from knowledge.admin.common import Admin
from knowledge.facts.documents import KnowledgeDocument
from knowledge.qa.engine import Engine
from knowledge.store.engines import session_factory
from knowledge.store.exporting import export_document
from tests.bot_support import NOON, TODAY, TOKEN, Harness, build_harness, keyboard_buttons

SUPER_ADMIN = 100
EDITOR = 200
OTHER_EDITOR = 250
STRANGER = 300
KHARKIV = "UA63120270000028556"


def admin_services(engine: AsyncEngine, qa_engine: Engine) -> BotServices:
    """Services whose settings name SUPER_ADMIN as the only super-admin."""
    settings = Settings(
        _env_file=None,
        bot_token=TOKEN,
        database_url=engine.url.render_as_string(hide_password=False),
        admin_ids=(SUPER_ADMIN,),
    )
    return BotServices(settings, engine, qa_engine, today=lambda: TODAY, now=lambda: NOON)


async def grant_editor(engine: AsyncEngine, user_id: int, hromada: str | None = None) -> None:
    """Give someone an editing right, as /grant would."""
    async with session_factory(engine)() as session:
        await permissions.grant(session, Admin(SUPER_ADMIN, (SUPER_ADMIN,)), user_id, hromada)


async def stored(engine: AsyncEngine) -> KnowledgeDocument:
    """The whole knowledge base as stored now."""
    async with session_factory(engine)() as session:
        return await export_document(session, all_hromadas=True)


def admin_harness(services: BotServices) -> Harness:
    """The real dispatcher over a recording session."""
    return build_harness(services)


def last_buttons(calls: list[TelegramMethod[Any]]) -> list[tuple[str, str | None]]:
    """The buttons under the last message that had any."""
    for call in reversed(calls):
        buttons = keyboard_buttons(getattr(call, "reply_markup", None))
        if buttons:
            return buttons
    return []


def button(calls: list[TelegramMethod[Any]], label: str) -> str:
    """The callback data of the button with this label (or a label containing it)."""
    for text, data in last_buttons(calls):
        if label in text and data is not None:
            return data
    raise AssertionError(f"no button {label!r} in {last_buttons(calls)}")


def alerts(calls: list[TelegramMethod[Any]]) -> list[str]:
    """The texts of callback answers shown to the user."""
    return [call.text or "" for call in calls if isinstance(call, AnswerCallbackQuery)]


REFUSAL = {
    "en": "Sorry, this command is for the knowledge base editors only. Nothing was changed.",
    "uk": "Вибачте, ця команда лише для редакторів бази знань. Нічого не змінено.",
}
