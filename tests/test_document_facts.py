"""Facts from documents in Telegram, through the real Dispatcher: a file, a forwarded post or a
pasted text gives a card per fact; Add, Edit and Skip, Add all, read-only cards, stale cards."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import pytest
from aiogram.methods import EditMessageText, SendMessage, TelegramMethod
from aiogram.types import Chat, Message, MessageOriginChannel, Update, User
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.callbacks import FactAction
from knowledge.admin import forms
from knowledge.admin.common import PermissionDeniedError, Refusal
from knowledge.facts.documents import AgreementDoc, KnowledgeDocument, PlaceDoc, SourceDoc
from knowledge.qa.engine import Engine
from tests.adminbot_support import REFUSAL, alerts
from tests.adminops_support import (
    EDITOR,
    STRANGER,
    SUPER_ADMIN,
    FileHarness,
    admin_services,
    audit_count,
    file_harness,
    grant_editor,
    stored,
)
from tests.bot_support import keyboard_buttons, sent_texts

KHARKIV = "UA63120270000028556"
ALBUQUERQUE = "kharkiv-albuquerque-twinning-memorandum"
NEWS_UK = (
    "Харків і Альбукерке стали побратимами\n\n"
    "14.08.2023 - 10:00\n\n"
    "Харківський міський голова Ігор Терехов та мер Альбукерке Тімоті Келлер підписали"
    " Меморандум про встановлення побратимських відносин. Також Харків уклав угоду про"
    " співпрацю з містом Тарнів (Польща) у травні 2023 року.\n"
)
POST_EN = (
    "Kharkiv and Jelgava sign a cooperation agreement\n\n"
    "On 5 May 2024 Kharkiv signed a cooperation agreement with the city of Jelgava, Latvia."
    " Kharkiv also signed a memorandum of understanding with Tartu, Estonia."
    " Lviv signed a twinning agreement with the city of Ostrava, Czech Republic, in April 2024."
)
LABELS = {
    "en": {"add": "Add", "update": "Update", "edit": "Edit", "skip": "Skip", "all": "Add all"},
    "uk": {
        "add": "Додати",
        "update": "Оновити",
        "edit": "Змінити",
        "skip": "Пропустити",
        "all": "Додати всі",
    },
}


@pytest.fixture
async def admins(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[FileHarness]:
    """The bot with SUPER_ADMIN configured; fails on HTML Telegram would reject."""
    driven = file_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


@dataclass
class Editor:
    """Someone writing to the bot in their private chat, in one language."""

    harness: FileHarness
    user_id: int
    lang: str

    async def send(self, text: str) -> list[TelegramMethod[Any]]:
        return await self.harness.send(
            text, chat_id=self.user_id, user_id=self.user_id, language_code=self.lang
        )

    async def click(self, data: str) -> list[TelegramMethod[Any]]:
        return await self.harness.click(
            data, chat_id=self.user_id, user_id=self.user_id, language_code=self.lang
        )

    async def send_file(self, text: str, name: str) -> list[TelegramMethod[Any]]:
        return await self.harness.send_document(
            text.encode(), name, user_id=self.user_id, language_code=self.lang
        )

    async def forward(self, text: str, channel: str = "kharkiv_rada") -> list[TelegramMethod[Any]]:
        """Forward a public channel's post of 6 May 2024."""
        origin = MessageOriginChannel(
            date=dt.datetime(2024, 5, 6, 9, 30, tzinfo=dt.UTC),
            chat=Chat(id=-1001234, type="channel", title="Kharkiv City Council", username=channel),
            message_id=4321,
        )
        message = Message(
            message_id=next(self.harness._update_ids) + 20_000,
            date=dt.datetime.now(dt.UTC),
            chat=Chat(id=self.user_id, type="private", first_name="Editor"),
            from_user=User(
                id=self.user_id, is_bot=False, first_name="Editor", language_code=self.lang
            ),
            text=text,
            forward_origin=origin,
        )
        update = Update(update_id=next(self.harness._update_ids), message=message)
        return await self.harness.feed(update)


