"""The closed vocabularies of the knowledge base, stored as their string values."""

from enum import StrEnum


class AgreementKind(StrEnum):
    """What kind of document binds a hromada and a place."""

    TWINNING = "twinning"
    COOPERATION_AGREEMENT = "cooperation_agreement"
    MEMORANDUM = "memorandum"
    FRIENDSHIP_PLEDGE = "friendship_pledge"
    PROTOCOL_OF_INTENT = "protocol_of_intent"
    OTHER = "other"


class AgreementStatus(StrEnum):
    """Where an agreement stands."""

    ACTIVE = "active"
    IN_NEGOTIATION = "in_negotiation"
    PLANNED = "planned"
    SUSPENDED = "suspended"
    TERMINATED = "terminated"
    EXPIRED = "expired"


class AidCategory(StrEnum):
    """What kind of goods or support arrived."""

    FOOD = "food"
    CLOTHING = "clothing"
    HYGIENE = "hygiene"
    TENTS = "tents"
    MEDICAL_EQUIPMENT = "medical_equipment"
    MEDICINES = "medicines"
    HOUSING_REPAIR_MATERIALS = "housing_repair_materials"
    INFRASTRUCTURE_MATERIALS = "infrastructure_materials"
    SPECIAL_VEHICLES = "special_vehicles"
    MUNICIPAL_MACHINERY = "municipal_machinery"
    VEHICLES = "vehicles"
    BUSES = "buses"
    GENERATORS = "generators"
    ELECTRICAL_EQUIPMENT = "electrical_equipment"
    HUMANITARIAN_OTHER = "humanitarian_other"
    FUNDS = "funds"
    OTHER = "other"


class DonorKind(StrEnum):
    """Who sent the aid: a country as such, a city, or organisations."""

    COUNTRY = "country"
    CITY = "city"
    ORGANISATION = "organisation"


class ActivityKind(StrEnum):
    """Events and work around a partnership that are not agreements or aid."""

    MEETING = "meeting"
    VISIT = "visit"
    CONFERENCE = "conference"
    PROJECT = "project"
    OUTREACH = "outreach"
    OTHER = "other"


class SourceKind(StrEnum):
    """What kind of document a source is."""

    OFFICIAL_LETTER = "official_letter"
    COUNCIL_DECISION = "council_decision"
    NEWS = "news"
    DATASET = "dataset"
    OTHER = "other"


class AuditAction(StrEnum):
    """What a change did to a record."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    UNDO = "undo"
    GRANT = "grant"
    REVOKE = "revoke"


class CooperationArea(StrEnum):
    """What a partnership works on, as the sources name it."""

    RECOVERY = "recovery"
    SECURITY = "security"
    TRANSPORT_INFRASTRUCTURE = "transport_infrastructure"
    SOCIAL_PROTECTION = "social_protection"
    SOCIAL_PROJECTS = "social_projects"
    ECONOMY = "economy"
    INNOVATION = "innovation"
    ENTREPRENEURSHIP = "entrepreneurship"
    CULTURE = "culture"
    EDUCATION = "education"
    YOUTH = "youth"
    SPORT = "sport"
    TOURISM = "tourism"
    HEALTH = "health"
    HUMANITARIAN_AID = "humanitarian_aid"
    IDP_INTEGRATION = "idp_integration"
    OTHER = "other"


class HromadaKind(StrEnum):
    """The legal type of a hromada; Kyiv and Sevastopol have a special status."""

    URBAN = "urban"
    SETTLEMENT = "settlement"
    RURAL = "rural"
    SPECIAL = "special"


class Entity(StrEnum):
    """The kinds of record, by the names the audit log gives them; the first four are edited
    by admins."""

    SOURCE = "source"
    PLACE = "place"
    AGREEMENT = "agreement"
    AID = "aid"
    HROMADA = "hromada"
    ACTIVITY = "activity"
    PROGRAMME = "programme"
