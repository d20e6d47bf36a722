"""Readable names of every closed vocabulary, translated through the message catalogs.

Each value has its label here and nowhere else; a kind of agreement also has the heading of
its group in a list and the word used inside a sentence.
"""

from __future__ import annotations

import gettext
from enum import StrEnum
from typing import Any

from knowledge.facts.messages import N_
from knowledge.facts.vocabulary import (
    ActivityKind,
    AgreementKind,
    AgreementStatus,
    AidCategory,
    AuditAction,
    CooperationArea,
    DonorKind,
    HromadaKind,
    SourceKind,
)

AGREEMENT_KINDS = {
    AgreementKind.TWINNING: N_("Twinning"),
    AgreementKind.COOPERATION_AGREEMENT: N_("Cooperation agreement"),
    AgreementKind.MEMORANDUM: N_("Memorandum"),
    AgreementKind.FRIENDSHIP_PLEDGE: N_("Friendship pledge"),
    AgreementKind.PROTOCOL_OF_INTENT: N_("Protocol of intent"),
    AgreementKind.OTHER: N_("Other agreement"),
}

# The heading over a group of agreements of one kind.
AGREEMENT_KIND_GROUPS = {
    AgreementKind.TWINNING: N_("Twin cities"),
    AgreementKind.COOPERATION_AGREEMENT: N_("Cooperation agreements"),
    AgreementKind.MEMORANDUM: N_("Memorandums"),
    AgreementKind.FRIENDSHIP_PLEDGE: N_("Friendship pledges"),
    AgreementKind.PROTOCOL_OF_INTENT: N_("Protocols of intent"),
    AgreementKind.OTHER: N_("Other agreements"),
}

# The kind as a word inside a sentence.
AGREEMENT_KINDS_INLINE = {
    AgreementKind.TWINNING: N_("twin city"),
    AgreementKind.COOPERATION_AGREEMENT: N_("cooperation agreement"),
    AgreementKind.MEMORANDUM: N_("memorandum"),
    AgreementKind.FRIENDSHIP_PLEDGE: N_("friendship pledge"),
    AgreementKind.PROTOCOL_OF_INTENT: N_("protocol of intent"),
    AgreementKind.OTHER: N_("agreement"),
}

AGREEMENT_STATUSES = {
    AgreementStatus.ACTIVE: N_("Active"),
    AgreementStatus.IN_NEGOTIATION: N_("In negotiation"),
    AgreementStatus.PLANNED: N_("Planned"),
    AgreementStatus.SUSPENDED: N_("Suspended"),
    AgreementStatus.TERMINATED: N_("Terminated"),
    AgreementStatus.EXPIRED: N_("Expired"),
}

# Status words that read right after any kind of document, whatever its grammatical gender.
AGREEMENT_STATUSES_INLINE = {
    AgreementStatus.ACTIVE: N_("in force"),
    AgreementStatus.IN_NEGOTIATION: N_("under negotiation"),
    AgreementStatus.PLANNED: N_("planned"),
    AgreementStatus.SUSPENDED: N_("suspended"),
    AgreementStatus.TERMINATED: N_("terminated"),
    AgreementStatus.EXPIRED: N_("expired"),
}

AID_CATEGORIES = {
    AidCategory.FOOD: N_("food"),
    AidCategory.CLOTHING: N_("clothing"),
    AidCategory.HYGIENE: N_("hygiene products"),
    AidCategory.TENTS: N_("tents"),
    AidCategory.MEDICAL_EQUIPMENT: N_("medical equipment"),
    AidCategory.MEDICINES: N_("medicines"),
    AidCategory.HOUSING_REPAIR_MATERIALS: N_("materials to repair housing"),
    AidCategory.INFRASTRUCTURE_MATERIALS: N_("materials to repair critical infrastructure"),
    AidCategory.SPECIAL_VEHICLES: N_("special-purpose vehicles"),
    AidCategory.MUNICIPAL_MACHINERY: N_("machinery for municipal services"),
    AidCategory.VEHICLES: N_("vehicles"),
    AidCategory.BUSES: N_("buses"),
    AidCategory.GENERATORS: N_("generators"),
    AidCategory.ELECTRICAL_EQUIPMENT: N_("electrical equipment"),
    AidCategory.HUMANITARIAN_OTHER: N_("other humanitarian aid"),
    AidCategory.FUNDS: N_("funds"),
    AidCategory.OTHER: N_("other aid"),
}

