"""Residents reach a person: "Suggest a correction" under an answer goes to the hromada's
editors, who may reply through the bot; /unanswered shows editors what the bot could not answer.
"""

from __future__ import annotations

import logging
from contextlib import nullcontext

from aiogram import Bot, F, Router
from aiogram.dispatcher.event.bases import SkipHandler
from aiogram.exceptions import TelegramAPIError
from aiogram.filters import Command, StateFilter
from aiogram.fsm.context import FSMContext
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, InlineKeyboardMarkup, Message
from aiogram.utils.i18n import I18n, ngettext
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import CorrectionReply, SuggestCorrection
from bot.delivery import refuses_the_bot
from bot.filters.admin import IsAdmin, refuse
from bot.replies import say, send_to
from bot.routing import CallbackPrefix, DialogOrCommand, Handlers
from bot.services import BotServices
from bot.texts import escaped
from knowledge.admin.chats import pause_chat
from knowledge.admin.common import Admin
from knowledge.admin.editing_state import CorrectionDraft, ReplyDraft
from knowledge.admin.permissions import can_edit
from knowledge.admin.residents import (
    Correction,
    UnansweredGroup,
    correction,
    correction_recipients,
    record_reply,
    save_correction,
    unanswered_for,
)
from knowledge.render.lang import LANGUAGES, Language

router = Handlers(__name__)
logger = logging.getLogger(__name__)
# Checked before every command's own router: a command leaves the correction or the reply.
exits = Handlers(f"{__name__}.exits")
COMMANDS = ("unanswered",)
# A correction is a short message; a longer one is kept cut to this many characters.
CORRECTION_LENGTH = 1000


class FeedbackStep(StatesGroup):
    """A resident writes a correction; an editor writes a reply to one."""

    correction = State()
    reply = State()


def _hromada_name(services: BotServices, code: str | None, lang: str) -> str | None:
    """The hromada as residents know it: its centre's name («Полтава», not «Полтавська»)."""
    hromada = None if code is None else services.engine.snapshot.hromadas.get(code)
    if hromada is None:
        return None
    return Language(lang).hromada(hromada)


async def _language_of(services: BotServices, chat_id: int) -> str:
    saved = await services.chat_languages.get(chat_id)
    return saved or services.settings.default_locale


@router.callback_query(SuggestCorrection.filter(), F.message.chat.type == "private")
async def on_suggest(
    query: CallbackQuery, callback_data: SuggestCorrection, state: FSMContext, i18n: I18n
) -> None:
    """Ask the resident, in the answer's language, what is wrong or missing in the answer
    above the button."""
    await query.answer()
    if not isinstance(query.message, Message):
        return
    await state.set_state(FeedbackStep.correction)
    draft = CorrectionDraft(hromada=callback_data.hromada or None, answer=query.message.text or "")
    await state.update_data(draft.to_data())
    with i18n.use_locale(callback_data.lang) if callback_data.lang in LANGUAGES else nullcontext():
        prompt = _(
            "What is wrong or missing in this answer? Write it in one message, with a"
            " source if you have one: the hromada's editors will read it. To leave without"
            " sending anything, send /cancel (any other command leaves too)."
        )
    await say(query.message, prompt)


@exits.message(StateFilter(FeedbackStep), F.text.startswith("/"), ~Command("cancel"))
async def leave_on_command(message: Message, state: FSMContext) -> None:
    """Any command but /cancel leaves the correction or the reply unsent, says so, and then
    does what it does: the text after it is never taken for the correction."""
    left = await state.get_state()
    await state.clear()
    if left == FeedbackStep.reply.state:
        await say(message, _("Your reply was not sent."))
    else:
        await say(message, _("Your correction was not sent."))
    raise SkipHandler


@router.message(Command("cancel"), StateFilter(FeedbackStep))
async def cancel(message: Message, state: FSMContext) -> None:
    """Leave the correction or the reply; nothing is sent."""
    await state.clear()
    await say(message, _("Cancelled. Nothing was sent."))


