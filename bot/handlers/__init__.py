"""The conversation, one router per feature; `routers()` gives them in the order they apply."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import (
    about,
    browse,
    channels,
    errors,
    fallback,
    groups,
    help,
    inline,
    language,
    questions,
    start,
)


def routers() -> list[Router]:
    """Every router, commands first and the catch-alls last."""
    return [
        errors.router,
        channels.router,
        start.router,
        help.router,
        language.router,
        about.router,
        browse.router,
        inline.router,
        groups.router,
        questions.router,
        fallback.router,
    ]
