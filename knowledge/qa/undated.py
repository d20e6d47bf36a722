"""Questions for the agreements whose signing date the sources do not give.

«Які угоди без дати підписання?», «де не вказано дату», "which agreements have no signing
date?": a filter on a missing field, not a question of when something was signed. These
functions only read the question's words; the engine lists the agreements.
"""

from __future__ import annotations

from knowledge.qa.understanding import Reading
from knowledge.text.normalize import fold

# Phrases, folded like the question's words, that ask for a missing date; each is matched
# as whole words («без дати» in «без дати підписання», never «без датського»).
_MISSING_DATE = (
    # Ukrainian
    "без дати",
    "без дат",
    "без зазначеної дати",
    "без вказаної дати",
    "не вказано дат",
    "не вказано коли",
    "не вказана дата",
    "не вказано дату",
    "не зазначено дат",
    "не зазначено дату",
    "не зазначена дата",
    "дата не вказана",
    "дату не вказано",
    "дата не зазначена",
    "дата невідома",
    "невідома дата",
    "невідомою датою",
    "невідомо коли",
    # Russian
    "без даты",
    "без дат",
    "не указана дата",
    "не указано дату",
    "не указано дат",
    "дата не указана",
    "дата неизвестна",
    "неизвестна дата",
    "неизвестно когда",
    # English
    "no signing date",
    "no date",
    "no known date",
    "no dates",
    "without a date",
    "without a signing date",
    "without date",
    "without dates",
    "undated",
    "date unknown",
    "date is unknown",
    "date is not known",
    "date not given",
    "date is not given",
    "unknown date",
    "unknown signing date",
    "missing date",
    "missing a date",
    "missing the date",
    "missing signing date",
    "missing the signing date",
    "not dated",
)


def asks_undated(reading: Reading) -> bool:
    """Whether the question asks for the agreements whose date the sources leave out."""
    words = f" {' '.join(fold(token.text) for token in reading.tokens)} "
    return any(f" {phrase} " in words for phrase in _MISSING_DATE)
