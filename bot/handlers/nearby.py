""" "Where I live": a shared location gets the partnerships of the nearest hromada."""

from __future__ import annotations

from aiogram import F, Router
from aiogram.filters import Command
from aiogram.types import KeyboardButton, Message, ReplyKeyboardMarkup, ReplyKeyboardRemove
from aiogram.utils.i18n import gettext as _

from bot.browsing_views import hromada_view
from bot.replies import say, send_text
from bot.routing import Handlers
from bot.services import BotServices
from knowledge.places.nearest import nearest_hromada
from knowledge.render.lang import Language

router = Handlers(__name__)
router.message.filter(F.chat.type == "private")
# Farther than this from every hromada centre, the person is likely outside Ukraine.
FAR_KM = 100.0


@router.message(Command("nearby"))
async def cmd_nearby(message: Message) -> None:
    """Offer the button that shares the person's location (Telegram on a phone shows it)."""
    keyboard = ReplyKeyboardMarkup(
        keyboard=[[KeyboardButton(text=_("📍 Where I live"), request_location=True)]],
        resize_keyboard=True,
        one_time_keyboard=True,
    )
    await say(
        message,
        _(
            "Share your location with the button below, and I will show the partnerships"
            " of the nearest hromada. Only the nearest hromada is worked out; the location"
            " is not kept."
        ),
        reply_markup=keyboard,
    )


@router.message(F.location)
async def on_location(message: Message, services: BotServices, lang: str) -> None:
    """The nearest hromada's card, with the way into its partners."""
    if message.location is None:
        return
    snapshot = services.engine.snapshot
    found = nearest_hromada(
        snapshot.hromadas.values(), message.location.latitude, message.location.longitude
    )
    if found is None:
        await say(message, _("I know no hromada centres yet."))
        return
    language = Language(lang)
    hromada = found.hromada
    name = language.hromada(hromada)
    distance = language.number(round(found.distance_km))
    if found.distance_km > FAR_KM:
        intro = _(
            "You seem to be far from Ukraine: the nearest hromada centre is {hromada},"
            " {distance} km away."
        )
    else:
        intro = _("The nearest hromada centre: {hromada}, {distance} km away.")
    await say(
        message, intro.format(hromada=name, distance=distance), reply_markup=ReplyKeyboardRemove()
    )
    text, keyboard = hromada_view(services, lang, hromada.code)
    await send_text(message, text, keyboard, previews=True)


def get_router() -> Router:
    """This feature's handlers as a new router."""
    return router.build()
