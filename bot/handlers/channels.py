"""Channels: the bot only posts cards there (see bot.publishing); it reads no channel posts."""

from __future__ import annotations

from aiogram import Router
from aiogram.types import Message

from bot.routing import Handlers

router = Handlers(__name__)


@router.channel_post()
async def ignore_channel_post(message: Message) -> None:
    """Channel posts are not questions."""


@router.edited_channel_post()
async def ignore_edited_channel_post(message: Message) -> None:
    """Nor are their edits."""


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
