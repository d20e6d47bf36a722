"""Browsing with buttons: a hromada → its partners page by page → an agreement → map, aid."""

from __future__ import annotations

from collections.abc import Callable

from aiogram import Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message
from aiogram.utils.i18n import I18n
from aiogram.utils.i18n import gettext as _

from bot.browsing_views import View, agreement_view, hromada_view, partners_view
from bot.callbacks import (
    AgreementAid,
    AgreementMap,
    AgreementOpen,
    AnswerPage,
    AskQuestion,
    HromadaOpen,
    OfferedQuestion,
    PartnersOpen,
)
from bot.deeplinks import QuestionLink, decode_payload
from bot.replies import answer_page, answer_question, offered_question, send_text, show_instead
from bot.routing import Handlers
from bot.services import BotServices
from bot.texts import card_html
from knowledge.render.cards import aid_from_country, place_coordinates
from knowledge.render.lang import LANGUAGES, Language

router = Handlers(__name__)


async def stale(callback: CallbackQuery) -> None:
    """The polite reply to a button whose data no longer leads anywhere."""
    await callback.answer(
        _("This button is no longer valid. Please ask again or send /start."), show_alert=True
    )


async def _show(callback: CallbackQuery, view: View) -> None:
    message = callback.message
    if not isinstance(message, Message):
        await stale(callback)
        return
    text, keyboard = view
    await callback.answer()
    await show_instead(message, text, keyboard)


async def _show_record(callback: CallbackQuery, view: Callable[[], View]) -> None:
    # A record no longer in the knowledge base makes the button stale (UnknownRecordError,
    # told by the refusals' handler).
    await _show(callback, view())


def _answer_language(data_lang: str) -> str:
    """The answer's language a button carries, "" for the chat's (and for forged data)."""
    return data_lang if data_lang in LANGUAGES else ""


@router.callback_query(HromadaOpen.filter())
async def open_hromada(
    callback: CallbackQuery,
    callback_data: HromadaOpen,
    services: BotServices,
    lang: str,
    i18n: I18n,
) -> None:
    """Back to the hromada's card, in the language browsing began in."""
    answer_lang = _answer_language(callback_data.lang)
    shown = answer_lang or lang
    with i18n.use_locale(shown):
        await _show_record(
            callback, lambda: hromada_view(services, shown, callback_data.code, answer_lang)
        )


@router.callback_query(PartnersOpen.filter())
async def open_partners(
    callback: CallbackQuery,
    callback_data: PartnersOpen,
    services: BotServices,
    lang: str,
    i18n: I18n,
) -> None:
    """A page of partners, in the language of the answer the button was under."""
    answer_lang = _answer_language(callback_data.lang)
    shown = answer_lang or lang
    with i18n.use_locale(shown):
        await _show_record(
            callback,
            lambda: partners_view(
                services, shown, callback_data.code, callback_data.page, answer_lang
            ),
        )


@router.callback_query(AgreementOpen.filter())
async def open_agreement(
    callback: CallbackQuery,
    callback_data: AgreementOpen,
    services: BotServices,
    lang: str,
    i18n: I18n,
) -> None:
    """An agreement's card, in the language browsing began in."""
    key = services.agreement_key(callback_data.agreement)
    if key is None:
        await stale(callback)
        return
    answer_lang = _answer_language(callback_data.lang)
    shown = answer_lang or lang
    with i18n.use_locale(shown):
        await _show(callback, agreement_view(services, shown, key, answer_lang))


@router.callback_query(AgreementMap.filter())
async def show_on_map(
    callback: CallbackQuery, callback_data: AgreementMap, services: BotServices
) -> None:
    """The partner's location as a map pin."""
    key = services.agreement_key(callback_data.agreement)
    message = callback.message
    if key is None or not isinstance(message, Message):
        await stale(callback)
        return
    snapshot = services.engine.snapshot
    place = snapshot.places[snapshot.agreements[key].place]
    coordinates = place_coordinates(place)
    if coordinates is None:
        await callback.answer(_("The knowledge base has no coordinates for this place."))
        return
    await callback.answer()
    latitude, longitude = coordinates
    await message.answer_location(latitude=latitude, longitude=longitude)


@router.callback_query(AgreementAid.filter())
async def aid_from_partner_country(
    callback: CallbackQuery, callback_data: AgreementAid, services: BotServices, lang: str
) -> None:
    """The aid the hromada received from the partner's country, in the language browsing
    began in."""
    key = services.agreement_key(callback_data.agreement)
    message = callback.message
    if key is None or not isinstance(message, Message):
        await stale(callback)
        return
    shown = _answer_language(callback_data.lang) or lang
    card = aid_from_country(Language(shown), services.engine.snapshot, key)
    await send_text(message, card_html(card))
    await callback.answer()


@router.callback_query(AnswerPage.filter())
async def next_page(
    callback: CallbackQuery,
    callback_data: AnswerPage,
    state: FSMContext,
    services: BotServices,
    lang: str,
) -> None:
    """The next page of a long answer."""
    message = callback.message
    if not isinstance(message, Message) or not await answer_page(
        message, state, services, lang, callback_data.token, callback_data.page
    ):
        await stale(callback)
        return
    await callback.answer()


@router.callback_query(AskQuestion.filter())
async def ask_carried(
    callback: CallbackQuery,
    callback_data: AskQuestion,
    state: FSMContext,
    services: BotServices,
    lang: str,
    chosen_lang: str | None = None,
) -> None:
    """A suggested question asked by its button, which carries the question itself."""
    message = callback.message
    # Data this bot did not write makes the button stale (BadPayloadError, told by the
    # refusals' handler).
    link = decode_payload(callback_data.payload)
    if not isinstance(link, QuestionLink) or not isinstance(message, Message):
        await stale(callback)
        return
    await answer_question(message, state, services, lang, link.question, chosen_lang=chosen_lang)
    await callback.answer()


@router.callback_query(OfferedQuestion.filter())
async def ask_offered(
    callback: CallbackQuery,
    callback_data: OfferedQuestion,
    state: FSMContext,
    services: BotServices,
    lang: str,
    chosen_lang: str | None = None,
) -> None:
    """A suggested question or a reading of an ambiguous name, asked by its button."""
    message = callback.message
    question = await offered_question(state, callback_data.index)
    if question is None or not isinstance(message, Message):
        await stale(callback)
        return
    # Answered after the question, so that on failure the error handler answers it instead.
    await answer_question(message, state, services, lang, question, chosen_lang=chosen_lang)
    await callback.answer()


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