@router.message(FeedbackStep.correction, F.text, ~F.text.startswith("/"))
async def on_correction(
    message: Message, state: FSMContext, bot: Bot, services: BotServices, lang: str
) -> None:
    """Keep the correction and pass it to the editors, each in their own language."""
    if message.from_user is None or message.text is None:
        return
    draft = CorrectionDraft.from_data(await state.get_data()) or CorrectionDraft()
    await state.clear()
    saved = await services.work(
        save_correction,
        hromada_code=draft.hromada,
        user_id=message.from_user.id,
        chat_id=message.chat.id,
        lang=lang,
        answer=draft.answer,
        text=message.text,
        now=services.now(),
    )
    recipients = await services.work(
        correction_recipients, saved.hromada_code, services.settings.admin_ids
    )
    # The resident is thanked first: the editors' message, with its Reply button, comes last
    # (in the local chat the one person is both).
    name = _hromada_name(services, saved.hromada_code, lang)
    thanks = (
        _("Thank you! The editors of {hromada} will read it, and may answer you here.").format(
            hromada=name
        )
        if name
        else _("Thank you! The editors will read it, and may answer you here.")
    )
    await say(message, thanks)
    reached = await _pass_on(bot, services, saved, recipients)
    if not reached:
        # Every editor of the hromada refuses the bot: the super-admins read it instead.
        others = [admin for admin in services.settings.admin_ids if admin not in recipients]
        await _pass_on(bot, services, saved, sorted(others))


async def _pass_on(
    bot: Bot, services: BotServices, item: Correction, recipients: list[int]
) -> bool:
    """Send the correction to each recipient, in their language; whether any got it. A
    recipient who refuses the bot (blocked it, an id that is no chat) is paused and skipped."""
    reached = False
    for recipient in recipients:
        editor_lang = await _language_of(services, recipient)
        try:
            await send_to(
                bot,
                recipient,
                escaped(_correction_text(services, item, editor_lang)),
                _reply_keyboard(item.id, editor_lang),
            )
        except TelegramAPIError as error:
            if not refuses_the_bot(error):
                raise
            logger.info("Editor chat %s refuses the bot: %s", recipient, error.message)
            await services.work(pause_chat, recipient)
            continue
        reached = True
    return reached


def _correction_text(services: BotServices, item: Correction, lang: str) -> str:
    language = Language(lang)
    name = _hromada_name(services, item.hromada_code, lang)
    if name:
        header = language.gettext("Correction #{id} from a resident, about {hromada}:").format(
            id=item.id, hromada=name
        )
    else:
        header = language.gettext("Correction #{id} from a resident:").format(id=item.id)
    return "\n".join(
        [
            header,
            f"«{item.text}»",
            "",
            language.gettext("The answer it refers to:"),
            item.answer,
        ]
    )


def _reply_keyboard(correction_id: int, lang: str) -> InlineKeyboardMarkup:
    builder = InlineKeyboardBuilder()
    builder.button(
        text=Language(lang).gettext("Reply to the resident"),
        callback_data=CorrectionReply(id=correction_id),
    )
    return builder.as_markup()


@router.callback_query(CorrectionReply.filter(), IsAdmin())
async def on_reply_pressed(
    query: CallbackQuery,
    callback_data: CorrectionReply,
    state: FSMContext,
    services: BotServices,
    admin: Admin,
) -> None:
    """An editor of the hromada starts a reply."""
    found = await services.work(correction, callback_data.id)
    allowed = found is not None and await services.work(
        can_edit, admin.user_id, found.hromada_code, admin.super_admins
    )
    if found is None or not allowed or not isinstance(query.message, Message):
        await refuse(query)
        return
    if found.replied:
        await query.answer(_already_answered(found.id), show_alert=True)
        return
    await query.answer()
    await state.set_state(FeedbackStep.reply)
    await state.update_data(ReplyDraft(correction_id=found.id).to_data())
    await say(
        query.message,
        _(
            "Your reply to correction #{id}? It reaches the resident from the bot. /cancel stops."
        ).format(id=found.id),
    )


