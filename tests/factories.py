"""Small, valid knowledge documents for tests, with the one detail a test cares about."""

from __future__ import annotations

from typing import Any

from knowledge.facts.documents import (
    AgreementDoc,
    HromadaDoc,
    KnowledgeDocument,
    PlaceDoc,
    SourceDoc,
)

HROMADA_CODE = "UA63120270000028556"


def source(key: str = "test-letter", **changes: Any) -> SourceDoc:
    """A source document."""
    fields: dict[str, Any] = {
        "key": key,
        "kind": "official_letter",
        "title": {"uk": "Лист", "en": "Letter"},
        "issuer": {"uk": "Міська рада", "en": "City council"},
        "issued_on": "2024-01-12",
    }
    return SourceDoc.model_validate(fields | changes)


def hromada(code: str = HROMADA_CODE, **changes: Any) -> HromadaDoc:
    """A hromada."""
    fields: dict[str, Any] = {
        "code": code,
        "name_uk": "Харківська",
        "name_en": "Kharkivska",
        "kind": "urban",
        "center_uk": "Харків",
        "center_en": "Kharkiv",
    }
    return HromadaDoc.model_validate(fields | changes)


def place(key: str = "sk-kosice", **changes: Any) -> PlaceDoc:
    """A partner place."""
    fields: dict[str, Any] = {
        "key": key,
        "name": {"uk": "Кошице", "en": "Košice"},
        "name_local": "Košice",
        "country": "SK",
    }
    return PlaceDoc.model_validate(fields | changes)


def agreement(key: str = "test-agreement", **changes: Any) -> AgreementDoc:
    """An agreement citing the default source."""
    fields: dict[str, Any] = {
        "key": key,
        "hromada": HROMADA_CODE,
        "place": "sk-kosice",
        "kind": "cooperation_agreement",
        "status": "active",
        "signed_on": "2023",
        "sources": [{"source": "test-letter"}],
    }
    return AgreementDoc.model_validate(fields | changes)


def document(**sections: Any) -> KnowledgeDocument:
    """A self-contained document: one source, hromada, place and agreement unless replaced."""
    defaults: dict[str, Any] = {
        "sources": [source()],
        "hromadas": [hromada()],
        "places": [place()],
        "agreements": [agreement()],
    }
    return KnowledgeDocument.model_validate(
        {
            name: [item.model_dump() for item in items]
            for name, items in (defaults | sections).items()
        }
    )
