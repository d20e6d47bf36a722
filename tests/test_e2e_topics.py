"""Forum topics, against the running bot in polling and webhook mode: a subscription made in
a topic is announced into it, and each topic has a conversation of its own."""

from __future__ import annotations

from pathlib import Path

from bot.local_api import LocalTelegram
from tests.telegram_support import (
    always_sending,
    new_agreement_to_announce,
    next_reply,
    running,
    stopped,
    subscriptions,
    with_database,
)

FORUM = -1005555555555
BOT_NAME = "@pobratym_local_bot"


async def test_topics_keep_their_subscriptions_and_conversations(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    async with running(mode, telegram, bot_home) as bot:
        mark = len(telegram.calls)
        telegram.add_bot(FORUM, chat_type="supergroup", is_forum=True, title="Громада")
        await next_reply(telegram, FORUM, mark)
        news = telegram.create_topic(FORUM, "Новини")
        talk = telegram.create_topic(FORUM, "Питання")

        mark = len(telegram.calls)
        telegram.send_message(
            "/subscribe Харків", chat_id=FORUM, thread_id=news, anonymous_admin=True
        )
        subscribed = await next_reply(telegram, FORUM, mark)

        # Two conversations at once, one per topic: each follow-up continues its own.
        for topic, question in ((talk, "партнери Харкова?"), (news, "партнери Львова?")):
            mark = len(telegram.calls)
            telegram.send_message(f"{BOT_NAME} {question}", chat_id=FORUM, thread_id=topic)
            await next_reply(telegram, FORUM, mark)
        mark = len(telegram.calls)
        telegram.send_message(f"{BOT_NAME} а міста-побратими?", chat_id=FORUM, thread_id=talk)
        follow_up = await next_reply(telegram, FORUM, mark)
        await stopped(bot)

    await with_database(bot_home, new_agreement_to_announce)
    async with running(mode, telegram, bot_home, **always_sending()) as bot:
        announcement = await telegram.next_message(FORUM, within=30)
        await stopped(bot)

    assert subscribed.get("message_thread_id") == news
    assert await with_database(bot_home, subscriptions) == [(FORUM, news, True)]
    assert follow_up.get("message_thread_id") == talk
    assert follow_up["text"].startswith("Харків")
    assert announcement.params["message_thread_id"] == news
    assert "Харківська громада" in announcement.params["text"]
