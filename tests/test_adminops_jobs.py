"""The background jobs, one tick at a time: reminders, expiry, the log chat, announcements."""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import AsyncIterator

import pytest
from aiogram.methods import SendMessage
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.callbacks import LanguageChoice
from bot.jobs import (
    install_jobs,
    run_jobs,
    tick_announcements,
    tick_audit_log,
    tick_expiry,
    tick_reminders,
    within_sending_hours,
)
from bot.services import BotServices
from bot.settings import Settings, SettingsError, load_settings
from knowledge.qa.engine import Engine
from knowledge.store.engines import create_engine, session_factory
from knowledge.store.preferences import save_chat_language
from tests.adminops_support import (
    STRANGER,
    SUPER_ADMIN,
    FileHarness,
    admin_services,
    file_harness,
    import_rows,
    stored,
)
from tests.bot_support import GROUP_ID, NOON, TODAY, USER_ID, calls_of, sent_texts

END = TODAY + dt.timedelta(days=60)
ENDING = f"Kharkiv,Jelgava,Latvia,twinning,active,2019-05,{END.isoformat()},Letter,,,"
ENDING_KEY = "kharkiv-lv-jelgava-twinning"
ENDED = "Kharkiv,Brno,CZ,cooperation agreement,active,2019,2025-05-01,Letter,,,"


@pytest.fixture
async def admins(seeded_engine: AsyncEngine, qa_engine: Engine) -> AsyncIterator[FileHarness]:
    """The bot with SUPER_ADMIN configured; fails on HTML Telegram would reject."""
    driven = file_harness(admin_services(seeded_engine, qa_engine))
    yield driven
    assert driven.session.problems == []


def _about(harness: FileHarness, start: int, key: str) -> list[SendMessage]:
    calls = calls_of(harness.session.requests[start:], SendMessage)
    return [call for call in calls if key in call.text]


async def _reminders_about(
    harness: FileHarness, services: BotServices, today: dt.date
) -> list[SendMessage]:
    start = len(harness.session.requests)
    await tick_reminders(harness.bot, services, today)
    return _about(harness, start, ENDING_KEY)


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("uk", "спливає 31 липня 2025\u202fр., через 60 днів."),
        (
            "en",
            "The agreement of Kharkivska hromada with Jelgava ends on July 31, 2025, in 60 days.",
        ),
    ],
)
async def test_reminders_fire_once_per_threshold_across_a_restart(
    admins: FileHarness, seeded_engine: AsyncEngine, qa_engine: Engine, lang: str, expected: str
) -> None:
    await import_rows(seeded_engine, ENDING)
    if lang == "en":
        async with session_factory(seeded_engine)() as session, session.begin():
            await save_chat_language(session, SUPER_ADMIN, "en", dt.datetime.now(dt.UTC))

    (first,) = await _reminders_about(admins, admins.services, TODAY)
    assert await _reminders_about(admins, admins.services, TODAY) == []

    # A restart: new services over the same database file.
    restarted_engine = create_engine(seeded_engine.url.render_as_string(hide_password=False))
    try:
        restarted = admin_services(restarted_engine, qa_engine)
        assert await _reminders_about(admins, restarted, TODAY) == []
        assert await _reminders_about(admins, restarted, TODAY + dt.timedelta(days=5)) == []
        (thirty,) = await _reminders_about(admins, restarted, END - dt.timedelta(days=20))
        assert await _reminders_about(admins, restarted, END - dt.timedelta(days=19)) == []
        (seven,) = await _reminders_about(admins, restarted, END - dt.timedelta(days=3))
    finally:
        await restarted_engine.dispose()

    assert first.chat_id == SUPER_ADMIN
    assert expected in first.text
    assert (thirty.chat_id, seven.chat_id) == (SUPER_ADMIN, SUPER_ADMIN)


