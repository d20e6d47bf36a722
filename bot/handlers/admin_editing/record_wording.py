"""What the editing dialogs say about a record and about input they could not read."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from aiogram.utils.i18n import gettext as _

from bot.texts import problem_reply
from knowledge.admin import forms
from knowledge.facts.vocabulary import CooperationArea
from knowledge.render.labels import AGREEMENT_KINDS, AGREEMENT_STATUSES, COOPERATION_AREAS


def _labels(labels: Iterable[str]) -> str:
    """Vocabulary labels in the reader's language, as a list to write from."""
    words = (_(label) for label in labels)
    return ", ".join(word[:1].lower() + word[1:] for word in words)


def form_problem_text(error: forms.FormError) -> str:
    """What was wrong with the input, and what is expected instead."""
    if error.reason is not None:
        return problem_reply(error.reason)
    texts = {
        "hromada": _("I don't know a hromada called “{value}”. Send its name or KATOTTH code."),
        "country": _(
            "I don't know a country “{value}”. Send its name, such as Литва or Lithuania,"
            " or its code, such as LT."
        ),
        "kind": _("“{value}” is not a kind of agreement. Write one of: {choices}.").format(
            value="{value}", choices=_labels(AGREEMENT_KINDS.values())
        ),
        "status": _("“{value}” is not a status. Write one of: {choices}.").format(
            value="{value}", choices=_labels(AGREEMENT_STATUSES.values())
        ),
        "date": _(
            "“{value}” is not a date. Send 12.03.2024, 12 March 2024, 03.2024, March 2024 or"
            " 2024 (or 2024-03-12), or - for none."
        ),
        "until": _(
            "“{value}” is neither a date nor a term. Send a date (12.03.2029, 03.2029 or"
            " 2029), a number of years (such as 5), or - for none."
        ),
        "areas": _("“{value}” is not an area of cooperation. Use the names listed above."),
        "source": _("Send a source: the key of an existing one, a title or a link."),
        "agreement": _("The record is not valid."),
        "category": _("“{value}” is not one of the listed kinds of aid."),
        "quantity": _(
            "“{value}” is not a count. Send a number such as 3 (3 pcs or three work too),"
            " or - if unknown."
        ),
        "line": _(
            "The form needs 7 parts separated by |: hromada | partner place | country |"
            " kind | status | signed (12.03.2024, 03.2024, 2024 or 2024-03-12) | source."
            " Without the"
            " status (6 parts) a signed agreement is taken as active."
        ),
        "record": _("I found no record “{value}”. Send its key, or the hromada and the partner."),
        "field": _("This record has no field “{value}”."),
        "text": _("Please send some text, or - for none."),
    }
    return texts.get(error.problem, texts["text"]).format(value=error.value)


def _codes_hint(labels: dict[Any, str]) -> str:
    """The names an admin may type, in the admin's language (the codes work too)."""
    return ", ".join(_(label) for label in labels.values())


def areas_hint() -> str:
    return _codes_hint({area.value: COOPERATION_AREAS[area] for area in CooperationArea})


def entity_label(entity: str) -> str:
    labels = {
        "agreement": _("agreement"),
        "place": _("place"),
        "source": _("source"),
        "aid": _("aid record"),
    }
    return labels.get(entity, entity)
