"""`python -m bot chat`: the whole bot in the terminal, without Telegram.

The local Bot API (`bot.local_api`) runs in this process; the real bot (same dispatcher,
handlers and middlewares as `run`) polls it over HTTP; the person at the terminal is a Telegram
user whose messages, button presses and inline queries go through the local API's control
methods. What the bot sends is printed: text without markup, buttons numbered, locations as
coordinates with an OpenStreetMap link, documents saved to files.

Inside the chat: a number presses a button of the bot's last message (or picks an inline
result) unless the bot is waiting for typed input, when it is sent as text; `#3` always presses
button 3; `@ text` is an inline query; `/file PATH` sends a file; `/lang uk|en` sets the user's
Telegram language; `/quit` or Ctrl-D leaves. `python -m bot chat --admin` makes the local user a
super-admin (as `ADMIN_IDS` does for a real bot).
"""

from __future__ import annotations

import asyncio
import contextlib
import gettext
import html
import io
import mimetypes
import re
import signal
import threading
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, TextIO

from aiogram import BaseMiddleware, Dispatcher
from aiogram.fsm.storage.base import StorageKey
from aiogram.types import TelegramObject
from pydantic import AnyHttpUrl, SecretStr

from bot.app import running_bot
from bot.handlers.admin_editing import EditForm, Pending, SourceTitle
from bot.handlers.admin_ops import ImportStep
from bot.local_api import DEFAULT_TOKEN, Call, LocalTelegram
from bot.settings import LOCALES, Settings
from bot.transport import runners
from bot.transport.session import RetryPolicy
from bot.write_jobs import wait_for_jobs
from knowledge.admin.dialogs import names_a_place_now, waits_for_a_press

USER_ID = 1001
FILES_DIR = Path("var/chat-files")
QUIT_COMMANDS = frozenset({"/quit", "/exit"})
# How often the chat looks for messages the bot sends on its own while it waits for a line.
LATER_CALLS_EVERY = 0.5
# How long /quit lets an import or undo running in the background finish (seconds).
JOBS_AT_QUIT = 30.0
# Larger files are refused by Telegram's bots as well (getFile serves up to 20 MB).
MAX_FILE_BYTES = 20 * 1024 * 1024
_EXPLICIT_PRESS = re.compile(r"^#\s*(\d+)$")
# Dialog steps that wait for a button (and a new record's steps that offer buttons, as its
# table says); in every other step the bot waits for typed input.
BUTTON_STATES = frozenset(
    state.state
    for state in (
        Pending.confirm,
        ImportStep.confirm,
        EditForm.field,
        # A title that is only a number is unlikely; a number presses "Use this title".
        SourceTitle.title,
    )
)
_SILENT_METHODS = frozenset(
    {
        "getme",
        "getupdates",
        "deletewebhook",
        "setmycommands",
        "sendchataction",
        "getchatmember",
        "getchat",
    }
)


@dataclass(frozen=True)
class TerminalChoice:
    """What typing a number does: press a button, pick an inline result, follow a link."""

    label: str
    kind: str  # "press", "pick", "start", "url", "inline"
    value: str
    message_id: int = 0


