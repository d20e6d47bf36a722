"""What nothing else handled: stale or forged buttons, unknown commands, non-text messages."""

from __future__ import annotations

from collections import OrderedDict

from aiogram import F, Router
from aiogram.enums import ContentType
from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import gettext as _

from bot.handlers.browse import stale
from bot.replies import say
from bot.routing import Handlers

router = Handlers(__name__)
# What a person sends; service messages (a pin, an auto-delete timer, members joining) are
# Telegram's own notes and get no reply.
SENT_BY_PEOPLE = frozenset(
    {
        ContentType.PHOTO,
        ContentType.VIDEO,
        ContentType.ANIMATION,
        ContentType.AUDIO,
        ContentType.VOICE,
        ContentType.VIDEO_NOTE,
        ContentType.DOCUMENT,
        ContentType.STICKER,
        ContentType.CONTACT,
        ContentType.VENUE,
        ContentType.POLL,
        ContentType.DICE,
        ContentType.STORY,
        ContentType.PAID_MEDIA,
    }
)
# The albums answered lately, newest last; a few hundred cover any burst.
_ALBUMS_ANSWERED: OrderedDict[str, None] = OrderedDict()
_ALBUMS_KEPT = 512


class FirstOfAlbum(Filter):
    """Passes a message outside albums, and the first one seen of an album: an album is one
    message to its sender, though Telegram sends each photo apart. (No await between the
    check and the mark: two photos handled at once cannot both pass.)"""

    async def __call__(self, message: Message) -> bool:
        album = message.media_group_id
        if album is None:
            return True
        if album in _ALBUMS_ANSWERED:
            return False
        _ALBUMS_ANSWERED[album] = None
        while len(_ALBUMS_ANSWERED) > _ALBUMS_KEPT:
            _ALBUMS_ANSWERED.popitem(last=False)
        return True


@router.callback_query()
async def unknown_button(callback: CallbackQuery) -> None:
    """Data this bot did not write, or wrote for a version that is gone."""
    await stale(callback)


@router.message(F.chat.type == "private", F.text.startswith("/"))
async def unknown_command(message: Message) -> None:
    """A command the bot does not have."""
    await say(message, _("I do not know that command. Send /help to see what I can do."))


@router.message(F.chat.type == "private", F.content_type.in_(SENT_BY_PEOPLE), FirstOfAlbum())
async def not_text(message: Message) -> None:
    """Stickers, photos, voice: the bot reads text."""
    await say(message, _("I understand text questions only. Please write your question."))


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
