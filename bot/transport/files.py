"""Files users send, downloaded from Telegram within a byte limit and without leaking the token.

A file's size as Telegram states it may be missing or wrong; the bytes are counted as they
arrive and the download stops as soon as the limit is passed.
"""

from __future__ import annotations

import contextlib

import aiohttp
from aiogram import Bot

CHUNK_BYTES = 64 * 1024
DOWNLOAD_TIMEOUT = 60  # seconds


class FileTooLargeError(Exception):
    """The file has more than `limit` bytes (declared or counted while downloading)."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"the file is larger than {limit} bytes")
        self.limit = limit


class FileDownloadError(Exception):
    """A download failed; the message names why (a status, an error class), never the URL,
    which carries the bot's token."""


def describe_failure(error: BaseException) -> str:
    """Why a download failed, without the URL: `502 Bad Gateway`, `ServerDisconnectedError`."""
    if isinstance(error, aiohttp.ClientResponseError):
        return f"{error.status} {error.message}"
    return type(error).__name__


async def download_limited(bot: Bot, file_id: str, limit: int) -> bytes:
    """The file's bytes, at most `limit` of them.

    Raises FileTooLargeError when Telegram states a larger size or more bytes arrive (the
    download stops there), FileDownloadError when the file server fails.
    """
    file = await bot.get_file(file_id)
    if file.file_size is not None and file.file_size > limit:
        raise FileTooLargeError(limit)
    if file.file_path is None:
        return b""
    url = bot.session.api.file_url(bot.token, file.file_path)
    received = bytearray()
    try:
        chunks = bot.session.stream_content(
            url, timeout=DOWNLOAD_TIMEOUT, chunk_size=CHUNK_BYTES, raise_for_status=True
        )
        async with contextlib.aclosing(chunks):
            async for chunk in chunks:
                received.extend(chunk)
                if len(received) > limit:
                    raise FileTooLargeError(limit)
    except (aiohttp.ClientError, TimeoutError) as error:
        raise FileDownloadError(describe_failure(error)) from None
    return bytes(received)
