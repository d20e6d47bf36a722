"""/history and /undo: recent changes, and putting a record back as it was (confirmed first)."""

from __future__ import annotations

from aiogram import Router
from aiogram.filters import Command, CommandObject
from aiogram.fsm.context import FSMContext
from aiogram.types import Message
from aiogram.utils.i18n import gettext as _

from bot.arguments import record_number
from bot.filters.admin import IsAdmin, refuse
from bot.handlers.admin_editing import confirm_keyboard
from bot.handlers.admin_editing.preview import await_confirm
from bot.replies import say
from bot.routing import DialogOrCommand, Handlers
from bot.services import BotServices
from knowledge.admin.common import Admin, FieldChange
from knowledge.admin.editing_state import Operation, PendingChange
from knowledge.admin.forms import latest_change_id
from knowledge.admin.history import audited_change, batch_changes, check_undo, recent_changes
from knowledge.admin.wording import (
    change_lines,
    history_text,
    undo_preview_line,
    undo_question,
)
from knowledge.facts.vocabulary import AuditAction

router = Handlers(__name__)
COMMANDS = ("history", "undo")


@router.message(Command("history"), IsAdmin())
async def cmd_history(
    message: Message, command: CommandObject, services: BotServices, admin: Admin, lang: str
) -> None:
    """The latest changes, of everything or of one record (by its key), that the admin may
    see: an editor of some hromadas sees theirs, and no one else's rights."""
    key = (command.args or "").strip() or None
    changes = await services.work(recent_changes, key=key, viewer=admin)
    await say(message, history_text(changes, lang))


@router.message(Command("undo"), IsAdmin())
async def cmd_undo(
    message: Message,
    command: CommandObject,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
    lang: str,
) -> None:
    """Show what undoing a change (the latest by default) would do, checked by undoing it on
    trial; wait for Confirm."""
    await state.clear()
    text = (command.args or "").strip().lstrip("#")
    number = record_number(text) if text else None
    if text and number is None:
        await say(message, _("Send the change number, such as /undo 42."))
        return
    change_id = number if number is not None else await services.work(latest_change_id, admin)
    change = None if change_id is None else await services.work(audited_change, change_id)
    if change is None:
        await say(message, _("There is no such change to undo."))
        return
    together = [] if change.batch is None else await services.work(batch_changes, change.batch)
    batch = change.batch if len(together) > 1 else None
    # Undone on trial and rolled back, so what Confirm would refuse is said now.
    await services.work(check_undo, admin, change_id=None if batch else change.id, batch=batch)
    if batch is not None:
        lines = [
            _("Change #{id} was made together with others; all of them will be undone:").format(
                id=change.id
            ),
            *(undo_preview_line(item, lang) for item in together[:20]),
        ]
        if len(together) > 20:
            lines.append("…")
    else:
        restored = [FieldChange(item.field, item.after, item.before) for item in change.changes]
        lines = [undo_question(change, lang)]
        if change.action != AuditAction.CREATE.value:
            lines += change_lines(restored, lang, change.entity)
    pending = PendingChange(
        operation=Operation.UNDO,
        entity=change.entity,
        key=change.key,
        change_id=change.id,
        batch=batch,
    )
    await await_confirm(state, pending)
    await say(message, "\n".join(lines), reply_markup=confirm_keyboard())


@router.message(Command(*COMMANDS))
async def refuse_history(message: Message) -> None:
    """Anyone else: a polite refusal."""
    await refuse(message)


def get_router() -> Router:
    """This feature's handlers as a new router, skipped for anything but a command."""
    return router.build(guards={"message": [DialogOrCommand()]})
