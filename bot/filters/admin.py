"""The admin gate: every admin message and button re-checks the right (kept between updates
by `services.editor_rights`, forgotten when /grant or /revoke changes it), and an admin's
update waits, as a question does, for the tables read beside the start-up."""

from __future__ import annotations

from typing import Any

from aiogram.filters import Filter
from aiogram.types import CallbackQuery, Message, User
from aiogram.utils.i18n import gettext as _

from bot.replies import say
from bot.services import BotServices
from knowledge.admin.common import Admin


class IsAdmin(Filter):
    """Passes `admin` (an Admin) when the sender may edit; with `super_only`, super-admins only.

    The check runs on every update, so a revoked editor is refused at the very next step.
    Messages pass in private chats only, unless `private_only` is off (a log chat is a group).
    An update that passes first awaits `services.ready_to_answer()`: an admin's new place,
    agreement or import looks foreign towns up (GeoNames' table, read beside the start-up),
    and the lookup would otherwise hold the event loop until that table is read.
    """

    def __init__(self, *, super_only: bool = False, private_only: bool = True) -> None:
        self.super_only = super_only
        self.private_only = private_only

    async def __call__(
        self,
        event: Message | CallbackQuery,
        services: BotServices,
        event_from_user: User | None = None,
    ) -> bool | dict[str, Any]:
        if event_from_user is None:
            return False
        if self.private_only and isinstance(event, Message) and event.chat.type != "private":
            return False
        super_admins = services.settings.admin_ids
        admin = Admin(event_from_user.id, super_admins)
        if self.super_only:
            allowed = admin.user_id in super_admins
        else:
            allowed = admin.user_id in super_admins or await services.editor_rights.may_edit(
                admin.user_id
            )
        if not allowed:
            return False
        await services.ready_to_answer()
        return {"admin": admin}


def refusal_text() -> str:
    """The polite refusal a non-admin gets."""
    return _(
        "Sorry, this command is for the knowledge base editors only. Nothing was changed."
        " Ask me a question instead, or send /help."
    )


def how_to_become_an_editor(user_id: int) -> str:
    """Who gives the editors' right, with the user's Telegram id to give it to."""
    return _(
        "Your Telegram id is {id}. A super-admin can make you an editor with /grant {id};"
        " whoever runs the bot can make you a super-admin with ADMIN_IDS={id} in its settings."
    ).format(id=user_id)


async def refuse(event: Message | CallbackQuery) -> None:
    """Refuse politely, saying how the right is given; nothing else happens."""
    if isinstance(event, CallbackQuery):
        # An alert holds 200 characters: the refusal alone.
        await event.answer(refusal_text(), show_alert=True)
        return
    text = refusal_text()
    if event.from_user is not None:
        text += "\n" + how_to_become_an_editor(event.from_user.id)
    await say(event, text)