COOPERATION_AREAS = {
    CooperationArea.RECOVERY: N_("recovery"),
    CooperationArea.SECURITY: N_("security"),
    CooperationArea.TRANSPORT_INFRASTRUCTURE: N_("transport infrastructure"),
    CooperationArea.SOCIAL_PROTECTION: N_("social protection"),
    CooperationArea.SOCIAL_PROJECTS: N_("social projects"),
    CooperationArea.ECONOMY: N_("economy"),
    CooperationArea.INNOVATION: N_("innovation"),
    CooperationArea.ENTREPRENEURSHIP: N_("entrepreneurship"),
    CooperationArea.CULTURE: N_("culture"),
    CooperationArea.EDUCATION: N_("education"),
    CooperationArea.YOUTH: N_("youth"),
    CooperationArea.SPORT: N_("sport"),
    CooperationArea.TOURISM: N_("tourism"),
    CooperationArea.HEALTH: N_("health care"),
    CooperationArea.HUMANITARIAN_AID: N_("humanitarian aid"),
    CooperationArea.IDP_INTEGRATION: N_("integration of displaced people"),
    CooperationArea.OTHER: N_("other"),
}

SOURCE_KINDS = {
    SourceKind.OFFICIAL_LETTER: N_("official letter"),
    SourceKind.COUNCIL_DECISION: N_("council decision"),
    SourceKind.NEWS: N_("news"),
    SourceKind.DATASET: N_("dataset"),
    SourceKind.OTHER: N_("other source"),
}

DONOR_KINDS = {
    DonorKind.COUNTRY: N_("country"),
    DonorKind.CITY: N_("city"),
    DonorKind.ORGANISATION: N_("organisation"),
}

ACTIVITY_KINDS = {
    ActivityKind.MEETING: N_("meeting"),
    ActivityKind.VISIT: N_("visit"),
    ActivityKind.CONFERENCE: N_("conference"),
    ActivityKind.PROJECT: N_("project"),
    ActivityKind.OUTREACH: N_("outreach"),
    ActivityKind.OTHER: N_("other activity"),
}

HROMADA_KINDS = {
    HromadaKind.URBAN: N_("urban"),
    HromadaKind.SETTLEMENT: N_("settlement"),
    HromadaKind.RURAL: N_("rural"),
    HromadaKind.SPECIAL: N_("special status"),
}

# What a change did, as a past participle: "added", "changed"…
AUDIT_ACTIONS = {
    AuditAction.CREATE: N_("added"),
    AuditAction.UPDATE: N_("changed"),
    AuditAction.DELETE: N_("deleted"),
    AuditAction.UNDO: N_("reverted"),
    AuditAction.GRANT: N_("granted"),
    AuditAction.REVOKE: N_("revoked"),
}

# Every vocabulary with its labels; the tests check that each value has one.
VOCABULARIES: list[tuple[type[StrEnum], dict[Any, str]]] = [
    (AgreementKind, dict(AGREEMENT_KINDS)),
    (AgreementStatus, dict(AGREEMENT_STATUSES)),
    (AidCategory, dict(AID_CATEGORIES)),
    (CooperationArea, dict(COOPERATION_AREAS)),
    (SourceKind, dict(SOURCE_KINDS)),
    (DonorKind, dict(DONOR_KINDS)),
    (ActivityKind, dict(ACTIVITY_KINDS)),
    (HromadaKind, dict(HROMADA_KINDS)),
    (AuditAction, dict(AUDIT_ACTIONS)),
]


def agreement_kind_label(translations: gettext.NullTranslations, kind: str) -> str:
    """The kind of agreement in the catalog's language."""
    return translations.gettext(AGREEMENT_KINDS[AgreementKind(kind)])


def agreement_status_label(translations: gettext.NullTranslations, status: str) -> str:
    """The agreement's status in the catalog's language."""
    return translations.gettext(AGREEMENT_STATUSES[AgreementStatus(status)])
