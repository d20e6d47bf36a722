"""The local Telegram Bot API refuses what Telegram refuses, with Telegram's descriptions."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from aiogram import Bot
from aiogram.exceptions import TelegramBadRequest, TelegramConflictError
from aiogram.types import (
    BotCommand,
    BotCommandScopeAllPrivateChats,
    BufferedInputFile,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    InlineQueryResultArticle,
    InputTextMessageContent,
)
from hypothesis import given
from hypothesis import strategies as st

from bot.local_api import BadRequest, LocalTelegram
from bot.local_api.rules import parse_html
from tests.local_api_support import local_bot

USER = 1001


@pytest.fixture
async def bot(local_telegram: LocalTelegram) -> AsyncIterator[Bot]:
    """A bot talking to the local API, with the user's private chat known."""
    local_telegram.send_message("/start", user_id=USER)
    bot = local_bot(local_telegram)
    yield bot
    await bot.session.close()


def keyboard(*buttons: InlineKeyboardButton) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[list(buttons)])


async def test_a_message_of_4096_characters_is_sent_and_one_more_is_refused(bot: Bot) -> None:
    sent = await bot.send_message(USER, "я" * 4096)

    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await bot.send_message(USER, "я" * 4097)
    assert sent.text == "я" * 4096


async def test_the_length_counts_the_text_after_html_parsing(bot: Bot) -> None:
    sent = await bot.send_message(USER, "<b>" + "a" * 4090 + "</b> &amp;&lt;", parse_mode="HTML")

    assert sent.text == "a" * 4090 + " &<"


async def test_an_empty_message_is_refused(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await bot.send_message(USER, "<b> </b>", parse_mode="HTML")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<b>bold", 'Can\'t find end tag corresponding to start tag "b"'),
        ("<b><i>x</b></i>", 'Can\'t find end tag corresponding to start tag "i"'),
        ("<div>x</div>", 'Unsupported start tag "div" at byte offset 0'),
        ("x</b>", "Unexpected end tag at byte offset 1"),
        ("Kyiv&nbsp;Leeds", 'Unsupported HTML entity "&nbsp;"'),
        ("1 < 2", "byte offset 2"),
        ('<span class="red">x</span>', 'Tag "span" must have class "tg-spoiler"'),
    ],
)
async def test_bad_html_cannot_be_parsed(bot: Bot, text: str, expected: str) -> None:
    with pytest.raises(TelegramBadRequest, match="can't parse entities") as raised:
        await bot.send_message(USER, text, parse_mode="HTML")

    assert expected in raised.value.message


def test_every_tag_telegram_allows_is_accepted() -> None:
    text = (
        "<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike>"
        '<del>d</del><span class="tg-spoiler">p</span><tg-spoiler>t</tg-spoiler>'
        '<a href="https://example.org/?a=1&amp;b=2">a</a><code>c</code>'
        '<pre><code class="language-python">x</code></pre><blockquote>q</blockquote>'
        '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji> &#1028;&#x454;&quot;'
    )

    assert parse_html(text) == 'bsieunskdptacxq👍 Єє"'


@given(st.text())
def test_escaped_text_parses_back_to_itself(text: str) -> None:
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")

    assert parse_html(escaped) == text


async def test_callback_data_longer_than_64_bytes_is_refused(bot: Bot) -> None:
    # 32 Cyrillic letters are 64 bytes in UTF-8; one more is 66.
    await bot.send_message(USER, "ok", reply_markup=keyboard(_button("б" * 32)))

    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(USER, "too long", reply_markup=keyboard(_button("a" * 65)))
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await bot.send_message(USER, "too long", reply_markup=keyboard(_button("б" * 33)))


