"""Readable names of the vocabularies, translated through the message catalogs."""

from __future__ import annotations

import gettext

from knowledge.vocabulary import AgreementKind, AgreementStatus


def N_(message: str) -> str:  # noqa: N802 - the conventional marker name for extraction
    """Mark a message for extraction; it is translated where it is shown."""
    return message


AGREEMENT_KINDS = {
    AgreementKind.TWINNING: N_("Twinning"),
    AgreementKind.COOPERATION_AGREEMENT: N_("Cooperation agreement"),
    AgreementKind.MEMORANDUM: N_("Memorandum"),
    AgreementKind.FRIENDSHIP_PLEDGE: N_("Friendship pledge"),
    AgreementKind.PROTOCOL_OF_INTENT: N_("Protocol of intent"),
    AgreementKind.OTHER: N_("Other agreement"),
}

AGREEMENT_STATUSES = {
    AgreementStatus.ACTIVE: N_("Active"),
    AgreementStatus.IN_NEGOTIATION: N_("In negotiation"),
    AgreementStatus.PLANNED: N_("Planned"),
    AgreementStatus.SUSPENDED: N_("Suspended"),
    AgreementStatus.TERMINATED: N_("Terminated"),
    AgreementStatus.EXPIRED: N_("Expired"),
}


def agreement_kind_label(translations: gettext.NullTranslations, kind: str) -> str:
    """The kind of agreement in the catalog's language."""
    return translations.gettext(AGREEMENT_KINDS[AgreementKind(kind)])


def agreement_status_label(translations: gettext.NullTranslations, status: str) -> str:
    """The agreement's status in the catalog's language."""
    return translations.gettext(AGREEMENT_STATUSES[AgreementStatus(status)])
