"""The bot with admins configured, over a session that also serves uploaded files."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncGenerator
from itertools import count
from typing import Any

from aiogram.methods import GetFile, SendDocument, TelegramMethod
from aiogram.types import BufferedInputFile, Chat, Document, Message, Update, User
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.factory import create_bot, create_dispatcher
from bot.services import BotServices
from bot.settings import Settings
from knowledge.admin import permissions
from knowledge.admin.common import Admin
from knowledge.facts.documents import KnowledgeDocument
from knowledge.facts.plausibility import entered_on
from knowledge.interchange import apply_import, read_import
from knowledge.qa.engine import Engine
from knowledge.store import models
from knowledge.store.engines import session_factory
from knowledge.store.exporting import export_document
from knowledge.store.rights import SystemWriter
from tests.bot_support import NOON, TODAY, TOKEN, Harness, RecordingSession, unhurried

SUPER_ADMIN = 100
EDITOR = 200
STRANGER = 300
KHARKIV = "UA63120270000028556"


class FileServingSession(RecordingSession):
    """Also answers getFile and serves the bytes of documents users sent."""

    def __init__(self) -> None:
        super().__init__()
        self.files: dict[str, bytes] = {}
        self.downloads: list[str] = []
        self._documents = count(1)

    def _result(self, method: TelegramMethod[Any]) -> Any:
        if isinstance(method, GetFile):
            data = self.files[method.file_id]
            return {
                "file_id": method.file_id,
                "file_unique_id": method.file_id,
                "file_size": len(data),
                "file_path": f"documents/{method.file_id}",
            }
        if isinstance(method, SendDocument):
            sent = method.document
            name = sent.filename if isinstance(sent, BufferedInputFile) else "file"
            number = next(self._documents)
            return self._message(
                method.chat_id,
                document={
                    "file_id": f"sent{number}",
                    "file_unique_id": f"s{number}",
                    "file_name": name,
                },
            )
        return super()._result(method)

    async def stream_content(
        self,
        url: str,
        headers: dict[str, Any] | None = None,
        timeout: int = 30,  # noqa: ASYNC109 - the base signature
        chunk_size: int = 65536,
        raise_for_status: bool = True,
    ) -> AsyncGenerator[bytes, None]:
        file_id = url.rsplit("/", 1)[-1]
        self.downloads.append(file_id)
        data = self.files[file_id]
        for start in range(0, len(data), chunk_size):
            yield data[start : start + chunk_size]


def admin_settings(database_url: str) -> Settings:
    """Settings naming SUPER_ADMIN as the only super-admin."""
    return Settings(
        _env_file=None, bot_token=TOKEN, database_url=database_url, admin_ids=(SUPER_ADMIN,)
    )


def admin_services(engine: AsyncEngine, qa_engine: Engine) -> BotServices:
    """Services on the engine's database with the admin settings and a fixed today."""
    url = engine.url.render_as_string(hide_password=False)
    return BotServices(
        admin_settings(url), engine, qa_engine, today=lambda: TODAY, now=lambda: NOON
    )


class FileHarness(Harness):
    """The harness, able to send documents as a user would."""

    session: FileServingSession

    async def send_document(
        self,
        data: bytes,
        filename: str,
        *,
        user_id: int = SUPER_ADMIN,
        caption: str | None = None,
        file_size: int | None = None,
        language_code: str = "en",
    ) -> list[TelegramMethod[Any]]:
        """A user sends a file; Telegram states its size (`file_size`, the real one by default)."""
        file_id = f"upload{len(self.session.files) + 1}"
        self.session.files[file_id] = data
        message = Message(
            message_id=next(self._update_ids) + 10_000,
            date=dt.datetime.now(dt.UTC),
            chat=Chat(id=user_id, type="private", first_name="Admin"),
            from_user=User(
                id=user_id, is_bot=False, first_name="Admin", language_code=language_code
            ),
            document=Document(
                file_id=file_id,
                file_unique_id=file_id,
                file_name=filename,
                file_size=len(data) if file_size is None else file_size,
            ),
            caption=caption,
        )
        return await self.feed(Update(update_id=next(self._update_ids), message=message))


def file_harness(services: BotServices) -> FileHarness:
    """The real bot and dispatcher over a file-serving recording session."""
    session = FileServingSession()
    bot = create_bot(services.settings, session=session)
    return FileHarness(bot, create_dispatcher(services, flood_gate=unhurried()), session, services)


async def grant_editor(engine: AsyncEngine, user_id: int, hromada: str | None = None) -> None:
    """Give someone an editing right, as /grant would."""
    async with session_factory(engine)() as session:
        await permissions.grant(session, Admin(SUPER_ADMIN, (SUPER_ADMIN,)), user_id, hromada)


async def stored(engine: AsyncEngine) -> KnowledgeDocument:
    """The whole knowledge base as stored now."""
    async with session_factory(engine)() as session:
        return await export_document(session, all_hromadas=True)


async def audit_count(engine: AsyncEngine) -> int:
    """How many audit entries there are."""
    async with session_factory(engine)() as session:
        found = await session.scalar(select(func.count()).select_from(models.AuditEntryRow))
    return found or 0


async def admin_settings_rows(engine: AsyncEngine) -> dict[str, str]:
    """The administrative settings stored in the database."""
    async with session_factory(engine)() as session:
        rows = await session.scalars(select(models.AdminSettingRow))
        return {row.key: row.value for row in rows}


AGREEMENTS_HEADER = (
    "hromada,partner_city,partner_country,kind,status,signed_on,expires_on,"
    "source_title,source_url,source_date,notes"
)


async def import_rows(engine: AsyncEngine, *rows: str, entered: dt.date = TODAY) -> None:
    """Write agreement rows as an applied import would (audited as created), entered on the
    day `entered` (the harness's `TODAY`), as a bot whose clock says that day would enter them."""
    with entered_on(entered):
        parsed = read_import("\n".join([AGREEMENTS_HEADER, *rows]).encode(), "rows.csv")
        assert parsed.rejected == []
        async with session_factory(engine)() as session:
            await apply_import(session, parsed, writer=SystemWriter("test:import"))
