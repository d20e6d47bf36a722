"""The new-record dialogs, walked from their one table of steps: each step checks its answer
in the admin's language and asks again, and a button counts only under its own question."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from knowledge.admin.dialogs import (
    DIALOGS,
    AgreementDraft,
    AidDraft,
    DialogState,
    SourceAnswer,
    waits_for_a_press,
)
from knowledge.admin.editing_state import (
    CorrectionDraft,
    EditedRecord,
    FactCountry,
    Operation,
    PendingChange,
    PreviewedImport,
    RecordChoice,
    ReplyDraft,
    StartedUndo,
    UnsaidOutcome,
)
from knowledge.facts.dates import PartialDate
from knowledge.facts.plain import from_plain
from knowledge.facts.vocabulary import AgreementKind, AgreementStatus, AidCategory, CooperationArea
from knowledge.qa.engine import Engine
from tests.admin_support import audit_count
from tests.adminbot_support import (
    SUPER_ADMIN,
    admin_harness,
    admin_services,
    alerts,
    button,
    last_buttons,
    stored,
)
from tests.bot_support import Harness, sent_texts

ME = SUPER_ADMIN
NOT_A_DATE = {
    "en": "“someday” is not a date. Send 12.03.2024, 12 March 2024, 03.2024, March 2024 or 2024",
    "uk": "«колись» — не дата. Надішліть 12.03.2024, 12 березня 2024, 03.2024, березень 2024",
}
SOMEDAY = {"en": "someday", "uk": "колись"}
DONOR_COUNTRY = {
    "en": "The donor's country (such as Poland or PL)?",
    "uk": "Країна донора (наприклад, Польща чи PL)?",
}
STATUS_QUESTION = {"en": "Its status?", "uk": "Її статус?"}
SIGNED_QUESTION = {"en": "When was it signed?", "uk": "Коли її підписано?"}
NO_LONGER_VALID = {
    "en": "This button is no longer valid. Please start again.",
    "uk": "Ця кнопка вже не діє. Почніть, будь ласка, спочатку.",
}


@pytest.fixture
async def admin(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[Harness]:
    driven = admin_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


async def _say(admin: Harness, text: str, lang: str) -> list[str]:
    return sent_texts(await admin.send(text, chat_id=ME, user_id=ME, language_code=lang))


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_bad_date_is_refused_in_the_admins_language_and_asked_again(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    expected = await stored(seeded_engine)
    await _say(admin, "/new_aid", lang)
    await _say(admin, "Харків", lang)

    (refusal,) = await _say(admin, SOMEDAY[lang], lang)

    assert refusal.startswith(NOT_A_DATE[lang])
    # The same question waits: a good date is taken and the next one asked.
    assert await _say(admin, "03.2024", lang) == [DONOR_COUNTRY[lang]]
    assert await stored(seeded_engine) == expected


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_button_under_an_earlier_question_changes_nothing(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    audited = await audit_count(seeded_engine)
    for text in ("/new_agreement", "Харків", "Кошице"):
        calls = await admin.send(text, chat_id=ME, user_id=ME, language_code=lang)
    kind_button = last_buttons(calls)[0][1] or ""
    calls = await admin.click(kind_button, chat_id=ME, user_id=ME, language_code=lang)
    assert sent_texts(calls) == [STATUS_QUESTION[lang]]

    calls = await admin.click(kind_button, chat_id=ME, user_id=ME, language_code=lang)

    assert sent_texts(calls) == [NO_LONGER_VALID[lang]]
    (next_question,) = await _say(admin, "active" if lang == "en" else "чинна", lang)
    assert next_question.startswith(SIGNED_QUESTION[lang])
    assert await audit_count(seeded_engine) == audited


def test_only_the_questions_with_buttons_wait_for_a_press() -> None:
    agreement = DIALOGS["agreement"]
    pressed = {
        step.name
        for index, step in enumerate(agreement.steps)
        if waits_for_a_press(DialogState("agreement", index).to_data())
    }

    assert pressed == {"kind", "status"}
    assert not waits_for_a_press({})
    assert not waits_for_a_press(DialogState("aid", 0).to_data())


def test_a_dialog_kept_before_a_restart_goes_on_at_its_step() -> None:
    kept = {"form": "aid", "step": 2, "answers": {"hromada": "UA63120270000028556"}}

    state = DialogState.from_data(kept)

    assert state is not None
    assert state.current.name == "country"
    assert state.answers == kept["answers"]


def test_answers_kept_before_a_restart_finish_as_a_typed_draft() -> None:
    # As the conversation storage (Redis, SQLite) holds a dialog at its last question: JSON,
    # each answer under its step's name, a place added on the way.
    new_place = {"key": "sk-nove-mesto", "name": {"uk": "Нове Місто", "en": "Nove Mesto"}}
    answers = {
        "hromada": "UA63120270000028556",
        "place_name": "Нове Місто",
        "new_place": new_place,
        "place": "sk-nove-mesto",
        "kind": "memorandum",
        "status": "active",
        "signed_on": "2024-03",
        "valid_until": None,
        "term_years": 5,
        "areas": ["culture"],
        "notes": {"uk": "Нотатки"},
        "source": {"key": "test-source", "new": None},
    }
    kept = json.loads(json.dumps({"form": "agreement", "step": 10, "answers": answers}))

    state = DialogState.from_data(kept)

    assert state is not None
    assert state.current.name == "source"
    assert from_plain(AgreementDraft, state.answers) == AgreementDraft(
        hromada="UA63120270000028556",
        place="sk-nove-mesto",
        kind=AgreementKind.MEMORANDUM,
        status=AgreementStatus.ACTIVE,
        source=SourceAnswer("test-source"),
        signed_on=PartialDate.parse("2024-03"),
        term_years=5,
        areas=(CooperationArea.CULTURE,),
        notes={"uk": "Нотатки"},
        new_place=new_place,
    )


def test_aid_answers_kept_without_the_later_questions_read_with_their_defaults() -> None:
    # Kept by a dialog that did not yet ask for the donor city.
    kept = {
        "hromada": "Харків",
        "received_on": "2024",
        "country": "PL",
        "category": "generators",
        "quantity": 12,
        "source": {"key": "test-source", "new": None},
    }

    draft = from_plain(AidDraft, json.loads(json.dumps(kept)))

    assert (draft.donor_city, draft.new_donor_city) == (None, None)
    assert (draft.category, draft.received_on) == (AidCategory.GENERATORS, PartialDate(2024))


KOSICE = "kharkiv-kosice-cooperation-2023"
SIGNED = {"en": "Signed", "uk": "Підписано"}
SIGNED_CHANGE = {
    "en": "• Signed: 2023 → May 2024",
    "uk": "• Підписано: 2023\u202fр. → травень 2024\u202fр.",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_an_edited_date_is_refused_in_the_admins_language_and_asked_again(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    expected = await stored(seeded_engine)
    calls = await admin.send(f"/edit {KOSICE}", chat_id=ME, user_id=ME, language_code=lang)
    signed = next(data for label, data in last_buttons(calls) if label == SIGNED[lang])
    await admin.click(signed or "", chat_id=ME, user_id=ME, language_code=lang)

    (refusal,) = await _say(admin, SOMEDAY[lang], lang)
    (preview,) = await _say(admin, "05.2024", lang)

    assert refusal.startswith(NOT_A_DATE[lang])
    assert SIGNED_CHANGE[lang] in preview
    assert await stored(seeded_engine) == expected


def test_a_preview_and_an_edit_kept_before_a_restart_go_on() -> None:
    # Kept at the top of the conversation data, as before their parts had keys.
    kept: dict[str, object] = {
        "entity": "agreement",
        "key": KOSICE,
        "expected": {"key": KOSICE},
        "field": "signed",
        "operation": "delete",
        "doc": None,
        "extra": [],
    }

    pending = PendingChange.from_data(kept)
    edited = EditedRecord.from_data(kept)

    assert pending is not None
    assert (pending.operation, pending.key, pending.expected) == (
        Operation.DELETE,
        KOSICE,
        {"key": KOSICE},
    )
    assert edited is not None
    assert (edited.entity, edited.field, edited.base) == ("agreement", "signed", {"key": KOSICE})


def test_a_country_a_correction_or_a_reply_asked_before_a_restart_is_still_taken() -> None:
    # Kept at the top of the conversation data, as before these parts had keys.
    country = FactCountry.from_data({"document": "a1b2", "index": 3})
    correction = CorrectionDraft.from_data(
        {"correction_hromada": "UA63120270000028556", "correction_answer": "Кошице"}
    )
    reply = ReplyDraft.from_data({"correction_id": 17})

    assert country == FactCountry(document="a1b2", index=3)
    assert correction == CorrectionDraft(hromada="UA63120270000028556", answer="Кошице")
    assert reply == ReplyDraft(correction_id=17)
    # Kept now, each under its own key, they read back the same.
    for part in (country, correction, reply):
        assert type(part).from_data(json.loads(json.dumps(part.to_data()))) == part
    assert FactCountry.from_data({}) is None
    assert ReplyDraft.from_data({"correction_id": "seventeen"}) is None


def test_what_a_confirm_kept_before_a_restart_is_still_told() -> None:
    # Kept as bare values, before these parts had a shape: a Confirm delivered again after a
    # restart still says the saved change, or how the undo of an import goes.
    kept: dict[str, object] = {
        "unsaid_outcome": "Saved place sk-kosice (change #7).",
        "undo_job": 3,
    }

    unsaid = UnsaidOutcome.from_data(kept)
    started = StartedUndo.from_data(kept)

    assert unsaid is not None
    assert unsaid.text == kept["unsaid_outcome"]
    assert started is not None
    assert started.job_id == 3
    assert UnsaidOutcome.from_data(UnsaidOutcome.cleared()) is None
    assert StartedUndo.from_data({"undo_job": True}) is None


def test_an_import_previewed_before_a_restart_is_applied_from_its_file() -> None:
    # Kept at the top of the conversation data, as before the preview had its key.
    kept = {"upload": "u1", "filename": "aid.csv", "data": "a2V5LGh1Yg=="}

    previewed = PreviewedImport.from_data(kept)

    assert previewed is not None
    assert (previewed.upload, previewed.filename, previewed.content) == (
        "u1",
        "aid.csv",
        b"key,hub",
    )
    again = PreviewedImport.of_file("u2", "aid.csv", b"key,hub")
    assert PreviewedImport.from_data(json.loads(json.dumps(again.to_data()))) == again


def test_kept_state_that_does_not_fit_its_shape_is_no_state() -> None:
    assert PendingChange.from_data({}) is None
    assert PendingChange.from_data({"pending": {"operation": "explode", "entity": "x"}}) is None
    assert EditedRecord.from_data({"edited": {"entity": "agreement"}}) is None
    assert RecordChoice.from_data({"found": {"records": "kosice"}}) is None
    kept = PendingChange(
        operation=Operation.SAVE, entity="place", key="sk-kosice", extra=[("source", {"k": 1})]
    )
    assert PendingChange.from_data(json.loads(json.dumps(kept.to_data()))) == kept


OUT_OF_DATE = {
    "en": "This button is no longer valid. Please ask again or send /start.",
    "uk": "Ця кнопка вже не діє. Запитайте ще раз або надішліть /start.",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
@pytest.mark.parametrize("data", ["adp:kind:0", "adp:rec:1", "adp:title:0", "adm:back:2"])
async def test_a_button_of_an_older_layout_is_answered_as_out_of_date(
    admin: Harness, seeded_engine: AsyncEngine, lang: str, data: str
) -> None:
    for text in ("/new_agreement", "Харків", "Кошице"):
        await _say(admin, text, lang)
    audited = await audit_count(seeded_engine)

    calls = await admin.click(data, chat_id=ME, user_id=ME, language_code=lang)

    assert alerts(calls) == [OUT_OF_DATE[lang]]
    assert sent_texts(calls) == []
    # The dialog goes on where it was.
    (question,) = await _say(admin, "memorandum", lang)
    assert question == STATUS_QUESTION[lang]
    assert await audit_count(seeded_engine) == audited


SEND_A_SOURCE = {
    "en": "Send a source: the key of an existing one, a title or a link.",
    "uk": "Надішліть джерело: ключ наявного, назву або посилання.",
}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_a_bare_number_is_not_taken_for_a_sources_title(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    for text in ("/new_aid", "Харків", "2024", "PL", "-", "generators", "12"):
        await _say(admin, text, lang)
    audited = await audit_count(seeded_engine)

    assert await _say(admin, "12", lang) == [SEND_A_SOURCE[lang]]

    (preview,) = await _say(admin, "test-source", lang)
    assert "source-12" not in preview
    assert await audit_count(seeded_engine) == audited


AID_FIELDS = {
    "en": ["Received", "Donor's country", "Kind of aid", "Quantity", "Notes"],
    "uk": ["Отримано", "Країна донора", "Вид допомоги", "Кількість", "Примітки"],
}
CONFIRM = {"en": "Confirm", "uk": "Підтвердити"}
FOOD = {"en": "food", "uk": "продукти харчування"}


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_editing_aid_offers_the_fields_its_dialog_asks(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    for text in ("/new_aid", "Харків", "2024", "PL", "-", "generators", "12"):
        await _say(admin, text, lang)
    calls = await admin.send("test-source", chat_id=ME, user_id=ME, language_code=lang)
    await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)
    key = "kharkivska-aid-pl-2024"

    for field, typed in ((1, "LT"), (2, None), (3, "5")):
        calls = await admin.send(f"/edit {key}", chat_id=ME, user_id=ME, language_code=lang)
        assert [label for label, _data in last_buttons(calls)] == AID_FIELDS[lang]
        calls = await admin.click(
            button(calls, AID_FIELDS[lang][field]), chat_id=ME, user_id=ME, language_code=lang
        )
        if typed is None:
            calls = await admin.click(
                button(calls, FOOD[lang]), chat_id=ME, user_id=ME, language_code=lang
            )
        else:
            calls = await admin.send(typed, chat_id=ME, user_id=ME, language_code=lang)
        await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)

    (aid,) = [a for a in (await stored(seeded_engine)).aid if a.key == key]
    assert [donor.country for donor in aid.donors] == ["LT"]
    assert [(item.category.value, item.quantity) for item in aid.items] == [("food", 5)]


@pytest.mark.parametrize("lang", ["en", "uk"])
async def test_aid_sent_by_a_city_names_the_city_as_its_donor(
    admin: Harness, seeded_engine: AsyncEngine, lang: str
) -> None:
    before = await stored(seeded_engine)
    previews: list[str] = []
    for city, country in (("Кошице", "SK"), ("Новий Тарг", "PL")):
        for text in ("/new_aid", "Харків", "2024", country, city, "generators", "12"):
            await _say(admin, text, lang)
        calls = await admin.send("test-source", chat_id=ME, user_id=ME, language_code=lang)
        previews.append(sent_texts(calls)[0])
        await admin.click(button(calls, CONFIRM[lang]), chat_id=ME, user_id=ME, language_code=lang)

    # The city is shown by its name, not its key.
    assert "sk-kosice" not in previews[0]
    assert ("Košice" if lang == "en" else "Кошице") in previews[0]
    after = await stored(seeded_engine)
    (added,) = [p for p in after.places if p.key not in {q.key for q in before.places}]
    assert (added.name.uk, added.country) == ("Новий Тарг", "PL")
    donors = {
        aid.key: [(donor.kind.value, donor.country, donor.place) for donor in aid.donors]
        for aid in after.aid
    }
    assert donors["kharkivska-aid-sk-2024"] == [("city", "SK", "sk-kosice")]
    assert donors["kharkivska-aid-pl-2024"] == [("city", "PL", added.key)]
