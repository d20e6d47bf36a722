"""Buttons for browsing: a hromada → its partners, page by page → an agreement → map and aid."""

from __future__ import annotations

from aiogram.types import InlineKeyboardMarkup
from aiogram.utils.i18n import gettext as _
from aiogram.utils.keyboard import InlineKeyboardBuilder

from bot.callbacks import AgreementAid, AgreementMap, AgreementOpen, HromadaOpen, PartnersOpen
from bot.deeplinks import agreement_id
from knowledge.render.cards import PartnersPage


def hromada_keyboard(code: str, has_partners: bool, lang: str = "") -> InlineKeyboardMarkup | None:
    """Under a hromada's card; the partners open in `lang` ("uk", "en", "" for the chat's)."""
    if not has_partners:
        return None
    builder = InlineKeyboardBuilder()
    builder.button(text=_("Partners"), callback_data=PartnersOpen(code=code, page=1, lang=lang))
    return builder.as_markup()


def partners_keyboard(
    code: str, page: PartnersPage, labels: list[str], lang: str = ""
) -> InlineKeyboardMarkup:
    """One button per agreement on the page, then the pages around it and the way back; what
    they open is in `lang` ("uk", "en", "" for the chat's)."""
    builder = InlineKeyboardBuilder()
    for agreement, label in zip(page.agreements, labels, strict=True):
        builder.button(
            text=label,
            callback_data=AgreementOpen(agreement=agreement_id(agreement.key), lang=lang),
        )
    sizes = [1] * len(page.agreements)
    navigation = 0
    if page.page > 1:
        builder.button(
            text=_("◀ Previous"),
            callback_data=PartnersOpen(code=code, page=page.page - 1, lang=lang),
        )
        navigation += 1
    if page.page < page.pages:
        builder.button(
            text=_("Next ▶"), callback_data=PartnersOpen(code=code, page=page.page + 1, lang=lang)
        )
        navigation += 1
    if navigation:
        sizes.append(navigation)
    builder.button(text=_("About the hromada"), callback_data=HromadaOpen(code=code, lang=lang))
    sizes.append(1)
    builder.adjust(*sizes)
    return builder.as_markup()


def agreement_keyboard(
    key: str, hromada: str, has_location: bool, lang: str = ""
) -> InlineKeyboardMarkup:
    """Under an agreement's card; what it opens is in `lang` ("uk", "en", "" for the chat's)."""
    short = agreement_id(key)
    builder = InlineKeyboardBuilder()
    if has_location:
        builder.button(text=_("Show on map"), callback_data=AgreementMap(agreement=short))
    builder.button(
        text=_("Aid from this country"), callback_data=AgreementAid(agreement=short, lang=lang)
    )
    builder.button(
        text=_("All partners"), callback_data=PartnersOpen(code=hromada, page=1, lang=lang)
    )
    builder.adjust(1)
    return builder.as_markup()
