"""What a question asks for."""

from enum import StrEnum


class Intent(StrEnum):
    """The kinds of question the engine answers, and its polite non-answers."""

    GREETING = "greeting"
    THANKS = "thanks"
    HELP = "help"
    OUT_OF_DOMAIN = "out_of_domain"
    TOO_LONG = "too_long"
    EMPTY = "empty"
    NEED_HROMADA = "need_hromada"
    CLARIFY = "clarify"
    NO_RECORDS = "no_records"
    OVERVIEW = "overview"
    PARTNERS = "partners"
    RELATION = "relation"
    SIGNED = "signed"
    EXPIRY = "expiry"
    EXPIRING = "expiring"
    AID = "aid"
    COUNT = "count"
    REVERSE = "reverse"
    SOURCES = "sources"
    SIGNATORIES = "signatories"
    AREAS = "areas"
    PLACE = "place"
    NOT_RECORDED = "not_recorded"
    NEED_CONTEXT = "need_context"
    DEFINITION = "definition"