def cards(calls: list[TelegramMethod[Any]]) -> list[SendMessage]:
    """The cards of proposed facts, with or without buttons, in order."""
    return [
        call
        for call in calls
        if isinstance(call, SendMessage)
        and call.text.startswith(("<b>Agreement ", "<b>Aid ", "<b>Угода ", "<b>Допомога "))
    ]


def button(call: object, label: str) -> str:
    """The callback data of the button whose label contains `label`."""
    buttons = keyboard_buttons(getattr(call, "reply_markup", None))
    for text, data in buttons:
        if label in text and data is not None:
            return data
    raise AssertionError(f"no {label!r} in {buttons}")


def edits(calls: list[TelegramMethod[Any]]) -> list[str]:
    """The new texts of the messages the bot changed."""
    return [call.text or "" for call in calls if isinstance(call, EditMessageText)]


def edited_buttons(calls: list[TelegramMethod[Any]]) -> list[EditMessageText]:
    """The messages the bot changed, with their new buttons."""
    return [call for call in calls if isinstance(call, EditMessageText)]


def agreement(knowledge: KnowledgeDocument, key: str) -> AgreementDoc:
    (found,) = [record for record in knowledge.agreements if record.key == key]
    return found


def source(knowledge: KnowledgeDocument, key: str) -> SourceDoc:
    (found,) = [record for record in knowledge.sources if record.key == key]
    return found


