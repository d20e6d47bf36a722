"""/language: a chat chooses its language; in a group only its administrators may."""

from __future__ import annotations

import datetime as dt

from aiogram import Bot, F, Router
from aiogram.filters import Command
from aiogram.types import CallbackQuery, Chat, Message
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _

from bot.callbacks import LanguageChoice
from bot.keyboards.language_buttons import LANGUAGE_NAMES, language_keyboard
from bot.replies import say, show_instead
from bot.routing import Handlers
from bot.services import BotServices
from bot.texts import escaped

router = Handlers(__name__)
ADMIN_STATUSES = frozenset({"administrator", "creator"})


async def may_choose(
    bot: Bot, chat: Chat, user_id: int | None, sender_chat: Chat | None = None
) -> bool:
    """Anyone in a private chat; in a group, its administrators, anonymous ones included (a
    message whose sender_chat is the group itself; its `from` is Telegram's shared
    GroupAnonymousBot, no member of anything)."""
    if chat.type == "private":
        return True
    if sender_chat is not None:
        return sender_chat.id == chat.id
    if user_id is None:
        return False
    member = await bot.get_chat_member(chat.id, user_id)
    return member.status in ADMIN_STATUSES


async def speaks_for_the_chat(bot: Bot, message: Message) -> bool:
    """Whether the message's sender may change the chat's settings: `may_choose` for it."""
    user_id = message.from_user.id if message.from_user is not None else None
    return await may_choose(bot, message.chat, user_id, message.sender_chat)


def _refusal() -> str:
    return _("Only the group's administrators can change its language.")


@router.message(Command("language"))
async def cmd_language(message: Message, bot: Bot, lang: str) -> None:
    """Offer the languages."""
    if not await speaks_for_the_chat(bot, message):
        await say(message, _refusal(), reply=True)
        return
    await say(message, _("Choose the language I answer in:"), language_keyboard(lang))


@router.callback_query(LanguageChoice.filter(F.code.in_(LANGUAGE_NAMES)))
async def choose_language(
    callback: CallbackQuery,
    callback_data: LanguageChoice,
    bot: Bot,
    services: BotServices,
    i18n: I18n,
) -> None:
    """Save the choice for the chat and confirm it in the new language."""
    message = callback.message
    if not isinstance(message, Message):
        await callback.answer(_("This button is no longer valid."), show_alert=True)
        return
    if not await may_choose(bot, message.chat, callback.from_user.id):
        await callback.answer(_refusal(), show_alert=True)
        return
    code = callback_data.code
    await services.chat_languages.choose(message.chat.id, code, dt.datetime.now(dt.UTC))
    with i18n.use_locale(code):
        confirmation = _("From now on I answer in English.")
    await callback.answer()
    await show_instead(message, escaped(confirmation), language_keyboard(code))


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
