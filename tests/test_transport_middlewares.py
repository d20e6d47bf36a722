"""Repeated updates run once and a flooding user is slowed down, in memory and in Redis."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from aiogram import Bot, Dispatcher, F, Router
from aiogram.types import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQuery,
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
)
from redis.asyncio import Redis

from bot.local_api import LocalTelegram
from bot.middlewares import (
    Claim,
    MemoryFloodGate,
    MemorySeenUpdates,
    RedisFloodGate,
    install_transport_middlewares,
)
from bot.middlewares.throttling import FloodGate, Verdict
from tests.local_api_support import echo_dispatcher, local_bot, redis_prefix

FLOODER = 1001
NEIGHBOUR = 2002


@pytest.fixture
async def bot(local_telegram: LocalTelegram) -> AsyncIterator[Bot]:
    bot = local_bot(local_telegram)
    yield bot
    await bot.session.close()


async def feed(dispatcher: Dispatcher, bot: Bot, update: dict[str, object]) -> None:
    await dispatcher.feed_raw_update(bot, update)


def texts_to(local_telegram: LocalTelegram, chat_id: int) -> list[str]:
    return [m["text"] for m in local_telegram.bot_messages(chat_id)]


@pytest.mark.parametrize("store", ["memory", "redis"])
async def test_an_update_delivered_twice_is_handled_once(
    local_telegram: LocalTelegram, bot: Bot, redis_client: Redis, store: str
) -> None:
    dispatcher = echo_dispatcher()
    redis = redis_client if store == "redis" else None
    install_transport_middlewares(dispatcher, redis, redis_prefix=redis_prefix())
    local_telegram.duplicate_next_updates()
    local_telegram.send_message("Привіт", user_id=FLOODER)

    delivered = local_telegram.pending_updates
    for update in delivered:
        await feed(dispatcher, bot, update)

    assert [u["update_id"] for u in delivered] == [delivered[0]["update_id"]] * 2
    assert texts_to(local_telegram, FLOODER) == ["echo: Привіт"]


async def test_replicas_sharing_redis_handle_an_update_once(
    local_telegram: LocalTelegram, bot: Bot, redis_client: Redis
) -> None:
    prefix = redis_prefix()
    replicas = [echo_dispatcher(), echo_dispatcher()]
    for replica in replicas:
        install_transport_middlewares(replica, redis_client, redis_prefix=prefix)
    update = local_telegram.send_message("Привіт", user_id=FLOODER)

    for replica in replicas:
        await feed(replica, bot, update)

    assert texts_to(local_telegram, FLOODER) == ["echo: Привіт"]
    assert await redis_client.exists(f"{prefix}update:{bot.id}:{update['update_id']}")


async def test_memory_of_updates_is_bounded_and_forgets_the_oldest() -> None:
    seen = MemorySeenUpdates(max_size=2)

    first = [await seen.claim(key) for key in ("1", "2", "3")]
    again = [await seen.claim(key) for key in ("3", "1")]

    assert first == [Claim.NEW, Claim.NEW, Claim.NEW]
    assert again == [Claim.IN_PROGRESS, Claim.NEW]


@pytest.mark.parametrize("store", ["memory", "redis"])
async def test_a_flooder_gets_one_polite_note_and_a_neighbour_is_not_affected(
    local_telegram: LocalTelegram, bot: Bot, redis_client: Redis, store: str
) -> None:
    dispatcher = echo_dispatcher()
    gate: FloodGate = (
        MemoryFloodGate(limit=3, window=60, cooldown=60)
        if store == "memory"
        else RedisFloodGate(redis_client, limit=3, window=60, cooldown=60, prefix=redis_prefix())
    )
    install_transport_middlewares(dispatcher, flood_gate=gate, redis_prefix=redis_prefix())

    for n in range(8):
        await feed(dispatcher, bot, local_telegram.send_message(f"{n}", user_id=FLOODER))
        if n % 4 == 0:
            await feed(dispatcher, bot, local_telegram.send_message(f"n{n}", user_id=NEIGHBOUR))

    assert texts_to(local_telegram, FLOODER) == [
        "echo: 0",
        "echo: 1",
        "echo: 2",
        "Забагато повідомлень, зачекайте, будь ласка, кілька секунд.",
    ]
    assert texts_to(local_telegram, NEIGHBOUR) == ["echo: n0", "echo: n4"]


async def test_the_note_speaks_the_users_language(local_telegram: LocalTelegram, bot: Bot) -> None:
    dispatcher = echo_dispatcher()
    gate = MemoryFloodGate(limit=1, window=60, cooldown=60)
    install_transport_middlewares(dispatcher, flood_gate=gate, default_locale="uk")

    for user_id, language in ((3, "en"), (4, "de"), (5, None)):
        for text in ("a", "b"):
            update = local_telegram.send_message(text, user_id=user_id, language_code=language)
            await feed(dispatcher, bot, update)

    assert texts_to(local_telegram, 3)[-1] == "Too many messages, please wait a few seconds."
    # German is not spoken; the bot's default language answers.
    assert texts_to(local_telegram, 4)[-1].startswith("Забагато повідомлень")
    assert texts_to(local_telegram, 5)[-1].startswith("Забагато повідомлень")


async def test_after_the_cooldown_the_user_is_heard_again() -> None:
    now = [0.0]
    gate = MemoryFloodGate(limit=2, window=5, cooldown=10, clock=lambda: now[0])

    verdicts = [await gate.check(FLOODER) for _ in range(4)]
    now[0] = 11.0
    later = await gate.check(FLOODER)

    assert verdicts == [Verdict.ALLOW, Verdict.ALLOW, Verdict.WARN, Verdict.DROP]
    assert later is Verdict.ALLOW


async def test_messages_spread_over_time_are_never_throttled() -> None:
    now = [0.0]
    gate = MemoryFloodGate(limit=2, window=5, cooldown=10, clock=lambda: now[0])
    verdicts = []
    for _ in range(10):
        verdicts.append(await gate.check(FLOODER))
        now[0] += 3

    assert set(verdicts) == {Verdict.ALLOW}


def button_dispatcher() -> Dispatcher:
    """Sends a message with one button; a press says "pressed"; inline queries get a result."""
    router = Router(name="buttons")

    @router.message(F.text)
    async def menu(message: Message) -> None:
        button = InlineKeyboardButton(text="Press", callback_data="press")
        markup = InlineKeyboardMarkup(inline_keyboard=[[button]])
        await message.answer("menu", reply_markup=markup)

    @router.callback_query(F.data == "press")
    async def press(query: CallbackQuery) -> None:
        await query.answer("pressed")

    @router.inline_query()
    async def inline(query: InlineQuery) -> None:
        content = InputTextMessageContent(message_text=query.query or "-")
        result = InlineQueryResultArticle(id="1", title="result", input_message_content=content)
        await query.answer([result])

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    return dispatcher


def flood_gate(store: str, redis: Redis) -> FloodGate:
    if store == "memory":
        return MemoryFloodGate(limit=3, window=60, cooldown=60)
    return RedisFloodGate(redis, limit=3, window=60, cooldown=60, prefix=redis_prefix())


@pytest.mark.parametrize("store", ["memory", "redis"])
async def test_a_button_flooder_gets_one_note_and_every_press_is_answered(
    local_telegram: LocalTelegram, bot: Bot, redis_client: Redis, store: str
) -> None:
    dispatcher = button_dispatcher()
    install_transport_middlewares(dispatcher, flood_gate=flood_gate(store, redis_client))
    await feed(dispatcher, bot, local_telegram.send_message("menu", user_id=NEIGHBOUR))
    await feed(dispatcher, bot, local_telegram.send_message("menu", user_id=FLOODER))
    menu = local_telegram.bot_messages(FLOODER)[-1]["message_id"]
    neighbour_menu = local_telegram.bot_messages(NEIGHBOUR)[-1]["message_id"]

    presses = []
    for _ in range(8):
        update = local_telegram.press_button(FLOODER, menu, "Press")
        presses.append(update["callback_query"]["id"])
        await feed(dispatcher, bot, update)
    neighbour = local_telegram.press_button(NEIGHBOUR, neighbour_menu, "Press")
    await feed(dispatcher, bot, neighbour)

    answers = [local_telegram.callback_answers[query_id].get("text") for query_id in presses]
    # The menu message counted too: two presses pass, the third is warned, the rest are quiet.
    assert answers == [
        "pressed",
        "pressed",
        "Забагато запитів, зачекайте, будь ласка, кілька секунд.",
        *[None] * 5,
    ]
    neighbour_id = neighbour["callback_query"]["id"]
    assert local_telegram.callback_answers[neighbour_id].get("text") == "pressed"


@pytest.mark.parametrize("store", ["memory", "redis"])
async def test_an_inline_flooder_is_ignored_while_muted(
    local_telegram: LocalTelegram, bot: Bot, redis_client: Redis, store: str
) -> None:
    dispatcher = button_dispatcher()
    install_transport_middlewares(dispatcher, flood_gate=flood_gate(store, redis_client))

    for n in range(8):
        await feed(dispatcher, bot, local_telegram.inline_query(f"q{n}", user_id=FLOODER))
    await feed(dispatcher, bot, local_telegram.inline_query("hello", user_id=NEIGHBOUR))

    answered = [
        call.params["results"][0]["input_message_content"]["message_text"]
        for call in local_telegram.calls_of("answerInlineQuery")
    ]
    assert answered == ["q0", "q1", "q2", "hello"]


@pytest.mark.parametrize("store", ["memory", "redis"])
async def test_messages_presses_and_inline_queries_are_counted_apart(
    local_telegram: LocalTelegram, bot: Bot, redis_client: Redis, store: str
) -> None:
    dispatcher = button_dispatcher()
    redis = redis_client if store == "redis" else None
    install_transport_middlewares(dispatcher, redis, redis_prefix=redis_prefix())

    # Within the default limit of each kind, though not of all of them together.
    for n in range(5):
        await feed(dispatcher, bot, local_telegram.send_message(f"m{n}", user_id=FLOODER))
    menu = local_telegram.bot_messages(FLOODER)[-1]["message_id"]
    presses = []
    for _ in range(5):
        update = local_telegram.press_button(FLOODER, menu, "Press")
        presses.append(update["callback_query"]["id"])
        await feed(dispatcher, bot, update)
    for n in range(5):
        await feed(dispatcher, bot, local_telegram.inline_query(f"q{n}", user_id=FLOODER))

    assert texts_to(local_telegram, FLOODER) == ["menu"] * 5
    assert [local_telegram.callback_answers[query_id].get("text") for query_id in presses] == [
        "pressed"
    ] * 5
    assert len(local_telegram.calls_of("answerInlineQuery")) == 5
