"""Who speaks in a group, as the running bot sees it in polling and webhook mode: anonymous
administrators, members chatting among themselves, and group-wide settings."""

from __future__ import annotations

from pathlib import Path

from bot.local_api import LocalTelegram
from tests.telegram_support import (
    delivered_to,
    next_reply,
    running,
    stopped,
    subscriptions,
    with_database,
)

GROUP = -1001234567890
MEMBER = 1001
BOT_NAME = "@pobratym_local_bot"
FLOOD_NOTE_UK = "Забагато повідомлень"


async def test_anonymous_administrators_speak_for_their_groups(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    groups = [GROUP - number for number in range(8)]
    async with running(mode, telegram, bot_home) as bot:
        # Every anonymous administrator of every group writes as the same GroupAnonymousBot.
        mark = len(telegram.calls)
        for group in groups:
            telegram.send_message(
                f"{BOT_NAME} партнери Харкова?",
                chat_id=group,
                chat_type="supergroup",
                anonymous_admin=True,
            )
        for group in groups:
            await next_reply(telegram, group, mark, within=30)
        mark = len(telegram.calls)
        telegram.send_message(
            "/language", chat_id=GROUP, chat_type="supergroup", anonymous_admin=True
        )
        choose = await next_reply(telegram, GROUP, mark)
        mark = len(telegram.calls)
        telegram.send_message(
            "/subscribe Харків", chat_id=GROUP, chat_type="supergroup", anonymous_admin=True
        )
        subscribed = await next_reply(telegram, GROUP, mark)
        output = await stopped(bot)

    for group in groups:
        answers = [message["text"] for message in delivered_to(telegram, group)]
        assert len(answers) >= 1, group
        assert "Брно" in answers[0]
        assert not any(FLOOD_NOTE_UK in answer for answer in answers)
    assert "English" in str(choose["reply_markup"])
    assert subscribed["text"].startswith("Підписку оформлено"), output
    assert await with_database(bot_home, subscriptions) == [(GROUP, None, True)]


async def test_chatter_is_not_counted_and_members_cannot_change_group_settings(
    local_telegram: LocalTelegram, bot_home: Path, mode: str
) -> None:
    telegram = local_telegram
    async with running(mode, telegram, bot_home) as bot:
        mark = len(telegram.calls)
        telegram.send_message(
            "/subscribe Харків", chat_id=GROUP, chat_type="supergroup", anonymous_admin=True
        )
        await next_reply(telegram, GROUP, mark)
        # A member chats with the others; the bot overhears it all, as a group admin does.
        for number in range(10):
            telegram.send_message(
                f"Привіт усім, {number}!", user_id=MEMBER, chat_id=GROUP, chat_type="supergroup"
            )
        mark = len(telegram.calls)
        telegram.send_message(
            f"{BOT_NAME} партнери Харкова?", user_id=MEMBER, chat_id=GROUP, chat_type="supergroup"
        )
        answer = await next_reply(telegram, GROUP, mark)
        # Group-wide settings are for administrators; a member is refused and nothing changes.
        mark = len(telegram.calls)
        telegram.send_message(
            "/unsubscribe all", user_id=MEMBER, chat_id=GROUP, chat_type="supergroup"
        )
        refused_unsubscribe = await next_reply(telegram, GROUP, mark)
        mark = len(telegram.calls)
        telegram.send_message(
            "/subscribe Львів", user_id=MEMBER, chat_id=GROUP, chat_type="supergroup"
        )
        refused_subscribe = await next_reply(telegram, GROUP, mark)
        await telegram.wait_idle(quiet=0.5, within=20)
        await stopped(bot)

    texts = [message["text"] for message in delivered_to(telegram, GROUP)]
    assert "Брно" in answer["text"]
    assert not any(FLOOD_NOTE_UK in text for text in texts)
    for refusal in (refused_unsubscribe, refused_subscribe):
        assert refusal["text"] == "Змінити підписки групи можуть лише її адміністратори."
    assert await with_database(bot_home, subscriptions) == [(GROUP, None, True)]