class _PlainText(HTMLParser):
    """Telegram HTML as terminal text: tags dropped, links followed by their address."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._links: list[str | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self._links.append(dict(attrs).get("href"))

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._links:
            href = self._links.pop()
            if href and not href.startswith("tg://"):
                self.parts.append(f" <{href}>")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain_text(text: str, parse_mode: object = "HTML") -> str:
    """The text of a message as a person reads it."""
    if parse_mode != "HTML":
        return text
    parser = _PlainText()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


def map_link(latitude: float, longitude: float) -> str:
    """An OpenStreetMap link centred on the point."""
    return (
        f"https://www.openstreetmap.org/?mlat={latitude:.5f}&mlon={longitude:.5f}"
        f"#map=12/{latitude:.5f}/{longitude:.5f}"
    )


class _InFlight(BaseMiddleware):
    """Counts updates being handled, so the chat waits for the whole reply."""

    def __init__(self) -> None:
        self.count = 0

    async def __call__(self, handler: Any, event: TelegramObject, data: dict[str, Any]) -> Any:
        self.count += 1
        try:
            return await handler(event, data)
        finally:
            self.count -= 1


class TerminalChat:
    """One user's chat with the bot, printed to `output`."""

    def __init__(
        self,
        telegram: LocalTelegram,
        output: TextIO,
        translations: gettext.NullTranslations,
        *,
        language_code: str,
        files_dir: Path = FILES_DIR,
        in_flight: Callable[[], int] = lambda: 0,
        awaiting_text: Callable[[], Awaitable[bool]] | None = None,
    ) -> None:
        self.telegram = telegram
        self.output = output
        self._ = translations.gettext
        self.language_code = language_code
        self.files_dir = files_dir
        self.choices: list[TerminalChoice] = []
        # Whether the bot's newest message has the buttons in `choices` (a bare number
        # presses one only then).
        self.last_has_buttons = False
        self._in_flight = in_flight
        self._awaiting_text = awaiting_text
        self._shown = len(telegram.calls)
        telegram.user(USER_ID, first_name="Olena", language_code=language_code)
        telegram.chat(USER_ID)

    def say(self, text: str = "") -> None:
        """A line for the person at the terminal."""
        print(text, file=self.output, flush=True)

    def welcome(self, *, admin: bool = False) -> None:
        """How to use the chat, and who the person at the terminal is."""
        _ = self._
        self.say(
            _(
                "A local chat with the bot: type a question, or /start to begin.\n"
                "A number presses a button of the bot's last message (#3 always presses"
                " button 3), '@ question' asks inline, /file PATH sends a file,"
                " /lang uk|en sets your Telegram language, /quit or Ctrl-D leaves."
            )
        )
        if admin:
            self.say(
                _(
                    "You are user {id}, a super-admin of this bot:"
                    " /help lists the editors' commands."
                ).format(id=USER_ID)
            )
        else:
            self.say(
                _(
                    "You are user {id}. To edit the knowledge base, start the chat with"
                    " python -m bot chat --admin (or put ADMIN_IDS={id} in .env)."
                ).format(id=USER_ID)
            )

    async def handle(self, line: str) -> bool:
        """Acts on one typed line; False when the person leaves."""
        _ = self._
        text = line.strip()
        if not text:
            return True
        if text in QUIT_COMMANDS:
            return False
        if text == "/lang" or text.startswith("/lang "):
            self._set_language(text.removeprefix("/lang").strip())
            return True
        explicit = _EXPLICIT_PRESS.match(text)
        if explicit is not None:
            self._choose(int(explicit[1]))
        elif text.isdigit() and await self._number_presses():
            self._choose(int(text))
        elif text == "/file" or text.startswith("/file "):
            self._send_file(text.removeprefix("/file").strip())
        elif text.startswith("@"):
            self.telegram.inline_query(text[1:].strip(), user_id=USER_ID)
        else:
            self.telegram.send_message(text, user_id=USER_ID, language_code=self.language_code)
        await self.settle()
        return True

    def farewell(self) -> str:
        """The goodbye, in the chat's language (`/lang`), as every line of the chat's own is:
        a question typed in another language does not change it."""
        return self._("Bye.")

    async def _number_presses(self) -> bool:
        """A bare number is a button press, unless the bot asked for something typed."""
        if not self.last_has_buttons:
            return False
        return self._awaiting_text is None or not await self._awaiting_text()

    def _send_file(self, typed: str) -> None:
        _ = self._
        if not typed:
            self.say(_("Which file? /file PATH, such as /file agreements.csv"))
            return
        path = Path(typed.strip("'\"")).expanduser()
        try:
            if path.stat().st_size > MAX_FILE_BYTES:
                self.say(_("{path} is larger than 20 MB.").format(path=path))
                return
            content = path.read_bytes()
        except OSError as error:
            self.say(
                _("Cannot read {path}: {reason}").format(path=path, reason=error.strerror or error)
            )
            return
        mime_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        self.telegram.send_document(
            path.name,
            content,
            user_id=USER_ID,
            mime_type=mime_type,
            language_code=self.language_code,
        )
        self.say(_("Sent the file {name}.").format(name=path.name))

    def _set_language(self, code: str) -> None:
        _ = self._
        if code not in LOCALES:
            self.say(_("Use /lang uk or /lang en."))
            return
        self.language_code = code
        self.telegram.user(USER_ID)["language_code"] = code
        self.say(_("Your Telegram language is now {code}.").format(code=code))

    def _choose(self, number: int) -> None:
        _ = self._
        if not 1 <= number <= len(self.choices):
            self.say(_("There is no button {number}.").format(number=number))
            return
        choice = self.choices[number - 1]
        if choice.kind == "press":
            try:
                self.telegram.press_button(USER_ID, choice.message_id, choice.value)
            except LookupError:
                self.say(_("That message has no such button any more."))
        elif choice.kind == "pick":
            self.say(_("You shared in a chat:"))
            self.say(choice.value)
        elif choice.kind == "start":
            command = f"/start {choice.value}" if choice.value else "/start"
            self.telegram.send_message(command, user_id=USER_ID, language_code=self.language_code)
        elif choice.kind == "inline":
            self.telegram.inline_query(choice.value, user_id=USER_ID)
        else:
            self.say(_("Open in a browser: {url}").format(url=choice.value))

    async def settle(self, within: float = 60.0) -> None:
        """Waits until the bot has handled everything and gone quiet, then prints its replies."""
        with contextlib.suppress(TimeoutError):
            async with asyncio.timeout(within):
                while True:
                    await self.telegram.wait_idle(quiet=0.3, within=within)
                    if self._in_flight() == 0:
                        break
        self.show_new_calls()

    def has_new_calls(self) -> bool:
        """Whether the bot did something not printed yet (a background job's edit, say)."""
        return len(self.telegram.calls) > self._shown

    def later_calls_text(self) -> str:
        """What `show_new_calls` would print, as text, marking those calls shown."""
        buffer = io.StringIO()
        printed, self.output = self.output, buffer
        try:
            self.show_new_calls()
        finally:
            self.output = printed
        return buffer.getvalue()

    def show_new_calls(self) -> None:
        """Prints what the bot did since the last time."""
        calls = self.telegram.calls[self._shown :]
        self._shown += len(calls)
        for call in calls:
            self._show(call)

    def _show(self, call: Call) -> None:
        _ = self._
        method = call.method.lower()
        if method in _SILENT_METHODS and call.ok:
            return
        if not call.ok:
            if call.fault is None:
                description = call.response.get("description", "")
                self.say(
                    _("Telegram refused {method}: {description}").format(
                        method=call.method, description=description
                    )
                )
            return
        params = call.params
        if method in ("sendmessage", "editmessagetext"):
            self.say()
            if method == "editmessagetext":
                self.say(_("(the bot changed its message)"))
            self.say(plain_text(str(params.get("text", "")), params.get("parse_mode")))
            self._show_keyboard(call.result["message_id"], params.get("reply_markup"))
        elif method == "editmessagereplymarkup":
            self._show_keyboard(call.result["message_id"], params.get("reply_markup"))
        elif method == "sendlocation":
            latitude, longitude = float(params["latitude"]), float(params["longitude"])
            self.say()
            self.say(
                _("Location: {latitude:.5f}, {longitude:.5f}").format(
                    latitude=latitude, longitude=longitude
                )
            )
            self.say(map_link(latitude, longitude))
            self._show_keyboard(call.result["message_id"], params.get("reply_markup"))
        elif method == "senddocument":
            self.say()
            self.say(_("Document saved to {path}").format(path=self._save(call)))
            if params.get("caption"):
                self.say(plain_text(str(params["caption"]), params.get("parse_mode")))
            self._show_keyboard(call.result["message_id"], params.get("reply_markup"))
        elif method == "answercallbackquery":
            if params.get("text"):
                self.say(f"({params['text']})")
        elif method == "answerinlinequery":
            self._show_inline_results(params)

    def _show_keyboard(self, message_id: int, markup: object) -> None:
        if not isinstance(markup, dict) or not markup.get("inline_keyboard"):
            self.last_has_buttons = False
            return
        self.last_has_buttons = True
        self.choices = []
        for row in markup["inline_keyboard"]:
            labels = []
            for button in row:
                choice = _choice_of(button, message_id)
                if choice is None:
                    continue
                self.choices.append(choice)
                labels.append(f"[{len(self.choices)}] {choice.label}")
            if labels:
                self.say("   ".join(labels))

    def _show_inline_results(self, params: dict[str, Any]) -> None:
        _ = self._
        results = params.get("results") or []
        button = params.get("button")
        self.say()
        if not results:
            self.say(_("No inline results."))
        else:
            self.say(_("Inline results (a number shares one in a chat):"))
        self.choices = []
        self.last_has_buttons = bool(results) or isinstance(button, dict)
        for result in results:
            content = result.get("input_message_content") or {}
            text = plain_text(str(content.get("message_text", "")), content.get("parse_mode"))
            title = str(result.get("title", ""))
            self.choices.append(TerminalChoice(label=title, kind="pick", value=text))
            self.say(f"[{len(self.choices)}] {title}")
            if result.get("description"):
                self.say(f"      {' '.join(str(result['description']).split())}")
        if isinstance(button, dict) and "start_parameter" in button:
            label = str(button.get("text", ""))
            self.choices.append(TerminalChoice(label, "start", str(button["start_parameter"])))
            self.say(f"[{len(self.choices)}] {label}")

    def _save(self, call: Call) -> Path:
        uploaded = call.files.get("document")
        if uploaded is None:
            return Path()
        self.files_dir.mkdir(parents=True, exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", uploaded.filename) or "document"
        path = self.files_dir / name
        counter = 1
        while path.exists():
            counter += 1
            path = self.files_dir / f"{path.stem.split('~')[0]}~{counter}{path.suffix}"
        path.write_bytes(uploaded.content)
        return path.resolve()


def _choice_of(button: dict[str, Any], message_id: int) -> TerminalChoice | None:
    label = html.unescape(str(button.get("text", "")))
    if "callback_data" in button:
        return TerminalChoice(label, "press", str(button["callback_data"]), message_id)
    if "url" in button:
        return TerminalChoice(label, "url", str(button["url"]))
    for key in ("switch_inline_query_current_chat", "switch_inline_query"):
        if key in button:
            return TerminalChoice(label, "inline", str(button[key]))
    return None


async def _awaiting_text(dispatcher: Dispatcher, bot_id: int) -> bool:
    """Whether the local user is in a dialog step that asks for typed input a bare number may
    be: not one asking with buttons only, nor one asking a place's name (which has letters,
    so "3" there presses button 3, and one the question lacks is refused)."""
    key = StorageKey(bot_id=bot_id, chat_id=USER_ID, user_id=USER_ID)
    state = await dispatcher.fsm.storage.get_state(key)
    if state is None or state in BUTTON_STATES:
        return False
    data = await dispatcher.fsm.storage.get_data(key)
    return not waits_for_a_press(data) and not names_a_place_now(data)


def _read_lines(source: TextIO, queue: asyncio.Queue[str | None]) -> None:
    """Reads the terminal in a thread of its own, so the bot keeps running meanwhile."""
    loop = asyncio.get_running_loop()

    def reader() -> None:
        for line in source:
            loop.call_soon_threadsafe(queue.put_nowait, line)
        loop.call_soon_threadsafe(queue.put_nowait, None)

    # A daemon thread: a blocked read must not keep the process alive after /quit.
    threading.Thread(target=reader, name="terminal-input", daemon=True).start()


async def _next_line(
    queue: asyncio.Queue[str | None], chat: TerminalChat, output: TextIO
) -> str | None:
    """The next typed line; meanwhile what the bot does on its own (an import's progress and
    outcome, say) is printed as it happens, then the prompt again."""
    while True:
        try:
            return await asyncio.wait_for(queue.get(), timeout=LATER_CALLS_EVERY)
        except TimeoutError:
            if chat.has_new_calls():
                # Many calls print nothing (a typing action, a menu): the prompt is repeated
                # only under something the person can read.
                shown = chat.later_calls_text()
                if shown:
                    output.write(f"\n{shown}> ")
                    output.flush()


async def run_chat(
    settings: Settings,
    translations: gettext.NullTranslations,
    *,
    language_code: str,
    source: TextIO,
    output: TextIO,
    admin: bool = False,
) -> None:
    """The local chat until /quit, Ctrl-D or Ctrl-C; with `admin`, the user is a super-admin."""
    _ = translations.gettext
    print(_("Preparing the knowledge base…"), file=output, flush=True)
    goodbye = _("Bye.")
    async with LocalTelegram() as telegram:
        # The person has opened the chat before the bot starts, so an admin's command menu
        # can be set for it.
        telegram.user(USER_ID, first_name="Olena", language_code=language_code)
        telegram.chat(USER_ID)
        local = settings.model_copy(
            update={
                "bot_token": SecretStr(DEFAULT_TOKEN),
                "telegram_api_base": AnyHttpUrl(telegram.base_url),
                "redis_url": None,
                "admin_ids": (*settings.admin_ids, USER_ID) if admin else settings.admin_ids,
            }
        )
        policy = RetryPolicy(attempts=3, base_delay=0.1, max_delay=1.0)
        async with running_bot(local, policy=policy) as running:
            in_flight = _InFlight()
            running.dispatcher.update.outer_middleware(in_flight)
            stop = asyncio.Event()
            polling = asyncio.create_task(
                runners.run_polling(
                    running.dispatcher,
                    running.bot,
                    stop=stop,
                    handle_signals=False,
                    polling_timeout=10,
                )
            )
            chat = TerminalChat(
                telegram,
                output,
                translations,
                language_code=language_code,
                in_flight=lambda: in_flight.count,
                awaiting_text=lambda: _awaiting_text(running.dispatcher, running.bot.id),
            )
            queue: asyncio.Queue[str | None] = asyncio.Queue()
            loop = asyncio.get_running_loop()
            with contextlib.suppress(NotImplementedError, RuntimeError):
                loop.add_signal_handler(signal.SIGINT, queue.put_nowait, None)
            try:
                chat.welcome(admin=USER_ID in local.admin_ids)
                _read_lines(source, queue)
                while True:
                    output.write("> ")
                    output.flush()
                    line = await _next_line(queue, chat, output)
                    if line is None:
                        output.write("\n")
                        break
                    if not await chat.handle(line):
                        break
                # An import or undo still running finishes, and its outcome is shown, before
                # the chat closes; one still running after that is resumed at the next start.
                await wait_for_jobs(within=JOBS_AT_QUIT)
                await chat.settle(within=1.0)
                goodbye = chat.farewell()
            finally:
                with contextlib.suppress(NotImplementedError, RuntimeError):
                    loop.remove_signal_handler(signal.SIGINT)
                stop.set()
                await polling
    print(goodbye, file=output, flush=True)
