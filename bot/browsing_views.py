"""Browsing views: the text and the buttons of a hromada, a partners page, an agreement."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup

from bot.keyboards.browsing_buttons import agreement_keyboard, hromada_keyboard, partners_keyboard
from bot.services import BotServices
from bot.texts import card_html
from knowledge.render.cards import (
    agreement_card,
    agreement_or_fail,
    hromada_card,
    partner_button,
    partners_page,
    place_coordinates,
)
from knowledge.render.lang import Language

View = tuple[str, InlineKeyboardMarkup | None]


def hromada_view(services: BotServices, lang: str, code: str, answer_lang: str = "") -> View:
    """A hromada's card with the way into its partners; UnknownRecordError if there is none.

    What its buttons open is in `answer_lang` when browsing began under an answer in it.
    """
    snapshot = services.engine.snapshot
    card = hromada_card(Language(lang), snapshot, code)
    has_partners = bool(snapshot.agreements_by_hromada.get(code))
    return card_html(card), hromada_keyboard(code, has_partners, answer_lang)


def partners_view(
    services: BotServices, lang: str, code: str, page: int, answer_lang: str = ""
) -> View:
    """A page of the hromada's partners, a button per agreement; its other pages open in
    `answer_lang` when the first was opened from an answer in it, else in the chat's."""
    language = Language(lang)
    snapshot = services.engine.snapshot
    shown = partners_page(language, snapshot, code, page)
    labels = [partner_button(language, snapshot, agreement) for agreement in shown.agreements]
    return card_html(shown.card), partners_keyboard(code, shown, labels, answer_lang)


def agreement_view(services: BotServices, lang: str, key: str, answer_lang: str = "") -> View:
    """An agreement's card, with the map and the aid from the partner's country; what its
    buttons open is in `answer_lang` when browsing began under an answer in it."""
    snapshot = services.engine.snapshot
    agreement = agreement_or_fail(snapshot, key)
    place = snapshot.places[agreement.place]
    card = agreement_card(Language(lang), snapshot, key)
    located = place_coordinates(place) is not None
    keyboard = agreement_keyboard(key, agreement.hromada, located, answer_lang)
    return card_html(card), keyboard
