"""/admins, /grant and /revoke: super-admins decide who may edit, optionally per hromada."""

from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.filters import Command, CommandObject
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.arguments import looks_numeric, telegram_id, user_id
from bot.commands import set_editor_menu
from bot.filters.admin import IsAdmin, refuse
from bot.replies import say
from bot.routing import DialogOrCommand, Handlers
from bot.services import BotServices
from knowledge.admin import permissions
from knowledge.admin.common import Admin
from knowledge.admin.forms import FormError, resolve_hromada
from knowledge.admin.wording import admins_text

router = Handlers(__name__)
router.message.filter(F.chat.type == "private")
COMMANDS = ("admins", "grant", "revoke")


def _target(message: Message, command: CommandObject) -> tuple[int | None, str]:
    """The user id (first argument, or the author of the replied message) and the rest; None
    for a number that can be no user's id (0, negative, beyond Telegram's 64 bits). /revoke
    also takes a chat's non-zero id, to take back a right given to one."""
    words = (command.args or "").split(maxsplit=1)
    if words and looks_numeric(words[0]):
        read = user_id if command.command == "grant" else telegram_id
        return read(words[0]), words[1] if len(words) > 1 else ""
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None:
        return replied.from_user.id, " ".join(words)
    return None, " ".join(words)


@router.message(Command("admins"), IsAdmin(super_only=True))
async def cmd_admins(message: Message, services: BotServices, lang: str) -> None:
    """List the super-admins and the editors with their hromadas."""
    admins = await services.work(permissions.list_admins, services.settings.admin_ids)
    await say(message, admins_text(admins, lang))


async def _change_right(
    message: Message,
    bot: Bot,
    command: CommandObject,
    admin: Admin,
    services: BotServices,
) -> None:
    user_id, rest = _target(message, command)
    if user_id is None:
        await say(
            message,
            _(
                "Write the user's numeric id and, if the right is for one hromada only, its"
                " name or code: /{command} 123456789 Kharkiv"
            ).format(command=command.command),
        )
        return
    try:
        code = (await services.work(resolve_hromada, rest)).code if rest.strip() else None
    except FormError:
        await say(message, _("I don't know a hromada called “{name}”.").format(name=rest.strip()))
        return
    if command.command == "grant":
        done = await services.work(permissions.grant, admin, user_id, code)
        still_editor = True
        text = _("User {user} may now edit.") if done else _("User {user} already may edit.")
    else:
        count = await services.work(permissions.revoke, admin, user_id, code)
        still_editor = await services.work(permissions.can_edit, user_id, None, admin.super_admins)
        text = (
            _("User {user} may no longer edit.") if count else _("User {user} had no such right.")
        )
    # Committed: the admin gate reads the changed right at the user's next step.
    await services.editor_rights.forget(user_id)
    text = text.format(user=user_id)
    if user_id not in admin.super_admins:
        shown = await set_editor_menu(bot, user_id, still_editor)
        if not shown and still_editor:
            text += " " + _("Their editing commands appear in the menu once they open the bot.")
    await say(message, text)


@router.message(Command("grant", "revoke"), IsAdmin(super_only=True))
async def cmd_grant_or_revoke(
    message: Message,
    bot: Bot,
    command: CommandObject,
    admin: Admin,
    services: BotServices,
) -> None:
    """Grant or take away an editing right, for one hromada or all."""
    await _change_right(message, bot, command, admin, services)


@router.message(Command(*COMMANDS))
async def refuse_rights(message: Message) -> None:
    """Anyone else: a polite refusal, nothing changes."""
    await refuse(message)


def get_router() -> Router:
    """This feature's handlers as a new router, skipped for anything but a command."""
    return router.build(guards={"message": [DialogOrCommand()]})
