"""Facts from a forwarded post, end to end: the real bot process against the local Bot API.

An editor forwards a channel's post; the bot answers with a card per fact; Add (or Update),
Edit through the edit dialog, and Skip; the knowledge base then holds the facts citing the
post by its address with the sentence each came from; /undo takes them back.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import re
from pathlib import Path
from typing import Any

from bot.local_api import LocalTelegram
from knowledge.facts.documents import KnowledgeDocument
from knowledge.store.engines import create_engine, session_factory
from knowledge.store.exporting import export_document
from tests.e2e_support import (
    bot_process,
    database_url,
    rejected_calls,
    telegram_environment,
    wait_started,
)

SUPER_ADMIN = 7001
EDITOR = 7002
KHARKIV = "UA63120270000028556"
ALBUQUERQUE = "kharkiv-albuquerque-twinning-memorandum"
POSTED = int(dt.datetime(2023, 8, 14, 10, tzinfo=dt.UTC).timestamp())
POST_UK = (
    "Харків і Альбукерке стали побратимами\n\n"
    "Харківський міський голова Ігор Терехов та мер Альбукерке Тімоті Келлер підписали"
    " Меморандум про встановлення побратимських відносин. Також Харків уклав угоду про"
    " співпрацю з містом Тарнів (Польща) у травні 2023 року. Львів підписав угоду про"
    " побратимство з містом Острава (Чехія) у квітні 2023 року."
)
POST_EN = (
    "Kharkiv and Jelgava sign a cooperation agreement\n\n"
    "On 5 May 2024 Kharkiv signed a cooperation agreement with the city of Jelgava, Latvia."
    " Kharkiv also signed a memorandum of understanding with Tartu, Estonia."
    " Lviv signed a twinning agreement with the city of Ostrava, Czech Republic, in April 2024."
)


async def knowledge(home: Path) -> KnowledgeDocument:
    """Everything the bot's database holds now."""
    engine = create_engine(database_url(home / "var"))
    try:
        async with session_factory(engine)() as session:
            return await export_document(session, all_hromadas=True)
    finally:
        await engine.dispose()


def card(telegram: LocalTelegram, chat: int, words: str) -> dict[str, Any]:
    """The newest bot message in the chat containing `words`, as it is now."""
    for message in reversed(telegram.bot_messages(chat)):
        if words in message.get("text", ""):
            return dict(message)
    raise AssertionError(f"no message with {words!r}")


def labels(message: dict[str, Any]) -> list[str]:
    rows = message.get("reply_markup", {}).get("inline_keyboard", [])
    return [button["text"] for row in rows for button in row]


async def changed(
    telegram: LocalTelegram, chat: int, before: dict[int, str], expect: str
) -> dict[str, Any]:
    """The bot message, new or edited since `before` (id: text), that contains `expect`."""
    for _attempt in range(300):
        for message in reversed(telegram.bot_messages(chat)):
            text = message.get("text", "")
            if expect in text and before.get(message["message_id"]) != text:
                return dict(message)
        await asyncio.sleep(0.2)
    raise AssertionError(f"no new message with {expect!r}")


def seen(telegram: LocalTelegram, chat: int) -> dict[int, str]:
    return {
        message["message_id"]: message.get("text", "") for message in telegram.bot_messages(chat)
    }


async def press(
    telegram: LocalTelegram, chat: int, message: dict[str, Any], label: str, expect: str
) -> dict[str, Any]:
    """Press the button whose label contains `label`; the reply (or edit) saying `expect`."""
    (text,) = [text for text in labels(message) if label in text]
    before = seen(telegram, chat)
    telegram.press_button(chat, message["message_id"], text)
    return await changed(telegram, chat, before, expect)


async def say(
    telegram: LocalTelegram, chat: int, text: str, lang: str, expect: str
) -> dict[str, Any]:
    """Write `text`; the reply saying `expect`."""
    before = seen(telegram, chat)
    telegram.send_message(text, user_id=chat, language_code=lang)
    return await changed(telegram, chat, before, expect)