def _button(data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(text="Press", callback_data=data)


async def test_keyboard_shapes_are_checked(bot: Bot) -> None:
    row_of_nine = [InlineKeyboardButton(text=str(n), callback_data=str(n)) for n in range(9)]

    with pytest.raises(TelegramBadRequest, match="too many buttons in a row"):
        await bot.send_message(USER, "x", reply_markup=keyboard(*row_of_nine))
    with pytest.raises(TelegramBadRequest, match="BUTTON_URL_INVALID"):
        await bot.send_message(
            USER, "x", reply_markup=keyboard(InlineKeyboardButton(text="go", url="t.me/x"))
        )
    with pytest.raises(TelegramBadRequest, match="BUTTON_URL_INVALID"):
        await bot.send_message(
            USER,
            "x",
            reply_markup=keyboard(
                InlineKeyboardButton(text="go", url="https://t.me/pobratym_bot?start=a b")
            ),
        )


async def test_a_message_to_a_chat_nobody_opened_is_refused(bot: Bot) -> None:
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(424242, "hello")


async def test_pressing_a_button_gives_the_callback_its_message_and_edits_apply(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    sent = await bot.send_message(USER, "Pick one", reply_markup=keyboard(_button("city:leeds")))

    update = local_telegram.press_button(USER, sent.message_id, "Press")
    query = update["callback_query"]
    await bot.answer_callback_query(query["id"], text="Leeds")
    await bot.edit_message_text("Leeds it is", chat_id=USER, message_id=sent.message_id)

    assert query["data"] == "city:leeds"
    assert query["message"]["message_id"] == sent.message_id
    assert local_telegram.bot_messages(USER)[-1]["text"] == "Leeds it is"
    assert "reply_markup" not in local_telegram.bot_messages(USER)[-1]
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await bot.answer_callback_query(query["id"])


async def test_an_edit_without_a_change_and_of_a_missing_message_are_refused(bot: Bot) -> None:
    sent = await bot.send_message(USER, "Same")

    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await bot.edit_message_text("Same", chat_id=USER, message_id=sent.message_id)
    await bot.delete_message(USER, sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await bot.edit_message_text("Other", chat_id=USER, message_id=sent.message_id)


async def test_inline_answers_are_checked(local_telegram: LocalTelegram, bot: Bot) -> None:
    def article(result_id: str) -> InlineQueryResultArticle:
        content = InputTextMessageContent(message_text="Leeds")
        return InlineQueryResultArticle(id=result_id, title="Leeds", input_message_content=content)

    query_id = local_telegram.inline_query("Leeds")["inline_query"]["id"]

    with pytest.raises(TelegramBadRequest, match="RESULTS_TOO_MUCH"):
        await bot.answer_inline_query(query_id, [article(str(n)) for n in range(51)])
    with pytest.raises(TelegramBadRequest, match="RESULT_ID_DUPLICATE"):
        await bot.answer_inline_query(query_id, [article("1"), article("1")])
    with pytest.raises(TelegramBadRequest, match="START_PARAM_INVALID"):
        await bot.answer_inline_query(
            query_id, [article("1")], switch_pm_text="Open", switch_pm_parameter="no spaces!"
        )
    assert await bot.answer_inline_query(query_id, [article(str(n)) for n in range(50)])


async def test_locations_must_be_on_earth(bot: Bot) -> None:
    sent = await bot.send_location(USER, latitude=49.99, longitude=36.23)

    with pytest.raises(TelegramBadRequest, match="wrong latitude or longitude"):
        await bot.send_location(USER, latitude=91, longitude=0)
    assert sent.location is not None
    assert sent.location.latitude == pytest.approx(49.99)


async def test_commands_are_kept_per_scope_and_language_and_checked(bot: Bot) -> None:
    private = BotCommandScopeAllPrivateChats()
    await bot.set_my_commands(
        [BotCommand(command="start", description="Почати")], language_code="uk"
    )
    await bot.set_my_commands([BotCommand(command="help", description="Help")], scope=private)

    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await bot.set_my_commands([BotCommand(command="Start", description="Start")])
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_DESCRIPTION_INVALID"):
        await bot.set_my_commands([BotCommand(command="start", description="x" * 257)])
    assert [c.command for c in await bot.get_my_commands(language_code="uk")] == ["start"]
    assert [c.command for c in await bot.get_my_commands(scope=private)] == ["help"]
    assert await bot.get_my_commands() == []
    await bot.delete_my_commands(language_code="uk")
    assert await bot.get_my_commands(language_code="uk") == []


async def test_documents_go_both_ways(local_telegram: LocalTelegram, bot: Bot) -> None:
    sent = await bot.send_document(
        USER,
        BufferedInputFile(b"name: Leeds\n", filename="leeds.yaml"),
        caption="<b>Data</b>",
        parse_mode="HTML",
    )
    update = local_telegram.send_document("kharkiv.yaml", b"name: Kharkiv\n", user_id=USER)
    file = await bot.get_file(update["message"]["document"]["file_id"])
    assert file.file_path is not None
    downloaded = await bot.download_file(file.file_path)

    assert local_telegram.calls_of("sendDocument")[0].files["document"].content == b"name: Leeds\n"
    assert sent.caption == "Data"
    assert downloaded is not None
    assert downloaded.read() == b"name: Kharkiv\n"


async def test_chat_and_member_lookups(local_telegram: LocalTelegram, bot: Bot) -> None:
    local_telegram.send_message("hi all", user_id=USER, chat_id=-100500, chat_type="supergroup")
    local_telegram.set_member_status(-100500, USER, "administrator")

    chat = await bot.get_chat(-100500)
    member = await bot.get_chat_member(-100500, USER)
    await bot.send_chat_action(-100500, "typing")

    assert chat.type == "supergroup"
    assert member.status == "administrator"
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.get_chat(-1)


async def test_an_unknown_method_and_a_wrong_token_are_answered_like_telegram(
    local_telegram: LocalTelegram,
) -> None:
    base = local_telegram.base_url
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{base}/bot{local_telegram.token}/sendTelepathy") as response:
            unknown = (response.status, await response.json())
        async with http.get(f"{base}/bot123:wrong/getMe") as response:
            unauthorized = (response.status, await response.json())

    assert unknown == (404, {"ok": False, "error_code": 404, "description": "Not Found"})
    assert unauthorized[0] == 401
    assert unauthorized[1]["description"] == "Unauthorized"


async def test_get_updates_long_polls_and_forgets_confirmed_updates(
    local_telegram: LocalTelegram,
) -> None:
    url = f"{local_telegram.base_url}/bot{local_telegram.token}/getUpdates"
    async with aiohttp.ClientSession() as http:
        async with http.post(url, json={"timeout": 0}) as response:
            empty = await response.json()
        first = local_telegram.send_message("one")
        local_telegram.send_message("two")
        async with http.post(url, data={"offset": "0", "timeout": "1"}) as response:
            both = await response.json()
        async with http.post(url, json={"offset": first["update_id"] + 1}) as response:
            after_first = await response.json()

    assert empty == {"ok": True, "result": []}
    assert [u["message"]["text"] for u in both["result"]] == ["one", "two"]
    assert [u["message"]["text"] for u in after_first["result"]] == ["two"]


async def test_the_control_api_over_http_feeds_updates_and_lists_calls(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    async with aiohttp.ClientSession(base_url=local_telegram.base_url) as http:
        async with http.post("/_control/message", json={"text": "Привіт", "user_id": 7}) as r:
            fed = await r.json()
        await bot.send_message(7, "Вітаю!")
        async with http.get("/_control/calls", params={"since": "0", "wait": "1"}) as r:
            calls = await r.json()
        async with http.post(
            "/_control/press", json={"chat_id": 7, "message_id": 99, "button": "x"}
        ) as r:
            missing = (r.status, await r.json())

    assert fed["result"]["message"]["text"] == "Привіт"
    assert [(c["method"], c["params"]["text"]) for c in calls["result"]] == [
        ("sendMessage", "Вітаю!")
    ]
    assert missing[0] == 400
    assert "no message 99" in missing[1]["description"]


def test_bad_request_carries_telegrams_prefix() -> None:
    assert BadRequest("chat not found").description == "Bad Request: chat not found"


async def test_a_webhook_replaces_get_updates_until_deleted(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    await bot.set_webhook("https://bot.example.org/telegram/webhook", secret_token="abc_DEF-1")
    info = await bot.get_webhook_info()
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await bot.get_updates(timeout=0)
    await bot.delete_webhook()

    assert info.url == "https://bot.example.org/telegram/webhook"
    assert (await bot.get_webhook_info()).url == ""
    assert [u.update_id for u in await bot.get_updates(timeout=0)] == [1]


async def test_an_update_sent_while_webhook_delivery_winds_down_is_still_delivered(
    local_telegram: LocalTelegram, monkeypatch: pytest.MonkeyPatch
) -> None:
    received: list[str] = []
    both = asyncio.Event()

    async def receive(request: aiohttp.web.Request) -> aiohttp.web.Response:
        update = await request.json()
        received.append(update["message"]["text"])
        if len(received) == 2:
            both.set()
        return aiohttp.web.json_response({})

    app = aiohttp.web.Application()
    app.router.add_post("/hook", receive)
    runner = aiohttp.web.AppRunner(app)
    await runner.setup()
    site = aiohttp.web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = runner.addresses[0][1]

    class ClosingSlowly:
        """Delivery's HTTP session; while the first one closes, a user writes again."""

        def __init__(self, **options: Any) -> None:
            self.session = aiohttp.ClientSession(**options)

        async def __aenter__(self) -> aiohttp.ClientSession:
            return self.session

        async def __aexit__(self, *exc: object) -> None:
            if received == ["перше"]:
                local_telegram.send_message("друге", user_id=USER)
            await self.session.close()

    monkeypatch.setattr("bot.local_api.server.ClientSession", ClosingSlowly)
    bot = local_bot(local_telegram)
    try:
        await bot.set_webhook(f"http://127.0.0.1:{port}/hook")
        local_telegram.send_message("перше", user_id=USER)
        await asyncio.wait_for(both.wait(), 10)
    finally:
        await bot.session.close()
        await runner.cleanup()

    assert received == ["перше", "друге"]


async def test_users_reply_to_bot_messages_and_channels_post(
    local_telegram: LocalTelegram, bot: Bot
) -> None:
    question = await bot.send_message(USER, "Яке місто?")

    reply = local_telegram.send_message("Лідс", user_id=USER, reply_to=question.message_id)
    post = local_telegram.channel_post("Новини громади")

    assert reply["message"]["reply_to_message"]["text"] == "Яке місто?"
    assert reply["message"]["reply_to_message"]["from"]["is_bot"] is True
    assert post["channel_post"]["chat"]["type"] == "channel"
    assert "from" not in post["channel_post"]
