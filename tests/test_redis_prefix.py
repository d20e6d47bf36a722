"""Two bots sharing one Redis under two REDIS_PREFIX values keep apart their conversations."""

from __future__ import annotations

import os

from aiogram.fsm.storage.base import StorageKey
from aiogram.fsm.storage.redis import RedisStorage
from redis.asyncio import Redis

from bot.settings import Settings
from bot.transport.storage import ResilientStorage, create_storage
from tests.bot_support import TOKEN
from tests.local_api_support import DEFAULT_REDIS_URL, REDIS_URL_VARIABLE, redis_prefix

CHAT = 4242


def _settings(prefix: str | None = None) -> Settings:
    url = os.environ.get(REDIS_URL_VARIABLE, DEFAULT_REDIS_URL)
    settings = Settings(_env_file=None, bot_token=TOKEN, redis_url=url)
    return settings if prefix is None else settings.model_copy(update={"redis_prefix": prefix})


async def test_a_conversation_is_kept_under_its_bot_s_prefix_only(redis_client: Redis) -> None:
    first, second = redis_prefix(), redis_prefix()
    key = StorageKey(bot_id=1, chat_id=CHAT, user_id=CHAT)
    ours, theirs = create_storage(_settings(first)), create_storage(_settings(second))
    try:
        await ours.set_state(key, "Dialog:step")
        seen_by_other_bot = await theirs.get_state(key)
        seen_by_ours = await ours.get_state(key)
        stored = [name async for name in redis_client.scan_iter(match=f"{first}*")]
    finally:
        await ours.set_state(key, None)
        await ours.close()
        await theirs.close()

    assert (seen_by_ours, seen_by_other_bot) == ("Dialog:step", None)
    assert stored == [f"{first}fsm:{CHAT}:{CHAT}:state".encode()]


def test_the_default_prefix_keeps_the_keys_conversations_had_before() -> None:
    # A dialog open across an upgrade goes on: aiogram's own "fsm:" keys, as before.
    storage = create_storage(_settings())
    key = StorageKey(bot_id=1, chat_id=CHAT, user_id=CHAT)

    assert isinstance(storage, ResilientStorage)
    assert isinstance(storage.shared, RedisStorage)
    assert storage.shared.key_builder.build(key, "state") == f"fsm:{CHAT}:{CHAT}:state"
