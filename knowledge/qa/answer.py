"""What the engine returns: a structured answer, its rendered text, and the context to carry."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.qa.intents import Intent
from knowledge.qa.meaning import Entities, EntityValue
from knowledge.render.phrases import Citation

__all__ = ["Answer", "Choice", "Context", "EntityValue"]


@dataclass(frozen=True)
class Choice:
    """A candidate the user can pick when a name is ambiguous (a button in the bot).

    Sending `question` in the same conversation answers the original question for it.
    """

    label: str
    question: str


@dataclass(frozen=True)
class Context:
    """What a conversation remembers between questions: the last question's entities.

    `listed_agreements` holds one agreement per partner the last answer listed, in its order,
    so that "the second one" counts the partners shown.
    """

    entities: Entities = field(default_factory=Entities)
    intent: Intent | None = None
    lang: str | None = None
    listed_agreements: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    candidates: tuple[str, ...] = ()
    # Whether the last question asked for a yes or a no ("what about Brno?" asks it again).
    yes_no: bool = False
    # The hromadas the conversation's latest counts were about, the last one last, so that
    # "which has more?" after two counts compares them.
    counted: tuple[str, ...] = ()
    # The keys of the events (meetings, visits, conferences) the last answer was about, so that
    # «а коли?», «а де?», "who went?" ask about them.
    events: tuple[str, ...] = ()
    # The side of the aid the last answer was about ("from which countries?", «скільки
    # автомобілів?»): the Aspect's value, then the AidCategory values it counted, so that
    # «а Мена?» asks the same of another hromada.
    aid_side: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    """An answer to one question, in the question's language; `entities` what it was about."""

    question: str
    lang: str
    intent: Intent
    entities: Entities
    text: str
    sources: tuple[Citation, ...] = ()
    choices: tuple[Choice, ...] = ()
    suggestions: tuple[str, ...] = ()
    agreements: tuple[str, ...] = ()
    # The page of its long lists the answer shows, and whether another page follows.
    page: int = 1
    more: bool = False
    context: Context = field(default_factory=Context)
