"""A Bot API on loopback that enforces Telegram's send limits: 30 messages in any second
overall, one a second in a chat. A message over either limit is refused with 429 and
retry_after, as Telegram refuses it; every accepted message is kept with its time."""

from __future__ import annotations

import asyncio
import json
import socket
import threading
import time
from collections import defaultdict, deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from benchmarks.stub_telegram import BOT_USER

OVERALL_PER_SECOND = 30
PER_CHAT_PER_SECOND = 1
# What the bot reads of its own profile at start-up.
_PROFILE = {
    "getmyname": {"name": ""},
    "getmydescription": {"description": ""},
    "getmyshortdescription": {"short_description": ""},
}


@dataclass
class LimitedTelegram:
    """The server's state: accepted messages and refusals."""

    accepted: list[tuple[float, int]] = field(default_factory=list)
    refused: int = 0
    _recent: deque[float] = field(default_factory=deque)
    _per_chat: dict[int, deque[float]] = field(default_factory=lambda: defaultdict(deque))

    def _admit(self, chat_id: int) -> bool:
        now = time.monotonic()
        while self._recent and self._recent[0] <= now - 1.0:
            self._recent.popleft()
        chat = self._per_chat[chat_id]
        while chat and chat[0] <= now - 1.0:
            chat.popleft()
        if len(self._recent) >= OVERALL_PER_SECOND or len(chat) >= PER_CHAT_PER_SECOND:
            self.refused += 1
            return False
        self._recent.append(now)
        chat.append(now)
        self.accepted.append((now, chat_id))
        return True

    async def handle(self, request: web.Request) -> web.Response:
        """One Bot API call: getMe, the bot's profile (empty) and sendMessage are answered,
        anything else is True."""
        method = request.match_info["method"].lower()
        params: dict[str, Any] = dict(await request.post())
        if method == "getme":
            return web.json_response({"ok": True, "result": BOT_USER})
        if method in _PROFILE:
            return web.json_response({"ok": True, "result": _PROFILE[method]})
        if method != "sendmessage":
            return web.json_response({"ok": True, "result": True})
        chat_id = int(params["chat_id"])
        if not self._admit(chat_id):
            body = {
                "ok": False,
                "error_code": 429,
                "description": "Too Many Requests: retry after 1",
                "parameters": {"retry_after": 1},
            }
            return web.Response(status=429, text=json.dumps(body), content_type="application/json")
        result = {
            "message_id": len(self.accepted),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private", "first_name": "Resident"},
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        return web.json_response({"ok": True, "result": result})


class LimitedApi:
    """The server in a thread of its own, with its own event loop.

    A message is counted when it arrives, however busy the bot's own event loop is: sharing
    the bot's loop, the server read its clock only when the bot let it run, so messages sent
    evenly were counted in bunches (thirty in a quarter of a second behind the thousand tasks
    of a broadcast starting), which Telegram, elsewhere on the network, would not see.
    """

    def __init__(self, telegram: LimitedTelegram | None = None) -> None:
        self.telegram = telegram if telegram is not None else LimitedTelegram()
        self._loop = asyncio.new_event_loop()
        self._runner: web.AppRunner | None = None
        self._thread = threading.Thread(target=self._loop.run_forever, daemon=True)

    def start(self) -> str:
        """Start serving on a free loopback port; the base URL (blocks until it listens)."""
        self._thread.start()
        return asyncio.run_coroutine_threadsafe(self._serve(), self._loop).result(timeout=60)

    async def _serve(self) -> str:
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self.telegram.handle)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        listening = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listening.bind(("127.0.0.1", 0))
        port = listening.getsockname()[1]
        await web.SockSite(self._runner, listening).start()
        return f"http://127.0.0.1:{port}"

    async def cleanup(self) -> None:
        """Stop serving and end the thread."""
        if self._runner is not None:
            done = asyncio.run_coroutine_threadsafe(self._runner.cleanup(), self._loop)
            await asyncio.wrap_future(done)
        self._loop.call_soon_threadsafe(self._loop.stop)
        await asyncio.to_thread(self._thread.join)
        self._loop.close()


async def start_limited_api() -> tuple[LimitedTelegram, LimitedApi, str]:
    """The server on a free loopback port, in its own thread: its state, the server (to clean
    up) and the base URL."""
    api = LimitedApi()
    base = await asyncio.to_thread(api.start)
    return api.telegram, api, base