async def test_an_agreement_past_its_stated_end_expires_and_answers_follow(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    # Entered while it was still in force: an entry made after its end would be refused.
    await import_rows(seeded_engine, ENDED, entered=dt.date(2025, 4, 1))
    key = "kharkiv-cz-brno-cooperation-agreement"

    expired = await tick_expiry(admins.bot, admins.services, TODAY)
    again = await tick_expiry(admins.bot, admins.services, TODAY)

    assert key in expired
    assert again == []
    statuses = {doc.key: doc.status.value for doc in (await stored(seeded_engine)).agreements}
    assert statuses[key] == "expired"
    assert admins.services.engine.snapshot.agreements[key].status.value == "expired"


@pytest.mark.parametrize(
    ("lang", "reply"),
    [
        ("en", f"From now on every change is reported to chat {GROUP_ID}."),
        ("uk", f"Відтепер про кожну зміну повідомлятиму в чат {GROUP_ID}."),
    ],
)
async def test_the_audit_log_is_forwarded_to_the_chosen_chat_once(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str, reply: str
) -> None:
    calls = await admins.send(
        "/logchat", chat_id=GROUP_ID, user_id=SUPER_ADMIN, language_code=lang
    )
    # A test post, then the confirmation, both in the chosen chat.
    assert sent_texts(calls)[1:] == [reply]
    assert len(sent_texts(calls)) == 2
    assert await tick_audit_log(admins.bot, admins.services) == 0  # no backlog

    await import_rows(seeded_engine, ENDING)
    start = len(admins.session.requests)
    forwarded = await tick_audit_log(admins.bot, admins.services)
    again = await tick_audit_log(admins.bot, admins.services)

    assert forwarded == 3  # the source, the place and the agreement
    assert again == 0
    (message,) = calls_of(admins.session.requests[start:], SendMessage)
    assert message.chat_id == GROUP_ID
    assert ENDING_KEY in message.text
    assert "test:import" in message.text


async def test_logchat_off_stops_forwarding(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await admins.send("/logchat", chat_id=GROUP_ID, user_id=SUPER_ADMIN)
    calls = await admins.send("/logchat off", chat_id=SUPER_ADMIN, user_id=SUPER_ADMIN)
    await import_rows(seeded_engine, ENDING)

    assert sent_texts(calls) == ["The audit log is no longer forwarded."]
    assert await tick_audit_log(admins.bot, admins.services) == 0


@pytest.mark.parametrize(
    ("lang", "subscribed", "news"),
    [
        (
            "en",
            "Subscribed: I will tell you about new partnerships and aid of Kharkivska hromada.",
            "Kharkivska hromada has a new partnership agreement. Ask me about it!",
        ),
        (
            "uk",
            "Підписку оформлено: я повідомлю, коли Харківська громада матиме нові партнерства"
            " чи допомогу.",
            "Харківська громада має нову угоду про партнерство. Запитайте мене про неї!",
        ),
    ],
)
async def test_subscribers_hear_of_a_new_agreement_once(
    admins: FileHarness,
    seeded_engine: AsyncEngine,
    qa_engine: Engine,
    lang: str,
    subscribed: str,
    news: str,
) -> None:
    calls = await admins.send("/subscribe Kharkiv", language_code=lang)
    listed = await admins.send("/subscriptions", language_code=lang)
    assert sent_texts(calls) == [subscribed]
    assert len(sent_texts(listed)[0].splitlines()) == 2
    # The chat chooses its language, which the bot will use when it writes first.
    await admins.click(LanguageChoice(code=lang).pack(), language_code=lang)
    assert await tick_announcements(admins.bot, admins.services) == 0

    await import_rows(seeded_engine, ENDING)
    start = len(admins.session.requests)
    sent = await tick_announcements(admins.bot, admins.services)
    again = await tick_announcements(admins.bot, admins.services)
    restarted_engine = create_engine(seeded_engine.url.render_as_string(hide_password=False))
    try:
        after_restart = await tick_announcements(
            admins.bot, admin_services(restarted_engine, qa_engine)
        )
    finally:
        await restarted_engine.dispose()

    assert (sent, again, after_restart) == (1, 0, 0)
    (message,) = calls_of(admins.session.requests[start:], SendMessage)
    assert message.chat_id == USER_ID
    assert message.text == news


async def test_unsubscribing_stops_the_news(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await admins.send("/subscribe Харків")
    await tick_announcements(admins.bot, admins.services)
    calls = await admins.send("/unsubscribe Kharkiv")
    none = await admins.send("/unsubscribe Kharkiv")
    listed = await admins.send("/subscriptions")
    await import_rows(seeded_engine, ENDING)

    assert sent_texts(calls) == ["You no longer follow Kharkivska hromada."]
    assert sent_texts(none) == ["There was no such subscription."]
    assert sent_texts(listed)[0].startswith("You follow no hromada yet.")
    assert await tick_announcements(admins.bot, admins.services) == 0


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("/subscribe", "en", "Name the hromada, such as /subscribe Kharkiv."),
        ("/subscribe Atlantis", "en", "Unknown hromada Atlantis; write its KATOTTH code"),
        ("/subscribe Атлантида", "uk", "Невідома громада Атлантида; вкажіть її код КАТОТТГ"),
        ("/unsubscribe Nowhere", "en", "Unknown hromada Nowhere; write its KATOTTH code"),
    ],
)
async def test_a_subscription_to_nothing_is_explained_and_nothing_stored(
    admins: FileHarness, text: str, lang: str, expected: str
) -> None:
    calls = await admins.send(text, user_id=STRANGER, chat_id=STRANGER, language_code=lang)
    listed = await admins.send("/subscriptions", user_id=STRANGER, chat_id=STRANGER)

    assert sent_texts(calls) == [expected]
    assert sent_texts(listed)[0].startswith("You follow no hromada yet.")


async def test_the_job_loop_runs_every_job_at_once_and_stops_when_asked(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await import_rows(seeded_engine, ENDING)
    stop = asyncio.Event()
    admins.services.today = lambda: END - dt.timedelta(days=3)

    loop = asyncio.create_task(run_jobs(admins.bot, admins.services, stop, dt.timedelta(hours=1)))
    await asyncio.sleep(0.5)
    stop.set()
    await asyncio.wait_for(loop, 5)

    assert len(_about(admins, 0, ENDING_KEY)) == 1


async def test_installed_jobs_start_and_stop_with_the_dispatcher(
    admins: FileHarness, seeded_engine: AsyncEngine
) -> None:
    await import_rows(seeded_engine, ENDING)
    admins.services.today = lambda: END - dt.timedelta(days=3)
    install_jobs(admins.dispatcher, admins.services)

    await admins.dispatcher.emit_startup(bot=admins.bot)
    await asyncio.sleep(0.5)
    await asyncio.wait_for(admins.dispatcher.emit_shutdown(), 5)

    assert len(_about(admins, 0, ENDING_KEY)) == 1


async def test_a_tick_that_never_ends_does_not_keep_the_bot_from_stopping(
    admins: FileHarness, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    cancelled = asyncio.Event()

    async def never_ends(*_: object) -> None:
        try:
            await asyncio.Event().wait()
        finally:
            cancelled.set()

    monkeypatch.setattr("bot.jobs.tick_expiry", never_ends)
    monkeypatch.setattr("bot.jobs.JOB_STOP_TIMEOUT", 0.2)
    install_jobs(admins.dispatcher, admins.services)

    await admins.dispatcher.emit_startup(bot=admins.bot)
    await asyncio.sleep(0.3)
    with caplog.at_level(logging.WARNING):
        await asyncio.wait_for(admins.dispatcher.emit_shutdown(), 5)

    assert cancelled.is_set()
    assert "The jobs outlived 0 s at shutdown; cancelled" in caplog.text


@pytest.mark.parametrize(("value", "expected"), [("30, 7,90", (90, 30, 7)), ("14", (14,))])
def test_reminder_days_come_from_the_setting(
    monkeypatch: pytest.MonkeyPatch, value: str, expected: tuple[int, ...]
) -> None:
    monkeypatch.setenv("REMINDER_DAYS", value)

    assert Settings(_env_file=None).reminder_days == expected


@pytest.mark.parametrize("value", ["", "30,soon", "0,7"])
def test_a_wrong_reminder_days_setting_is_named(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("REMINDER_DAYS", value)

    with pytest.raises(SettingsError, match=r"^REMINDER_DAYS: expected positive numbers"):
        load_settings()


@pytest.mark.parametrize("lang", ["uk", "en"])
async def test_reminders_wait_for_the_sending_hours_in_kyiv(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str
) -> None:
    await import_rows(seeded_engine, ENDING)
    async with session_factory(seeded_engine)() as session:
        await save_chat_language(session, SUPER_ADMIN, lang, NOON)
        await session.commit()
    admins.services.today = lambda: END - dt.timedelta(days=3)
    # 20:30 in Kyiv (UTC+3 in summer): after the sending hours.
    admins.services.now = lambda: dt.datetime(2025, 7, 28, 17, 30, tzinfo=dt.UTC)

    async def run_briefly() -> None:
        stop = asyncio.Event()
        loop = asyncio.create_task(
            run_jobs(admins.bot, admins.services, stop, dt.timedelta(milliseconds=20))
        )
        await asyncio.sleep(0.5)
        stop.set()
        await asyncio.wait_for(loop, 5)

    await run_briefly()
    assert _about(admins, 0, ENDING_KEY) == []

    # 09:00 the next morning: the reminder goes out at once, in the admin's language.
    admins.services.now = lambda: dt.datetime(2025, 7, 29, 6, 0, tzinfo=dt.UTC)
    await run_briefly()
    (reminder,) = _about(admins, 0, ENDING_KEY)
    assert ("Угода" in reminder.text) is (lang == "uk")


@pytest.mark.parametrize(
    ("value", "moment", "expected"),
    [
        ("09:00-20:00", dt.datetime(2025, 1, 10, 6, 59, tzinfo=dt.UTC), False),  # 08:59 Kyiv
        ("09:00-20:00", dt.datetime(2025, 1, 10, 7, 0, tzinfo=dt.UTC), True),  # 09:00
        ("09:00-20:00", dt.datetime(2025, 1, 10, 18, 0, tzinfo=dt.UTC), False),  # 20:00
        ("22:00-07:00", dt.datetime(2025, 1, 10, 23, 0, tzinfo=dt.UTC), True),  # 01:00
    ],
)
def test_the_sending_hours_come_from_the_setting(
    monkeypatch: pytest.MonkeyPatch, value: str, moment: dt.datetime, expected: bool
) -> None:
    monkeypatch.setenv("SENDING_HOURS", value)

    assert within_sending_hours(moment, Settings(_env_file=None)) is expected


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("SENDING_HOURS", "9-20", "SENDING_HOURS: expected a range of hours"),
        ("SENDING_HOURS", "09:00-25:00", "SENDING_HOURS: expected a range of hours"),
        ("SENDING_TIMEZONE", "Europe/Atlantis", "SENDING_TIMEZONE: expected a time zone"),
    ],
)
def test_a_wrong_sending_setting_is_named(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str, message: str
) -> None:
    monkeypatch.setenv(name, value)

    with pytest.raises(SettingsError, match=f"^{message}"):
        load_settings()


@pytest.mark.parametrize(
    ("lang", "digest"),
    [
        ("en", "Kharkivska hromada has 3 new partnership agreements. Ask me about them!"),
        ("uk", "Харківська громада має 3 нові угоди про партнерство. Запитайте мене про них!"),
    ],
)
async def test_an_import_is_announced_in_one_digest_without_the_records_gone_since(
    admins: FileHarness, seeded_engine: AsyncEngine, lang: str, digest: str
) -> None:
    await admins.send("/subscribe Kharkiv", language_code=lang)
    await admins.click(LanguageChoice(code=lang).pack(), language_code=lang)
    assert await tick_announcements(admins.bot, admins.services) == 0
    rows = [
        f"Kharkiv,Digeststadt {n},Germany,cooperation,active,2019,,Letter,,," for n in range(5)
    ]
    await import_rows(seeded_engine, *rows)
    # Two of them are removed again before the announcements go out (an undo, say).
    async with seeded_engine.begin() as connection:
        await connection.execute(
            text(
                "DELETE FROM agreements"
                " WHERE key LIKE '%digeststadt-3%' OR key LIKE '%digeststadt-4%'"
            )
        )
    start = len(admins.session.requests)

    sent = await tick_announcements(admins.bot, admins.services)
    again = await tick_announcements(admins.bot, admins.services)

    assert (sent, again) == (1, 0)
    (message,) = calls_of(admins.session.requests[start:], SendMessage)
    assert message.text == digest
