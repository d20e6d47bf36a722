"""A steady load of residents' questions and an admin's dialog, and what became of each.

Every question comes from a resident of its own (a chat of its own), so what the bot sent to
that chat tells whether the question was answered, only apologised for, or lost.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from bot.local_api import LocalTelegram

QUESTIONS = (
    ("Які міста-побратими в Харкова?", "uk"),
    ("Who are Kharkiv's partner cities?", "en"),
    ("Чи є Харків побратимом Брно?", "uk"),
    ("Is Kharkiv twinned with Lille?", "en"),
    ("Партнери Мени", "uk"),
)
FIRST_RESIDENT = 500_000
ADMIN = 4242
SAVED = re.compile(r"Saved agreement (?P<key>\S+) \(change #\d+\)\.")


@dataclass
class FaultReport:
    """What happened to the updates sent while a fault was injected."""

    fault: str
    sent: int = 0
    answered: int = 0
    apologised: int = 0
    lost: int = 0
    admin_steps: int = 0
    admin_confirmed: list[str] = field(default_factory=list)
    admin_missing: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        """One row of the fault table."""
        return (
            f"{self.fault:<34} sent {self.sent:>4}  answered {self.answered:>4}"
            f"  apologised {self.apologised:>3}  lost {self.lost:>3}"
            f"  | admin steps {self.admin_steps:>3}, confirmed {len(self.admin_confirmed):>2},"
            f" missing from the database {len(self.admin_missing)}"
        )


async def until(condition: Callable[[], bool], within: float, interval: float = 0.1) -> bool:
    """Waits for the condition; False if it still fails after `within` seconds."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(within):
            # Polled: the local API has no event per chat to wait on.
            while not condition():  # noqa: ASYNC110
                await asyncio.sleep(interval)
            return True
    return False


def _texts(messages: Iterable[dict[str, Any]]) -> list[str]:
    return [str(message.get("text", "")) for message in messages]


class Residents:
    """Residents asking at a steady rate, one question each, until stopped."""

    def __init__(self, telegram: LocalTelegram, apologies: set[str], *, rate: float = 3.0) -> None:
        self.telegram = telegram
        self.apologies = apologies
        self.interval = 1.0 / rate
        self.chats: list[int] = []
        self._ids = itertools.count(FIRST_RESIDENT)
        self._questions = itertools.cycle(QUESTIONS)

    async def ask(self, stop: asyncio.Event) -> None:
        """Sends a question every interval until `stop` is set."""
        next_at = time.monotonic()
        while not stop.is_set():
            chat = next(self._ids)
            question, language = next(self._questions)
            self.chats.append(chat)
            self.telegram.send_message(question, user_id=chat, language_code=language)
            next_at += self.interval
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), max(0.0, next_at - time.monotonic()))

    def outcome(self, chat: int) -> str:
        """answered, apologised or lost: what the resident has seen so far."""
        texts = _texts(self.telegram.bot_messages(chat))
        if any(text not in self.apologies for text in texts):
            return "answered"
        return "apologised" if texts else "lost"

    async def settle(self, within: float) -> None:
        """Waits until every resident has seen something, or `within` seconds have passed."""
        await until(
            lambda: all(self.outcome(chat) == "answered" for chat in self.chats), within, 0.25
        )

    def tally(self, report: FaultReport) -> None:
        """Adds the residents' outcomes to the report."""
        for chat in self.chats:
            report.sent += 1
            outcome = self.outcome(chat)
            if outcome == "answered":
                report.answered += 1
            elif outcome == "apologised":
                report.apologised += 1
            else:
                report.lost += 1
                report.notes.append(f"chat {chat} got no answer")


class AdminDialog:
    """A super-admin adding agreements with the one-line form, each confirmed under its preview.

    Each step waits for the bot's reply before the next, as a person would; a step with no
    reply within `patience` seconds is counted lost and the dialog starts over.
    """

    def __init__(
        self,
        telegram: LocalTelegram,
        apologies: set[str],
        *,
        admin_id: int = ADMIN,
        patience: float = 60.0,
    ) -> None:
        self.telegram = telegram
        self.apologies = apologies
        self.admin_id = admin_id
        self.patience = patience
        self.steps = 0
        self.answered = 0
        self.apologised = 0
        self.lost = 0
        self.confirmed: list[str] = []
        self.notes: list[str] = []
        self._round = itertools.count(1)

    def _replies(self) -> list[dict[str, Any]]:
        return self.telegram.bot_messages(self.admin_id)

    def _alert(self, query_id: str | None) -> list[str]:
        if query_id is None:
            return []
        text = self.telegram.callback_answers.get(query_id, {}).get("text")
        return [str(text)] if text else []

    async def _reply_after(self, seen: int, query_id: str | None) -> list[str]:
        """The texts of the bot's new messages (and button alert); [] if none came in time."""
        if await until(
            lambda: len(self._replies()) > seen or bool(self._alert(query_id)), self.patience
        ):
            # A reply may come in several messages; let the rest arrive.
            await asyncio.sleep(0.3)
        return self._alert(query_id) + _texts(self._replies()[seen:])

    def _count(self, texts: list[str]) -> None:
        self.steps += 1
        if not texts:
            self.lost += 1
            self.notes.append(f"admin step {self.steps} got no answer")
        elif all(text in self.apologies for text in texts):
            self.apologised += 1
        else:
            self.answered += 1

    async def step(self, act: Callable[[], dict[str, Any]]) -> list[str]:
        """Does one thing in the chat (sends, presses) and returns the texts the bot answered."""
        seen = len(self._replies())
        update = act()
        query_id = update.get("callback_query", {}).get("id")
        texts = await self._reply_after(seen, query_id)
        self._count(texts)
        return texts

    async def run(self, stop: asyncio.Event) -> None:
        """Adds agreements until `stop` is set, then finishes the one in hand."""
        while not stop.is_set():
            number = next(self._round)
            place = f"Faultville {number} {time.monotonic_ns() % 1_000_000}"
            line = (
                f"/add_agreement Харків | {place} | PL | memorandum | 2024 |"
                f" https://example.org/fault/{number}-{time.monotonic_ns()}"
            )
            seen = len(self._replies())
            await self.step(
                lambda line=line: self.telegram.send_message(  # type: ignore[misc]
                    line, user_id=self.admin_id, language_code="en"
                )
            )
            preview = next(
                (
                    message
                    for message in self._replies()[seen:]
                    if "Confirm" in str(message.get("reply_markup", ""))
                ),
                None,
            )
            if preview is None:
                continue
            texts = await self.step(
                lambda preview=preview: self.telegram.press_button(  # type: ignore[misc]
                    self.admin_id, preview["message_id"], "✅ Confirm"
                )
            )
            for text in texts:
                saved = SAVED.search(text)
                if saved is not None:
                    self.confirmed.append(saved["key"])

    def tally(self, report: FaultReport) -> None:
        """Adds the admin's steps to the report (the database check is the caller's)."""
        report.sent += self.steps
        report.answered += self.answered
        report.apologised += self.apologised
        report.lost += self.lost
        report.admin_steps += self.steps
        report.admin_confirmed += self.confirmed
        report.notes += self.notes