@pytest.mark.parametrize("lang", ["uk", "en"])
async def test_a_file_proposes_cards_and_update_writes_the_change_citing_the_document(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    editor = Editor(admins, SUPER_ADMIN, lang)
    before = await stored(seeded_engine)
    audited = await audit_count(seeded_engine)

    calls = await editor.send_file(NEWS_UK, "news.txt")
    shown = cards(calls)
    added = await editor.click(button(shown[0], LABELS[lang]["update"]))
    after = await stored(seeded_engine)

    header = sent_texts(calls)[0]
    assert header.startswith(
        {
            "uk": "Я прочитав «Харків і Альбукерке стали побратимами»: 2 факти.",
            "en": "I read «Харків і Альбукерке стали побратимами»: 2 facts.",
        }[lang]
    )
    assert {"uk": "14 серпня 2023", "en": "August 14, 2023"}[lang] in header
    assert len(shown) == 2
    # The stored planned twinning is shown as a change; the new partner as a new place.
    assert {"uk": "• Статус: Запланована → Чинна", "en": "• Status: Planned → Active"}[
        lang
    ] in shown[0].text
    assert {"uk": "Тарнів, Польща (нове місце)", "en": "Тарнів, Poland (a new place)"}[
        lang
    ] in shown[1].text
    assert "«угоду про співпрацю»" in shown[1].text
    assert [label for label, _data in keyboard_buttons(shown[1].reply_markup)] == [
        {"uk": "➕ Додати", "en": "➕ Add"}[lang],
        {"uk": "✏️ Змінити", "en": "✏️ Edit"}[lang],
        {"uk": "✖ Пропустити", "en": "✖ Skip"}[lang],
    ]
    # Update wrote the change and the document as its source, with the sentence as the quote.
    twinning = agreement(after, ALBUQUERQUE)
    assert (twinning.status.value, str(twinning.signed_on)) == ("active", "2023")
    new_sources = {record.key for record in after.sources} - {r.key for r in before.sources}
    (source_key,) = new_sources
    assert source(after, source_key).title.uk == "Харків і Альбукерке стали побратимами"
    assert str(source(after, source_key).issued_on) == "2023-08-14"
    (citation,) = [c for c in twinning.sources if c.source == source_key]
    assert citation.quote is not None
    assert citation.quote.startswith("Харківський міський голова Ігор Терехов")
    assert await audit_count(seeded_engine) == audited + 2
    (card,) = edited_buttons(added)
    assert keyboard_buttons(card.reply_markup) == []
    assert f"{ALBUQUERQUE} (" in (card.text or "")
    # The other card still waits; nothing else was written.
    assert len(after.agreements) == len(before.agreements)


@pytest.mark.parametrize("lang", ["uk", "en"])
async def test_undo_takes_an_added_fact_back_with_its_source_and_place(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    editor = Editor(admins, SUPER_ADMIN, lang)
    before = await stored(seeded_engine)
    shown = cards(await editor.send_file(NEWS_UK, "news.txt"))

    await editor.click(button(shown[1], LABELS[lang]["add"]))
    added = await stored(seeded_engine)
    undo = await editor.send("/undo")
    await editor.click(button(undo[-1], {"uk": "Підтвердити", "en": "Confirm"}[lang]))
    after = await stored(seeded_engine)

    (new,) = [a for a in added.agreements if a.key not in {b.key for b in before.agreements}]
    assert (new.kind.value, new.status.value, str(new.signed_on)) == (
        "cooperation_agreement",
        "active",
        "2023-05",
    )
    assert new.place == "pl-tarniv"
    assert len(added.places) == len(before.places) + 1
    assert after == before


async def test_a_forwarded_post_is_its_channels_source_and_read_only_for_other_hromadas(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)
    editor = Editor(admins, EDITOR, "en")

    calls = await editor.forward(POST_EN)
    shown = cards(calls)
    pressed = await editor.click(button(calls[-1], LABELS["en"]["all"]))
    after = await stored(seeded_engine)

    assert len(shown) == 3
    assert "Jelgava, Latvia (a new place)" in shown[0].text
    assert keyboard_buttons(shown[0].reply_markup) != []
    # Lviv's tie: shown, read-only, with no buttons.
    assert "Ostrava" in shown[2].text
    assert "Read only: only an editor of this hromada may add it." in shown[2].text
    assert keyboard_buttons(shown[2].reply_markup) == []
    assert keyboard_buttons(getattr(calls[-1], "reply_markup", None))[0][0] == "➕ Add all (2)"
    # Add all added Kharkiv's two, citing the post by its address and day, in one change.
    (post,) = [s for s in after.sources if s.url == "https://t.me/kharkiv_rada/4321"]
    assert str(post.issued_on) == "2024-05-06"
    added = [a for a in after.agreements if "jelgava" in a.place or "tartu" in a.place]
    assert sorted((a.place, a.hromada) for a in added) == [
        ("ee-tartu", KHARKIV),
        ("lv-jelgava", KHARKIV),
    ]
    assert not [a for a in after.agreements if "ostrava" in a.place]
    assert "Added 2 facts in one change; /undo takes them all back." in sent_texts(pressed)
    assert [text.rsplit("\n", 1)[-1][:10] for text in edits(pressed)] == ["<b>✅ Added"] * 2


async def test_a_read_only_fact_cannot_be_added_with_a_forged_button(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await grant_editor(seeded_engine, EDITOR, KHARKIV)
    editor = Editor(admins, EDITOR, "uk")
    calls = await editor.forward(POST_EN)
    token = FactAction.unpack(button(cards(calls)[0], "Додати")).document
    audited = await audit_count(seeded_engine)

    forged = await editor.click(FactAction(document=token, index=2, action="add").pack())

    assert alerts(forged) == ["Лише для перегляду: додати це може тільки редактор цієї громади."]
    assert await audit_count(seeded_engine) == audited


async def test_skip_writes_nothing_and_add_all_leaves_the_skipped_out(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    editor = Editor(admins, SUPER_ADMIN, "en")
    before = await stored(seeded_engine)
    calls = await editor.forward(POST_EN)
    shown = cards(calls)

    skipped = await editor.click(button(shown[0], "Skip"))
    again = await editor.click(button(shown[0], "Skip"))
    await editor.click(button(calls[-1], "Add all"))
    after = await stored(seeded_engine)

    assert "✖ Skipped." in edits(skipped)[0]
    assert alerts(again) == ["✖ Skipped."]
    assert not [a for a in after.agreements if "jelgava" in a.place]
    assert len(after.agreements) == len(before.agreements) + 2


@pytest.mark.parametrize("lang", ["uk", "en"])
async def test_edit_opens_the_edit_dialog_on_the_unsaved_record(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    editor = Editor(admins, SUPER_ADMIN, lang)
    shown = cards(await editor.send_file(NEWS_UK, "news.txt"))

    dialog = await editor.click(button(shown[1], LABELS[lang]["edit"]))
    field = await editor.click(button(dialog[-1], {"uk": "Підписано", "en": "Signed"}[lang]))
    preview = await editor.send("2023-05-12")
    saved = await editor.click(button(preview[-1], {"uk": "Підтвердити", "en": "Confirm"}[lang]))
    after = await stored(seeded_engine)

    texts = sent_texts(dialog)
    assert {"uk": "✏️ Редагується в діалозі нижче.", "en": "✏️ Being edited in the dialog below."}[
        lang
    ] in texts[0]
    assert texts[-1].startswith({"uk": "Змінюємо запис (угода)", "en": "Editing agreement"}[lang])
    assert "травень 2023" in sent_texts(field)[0] or "May 2023" in sent_texts(field)[0]
    preview_text = sent_texts(preview)[0]
    assert preview_text.count({"uk": "Буде додано", "en": "A new"}[lang]) == 2
    assert sent_texts(saved)[0].startswith({"uk": "Збережено", "en": "Saved"}[lang])
    (tarniv,) = [a for a in after.agreements if "tarniv" in a.place]
    assert str(tarniv.signed_on) == "2023-05-12"
    assert tarniv.sources[0].quote == (
        "Також Харків уклав угоду про співпрацю з містом Тарнів (Польща) у травні 2023 року."
    )


async def test_a_new_place_without_a_country_is_asked_for_one_before_the_dialog(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    editor = Editor(admins, SUPER_ADMIN, "en")
    text = "Харків підписав меморандум про взаєморозуміння з містом Скаришев у травні 2024 року."
    shown = cards(await editor.send(f"/extract {text}"))

    asked = await editor.click(button(shown[0], "Edit"))
    wrong = await editor.send("Poland and more")
    dialog = await editor.send("Польща")
    preview = await editor.click(button(dialog[-1], "Save as it is"))
    await editor.click(button(preview[-1], "Confirm"))
    after = await stored(seeded_engine)

    assert "The text gives no country for this new place: press Edit to give it." in shown[0].text
    assert [label for label, _d in keyboard_buttons(shown[0].reply_markup)] == ["✏️ Edit", "✖ Skip"]
    assert sent_texts(asked)[-1] == (
        "Which country is «Скаришев» in? Send its name or code, such as Poland or PL."
    )
    assert sent_texts(wrong)[0].startswith("I don't know a country “Poland and more”.")
    (skaryszew,) = [p for p in after.places if p.name.uk == "Скаришев"]
    assert skaryszew.country == "PL"
    assert [a.kind.value for a in after.agreements if a.place == skaryszew.key] == ["memorandum"]


async def test_a_card_whose_record_changed_meanwhile_is_shown_again_and_nothing_written(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    editor = Editor(admins, SUPER_ADMIN, "en")
    shown = cards(await editor.send_file(NEWS_UK, "news.txt"))
    # Meanwhile the twinning is made active by hand, through /edit.
    edit = await editor.send(f"/edit {ALBUQUERQUE}")
    edit = await editor.click(button(edit[-1], "Status"))
    edit = await editor.send("active")
    await editor.click(button(edit[-1], "Confirm"))
    audited = await audit_count(seeded_engine)

    stale = await editor.click(button(shown[0], "Update"))
    written = await audit_count(seeded_engine)
    again = await editor.click(button(edited_buttons(stale)[0], "Update"))

    assert alerts(stale) == [
        "The knowledge base changed since the card was shown: check it again."
    ]
    assert written == audited
    (card,) = edits(stale)
    assert "• Status:" not in card
    assert "• Signed: (empty) → 2023" in card
    assert str(agreement(await stored(seeded_engine), ALBUQUERQUE).signed_on) == "2023"
    assert "✅ Added" in edits(again)[0]


async def test_stale_and_foreign_buttons_write_nothing(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    editor = Editor(admins, SUPER_ADMIN, "en")
    calls = await editor.send_file(NEWS_UK, "news.txt")
    data = button(cards(calls)[1], "Add")
    audited = await audit_count(seeded_engine)

    unknown = await editor.click(FactAction(document="gone", index=0, action="add").pack())
    stranger = await admins.click(data, chat_id=STRANGER, user_id=STRANGER)

    assert alerts(unknown) == ["These cards are out of date; send the document again."]
    assert alerts(stranger)[0].startswith(REFUSAL["en"])
    assert await audit_count(seeded_engine) == audited


async def test_a_resident_forwarding_a_post_gets_an_answer_not_cards(
    admins: FileHarness,
) -> None:
    resident = Editor(admins, STRANGER, "en")

    calls = await resident.forward("Who are Kharkiv's partner cities?")

    assert cards(calls) == []
    assert "Brno" in sent_texts(calls)[0]


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("letter.pdf", b"%PDF-1.4 broken", "The file is damaged and does not open."),
        ("empty.txt", b"  \n", "The file has no text to read."),
    ],
)
async def test_an_unreadable_file_is_refused_with_its_reason(
    admins: FileHarness, seeded_engine: AsyncEngine, name: str, data: bytes, expected: str
) -> None:
    audited = await audit_count(seeded_engine)

    calls = await admins.send_document(data, name, user_id=SUPER_ADMIN)

    assert sent_texts(calls)[0].startswith(expected)
    assert await audit_count(seeded_engine) == audited


async def test_a_pasted_text_longer_than_a_question_is_read_as_a_document(
    admins: FileHarness,
) -> None:
    editor = Editor(admins, SUPER_ADMIN, "uk")
    filler = " Зустріч відбулася в теплій атмосфері, сторони обговорили культурні обміни." * 8

    long_text = await editor.send(NEWS_UK + filler)
    nothing = await editor.send("Сьогодні в Харкові сонячно." + filler)

    assert len(cards(long_text)) == 2
    (reply,) = sent_texts(nothing)
    assert reply.startswith("Я прочитав «Сьогодні в Харкові сонячно.")
    assert reply.endswith("і не знайшов ні угоди, ні допомоги. Нічого не записано.")


async def test_a_fact_failing_validation_is_refused_in_the_editors_language(
    admins: FileHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A validator's (English) wording never reaches a Ukrainian chat."""
    reason = "region: String should have at most 100 characters"

    def invalid(name: str, country: str, taken: set[str]) -> PlaceDoc:
        raise ValueError(reason)

    monkeypatch.setattr(forms, "new_place", invalid)
    editor = Editor(admins, SUPER_ADMIN, "uk")
    text = "Харків підписав меморандум про взаєморозуміння з містом Скаришев у травні 2024 року."
    shown = cards(await editor.send(f"/extract {text}"))
    await editor.click(button(shown[0], LABELS["uk"]["edit"]))

    refused = sent_texts(await editor.send("Польща"))

    assert refused == ["Цей факт не можна додати як є: натисніть «Змінити», щоб виправити."]
    assert all(reason not in said for said in refused)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "You may not edit this hromada's records. Nothing was changed."),
        ("uk", "Ви не маєте права редагувати записи цієї громади. Нічого не змінено."),
    ],
)
async def test_a_refusal_while_opening_the_dialog_is_told_once_and_no_dialog_opens(
    admins: FileHarness, monkeypatch: pytest.MonkeyPatch, lang: str, expected: str
) -> None:
    """Rights taken away between the cards and Edit: told as every refusal is, both when Edit
    opens the dialog at once and when it first asks the new place's country."""

    def refused(name: str, country: str, taken: set[str]) -> PlaceDoc:
        raise PermissionDeniedError(SUPER_ADMIN, Refusal.NOT_FOR_THIS_HROMADA, KHARKIV)

    monkeypatch.setattr(forms, "new_place", refused)
    editor = Editor(admins, SUPER_ADMIN, lang)
    tarnow = cards(await editor.send_file(NEWS_UK, "news.txt"))[1]
    text = "Харків підписав меморандум про взаєморозуміння з містом Скаришев у травні 2024 року."
    skaryszew = cards(await editor.send(f"/extract {text}"))[0]

    at_once = sent_texts(await editor.click(button(tarnow, LABELS[lang]["edit"])))
    await editor.click(button(skaryszew, LABELS[lang]["edit"]))
    after_country = sent_texts(await editor.send("Польща"))

    assert at_once == [expected]
    assert after_country == [expected]
