"""The conversation, one router per feature; `routers()` builds them in the order they apply."""

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
    refusals,
    start,
    subscriptions,
)


def routers() -> list[Router]:
    """Every router, new for each dispatcher: ordinary questions first (most updates are
    questions, and nothing else takes them), then commands, and the catch-alls last.

    The error handlers come after every other router: they take no update but errors (which
    reach every router, in this order), so an update never passes them on its way.
    """
    return [
        questions.get_router(),
        feedback.get_exit_router(),
        start.get_router(),
        help.get_router(),
        language.get_router(),
        about.get_router(),
        membership.get_router(),
        channels.get_router(),
        browse.get_router(),
        nearby.get_router(),
        inline.get_router(),
        document_facts.get_router(),
        admin_ops.get_router(),
        subscriptions.get_router(),
        groups.get_router(),
        feedback.get_router(),
        admin_rights.get_router(),
        admin_history.get_router(),
        admin_editing.get_router(),
        questions.get_rest_router(),
        fallback.get_router(),
        # A refused admin action is told before the general error handler apologises.
        refusals.get_router(),
        errors.get_router(),
    ]
