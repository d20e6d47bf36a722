"""/subscribe, /unsubscribe and /subscriptions: residents follow a hromada's new partnerships."""

from __future__ import annotations

from aiogram import Bot, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.handlers.language import speaks_for_the_chat
from bot.replies import say
from bot.routing import Handlers
from bot.services import BotServices
from bot.texts import problem_reply
from knowledge.admin.subscribers import subscribe, subscriptions_of, unsubscribe
from knowledge.facts.messages import Problem
from knowledge.places.hromadas import Resolved, shipped_index

router = Handlers(__name__)
# /unsubscribe with one of these words ends every subscription of the chat.
EVERYTHING = ("all", "усі", "всі", "все")


def _hromada_code(text: str) -> str | Problem:
    resolved = shipped_index().resolve(text)
    return resolved.code if isinstance(resolved, Resolved) else resolved


def _name(services: BotServices, code: str, lang: str) -> str:
    hromada = services.engine.snapshot.hromadas.get(code)
    if hromada is None:
        return code
    return hromada.name_uk if lang == "uk" else hromada.name_en


def _refusal() -> str:
    return _("Only the group's administrators can change what it follows.")


def topic_of(message: Message) -> int | None:
    """The forum topic (message_thread_id) the message was written in, if any."""
    return message.message_thread_id if message.is_topic_message else None


@router.message(Command("subscribe"))
async def cmd_subscribe(
    message: Message,
    command: CommandObject,
    bot: Bot,
    services: BotServices,
    lang: str,
) -> None:
    """Follow a hromada: a short message whenever a new agreement or aid is recorded; in a
    group, for its administrators, and into the topic the command was sent in."""
    if not await speaks_for_the_chat(bot, message):
        await say(message, _refusal(), reply=True)
        return
    text = (command.args or "").strip()
    if not text:
        await say(message, _("Name the hromada, such as /subscribe Kharkiv."))
        return
    code = _hromada_code(text)
    if isinstance(code, Problem):
        await say(message, problem_reply(code))
        return
    added = await services.work(subscribe, message.chat.id, code, topic_of(message))
    name = _name(services, code, lang)
    reply = (
        _("Subscribed: I will tell you about new partnerships and aid of {hromada} hromada.")
        if added
        else _("You already follow {hromada} hromada.")
    )
    await say(message, reply.format(hromada=name))


@router.message(Command("unsubscribe"))
async def cmd_unsubscribe(
    message: Message,
    command: CommandObject,
    bot: Bot,
    services: BotServices,
    lang: str,
) -> None:
    """Stop following one hromada, or every one with "all"; in a group, for its
    administrators."""
    if not await speaks_for_the_chat(bot, message):
        await say(message, _refusal(), reply=True)
        return
    text = (command.args or "").strip()
    if not text:
        await say(
            message, _("Name the hromada, such as /unsubscribe Kharkiv, or /unsubscribe all.")
        )
        return
    code: str | None = None
    if text.lower() not in EVERYTHING:
        found = _hromada_code(text)
        if isinstance(found, Problem):
            await say(message, problem_reply(found))
            return
        code = found
    ended = await services.work(unsubscribe, message.chat.id, code)
    if not ended:
        await say(message, _("There was no such subscription."))
    elif code is None:
        await say(message, _("You no longer follow any hromada."))
    else:
        name = _name(services, code, lang)
        await say(message, _("You no longer follow {hromada} hromada.").format(hromada=name))


@router.message(Command("subscriptions"))
async def cmd_subscriptions(message: Message, services: BotServices, lang: str) -> None:
    """The hromadas this chat follows."""
    followed = await services.work(subscriptions_of, message.chat.id)
    if not followed:
        await say(
            message, _("You follow no hromada yet. Send /subscribe and its name, such as Kharkiv.")
        )
        return
    lines = [_("You follow:")]
    lines += [f"• {item.name_uk if lang == 'uk' else item.name_en}" for item in followed]
    await say(message, "\n".join(lines))


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
