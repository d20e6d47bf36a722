"""Handlers declared once per feature module, and routers built from them on demand.

A feature module declares its handlers on a `Handlers` table with aiogram's decorator syntax
(`@router.message(Command("help"))`); its `get_router()` builds a fresh aiogram `Router` from
the table, so every dispatcher (one per process, several in tests) gets its own routers.

Building a router makes every filter a coroutine. aiogram runs a synchronous filter (a magic
`F` expression, a bare `State`) in a worker thread through `asyncio.to_thread`; a thread round
trip costs far more than the comparison itself, and a question would otherwise make dozens.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from aiogram import Router
from aiogram.filters import Filter, StateFilter
from aiogram.fsm.state import State, StatesGroup
from aiogram.types import CallbackQuery, Message, TelegramObject
from magic_filter import MagicFilter

Callback = Callable[..., Any]

# The events the bot's feature modules handle.
EVENTS = (
    "message",
    "edited_message",
    "channel_post",
    "edited_channel_post",
    "callback_query",
    "inline_query",
    "my_chat_member",
    "chat_member",
    "errors",
)


class MagicCheck(Filter):
    """A magic `F` expression evaluated in the event loop; passes what the expression gives."""

    def __init__(self, magic: MagicFilter) -> None:
        self.magic = magic

    async def __call__(self, event: TelegramObject) -> Any:
        return self.magic.resolve(event)

    def __str__(self) -> str:
        return f"MagicCheck({self.magic!r})"


class DialogOrCommand(Filter):
    """Passes a message that is a command, or that comes while one of `dialogs` is open.

    A router-level guard: a router whose messages are commands and dialog steps is skipped
    whole for everything else, without trying each of its handlers' filters.
    """

    def __init__(self, *dialogs: type[StatesGroup]) -> None:
        self.states = frozenset(name for dialog in dialogs for name in dialog.__all_states_names__)

    async def __call__(self, message: Message, raw_state: str | None = None) -> bool:
        if raw_state is not None and raw_state in self.states:
            return True
        text = message.text or message.caption
        return text is not None and text.startswith("/")


class CallbackPrefix(Filter):
    """Passes a button press whose callback data starts with one of `prefixes` (a router-level
    guard: a router's buttons all carry its callback-data prefixes)."""

    def __init__(self, *prefixes: str) -> None:
        self.prefixes = tuple(f"{prefix}:" for prefix in prefixes)

    async def __call__(self, query: CallbackQuery) -> bool:
        return query.data is not None and query.data.startswith(self.prefixes)


def as_coroutine_filter(check: Any) -> Any:
    """The same filter, checked without leaving the event loop.

    Magic expressions become `MagicCheck`, states and state groups `StateFilter`; aiogram
    `Filter`s are coroutines already. Anything else is returned as it is.
    """
    if isinstance(check, MagicFilter):
        return MagicCheck(check)
    if isinstance(check, State) or (inspect.isclass(check) and issubclass(check, StatesGroup)):
        return StateFilter(check)
    return check


@dataclass(frozen=True)
class _Declared:
    callback: Callback
    filters: tuple[Any, ...]
    flags: dict[str, Any] | None


@dataclass
class _EventTable:
    """The handlers of one event type, with the decorator and `filter` of aiogram's observer."""

    handlers: list[_Declared] = field(default_factory=list)
    guards: list[Any] = field(default_factory=list)

    def __call__(
        self, *filters: Any, flags: dict[str, Any] | None = None
    ) -> Callable[[Callback], Callback]:
        def register(callback: Callback) -> Callback:
            self.handlers.append(_Declared(callback, filters, flags))
            return callback

        return register

    def filter(self, *filters: Any) -> None:
        """Filters every handler of this event type checks first (aiogram's router filters)."""
        self.guards.extend(filters)


class Handlers:
    """A feature module's handlers, declared at import and built into routers by `router()`."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.message = _EventTable()
        self.edited_message = _EventTable()
        self.channel_post = _EventTable()
        self.edited_channel_post = _EventTable()
        self.callback_query = _EventTable()
        self.inline_query = _EventTable()
        self.my_chat_member = _EventTable()
        self.chat_member = _EventTable()
        self.errors = _EventTable()

    @property
    def tables(self) -> dict[str, _EventTable]:
        """The table of each event type, by aiogram's observer name."""
        return {event: getattr(self, event) for event in EVENTS}

    def build(self, guards: dict[str, Iterable[Any]] | None = None) -> Router:
        """A new aiogram Router with every declared handler, its filters made coroutines.

        `guards` adds router-level filters per event type, checked before any handler's.
        """
        router = Router(name=self.name)
        for event, table in self.tables.items():
            # aiogram names the errors observer "error" and its decorator `errors`.
            observer = router.errors if event == "errors" else router.observers[event]
            extra = list((guards or {}).get(event, ()))
            if table.guards or extra:
                observer.filter(*(as_coroutine_filter(f) for f in [*extra, *table.guards]))
            for declared in table.handlers:
                observer.register(
                    declared.callback,
                    *(as_coroutine_filter(f) for f in declared.filters),
                    flags=declared.flags,
                )
        return router