@router.message(FeedbackStep.reply, F.text, ~F.text.startswith("/"), IsAdmin())
async def on_reply(
    message: Message, state: FSMContext, bot: Bot, services: BotServices, admin: Admin
) -> None:
    """Send the editor's reply to the resident, in the resident's language."""
    if message.text is None:
        return
    reply = ReplyDraft.from_data(await state.get_data())
    await state.clear()
    if reply is None:
        return
    found = await services.work(correction, reply.correction_id)
    if found is None:
        return
    taken = await services.work(
        record_reply, found.id, admin.user_id, message.text, services.now()
    )
    if not taken:
        await say(message, _already_answered(found.id))
        return
    language = Language(found.lang)
    name = _hromada_name(services, found.hromada_code, found.lang)
    header = (
        language.gettext("The editors of {hromada} replied to your correction «{text}»:").format(
            hromada=name, text=found.text
        )
        if name
        else language.gettext("The editors replied to your correction «{text}»:").format(
            text=found.text
        )
    )
    try:
        await send_to(bot, found.chat_id, escaped(f"{header}\n{message.text}"))
    except TelegramAPIError as error:
        if not refuses_the_bot(error):
            raise
        logger.info("Resident chat %s refuses the bot: %s", found.chat_id, error.message)
        await services.work(pause_chat, found.chat_id)
        await say(
            message,
            _(
                "The resident can't be reached: they have blocked the bot or their chat is"
                " gone. Your reply was not delivered."
            ),
        )
        return
    await say(message, _("Sent to the resident."))


def _already_answered(correction_id: int) -> str:
    return _(
        "Correction #{id} has been answered already: the resident got one reply. Nothing was sent."
    ).format(id=correction_id)


@router.message(Command("unanswered"), IsAdmin())
async def cmd_unanswered(message: Message, services: BotServices, admin: Admin, lang: str) -> None:
    """The questions the bot could not answer, per hromada the editor may edit, counted."""
    groups = await services.work(unanswered_for, admin)
    if not groups:
        await say(message, _("No unanswered questions so far."))
        return
    lines = [_("Questions I could not answer:")]
    for group in groups:
        lines += ["", _group_header(services, group, lang)]
        lines += [
            _question_line(question.question, question.count) for question in group.questions
        ]
    lines += [
        "",
        _("Add the missing facts with /new_agreement or /new_aid, or /import a sheet."),
    ]
    await say(message, "\n".join(lines))


def _group_header(services: BotServices, group: UnansweredGroup, lang: str) -> str:
    name = _hromada_name(services, group.hromada_code, lang)
    count = group.total
    if name is None:
        return ngettext(
            "About no hromada: {count} question", "About no hromada: {count} questions", count
        ).format(count=count)
    return ngettext("{hromada}: {count} question", "{hromada}: {count} questions", count).format(
        hromada=name, count=count
    )


def _question_line(question: str, count: int) -> str:
    if count == 1:
        return f"• «{question}»"
    return ngettext(
        "• «{question}», asked {count} time", "• «{question}», asked {count} times", count
    ).format(question=question, count=count)


@router.message(Command(*COMMANDS))
async def refuse_feedback(message: Message) -> None:
    """Anyone else: a polite refusal."""
    await refuse(message)


def get_exit_router() -> Router:
    """The handler that lets any command leave a correction or a reply, built to be checked
    before the commands' own routers."""
    return exits.build(guards={"message": [DialogOrCommand(FeedbackStep)]})


def get_router() -> Router:
    """This feature's handlers as a new router, skipped unless a command, its dialog or one of
    its buttons."""
    prefixes = (SuggestCorrection.__prefix__, CorrectionReply.__prefix__)
    return router.build(
        guards={
            "message": [DialogOrCommand(FeedbackStep)],
            "callback_query": [CallbackPrefix(*prefixes)],
        }
    )
