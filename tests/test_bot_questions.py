"""Free-text questions: answers, follow-ups, choice buttons, long answers, escaping, errors."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendMessage
from aiogram.types import Chat, Message, Sticker, Update, User

from bot.replies import answer_html
from knowledge.qa import engine as engine_module
from knowledge.qa.answer import Answer
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Entities
from knowledge.render import phrases
from knowledge.render.phrases import Citation
from tests.bot_support import TOKEN, Harness, calls_of, keyboard_buttons, sent_texts


@pytest.mark.parametrize(
    ("question", "lang", "expected"),
    [
        ("Who are Kharkiv's partner cities?", "en", "Košice, Slovakia"),
        ("Які міста-партнери в Харкова?", "uk", "Кошице, Словаччина"),
    ],
)
async def test_a_question_gets_the_engines_answer_and_a_browse_button(
    harness: Harness, question: str, lang: str, expected: str
) -> None:
    calls = await harness.send(question, language_code=lang)

    (message,) = calls_of(calls, SendMessage)
    assert expected in message.text
    *_, browse, correction = keyboard_buttons(message.reply_markup)
    assert browse == (
        {"en": "Browse partners", "uk": "Переглянути партнерів"}[lang],
        "pp:UA63120270000028556:1:" + lang,
    )
    assert correction == (
        {"en": "✏️ Suggest a correction", "uk": "✏️ Запропонувати виправлення"}[lang],
        "fix:UA63120270000028556:" + lang,
    )


@pytest.mark.parametrize(
    ("question", "chat_lang", "browse", "correction", "partner", "prompt"),
    [
        (
            "Who are Kharkiv's partner cities?",
            "uk",
            "Browse partners",
            "✏️ Suggest a correction",
            "Košice",
            "What is wrong or missing in this answer?",
        ),
        (
            "Які міста-партнери в Харкова?",
            "en",
            "Переглянути партнерів",
            "✏️ Запропонувати виправлення",
            "Кошице",
            "Що в цій відповіді неправильно чи чого бракує?",
        ),
    ],
)
async def test_the_buttons_under_an_answer_and_what_they_open_speak_the_answers_language(
    harness: Harness,
    question: str,
    chat_lang: str,
    browse: str,
    correction: str,
    partner: str,
    prompt: str,
) -> None:
    calls = await harness.send(question, language_code=chat_lang)

    (message,) = calls_of(calls, SendMessage)
    buttons = dict(keyboard_buttons(message.reply_markup))
    assert {browse, correction} <= set(buttons)
    opened = await harness.click(str(buttons[browse]), language_code=chat_lang)
    texts = [str(getattr(call, "text", "")) for call in opened]
    assert any(partner in text for text in texts), texts
    asked = await harness.click(str(buttons[correction]), language_code=chat_lang)
    assert any(prompt in text for text in sent_texts(asked))


async def test_answers_are_sent_without_a_link_preview(harness: Harness) -> None:
    calls = await harness.send("Kupiansk partners", language_code="en")

    (message,) = calls_of(calls, SendMessage)
    assert message.link_preview_options is not None
    assert message.link_preview_options.is_disabled


def test_a_source_with_an_address_is_a_link_and_one_without_stays_text() -> None:
    linked = Citation(
        "a",
        "Mena City Council",
        "Report <2023>",
        "03",
        "January 24, 2024",
        "https://x.ua/r?a=1&b=2",
    )
    plain = Citation("b", "Kharkiv City Council", "Reply", None, None)
    answer = Answer(
        question="Mena partners",
        lang="en",
        intent=Intent.PARTNERS,
        entities=Entities(),
        text="Mena — 5 partners:\n\nSources:\n"
        "• Mena City Council, «Report <2023>», No. 03, January 24, 2024\n"
        "• Kharkiv City Council, «Reply»",
        sources=(linked, plain),
    )

    actual = answer_html(answer)

    assert actual.splitlines()[-2:] == [
        '• <a href="https://x.ua/r?a=1&amp;b=2">Mena City Council, «Report &lt;2023&gt;»,'
        " No. 03, January 24, 2024</a>",
        "• Kharkiv City Council, «Reply»",
    ]


async def test_a_long_list_pages_with_a_button_that_outlives_later_questions(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine_module, "LIST_LIMIT", 4)
    monkeypatch.setattr(phrases, "LIST_LIMIT", 4)
    first = await harness.send("Kharkiv partners", language_code="en")
    (message,) = calls_of(first, SendMessage)
    label, data = keyboard_buttons(message.reply_markup)[0]
    await harness.send("Mena partners", language_code="en")

    calls = await harness.click(str(data), language_code="en")

    (page,) = calls_of(calls, SendMessage)

    def partners(text: str) -> set[str]:
        return {line[2:].split(",")[0] for line in text.splitlines() if line.startswith("• ")}

    shown, then = partners(message.text.split("\n\n")[0]), partners(page.text.split("\n\n")[0])
    assert label == "Next page ▸"
    assert "…and 2 more" in message.text
    assert (len(shown), len(then)) == (4, 2)
    assert shown | then == {"Albuquerque", "Brno", "Cincinnati", "Košice", "Leeds", "Lille"}
    assert "Mena" not in page.text
    assert page.reply_markup is None


async def test_a_follow_up_continues_the_conversation(harness: Harness) -> None:
    await harness.send("Які партнери у Менської громади?", language_code="uk")

    calls = await harness.send("а в Польщі?", language_code="uk")

    (text,) = sent_texts(calls)
    assert "Домброва" in text
    assert "Олайне" not in text


@pytest.mark.parametrize(
    ("question", "client", "expected"),
    [
        ("Who are Kharkiv's partner cities?", "uk", "Košice, Slovakia"),
        ("Які міста-партнери в Харкова?", "en", "Кошице, Словаччина"),
    ],
)
async def test_the_question_language_decides_the_answer_over_the_client(
    harness: Harness, question: str, client: str, expected: str
) -> None:
    calls = await harness.send(question, language_code=client)

    assert expected in sent_texts(calls)[0]


async def test_start_starts_the_conversation_over(harness: Harness) -> None:
    await harness.send("Які партнери у Менської громади?", language_code="uk")
    await harness.send("/start", language_code="uk")

    calls = await harness.send("а в Польщі?", language_code="uk")

    (text,) = sent_texts(calls)
    assert "Домброва" not in text
    assert text.startswith("Про що саме ви питаєте?")


async def test_another_chat_has_its_own_conversation(harness: Harness) -> None:
    await harness.send("Які партнери у Менської громади?", language_code="uk")

    follow_up = await harness.send("а в Польщі?", language_code="uk")
    elsewhere = await harness.send("а в Польщі?", chat_id=2002, user_id=2002, language_code="uk")

    assert sent_texts(follow_up)[0].startswith("Мена")
    assert not sent_texts(elsewhere)[0].startswith("Мена")


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_an_ambiguous_name_offers_buttons_that_settle_it(
    harness: Harness, lang: str
) -> None:
    asked = {"uk": "Що відомо про Золочів?", "en": "What do you know about Zolochiv?"}[lang]
    calls = await harness.send(asked, language_code=lang)
    (question,) = calls_of(calls, SendMessage)
    buttons = keyboard_buttons(question.reply_markup)
    oblast = "Kharkiv" if lang == "en" else "Харківська"
    data = next(data for label, data in buttons if oblast in label)

    answer = await harness.click(str(data), language_code=lang)

    assert len(buttons) >= 2
    assert ("Tampa" if lang == "en" else "Тамп") in sent_texts(answer)[0]


async def test_a_button_from_an_older_offer_is_stale(harness: Harness) -> None:
    await harness.send("Що відомо про Золочів?", language_code="en")
    await harness.send("/start", language_code="en")

    calls = await harness.click("ask:9", language_code="en")

    (answer,) = calls_of(calls, AnswerCallbackQuery)
    assert answer.show_alert
    assert answer.text == "This button is no longer valid. Please ask again or send /start."
    assert sent_texts(calls) == []


async def test_an_older_suggestion_asks_its_own_question_whoever_presses_it(
    harness: Harness,
) -> None:
    kharkiv = await harness.send("/ask Які міста-партнери в Харкова?", chat_id=-5005, user_id=11)
    (message,) = calls_of(kharkiv, SendMessage)
    label, data = keyboard_buttons(message.reply_markup)[0]
    await harness.send("/ask Які міста-партнери в Мени?", chat_id=-5005, user_id=11)

    calls = await harness.click(str(data), chat_id=-5005, user_id=12, language_code="uk")

    (text,) = sent_texts(calls)
    partner = label.removeprefix("Коли підписали угоду з містом ").rstrip("?")
    assert str(data).startswith("q:")
    assert partner in text
    assert "Харків" in text
    assert "Мена" not in text


def _long_answer(text: str) -> Any:
    def answer(question: str, *args: Any, **kwargs: Any) -> Answer:
        return Answer(
            question=question,
            lang="en",
            intent=Intent.PARTNERS,
            entities=Entities(),
            text=text,
            suggestions=("Who are Kharkiv's partner cities?",),
        )

    return answer


async def test_a_long_answer_is_split_at_line_boundaries(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    lines = [f"• Partner number {number} & friends" for number in range(400)]
    monkeypatch.setattr(harness.services.engine, "answer", _long_answer("\n".join(lines)))

    calls = await harness.send("Who are the partners?")

    messages = calls_of(calls, SendMessage)
    assert len(messages) > 2
    assert all(len(message.text) <= 4096 for message in messages)
    assert "\n".join(message.text for message in messages) == "\n".join(
        line.replace("&", "&amp;") for line in lines
    )
    assert [message.reply_markup is not None for message in messages][-2:] == [False, True]


async def test_text_from_the_knowledge_base_is_escaped(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(harness.services.engine, "answer", _long_answer("Tom & Jerry <b>"))

    calls = await harness.send("<b>&</b>")

    assert sent_texts(calls) == ["Tom &amp; Jerry &lt;b&gt;"]


async def test_a_question_with_markup_is_answered_as_text(harness: Harness) -> None:
    calls = await harness.send("<b>Kharkiv</b> & partners?")

    assert len(sent_texts(calls)) == 1


async def test_a_failure_is_logged_with_context_and_the_user_gets_an_apology(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def broken(*args: Any, **kwargs: Any) -> Answer:
        raise RuntimeError("index is broken")

    monkeypatch.setattr(harness.services.engine, "answer", broken)
    with caplog.at_level(logging.ERROR, logger="bot.handlers.errors"):
        calls = await harness.send("Who are Kharkiv's partner cities?", language_code="uk")
    monkeypatch.undo()
    later = await harness.send("Who are Kharkiv's partner cities?", language_code="uk")

    (record,) = caplog.records
    assert sent_texts(calls) == [
        "Вибачте, у мене щось пішло не так. Спробуйте, будь ласка, трохи згодом."
    ]
    assert "in chat 1001" in record.getMessage()
    assert "bot.handlers.questions.ask" in record.getMessage()
    assert TOKEN not in caplog.text
    assert TOKEN.split(":")[1] not in caplog.text
    # An English question gets English, whatever the user's Telegram language.
    assert "Košice" in sent_texts(later)[0]


async def test_a_sticker_gets_a_request_for_text(harness: Harness) -> None:
    sticker = Sticker(
        file_id="f",
        file_unique_id="u",
        type="regular",
        width=1,
        height=1,
        is_animated=False,
        is_video=False,
    )
    message = Message(
        message_id=1,
        date=dt.datetime.now(dt.UTC),
        chat=Chat(id=1001, type="private"),
        from_user=User(id=1001, is_bot=False, first_name="R", language_code="en"),
        sticker=sticker,
    )

    calls = await harness.feed(Update(update_id=1, message=message))

    assert sent_texts(calls) == ["I understand text questions only. Please write your question."]


async def test_a_failing_button_gets_an_apology_in_the_chats_saved_language(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    await harness.click("lang:en", language_code="uk")
    await harness.send("/start", language_code="uk")

    def broken(*args: Any, **kwargs: Any) -> Answer:
        raise RuntimeError("index is broken")

    monkeypatch.setattr(harness.services.engine, "answer", broken)
    calls = await harness.click("ask:0", language_code="uk")

    (answer,) = calls_of(calls, AnswerCallbackQuery)
    assert (
        answer.text == "Sorry, something went wrong on my side. Please try again a little later."
    )
    assert answer.show_alert


@pytest.mark.parametrize(
    ("question", "chat_lang"),
    [
        ("Яку допомогу отримав Харків з Німеччини?", "uk"),
        ("Какую помощь получил Харьков из Германии?", "uk"),
        ("Какие соглашения есть у Харькова?", "uk"),
        ("Что получил Харьков из Германии?", "uk"),
        ("Що отримав Харків з Німеччини?", "en"),
        ("А что получил Харьков из Германии?", "en"),
        ("Сколько помощи получил Харьков из Германии?", "uk"),
        ("Когда Харьков получил помощь из Германии?", "uk"),
        ("Кто помогал Харькову?", "uk"),
        ("What aid did Kharkiv receive from Germany?", "en"),
    ],
)
async def test_a_question_asking_what_or_how_much_is_not_answered_as_yes_or_no(
    harness: Harness, question: str, chat_lang: str
) -> None:
    calls = await harness.send(question, language_code=chat_lang)

    (answer, *_rest) = sent_texts(calls)
    assert not answer.startswith(("Так", "Yes", "Ні", "No")), answer


@pytest.mark.parametrize(
    ("question", "chat_lang", "card_words", "about", "hromada", "aid"),
    [
        (
            "Who are Kharkiv's partner cities?",
            "uk",
            "Cooperation agreement",
            "About the hromada",
            "Kharkiv",
            "Aid from this country",
        ),
        (
            "Які міста-партнери в Харкова?",
            "en",
            "Угода про співпрацю",
            "Про громаду",
            "Харків",
            "Допомога з цієї країни",
        ),
    ],
)
async def test_browsing_begun_under_an_answer_stays_in_the_answers_language(
    harness: Harness,
    question: str,
    chat_lang: str,
    card_words: str,
    about: str,
    hromada: str,
    aid: str,
) -> None:
    (message,) = calls_of(await harness.send(question, language_code=chat_lang), SendMessage)
    *_, browse, _correction = keyboard_buttons(message.reply_markup)
    (page,) = calls_of(
        await harness.click(str(browse[1]), language_code=chat_lang), EditMessageText
    )
    page_buttons = keyboard_buttons(page.reply_markup)
    kosice = next(data for label, data in page_buttons if "Košice" in label or "Кошице" in label)
    about_data = dict(page_buttons)[about]

    (card,) = calls_of(await harness.click(str(kosice), language_code=chat_lang), EditMessageText)
    (home,) = calls_of(
        await harness.click(str(about_data), language_code=chat_lang), EditMessageText
    )

    assert card_words in card.text
    assert aid in dict(keyboard_buttons(card.reply_markup))
    assert home.text.startswith(hromada) or hromada in home.text.splitlines()[0]
