"""The conversation, one router per feature; `routers()` gives them in the order they apply."""

from __future__ import annotations

from aiogram import Router

from bot.handlers import (
    about,
    admin_editing,
    admin_history,
    admin_ops,
    admin_rights,
    browse,
    channels,
    document_facts,
    errors,
    fallback,
    feedback,
    groups,
    help,
    inline,
    language,
    membership,
    nearby,
    questions,
    start,
    subscriptions,
)


def _attachable(router: Router) -> Router:
    """A new router with the module router's handlers and router-level filters.

    aiogram attaches a router to one parent only; copies let every dispatcher (one per process,
    several in tests) have the same handlers.
    """
    copy = Router(name=router.name)
    for name, observer in router.observers.items():
        target = copy.observers[name]
        target.handlers.extend(observer.handlers)
        target._handler = observer._handler
    return copy


def routers() -> list[Router]:
    """Every router, commands first and the catch-alls last."""
    modules = [
        errors.router,
        membership.router,
        channels.router,
        start.router,
        help.router,
        language.router,
        about.router,
        browse.router,
        nearby.router,
        inline.router,
        document_facts.router,
        admin_ops.router,
        subscriptions.router,
        groups.router,
        feedback.router,
        admin_rights.router,
        admin_history.router,
        admin_editing.router,
        questions.router,
        fallback.router,
    ]
    return [_attachable(router) for router in modules]