async def test_a_forwarded_post_in_ukrainian_update_edit_skip_and_undo(
    local_telegram: LocalTelegram, bot_home: Path
) -> None:
    telegram = local_telegram
    me = SUPER_ADMIN
    environment = telegram_environment(bot_home, telegram, ADMIN_IDS=str(me))
    # The super-admin opened the bot before, so it can show them their menu at start.
    telegram.send_message("/start", user_id=me)
    async with bot_process(bot_home, environment, "run") as bot:
        await wait_started(telegram, "deleteWebhook", bot)

        before = seen(telegram, me)
        telegram.forward_post(
            POST_UK, channel="@kharkiv_rada", post_id=512, posted_at=POSTED, user_id=me
        )
        ostrava = await changed(telegram, me, before, "Угода 3 з 3")
        header = card(telegram, me, "Я прочитав")
        albuquerque = card(telegram, me, "Угода 1 з 3")
        tarniv = card(telegram, me, "Угода 2 з 3")

        updated = await press(telegram, me, albuquerque, "Оновити", "✅ Додано")
        dialog = await press(telegram, me, tarniv, "Змінити", "Яке поле?")
        asked = await press(telegram, me, dialog, "Підписано", "Нове значення")
        preview = await say(telegram, me, "2023-05-12", "uk", "Зміняться такі поля")
        await press(telegram, me, preview, "Підтвердити", "Збережено: ")
        skipped = await press(telegram, me, ostrava, "Пропустити", "✖ Пропущено.")
        added = await knowledge(bot_home)

        # The latest change (the edited agreement), then the update by its number on the card.
        undo = await say(telegram, me, "/undo", "uk", "буде скасовано")
        await press(telegram, me, undo, "Підтвердити", "Скасовано: ")
        change = re.search(r"зміна №(\d+)", updated["text"])
        assert change is not None
        undo = await say(telegram, me, f"/undo {change[1]}", "uk", "буде скасовано")
        await press(telegram, me, undo, "Підтвердити", "Скасовано: ")
        undone = await knowledge(bot_home)
        code, output = await bot.stop()

    assert code == 0, output
    assert header["text"].startswith(
        "Я прочитав «Харків і Альбукерке стали побратимами»: 3 факти."
    )
    assert "Посилання: https://t.me/kharkiv_rada/512" in header["text"]
    assert "• Статус: Запланована → Чинна" in albuquerque["text"]
    assert "Тарнів, Польща (нове місце)" in tarniv["text"]
    assert "Острава" in ostrava["text"]
    # The cards now say what became of each; their buttons are gone.
    assert "✅ Додано запис (угода) " + ALBUQUERQUE in updated["text"]
    assert "✏️ Редагується в діалозі нижче." in card(telegram, me, "Угода 2 з 3")["text"]
    assert "Зараз: травень 2023\u202fр." in asked["text"]
    assert "✖ Пропущено." in skipped["text"]
    assert all(labels(card(telegram, me, f"Угода {n} з 3")) == [] for n in (1, 2, 3))
    # Both facts cite the post by its address, each with its own sentence.
    (post,) = [s for s in added.sources if s.url == "https://t.me/kharkiv_rada/512"]
    assert str(post.issued_on) == "2023-08-14"
    (twinning,) = [a for a in added.agreements if a.key == ALBUQUERQUE]
    assert twinning.status.value == "active"
    (cited,) = [c for c in twinning.sources if c.source == post.key]
    assert cited.quote is not None
    assert cited.quote.startswith("Харківський міський голова Ігор Терехов")
    (tarniv_agreement,) = [a for a in added.agreements if a.place == "pl-tarniv"]
    assert str(tarniv_agreement.signed_on) == "2023-05-12"
    assert tarniv_agreement.sources[0].source == post.key
    assert tarniv_agreement.sources[0].quote == (
        "Також Харків уклав угоду про співпрацю з містом Тарнів (Польща) у травні 2023 року."
    )
    assert not [a for a in added.agreements if "ostrava" in a.place]
    # Two undos: the edited agreement with its place, then the update with the source.
    assert not [a for a in undone.agreements if a.place == "pl-tarniv"]
    assert not [p for p in undone.places if p.key == "pl-tarniv"]
    (restored,) = [a for a in undone.agreements if a.key == ALBUQUERQUE]
    assert restored.status.value == "planned"
    assert not [s for s in undone.sources if s.key == post.key]
    assert rejected_calls(telegram) == []


async def test_a_forwarded_post_in_english_read_only_cards_and_add_all(
    local_telegram: LocalTelegram, bot_home: Path
) -> None:
    telegram = local_telegram
    environment = telegram_environment(bot_home, telegram, ADMIN_IDS=str(SUPER_ADMIN))
    telegram.send_message("/start", user_id=SUPER_ADMIN, language_code="en")
    async with bot_process(bot_home, environment, "run") as bot:
        await wait_started(telegram, "deleteWebhook", bot)
        await say(telegram, EDITOR, "/start", "en", "Pobratym")
        await say(telegram, SUPER_ADMIN, f"/grant {EDITOR} {KHARKIV}", "en", "may now edit")

        before = seen(telegram, EDITOR)
        telegram.forward_post(
            POST_EN, channel="@kharkiv_news", post_id=77, user_id=EDITOR, language_code="en"
        )
        add_all = await changed(telegram, EDITOR, before, "in one change?")
        cards = [card(telegram, EDITOR, f"Agreement {n} of 3") for n in (1, 2, 3)]
        done = await press(telegram, EDITOR, add_all, "Add all", "Added 2 facts")
        added = await knowledge(bot_home)
        undo = await say(telegram, EDITOR, "/undo", "en", "all of them will be undone")
        await press(telegram, EDITOR, undo, "Confirm", "Undone")
        undone = await knowledge(bot_home)
        code, output = await bot.stop()

    assert code == 0, output
    assert "Jelgava, Latvia (a new place)" in cards[0]["text"]
    assert "Tartu, Estonia (a new place)" in cards[1]["text"]
    # Lviv is not the editor's: its card is read-only.
    assert "Read only: only an editor of this hromada may add it." in cards[2]["text"]
    assert labels(cards[2]) == []
    assert labels(add_all)[0] == "➕ Add all (2)"
    (post,) = [s for s in added.sources if s.url == "https://t.me/kharkiv_news/77"]
    new = sorted(
        (a.place, a.hromada, a.sources[0].source)
        for a in added.agreements
        if a.place in ("lv-jelgava", "ee-tartu")
    )
    assert new == [("ee-tartu", KHARKIV, post.key), ("lv-jelgava", KHARKIV, post.key)]
    assert not [a for a in added.agreements if "ostrava" in a.place]
    assert done["text"] == "Added 2 facts in one change; /undo takes them all back."
    assert not [a for a in undone.agreements if a.place in ("lv-jelgava", "ee-tartu")]
    assert not [s for s in undone.sources if s.key == post.key]
    assert rejected_calls(telegram) == []
