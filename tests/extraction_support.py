"""What the extraction tests share: the facts of one kind out of an extraction, and one text
extracted as published on a day (the day also being today, as a press release is read)."""

from __future__ import annotations

from knowledge.extraction import (
    AgreementProposal,
    AidProposal,
    DocumentText,
    Extraction,
    Extractor,
)
from knowledge.facts.dates import PartialDate


def extract(extractor: Extractor, text: str, published: PartialDate) -> Extraction:
    """The text's proposals, read as published on `published` and read that day."""
    return extractor.extract(DocumentText(text, date=published), today=published)


def agreements(extraction: Extraction) -> list[AgreementProposal]:
    """The proposed agreements, in the order of the text."""
    return [fact for fact in extraction.facts if isinstance(fact, AgreementProposal)]


def aid(extraction: Extraction) -> list[AidProposal]:
    """The proposed aid records, in the order of the text."""
    return [fact for fact in extraction.facts if isinstance(fact, AidProposal)]
