"""The local Bot API changes chats under the bot as Telegram does, and refuses alike."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramMigrateToChat,
)
from aiogram.types import (
    BotCommand,
    BotCommandScopeChat,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    ReplyParameters,
    Update,
)

from bot.local_api import LocalTelegram
from tests.local_api_support import local_bot

USER = 1001
GROUP = -4001
FORUM = -1004002


@pytest.fixture
async def bot(local_telegram: LocalTelegram) -> AsyncIterator[Bot]:
    """A bot talking to the local API, with the user's private chat known."""
    local_telegram.send_message("/start", user_id=USER)
    bot = local_bot(local_telegram)
    yield bot
    await bot.session.close()


async def test_a_group_upgraded_to_a_supergroup_refuses_its_old_id(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    local_telegram.send_message("hi", user_id=USER, chat_id=GROUP, chat_type="group")

    new_id = local_telegram.migrate_group(GROUP)
    with pytest.raises(TelegramMigrateToChat) as refused:
        await bot.send_message(GROUP, "news")
    sent = await bot.send_message(new_id, "news")

    updates = [update["message"] for update in local_telegram.pending_updates[-2:]]
    assert refused.value.migrate_to_chat_id == new_id
    assert updates[0]["chat"]["id"] == GROUP
    assert updates[0]["migrate_to_chat_id"] == new_id
    assert updates[1]["chat"] == {"id": new_id, "type": "supergroup", "title": "Chat 4001"}
    assert updates[1]["migrate_from_chat_id"] == GROUP
    assert sent.chat.id == new_id


@pytest.mark.parametrize(
    ("chat_id", "chat_type", "status", "expected"),
    [
        (USER, "private", "kicked", "Forbidden: bot was blocked by the user"),
        (GROUP, "group", "kicked", "Forbidden: bot was kicked from the group chat"),
        (FORUM, "supergroup", "left", "Forbidden: bot is not a member of the supergroup chat"),
    ],
)
async def test_a_removed_or_blocked_bot_hears_of_it_and_is_refused_with_403(
    local_telegram: LocalTelegram,
    bot: Bot,
    chat_id: int,
    chat_type: str,
    status: str,
    expected: str,
) -> None:
    if chat_type != "private":
        local_telegram.add_bot(chat_id, chat_type=chat_type, user_id=USER)
    removed = local_telegram.remove_bot(chat_id, user_id=USER, status=status)

    with pytest.raises(TelegramForbiddenError) as refused:
        await bot.send_message(chat_id, "news")
    update = Update.model_validate(removed, context={"bot": bot})

    assert refused.value.message == expected
    assert update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == status
    assert update.my_chat_member.from_user.id == USER


async def test_adding_and_unblocking_let_the_bot_write_again(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    local_telegram.block_bot(USER)
    unblocked = local_telegram.unblock_bot(USER)
    added = local_telegram.add_bot(GROUP, title="Kharkiv neighbours", user_id=USER)

    await bot.send_message(USER, "welcome back")
    await bot.send_message(GROUP, "hello, group")

    assert unblocked["my_chat_member"]["old_chat_member"]["status"] == "kicked"
    assert unblocked["my_chat_member"]["new_chat_member"]["status"] == "member"
    assert added["my_chat_member"]["chat"]["title"] == "Kharkiv neighbours"
    assert added["my_chat_member"]["old_chat_member"]["status"] == "left"


async def test_a_deleted_account_and_a_deleted_group_are_refused(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    local_telegram.send_message("hi", user_id=USER, chat_id=GROUP, chat_type="group")
    local_telegram.delete_chat(USER)
    local_telegram.delete_chat(GROUP)

    with pytest.raises(TelegramForbiddenError, match="user is deactivated"):
        await bot.send_message(USER, "news")
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(GROUP, "news")


async def test_my_chat_member_reaches_only_a_bot_that_asks_for_it(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    local_telegram.add_bot(GROUP, user_id=USER)
    local_telegram.send_message("hi", user_id=USER)

    messages_only = await bot.get_updates(timeout=0, allowed_updates=["message"])
    local_telegram.remove_bot(GROUP, user_id=USER)
    both = await bot.get_updates(timeout=0, allowed_updates=["message", "my_chat_member"])

    assert [update.message is not None for update in messages_only] == [True, True]
    assert [update.my_chat_member is not None for update in both] == [False, False, True]


async def test_a_reply_to_a_deleted_message_needs_allow_sending_without_reply(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    question = local_telegram.send_message("хто партнери?", user_id=USER)["message"]
    local_telegram.delete_message(USER, question["message_id"])

    with pytest.raises(TelegramBadRequest, match="message to be replied not found"):
        await bot.send_message(
            USER, "answer", reply_parameters=ReplyParameters(message_id=question["message_id"])
        )
    sent = await bot.send_message(
        USER,
        "answer",
        reply_parameters=ReplyParameters(
            message_id=question["message_id"], allow_sending_without_reply=True
        ),
    )

    assert sent.text == "answer"
    assert sent.reply_to_message is None


async def test_a_callback_query_answered_too_late_is_too_old(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    button = InlineKeyboardButton(text="Press", callback_data="x")
    sent = await bot.send_message(
        USER, "Pick", reply_markup=InlineKeyboardMarkup(inline_keyboard=[[button]])
    )
    local_telegram.callback_query_timeout = 0.2
    in_time = local_telegram.press_button(USER, sent.message_id, "Press")["callback_query"]
    late = local_telegram.press_button(USER, sent.message_id, "Press")["callback_query"]

    await bot.answer_callback_query(in_time["id"])
    await asyncio.sleep(0.3)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(late["id"])


async def test_forum_topics_carry_their_thread_both_ways(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    local_telegram.add_bot(FORUM, chat_type="supergroup", is_forum=True, user_id=USER)
    thread = local_telegram.create_topic(FORUM, "Партнерства", user_id=USER)
    asked = local_telegram.send_message(
        "@pobratym_local_bot хто партнери?", user_id=USER, chat_id=FORUM, thread_id=thread
    )["message"]

    answer = await bot.send_message(FORUM, "answer", message_thread_id=thread)
    general = await bot.send_message(FORUM, "hello")
    with pytest.raises(TelegramBadRequest, match="message thread not found"):
        await bot.send_message(FORUM, "lost", message_thread_id=thread + 100)

    assert asked["message_thread_id"] == thread
    assert asked["is_topic_message"] is True
    # Telegram shows a topic's messages as replies to the message that opened the topic.
    assert asked["reply_to_message"]["forum_topic_created"]["name"] == "Партнерства"
    assert (answer.message_thread_id, answer.is_topic_message) == (thread, True)
    assert general.message_thread_id is None


async def test_an_anonymous_admin_writes_as_the_group(local_telegram: LocalTelegram) -> None:
    update = local_telegram.send_message(
        "/language", chat_id=GROUP, chat_type="group", anonymous_admin=True
    )

    message = update["message"]
    assert message["from"]["username"] == "GroupAnonymousBot"
    assert message["sender_chat"]["id"] == GROUP


async def test_an_album_is_one_message_a_photo_and_service_messages_have_no_text(
    local_telegram: LocalTelegram,
) -> None:
    album = local_telegram.send_album(5, user_id=USER, caption="Our twin city")
    pinned = local_telegram.service_message({"pinned_message": album[0]["message"]}, user_id=USER)

    groups = {update["message"]["media_group_id"] for update in album}
    assert len(album) == 5
    assert len(groups) == 1
    assert [("caption" in update["message"]) for update in album] == [True] + [False] * 4
    assert "text" not in pinned["message"]


async def test_the_profile_is_kept_per_language_and_checked(bot: Bot) -> None:
    default_name = (await bot.get_my_name()).name
    await bot.set_my_name("Побратим", language_code="uk")
    await bot.set_my_description("Про міста-партнери", language_code="uk")
    await bot.set_my_short_description("Partner cities", language_code="en")

    uk_description = (await bot.get_my_description(language_code="uk")).description
    en_short = (await bot.get_my_short_description(language_code="en")).short_description
    with pytest.raises(TelegramBadRequest, match="too long"):
        await bot.set_my_short_description("x" * 121, language_code="en")
    with pytest.raises(TelegramBadRequest, match="LANG_CODE_INVALID"):
        await bot.set_my_name("Pobratym", language_code="english")

    assert default_name == "Pobratym"
    assert (await bot.get_my_name(language_code="uk")).name == "Побратим"
    assert uk_description == "Про міста-партнери"
    assert en_short == "Partner cities"


async def test_a_menu_for_a_user_who_never_opened_the_bot_is_refused(bot: Bot) -> None:
    menu = [BotCommand(command="start", description="Start")]

    await bot.set_my_commands(menu, scope=BotCommandScopeChat(chat_id=USER))
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.set_my_commands(menu, scope=BotCommandScopeChat(chat_id=777))


async def test_the_world_changes_over_http_too(local_telegram: LocalTelegram, bot: Bot) -> None:
    async with aiohttp.ClientSession(base_url=local_telegram.base_url) as http:
        async with http.post("/_control/block", json={"user_id": USER}) as response:
            blocked = await response.json()
        async with http.post(
            "/_control/message", json={"text": "hi", "chat_id": GROUP, "chat_type": "group"}
        ) as response:
            assert response.status == 200
        async with http.post("/_control/migrate", json={"chat_id": GROUP}) as response:
            migrated = await response.json()

    assert blocked["result"]["my_chat_member"]["new_chat_member"]["status"] == "kicked"
    assert migrated["result"] == -1004001
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(USER, "news")
