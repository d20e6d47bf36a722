"""The assembled dispatcher: fresh routers per dispatcher, and every filter checked in the loop."""

from __future__ import annotations

from aiogram import Router

from bot.factory import create_dispatcher
from bot.services import BotServices
from tests.bot_support import Harness, sent_texts


def _routers(router: Router) -> list[Router]:
    return [router, *(child for sub in router.sub_routers for child in _routers(sub))]


def test_no_filter_leaves_the_event_loop(bot_services: BotServices) -> None:
    """aiogram runs a synchronous filter in a worker thread; none of the bot's may be one."""
    dispatcher = create_dispatcher(bot_services)
    threaded = [
        f"{router.name}.{name}: {check.callback!r}"
        for router in _routers(dispatcher)
        for name, observer in router.observers.items()
        for handler in [observer._handler, *observer.handlers]
        for check in handler.filters or ()
        if not check.awaitable
    ]
    assert threaded == []


async def test_two_dispatchers_in_one_process_each_answer(
    bot_services: BotServices, harness: Harness
) -> None:
    """Each dispatcher gets routers of its own, so a second one neither fails nor steals."""
    second = create_dispatcher(bot_services)
    assert second is not harness.dispatcher
    (reply,) = sent_texts(await harness.send("/help"))
    assert "/language" in reply
