"""/language: a chat's choice is saved and used; in groups only administrators may choose."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from redis.asyncio import Redis

from bot.services import BotServices
from knowledge.store.preferences import chat_language, language_of_user
from tests.bot_support import (
    GROUP_ID,
    TODAY,
    USER_ID,
    Harness,
    build_harness,
    calls_of,
    keyboard_buttons,
)
from tests.local_api_support import redis_prefix

HELP_START = {"en": "Ask me about", "uk": "Питайте мене"}


async def _saved(services: BotServices, chat_id: int) -> str | None:
    return await services.work(chat_language, chat_id)


@pytest.mark.parametrize(("client", "chosen"), [("en", "uk"), ("uk", "en")])
async def test_the_chosen_language_is_confirmed_in_itself_and_kept(
    harness: Harness, client: str, chosen: str
) -> None:
    offer = await harness.send("/language", language_code=client)
    (menu,) = calls_of(offer, SendMessage)

    calls = await harness.click(f"lang:{chosen}", language_code=client)
    after = await harness.send("/help", language_code=client)

    (confirmation,) = calls_of(calls, EditMessageText)
    assert "lang:uk" in dict(keyboard_buttons(menu.reply_markup)).values()
    assert (
        confirmation.text
        == {
            "en": "From now on I answer in English.",
            "uk": "Відтепер я відповідаю українською.",
        }[chosen]
    )
    assert calls_of(after, SendMessage)[0].text.startswith(HELP_START[chosen])
    assert await _saved(harness.services, USER_ID) == chosen


@pytest.mark.parametrize(
    ("chosen", "question", "expected"),
    [
        ("uk", "Who are Kharkiv's partner cities?", "Кошице, Словаччина"),
        ("en", "Які міста-партнери в Харкова?", "Košice, Slovakia"),
    ],
)
async def test_a_chosen_language_answers_questions_in_any_language(
    harness: Harness, chosen: str, question: str, expected: str
) -> None:
    await harness.click(f"lang:{chosen}", language_code="en")

    calls = await harness.send(question, language_code="en")

    assert expected in calls_of(calls, SendMessage)[0].text


async def test_the_choice_outlives_the_dispatcher(harness: Harness) -> None:
    await harness.click("lang:en", language_code="uk")

    restarted = build_harness(harness.services)
    calls = await restarted.send("/help", language_code="uk")

    assert calls_of(calls, SendMessage)[0].text.startswith(HELP_START["en"])


@pytest.mark.parametrize(
    ("client", "expected"),
    [
        ("uk", "uk"),
        ("ru", "uk"),
        ("be", "uk"),
        ("en", "en"),
        ("en-GB", "en"),
        ("de", "uk"),
        (None, "uk"),
    ],
)
async def test_without_a_choice_the_client_language_or_the_default_decides(
    harness: Harness, client: str | None, expected: str
) -> None:
    calls = await harness.send("/help", language_code=client)

    assert calls_of(calls, SendMessage)[0].text.startswith(HELP_START[expected])


def test_client_languages_without_a_fitting_one_give_no_opinion() -> None:
    assert [language_of_user(code) for code in ("pl", "", None, "EN")] == [None, None, None, "en"]


async def test_a_forged_language_changes_nothing(harness: Harness) -> None:
    calls = await harness.click("lang:de", language_code="en")

    (answer,) = calls_of(calls, AnswerCallbackQuery)
    assert answer.text is not None
    assert answer.text.startswith("This button is no longer valid")
    assert await _saved(harness.services, USER_ID) is None


@pytest.mark.parametrize(
    ("lang", "refusal"),
    [
        ("en", "Only the group's administrators can change its language."),
        ("uk", "Змінити мову групи можуть лише її адміністратори."),
    ],
)
async def test_in_a_group_a_member_may_not_choose(
    harness: Harness, lang: str, refusal: str
) -> None:
    command = await harness.send("/language", chat_id=GROUP_ID, language_code=lang)
    click = await harness.click("lang:en", chat_id=GROUP_ID, language_code=lang)

    (reply,) = calls_of(command, SendMessage)
    (answer,) = calls_of(click, AnswerCallbackQuery)
    assert reply.text == refusal
    assert reply.reply_markup is None
    assert answer.text == refusal
    assert calls_of(click, EditMessageText) == []
    assert await _saved(harness.services, GROUP_ID) is None


async def test_in_a_group_an_administrator_chooses_for_everyone(harness: Harness) -> None:
    admin, member = 7, 8
    harness.session.administrators.add((GROUP_ID, admin))

    offer = await harness.send("/language", chat_id=GROUP_ID, user_id=admin, language_code="uk")
    await harness.click("lang:en", chat_id=GROUP_ID, user_id=admin, language_code="uk")
    calls = await harness.send("/help", chat_id=GROUP_ID, user_id=member, language_code="uk")

    assert len(keyboard_buttons(calls_of(offer, SendMessage)[0].reply_markup)) == 2
    assert await _saved(harness.services, GROUP_ID) == "en"
    assert calls_of(calls, SendMessage)[0].text.startswith(HELP_START["en"])


async def test_a_choice_made_through_one_replica_is_used_by_the_others(
    bot_services: BotServices, redis_client: Redis
) -> None:
    """Replicas keep the chats' languages in Redis: what one saves, the other uses at once."""
    prefix = redis_prefix()
    replicas = []
    for _ in range(2):
        services = BotServices(
            bot_services.settings, bot_services.database, bot_services.engine, today=lambda: TODAY
        )
        services.share_through(redis_client, prefix)
        replicas.append(build_harness(services))
    first, second = replicas
    before = await second.send("/help", language_code="uk")

    await first.click("lang:en", language_code="uk")
    after = await second.send("/help", language_code="uk")

    assert calls_of(before, SendMessage)[0].text.startswith(HELP_START["uk"])
    assert calls_of(after, SendMessage)[0].text.startswith(HELP_START["en"])
