"""Replies that need no facts: greetings, help, thanks, and polite refusals."""

from __future__ import annotations

from typing import Protocol

from knowledge.facts.messages import N_
from knowledge.qa.intents import Intent
from knowledge.render.lang import Language

SIMPLE_INTENTS = frozenset(
    {
        Intent.GREETING,
        Intent.THANKS,
        Intent.HELP,
        Intent.OUT_OF_DOMAIN,
        Intent.TOO_LONG,
        Intent.EMPTY,
        Intent.NEED_HROMADA,
    }
)

EXAMPLES = (
    N_("Who are Kharkiv's partner cities?"),
    N_("Is Kharkiv twinned with Lille?"),
    N_("When does the memorandum with Cincinnati expire?"),
    N_("What aid did Mena receive?"),
    N_("Which Ukrainian communities have partners in Latvia?"),
)


class Writable(Protocol):
    """Where a reply's lines and suggested questions go."""

    lines: list[str]
    suggestions: list[str]


def _examples(lang: Language) -> list[str]:
    return [lang.gettext(example) for example in EXAMPLES]


def write_simple(lang: Language, intent: Intent, draft: Writable) -> None:
    """Write the reply for an intent that needs no facts."""
    _ = lang.gettext
    examples = _examples(lang)
    if intent is Intent.GREETING:
        draft.lines.append(
            _(
                "Hello! I answer questions about Ukrainian hromadas' international partnerships:"
                " twin and partner cities, agreements and their dates, and aid received."
            )
        )
    elif intent is Intent.THANKS:
        draft.lines.append(_("You are welcome! Ask me anything else about partnerships."))
        examples = examples[:2]
    elif intent is Intent.HELP:
        draft.lines.append(
            _(
                "I know the international partners of Ukrainian hromadas: which cities they are"
                " twinned or partnered with, what kind of agreement binds them, when it was"
                " signed and when it expires, and what aid arrived from which country. Every"
                " answer names its sources. Ask in Ukrainian or English."
            )
        )
    elif intent is Intent.OUT_OF_DOMAIN:
        draft.lines.append(
            _(
                "Sorry, I can only answer questions about hromadas' international partnerships"
                " and the aid they received."
            )
        )
    elif intent is Intent.TOO_LONG:
        draft.lines.append(
            _("That question is too long for me: please ask in under 500 characters.")
        )
    elif intent is Intent.EMPTY:
        draft.lines.append(_("Please write your question in words."))
    elif intent is Intent.NEED_HROMADA:
        draft.lines.append(_("Which hromada do you mean? Name it in your question."))
    draft.lines.append(_("For example:"))
    draft.lines.extend(f"• {example}" for example in examples)
    draft.suggestions.extend(examples)
