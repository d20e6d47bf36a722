"""Browsing: a hromada → partners by kind, page by page → an agreement → map and aid."""

from __future__ import annotations

import pytest
from aiogram.methods import AnswerCallbackQuery, EditMessageText, SendLocation, SendMessage

from bot.deeplinks import agreement_id
from tests.bot_support import Harness, calls_of, keyboard_buttons, sent_texts

KHARKIV = "UA63120270000028556"
KOSICE = agreement_id("kharkiv-kosice-cooperation-2023")
ALBUQUERQUE = agreement_id("kharkiv-albuquerque-cooperation-2023")
STALE = "This button is no longer valid. Please ask again or send /start."


async def _edited(harness: Harness, data: str, lang: str = "en") -> EditMessageText:
    calls = await harness.click(data, language_code=lang)
    assert len(calls_of(calls, AnswerCallbackQuery)) == 1
    (edit,) = calls_of(calls, EditMessageText)
    return edit  # type: ignore[no-any-return]


@pytest.mark.parametrize(
    ("lang", "heading", "group", "page", "next_label"),
    [
        ("en", "Partners of Kharkiv", "Twin cities:", "Page 1 of 2", "Next ▶"),
        ("uk", "Партнери: Харків", "Міста-побратими:", "Сторінка 1 з 2", "Далі ▶"),
    ],
)
async def test_the_first_page_lists_partners_grouped_by_kind(
    harness: Harness, lang: str, heading: str, group: str, page: str, next_label: str
) -> None:
    edit = await _edited(harness, f"pp:{KHARKIV}:1", lang)

    buttons = keyboard_buttons(edit.reply_markup)
    text = edit.text or ""
    assert text.startswith(f"<b>{heading}")
    assert text.splitlines()[1] == group
    assert page in text
    assert [data for _, data in buttons[:5]] == [
        data for _, data in buttons if data is not None and data.startswith("ag:")
    ]
    assert (next_label, f"pp:{KHARKIV}:2") in buttons
    assert not any(data == f"pp:{KHARKIV}:0" for _, data in buttons)


async def test_the_second_page_shows_the_rest_and_the_way_back(harness: Harness) -> None:
    first = await _edited(harness, f"pp:{KHARKIV}:1")
    second = await _edited(harness, f"pp:{KHARKIV}:2")

    first_agreements = {
        data for _, data in keyboard_buttons(first.reply_markup) if "ag:" in str(data)
    }
    second_buttons = keyboard_buttons(second.reply_markup)
    second_agreements = {data for _, data in second_buttons if "ag:" in str(data)}
    assert len(first_agreements) == 5
    assert len(second_agreements) == 3
    assert not first_agreements & second_agreements
    assert ("◀ Previous", f"pp:{KHARKIV}:1") in second_buttons
    assert "Page 2 of 2" in (second.text or "")


@pytest.mark.parametrize(
    ("lang", "lines"),
    [
        ("en", ["Kind: Cooperation agreement", "Status: Active", "Signed in 2023"]),
        ("uk", ["Вид: Угода про співпрацю", "Статус: Чинна", "Підписано у 2023"]),
    ],
)
async def test_an_agreement_card_has_kind_status_honest_dates_and_sources(
    harness: Harness, lang: str, lines: list[str]
) -> None:
    edit = await _edited(harness, f"ag:{KOSICE}", lang)

    text = edit.text or ""
    labels = [label for label, _ in keyboard_buttons(edit.reply_markup)]
    for line in lines:
        assert line in text
    assert "01.01.2023" not in text
    assert "January 1, 2023" not in text
    assert ("Source" in text) or ("Джерел" in text)
    assert len(labels) == 3


async def test_show_on_map_sends_the_partners_location(harness: Harness) -> None:
    card = await _edited(harness, f"ag:{KOSICE}")
    map_data = dict(keyboard_buttons(card.reply_markup))["Show on map"]

    calls = await harness.click(str(map_data))

    (location,) = calls_of(calls, SendLocation)
    assert (location.latitude, location.longitude) == (48.71441, 21.25802)


async def test_a_place_without_coordinates_has_no_map_button(harness: Harness) -> None:
    olaine = next(key for key in harness.services.engine.snapshot.agreements if "olaine" in key)

    card = await _edited(harness, f"ag:{agreement_id(olaine)}")

    assert "Show on map" not in dict(keyboard_buttons(card.reply_markup))


@pytest.mark.parametrize(
    ("lang", "title", "donors", "country"),
    [
        ("en", "<b>Aid to Kharkiv from Slovakia</b>", "From: ", "Slovakia"),
        ("uk", "<b>Словаччина: допомога громаді Харків</b>", "Звідки: ", "Словаччина"),
    ],
)
async def test_aid_from_the_partners_country(
    harness: Harness, lang: str, title: str, donors: str, country: str
) -> None:
    calls = await harness.click(f"aid:{KOSICE}", language_code=lang)

    (text,) = sent_texts(calls)
    (donor_line,) = [line for line in text.splitlines() if line.strip().startswith(donors)]
    assert text.startswith(title)
    assert country in donor_line


async def test_no_aid_from_the_partners_country_is_said_plainly(harness: Harness) -> None:
    calls = await harness.click(f"aid:{ALBUQUERQUE}")

    (text,) = sent_texts(calls)
    assert text.endswith("The sources record no aid from this country.")


@pytest.mark.parametrize(
    "data",
    [
        "nonsense",
        "zz:1",
        "pp:UA1:abc",
        "pp:UA99999999999999999:1",
        "hr:UA99999999999999999",
        "ag:AAAAAAAAAAA",
        "map:AAAAAAAAAAA",
        "aid:AAAAAAAAAAA",
        "ask:0",
        "ask:x",
        "lang:",
    ],
)
async def test_a_forged_or_stale_button_gets_a_polite_note(harness: Harness, data: str) -> None:
    calls = await harness.click(data)

    (answer,) = calls_of(calls, AnswerCallbackQuery)
    assert answer.text == STALE
    assert calls_of(calls, SendMessage) == []
    assert calls_of(calls, EditMessageText) == []


async def test_a_page_past_the_end_shows_the_last_page(harness: Harness) -> None:
    edit = await _edited(harness, f"pp:{KHARKIV}:99")

    assert "Page 2 of 2" in (edit.text or "")


async def test_the_hromada_button_goes_back_to_its_card(harness: Harness) -> None:
    edit = await _edited(harness, f"hr:{KHARKIV}")

    assert keyboard_buttons(edit.reply_markup) == [("Partners", f"pp:{KHARKIV}:1")]


@pytest.mark.parametrize("forged", ["xx", "ru", "<b>", "uk-UA", "EN"])
@pytest.mark.parametrize(
    ("lang", "heading"), [("en", "Partners of Kharkiv"), ("uk", "Партнери: Харків")]
)
async def test_a_forged_language_in_a_button_answers_in_the_residents_language(
    harness: Harness, forged: str, lang: str, heading: str
) -> None:
    edit = await _edited(harness, f"pp:{KHARKIV}:1:{forged}", lang)

    assert (edit.text or "").startswith(f"<b>{heading}")
