"""A conversation's context as plain JSON-able data, for storages that keep only such data."""

from __future__ import annotations

from typing import Any

from knowledge.qa.answer import Context
from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Entities


def context_to_data(context: Context) -> dict[str, Any]:
    """The context as a dict of strings, numbers and lists."""
    return {
        "entities": context.entities.as_dict(),
        "intent": None if context.intent is None else context.intent.value,
        "lang": context.lang,
        "listed_agreements": list(context.listed_agreements),
        "sources": list(context.sources),
        "candidates": list(context.candidates),
        "yes_no": context.yes_no,
        "counted": list(context.counted),
        "events": list(context.events),
        "aid_side": list(context.aid_side),
    }


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list):
        return ()
    return tuple(item for item in value if isinstance(item, str))


def context_from_data(data: object) -> Context | None:
    """Read back what context_to_data wrote; anything unreadable is a fresh conversation."""
    if not isinstance(data, dict):
        return None
    raw_entities = data.get("entities")
    entities = Entities.from_dict(raw_entities) if isinstance(raw_entities, dict) else Entities()
    raw_intent = data.get("intent")
    try:
        intent = Intent(raw_intent) if isinstance(raw_intent, str) else None
    except ValueError:
        intent = None
    lang = data.get("lang")
    return Context(
        entities=entities,
        intent=intent,
        lang=lang if isinstance(lang, str) else None,
        listed_agreements=_strings(data.get("listed_agreements")),
        sources=_strings(data.get("sources")),
        candidates=_strings(data.get("candidates")),
        yes_no=data.get("yes_no") is True,
        counted=_strings(data.get("counted")),
        events=_strings(data.get("events")),
        aid_side=_strings(data.get("aid_side")),
    )
