"""Groups: answers only to a mention, a reply to the bot, or /ask; channels are only posted to."""

from __future__ import annotations

import datetime as dt

import pytest
from aiogram.methods import SendMessage
from aiogram.types import Chat, Message, Update

from bot.publishing import publish_hromada_card
from knowledge.render.cards import UnknownRecordError
from tests.bot_support import (
    BOT_USERNAME,
    GROUP_ID,
    Harness,
    calls_of,
    keyboard_buttons,
    sent_texts,
)

KHARKIV = "UA63120270000028556"
QUESTION = "Who are Kharkiv's partner cities?"


async def test_a_plain_group_message_gets_no_reply(harness: Harness) -> None:
    calls = await harness.send(QUESTION, chat_id=GROUP_ID)

    assert sent_texts(calls) == []


@pytest.mark.parametrize(
    "text",
    [
        f"@{BOT_USERNAME} {QUESTION}",
        f"{QUESTION} @{BOT_USERNAME.upper()}",
        f"/ask {QUESTION}",
        f"/ask@{BOT_USERNAME} {QUESTION}",
    ],
)
async def test_a_mention_or_ask_is_answered_in_reply(harness: Harness, text: str) -> None:
    calls = await harness.send(text, chat_id=GROUP_ID)

    (message,) = calls_of(calls, SendMessage)
    assert "Košice, Slovakia" in message.text
    assert message.reply_parameters is not None


async def test_a_reply_to_the_bot_is_answered(harness: Harness) -> None:
    calls = await harness.send(QUESTION, chat_id=GROUP_ID, reply_to_bot=True)

    assert "Košice, Slovakia" in sent_texts(calls)[0]


@pytest.mark.parametrize("text", [f"/ask@other_bot {QUESTION}", f"@other_bot {QUESTION}"])
async def test_a_message_for_another_bot_gets_no_reply(harness: Harness, text: str) -> None:
    calls = await harness.send(text, chat_id=GROUP_ID)

    assert sent_texts(calls) == []


@pytest.mark.parametrize(
    ("lang", "prompt"),
    [("en", "Write your question after /ask"), ("uk", "Напишіть запитання після /ask")],
)
async def test_an_empty_ask_explains_itself(harness: Harness, lang: str, prompt: str) -> None:
    calls = await harness.send("/ask", chat_id=GROUP_ID, language_code=lang)

    assert sent_texts(calls)[0].startswith(prompt)


async def test_a_follow_up_in_a_group_needs_the_mention_too(harness: Harness) -> None:
    await harness.send(
        "/ask Які партнери у Менської громади?", chat_id=GROUP_ID, language_code="uk"
    )

    ignored = await harness.send("а в Польщі?", chat_id=GROUP_ID, language_code="uk")
    answered = await harness.send(
        "а в Польщі?", chat_id=GROUP_ID, reply_to_bot=True, language_code="uk"
    )

    assert sent_texts(ignored) == []
    assert sent_texts(answered)[0].startswith("Мена")


async def test_channel_posts_are_ignored(harness: Harness) -> None:
    post = Message(
        message_id=5,
        date=dt.datetime.now(dt.UTC),
        chat=Chat(id=-1009999, type="channel", title="News"),
        text=QUESTION,
    )

    calls = await harness.feed(Update(update_id=77, channel_post=post))

    assert calls == []


@pytest.mark.parametrize(
    ("lang", "title", "button"),
    [
        ("uk", "<b>Харків (Харківська обл.)</b>", "Запитати бота"),
        ("en", "<b>Kharkiv (Kharkivska oblast)</b>", "Ask the bot"),
    ],
)
async def test_a_published_card_links_into_the_bot(
    harness: Harness, lang: str, title: str, button: str
) -> None:
    await publish_hromada_card(
        harness.bot, "@hromada_news", KHARKIV, lang, services=harness.services
    )

    (post,) = calls_of(harness.session.requests, SendMessage)
    ((label, url),) = keyboard_buttons(post.reply_markup)
    assert post.chat_id == "@hromada_news"
    assert post.text.startswith(title)
    assert "Košice" in post.text or "Кошице" in post.text
    assert label == button
    assert url == f"https://t.me/{BOT_USERNAME}?start=h_{KHARKIV}"

    opened = await harness.send(f"/start {url.rsplit('=', 1)[1]}", language_code=lang)
    assert sent_texts(opened)[0].startswith(title)


async def test_publishing_an_unknown_hromada_posts_nothing(harness: Harness) -> None:
    with pytest.raises(UnknownRecordError):
        await publish_hromada_card(
            harness.bot, "@news", "UA99999999999999999", "uk", services=harness.services
        )

    assert calls_of(harness.session.requests, SendMessage) == []
